#include "mapping/SourceCatalog.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>
#include <array>

namespace {

// An empty text means "no value there", so it must not be sent as "" (which would blank a field in the HRIS).
QJsonValue text(const QString& value)
{
    return value.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(value);
}

struct Builtin
{
    const char* path;
    const char* label;
    const char* group;
    const char* type;
    SourceCatalog::Accessor accessor;
};

// clang-format off
const std::array<Builtin, 20> kBuiltins {{
    {"candidate.name", "Full name", "Candidate", "String", [](const Hire& h) { return text(h.name); }},
    {"candidate.firstName", "First name", "Candidate", "String", [](const Hire& h) { return text(h.firstName); }},
    {"candidate.lastName", "Last name", "Candidate", "String", [](const Hire& h) { return text(h.lastName); }},
    {"candidate.email", "E-mail", "Candidate", "Email", [](const Hire& h) { return text(h.email); }},
    {"candidate.phone", "Phone", "Candidate", "Phone", [](const Hire& h) { return text(h.phone); }},
    {"candidate.id", "Candidate ID", "Candidate", "String", [](const Hire& h) { return text(h.candidateId); }},
    {"candidate.profileUrl", "Link to the candidate in Ashby", "Candidate", "Url",
        [](const Hire& h) { return text(h.profileUrl); }},
    {"application.id", "Application ID", "Application", "String",
        [](const Hire& h) { return text(h.applicationId); }},
    {"job.title", "Job title", "Job", "String", [](const Hire& h) { return text(h.jobTitle); }},
    {"job.department", "Department", "Job", "String", [](const Hire& h) { return text(h.department); }},
    {"job.location", "Location", "Job", "String", [](const Hire& h) { return text(h.location); }},
    {"job.employmentType", "Employment type", "Job", "String", [](const Hire& h) { return text(h.employmentType); }},
    {"offer.id", "Offer ID", "Offer", "String", [](const Hire& h) { return text(h.offerId); }},
    {"offer.startDate", "Start date", "Offer", "Date", [](const Hire& h) { return text(h.startDate); }},
    {"offer.salary.value", "Salary", "Offer", "Number",
        [](const Hire& h) { return h.salary ? QJsonValue(h.salary->value) : QJsonValue(QJsonValue::Undefined); }},
    {"offer.salary.currencyCode", "Salary currency", "Offer", "String",
        [](const Hire& h) { return h.salary ? text(h.salary->currencyCode) : QJsonValue(QJsonValue::Undefined); }},
    {"hiringManager.name", "Hiring manager", "Hiring manager", "String",
        [](const Hire& h) { return text(h.hiringManager.displayName()); }},
    {"hiringManager.firstName", "Hiring manager's first name", "Hiring manager", "String",
        [](const Hire& h) { return text(h.hiringManager.firstName); }},
    {"hiringManager.lastName", "Hiring manager's last name", "Hiring manager", "String",
        [](const Hire& h) { return text(h.hiringManager.lastName); }},
    {"hiringManager.email", "Hiring manager's e-mail", "Hiring manager", "Email",
        [](const Hire& h) { return text(h.hiringManager.email); }},
}};
// clang-format on

const Builtin* findBuiltin(const QString& path)
{
    for (const auto& b : kBuiltins) {
        if (path == QLatin1StringView(b.path)) {
            return &b;
        }
    }
    return nullptr;
}

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

bool isEmptyValue(const QJsonValue& v)
{
    return v.isUndefined() || v.isNull() || (v.isString() && v.toString().isEmpty())
        || (v.isArray() && v.toArray().isEmpty());
}

} // namespace

QList<SourceField> SourceCatalog::builtinFields()
{
    QList<SourceField> fields;
    fields.reserve(qsizetype(kBuiltins.size()));
    for (const auto& b : kBuiltins) {
        SourceField f;
        f.path = QLatin1StringView(b.path);
        f.label = QLatin1StringView(b.label);
        f.group = QLatin1StringView(b.group);
        f.ashbyType = QLatin1StringView(b.type);
        fields.append(f);
    }
    return fields;
}

SourceCatalog::Accessor SourceCatalog::builtinAccessor(const QString& path)
{
    const Builtin* b = findBuiltin(path);
    return b ? b->accessor : nullptr;
}

QString SourceCatalog::groupForObjectType(const QString& objectType)
{
    if (objectType == QLatin1StringView("Offer") || objectType == QLatin1StringView("Offer_Version")) {
        return QStringLiteral("Offer");
    }
    if (objectType == QLatin1StringView("Opening_Version")) {
        return QStringLiteral("Opening");
    }
    return objectType.isEmpty() ? QStringLiteral("Other") : objectType;
}

SourceCatalog SourceCatalog::fromDefinitions(const QJsonArray& definitions, QString* error)
{
    SourceCatalog catalog;
    catalog.m_fields = builtinFields();
    QStringList problems;
    for (qsizetype i = 0; i < definitions.size(); ++i) {
        const QJsonValue entry = definitions.at(i);
        const auto problem = [&](const QString& what) {
            problems.append(QStringLiteral("custom field definition %1: %2").arg(i).arg(what));
        };
        if (!entry.isObject()) {
            problem(QStringLiteral("is %1, not an object").arg(jsonTypeName(entry)));
            continue;
        }
        const QJsonObject o = entry.toObject();
        const QJsonValue id = o.value(QLatin1StringView("id"));
        if (!id.isString() || id.toString().isEmpty()) {
            problem(id.isString() ? QStringLiteral("\"id\" is empty")
                                  : QStringLiteral("\"id\" is %1").arg(jsonTypeName(id)));
            continue;
        }
        const QJsonValue title = o.value(QLatin1StringView("title"));
        const QJsonValue objectType = o.value(QLatin1StringView("objectType"));
        const QJsonValue fieldType = o.value(QLatin1StringView("fieldType"));
        const QJsonValue archived = o.value(QLatin1StringView("isArchived"));
        const QJsonValue selectable = o.value(QLatin1StringView("selectableValues"));
        const auto wrongType = [&](const char* key, const QJsonValue& v, bool ok) {
            if (!ok) {
                problem(QStringLiteral("\"%1\" is %2").arg(QLatin1StringView(key), jsonTypeName(v)));
            }
            return !ok;
        };
        const auto optionalString = [](const QJsonValue& v) { return v.isString() || v.isUndefined() || v.isNull(); };
        if (wrongType("title", title, optionalString(title))
            || wrongType("objectType", objectType, optionalString(objectType))
            || wrongType("fieldType", fieldType, optionalString(fieldType))
            || wrongType("isArchived", archived, archived.isBool() || archived.isUndefined() || archived.isNull())
            || wrongType("selectableValues", selectable,
                selectable.isArray() || selectable.isUndefined() || selectable.isNull())) {
            continue;
        }
        SourceField f;
        f.path = customPath(id.toString());
        if (catalog.m_byPath.contains(f.path)) {
            problem(QStringLiteral("\"%1\" is listed twice").arg(id.toString()));
            continue;
        }
        f.label = title.toString().isEmpty() ? id.toString() : title.toString();
        f.group = groupForObjectType(objectType.toString());
        f.ashbyType = fieldType.toString();
        f.custom = true;
        f.archived = archived.toBool();
        const QJsonArray options = selectable.toArray();
        for (const auto& option : options) {
            const QJsonObject optionObject = option.toObject();
            QString label = optionObject.value(QLatin1StringView("label")).toString();
            if (label.isEmpty()) {
                label = optionObject.value(QLatin1StringView("value")).toString();
            }
            if (!label.isEmpty()) {
                f.options.append(label);
            }
        }
        catalog.m_byPath.insert(f.path, catalog.m_fields.size());
        catalog.m_fields.append(f);
        catalog.m_definitions.append(o);
    }
    for (qsizetype i = 0; i < catalog.m_fields.size(); ++i) {
        catalog.m_byPath.insert(catalog.m_fields.at(i).path, i);
    }
    if (error) {
        *error = problems.join(QStringLiteral("; "));
    }
    return catalog;
}

std::optional<SourceField> SourceCatalog::field(const QString& path) const
{
    const auto it = m_byPath.constFind(path);
    if (it != m_byPath.constEnd()) {
        return m_fields.at(*it);
    }
    if (m_byPath.isEmpty()) {
        // A default-constructed catalogue still knows the built-in fields.
        if (const Builtin* b = findBuiltin(path)) {
            return SourceField {path, QLatin1StringView(b->label), QLatin1StringView(b->group),
                QLatin1StringView(b->type), false, false, {}};
        }
    }
    return std::nullopt;
}

bool SourceCatalog::hasCustomFields() const
{
    return std::any_of(m_fields.cbegin(), m_fields.cend(), [](const SourceField& f) { return f.custom; });
}

QJsonValue SourceCatalog::customValue(const CustomFieldValue& value, const QString& fieldType)
{
    const QString& type = value.fieldType.isEmpty() ? fieldType : value.fieldType;
    const QJsonValue& raw = value.value;
    QJsonValue result;
    if (type == QLatin1StringView("ValueSelect")) {
        result = value.valueLabel.isString() && !value.valueLabel.toString().isEmpty() ? value.valueLabel : raw;
    } else if (type == QLatin1StringView("MultiValueSelect")) {
        result = value.valueLabel.isArray() ? value.valueLabel : raw;
        if (result.isString()) {
            result = QJsonArray {result};
        }
    } else if (type == QLatin1StringView("Currency")) {
        if (raw.isObject()) {
            const QJsonObject o = raw.toObject();
            result = QJsonObject {{QStringLiteral("value"), o.value(QLatin1StringView("value"))},
                {QStringLiteral("currencyCode"), o.value(QLatin1StringView("currencyCode"))}};
        } else {
            result = raw;
        }
    } else if (type.isEmpty()) {
        // Definition unknown: a label, when Ashby sent one, is what a person reads, so it wins.
        const bool hasLabel
            = (value.valueLabel.isString() && !value.valueLabel.toString().isEmpty()) || value.valueLabel.isArray();
        result = hasLabel ? value.valueLabel : raw;
    } else {
        result = raw;
    }
    return isEmptyValue(result) ? QJsonValue(QJsonValue::Undefined) : result;
}

QJsonValue SourceCatalog::resolve(const Hire& hire, const QString& path)
{
    if (const Builtin* b = findBuiltin(path)) {
        return b->accessor(hire);
    }
    if (path.startsWith(QLatin1StringView("custom."))) {
        const QStringView id = QStringView(path).mid(7);
        for (const auto& value : hire.customFields) {
            if (value.id == id) {
                return customValue(value);
            }
        }
    }
    return QJsonValue(QJsonValue::Undefined);
}
