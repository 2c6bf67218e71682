#include "BobHireEvent.h"

namespace {

QString s(const char* text)
{
    return QString::fromLatin1(text);
}

void put(QJsonObject& o, const char* key, const QString& value)
{
    if (!value.trimmed().isEmpty()) {
        o.insert(s(key), value.trimmed());
    }
}

} // namespace

QJsonObject BobHireEvent::defaultFields(const Hire& h)
{
    QJsonObject f;
    put(f, "root.firstName", h.firstName);
    put(f, "root.surname", h.lastName);
    put(f, "root.email", h.email);
    put(f, "work.startDate", h.startDate);
    put(f, "work.title", h.jobTitle);
    put(f, "work.department", h.department);
    put(f, "work.site", h.location);
    return f;
}

QJsonValue BobHireEvent::manager(const Hire& h, const Directory* directory)
{
    std::optional<DirectoryEntry> match;
    QString how;
    if (directory && !h.hiringManager.isEmpty()) {
        match = directory->byEmail(h.hiringManager.email);
        how = s("email");
        if (!match) {
            match = directory->byLegalName(h.hiringManager.firstName, h.hiringManager.lastName);
            how = s("legalName");
        }
    }
    return manager(h, match, how);
}

QJsonValue BobHireEvent::manager(const Hire& h, const std::optional<DirectoryEntry>& match, const QString& matchedBy)
{
    if (h.hiringManager.isEmpty()) {
        return QJsonValue::Null;
    }
    QJsonObject m {{s("id"), QJsonValue::Null}, {s("email"), h.hiringManager.email},
        {s("name"), h.hiringManager.displayName()}, {s("matchedBy"), QJsonValue::Null}};
    if (match) {
        m.insert(s("id"), match->id);
        m.insert(s("matchedBy"), matchedBy);
        if (!match->email.isEmpty()) {
            m.insert(s("email"), match->email);
        }
        const QString bobName = match->displayName.isEmpty()
            ? QStringList {match->firstName, match->surname}.join(QLatin1Char(' ')).trimmed()
            : match->displayName;
        if (!bobName.isEmpty()) {
            m.insert(s("name"), bobName);
        }
    }
    return m;
}

QJsonObject BobHireEvent::build(const Input& in)
{
    const Hire& h = in.hire;
    QJsonObject source {{s("system"), s("ashby")}, {s("applicationId"), h.applicationId},
        {s("candidateId"), h.candidateId},
        {s("offerId"), h.offerId.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(h.offerId)},
        {s("link"), h.profileUrl}, {s("attemptId"), in.attemptId}};
    return QJsonObject {{s("schema"), schema()}, {s("source"), source},
        {s("fields"), in.fields ? *in.fields : defaultFields(h)},
        {s("manager"),
            in.managerResolved ? manager(h, in.managerEmployee, in.managerMatchedBy) : manager(h, in.directory)},
        {s("documents"), in.documents}, {s("sentAt"), in.sentAt.toUTC().toString(Qt::ISODateWithMs)}};
}
