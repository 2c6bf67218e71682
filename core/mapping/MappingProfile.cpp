#include "mapping/MappingProfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSaveFile>

#include <array>
#include <cmath>
#include <utility>

namespace {

const QString kSchema = QStringLiteral("hirebridge.mapping");
constexpr qint64 kMaxFileSize = 16 * 1024 * 1024;

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

void setError(QString* error, const QString& message)
{
    if (error) {
        *error = message;
    }
}

// Reads an optional string member; false (with *error set) when it is there with another type.
bool optionalString(const QJsonObject& o, const char* key, QString* out, QString* error)
{
    const QJsonValue v = o.value(QLatin1StringView(key));
    if (v.isUndefined()) {
        return true;
    }
    if (!v.isString()) {
        setError(error, QStringLiteral("\"%1\" is %2, not a string").arg(QLatin1StringView(key), jsonTypeName(v)));
        return false;
    }
    *out = v.toString();
    return true;
}

constexpr std::array<std::pair<Transform::Kind, const char*>, 9> kKindNames {{
    {Transform::Kind::None, "none"},
    {Transform::Kind::DateFormat, "date"},
    {Transform::Kind::FirstName, "firstName"},
    {Transform::Kind::LastName, "lastName"},
    {Transform::Kind::ListLookup, "list"},
    {Transform::Kind::Constant, "constant"},
    {Transform::Kind::Number, "number"},
    {Transform::Kind::Currency, "currency"},
    {Transform::Kind::Join, "join"},
}};

MappingRule rule(const char* source, const char* target, Transform::Kind kind = Transform::Kind::None)
{
    MappingRule r;
    r.source = QLatin1StringView(source);
    r.target = QLatin1StringView(target);
    r.transform.kind = kind;
    return r;
}

} // namespace

QString Transform::kindName(Kind kind)
{
    for (const auto& [k, name] : kKindNames) {
        if (k == kind) {
            return QLatin1StringView(name);
        }
    }
    return QStringLiteral("none");
}

std::optional<Transform::Kind> Transform::kindFromName(const QString& name)
{
    for (const auto& [k, n] : kKindNames) {
        if (name == QLatin1StringView(n)) {
            return k;
        }
    }
    return std::nullopt;
}

QString Transform::describe() const
{
    switch (kind) {
    case Kind::None:
        return QStringLiteral("as is");
    case Kind::DateFormat:
        return QStringLiteral("date as %1").arg(format.isEmpty() ? QStringLiteral("yyyy-MM-dd") : format);
    case Kind::FirstName:
        return QStringLiteral("first name of a full name");
    case Kind::LastName:
        return QStringLiteral("surname of a full name");
    case Kind::ListLookup:
        return listOutput == QLatin1StringView("id") ? QStringLiteral("look up in list, send the id")
                                                     : QStringLiteral("look up in list");
    case Kind::Constant:
        return QStringLiteral("always \"%1\"").arg(constant);
    case Kind::Number:
        return decimals < 0 ? QStringLiteral("number") : QStringLiteral("number with %1 decimals").arg(decimals);
    case Kind::Currency:
        if (currencyPart == QLatin1StringView("code")) {
            return QStringLiteral("currency code");
        }
        return currencyPart == QLatin1StringView("text") ? QStringLiteral("amount with currency")
                                                         : QStringLiteral("amount");
    case Kind::Join:
        return QStringLiteral("joined with \"%1\"").arg(separator);
    }
    return {};
}

QJsonObject Transform::toJson() const
{
    // Only what differs from the defaults, so files stay short and a default changed later still applies.
    const Transform defaults;
    QJsonObject o {{QStringLiteral("kind"), kindName(kind)}};
    if (format != defaults.format) {
        o.insert(QStringLiteral("format"), format);
    }
    if (constant != defaults.constant) {
        o.insert(QStringLiteral("constant"), constant);
    }
    if (listOutput != defaults.listOutput) {
        o.insert(QStringLiteral("listOutput"), listOutput);
    }
    if (decimals != defaults.decimals) {
        o.insert(QStringLiteral("decimals"), decimals);
    }
    if (currencyPart != defaults.currencyPart) {
        o.insert(QStringLiteral("currencyPart"), currencyPart);
    }
    if (separator != defaults.separator) {
        o.insert(QStringLiteral("separator"), separator);
    }
    return o;
}

std::optional<Transform> Transform::fromJson(const QJsonObject& object, QString* error)
{
    Transform t;
    const QJsonValue kind = object.value(QLatin1StringView("kind"));
    if (!kind.isString()) {
        setError(error, QStringLiteral("transform \"kind\" is %1, not a string").arg(jsonTypeName(kind)));
        return std::nullopt;
    }
    const auto k = kindFromName(kind.toString());
    if (!k) {
        setError(error, QStringLiteral("unknown transform \"%1\"").arg(kind.toString()));
        return std::nullopt;
    }
    t.kind = *k;
    QString problem;
    if (!optionalString(object, "format", &t.format, &problem)
        || !optionalString(object, "constant", &t.constant, &problem)
        || !optionalString(object, "listOutput", &t.listOutput, &problem)
        || !optionalString(object, "currencyPart", &t.currencyPart, &problem)
        || !optionalString(object, "separator", &t.separator, &problem)) {
        setError(error, QStringLiteral("transform ") + problem);
        return std::nullopt;
    }
    if (t.listOutput != QLatin1StringView("name") && t.listOutput != QLatin1StringView("id")) {
        setError(error, QStringLiteral("transform \"listOutput\" is \"%1\", not \"name\" or \"id\"").arg(t.listOutput));
        return std::nullopt;
    }
    if (t.currencyPart != QLatin1StringView("value") && t.currencyPart != QLatin1StringView("code")
        && t.currencyPart != QLatin1StringView("text")) {
        setError(error,
            QStringLiteral("transform \"currencyPart\" is \"%1\", not \"value\", \"code\" or \"text\"")
                .arg(t.currencyPart));
        return std::nullopt;
    }
    const QJsonValue decimals = object.value(QLatin1StringView("decimals"));
    if (!decimals.isUndefined()) {
        const double d = decimals.toDouble(-100);
        if (!decimals.isDouble() || d != std::floor(d) || d < -1 || d > 10) {
            setError(error,
                QStringLiteral("transform \"decimals\" is %1, not a whole number from -1 to 10")
                    .arg(decimals.isDouble() ? QString::number(d) : jsonTypeName(decimals)));
            return std::nullopt;
        }
        t.decimals = int(d);
    }
    return t;
}

QJsonObject MappingRule::toJson() const
{
    QJsonObject o {{QStringLiteral("source"), source}, {QStringLiteral("target"), target}};
    if (transform != Transform {}) {
        o.insert(QStringLiteral("transform"), transform.toJson());
    }
    if (defaultValue) {
        o.insert(QStringLiteral("default"), *defaultValue);
    }
    return o;
}

std::optional<MappingRule> MappingRule::fromJson(const QJsonObject& object, QString* error)
{
    MappingRule r;
    QString problem;
    if (!optionalString(object, "source", &r.source, &problem)
        || !optionalString(object, "target", &r.target, &problem)) {
        setError(error, problem);
        return std::nullopt;
    }
    if (r.target.trimmed().isEmpty()) {
        setError(error, QStringLiteral("\"target\" is missing"));
        return std::nullopt;
    }
    const QJsonValue transform = object.value(QLatin1StringView("transform"));
    if (transform.isObject()) {
        auto t = Transform::fromJson(transform.toObject(), error);
        if (!t) {
            return std::nullopt;
        }
        r.transform = *t;
    } else if (!transform.isUndefined() && !transform.isNull()) {
        setError(error, QStringLiteral("\"transform\" is %1, not an object").arg(jsonTypeName(transform)));
        return std::nullopt;
    }
    if (r.source.trimmed().isEmpty() && r.transform.kind != Transform::Kind::Constant) {
        setError(error, QStringLiteral("\"source\" is missing"));
        return std::nullopt;
    }
    const QJsonValue defaultValue = object.value(QLatin1StringView("default"));
    if (defaultValue.isString()) {
        r.defaultValue = defaultValue.toString();
    } else if (!defaultValue.isUndefined() && !defaultValue.isNull()) {
        setError(error, QStringLiteral("\"default\" is %1, not a string").arg(jsonTypeName(defaultValue)));
        return std::nullopt;
    }
    return r;
}

MappingProfile MappingProfile::defaultFor(const QString& target)
{
    MappingProfile p;
    p.target = target;
    if (target == QLatin1StringView("bob")) {
        // work.title, work.department and work.site are list fields: the engine looks their labels up implicitly.
        p.rules = {rule("candidate.firstName", "root.firstName"), rule("candidate.lastName", "root.surname"),
            rule("candidate.email", "root.email"),
            rule("offer.startDate", "work.startDate", Transform::Kind::DateFormat), rule("job.title", "work.title"),
            rule("job.department", "work.department"), rule("job.location", "work.site")};
    } else if (target == QLatin1StringView("bamboohr")) {
        // department, location and jobTitle are list fields in BambooHR: the option text must match exactly.
        p.rules = {rule("candidate.firstName", "firstName"), rule("candidate.lastName", "lastName"),
            rule("candidate.email", "workEmail"), rule("offer.startDate", "hireDate", Transform::Kind::DateFormat),
            rule("job.title", "jobTitle"), rule("job.department", "department"), rule("job.location", "location")};
    } else if (target == QLatin1StringView("personio")) {
        // Personio ignores an unknown department or office (with a meta error): the push reports it.
        p.rules = {rule("candidate.firstName", "first_name"), rule("candidate.lastName", "last_name"),
            rule("candidate.email", "email"), rule("offer.startDate", "hire_date", Transform::Kind::DateFormat),
            rule("job.title", "position"), rule("job.department", "department"), rule("job.location", "office")};
    }
    return p;
}

int MappingProfile::ruleForTarget(const QString& targetId) const
{
    for (qsizetype i = 0; i < rules.size(); ++i) {
        if (rules.at(i).target == targetId) {
            return int(i);
        }
    }
    return -1;
}

QJsonObject MappingProfile::toJson() const
{
    QJsonArray array;
    for (const auto& r : rules) {
        array.append(r.toJson());
    }
    return {{QStringLiteral("schema"), kSchema}, {QStringLiteral("version"), kCurrentVersion},
        {QStringLiteral("target"), target}, {QStringLiteral("rules"), array}};
}

std::optional<MappingProfile> MappingProfile::fromJson(const QJsonObject& object, QString* error)
{
    MappingProfile p;
    const QJsonValue schema = object.value(QLatin1StringView("schema"));
    const QJsonValue version = object.value(QLatin1StringView("version"));
    if (!schema.isUndefined() && schema.toString() != kSchema) {
        setError(error,
            QStringLiteral("not a Hirebridge mapping (\"schema\" is %1)")
                .arg(schema.isString() ? QStringLiteral("\"%1\"").arg(schema.toString()) : jsonTypeName(schema)));
        return std::nullopt;
    }
    int fileVersion = 0;
    if (!version.isUndefined()) {
        const double v = version.toDouble(-1);
        if (!version.isDouble() || v != std::floor(v) || v < 0) {
            setError(error,
                QStringLiteral("mapping \"version\" is %1, not a version number")
                    .arg(version.isDouble() ? QString::number(v) : jsonTypeName(version)));
            return std::nullopt;
        }
        if (v > kCurrentVersion) {
            setError(error,
                QStringLiteral("mapping version %1 is newer than this Hirebridge understands (up to %2): update "
                               "Hirebridge to read it")
                    .arg(v)
                    .arg(kCurrentVersion));
            return std::nullopt;
        }
        fileVersion = int(v);
    } else if (!schema.isUndefined()) {
        setError(error, QStringLiteral("mapping \"version\" is missing"));
        return std::nullopt;
    }
    const QJsonValue target = object.value(QLatin1StringView("target"));
    if (target.isString() && !target.toString().isEmpty()) {
        p.target = target.toString();
    } else if (!target.isUndefined() || fileVersion > 0) {
        setError(error,
            QStringLiteral("mapping \"target\" is %1")
                .arg(target.isString() ? QStringLiteral("empty") : jsonTypeName(target)));
        return std::nullopt;
    }
    QList<MappingRule> loaded;
    if (fileVersion == 0) {
        const QJsonValue fields = object.value(QLatin1StringView("fields"));
        if (!fields.isObject()) {
            setError(error, QStringLiteral("mapping \"fields\" is %1, not an object").arg(jsonTypeName(fields)));
            return std::nullopt;
        }
        const QJsonObject map = fields.toObject();
        for (auto it = map.constBegin(); it != map.constEnd(); ++it) {
            if (it.key().trimmed().isEmpty()) {
                setError(error, QStringLiteral("mapping field \"%1\": the target field's id is blank").arg(it.key()));
                return std::nullopt;
            }
            if (!it.value().isString() || it.value().toString().trimmed().isEmpty()) {
                setError(error,
                    QStringLiteral("mapping field \"%1\": the source is %2")
                        .arg(it.key(), it.value().isString() ? QStringLiteral("empty") : jsonTypeName(it.value())));
                return std::nullopt;
            }
            MappingRule r;
            r.source = it.value().toString();
            r.target = it.key();
            loaded.append(r);
        }
    } else {
        const QJsonValue rules = object.value(QLatin1StringView("rules"));
        if (!rules.isArray()) {
            setError(error, QStringLiteral("mapping \"rules\" is %1, not an array").arg(jsonTypeName(rules)));
            return std::nullopt;
        }
        const QJsonArray array = rules.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QJsonValue entry = array.at(i);
            if (!entry.isObject()) {
                setError(error, QStringLiteral("rule %1: is %2, not an object").arg(i + 1).arg(jsonTypeName(entry)));
                return std::nullopt;
            }
            QString problem;
            auto r = MappingRule::fromJson(entry.toObject(), &problem);
            if (!r) {
                const QString target = entry.toObject().value(QLatin1StringView("target")).toString();
                setError(error,
                    target.isEmpty() ? QStringLiteral("rule %1: %2").arg(i + 1).arg(problem)
                                     : QStringLiteral("rule %1 (%2): %3").arg(QString::number(i + 1), target, problem));
                return std::nullopt;
            }
            loaded.append(*r);
        }
    }
    for (const auto& r : std::as_const(loaded)) {
        const int existing = p.ruleForTarget(r.target);
        if (existing >= 0) {
            p.rules[existing] = r;
        } else {
            p.rules.append(r);
        }
    }
    p.version = kCurrentVersion;
    return p;
}

std::optional<MappingProfile> MappingProfile::load(const QString& filePath, QString* error)
{
    QFile file(filePath);
    if (!file.open(QIODevice::ReadOnly)) {
        setError(error, QStringLiteral("cannot read the mapping %1: %2").arg(filePath, file.errorString()));
        return std::nullopt;
    }
    if (file.size() > kMaxFileSize) {
        setError(error, QStringLiteral("the mapping %1 is too large (%2 bytes)").arg(filePath).arg(file.size()));
        return std::nullopt;
    }
    const QByteArray data = file.read(kMaxFileSize + 1);
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        setError(error,
            QStringLiteral("the mapping %1 is not valid JSON: %2 at byte %3")
                .arg(filePath, parseError.errorString())
                .arg(parseError.offset));
        return std::nullopt;
    }
    if (!doc.isObject()) {
        setError(error, QStringLiteral("the mapping %1 is not a JSON object").arg(filePath));
        return std::nullopt;
    }
    QString problem;
    auto profile = fromJson(doc.object(), &problem);
    if (!profile) {
        setError(error, QStringLiteral("the mapping %1: %2").arg(filePath, problem));
    }
    return profile;
}

bool MappingProfile::save(const QString& filePath, QString* error) const
{
    const QFileInfo info(filePath);
    if (!QDir().mkpath(info.absolutePath())) {
        setError(error, QStringLiteral("cannot create the folder %1").arg(info.absolutePath()));
        return false;
    }
    QSaveFile file(filePath);
    if (!file.open(QIODevice::WriteOnly)) {
        setError(error, QStringLiteral("cannot write the mapping %1: %2").arg(filePath, file.errorString()));
        return false;
    }
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(QJsonDocument(toJson()).toJson(QJsonDocument::Indented));
    if (!file.commit()) {
        setError(error, QStringLiteral("cannot write the mapping %1: %2").arg(filePath, file.errorString()));
        return false;
    }
    return true;
}
