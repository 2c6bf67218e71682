#include "FakeBob.h"

#include "FaultInjector.h"
#include "SandboxData.h"
#include "SandboxServer.h"

#include <QDateTime>
#include <QHttpServerRequest>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSet>
#include <QUrlQuery>

Q_LOGGING_CATEGORY(lcFakeBob, "hirebridge.sandbox.bob")

const QString FakeBob::serviceUserId = QStringLiteral("SERVICE-4711");
const QString FakeBob::token = QStringLiteral("sandbox-bob-token-91c2");
const QString FakeBob::limitedServiceUserId = QStringLiteral("SERVICE-4712");
const QString FakeBob::limitedToken = QStringLiteral("sandbox-bob-limited-token-3e7a");

namespace {

// Reads a value from either the hirebridge.hire/v1 shape ("fields" keyed by Bob field id) or
// a flat Bob-employee-like shape, so the pending-hires page shows whatever the client sent.
QString hireValue(const QJsonObject& body, const QString& fieldId)
{
    const QJsonObject fields = body.value(QStringLiteral("fields")).toObject();
    if (fields.contains(fieldId)) {
        return fields.value(fieldId).toVariant().toString();
    }
    QString path = fieldId;
    if (path.startsWith(QLatin1String("root."))) {
        path = path.mid(5);
    }
    QJsonValue value = body;
    for (const QString& part : path.split(QLatin1Char('.'))) {
        value = value.toObject().value(part);
    }
    return value.toVariant().toString();
}

} // namespace

FakeBob::FakeBob(SandboxData& data, FaultInjector& faults)
    : m_data(data)
    , m_faults(faults)
{
}

SandboxReply FakeBob::handle(const QHttpServerRequest& request)
{
    const auto credentials = SandboxServer::basicCredentials(request);
    const bool limited
        = credentials && credentials->first == limitedServiceUserId && credentials->second == limitedToken;
    if (!limited && (!credentials || credentials->first != serviceUserId || credentials->second != token)) {
        return SandboxReply::empty(401);
    }

    const QString path = request.url().path();
    const auto method = request.method();
    if (limited && path != QLatin1String("/v1/company/people/fields")) {
        return error(403, QStringLiteral("permission.denied"),
            QStringLiteral("The service user has no permission for this resource"));
    }
    if (path == QLatin1String("/v1/people/search")) {
        if (method != QHttpServerRequest::Method::Post) {
            return error(405, QStringLiteral("method.not.allowed"), QStringLiteral("Use POST"));
        }
        return peopleSearch(request);
    }
    if (path == QLatin1String("/v1/company/people/fields")) {
        if (method != QHttpServerRequest::Method::Get) {
            return error(405, QStringLiteral("method.not.allowed"), QStringLiteral("Use GET"));
        }
        return SandboxReply::json(200, m_data.bobFields());
    }
    const QString listsPath = QStringLiteral("/v1/company/named-lists");
    if (path == listsPath || path.startsWith(listsPath + QLatin1Char('/'))) {
        if (method != QHttpServerRequest::Method::Get) {
            // Adding or changing list items is HR's job; the client only reads lists.
            return error(405, QStringLiteral("method.not.allowed"), QStringLiteral("Use GET"));
        }
        return namedLists(request, path.mid(listsPath.size() + 1));
    }
    const QString hirePrefix = QStringLiteral("/hire/");
    if (path.startsWith(hirePrefix)) {
        if (path.mid(hirePrefix.size()) != serviceUserId) {
            return error(404, QStringLiteral("not.found"), QStringLiteral("No Hire API installation at this URL"));
        }
        if (method != QHttpServerRequest::Method::Post) {
            return error(405, QStringLiteral("method.not.allowed"), QStringLiteral("Use POST"));
        }
        return hire(request);
    }
    return error(404, QStringLiteral("not.found"), QStringLiteral("No route %1").arg(path));
}

SandboxReply FakeBob::peopleSearch(const QHttpServerRequest& request) const
{
    QJsonObject params;
    const QByteArray body = request.body().trimmed();
    if (!body.isEmpty()) {
        const QJsonDocument document = QJsonDocument::fromJson(body);
        if (!document.isObject()) {
            return error(400, QStringLiteral("invalid.body"), QStringLiteral("The body must be a JSON object"));
        }
        params = document.object();
    }
    const bool showInactive = params.value(QStringLiteral("showInactive")).toBool(false);

    QString filterPath;
    QStringList filterValues;
    if (params.contains(QStringLiteral("filters"))) {
        // As documented: at most one filter, root.email or root.id, operator equals, non-empty
        // values; an empty filters array is refused too (observed on the real API).
        const QJsonArray filters = params.value(QStringLiteral("filters")).toArray();
        if (filters.size() != 1) {
            return error(400, QStringLiteral("invalid.filters"),
                QStringLiteral("filters must hold exactly one filter (leave the key out for none)"));
        }
        const QJsonObject filter = filters.first().toObject();
        filterPath = filter.value(QStringLiteral("fieldPath")).toString();
        const QJsonArray values = filter.value(QStringLiteral("values")).toArray();
        if ((filterPath != QLatin1String("root.email") && filterPath != QLatin1String("root.id"))
            || filter.value(QStringLiteral("operator")).toString() != QLatin1String("equals") || values.isEmpty()) {
            return error(400, QStringLiteral("invalid.filter"),
                QStringLiteral("Only root.email or root.id with operator equals and values are supported"));
        }
        for (const QJsonValue& value : values) {
            filterValues.append(value.toString().trimmed().toLower());
        }
    }

    QJsonArray employees;
    for (const QJsonValue& value : m_data.bobEmployees()) {
        const QJsonObject employee = value.toObject();
        const bool active = employee.value(QStringLiteral("internal")).toObject().value(QStringLiteral("status"))
            == QLatin1String("Active");
        if (!active && !showInactive) {
            continue;
        }
        if (filterPath == QLatin1String("root.email")
            && !filterValues.contains(employee.value(QStringLiteral("email")).toString().toLower())) {
            continue;
        }
        if (filterPath == QLatin1String("root.id")
            && !filterValues.contains(employee.value(QStringLiteral("id")).toString().toLower())) {
            continue;
        }
        employees.append(employee);
    }
    return SandboxReply::json(200, QJsonObject {{QStringLiteral("employees"), employees}});
}

SandboxReply FakeBob::namedLists(const QHttpServerRequest& request, const QString& listName) const
{
    bool includeArchived = false;
    const QUrlQuery query(request.url());
    if (query.hasQueryItem(QStringLiteral("includeArchived"))) {
        const QString value = query.queryItemValue(QStringLiteral("includeArchived"));
        if (value.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0) {
            includeArchived = true;
        } else if (value.compare(QLatin1String("false"), Qt::CaseInsensitive) != 0) {
            return error(400, QStringLiteral("invalid.parameter"),
                QStringLiteral("includeArchived must be true or false, not \"%1\"").arg(value));
        }
    }
    if (listName.isEmpty()) {
        return SandboxReply::json(200, m_data.bobNamedLists(includeArchived));
    }
    const QJsonObject list = m_data.bobNamedList(listName, includeArchived);
    if (list.isEmpty()) {
        return error(404, QStringLiteral("list.not.found"), QStringLiteral("No named list \"%1\"").arg(listName));
    }
    return SandboxReply::json(200, list);
}

SandboxReply FakeBob::hire(const QHttpServerRequest& request)
{
    if (const int forced = m_faults.bobHireStatus(); forced != 0) {
        if (forced == 401) {
            return SandboxReply::empty(401);
        }
        return error(
            forced, QStringLiteral("sandbox.injected"), QStringLiteral("Injected Hire API status %1").arg(forced));
    }
    const QByteArray body = request.body();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        return error(400, QStringLiteral("invalid.body"),
            parseError.error != QJsonParseError::NoError
                ? QStringLiteral("The body is not valid JSON: %1").arg(parseError.errorString())
                : QStringLiteral("The body must be a JSON object"));
    }
    const QString id = SandboxData::makeId(QStringLiteral("b1e00000"), m_nextHireNumber++);
    m_hires.append(ReceivedHire {id, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs), body});
    qCInfo(lcFakeBob).noquote() << "stored hire event" << id << "with" << body.size() << "bytes";
    return SandboxReply::json(200, QJsonObject {{QStringLiteral("id"), id}});
}

QJsonArray FakeBob::receivedHires() const
{
    QJsonArray array;
    for (const ReceivedHire& hire : m_hires) {
        array.append(QJsonObject {
            {QStringLiteral("id"), hire.id},
            {QStringLiteral("receivedAt"), hire.receivedAt},
            {QStringLiteral("body"), QJsonDocument::fromJson(hire.body).object()},
        });
    }
    return array;
}

int FakeBob::distinctPendingHireCount() const
{
    QSet<QString> keys;
    for (const ReceivedHire& hire : m_hires) {
        const QString attemptId = QJsonDocument::fromJson(hire.body)
                                      .object()
                                      .value(QStringLiteral("source"))
                                      .toObject()
                                      .value(QStringLiteral("attemptId"))
                                      .toString();
        keys.insert(attemptId.isEmpty() ? QStringLiteral("event:") + hire.id : QStringLiteral("attempt:") + attemptId);
    }
    return int(keys.size());
}

QString FakeBob::pendingHiresHtml() const
{
    QString rows;
    for (const ReceivedHire& hire : m_hires) {
        const QJsonObject body = QJsonDocument::fromJson(hire.body).object();
        QString name = (hireValue(body, QStringLiteral("root.firstName")) + QLatin1Char(' ')
            + hireValue(body, QStringLiteral("root.surname")))
                           .trimmed();
        if (name.isEmpty()) {
            name = hireValue(body, QStringLiteral("root.displayName"));
        }
        rows += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td><code>%5</code></td></tr>\n")
                    .arg(name.toHtmlEscaped(), hireValue(body, QStringLiteral("root.email")).toHtmlEscaped(),
                        hireValue(body, QStringLiteral("work.startDate")).toHtmlEscaped(),
                        hire.receivedAt.toHtmlEscaped(), hire.id.toHtmlEscaped());
    }
    if (rows.isEmpty()) {
        rows = QStringLiteral("<tr><td colspan=\"5\">No hires received yet.</td></tr>\n");
    }
    return QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                          "<title>ATS pending hires (sandbox)</title>"
                          "<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
                          "td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}</style></head>\n"
                          "<body><h1>ATS pending hires</h1>\n<p>%1 hire event(s) received by the sandbox Bob.</p>\n"
                          "<table><tr><th>Name</th><th>E-mail</th><th>Start date</th><th>Received</th><th>Event id</th>"
                          "</tr>\n%2</table></body></html>\n")
        .arg(m_hires.size())
        .arg(rows);
}

SandboxReply FakeBob::error(int status, const QString& key, const QString& message)
{
    return SandboxReply::json(status,
        QJsonObject {
            {QStringLiteral("key"), key},
            {QStringLiteral("error"), message},
        });
}
