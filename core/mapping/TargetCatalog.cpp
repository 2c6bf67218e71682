#include "mapping/TargetCatalog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QJsonValue>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace {

// Deeper hierarchies than this are not a real org chart but a hostile or broken body; recursion stops there.
constexpr int kMaxListDepth = 32;

QString jsonTypeName(const QJsonValue& v)
{
    switch (v.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("a boolean");
    case QJsonValue::Double:
        return QStringLiteral("a number");
    case QJsonValue::String:
        return QStringLiteral("a string");
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("missing");
}

bool isAbsent(const QJsonValue& v)
{
    return v.isUndefined() || v.isNull();
}

// Bob sends list item ids as numbers in one place and strings in another; both compare as the same text.
std::optional<QString> idText(const QJsonValue& v)
{
    if (v.isString()) {
        return v.toString().trimmed();
    }
    if (v.isDouble()) {
        const double d = v.toDouble();
        if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 9.0e15) {
            return QString::number(qint64(d));
        }
        return QString::number(d, 'g', 17);
    }
    return std::nullopt;
}

std::optional<QJsonDocument> parseBody(const QByteArray& body, const QString& what, QString* error)
{
    if (body.size() > TargetCatalog::kMaxBodySize) {
        *error = QStringLiteral("%1 is too large (%2 bytes)").arg(what).arg(body.size());
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = QStringLiteral("%1 is not valid JSON: %2 at byte %3")
                     .arg(what, parseError.errorString())
                     .arg(parseError.offset);
        return std::nullopt;
    }
    return doc;
}

bool parseItems(const QJsonArray& array, const QString& where, int depth, QList<ListItem>* items, QString* error);

bool parseItem(const QJsonValue& value, const QString& where, int depth, ListItem* item, QString* error)
{
    if (!value.isObject()) {
        *error = QStringLiteral("%1: is %2, not an object").arg(where, jsonTypeName(value));
        return false;
    }
    const QJsonObject o = value.toObject();
    const auto id = idText(o.value(QLatin1StringView("id")));
    if (!id || id->isEmpty()) {
        *error = QStringLiteral("%1: \"id\" is %2")
                     .arg(where, id ? QStringLiteral("empty") : jsonTypeName(o.value(QLatin1StringView("id"))));
        return false;
    }
    item->id = *id;
    const QJsonValue name = o.value(QLatin1StringView("name"));
    const QJsonValue shown = o.value(QLatin1StringView("value"));
    if (!name.isString() && !isAbsent(name)) {
        *error = QStringLiteral("%1: \"name\" is %2").arg(where, jsonTypeName(name));
        return false;
    }
    if (!shown.isString() && !isAbsent(shown)) {
        *error = QStringLiteral("%1: \"value\" is %2").arg(where, jsonTypeName(shown));
        return false;
    }
    item->name = name.toString().isEmpty() ? shown.toString() : name.toString();
    const QJsonValue archived = o.value(QLatin1StringView("archived"));
    if (!archived.isBool() && !isAbsent(archived)) {
        *error = QStringLiteral("%1: \"archived\" is %2").arg(where, jsonTypeName(archived));
        return false;
    }
    item->archived = archived.toBool();
    const QJsonValue children = o.value(QLatin1StringView("children"));
    if (isAbsent(children)) {
        return true;
    }
    if (!children.isArray()) {
        *error = QStringLiteral("%1: \"children\" is %2").arg(where, jsonTypeName(children));
        return false;
    }
    if (depth >= kMaxListDepth) {
        *error = QStringLiteral("%1: nested deeper than %2 levels").arg(where).arg(kMaxListDepth);
        return false;
    }
    return parseItems(children.toArray(), where, depth + 1, &item->children, error);
}

bool parseItems(const QJsonArray& array, const QString& where, int depth, QList<ListItem>* items, QString* error)
{
    items->reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        ListItem item;
        const QString itemWhere
            = depth == 0 ? QStringLiteral("%1 item %2").arg(where).arg(i) : QStringLiteral("%1/%2").arg(where).arg(i);
        if (!parseItem(array.at(i), itemWhere, depth, &item, error)) {
            return false;
        }
        items->append(item);
    }
    return true;
}

// One list in any of the shapes seen: {name, values: [...]}, {items: [...]} or a bare array.
bool parseList(const QJsonValue& value, const QString& name, QList<ListItem>* items, QString* error)
{
    const QString where = QStringLiteral("named list \"%1\"").arg(name);
    if (value.isArray()) {
        return parseItems(value.toArray(), where, 0, items, error);
    }
    if (!value.isObject()) {
        *error = QStringLiteral("%1: is %2, not an object").arg(where, jsonTypeName(value));
        return false;
    }
    const QJsonObject o = value.toObject();
    for (const auto key : {QLatin1StringView("values"), QLatin1StringView("items")}) {
        const QJsonValue array = o.value(key);
        if (array.isArray()) {
            return parseItems(array.toArray(), where, 0, items, error);
        }
        if (!isAbsent(array)) {
            *error = QStringLiteral("%1: \"%2\" is %3").arg(where, key, jsonTypeName(array));
            return false;
        }
    }
    *error = QStringLiteral("%1: has neither \"values\" nor \"items\"").arg(where);
    return false;
}

bool parseLists(const QByteArray& body, QHash<QString, QList<ListItem>>* lists, QString* error)
{
    if (body.trimmed().isEmpty()) {
        return true;
    }
    const auto doc = parseBody(body, QStringLiteral("named lists"), error);
    if (!doc) {
        return false;
    }
    const auto addNamed = [&](const QJsonObject& list, const QString& where) {
        const QJsonValue name = list.value(QLatin1StringView("name"));
        if (!name.isString() || name.toString().isEmpty()) {
            *error = QStringLiteral("%1: \"name\" is %2")
                         .arg(where, name.isString() ? QStringLiteral("empty") : jsonTypeName(name));
            return false;
        }
        QList<ListItem> items;
        if (!parseList(list, name.toString(), &items, error)) {
            return false;
        }
        lists->insert(name.toString(), items);
        return true;
    };
    if (doc->isArray()) {
        // Not what Bob documents, but a list of lists is unambiguous enough to accept.
        const QJsonArray array = doc->array();
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (!array.at(i).isObject()) {
                *error
                    = QStringLiteral("named lists item %1: is %2, not an object").arg(i).arg(jsonTypeName(array.at(i)));
                return false;
            }
            if (!addNamed(array.at(i).toObject(), QStringLiteral("named lists item %1").arg(i))) {
                return false;
            }
        }
        return true;
    }
    const QJsonObject root = doc->object();
    // GET /named-lists/{name} answers one list; accept it as well.
    if (root.value(QLatin1StringView("name")).isString()
        && (root.value(QLatin1StringView("values")).isArray() || root.value(QLatin1StringView("items")).isArray())) {
        return addNamed(root, QStringLiteral("named list"));
    }
    for (auto it = root.constBegin(); it != root.constEnd(); ++it) {
        QList<ListItem> items;
        if (!parseList(it.value(), it.key(), &items, error)) {
            return false;
        }
        lists->insert(it.key(), items);
    }
    return true;
}

bool isCustomField(const QString& id, const QString& category)
{
    return id.contains(QLatin1StringView(".custom.")) || category.startsWith(QLatin1StringView("category_"));
}

int knownMaxLength(const QString& id)
{
    // Bob's documented limit for the legal name (POST /v1/people).
    return id == QLatin1StringView("root.firstName") || id == QLatin1StringView("root.surname") ? 50 : 0;
}

bool parseField(const QJsonValue& value, const QString& where, TargetField* field, QString* error)
{
    if (!value.isObject()) {
        *error = QStringLiteral("%1: is %2, not an object").arg(where, jsonTypeName(value));
        return false;
    }
    const QJsonObject o = value.toObject();
    const QJsonValue id = o.value(QLatin1StringView("id"));
    if (!id.isString() || id.toString().trimmed().isEmpty()) {
        *error
            = QStringLiteral("%1: \"id\" is %2").arg(where, id.isString() ? QStringLiteral("empty") : jsonTypeName(id));
        return false;
    }
    for (const char* key : {"name", "category", "categoryId", "categoryDisplayName", "type", "jsonPath"}) {
        const QJsonValue v = o.value(QLatin1StringView(key));
        if (!v.isString() && !isAbsent(v)) {
            *error = QStringLiteral("%1 (%2): \"%3\" is %4")
                         .arg(where, id.toString(), QLatin1StringView(key), jsonTypeName(v));
            return false;
        }
    }
    const QJsonValue typeData = o.value(QLatin1StringView("typeData"));
    if (!typeData.isObject() && !isAbsent(typeData)) {
        *error = QStringLiteral("%1 (%2): \"typeData\" is %3").arg(where, id.toString(), jsonTypeName(typeData));
        return false;
    }
    const QJsonValue listId = typeData.toObject().value(QLatin1StringView("listId"));
    const auto listText = idText(listId);
    if (!listText && !isAbsent(listId)) {
        *error = QStringLiteral("%1 (%2): \"typeData.listId\" is %3").arg(where, id.toString(), jsonTypeName(listId));
        return false;
    }
    const QJsonValue historical = o.value(QLatin1StringView("historical"));
    if (!historical.isBool() && !isAbsent(historical)) {
        *error = QStringLiteral("%1 (%2): \"historical\" is %3").arg(where, id.toString(), jsonTypeName(historical));
        return false;
    }
    field->id = id.toString();
    field->name = o.value(QLatin1StringView("name")).toString();
    if (field->name.isEmpty()) {
        field->name = field->id;
    }
    field->category = o.value(QLatin1StringView("categoryId")).toString();
    if (field->category.isEmpty()) {
        field->category = o.value(QLatin1StringView("category")).toString();
    }
    field->categoryDisplayName = o.value(QLatin1StringView("categoryDisplayName")).toString();
    field->type = o.value(QLatin1StringView("type")).toString();
    field->listId = listText.value_or(QString());
    field->jsonPath = o.value(QLatin1StringView("jsonPath")).toString();
    field->historical = historical.toBool();
    field->custom = isCustomField(field->id, field->category);
    return true;
}

QJsonArray itemsToJson(const QList<ListItem>& items)
{
    QJsonArray array;
    for (const auto& item : items) {
        QJsonObject o {{QStringLiteral("id"), item.id}, {QStringLiteral("name"), item.name}};
        if (item.archived) {
            o.insert(QStringLiteral("archived"), true);
        }
        if (!item.children.isEmpty()) {
            o.insert(QStringLiteral("children"), itemsToJson(item.children));
        }
        array.append(o);
    }
    return array;
}

} // namespace

std::optional<TargetCatalog> TargetCatalog::fromBob(
    const QByteArray& fieldsBody, const QByteArray& namedListsBody, QString* error)
{
    QString problem;
    const auto fail = [&]() -> std::optional<TargetCatalog> {
        if (error) {
            *error = problem;
        }
        return std::nullopt;
    };
    const auto doc = parseBody(fieldsBody, QStringLiteral("fields metadata"), &problem);
    if (!doc) {
        return fail();
    }
    if (!doc->isArray()) {
        problem = QStringLiteral("fields metadata is an object, not an array");
        return fail();
    }
    TargetCatalog catalog;
    catalog.target = QStringLiteral("bob");
    catalog.fetchedAt = QDateTime::currentDateTimeUtc();
    const QJsonArray array = doc->array();
    catalog.fields.reserve(array.size());
    QSet<QString> seen;
    for (qsizetype i = 0; i < array.size(); ++i) {
        TargetField field;
        if (!parseField(array.at(i), QStringLiteral("fields metadata item %1").arg(i), &field, &problem)) {
            return fail();
        }
        if (seen.contains(field.id)) {
            continue;
        }
        seen.insert(field.id);
        field.maxLength = knownMaxLength(field.id);
        catalog.fields.append(field);
    }
    if (!parseLists(namedListsBody, &catalog.lists, &problem)) {
        return fail();
    }
    return catalog;
}

QStringList TargetCatalog::requiredFields(const QString& target, bool directMode)
{
    if (target == QLatin1StringView("bamboohr")) {
        return {QStringLiteral("firstName"), QStringLiteral("lastName"), QStringLiteral("workEmail")};
    }
    if (target == QLatin1StringView("personio")) {
        return {QStringLiteral("email"), QStringLiteral("first_name"), QStringLiteral("last_name")};
    }
    if (target != QLatin1StringView("bob")) {
        return {};
    }
    if (directMode) {
        return {QStringLiteral("root.firstName"), QStringLiteral("root.surname"), QStringLiteral("root.email"),
            QStringLiteral("work.site"), QStringLiteral("work.startDate")};
    }
    // The e-mail is what duplicates are checked by. Names stay optional: a mononym or a name written without spaces
    // has no surname to split off, and HR completes such a hire in Bob.
    return {QStringLiteral("root.email")};
}

void TargetCatalog::markRequired(bool directMode)
{
    const QStringList ids = requiredFields(target, directMode);
    for (auto& f : fields) {
        f.required = ids.contains(f.id);
    }
}

const TargetField* TargetCatalog::field(const QString& id) const
{
    for (const auto& f : fields) {
        if (f.id == id) {
            return &f;
        }
    }
    return nullptr;
}

const QList<ListItem>* TargetCatalog::list(const QString& listId) const
{
    const auto it = lists.constFind(listId);
    return it == lists.constEnd() ? nullptr : &*it;
}

bool TargetCatalog::hasCustomFields() const
{
    return std::any_of(fields.cbegin(), fields.cend(), [](const TargetField& f) { return f.custom; });
}

bool TargetCatalog::isListType(const QString& type)
{
    return type == QLatin1StringView("list") || type == QLatin1StringView("multi-list")
        || type == QLatin1StringView("hierarchy-list");
}

QJsonObject TargetCatalog::toJson() const
{
    QJsonArray fieldArray;
    for (const auto& f : fields) {
        QJsonObject o {{QStringLiteral("id"), f.id}, {QStringLiteral("name"), f.name},
            {QStringLiteral("category"), f.category}, {QStringLiteral("categoryDisplayName"), f.categoryDisplayName},
            {QStringLiteral("type"), f.type}, {QStringLiteral("jsonPath"), f.jsonPath},
            {QStringLiteral("custom"), f.custom}, {QStringLiteral("historical"), f.historical}};
        if (!f.listId.isEmpty()) {
            o.insert(QStringLiteral("listId"), f.listId);
        }
        if (f.required) {
            o.insert(QStringLiteral("required"), true);
        }
        if (f.maxLength > 0) {
            o.insert(QStringLiteral("maxLength"), f.maxLength);
        }
        fieldArray.append(o);
    }
    QJsonObject listObject;
    for (auto it = lists.constBegin(); it != lists.constEnd(); ++it) {
        listObject.insert(it.key(), itemsToJson(it.value()));
    }
    return {{QStringLiteral("target"), target},
        {QStringLiteral("fetchedAt"), fetchedAt.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("fields"), fieldArray}, {QStringLiteral("lists"), listObject}};
}

std::optional<TargetCatalog> TargetCatalog::fromJson(const QJsonObject& object, QString* error)
{
    QString problem;
    const auto fail = [&]() -> std::optional<TargetCatalog> {
        if (error) {
            *error = QStringLiteral("cached field catalogue: ") + problem;
        }
        return std::nullopt;
    };
    TargetCatalog catalog;
    const QJsonValue target = object.value(QLatin1StringView("target"));
    if (!target.isString() || target.toString().isEmpty()) {
        problem = QStringLiteral("\"target\" is %1")
                      .arg(target.isString() ? QStringLiteral("empty") : jsonTypeName(target));
        return fail();
    }
    catalog.target = target.toString();
    const QJsonValue fetchedAt = object.value(QLatin1StringView("fetchedAt"));
    if (fetchedAt.isString()) {
        catalog.fetchedAt = QDateTime::fromString(fetchedAt.toString(), Qt::ISODateWithMs);
    }
    const QJsonValue fieldArray = object.value(QLatin1StringView("fields"));
    if (!fieldArray.isArray()) {
        problem = QStringLiteral("\"fields\" is %1").arg(jsonTypeName(fieldArray));
        return fail();
    }
    const QJsonArray array = fieldArray.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        TargetField field;
        const QString where = QStringLiteral("field %1").arg(i);
        if (!parseField(array.at(i), where, &field, &problem)) {
            return fail();
        }
        const QJsonObject o = array.at(i).toObject();
        // The cache is written by toJson(), with the list id flat and the flags already decided.
        const auto listId = idText(o.value(QLatin1StringView("listId")));
        if (listId) {
            field.listId = *listId;
        }
        field.category = o.value(QLatin1StringView("category")).toString();
        field.custom = o.value(QLatin1StringView("custom")).toBool(field.custom);
        field.required = o.value(QLatin1StringView("required")).toBool();
        // The limit is whatever was cached (toJson() always writes it): Bob's name limit belongs to Bob's fields only.
        field.maxLength = std::max(0, o.value(QLatin1StringView("maxLength")).toInt(0));
        catalog.fields.append(field);
    }
    const QJsonValue lists = object.value(QLatin1StringView("lists"));
    if (!lists.isObject() && !isAbsent(lists)) {
        problem = QStringLiteral("\"lists\" is %1").arg(jsonTypeName(lists));
        return fail();
    }
    const QJsonObject listObject = lists.toObject();
    for (auto it = listObject.constBegin(); it != listObject.constEnd(); ++it) {
        QList<ListItem> items;
        if (!parseList(it.value(), it.key(), &items, &problem)) {
            return fail();
        }
        catalog.lists.insert(it.key(), items);
    }
    return catalog;
}

TargetCatalog TargetCatalog::bobBuiltin()
{
    struct Builtin
    {
        const char* id;
        const char* name;
        const char* category;
        const char* categoryName;
        const char* type;
        const char* listId;
        const char* jsonPath;
        bool historical;
    };
    // clang-format off
    static const Builtin kFields[] = {
        {"root.firstName", "First name", "root", "Basic info", "text", "", "firstName", false},
        {"root.surname", "Last name", "root", "Basic info", "text", "", "surname", false},
        {"root.secondName", "Middle name", "root", "Basic info", "text", "", "secondName", false},
        {"root.displayName", "Display name", "root", "Basic info", "text", "", "displayName", false},
        {"root.email", "Email", "root", "Basic info", "text", "", "email", false},
        {"work.startDate", "Start date", "work", "Work", "date", "", "work.startDate", false},
        {"work.title", "Job title", "work", "Work", "list", "title", "work.title", true},
        {"work.department", "Department", "work", "Work", "list", "department", "work.department", true},
        {"work.site", "Site", "work", "Work", "list", "site", "work.site", true},
        {"work.reportsTo", "Reports to", "work", "Work", "employee-reference", "", "work.reportsTo", true},
    };
    // clang-format on
    TargetCatalog catalog;
    catalog.target = QStringLiteral("bob");
    for (const auto& b : kFields) {
        TargetField f;
        f.id = QLatin1StringView(b.id);
        f.name = QLatin1StringView(b.name);
        f.category = QLatin1StringView(b.category);
        f.categoryDisplayName = QLatin1StringView(b.categoryName);
        f.type = QLatin1StringView(b.type);
        f.listId = QLatin1StringView(b.listId);
        f.jsonPath = QLatin1StringView(b.jsonPath);
        f.historical = b.historical;
        f.maxLength = knownMaxLength(f.id);
        catalog.fields.append(f);
    }
    return catalog;
}

// ---- BambooHR and Personio ---------------------------------------------------------------------------------------

namespace {

// BambooHR writes flags as "yes"/"no" in some answers and as booleans in others.
std::optional<bool> yesNo(const QJsonValue& v)
{
    if (v.isBool()) {
        return v.toBool();
    }
    if (v.isString()) {
        const QString text = v.toString().trimmed().toLower();
        if (text == QLatin1StringView("yes") || text == QLatin1StringView("true") || text == QLatin1StringView("1")) {
            return true;
        }
        if (text == QLatin1StringView("no") || text == QLatin1StringView("false") || text == QLatin1StringView("0")
            || text.isEmpty()) {
            return false;
        }
    }
    if (v.isDouble()) {
        return v.toDouble() != 0;
    }
    return std::nullopt;
}

// BambooHR's field types in the engine's words. Types with a fixed set of values become lists (checked against
// meta/lists when it has them); booleans stay text because BambooHR's checkboxes take "yes"/"no", which the engine
// writes for a boolean sent to a text field; currencies stay text ("1000.00 USD"), Bob's currency object does not fit.
QString bambooHrType(const QString& type)
{
    const QString t = type.trimmed().toLower();
    if (t == QLatin1StringView("date")) {
        return QStringLiteral("date");
    }
    if (t == QLatin1StringView("int") || t == QLatin1StringView("integer") || t == QLatin1StringView("number")
        || t == QLatin1StringView("float") || t == QLatin1StringView("decimal")
        || t == QLatin1StringView("percentage")) {
        return QStringLiteral("number");
    }
    if (t == QLatin1StringView("textarea")) {
        return QStringLiteral("text-area");
    }
    if (t == QLatin1StringView("list") || t == QLatin1StringView("gender") || t == QLatin1StringView("marital_status")
        || t == QLatin1StringView("country") || t == QLatin1StringView("state") || t == QLatin1StringView("status")
        || t == QLatin1StringView("pay_type") || t == QLatin1StringView("paid_per")) {
        return QStringLiteral("list");
    }
    if (t == QLatin1StringView("multilist") || t == QLatin1StringView("multi_list")
        || t == QLatin1StringView("multi-list")) {
        return QStringLiteral("multi-list");
    }
    if (t == QLatin1StringView("employee")) {
        return QStringLiteral("employee-reference");
    }
    return QStringLiteral("text");
}

struct BambooList
{
    QString fieldId; // numeric id as text
    QString alias;
    bool multiple = false;
    QList<ListItem> items;
};

bool parseBambooHrLists(const QByteArray& body, QList<BambooList>* lists, QString* error)
{
    if (body.trimmed().isEmpty()) {
        return true;
    }
    const auto doc = parseBody(body, QStringLiteral("BambooHR list metadata"), error);
    if (!doc) {
        return false;
    }
    if (!doc->isArray()) {
        *error = QStringLiteral("BambooHR list metadata is an object, not an array");
        return false;
    }
    const QJsonArray array = doc->array();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString where = QStringLiteral("BambooHR list metadata item %1").arg(i);
        if (!array.at(i).isObject()) {
            *error = QStringLiteral("%1: is %2, not an object").arg(where, jsonTypeName(array.at(i)));
            return false;
        }
        const QJsonObject o = array.at(i).toObject();
        BambooList list;
        const auto fieldId = idText(o.value(QLatin1StringView("fieldId")));
        if (!fieldId && !isAbsent(o.value(QLatin1StringView("fieldId")))) {
            *error = QStringLiteral("%1: \"fieldId\" is %2")
                         .arg(where, jsonTypeName(o.value(QLatin1StringView("fieldId"))));
            return false;
        }
        list.fieldId = fieldId.value_or(QString());
        const QJsonValue alias = o.value(QLatin1StringView("alias"));
        if (!alias.isString() && !isAbsent(alias)) {
            *error = QStringLiteral("%1: \"alias\" is %2").arg(where, jsonTypeName(alias));
            return false;
        }
        list.alias = alias.toString().trimmed();
        if (list.fieldId.isEmpty() && list.alias.isEmpty()) {
            *error = QStringLiteral("%1: has neither \"fieldId\" nor \"alias\"").arg(where);
            return false;
        }
        list.multiple = yesNo(o.value(QLatin1StringView("multiple"))).value_or(false);
        const QJsonValue options = o.value(QLatin1StringView("options"));
        if (isAbsent(options)) {
            lists->append(list);
            continue;
        }
        if (!options.isArray()) {
            *error = QStringLiteral("%1: \"options\" is %2").arg(where, jsonTypeName(options));
            return false;
        }
        const QJsonArray optionArray = options.toArray();
        for (qsizetype j = 0; j < optionArray.size(); ++j) {
            const QString optionWhere = QStringLiteral("%1 option %2").arg(where).arg(j);
            if (!optionArray.at(j).isObject()) {
                *error = QStringLiteral("%1: is %2, not an object").arg(optionWhere, jsonTypeName(optionArray.at(j)));
                return false;
            }
            const QJsonObject option = optionArray.at(j).toObject();
            const auto id = idText(option.value(QLatin1StringView("id")));
            if (!id || id->isEmpty()) {
                *error = QStringLiteral("%1: \"id\" is %2")
                             .arg(optionWhere,
                                 id ? QStringLiteral("empty") : jsonTypeName(option.value(QLatin1StringView("id"))));
                return false;
            }
            const QJsonValue name = option.value(QLatin1StringView("name"));
            if (!name.isString()) {
                *error = QStringLiteral("%1: \"name\" is %2").arg(optionWhere, jsonTypeName(name));
                return false;
            }
            const QJsonValue archived = option.value(QLatin1StringView("archived"));
            const auto archivedFlag = yesNo(archived);
            if (!archivedFlag && !isAbsent(archived)) {
                *error = QStringLiteral("%1: \"archived\" is %2").arg(optionWhere, jsonTypeName(archived));
                return false;
            }
            ListItem item;
            item.id = *id;
            item.name = name.toString();
            item.archived = archivedFlag.value_or(false);
            list.items.append(item);
        }
        lists->append(list);
    }
    return true;
}

// Personio's attribute types in the engine's words; unknown types are sent as text.
QString personioType(const QString& type)
{
    const QString t = type.trimmed().toLower();
    if (t == QLatin1StringView("multiline")) {
        return QStringLiteral("text-area");
    }
    if (t == QLatin1StringView("date")) {
        return QStringLiteral("date");
    }
    if (t == QLatin1StringView("integer") || t == QLatin1StringView("decimal")) {
        return QStringLiteral("number");
    }
    if (t == QLatin1StringView("list")) {
        return QStringLiteral("list");
    }
    if (t == QLatin1StringView("tags")) {
        return QStringLiteral("multi-list");
    }
    return QStringLiteral("text"); // standard, link and anything new
}

TargetField builtinField(const char* id, const char* name, const char* type, bool list)
{
    TargetField f;
    f.id = QLatin1StringView(id);
    f.name = QLatin1StringView(name);
    f.type = QLatin1StringView(type);
    if (list) {
        f.listId = f.id;
    }
    return f;
}

} // namespace

std::optional<TargetCatalog> TargetCatalog::fromBambooHr(
    const QByteArray& fieldsBody, const QByteArray& listsBody, QString* error)
{
    QString problem;
    const auto fail = [&]() -> std::optional<TargetCatalog> {
        if (error) {
            *error = problem;
        }
        return std::nullopt;
    };
    const auto doc = parseBody(fieldsBody, QStringLiteral("BambooHR field metadata"), &problem);
    if (!doc) {
        return fail();
    }
    if (!doc->isArray()) {
        problem = QStringLiteral("BambooHR field metadata is %1, not an array")
                      .arg(doc->isObject() ? QStringLiteral("an object") : QStringLiteral("empty"));
        return fail();
    }
    TargetCatalog catalog;
    catalog.target = QStringLiteral("bamboohr");
    catalog.fetchedAt = QDateTime::currentDateTimeUtc();
    QHash<QString, QString> idByNumber; // BambooHR's numeric id -> our field id (the alias when there is one)
    QSet<QString> seen;
    const QJsonArray array = doc->array();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString where = QStringLiteral("BambooHR field metadata item %1").arg(i);
        if (!array.at(i).isObject()) {
            problem = QStringLiteral("%1: is %2, not an object").arg(where, jsonTypeName(array.at(i)));
            return fail();
        }
        const QJsonObject o = array.at(i).toObject();
        const auto number = idText(o.value(QLatin1StringView("id")));
        if (!number || number->isEmpty()) {
            problem
                = QStringLiteral("%1: \"id\" is %2")
                      .arg(where, number ? QStringLiteral("empty") : jsonTypeName(o.value(QLatin1StringView("id"))));
            return fail();
        }
        for (const char* key : {"name", "type", "alias"}) {
            const QJsonValue v = o.value(QLatin1StringView(key));
            if (!v.isString() && !isAbsent(v)) {
                problem = QStringLiteral("%1 (%2): \"%3\" is %4")
                              .arg(where, *number, QLatin1StringView(key), jsonTypeName(v));
                return fail();
            }
        }
        const QString alias = o.value(QLatin1StringView("alias")).toString().trimmed();
        TargetField field;
        field.id = alias.isEmpty() ? *number : alias;
        if (seen.contains(field.id)) {
            continue;
        }
        seen.insert(field.id);
        idByNumber.insert(*number, field.id);
        field.name = o.value(QLatin1StringView("name")).toString();
        if (field.name.isEmpty()) {
            field.name = field.id;
        }
        field.type = bambooHrType(o.value(QLatin1StringView("type")).toString());
        if (isListType(field.type)) {
            field.listId = field.id;
        }
        // Custom fields have no alias or one BambooHR generated with a "custom" prefix ("customShirtSize").
        field.custom = alias.isEmpty() || alias.startsWith(QLatin1StringView("custom"));
        catalog.fields.append(field);
    }

    QList<BambooList> lists;
    if (!parseBambooHrLists(listsBody, &lists, &problem)) {
        return fail();
    }
    for (const BambooList& list : lists) {
        QString fieldId = idByNumber.value(list.fieldId);
        if (fieldId.isEmpty()) {
            fieldId = list.alias.isEmpty() ? list.fieldId : list.alias;
        }
        catalog.lists.insert(fieldId, list.items);
        // meta/lists is the authority on which fields take list values, whatever type meta/fields gave them.
        for (TargetField& field : catalog.fields) {
            if (field.id == fieldId) {
                field.type = list.multiple ? QStringLiteral("multi-list") : QStringLiteral("list");
                field.listId = fieldId;
            }
        }
    }
    return catalog;
}

std::optional<TargetCatalog> TargetCatalog::fromPersonio(const QByteArray& attributesBody, QString* error)
{
    QString problem;
    const auto fail = [&]() -> std::optional<TargetCatalog> {
        if (error) {
            *error = problem;
        }
        return std::nullopt;
    };
    const QString what = QStringLiteral("Personio attribute list");
    const auto doc = parseBody(attributesBody, what, &problem);
    if (!doc) {
        return fail();
    }
    if (!doc->isObject()) {
        problem = QStringLiteral("%1 is %2, not an object")
                      .arg(what, doc->isArray() ? QStringLiteral("an array") : QStringLiteral("empty"));
        return fail();
    }
    const QJsonObject root = doc->object();
    const QJsonValue success = root.value(QLatin1StringView("success"));
    if (success.isBool() && !success.toBool()) {
        const QString message
            = root.value(QLatin1StringView("error")).toObject().value(QLatin1StringView("message")).toString();
        problem = QStringLiteral("%1 says success: false%2")
                      .arg(what, message.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(message));
        return fail();
    }
    const QJsonValue data = root.value(QLatin1StringView("data"));
    if (!data.isArray()) {
        problem = QStringLiteral("%1: \"data\" is %2, not an array").arg(what, jsonTypeName(data));
        return fail();
    }
    TargetCatalog catalog;
    catalog.target = QStringLiteral("personio");
    catalog.fetchedAt = QDateTime::currentDateTimeUtc();
    QSet<QString> seen;
    const QJsonArray array = data.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString where = QStringLiteral("%1 item %2").arg(what).arg(i);
        if (!array.at(i).isObject()) {
            problem = QStringLiteral("%1: is %2, not an object").arg(where, jsonTypeName(array.at(i)));
            return fail();
        }
        const QJsonObject o = array.at(i).toObject();
        const QJsonValue key = o.value(QLatin1StringView("key"));
        if (!key.isString() || key.toString().trimmed().isEmpty()) {
            problem = QStringLiteral("%1: \"key\" is %2")
                          .arg(where, key.isString() ? QStringLiteral("empty") : jsonTypeName(key));
            return fail();
        }
        for (const char* name : {"label", "type"}) {
            const QJsonValue v = o.value(QLatin1StringView(name));
            if (!v.isString() && !isAbsent(v)) {
                problem = QStringLiteral("%1 (%2): \"%3\" is %4")
                              .arg(where, key.toString(), QLatin1StringView(name), jsonTypeName(v));
                return fail();
            }
        }
        TargetField field;
        field.id = key.toString().trimmed();
        if (seen.contains(field.id)) {
            continue;
        }
        seen.insert(field.id);
        field.name = o.value(QLatin1StringView("label")).toString();
        if (field.name.isEmpty()) {
            field.name = field.id;
        }
        field.type = personioType(o.value(QLatin1StringView("type")).toString());
        field.custom = field.id.startsWith(QLatin1StringView("dynamic_"));
        const QJsonValue options = o.value(QLatin1StringView("options"));
        if (!options.isArray() && !isAbsent(options)) {
            problem = QStringLiteral("%1 (%2): \"options\" is %3").arg(where, field.id, jsonTypeName(options));
            return fail();
        }
        if (isListType(field.type)) {
            field.listId = field.id;
            QList<ListItem> items;
            const QJsonArray optionArray = options.toArray();
            for (qsizetype j = 0; j < optionArray.size(); ++j) {
                // Documented as plain strings; an object with a value/name/label is taken too.
                QJsonValue option = optionArray.at(j);
                if (option.isObject()) {
                    const QJsonObject object = option.toObject();
                    for (const char* name : {"value", "name", "label"}) {
                        if (idText(object.value(QLatin1StringView(name)))) {
                            option = object.value(QLatin1StringView(name));
                            break;
                        }
                    }
                }
                const auto text = idText(option);
                if (!text) {
                    problem = QStringLiteral("%1 (%2): option %3 is %4")
                                  .arg(where, field.id)
                                  .arg(j)
                                  .arg(jsonTypeName(optionArray.at(j)));
                    return fail();
                }
                if (text->isEmpty()) {
                    continue; // a blank option names nothing an admin could pick or a hire could carry
                }
                ListItem item;
                item.id = *text;
                item.name = *text;
                items.append(item);
            }
            catalog.lists.insert(field.id, items);
        }
        catalog.fields.append(field);
    }
    return catalog;
}

TargetCatalog TargetCatalog::bambooHrBuiltin()
{
    TargetCatalog catalog;
    catalog.target = QStringLiteral("bamboohr");
    catalog.fields = {
        builtinField("firstName", "First name", "text", false),
        builtinField("lastName", "Last name", "text", false),
        builtinField("workEmail", "Work email", "text", false),
        builtinField("homeEmail", "Home email", "text", false),
        builtinField("preferredName", "Preferred name", "text", false),
        builtinField("jobTitle", "Job title", "list", true),
        builtinField("department", "Department", "list", true),
        builtinField("division", "Division", "list", true),
        builtinField("location", "Location", "list", true),
        builtinField("hireDate", "Hire date", "date", false),
        builtinField("employmentHistoryStatus", "Employment status", "text", false),
        builtinField("mobilePhone", "Mobile phone", "text", false),
    };
    return catalog;
}

TargetCatalog TargetCatalog::personioBuiltin()
{
    TargetCatalog catalog;
    catalog.target = QStringLiteral("personio");
    catalog.fields = {
        builtinField("email", "Email", "text", false),
        builtinField("first_name", "First name", "text", false),
        builtinField("last_name", "Last name", "text", false),
        builtinField("preferred_name", "Preferred name", "text", false),
        builtinField("gender", "Gender", "text", false),
        builtinField("position", "Position", "text", false),
        builtinField("department", "Department", "text", false),
        builtinField("office", "Office", "text", false),
        builtinField("subcompany", "Subcompany", "text", false),
        builtinField("hire_date", "Hire date", "date", false),
        builtinField("weekly_working_hours", "Weekly working hours", "number", false),
    };
    return catalog;
}
