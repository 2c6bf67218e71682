#include "BambooHrClient.h"

#include "Hire.h"
#include "hris/HrisJson.h"
#include "http/MultipartBody.h"
#include "http/Redaction.h"
#include "http/RequestJob.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSet>

#include <cmath>

Q_LOGGING_CATEGORY(lcBambooHr, "hirebridge.bamboohr", QtInfoMsg)

namespace {

// Uploads carry whole documents; the default 30 s is meant for JSON calls.
constexpr int kUploadTimeoutMs = 120000;

QString s(const char* text)
{
    return QString::fromLatin1(text);
}

using HrisJson::idText;
using HrisJson::optionalText;

QString jsonTypeName(const QJsonValue& v)
{
    return HrisJson::typeName(v);
}

std::optional<bool> yesNo(const QJsonValue& v)
{
    if (v.isBool()) {
        return v.toBool();
    }
    if (v.isString()) {
        const QString text = v.toString().trimmed().toLower();
        if (text == QLatin1StringView("yes") || text == QLatin1StringView("true")) {
            return true;
        }
        if (text == QLatin1StringView("no") || text == QLatin1StringView("false")) {
            return false;
        }
    }
    return std::nullopt;
}

std::optional<QJsonDocument> parseJson(const QByteArray& body, const QString& what, QString* error)
{
    QJsonParseError parseError {};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        // Without Accept: application/json some endpoints answer XML; we always send it, so say what came.
        *error = body.trimmed().startsWith('<')
            ? QStringLiteral("%1 is XML or HTML, not JSON (%2 bytes)").arg(what).arg(body.size())
            : QStringLiteral("%1 is not valid JSON: %2 at byte %3 (%4 bytes)")
                  .arg(what, parseError.errorString())
                  .arg(parseError.offset)
                  .arg(body.size());
        return std::nullopt;
    }
    return doc;
}

ApiError parseFailure(const QString& message, const QString& context, int status)
{
    ApiError e = ApiError::make(ApiError::Kind::Parse, message, BambooHrClient::serverName(), status);
    e.context = context;
    return e;
}

// An employee id goes into a URL path: only BambooHR's numeric ids are accepted.
bool isEmployeeId(const QString& id)
{
    static const QRegularExpression numeric(QStringLiteral("^\\d+$"));
    return numeric.match(id).hasMatch();
}

ApiError notAnEmployeeId(const QString& id, const QString& context)
{
    ApiError e = ApiError::make(ApiError::Kind::Api, QStringLiteral("\"%1\" is not a BambooHR employee id").arg(id),
        BambooHrClient::serverName());
    e.context = context;
    return e;
}

ApiError clientGone(const QString& context)
{
    ApiError e
        = ApiError::make(ApiError::Kind::Cancelled, s("the HTTP client was shut down"), BambooHrClient::serverName());
    e.context = context;
    return e;
}

// An id in a JSON body ({"id": 4127}), for answers that carry one instead of (or beside) the Location header.
QString idFromBody(const QByteArray& body)
{
    const QJsonObject o = QJsonDocument::fromJson(body).object();
    return idText(o.value(QLatin1StringView("id"))).value_or(QString());
}

// The rows of the list answer. The envelope is unconfirmed beyond _links and meta, so the usual names are all
// accepted: {"data": [...]}, {"employees": [...]} (also what /v1/employees/directory answers), {"items": [...]}, or a
// bare array.
bool employeeRows(const QJsonDocument& doc, QJsonArray* rows, QString* error)
{
    if (doc.isArray()) {
        *rows = doc.array();
        return true;
    }
    const QJsonObject root = doc.object();
    for (const char* key : {"data", "employees", "items"}) {
        const QJsonValue v = root.value(QLatin1StringView(key));
        if (v.isArray()) {
            *rows = v.toArray();
            return true;
        }
        if (!v.isUndefined() && !v.isNull()) {
            *error = QStringLiteral("the employee list: \"%1\" is %2, not an array")
                         .arg(QLatin1StringView(key), jsonTypeName(v));
            return false;
        }
    }
    *error = doc.isObject() ? s("the employee list has no \"data\" array") : s("the employee list is empty");
    return false;
}

} // namespace

struct BambooHrClient::DirectoryFetch
{
    DirectoryCallback done;
    Directory directory;
    QSet<QString> fetched; // page URLs already asked for: a repeated link or cursor would loop forever
    int pages = 0;
    int hiddenWorkEmails = 0;
};

BambooHrClient::BambooHrClient(HttpClient* http, const BambooHrConfig& config, QObject* parent)
    : HrisConnector(parent)
    , m_http(http)
    , m_config(config)
{
    // BambooHR takes the key as the user name with any non-empty password; "x" is the convention.
    const QByteArray credentials = (config.apiKey + QStringLiteral(":x")).toUtf8();
    m_authorization = "Basic " + credentials.toBase64();
    if (!config.apiKey.isEmpty()) {
        Redaction::registerSecret(config.apiKey);
        Redaction::registerSecret(QString::fromLatin1(credentials.toBase64()));
    }
}

QUrl BambooHrClient::apiUrl(const QString& path) const
{
    return HttpClient::endpoint(m_config.url, path);
}

HttpRequest BambooHrClient::request(const QByteArray& method, const QUrl& url, const QString& context) const
{
    HttpRequest r;
    r.method = method;
    r.url = url;
    // Some BambooHR endpoints answer XML unless JSON is asked for explicitly.
    r.headers = {{"Authorization", m_authorization}, {"Accept", "application/json"}};
    r.server = serverName();
    r.context = context;
    if (method == "GET") {
        r.contentType.clear();
    }
    return r;
}

void BambooHrClient::failLater(std::function<void()> callback)
{
    // Callers connect after the call returns and expect the answer from the event loop, as for a real request.
    QMetaObject::invokeMethod(this, std::move(callback), Qt::QueuedConnection);
}

// ---- directory -------------------------------------------------------------------------------------------------

QUrl BambooHrClient::firstEmployeesPage() const
{
    QUrl url = apiUrl(s("/v1/employees"));
    // The comma form: repeated fields= keys lose values (reference §1.4).
    url.setQuery(QStringLiteral("fields=firstName,lastName,workEmail,homeEmail,status&page[limit]=%1").arg(kPageLimit));
    return url;
}

void BambooHrClient::fetchDirectory(DirectoryCallback done)
{
    auto fetch = std::make_shared<DirectoryFetch>();
    fetch->done = std::move(done);
    fetchEmployeesPage(fetch, firstEmployeesPage());
}

void BambooHrClient::fetchEmployeesPage(const std::shared_ptr<DirectoryFetch>& fetch, const QUrl& url)
{
    ++fetch->pages;
    const QString context
        = fetch->pages == 1 ? s("employee list") : QStringLiteral("employee list page %1").arg(fetch->pages);
    if (!m_http) {
        failLater([fetch, context] { fetch->done(clientGone(context), Directory()); });
        return;
    }
    fetch->fetched.insert(url.toString(QUrl::FullyEncoded));
    auto* job = m_http->send(request("GET", url, context));
    connect(job, &RequestJob::finished, this, [this, fetch, url, context](const HttpResponse& response) {
        QString error;
        const auto page = parseEmployeePage(response.body, &error);
        if (!page) {
            fetch->done(parseFailure(error, context, response.status), Directory());
            return;
        }
        for (const EmployeeRow& row : page->rows) {
            fetch->directory.add(row.entry);
            if (!row.homeEmail.isEmpty()) {
                fetch->directory.addAlias(row.homeEmail, fetch->directory.size() - 1);
            }
        }
        fetch->hiddenWorkEmails += page->hiddenWorkEmails;
        const auto next = nextPageUrl(url, *page, &error);
        if (!next) {
            fetch->done(parseFailure(error, context, response.status), Directory());
            return;
        }
        if (next->isEmpty()) {
            finishDirectory(fetch);
            return;
        }
        if (fetch->fetched.contains(next->toString(QUrl::FullyEncoded))) {
            fetch->done(
                parseFailure(s("the next-page link or cursor repeats a page already read"), context, response.status),
                Directory());
            return;
        }
        if (fetch->pages >= kMaxPages) {
            fetch->done(parseFailure(QStringLiteral("the employee list goes on beyond %1 pages").arg(kMaxPages),
                            context, response.status),
                Directory());
            return;
        }
        fetchEmployeesPage(fetch, *next);
    });
    connect(job, &RequestJob::failed, this, [this, fetch](const ApiError& e) {
        if (e.httpStatus == 404 && fetch->pages == 1) {
            fetchDirectoryFallback(fetch);
            return;
        }
        fetch->done(e, Directory());
    });
}

void BambooHrClient::fetchDirectoryFallback(const std::shared_ptr<DirectoryFetch>& fetch)
{
    // Accounts without the list endpoint: the employee directory is the documented fallback. It only shows
    // directory-visible staff (onlyCurrent=false adds future hires), so it is logged as the weaker source it is.
    const QString context = s("employee directory");
    if (!m_http) {
        failLater([fetch, context] { fetch->done(clientGone(context), Directory()); });
        return;
    }
    QUrl url = apiUrl(s("/v1/employees/directory"));
    url.setQuery(s("onlyCurrent=false"));
    qCWarning(lcBambooHr) << "GET /v1/employees answered 404; falling back to the employee directory";
    auto* job = m_http->send(request("GET", url, context));
    connect(job, &RequestJob::finished, this, [this, fetch, context](const HttpResponse& response) {
        QString error;
        const auto page = parseEmployeePage(response.body, &error);
        if (!page) {
            fetch->done(parseFailure(error, context, response.status), Directory());
            return;
        }
        for (const EmployeeRow& row : page->rows) {
            fetch->directory.add(row.entry);
            if (!row.homeEmail.isEmpty()) {
                fetch->directory.addAlias(row.homeEmail, fetch->directory.size() - 1);
            }
        }
        fetch->hiddenWorkEmails += page->hiddenWorkEmails;
        finishDirectory(fetch);
    });
    connect(job, &RequestJob::failed, this, [fetch](const ApiError& e) { fetch->done(e, Directory()); });
}

void BambooHrClient::finishDirectory(const std::shared_ptr<DirectoryFetch>& fetch)
{
    if (fetch->hiddenWorkEmails > 0) {
        fetch->directory.markIncomplete(
            QStringLiteral("BambooHR does not show this API user the work e-mail of %1 of %2 employees "
                           "(_restrictedFields); give the user access to the work e-mail field")
                .arg(fetch->hiddenWorkEmails)
                .arg(fetch->directory.size()));
        qCWarning(lcBambooHr).noquote() << fetch->directory.incompleteReason();
    }
    qCInfo(lcBambooHr) << "directory snapshot:" << fetch->directory.size() << "employees in" << fetch->pages << "pages";
    fetch->done(ApiError(), fetch->directory);
}

std::optional<BambooHrClient::EmployeePage> BambooHrClient::parseEmployeePage(const QByteArray& body, QString* error)
{
    const auto doc = parseJson(body, s("the employee list"), error);
    if (!doc) {
        return std::nullopt;
    }
    QJsonArray rows;
    if (!employeeRows(*doc, &rows, error)) {
        return std::nullopt;
    }
    EmployeePage page;
    page.rows.reserve(rows.size());
    for (qsizetype i = 0; i < rows.size(); ++i) {
        if (!rows.at(i).isObject()) {
            *error = QStringLiteral("employee %1 is %2, not an object").arg(i).arg(jsonTypeName(rows.at(i)));
            return std::nullopt;
        }
        const QJsonObject o = rows.at(i).toObject();
        const auto id = idText(o.value(QLatin1StringView("id")));
        if (!id || id->isEmpty()) {
            *error = QStringLiteral("employee %1: \"id\" is %2")
                         .arg(i)
                         .arg(id ? s("empty") : jsonTypeName(o.value(QLatin1StringView("id"))));
            return std::nullopt;
        }
        QString values[5];
        const char* keys[5] = {"firstName", "lastName", "workEmail", "homeEmail", "status"};
        for (int k = 0; k < 5; ++k) {
            const QJsonValue v = o.value(QLatin1StringView(keys[k]));
            const auto text = optionalText(v);
            if (!text) {
                *error = QStringLiteral("employee %1 (id %2): \"%3\" is %4")
                             .arg(i)
                             .arg(*id, QLatin1StringView(keys[k]), jsonTypeName(v));
                return std::nullopt;
            }
            values[k] = *text;
        }
        const QJsonValue restricted = o.value(QLatin1StringView("_restrictedFields"));
        if (!restricted.isArray() && !restricted.isUndefined() && !restricted.isNull()) {
            *error = QStringLiteral("employee %1 (id %2): \"_restrictedFields\" is %3")
                         .arg(i)
                         .arg(*id, jsonTypeName(restricted));
            return std::nullopt;
        }
        // A work e-mail BambooHR hides (or leaves out altogether) makes a miss in the directory meaningless.
        const bool hidden = restricted.toArray().contains(QJsonValue(s("workEmail")))
            || o.value(QLatin1StringView("workEmail")).isUndefined();
        if (hidden) {
            ++page.hiddenWorkEmails;
        }

        EmployeeRow row;
        row.entry.id = *id;
        row.entry.firstName = values[0];
        row.entry.surname = values[1];
        row.entry.email = values[2];
        row.entry.displayName = (values[0] + QLatin1Char(' ') + values[1]).trimmed();
        row.entry.active = values[4].compare(QLatin1StringView("inactive"), Qt::CaseInsensitive) != 0;
        row.homeEmail = values[3];
        page.rows.append(row);
    }

    const QJsonObject root = doc->object();
    const QJsonValue next = root.value(QLatin1StringView("_links")).toObject().value(QLatin1StringView("next"));
    // A plain URL, or HAL style {"href": "..."}.
    if (next.isString()) {
        page.nextLink = next.toString().trimmed();
    } else if (next.isObject()) {
        page.nextLink = next.toObject().value(QLatin1StringView("href")).toString().trimmed();
    } else if (!next.isUndefined() && !next.isNull()) {
        *error = QStringLiteral("the employee list: \"_links.next\" is %1").arg(jsonTypeName(next));
        return std::nullopt;
    }
    const QJsonValue cursor = root.value(QLatin1StringView("meta"))
                                  .toObject()
                                  .value(QLatin1StringView("page"))
                                  .toObject()
                                  .value(QLatin1StringView("nextCursor"));
    const auto cursorText = idText(cursor);
    if (!cursorText && !cursor.isUndefined() && !cursor.isNull()) {
        *error = QStringLiteral("the employee list: \"meta.page.nextCursor\" is %1").arg(jsonTypeName(cursor));
        return std::nullopt;
    }
    page.nextCursor = cursorText.value_or(QString());
    return page;
}

std::optional<QUrl> BambooHrClient::nextPageUrl(const QUrl& current, const EmployeePage& page, QString* error) const
{
    if (!page.nextLink.isEmpty()) {
        const QUrl link = current.resolved(QUrl(page.nextLink, QUrl::TolerantMode));
        const auto origin = [](const QUrl& u) {
            const bool https = u.scheme().compare(QLatin1StringView("https"), Qt::CaseInsensitive) == 0;
            return u.scheme().toLower() + QStringLiteral("://") + u.host().toLower() + QLatin1Char(':')
                + QString::number(u.port(https ? 443 : 80));
        };
        // The link is followed with our API key: never to another server.
        if (!link.isValid() || origin(link) != origin(current)) {
            *error = QStringLiteral("the next-page link \"%1\" points away from %2")
                         .arg(link.toDisplayString(QUrl::RemoveUserInfo), current.host());
            return std::nullopt;
        }
        return link;
    }
    if (!page.nextCursor.isEmpty()) {
        QUrl next = firstEmployeesPage();
        next.setQuery(next.query(QUrl::FullyEncoded) + QLatin1Char('&') + QLatin1StringView(kCursorParameter)
                + QLatin1Char('=') + QString::fromLatin1(QUrl::toPercentEncoding(page.nextCursor)),
            QUrl::StrictMode);
        return next;
    }
    return QUrl();
}

void BambooHrClient::findByEmail(const QString& email, LookupCallback done)
{
    const QString wanted = normalizedEmail(email);
    if (wanted.isEmpty()) {
        failLater([done] {
            ApiError e = ApiError::make(ApiError::Kind::Api, s("there is no e-mail address to look up"), serverName());
            e.context = s("employee lookup");
            done(e, std::nullopt);
        });
        return;
    }
    fetchDirectory([done, wanted](const ApiError& error, const Directory& directory) {
        if (error.isError()) {
            done(error, std::nullopt);
            return;
        }
        const auto found = directory.byEmail(wanted);
        if (!found && !directory.isComplete()) {
            // Not found proves nothing when the e-mails were hidden: say so instead of inviting a duplicate.
            ApiError e = ApiError::make(ApiError::Kind::Unauthorized,
                QStringLiteral("cannot verify that %1 is not an employee yet: %2")
                    .arg(wanted, directory.incompleteReason()),
                serverName());
            e.context = s("employee lookup");
            done(e, std::nullopt);
            return;
        }
        done(ApiError(), found);
    });
}

// ---- create ----------------------------------------------------------------------------------------------------

DocumentRules BambooHrClient::documentRules() const
{
    DocumentRules rules;
    rules.mode = DocumentRules::Mode::Upload;
    rules.maxBytes = kMaxUploadBytes;
    return rules;
}

void BambooHrClient::addManager(const std::optional<DirectoryEntry>& manager, QJsonObject* payload)
{
    // BambooHR's writable key and value format for "reports to" are unconfirmed (reference §1.3), so a matched
    // manager is not sent yet; HR sets it in BambooHR. Once confirmed, this is the one place to add it.
    Q_UNUSED(manager);
    Q_UNUSED(payload);
}

QJsonObject BambooHrClient::buildPayload(const PayloadInput& in) const
{
    QJsonObject payload;
    if (in.fields) {
        payload = *in.fields; // already keyed by BambooHR field names or aliases
    } else {
        const Hire& hire = in.hire;
        const auto put = [&payload](const char* key, const QString& value) {
            if (!value.trimmed().isEmpty()) {
                payload.insert(QLatin1StringView(key), value.trimmed());
            }
        };
        put("firstName", hire.firstName);
        put("lastName", hire.lastName);
        put("workEmail", hire.email);
        put("jobTitle", hire.jobTitle);
        put("department", hire.department);
        put("location", hire.location);
        // The calendar date as Ashby gave it, never shifted through a time zone.
        put("hireDate", calendarDate(hire.startDate));
    }
    addManager(in.manager, &payload);
    return payload;
}

QString BambooHrClient::idFromLocation(const QByteArray& location, const QString& collection)
{
    const QUrl url = QUrl::fromEncoded(location.trimmed(), QUrl::TolerantMode);
    const QString path = url.isValid() ? url.path() : QString::fromLatin1(location.trimmed());
    const QRegularExpression re(QStringLiteral("/%1/(\\d+)/?$").arg(QRegularExpression::escape(collection)));
    const auto match = re.match(path);
    return match.hasMatch() ? match.captured(1) : QString();
}

void BambooHrClient::create(const QJsonObject& payload, const QString& context, CreateCallback done)
{
    if (!m_http) {
        failLater([done, context] { done(clientGone(context), CreateResult()); });
        return;
    }
    HttpRequest r = request("POST", apiUrl(s("/v1/employees")), context);
    r.contentType = "application/json";
    r.body = QJsonDocument(payload).toJson(QJsonDocument::Compact);
    r.idempotent = false; // a second POST creates a second employee
    auto* job = m_http->send(r);
    connect(job, &RequestJob::finished, this, [done, context](const HttpResponse& response) {
        // 201 with an empty body and the id only in Location is the documented answer; a JSON id is taken too.
        QString id = idFromLocation(response.header("location"), s("employees"));
        if (id.isEmpty()) {
            id = idFromBody(response.body);
        }
        if (id.isEmpty()) {
            done(parseFailure(QStringLiteral("POST /v1/employees answered HTTP %1 without the new employee's id "
                                             "(no Location header ending in /employees/<id>, no \"id\" in the body)")
                                  .arg(response.status),
                     context, response.status),
                CreateResult());
            return;
        }
        CreateResult result;
        result.remoteId = id;
        result.httpStatus = response.status;
        qCInfo(lcBambooHr).noquote() << QStringLiteral("created employee %1 (%2)").arg(id, context);
        done(ApiError(), result);
    });
    connect(job, &RequestJob::failed, this, [done](const ApiError& e) { done(e, CreateResult()); });
}

// ---- documents -------------------------------------------------------------------------------------------------

std::optional<QList<BambooHrClient::FileCategory>> BambooHrClient::parseFileCategories(
    const QByteArray& body, QString* error)
{
    const auto doc = parseJson(body, s("the file categories"), error);
    if (!doc) {
        return std::nullopt;
    }
    // Unconfirmed shape: {"categories": [{id, name, canUploadFiles, files}], "employee": {...}}; a bare array is
    // taken as the categories.
    QJsonArray array;
    if (doc->isArray()) {
        array = doc->array();
    } else {
        const QJsonValue categories = doc->object().value(QLatin1StringView("categories"));
        if (!categories.isArray()) {
            *error = QStringLiteral("the file categories: \"categories\" is %1, not an array")
                         .arg(jsonTypeName(categories));
            return std::nullopt;
        }
        array = categories.toArray();
    }
    QList<FileCategory> out;
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (!array.at(i).isObject()) {
            *error = QStringLiteral("file category %1 is %2, not an object").arg(i).arg(jsonTypeName(array.at(i)));
            return std::nullopt;
        }
        const QJsonObject o = array.at(i).toObject();
        const auto id = idText(o.value(QLatin1StringView("id")));
        if (!id || id->isEmpty()) {
            *error = QStringLiteral("file category %1: \"id\" is %2")
                         .arg(i)
                         .arg(id ? s("empty") : jsonTypeName(o.value(QLatin1StringView("id"))));
            return std::nullopt;
        }
        const auto name = optionalText(o.value(QLatin1StringView("name")));
        if (!name) {
            *error = QStringLiteral("file category %1: \"name\" is %2")
                         .arg(*id, jsonTypeName(o.value(QLatin1StringView("name"))));
            return std::nullopt;
        }
        FileCategory category;
        category.id = *id;
        category.name = *name;
        // Absent or unreadable means "not said": try it and let BambooHR answer.
        category.canUpload = yesNo(o.value(QLatin1StringView("canUploadFiles"))).value_or(true);
        out.append(category);
    }
    return out;
}

std::optional<BambooHrClient::FileCategory> BambooHrClient::pickCategory(
    const QList<FileCategory>& categories, const QString& kind)
{
    QStringList words;
    if (kind == QLatin1StringView("offerLetter")) {
        words = {s("offer"), s("contract"), s("signed")};
    } else if (kind == QLatin1StringView("resume")) {
        words = {s("resume"), s("cv"), s("application")};
    }
    for (const QString& word : words) {
        for (const FileCategory& c : categories) {
            if (c.canUpload && c.name.contains(word, Qt::CaseInsensitive)) {
                return c;
            }
        }
    }
    for (const FileCategory& c : categories) {
        if (c.canUpload) {
            return c;
        }
    }
    return std::nullopt;
}

void BambooHrClient::withFileCategories(const QString& employeeId, std::function<void(const ApiError&)> next)
{
    if (m_fileCategories) {
        next(ApiError());
        return;
    }
    m_categoryWaiters.append(std::move(next));
    if (m_categoryWaiters.size() > 1) {
        return; // one fetch serves every upload that arrives meanwhile
    }
    const QString context = s("file categories");
    const auto finish = [this](const ApiError& error) {
        const auto waiters = std::exchange(m_categoryWaiters, {});
        for (const auto& waiter : waiters) {
            waiter(error);
        }
    };
    if (!m_http) {
        failLater([finish, context] { finish(clientGone(context)); });
        return;
    }
    // The folders are company-wide; any employee's file view lists them.
    auto* job
        = m_http->send(request("GET", apiUrl(QStringLiteral("/v1/employees/%1/files/view").arg(employeeId)), context));
    connect(job, &RequestJob::finished, this, [this, finish, context](const HttpResponse& response) {
        QString error;
        auto categories = parseFileCategories(response.body, &error);
        if (!categories) {
            finish(parseFailure(error, context, response.status));
            return;
        }
        m_fileCategories = std::move(*categories);
        finish(ApiError());
    });
    connect(job, &RequestJob::failed, this, finish);
}

void BambooHrClient::uploadDocument(
    const QString& remoteId, const DocumentUpload& document, const QString& context, UploadCallback done)
{
    if (!isEmployeeId(remoteId)) {
        failLater([done, e = notAnEmployeeId(remoteId, context)] { done(e, QString()); });
        return;
    }
    withFileCategories(remoteId, [this, remoteId, document, context, done](const ApiError& error) {
        if (error.isError()) {
            done(error, QString());
            return;
        }
        const auto category = pickCategory(*m_fileCategories, document.kind);
        if (!category) {
            ApiError e = ApiError::make(
                ApiError::Kind::Api, s("BambooHR has no file category this API user may upload to"), serverName());
            e.context = context;
            done(e, QString());
            return;
        }
        postFile(remoteId, document, *category, context, done);
    });
}

QString BambooHrClient::storedName(const DocumentUpload& document)
{
    const QString fileName = document.fileName.trimmed().isEmpty() ? s("document") : document.fileName.trimmed();
    QString shownName = document.title.trimmed().isEmpty() ? fileName : document.title.trimmed();
    const QString suffix = QFileInfo(fileName).suffix();
    // BambooHR shows fileName as the document's name; keep the extension so it opens with the right program.
    if (!suffix.isEmpty() && !shownName.endsWith(QLatin1Char('.') + suffix, Qt::CaseInsensitive)) {
        shownName += QLatin1Char('.') + suffix;
    }
    return shownName;
}

std::optional<QList<BambooHrClient::StoredFile>> BambooHrClient::parseStoredFiles(
    const QByteArray& body, QString* error)
{
    const auto doc = parseJson(body, s("the employee's files"), error);
    if (!doc) {
        return std::nullopt;
    }
    const QJsonValue categories
        = doc->isArray() ? QJsonValue(doc->array()) : doc->object().value(QLatin1StringView("categories"));
    if (!categories.isArray()) {
        *error
            = QStringLiteral("the employee's files: \"categories\" is %1, not an array").arg(jsonTypeName(categories));
        return std::nullopt;
    }
    QList<StoredFile> out;
    const QJsonArray array = categories.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (!array.at(i).isObject()) {
            *error = QStringLiteral("file category %1 is %2, not an object").arg(i).arg(jsonTypeName(array.at(i)));
            return std::nullopt;
        }
        const QJsonValue files = array.at(i).toObject().value(QLatin1StringView("files"));
        if (files.isUndefined() || files.isNull()) {
            continue;
        }
        if (!files.isArray()) {
            *error = QStringLiteral("file category %1: \"files\" is %2, not an array").arg(i).arg(jsonTypeName(files));
            return std::nullopt;
        }
        const QJsonArray list = files.toArray();
        for (qsizetype j = 0; j < list.size(); ++j) {
            const QString where = QStringLiteral("file category %1, file %2").arg(i).arg(j);
            if (!list.at(j).isObject()) {
                *error = QStringLiteral("%1 is %2, not an object").arg(where, jsonTypeName(list.at(j)));
                return std::nullopt;
            }
            const QJsonObject o = list.at(j).toObject();
            const auto id = idText(o.value(QLatin1StringView("id")));
            const auto name = optionalText(o.value(QLatin1StringView("name")));
            const auto original = optionalText(o.value(QLatin1StringView("originalFileName")));
            if (!id || id->isEmpty()) {
                *error = QStringLiteral("%1: \"id\" is %2")
                             .arg(where, id ? s("empty") : jsonTypeName(o.value(QLatin1StringView("id"))));
                return std::nullopt;
            }
            if (!name || !original) {
                *error
                    = QStringLiteral("%1: \"%2\" is not a string").arg(where, name ? s("originalFileName") : s("name"));
                return std::nullopt;
            }
            out.append(StoredFile {*id, *name, *original});
        }
    }
    return out;
}

void BambooHrClient::findUploaded(
    const QString& remoteId, const DocumentUpload& document, const QString& context, FoundCallback done)
{
    if (!isEmployeeId(remoteId)) {
        failLater([done, e = notAnEmployeeId(remoteId, context)] { done(e, std::nullopt); });
        return;
    }
    if (!m_http) {
        failLater([done, context] { done(clientGone(context), std::nullopt); });
        return;
    }
    auto* job
        = m_http->send(request("GET", apiUrl(QStringLiteral("/v1/employees/%1/files/view").arg(remoteId)), context));
    const QString name = storedName(document);
    connect(job, &RequestJob::finished, this, [done, context, name](const HttpResponse& response) {
        QString error;
        const auto files = parseStoredFiles(response.body, &error);
        if (!files) {
            done(parseFailure(error, context, response.status), std::nullopt);
            return;
        }
        for (const StoredFile& file : *files) {
            if (file.name.compare(name, Qt::CaseInsensitive) == 0) {
                done(ApiError(), file.id);
                return;
            }
        }
        done(ApiError(), std::nullopt);
    });
    connect(job, &RequestJob::failed, this, [done](const ApiError& e) { done(e, std::nullopt); });
}

void BambooHrClient::postFile(const QString& remoteId, const DocumentUpload& document, const FileCategory& category,
    const QString& context, UploadCallback done)
{
    if (!m_http) {
        failLater([done, context] { done(clientGone(context), QString()); });
        return;
    }
    const QString fileName = document.fileName.trimmed().isEmpty() ? s("document") : document.fileName.trimmed();
    MultipartBody multipart;
    multipart.addField(s("category"), category.id);
    multipart.addField(s("fileName"), storedName(document));
    multipart.addField(s("share"), s("no")); // HR decides what the employee sees
    multipart.addFile(s("file"), fileName, document.contentType, document.bytes);
    const MultipartBody::Encoded encoded = multipart.build();

    HttpRequest r = request("POST", apiUrl(QStringLiteral("/v1/employees/%1/files").arg(remoteId)), context);
    r.contentType = encoded.contentType;
    r.body = encoded.body;
    r.idempotent = false; // a repeated upload is a second copy of the file
    r.timeoutMs = kUploadTimeoutMs;
    auto* job = m_http->send(r);
    connect(job, &RequestJob::finished, this, [done, context, remoteId](const HttpResponse& response) {
        QString id = idFromLocation(response.header("location"), s("files"));
        if (id.isEmpty()) {
            id = idFromBody(response.body);
        }
        if (id.isEmpty()) {
            // The file is there (2xx); failing now would upload it twice on the retry.
            qCWarning(lcBambooHr).noquote()
                << QStringLiteral("%1: uploaded to employee %2, but BambooHR named no file id").arg(context, remoteId);
        }
        done(ApiError(), id);
    });
    connect(job, &RequestJob::failed, this, [done](const ApiError& e) { done(e, QString()); });
}

// ---- metadata --------------------------------------------------------------------------------------------------

void BambooHrClient::fetchCatalog(CatalogCallback done)
{
    // Both answers are collected here; the callback runs once, when both arrived or at the first error.
    struct State
    {
        QByteArray fieldsBody;
        QByteArray listsBody;
        int fieldsStatus = 0;
        int pending = 2;
        bool done = false;
        QPointer<RequestJob> fieldsJob;
        QPointer<RequestJob> listsJob;
    };
    const auto state = std::make_shared<State>();
    const QString context = s("field metadata");
    if (!m_http) {
        failLater([done, context] { done(clientGone(context), TargetCatalog()); });
        return;
    }

    const auto finishIfComplete = [state, done, context] {
        if (state->done || state->pending > 0) {
            return;
        }
        state->done = true;
        QString error;
        auto catalog = TargetCatalog::fromBambooHr(state->fieldsBody, state->listsBody, &error);
        if (!catalog) {
            done(parseFailure(error, context, state->fieldsStatus), TargetCatalog());
            return;
        }
        qCInfo(lcBambooHr) << "field catalogue:" << catalog->fields.size() << "fields," << catalog->lists.size()
                           << "lists";
        done(ApiError(), *catalog);
    };
    const auto fail = [state, done](const ApiError& e) {
        if (state->done) {
            return; // a later error (or the Cancelled of the aborted sibling) is not reported again
        }
        state->done = true;
        // The other request is of no use any more; queued, so a reply failing right now finishes on its own first.
        for (const auto& job : {state->fieldsJob, state->listsJob}) {
            if (job) {
                QMetaObject::invokeMethod(job, &RequestJob::abort, Qt::QueuedConnection);
            }
        }
        done(e, TargetCatalog());
    };

    state->fieldsJob = m_http->send(request("GET", apiUrl(s("/v1/meta/fields")), context));
    state->listsJob = m_http->send(request("GET", apiUrl(s("/v1/meta/lists")), s("list metadata")));
    connect(state->fieldsJob, &RequestJob::finished, this, [state, finishIfComplete](const HttpResponse& response) {
        state->fieldsBody = response.body;
        state->fieldsStatus = response.status;
        --state->pending;
        finishIfComplete();
    });
    connect(state->fieldsJob, &RequestJob::failed, this, fail);
    connect(state->listsJob, &RequestJob::finished, this, [state, finishIfComplete](const HttpResponse& response) {
        state->listsBody = response.body;
        --state->pending;
        finishIfComplete();
    });
    connect(state->listsJob, &RequestJob::failed, this, fail);
}

void BambooHrClient::check(CheckCallback done)
{
    const QString context = s("connection check");
    if (!m_http) {
        failLater([done, context] { done(clientGone(context), QString()); });
        return;
    }
    // Reading the field list needs a valid key and changes nothing.
    auto* job = m_http->send(request("GET", apiUrl(s("/v1/meta/fields")), context));
    connect(job, &RequestJob::finished, this, [done, context](const HttpResponse& response) {
        QString error;
        const auto doc = parseJson(response.body, s("the field metadata"), &error);
        if (!doc || !doc->isArray()) {
            done(parseFailure(doc ? s("the field metadata is not a JSON array") : error, context, response.status),
                QString());
            return;
        }
        done(ApiError(), QStringLiteral("BambooHR: %1 fields").arg(doc->array().size()));
    });
    connect(job, &RequestJob::failed, this, [done](const ApiError& e) { done(e, QString()); });
}
