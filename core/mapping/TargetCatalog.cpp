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
        return v.toString();
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
    field->maxLength = knownMaxLength(field->id);
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
        catalog.fields.append(field);
    }
    if (!parseLists(namedListsBody, &catalog.lists, &problem)) {
        return fail();
    }
    return catalog;
}

QStringList TargetCatalog::requiredFields(const QString& target, bool directMode)
{
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
        field.maxLength = std::max(0, o.value(QLatin1StringView("maxLength")).toInt(field.maxLength));
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
