#include "FakeBob.h"

#include "FaultInjector.h"
#include "MultipartForm.h"
#include "SandboxData.h"
#include "SandboxServer.h"

#include <QCryptographicHash>
#include <QDate>
#include <QDateTime>
#include <QHttpServerRequest>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>
#include <QUrlQuery>

Q_LOGGING_CATEGORY(lcFakeBob, "hirebridge.sandbox.bob")

const QString FakeBob::serviceUserId = QStringLiteral("SERVICE-4711");
const QString FakeBob::token = QStringLiteral("sandbox-bob-token-91c2");
const QString FakeBob::limitedServiceUserId = QStringLiteral("SERVICE-4712");
const QString FakeBob::limitedToken = QStringLiteral("sandbox-bob-limited-token-3e7a");

namespace {

constexpr qint64 kFirstPersonId = 3409821174458273351LL;
constexpr int kFirstDocumentId = 17016973;
constexpr qint64 kMaxDocumentBytes = 5LL * 1024 * 1024; // Bob's documented per-file limit
constexpr int kMaxNameLength = 50;

// Letters (any script, with their combining marks), spaces and the punctuation Bob documents for names.
bool validNameCharacters(const QString& name)
{
    static const QString punctuation = QStringLiteral("'\u2019\u2018-.,()\"");
    for (const char32_t c : name.toUcs4()) {
        if (!QChar::isLetter(c) && !QChar::isMark(c) && c != U' ' && !punctuation.contains(QChar(char16_t(c)))) {
            return false;
        }
    }
    return true;
}

bool isIsoDate(const QString& text)
{
    static const QRegularExpression shape(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    return shape.match(text).hasMatch() && QDate::fromString(text, Qt::ISODate).isValid();
}

bool looksLikeEmail(const QString& text)
{
    static const QRegularExpression shape(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
    return shape.match(text).hasMatch();
}

// The item of a (possibly hierarchical) list whose name is `name`, or whose id is `id` when that is not empty.
QJsonObject findListItem(const QJsonArray& items, const QString& name, const QString& id)
{
    for (const QJsonValue& value : items) {
        const QJsonObject item = value.toObject();
        if (item.value(QStringLiteral("name")).toString() == name
            || (!id.isEmpty() && item.value(QStringLiteral("id")).toVariant().toString() == id)) {
            return item;
        }
        const QJsonObject child = findListItem(item.value(QStringLiteral("children")).toArray(), name, id);
        if (!child.isEmpty()) {
            return child;
        }
    }
    return {};
}

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
    , m_nextPersonId(kFirstPersonId)
    , m_nextDocumentId(kFirstDocumentId)
{
    m_clock.start();
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
    if (path == QLatin1String("/v1/people")) {
        if (method != QHttpServerRequest::Method::Post) {
            return error(405, QStringLiteral("method.not.allowed"), QStringLiteral("Use POST"));
        }
        return createPerson(request);
    }
    const QString docsPrefix = QStringLiteral("/v1/docs/people/");
    if (path.startsWith(docsPrefix)) {
        const QString rest = path.mid(docsPrefix.size());
        if (method == QHttpServerRequest::Method::Get && !rest.contains(QLatin1Char('/'))) {
            return listDocuments(rest);
        }
        if (method != QHttpServerRequest::Method::Post) {
            return error(405, QStringLiteral("method.not.allowed"), QStringLiteral("Use POST"));
        }
        return addDocument(request, rest);
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

    // The seeded directory, then the people created through POST /v1/people once their read-after-write lag is over.
    QJsonArray directory = m_data.bobEmployees();
    for (const CreatedPerson& person : m_people) {
        if (m_clock.elapsed() >= person.visibleAtMs) {
            directory.append(person.employee);
        }
    }
    QJsonArray employees;
    for (const QJsonValue& value : std::as_const(directory)) {
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
    if (const int fault = m_faults.takeBobHireFault(); fault != 0) {
        if (fault == 429) {
            SandboxReply reply = error(429, QStringLiteral("rate.limit.exceeded"), QStringLiteral("Too many requests"));
            const int wait = m_faults.retryAfterSeconds();
            reply.headers.append({QByteArrayLiteral("X-RateLimit-Limit"), QByteArrayLiteral("50")});
            reply.headers.append({QByteArrayLiteral("X-RateLimit-Remaining"), QByteArrayLiteral("0")});
            reply.headers.append({QByteArrayLiteral("X-RateLimit-Reset"),
                QByteArray::number(QDateTime::currentSecsSinceEpoch() + wait)});
            return reply;
        }
        return error(fault, QStringLiteral("service.unavailable"), QStringLiteral("Injected Hire API fault"));
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

QJsonObject FakeBob::findEmployee(const QString& id) const
{
    for (const QJsonValue& value : m_data.bobEmployees()) {
        if (value.toObject().value(QStringLiteral("id")).toString() == id) {
            return value.toObject();
        }
    }
    for (const CreatedPerson& person : m_people) {
        if (person.employee.value(QStringLiteral("id")).toString() == id) {
            return person.employee;
        }
    }
    return {};
}

bool FakeBob::emailTaken(const QString& email) const
{
    // Unique among active AND inactive employees, compared case-insensitively (hibob-api.md §3.2, §9.1); a person
    // created a moment ago counts although search does not show them yet.
    const QString wanted = email.trimmed();
    const auto same = [&wanted](const QJsonObject& employee) {
        return employee.value(QStringLiteral("email")).toString().trimmed().compare(wanted, Qt::CaseInsensitive) == 0;
    };
    for (const QJsonValue& value : m_data.bobEmployees()) {
        if (same(value.toObject())) {
            return true;
        }
    }
    for (const CreatedPerson& person : m_people) {
        if (same(person.employee)) {
            return true;
        }
    }
    return false;
}

QString FakeBob::listItemName(const QString& listName, const QJsonValue& value) const
{
    const QJsonArray items = m_data.bobNamedList(listName, false).value(QStringLiteral("values")).toArray();
    const bool idsAccepted = m_faults.switches().bobListIdsAccepted;
    if (value.isString()) {
        const QJsonObject item = findListItem(items, value.toString(), idsAccepted ? value.toString() : QString());
        return item.value(QStringLiteral("name")).toString();
    }
    if (value.isDouble() && idsAccepted) {
        const QJsonObject item = findListItem(items, QString(), QString::number(qint64(value.toDouble())));
        return item.value(QStringLiteral("name")).toString();
    }
    return {};
}

SandboxReply FakeBob::createPerson(const QHttpServerRequest& request)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        return error(400, QStringLiteral("invalid.body"), QStringLiteral("The body must be a JSON object"));
    }
    const QJsonObject body = document.object();
    QJsonObject work = body.value(QStringLiteral("work")).toObject();

    // The five required fields first, in Bob's order.
    const QList<QPair<QString, QJsonValue>> required {
        {QStringLiteral("firstName"), body.value(QStringLiteral("firstName"))},
        {QStringLiteral("surname"), body.value(QStringLiteral("surname"))},
        {QStringLiteral("email"), body.value(QStringLiteral("email"))},
        {QStringLiteral("work.site"), work.value(QStringLiteral("site"))},
        {QStringLiteral("work.startDate"), work.value(QStringLiteral("startDate"))},
    };
    for (const auto& [field, value] : required) {
        const bool present = (value.isString() && !value.toString().trimmed().isEmpty())
            || (field == QLatin1String("work.site") && value.isDouble());
        if (!present) {
            return error(
                400, QStringLiteral("validations.%1.required").arg(field), QStringLiteral("%1 is required").arg(field));
        }
    }
    const QString firstName = body.value(QStringLiteral("firstName")).toString().trimmed();
    const QString surname = body.value(QStringLiteral("surname")).toString().trimmed();
    const QString email = body.value(QStringLiteral("email")).toString().trimmed();
    for (const auto& [field, name] :
        {qMakePair(QStringLiteral("firstName"), firstName), qMakePair(QStringLiteral("surname"), surname)}) {
        if (name.toUcs4().size() > kMaxNameLength) {
            return error(400, QStringLiteral("validations.%1.tooLong").arg(field),
                QStringLiteral("%1 must be at most %2 characters").arg(field).arg(kMaxNameLength));
        }
        if (!validNameCharacters(name)) {
            return error(400, QStringLiteral("validations.%1.invalidCharacters").arg(field),
                QStringLiteral("%1 may hold letters, spaces and ' - . , ( ) \" only").arg(field));
        }
    }
    if (!looksLikeEmail(email)) {
        return error(400, QStringLiteral("validations.email.invalid"), QStringLiteral("Email is not a valid address"));
    }
    if (emailTaken(email)) {
        return error(400, QStringLiteral("validations.email.alreadyExists"), QStringLiteral("Email already exists"));
    }
    const QString startDate = work.value(QStringLiteral("startDate")).toString().trimmed();
    if (!isIsoDate(startDate)) {
        return error(400, QStringLiteral("validations.work.startDate.invalid"),
            QStringLiteral("work.startDate must be a date YYYY-MM-DD, not \"%1\"").arg(startDate));
    }
    for (const QString& listField : {QStringLiteral("site"), QStringLiteral("department"), QStringLiteral("title")}) {
        if (!work.contains(listField) || work.value(listField).isNull()) {
            continue;
        }
        const QJsonValue value = work.value(listField);
        const QString name = listItemName(listField, value);
        if (name.isEmpty()) {
            return error(400, QStringLiteral("validations.work.%1.notInList").arg(listField),
                QStringLiteral("\"%1\" is not an item of the %2 list (names must match exactly; archived items are "
                               "refused)")
                    .arg(value.toVariant().toString(), listField));
        }
        work.insert(listField, name);
    }
    QString reportsTo;
    if (work.contains(QStringLiteral("reportsTo")) && !work.value(QStringLiteral("reportsTo")).isNull()) {
        const QJsonValue manager = work.value(QStringLiteral("reportsTo"));
        reportsTo = (manager.isObject() ? manager.toObject().value(QStringLiteral("id")) : manager)
                        .toVariant()
                        .toString()
                        .trimmed();
        const QJsonObject found = reportsTo.isEmpty() ? QJsonObject() : findEmployee(reportsTo);
        if (found.isEmpty()) {
            return error(400, QStringLiteral("validations.work.reportsTo.notFound"),
                QStringLiteral("work.reportsTo names no employee (\"%1\")").arg(reportsTo));
        }
        work.insert(QStringLiteral("reportsTo"),
            QJsonObject {
                {QStringLiteral("id"), reportsTo},
                {QStringLiteral("email"), found.value(QStringLiteral("email"))},
                {QStringLiteral("displayName"), found.value(QStringLiteral("displayName"))},
            });
    }

    const QString id = QString::number(m_nextPersonId++);
    QJsonObject employee = body; // other categories (personal, about, custom fields) are kept as sent
    employee.insert(QStringLiteral("id"), id);
    employee.insert(QStringLiteral("firstName"), firstName);
    employee.insert(QStringLiteral("surname"), surname);
    employee.insert(QStringLiteral("email"), email);
    employee.insert(QStringLiteral("displayName"), firstName + QLatin1Char(' ') + surname);
    work.insert(QStringLiteral("startDate"), startDate);
    employee.insert(QStringLiteral("work"), work);
    employee.insert(QStringLiteral("internal"),
        QJsonObject {
            {QStringLiteral("status"), QStringLiteral("Active")},
            {QStringLiteral("lifecycleStatus"),
                QDate::fromString(startDate, Qt::ISODate) > QDate::currentDate() ? QStringLiteral("hired")
                                                                                 : QStringLiteral("employed")},
        });
    const int lag = m_faults.switches().bobReadAfterWriteLagMs;
    m_people.append(CreatedPerson {employee, body, reportsTo,
        QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs), m_clock.elapsed() + lag});
    qCInfo(lcFakeBob).noquote() << "created person" << id << "visible to search in" << lag << "ms";
    return SandboxReply::json(200,
        QJsonObject {
            {QStringLiteral("id"), id},
            {QStringLiteral("firstName"), firstName},
            {QStringLiteral("surname"), surname},
            {QStringLiteral("email"), email},
        });
}

SandboxReply FakeBob::addDocument(const QHttpServerRequest& request, const QString& rest)
{
    const QStringList parts = rest.split(QLatin1Char('/'));
    const bool upload = parts.size() == 3 && parts.at(2) == QLatin1String("upload");
    if ((parts.size() != 2 && !upload)
        || (parts.at(1) != QLatin1String("shared") && parts.at(1) != QLatin1String("confidential"))) {
        return error(404, QStringLiteral("not.found"),
            QStringLiteral("Only the shared and confidential folders are served by the sandbox: %1").arg(rest));
    }
    const QString personId = parts.at(0);
    const QString folder = parts.at(1);
    if (findEmployee(personId).isEmpty()) {
        return error(404, QStringLiteral("employee.not.found"), QStringLiteral("No employee with id %1").arg(personId));
    }

    Document document;
    document.personId = personId;
    document.folder = folder;
    document.receivedAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    if (upload) {
        MultipartForm form;
        QString problem;
        if (!form.parse(SandboxServer::header(request, QByteArrayLiteral("Content-Type")), request.body(), &problem)) {
            return error(
                400, QStringLiteral("invalid.body"), QStringLiteral("Malformed multipart body: %1").arg(problem));
        }
        const MultipartForm::Part* file = form.part(QStringLiteral("file"));
        if (!file) {
            return error(400, QStringLiteral("validations.file.required"),
                QStringLiteral("The upload needs one multipart part named \"file\""));
        }
        if (file->data.size() > kMaxDocumentBytes) {
            return error(413, QStringLiteral("document.too.large"),
                QStringLiteral("The file has %1 bytes; Bob accepts at most 5 MB (%2 bytes) per document")
                    .arg(file->data.size())
                    .arg(kMaxDocumentBytes));
        }
        document.kind = QStringLiteral("upload");
        document.name = file->fileName.isEmpty() ? QStringLiteral("file") : file->fileName;
        document.contentType = file->contentType;
        document.size = file->data.size();
        document.sha256 = QString::fromLatin1(QCryptographicHash::hash(file->data, QCryptographicHash::Sha256).toHex());
    } else {
        const QJsonDocument json = QJsonDocument::fromJson(request.body());
        const QJsonObject body = json.object();
        const QString name = body.value(QStringLiteral("documentName")).toString().trimmed();
        const QString url = body.value(QStringLiteral("documentUrl")).toString().trimmed();
        if (!json.isObject() || name.isEmpty()) {
            return error(
                400, QStringLiteral("validations.documentName.required"), QStringLiteral("documentName is required"));
        }
        const QUrl parsed(url, QUrl::StrictMode);
        if (url.isEmpty() || !parsed.isValid() || parsed.host().isEmpty()
            || (parsed.scheme() != QLatin1String("https") && parsed.scheme() != QLatin1String("http"))) {
            return error(400, QStringLiteral("validations.documentUrl.invalid"),
                QStringLiteral("documentUrl must be an absolute http(s) URL"));
        }
        // The sandbox downloads nothing: the URL is only recorded.
        document.kind = QStringLiteral("url");
        document.name = name;
        document.url = url;
    }
    document.id = m_nextDocumentId++;
    m_documents.append(document);
    qCInfo(lcFakeBob).noquote() << "stored document" << document.id << "(" << document.kind << ") for" << personId
                                << "in" << folder;
    return SandboxReply::json(200, QJsonObject {{QStringLiteral("id"), document.id}});
}

SandboxReply FakeBob::listDocuments(const QString& personId) const
{
    if (findEmployee(personId).isEmpty()) {
        return error(404, QStringLiteral("employee.not.found"), QStringLiteral("No employee with id %1").arg(personId));
    }
    QJsonArray documents;
    for (const Document& document : m_documents) {
        if (document.personId == personId) {
            documents.append(QJsonObject {{QStringLiteral("id"), document.id}, {QStringLiteral("name"), document.name},
                {QStringLiteral("folder"), document.folder}, {QStringLiteral("uploadDate"), document.receivedAt}});
        }
    }
    return SandboxReply::json(200, QJsonObject {{QStringLiteral("documents"), documents}});
}

QJsonArray FakeBob::createdPeople() const
{
    QJsonArray array;
    for (const CreatedPerson& person : m_people) {
        array.append(QJsonObject {
            {QStringLiteral("id"), person.employee.value(QStringLiteral("id"))},
            {QStringLiteral("firstName"), person.employee.value(QStringLiteral("firstName"))},
            {QStringLiteral("surname"), person.employee.value(QStringLiteral("surname"))},
            {QStringLiteral("email"), person.employee.value(QStringLiteral("email"))},
            {QStringLiteral("work"), person.employee.value(QStringLiteral("work"))},
            {QStringLiteral("reportsTo"), person.reportsTo.isEmpty() ? QJsonValue() : QJsonValue(person.reportsTo)},
            {QStringLiteral("createdAt"), person.createdAt},
            {QStringLiteral("visibleToSearch"), m_clock.elapsed() >= person.visibleAtMs},
            {QStringLiteral("body"), person.body},
        });
    }
    return array;
}

QJsonArray FakeBob::documents() const
{
    QJsonArray array;
    for (const Document& document : m_documents) {
        array.append(QJsonObject {
            {QStringLiteral("id"), document.id},
            {QStringLiteral("personId"), document.personId},
            {QStringLiteral("folder"), document.folder},
            {QStringLiteral("kind"), document.kind},
            {QStringLiteral("name"), document.name},
            {QStringLiteral("url"), document.url.isEmpty() ? QJsonValue() : QJsonValue(document.url)},
            {QStringLiteral("contentType"), QString::fromLatin1(document.contentType)},
            {QStringLiteral("size"), document.size},
            {QStringLiteral("sha256"), document.sha256.isEmpty() ? QJsonValue() : QJsonValue(document.sha256)},
            {QStringLiteral("receivedAt"), document.receivedAt},
        });
    }
    return array;
}

void FakeBob::clearPeople()
{
    m_people.clear();
    m_documents.clear();
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

QString FakeBob::pendingHiresHtml(const QString& moreSections) const
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
    // Direct mode: the people created through POST /v1/people and the documents they got.
    QString people;
    for (const CreatedPerson& person : m_people) {
        const QString id = person.employee.value(QStringLiteral("id")).toString();
        QStringList documents;
        for (const Document& document : m_documents) {
            if (document.personId == id) {
                documents.append(
                    QStringLiteral("%1 (%2, %3)")
                        .arg(document.name.toHtmlEscaped(), document.folder,
                            document.kind == QLatin1String("url") ? document.url.toHtmlEscaped()
                                                                  : QStringLiteral("%1 bytes").arg(document.size)));
            }
        }
        const QJsonObject work = person.employee.value(QStringLiteral("work")).toObject();
        people += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td>%5</td><td><code>%6</code></td>"
                                 "</tr>\n")
                      .arg(person.employee.value(QStringLiteral("displayName")).toString().toHtmlEscaped(),
                          person.employee.value(QStringLiteral("email")).toString().toHtmlEscaped(),
                          work.value(QStringLiteral("startDate")).toString().toHtmlEscaped(),
                          work.value(QStringLiteral("reportsTo"))
                              .toObject()
                              .value(QStringLiteral("displayName"))
                              .toString()
                              .toHtmlEscaped(),
                          documents.join(QStringLiteral("<br>")), id.toHtmlEscaped());
    }
    if (people.isEmpty()) {
        people = QStringLiteral("<tr><td colspan=\"6\">No people created yet.</td></tr>\n");
    }
    const QString direct = QStringLiteral("<h2>Bob direct mode: people created</h2>\n<table><tr><th>Name</th>"
                                          "<th>E-mail</th><th>Start date</th><th>Reports to</th><th>Documents</th>"
                                          "<th>Employee id</th></tr>\n%1</table>\n")
                               .arg(people);
    return QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                          "<title>ATS pending hires (sandbox)</title>"
                          "<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
                          "td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}</style></head>\n"
                          "<body><h1>ATS pending hires</h1>\n<p>%1 hire event(s) received by the sandbox Bob.</p>\n"
                          "<table><tr><th>Name</th><th>E-mail</th><th>Start date</th><th>Received</th><th>Event id</th>"
                          "</tr>\n%2</table>\n%3%4</body></html>\n")
        .arg(m_hires.size())
        .arg(rows, direct, moreSections);
}

SandboxReply FakeBob::error(int status, const QString& key, const QString& message)
{
    return SandboxReply::json(status,
        QJsonObject {
            {QStringLiteral("key"), key},
            {QStringLiteral("error"), message},
        });
}
