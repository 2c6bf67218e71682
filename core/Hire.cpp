#include "Hire.h"

#include <QDate>
#include <QJsonArray>
#include <QRegularExpression>

namespace {

QString str(const QJsonObject& o, QLatin1StringView key)
{
    return o.value(key).toString();
}

} // namespace

QJsonObject CustomFieldValue::toJson() const
{
    QJsonObject o {{QStringLiteral("id"), id}, {QStringLiteral("title"), title},
        {QStringLiteral("objectType"), objectType}, {QStringLiteral("fieldType"), fieldType},
        {QStringLiteral("value"), value}};
    if (!valueLabel.isUndefined()) {
        o.insert(QStringLiteral("valueLabel"), valueLabel);
    }
    return o;
}

CustomFieldValue CustomFieldValue::fromJson(const QJsonObject& o)
{
    CustomFieldValue v;
    v.id = str(o, QLatin1StringView("id"));
    v.title = str(o, QLatin1StringView("title"));
    v.objectType = str(o, QLatin1StringView("objectType"));
    v.fieldType = str(o, QLatin1StringView("fieldType"));
    v.value = o.value(QLatin1StringView("value"));
    v.valueLabel = o.value(QLatin1StringView("valueLabel"));
    return v;
}

QJsonObject FileRef::toJson() const
{
    return {{QStringLiteral("kind"), kind}, {QStringLiteral("name"), name}, {QStringLiteral("handle"), handle}};
}

FileRef FileRef::fromJson(const QJsonObject& o)
{
    return {str(o, QLatin1StringView("kind")), str(o, QLatin1StringView("name")), str(o, QLatin1StringView("handle"))};
}

QString PersonRef::displayName() const
{
    return QStringList {firstName, lastName}.join(QLatin1Char(' ')).trimmed();
}

QJsonObject PersonRef::toJson() const
{
    return {{QStringLiteral("id"), id}, {QStringLiteral("firstName"), firstName},
        {QStringLiteral("lastName"), lastName}, {QStringLiteral("email"), email}};
}

PersonRef PersonRef::fromJson(const QJsonObject& o)
{
    return {str(o, QLatin1StringView("id")), str(o, QLatin1StringView("firstName")),
        str(o, QLatin1StringView("lastName")), str(o, QLatin1StringView("email"))};
}

QJsonObject Hire::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("applicationId"), applicationId);
    o.insert(QStringLiteral("candidateId"), candidateId);
    o.insert(QStringLiteral("offerId"), offerId);
    o.insert(QStringLiteral("offerVersionId"), offerVersionId);
    o.insert(QStringLiteral("jobId"), jobId);
    o.insert(QStringLiteral("name"), name);
    o.insert(QStringLiteral("firstName"), firstName);
    o.insert(QStringLiteral("lastName"), lastName);
    o.insert(QStringLiteral("email"), email);
    o.insert(QStringLiteral("phone"), phone);
    o.insert(QStringLiteral("profileUrl"), profileUrl);
    o.insert(QStringLiteral("jobTitle"), jobTitle);
    o.insert(QStringLiteral("department"), department);
    o.insert(QStringLiteral("location"), location);
    o.insert(QStringLiteral("employmentType"), employmentType);
    o.insert(QStringLiteral("startDate"), startDate);
    if (salary) {
        o.insert(QStringLiteral("salary"),
            QJsonObject {
                {QStringLiteral("value"), salary->value}, {QStringLiteral("currencyCode"), salary->currencyCode}});
    }
    o.insert(QStringLiteral("hiringManager"), hiringManager.toJson());
    QJsonArray fields;
    for (const auto& f : customFields) {
        fields.append(f.toJson());
    }
    o.insert(QStringLiteral("customFields"), fields);
    QJsonArray fileArray;
    for (const auto& f : files) {
        fileArray.append(f.toJson());
    }
    o.insert(QStringLiteral("files"), fileArray);
    o.insert(QStringLiteral("updatedAt"), updatedAt);
    o.insert(QStringLiteral("warnings"), QJsonArray::fromStringList(warnings));
    return o;
}

std::optional<Hire> Hire::fromJson(const QJsonObject& o, QString* error)
{
    Hire h;
    h.applicationId = str(o, QLatin1StringView("applicationId"));
    if (h.applicationId.isEmpty()) {
        if (error) {
            *error = QStringLiteral("cached hire has no applicationId");
        }
        return std::nullopt;
    }
    h.candidateId = str(o, QLatin1StringView("candidateId"));
    h.offerId = str(o, QLatin1StringView("offerId"));
    h.offerVersionId = str(o, QLatin1StringView("offerVersionId"));
    h.jobId = str(o, QLatin1StringView("jobId"));
    h.name = str(o, QLatin1StringView("name"));
    h.firstName = str(o, QLatin1StringView("firstName"));
    h.lastName = str(o, QLatin1StringView("lastName"));
    h.email = str(o, QLatin1StringView("email"));
    h.phone = str(o, QLatin1StringView("phone"));
    h.profileUrl = str(o, QLatin1StringView("profileUrl"));
    h.jobTitle = str(o, QLatin1StringView("jobTitle"));
    h.department = str(o, QLatin1StringView("department"));
    h.location = str(o, QLatin1StringView("location"));
    h.employmentType = str(o, QLatin1StringView("employmentType"));
    h.startDate = str(o, QLatin1StringView("startDate"));
    const auto salary = o.value(QLatin1StringView("salary"));
    if (salary.isObject()) {
        h.salary = Salary {salary.toObject().value(QLatin1StringView("value")).toDouble(),
            salary.toObject().value(QLatin1StringView("currencyCode")).toString()};
    }
    h.hiringManager = PersonRef::fromJson(o.value(QLatin1StringView("hiringManager")).toObject());
    const auto fields = o.value(QLatin1StringView("customFields")).toArray();
    for (const auto& f : fields) {
        h.customFields.append(CustomFieldValue::fromJson(f.toObject()));
    }
    const auto files = o.value(QLatin1StringView("files")).toArray();
    for (const auto& f : files) {
        h.files.append(FileRef::fromJson(f.toObject()));
    }
    h.updatedAt = str(o, QLatin1StringView("updatedAt"));
    const auto warnings = o.value(QLatin1StringView("warnings")).toArray();
    for (const auto& w : warnings) {
        h.warnings.append(w.toString());
    }
    return h;
}

void splitName(const QString& fullName, QString* firstName, QString* lastName)
{
    const QString simplified = fullName.simplified();
    const auto space = simplified.indexOf(QLatin1Char(' '));
    if (space < 0) {
        *firstName = simplified;
        lastName->clear();
        return;
    }
    *firstName = simplified.left(space);
    *lastName = simplified.mid(space + 1);
}

QString normalizedEmail(const QString& email)
{
    return email.trimmed().toLower();
}

QString calendarDate(const QString& text)
{
    static const QRegularExpression re(QStringLiteral("^(\\d{4})-(\\d{2})-(\\d{2})(?:$|T)"));
    const auto match = re.match(text.trimmed());
    if (!match.hasMatch()) {
        return {};
    }
    const QDate date(match.captured(1).toInt(), match.captured(2).toInt(), match.captured(3).toInt());
    if (!date.isValid()) {
        return {};
    }
    return date.toString(Qt::ISODate);
}
