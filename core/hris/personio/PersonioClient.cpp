#include "PersonioClient.h"

#include "Hire.h"
#include "hris/HrisJson.h"
#include "http/MultipartBody.h"
#include "http/RateGate.h"
#include "http/Redaction.h"
#include "http/RequestJob.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSet>

#include <cmath>

Q_LOGGING_CATEGORY(lcPersonio, "hirebridge.personio", QtInfoMsg)

namespace {

constexpr int kUploadTimeoutMs = 120000; // whole documents, up to 30 MB
constexpr int kMaxTitleLength = 255; // documented limit of a document title
constexpr int kMaxWarnings = 20;

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

ApiError failure(ApiError::Kind kind, const QString& message, const QString& context, int status = 0)
{
    ApiError e = ApiError::make(kind, message, PersonioClient::serverName(), status);
    e.context = context;
    return e;
}

ApiError clientGone(const QString& context)
{
    return failure(ApiError::Kind::Cancelled, s("the HTTP client was shut down"), context);
}

// The v1 envelope {"success": bool, "data": ..., "error": {...}} as a JSON object, or an error naming what is wrong.
// success:false inside a 2xx is an Api error with Personio's own message.
std::optional<QJsonObject> envelope(
    const HttpResponse& response, const QString& what, const QString& context, ApiError* error)
{
    QJsonParseError parseError {};
    const QJsonDocument doc = QJsonDocument::fromJson(response.body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = failure(ApiError::Kind::Parse,
            QStringLiteral("%1 is not valid JSON: %2 at byte %3 (%4 bytes)")
                .arg(what, parseError.errorString())
                .arg(parseError.offset)
                .arg(response.body.size()),
            context, response.status);
        return std::nullopt;
    }
    if (!doc.isObject()) {
        *error = failure(
            ApiError::Kind::Parse, QStringLiteral("%1 is an array, not an object").arg(what), context, response.status);
        return std::nullopt;
    }
    const QJsonObject root = doc.object();
    if (root.value(QLatin1StringView("success")) == QJsonValue(false)) {
        const QJsonObject e = root.value(QLatin1StringView("error")).toObject();
        const QString message = e.value(QLatin1StringView("message")).toString();
        *error = failure(ApiError::Kind::Api,
            message.isEmpty() ? QStringLiteral("%1 says success: false").arg(what) : message, context, response.status);
        error->code = idText(e.value(QLatin1StringView("code"))).value_or(QString());
        return std::nullopt;
    }
    return root;
}

// success:false inside a 2xx answer of a read: Personio's own message as an Api error. Anything else is left to the
// parser of the expected shape, which names what is wrong.
std::optional<ApiError> refusal(const HttpResponse& response, const QString& context)
{
    const QJsonObject root = QJsonDocument::fromJson(response.body).object();
    if (root.value(QLatin1StringView("success")) != QJsonValue(false)) {
        return std::nullopt;
    }
    const QJsonObject e = root.value(QLatin1StringView("error")).toObject();
    const QString message = e.value(QLatin1StringView("message")).toString();
    ApiError error = failure(ApiError::Kind::Api, message.isEmpty() ? s("Personio answered success: false") : message,
        context, response.status);
    error.code = idText(e.value(QLatin1StringView("code"))).value_or(QString());
    return error;
}

// One attribute of an employee row: {"label", "value", "type", "universal_id"} → value.
QJsonValue attributeValue(const QJsonObject& attributes, const char* key)
{
    const QJsonValue attribute = attributes.value(QLatin1StringView(key));
    return attribute.isObject() ? attribute.toObject().value(QLatin1StringView("value")) : attribute;
}

// German category names inflect: "Arbeitsverträge" must match "vertrag".
QString withoutAccents(const QString& text)
{
    QString out;
    const QString decomposed = text.normalized(QString::NormalizationForm_D);
    out.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        if (c.category() != QChar::Mark_NonSpacing) {
            out.append(c);
        }
    }
    return out;
}

bool isEnvelopeKey(const QString& key)
{
    static const QSet<QString> keys {
        s("meta"), s("errors"), s("error"), s("warnings"), s("warning"), s("messages"), s("message"), s("error_data")};
    return keys.contains(key);
}

void collectTexts(const QJsonValue& value, const QString& label, int depth, QStringList* out)
{
    if (depth > 8 || out->size() >= kMaxWarnings) {
        return;
    }
    const auto add = [&](const QString& where, const QString& text) {
        if (!text.trimmed().isEmpty()) {
            out->append(where.isEmpty() ? text.trimmed() : where + QStringLiteral(": ") + text.trimmed());
        }
    };
    if (value.isString()) {
        add(label, value.toString());
        return;
    }
    if (value.isArray()) {
        for (const QJsonValue& item : value.toArray()) {
            collectTexts(item, label, depth + 1, out);
        }
        return;
    }
    if (!value.isObject()) {
        return; // numbers, booleans and nulls carry no message
    }
    const QJsonObject o = value.toObject();
    for (const char* key : {"message", "detail", "details", "title", "description"}) {
        const QJsonValue text = o.value(QLatin1StringView(key));
        if (text.isString() && !text.toString().trimmed().isEmpty()) {
            QString where = label;
            for (const char* fieldKey : {"field", "attribute", "key"}) {
                if (o.value(QLatin1StringView(fieldKey)).isString()) {
                    where = o.value(QLatin1StringView(fieldKey)).toString();
                    break;
                }
            }
            add(where, text.toString());
            return;
        }
    }
    for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
        collectTexts(it.value(), isEnvelopeKey(it.key()) ? label : it.key(), depth + 1, out);
    }
}

} // namespace

struct PersonioClient::DirectoryFetch
{
    DirectoryCallback done;
    Directory directory;
    QSet<QString> ids;
    int pages = 0;
    int offset = 0;
    bool pageOffsets = false; // offset counts pages, not rows (see fetchEmployeePage)
    qint64 totalElements = -1;
};

PersonioClient::PersonioClient(HttpClient* http, const PersonioConfig& config, QObject* parent)
    : HrisConnector(parent)
    , m_http(http)
    , m_config(config)
    , m_employeeReads(new RateGate({{15, 1000}, {300, 60000}}, this))
    , m_uploads(new RateGate({{60, 60000}}, this))
{
    Redaction::registerSecret(config.clientSecret);
}

QStringList PersonioClient::allowedExtensions()
{
    return {s("pdf"), s("docx"), s("doc"), s("jpg"), s("jpeg"), s("png"), s("txt"), s("xlsx"), s("xls"), s("zip"),
        s("odt"), s("ods"), s("csv"), s("rtf"), s("gif")};
}

QUrl PersonioClient::apiUrl(const QString& path) const
{
    return HttpClient::endpoint(m_config.url, path);
}

HttpRequest PersonioClient::request(const QByteArray& method, const QUrl& url, const QString& context) const
{
    HttpRequest r;
    r.method = method;
    r.url = url;
    r.headers = {{"Accept", "application/json"}};
    // One forum report has the attributes endpoint demanding both (unconfirmed): always sent when configured.
    if (!m_config.partnerId.isEmpty()) {
        r.headers.append({"X-Personio-Partner-ID", m_config.partnerId.toUtf8()});
    }
    if (!m_config.appId.isEmpty()) {
        r.headers.append({"X-Personio-App-ID", m_config.appId.toUtf8()});
    }
    r.server = serverName();
    r.context = context;
    if (method == "GET") {
        r.contentType.clear();
    }
    return r;
}

void PersonioClient::failLater(std::function<void()> callback)
{
    QMetaObject::invokeMethod(this, std::move(callback), Qt::QueuedConnection);
}

// ---- authentication --------------------------------------------------------------------------------------------

void PersonioClient::withToken(bool fresh, ErrorHandler next)
{
    if (!fresh && !m_token.isEmpty()) {
        next(ApiError());
        return;
    }
    m_tokenWaiters.append(std::move(next));
    if (!m_authenticating) {
        authenticate(); // /auth allows 60 calls a minute, then locks out for 60 s: never more than one at a time
    }
}

void PersonioClient::authenticate()
{
    m_authenticating = true;
    m_token.clear();
    const QString context = s("authentication");
    const auto finish = [this](const ApiError& error) {
        m_authenticating = false;
        const auto waiters = std::exchange(m_tokenWaiters, {});
        for (const auto& waiter : waiters) {
            waiter(error);
        }
    };
    if (!m_http) {
        failLater([finish, context] { finish(clientGone(context)); });
        return;
    }
    HttpRequest r = request("POST", apiUrl(s("/v1/auth")), context);
    r.contentType = "application/json";
    r.body
        = QJsonDocument(QJsonObject {{s("client_id"), m_config.clientId}, {s("client_secret"), m_config.clientSecret}})
              .toJson(QJsonDocument::Compact);
    r.idempotent = true; // no side effect: Personio hands out the same token again
    auto* job = m_http->send(r);
    connect(job, &RequestJob::finished, this, [this, finish, context](const HttpResponse& response) {
        ApiError error;
        const auto root = envelope(response, s("the /auth answer"), context, &error);
        if (!root) {
            finish(error);
            return;
        }
        const QJsonValue token = root->value(QLatin1StringView("data")).toObject().value(QLatin1StringView("token"));
        if (!token.isString() || token.toString().trimmed().isEmpty()) {
            // Never the body itself: it would be the token if the shape were only slightly different.
            finish(failure(ApiError::Kind::Parse,
                QStringLiteral("the /auth answer has no \"data.token\" (it is %1)").arg(jsonTypeName(token)), context,
                response.status));
            return;
        }
        m_token = token.toString().trimmed();
        Redaction::registerSecret(m_token);
        qCDebug(lcPersonio) << "authenticated";
        finish(ApiError());
    });
    connect(job, &RequestJob::failed, this, finish);
}

void PersonioClient::sendAuthorized(
    const HttpRequest& request, ResponseHandler onResponse, ErrorHandler onError, bool repeated, RateGate* gate)
{
    if (!gate && !repeated) {
        const QString path = request.url.path();
        if (request.method == "GET" && path.endsWith(QLatin1String("/v1/company/employees"))) {
            gate = m_employeeReads;
        } else if (request.method == "POST" && path.endsWith(QLatin1String("/v1/company/documents"))) {
            gate = m_uploads;
        }
    }
    if (!gate || repeated) {
        sendNow(request, onResponse, onError, repeated);
        return;
    }
    QPointer<PersonioClient> self(this);
    gate->run([self, request, onResponse, onError]() {
        if (self) {
            self->sendNow(request, onResponse, onError, false);
        }
    });
}

void PersonioClient::sendNow(
    const HttpRequest& request, ResponseHandler onResponse, ErrorHandler onError, bool repeated)
{
    withToken(false, [this, request, onResponse, onError, repeated](const ApiError& authError) {
        if (authError.isError()) {
            ApiError e = authError;
            if (e.context != request.context) {
                e.context = request.context + QStringLiteral(" (authentication)");
            }
            onError(e);
            return;
        }
        if (!m_http) {
            onError(clientGone(request.context));
            return;
        }
        HttpRequest r = request;
        r.headers.append({"Authorization", "Bearer " + m_token.toUtf8()});
        const QString used = m_token;
        auto* job = m_http->send(r);
        connect(job, &RequestJob::finished, this, onResponse);
        connect(
            job, &RequestJob::failed, this, [this, request, onResponse, onError, repeated, used](const ApiError& e) {
                // An expired or revoked token: a new one, and the same call once more. Safe for creates too, since a
                // 401 means Personio did not process the request.
                if (e.httpStatus == 401 && !repeated) {
                    if (m_token == used) {
                        m_token.clear();
                    }
                    qCInfo(lcPersonio).noquote()
                        << QStringLiteral("%1: token refused, authenticating again").arg(request.context);
                    sendAuthorized(request, onResponse, onError, true);
                    return;
                }
                onError(e);
            });
    });
}

// ---- employees -------------------------------------------------------------------------------------------------

std::optional<QList<DirectoryEntry>> PersonioClient::parseEmployees(const QByteArray& body, QString* error)
{
    QJsonParseError parseError {};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = parseError.error != QJsonParseError::NoError
            ? QStringLiteral("the employee list is not valid JSON: %1 at byte %2 (%3 bytes)")
                  .arg(parseError.errorString())
                  .arg(parseError.offset)
                  .arg(body.size())
            : s("the employee list is an array, not an object");
        return std::nullopt;
    }
    const QJsonValue data = doc.object().value(QLatin1StringView("data"));
    if (!data.isArray()) {
        *error = QStringLiteral("the employee list: \"data\" is %1, not an array").arg(jsonTypeName(data));
        return std::nullopt;
    }
    const QJsonArray rows = data.toArray();
    QList<DirectoryEntry> out;
    out.reserve(rows.size());
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const QJsonValue attributes = rows.at(i).toObject().value(QLatin1StringView("attributes"));
        if (!attributes.isObject()) {
            *error = rows.at(i).isObject()
                ? QStringLiteral("employee %1: \"attributes\" is %2, not an object")
                      .arg(i)
                      .arg(jsonTypeName(attributes))
                : QStringLiteral("employee %1 is %2, not an object").arg(i).arg(jsonTypeName(rows.at(i)));
            return std::nullopt;
        }
        const QJsonObject a = attributes.toObject();
        const auto id = idText(attributeValue(a, "id"));
        if (!id || id->isEmpty()) {
            *error = QStringLiteral("employee %1: \"attributes.id.value\" is %2")
                         .arg(i)
                         .arg(id ? s("empty") : jsonTypeName(attributeValue(a, "id")));
            return std::nullopt;
        }
        QString values[4];
        const char* keys[4] = {"email", "first_name", "last_name", "status"};
        for (int k = 0; k < 4; ++k) {
            const QJsonValue v = attributeValue(a, keys[k]);
            const auto text = optionalText(v);
            if (!text) {
                *error = QStringLiteral("employee %1 (id %2): \"attributes.%3.value\" is %4")
                             .arg(i)
                             .arg(*id, QLatin1StringView(keys[k]), jsonTypeName(v));
                return std::nullopt;
            }
            values[k] = *text;
        }
        DirectoryEntry entry;
        entry.id = *id;
        entry.email = values[0];
        entry.firstName = values[1];
        entry.surname = values[2];
        entry.displayName = (values[1] + QLatin1Char(' ') + values[2]).trimmed();
        entry.active = values[3].compare(QLatin1StringView("inactive"), Qt::CaseInsensitive) != 0;
        out.append(entry);
    }
    return out;
}

void PersonioClient::findByEmail(const QString& email, LookupCallback done)
{
    const QString wanted = normalizedEmail(email);
    const QString context = s("employee lookup");
    if (wanted.isEmpty()) {
        failLater([done, context] {
            done(failure(ApiError::Kind::Api, s("there is no e-mail address to look up"), context), std::nullopt);
        });
        return;
    }
    QUrl url = apiUrl(s("/v1/company/employees"));
    // Lower-cased (the filter's case sensitivity is unconfirmed) and fully encoded: a '+' left as is means a space.
    url.setQuery(s("email=") + QString::fromLatin1(QUrl::toPercentEncoding(wanted)), QUrl::StrictMode);
    sendAuthorized(
        request("GET", url, context),
        [done, wanted, context](const HttpResponse& response) {
            if (const auto refused = refusal(response, context)) {
                done(*refused, std::nullopt);
                return;
            }
            QString error;
            const auto entries = parseEmployees(response.body, &error);
            if (!entries) {
                done(failure(ApiError::Kind::Parse, error, context, response.status), std::nullopt);
                return;
            }
            for (const DirectoryEntry& entry : *entries) {
                if (normalizedEmail(entry.email) == wanted) {
                    done(ApiError(), entry);
                    return;
                }
            }
            if (!entries->isEmpty()) {
                qCInfo(lcPersonio) << "the e-mail filter returned" << entries->size()
                                   << "employees, none with the address asked for";
            }
            done(ApiError(), std::nullopt);
        },
        [done](const ApiError& e) { done(e, std::nullopt); });
}

void PersonioClient::fetchDirectory(DirectoryCallback done)
{
    auto fetch = std::make_shared<DirectoryFetch>();
    fetch->done = std::move(done);
    fetchEmployeePage(fetch);
}

void PersonioClient::fetchEmployeePage(const std::shared_ptr<DirectoryFetch>& fetch)
{
    ++fetch->pages;
    const QString context
        = fetch->pages == 1 ? s("employee list") : QStringLiteral("employee list page %1").arg(fetch->pages);
    QUrl url = apiUrl(s("/v1/company/employees"));
    url.setQuery(QStringLiteral("limit=%1&offset=%2").arg(kPageLimit).arg(fetch->offset));
    sendAuthorized(
        request("GET", url, context),
        [this, fetch, context](const HttpResponse& response) {
            if (const auto refused = refusal(response, context)) {
                fetch->done(*refused, Directory());
                return;
            }
            QString error;
            const auto entries = parseEmployees(response.body, &error);
            if (!entries) {
                fetch->done(failure(ApiError::Kind::Parse, error, context, response.status), Directory());
                return;
            }
            int added = 0;
            for (const DirectoryEntry& entry : *entries) {
                if (!fetch->ids.contains(entry.id)) {
                    fetch->ids.insert(entry.id);
                    fetch->directory.add(entry);
                    ++added;
                }
            }
            const QJsonObject root = QJsonDocument::fromJson(response.body).object();
            const QJsonObject metadata = root.value(QLatin1StringView("metadata")).toObject();
            // A server that caps the page below what was asked for says so in "limit"; a page of that size is full.
            const qint64 echoedLimit = idText(root.value(QLatin1StringView("limit"))).value_or(QString()).toLongLong();
            const qint64 limit = echoedLimit > 0 && echoedLimit < kPageLimit ? echoedLimit : kPageLimit;
            const auto totalPages = idText(metadata.value(QLatin1StringView("total_pages")));
            const auto totalElements = idText(metadata.value(QLatin1StringView("total_elements")));
            if (totalElements) {
                fetch->totalElements = totalElements->toLongLong();
            }
            const bool shortPage = entries->size() < limit || added == 0;
            const bool lastPage = totalPages && fetch->pages >= totalPages->toInt();
            const bool missing = fetch->totalElements > fetch->directory.size();
            // `offset` is documented as the first item to return, while the answers count pages and some clients
            // use it as a page number (unconfirmed). Rows are asked for first; if a later page comes back empty
            // although total_elements says there are more, the offset is read as a page number from then on.
            if (shortPage && missing && !fetch->pageOffsets && fetch->pages > 1 && added == 0) {
                fetch->pageOffsets = true;
                fetch->offset = int(fetch->directory.size() / limit);
            } else if (shortPage || (lastPage && !fetch->pageOffsets)) {
                if (missing) {
                    fetch->directory.markIncomplete(QStringLiteral("Personio listed %1 of %2 employees")
                                                        .arg(fetch->directory.size())
                                                        .arg(fetch->totalElements));
                }
                qCInfo(lcPersonio) << "directory:" << fetch->directory.size() << "employees in" << fetch->pages
                                   << "pages";
                fetch->done(ApiError(), fetch->directory);
                return;
            } else {
                fetch->offset += fetch->pageOffsets ? 1 : int(entries->size());
            }
            if (fetch->pages >= kMaxPages) {
                fetch->done(failure(ApiError::Kind::Parse,
                                QStringLiteral("the employee list goes on beyond %1 pages").arg(kMaxPages), context,
                                response.status),
                    Directory());
                return;
            }
            fetchEmployeePage(fetch);
        },
        [fetch](const ApiError& e) { fetch->done(e, Directory()); });
}

// ---- create ----------------------------------------------------------------------------------------------------

DocumentRules PersonioClient::documentRules() const
{
    DocumentRules rules;
    rules.mode = DocumentRules::Mode::Upload;
    rules.maxBytes = kMaxUploadBytes;
    rules.allowedExtensions = allowedExtensions();
    return rules;
}

QJsonObject PersonioClient::buildPayload(const PayloadInput& in) const
{
    QJsonObject employee;
    QJsonObject custom;
    if (in.fields) {
        for (auto it = in.fields->constBegin(); it != in.fields->constEnd(); ++it) {
            if (it.key().startsWith(QLatin1StringView("dynamic_"))) {
                custom.insert(it.key(), it.value()); // custom attributes go in their own object
            } else if (it.key() == QLatin1StringView("custom_attributes") && it.value().isObject()) {
                const QJsonObject given = it.value().toObject();
                for (auto c = given.constBegin(); c != given.constEnd(); ++c) {
                    custom.insert(c.key(), c.value());
                }
            } else {
                employee.insert(it.key(), it.value());
            }
        }
    } else {
        const Hire& hire = in.hire;
        const auto put = [&employee](const char* key, const QString& value) {
            if (!value.trimmed().isEmpty()) {
                employee.insert(QLatin1StringView(key), value.trimmed());
            }
        };
        put("email", hire.email);
        put("first_name", hire.firstName);
        put("last_name", hire.lastName);
        put("position", hire.jobTitle);
        put("department", hire.department);
        put("office", hire.location);
        put("hire_date", calendarDate(hire.startDate)); // the calendar date, never shifted through a time zone
    }
    // Personio's employee ids are integers; anything else did not come from its directory and is not sent (an
    // unknown supervisor_id fails the whole create). A value the mapping set explicitly wins.
    if (in.manager && !employee.contains(QLatin1StringView("supervisor_id"))) {
        bool numeric = false;
        const qint64 id = in.manager->id.trimmed().toLongLong(&numeric);
        if (numeric) {
            employee.insert(QLatin1StringView("supervisor_id"), id);
        }
    }
    if (!custom.isEmpty()) {
        employee.insert(QLatin1StringView("custom_attributes"), custom);
    }
    return QJsonObject {{s("employee"), employee}};
}

QStringList PersonioClient::createWarnings(const QJsonObject& answer)
{
    // Personio keeps the employee but ignores an unknown department, office or subcompany and reports it as a
    // "meta error" whose shape is unconfirmed: every text found in the likely places is shown to the admin.
    QStringList out;
    const QJsonObject data = answer.value(QLatin1StringView("data")).toObject();
    for (const QJsonValue& place : {answer.value(QLatin1StringView("meta")), data.value(QLatin1StringView("meta")),
             answer.value(QLatin1StringView("warnings")), answer.value(QLatin1StringView("errors")),
             data.value(QLatin1StringView("warnings")), data.value(QLatin1StringView("errors"))}) {
        collectTexts(place, QString(), 0, &out);
    }
    out.removeDuplicates();
    return out;
}

void PersonioClient::create(const QJsonObject& payload, const QString& context, CreateCallback done)
{
    HttpRequest r = request("POST", apiUrl(s("/v1/company/employees")), context);
    r.contentType = "application/json";
    r.body = QJsonDocument(payload).toJson(QJsonDocument::Compact);
    r.idempotent = false; // a second POST may create a second employee
    sendAuthorized(
        r,
        [done, context](const HttpResponse& response) {
            ApiError error;
            const auto root = envelope(response, s("the create answer"), context, &error);
            if (!root) {
                done(error, CreateResult());
                return;
            }
            const QJsonValue idValue = root->value(QLatin1StringView("data")).toObject().value(QLatin1StringView("id"));
            const auto id = idText(idValue);
            if (!id || id->isEmpty()) {
                done(failure(ApiError::Kind::Parse,
                         QStringLiteral("POST /v1/company/employees answered HTTP %1 without the new employee's id "
                                        "(\"data.id\" is %2)")
                             .arg(response.status)
                             .arg(id ? s("empty") : jsonTypeName(idValue)),
                         context, response.status),
                    CreateResult());
                return;
            }
            CreateResult result;
            result.remoteId = *id;
            result.httpStatus = response.status;
            result.warnings = createWarnings(*root);
            for (const QString& warning : std::as_const(result.warnings)) {
                qCWarning(lcPersonio).noquote() << QStringLiteral("%1: %2").arg(context, warning);
            }
            done(ApiError(), result);
        },
        [done](const ApiError& e) { done(e, CreateResult()); });
}

// ---- documents -------------------------------------------------------------------------------------------------

std::optional<QList<PersonioClient::DocumentCategory>> PersonioClient::parseDocumentCategories(
    const QByteArray& body, QString* error)
{
    QJsonParseError parseError {};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = parseError.error != QJsonParseError::NoError
            ? QStringLiteral("the document categories are not valid JSON: %1 at byte %2")
                  .arg(parseError.errorString())
                  .arg(parseError.offset)
            : s("the document categories are an array, not an object");
        return std::nullopt;
    }
    const QJsonValue data = doc.object().value(QLatin1StringView("data"));
    if (!data.isArray()) {
        *error = QStringLiteral("the document categories: \"data\" is %1, not an array").arg(jsonTypeName(data));
        return std::nullopt;
    }
    QList<DocumentCategory> out;
    const QJsonArray array = data.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (!array.at(i).isObject()) {
            *error = QStringLiteral("document category %1 is %2, not an object").arg(i).arg(jsonTypeName(array.at(i)));
            return std::nullopt;
        }
        const QJsonObject o = array.at(i).toObject();
        const auto id = idText(o.value(QLatin1StringView("id")));
        if (!id || id->isEmpty()) {
            *error = QStringLiteral("document category %1: \"id\" is %2")
                         .arg(i)
                         .arg(id ? s("empty") : jsonTypeName(o.value(QLatin1StringView("id"))));
            return std::nullopt;
        }
        const QJsonValue name = o.value(QLatin1StringView("attributes")).toObject().value(QLatin1StringView("name"));
        const auto nameText = optionalText(name);
        if (!nameText) {
            *error = QStringLiteral("document category %1: \"attributes.name\" is %2").arg(*id, jsonTypeName(name));
            return std::nullopt;
        }
        out.append(DocumentCategory {*id, *nameText});
    }
    return out;
}

std::optional<PersonioClient::DocumentCategory> PersonioClient::pickCategory(
    const QList<DocumentCategory>& categories, const QString& kind)
{
    QStringList words;
    if (kind == QLatin1StringView("offerLetter")) {
        words = {s("offer"), s("contract"), s("vertrag")};
    } else if (kind == QLatin1StringView("resume")) {
        words = {s("cv"), s("resume"), s("lebenslauf"), s("application"), s("bewerbung")};
    }
    for (const QString& word : words) {
        for (const DocumentCategory& c : categories) {
            if (withoutAccents(c.name).contains(word, Qt::CaseInsensitive)) {
                return c;
            }
        }
    }
    if (categories.isEmpty()) {
        return std::nullopt;
    }
    return categories.first();
}

void PersonioClient::withDocumentCategories(ErrorHandler next)
{
    if (m_categories) {
        next(ApiError());
        return;
    }
    m_categoryWaiters.append(std::move(next));
    if (m_categoryWaiters.size() > 1) {
        return; // one fetch serves every upload that arrives meanwhile
    }
    const QString context = s("document categories");
    const auto finish = [this](const ApiError& error) {
        const auto waiters = std::exchange(m_categoryWaiters, {});
        for (const auto& waiter : waiters) {
            waiter(error);
        }
    };
    sendAuthorized(
        request("GET", apiUrl(s("/v1/company/document-categories")), context),
        [this, finish, context](const HttpResponse& response) {
            if (const auto refused = refusal(response, context)) {
                finish(*refused);
                return;
            }
            QString error;
            auto categories = parseDocumentCategories(response.body, &error);
            if (!categories) {
                finish(failure(ApiError::Kind::Parse, error, context, response.status));
                return;
            }
            m_categories = std::move(*categories);
            finish(ApiError());
        },
        finish);
}

void PersonioClient::uploadDocument(
    const QString& remoteId, const DocumentUpload& document, const QString& context, UploadCallback done)
{
    bool numeric = false;
    remoteId.trimmed().toLongLong(&numeric);
    if (!numeric) {
        failLater([done, remoteId, context] {
            done(failure(ApiError::Kind::Api, QStringLiteral("\"%1\" is not a Personio employee id").arg(remoteId),
                     context),
                QString());
        });
        return;
    }
    if (document.bytes.size() > kMaxUploadBytes) {
        failLater([done, document, context] {
            done(failure(ApiError::Kind::TooLarge,
                     QStringLiteral("\"%1\" has %2 bytes; Personio takes at most %3 MB")
                         .arg(document.fileName)
                         .arg(document.bytes.size())
                         .arg(kMaxUploadBytes / (1024 * 1024)),
                     context),
                QString());
        });
        return;
    }
    withDocumentCategories([this, remoteId, document, context, done](const ApiError& error) {
        if (error.isError()) {
            done(error, QString());
            return;
        }
        const auto category = pickCategory(*m_categories, document.kind);
        if (!category) {
            done(failure(ApiError::Kind::Api, s("Personio has no document category"), context), QString());
            return;
        }
        postDocument(remoteId.trimmed(), document, *category, context, done);
    });
}

void PersonioClient::postDocument(const QString& remoteId, const DocumentUpload& document,
    const DocumentCategory& category, const QString& context, UploadCallback done)
{
    const QString fileName = document.fileName.trimmed().isEmpty() ? s("document") : document.fileName.trimmed();
    const QString title
        = (document.title.trimmed().isEmpty() ? fileName : document.title.trimmed()).left(kMaxTitleLength);
    // Real multipart parts: forum users sending category_id as a query parameter got "category id missing".
    MultipartBody multipart;
    multipart.addField(s("title"), title);
    multipart.addField(s("employee_id"), remoteId);
    multipart.addField(s("category_id"), category.id);
    multipart.addFile(s("file"), fileName, document.contentType, document.bytes);
    const MultipartBody::Encoded encoded = multipart.build();

    HttpRequest r = request("POST", apiUrl(s("/v1/company/documents")), context);
    r.contentType = encoded.contentType;
    r.body = encoded.body;
    r.idempotent = false; // a repeated upload is a second copy of the document
    r.timeoutMs = kUploadTimeoutMs;
    sendAuthorized(
        r,
        [done, context, remoteId](const HttpResponse& response) {
            ApiError error;
            const auto root = envelope(response, s("the upload answer"), context, &error);
            if (!root) {
                // The file is stored when Personio says 2xx; only a success:false body is a failure.
                if (error.kind == ApiError::Kind::Api) {
                    done(error, QString());
                    return;
                }
                qCWarning(lcPersonio).noquote() << QStringLiteral("%1: %2").arg(context, error.message);
                done(ApiError(), QString());
                return;
            }
            const QString id = idText(root->value(QLatin1StringView("data")).toObject().value(QLatin1StringView("id")))
                                   .value_or(QString());
            if (id.isEmpty()) {
                qCWarning(lcPersonio).noquote()
                    << QStringLiteral("%1: uploaded for employee %2, but Personio named no document id")
                           .arg(context, remoteId);
            }
            done(ApiError(), id);
        },
        [this, done, fileName, remoteId, category](const ApiError& e) {
            ApiError error = e;
            if (e.httpStatus == 422) {
                // error_data.file[] (the allowed extensions) is already part of the message (RequestJob).
                error.message = QStringLiteral("Personio refused the file \"%1\": %2").arg(fileName, e.message);
            } else if (e.httpStatus == 404) {
                // The category may have been deleted since it was cached: read the list again next time.
                m_categories.reset();
                error.message = QStringLiteral("Personio knows no employee %1 or no document category %2: %3")
                                    .arg(remoteId, category.id, e.message);
            }
            done(error, QString());
        });
}

// ---- metadata --------------------------------------------------------------------------------------------------

void PersonioClient::fetchCatalog(CatalogCallback done)
{
    const QString context = s("attribute metadata");
    sendAuthorized(
        request("GET", apiUrl(s("/v1/company/employees/attributes")), context),
        [done, context](const HttpResponse& response) {
            if (const auto refused = refusal(response, context)) {
                done(*refused, TargetCatalog());
                return;
            }
            QString error;
            const auto catalog = TargetCatalog::fromPersonio(response.body, &error);
            if (!catalog) {
                done(failure(ApiError::Kind::Parse, error, context, response.status), TargetCatalog());
                return;
            }
            qCInfo(lcPersonio) << "field catalogue:" << catalog->fields.size() << "attributes";
            done(ApiError(), *catalog);
        },
        [done](const ApiError& e) { done(e, TargetCatalog()); });
}

void PersonioClient::check(CheckCallback done)
{
    const QString context = s("connection check");
    // A fresh /auth proves the client id and secret themselves, not a token cached from earlier.
    withToken(true, [this, done, context](const ApiError& authError) {
        if (authError.isError()) {
            done(authError, QString());
            return;
        }
        sendAuthorized(
            request("GET", apiUrl(s("/v1/company/employees/attributes")), context),
            [done, context](const HttpResponse& response) {
                if (const auto refused = refusal(response, context)) {
                    done(*refused, QString());
                    return;
                }
                QString error;
                const auto catalog = TargetCatalog::fromPersonio(response.body, &error);
                if (!catalog) {
                    done(failure(ApiError::Kind::Parse, error, context, response.status), QString());
                    return;
                }
                done(ApiError(), QStringLiteral("Personio: %1 attributes").arg(catalog->fields.size()));
            },
            [done](const ApiError& e) { done(e, QString()); });
    });
}
