#include "BobClient.h"

#include "hris/HrisJson.h"
#include "hris/bob/BobHireEvent.h"
#include "http/HttpClient.h"
#include "http/MultipartBody.h"
#include "http/RequestJob.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QLoggingCategory>

#include <memory>

Q_LOGGING_CATEGORY(lcBob, "hirebridge.bob", QtInfoMsg)

namespace {

QString s(const char* text)
{
    return QString::fromLatin1(text);
}

// A name Bob may leave out or send as null; anything but text there is a malformed answer.
bool readName(const QJsonObject& o, const char* key, qsizetype index, QString* out, QString* error)
{
    const auto value = HrisJson::optionalText(o.value(QLatin1StringView(key)));
    if (!value) {
        *error = QStringLiteral("employees[%1].%2 is %3, not a string")
                     .arg(index)
                     .arg(QLatin1StringView(key), HrisJson::typeName(o.value(QLatin1StringView(key))));
        return false;
    }
    *out = *value;
    return true;
}

} // namespace

BobClient::BobClient(HttpClient* http, const BobConfig& config, QObject* parent)
    : HrisConnector(parent)
    , m_http(http)
    , m_config(config)
    , m_authorization("Basic " + (config.serviceUserId + QLatin1Char(':') + config.token).toUtf8().toBase64())
{
}

HttpRequest BobClient::baseRequest(const QString& path) const
{
    HttpRequest r;
    r.url = HttpClient::endpoint(m_config.apiUrl, path);
    r.headers = {{"Authorization", m_authorization}, {"Accept", "application/json"}};
    r.server = serverName();
    return r;
}

void BobClient::searchPeople(SearchCallback done)
{
    if (!m_http) {
        return;
    }
    HttpRequest r = baseRequest(s("/v1/people/search"));
    r.method = "POST";
    r.context = s("people search");
    const QJsonObject body {
        {s("fields"),
            QJsonArray {s("root.id"), s("root.email"), s("root.firstName"), s("root.surname"), s("root.displayName")}},
        {s("showInactive"), true}};
    r.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    r.idempotent = true;
    auto* job = m_http->send(r);
    connect(job, &RequestJob::finished, this, [done](const HttpResponse& response) {
        Directory directory;
        QString error;
        if (!parseSearch(response.body, &directory, &error)) {
            auto e = ApiError::make(ApiError::Kind::Parse, error, serverName(), response.status);
            e.context = s("people search");
            done(e, Directory());
            return;
        }
        qCInfo(lcBob) << "directory snapshot:" << directory.size() << "employees";
        done(ApiError(), directory);
    });
    connect(job, &RequestJob::failed, this, [done](const ApiError& e) { done(e, Directory()); });
}

bool BobClient::parseSearch(const QByteArray& body, Directory* directory, QString* error)
{
    QJsonParseError parseError {};
    const auto doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = QStringLiteral("the people search answer is not a JSON object (%1 bytes)").arg(body.size());
        return false;
    }
    const auto employees = doc.object().value(s("employees"));
    if (!employees.isArray()) {
        *error = QStringLiteral("the people search answer has no \"employees\" array");
        return false;
    }
    const auto list = employees.toArray();
    int withoutEmail = 0;
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (!list.at(i).isObject()) {
            *error = QStringLiteral("employees[%1] is not an object").arg(i);
            return false;
        }
        const auto o = list.at(i).toObject();
        DirectoryEntry e;
        // An id that is not a whole number below 2^53 or a non-blank string would name another employee (or none).
        const auto id = HrisJson::idText(o.value(s("id")));
        if (!id || id->isEmpty()) {
            const auto value = o.value(s("id"));
            *error
                = QStringLiteral("employees[%1].id is %2")
                      .arg(i)
                      .arg(id ? QStringLiteral("blank")
                              : value.isDouble()
                              ? QStringLiteral("%1, not a whole number an id can be").arg(value.toDouble(), 0, 'g', 17)
                              : HrisJson::typeName(value));
            return false;
        }
        e.id = *id;
        const auto email = o.value(s("email"));
        if (!email.isUndefined() && !email.isNull() && !email.isString()) {
            *error = QStringLiteral("employees[%1].email is not a string").arg(i);
            return false;
        }
        e.email = email.toString().trimmed();
        withoutEmail += e.email.isEmpty() ? 1 : 0;
        if (!readName(o, "firstName", i, &e.firstName, error) || !readName(o, "surname", i, &e.surname, error)
            || !readName(o, "displayName", i, &e.displayName, error)) {
            return false;
        }
        directory->add(e);
    }
    if (withoutEmail > 0) {
        // Every Bob employee has an e-mail: one that comes back without is hidden from the service user, and a rehire
        // among them would look new. "Not found" then proves nothing (as with BambooHR's restricted workEmail).
        directory->markIncomplete(
            QStringLiteral("%1 of %2 employees came back from Bob without an e-mail address; give the service user's "
                           "permission group access to the employees' e-mail (People > Basic info)")
                .arg(withoutEmail)
                .arg(list.size()));
    }
    return true;
}

void BobClient::fieldsMetadata(FieldsCallback done)
{
    if (!m_http) {
        return;
    }
    HttpRequest r = baseRequest(s("/v1/company/people/fields"));
    r.method = "GET";
    r.contentType.clear();
    r.context = s("fields metadata");
    auto* job = m_http->send(r);
    connect(job, &RequestJob::finished, this, [done](const HttpResponse& response) {
        const auto doc = QJsonDocument::fromJson(response.body);
        if (!doc.isArray()) {
            auto e = ApiError::make(ApiError::Kind::Parse, QStringLiteral("the fields metadata is not a JSON array"),
                serverName(), response.status);
            e.context = s("fields metadata");
            done(e, 0);
            return;
        }
        done(ApiError(), int(doc.array().size()));
    });
    connect(job, &RequestJob::failed, this, [done](const ApiError& e) { done(e, 0); });
}

void BobClient::fetchCatalog(CatalogCallback done)
{
    if (!m_http) {
        return;
    }
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

    HttpRequest fields = baseRequest(s("/v1/company/people/fields"));
    fields.method = "GET";
    fields.contentType.clear();
    fields.context = s("fields metadata");
    HttpRequest lists = baseRequest(s("/v1/company/named-lists"));
    lists.url.setQuery(s("includeArchived=false"));
    lists.method = "GET";
    lists.contentType.clear();
    lists.context = s("named lists");

    const auto finishIfComplete = [state, done] {
        if (state->done || state->pending > 0) {
            return;
        }
        state->done = true;
        QString error;
        auto catalog = TargetCatalog::fromBob(state->fieldsBody, state->listsBody, &error);
        if (!catalog) {
            auto e = ApiError::make(ApiError::Kind::Parse, error, serverName(), state->fieldsStatus);
            e.context = s("fields metadata");
            done(e, TargetCatalog());
            return;
        }
        catalog->target = s("bob");
        catalog->fetchedAt = QDateTime::currentDateTimeUtc();
        qCInfo(lcBob) << "field catalogue:" << catalog->fields.size() << "fields," << catalog->lists.size() << "lists";
        done(ApiError(), *catalog);
    };
    const auto fail = [state, done](const ApiError& e) {
        if (state->done) {
            return; // a later error (or the Cancelled of the aborted sibling) is not reported again
        }
        state->done = true;
        // The other request is of no use any more: stop it instead of letting it retry. Queued, so a reply that is
        // failing right now (both requests refused at once) finishes on its own first.
        for (const auto& job : {state->fieldsJob, state->listsJob}) {
            if (job) {
                QMetaObject::invokeMethod(job, &RequestJob::abort, Qt::QueuedConnection);
            }
        }
        done(e, TargetCatalog());
    };

    state->fieldsJob = m_http->send(fields);
    state->listsJob = m_http->send(lists);
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

void BobClient::postHireEvent(const QByteArray& payload, const QString& context, PostCallback done)
{
    if (!m_http) {
        return;
    }
    HttpRequest r;
    r.url = m_config.hireUrl;
    r.method = "POST";
    r.headers = {{"Authorization", m_authorization}, {"Accept", "application/json"}};
    r.body = payload;
    r.server = serverName();
    r.context = context;
    r.idempotent = false;
    auto* job = m_http->send(r);
    connect(job, &RequestJob::finished, this, [done](const HttpResponse& response) { done(ApiError(), response); });
    connect(job, &RequestJob::failed, this, [done](const ApiError& e) { done(e, HttpResponse()); });
}

void BobClient::findByEmail(const QString& email, LookupCallback done)
{
    if (!m_http) {
        return;
    }
    HttpRequest r = baseRequest(s("/v1/people/search"));
    r.method = "POST";
    r.context = s("people search for one e-mail");
    const QJsonObject body {
        {s("fields"),
            QJsonArray {s("root.id"), s("root.email"), s("root.firstName"), s("root.surname"), s("root.displayName")}},
        {s("filters"),
            QJsonArray {QJsonObject {{s("fieldPath"), s("root.email")}, {s("operator"), s("equals")},
                {s("values"), QJsonArray {email.trimmed()}}}}},
        {s("showInactive"), true}};
    r.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    auto* job = m_http->send(r);
    connect(job, &RequestJob::finished, this, [done, email](const HttpResponse& response) {
        Directory directory;
        QString error;
        if (!parseSearch(response.body, &directory, &error)) {
            auto e = ApiError::make(ApiError::Kind::Parse, error, serverName(), response.status);
            e.context = s("people search for one e-mail");
            done(e, std::nullopt);
            return;
        }
        // The filter is the server's; the comparison that decides is ours (trimmed, case-insensitive). Someone the
        // e-mail filter matched whose e-mail is hidden from us is still that person.
        auto found = directory.byEmail(email);
        if (!found && !directory.isComplete() && !directory.entries().isEmpty()) {
            found = directory.entries().constFirst();
        }
        done(ApiError(), found);
    });
    connect(job, &RequestJob::failed, this, [done](const ApiError& e) { done(e, std::nullopt); });
}

bool BobClient::canFindCreated() const
{
    return m_config.mode != BobMode::HireApi;
}

DocumentRules BobClient::documentRules() const
{
    DocumentRules rules;
    if (m_config.mode == BobMode::HireApi) {
        rules.mode = DocumentRules::Mode::LinksInPayload;
    } else {
        rules.mode = DocumentRules::Mode::Upload;
        rules.maxBytes = kMaxDocumentBytes;
    }
    return rules;
}

QJsonObject BobClient::directBody(const QJsonObject& fields, const std::optional<DirectoryEntry>& manager)
{
    // Nested JSON from dotted ids; a segment that is already a value (a mapping that sends both "work" and
    // "work.site") keeps the more specific object.
    QJsonObject body;
    const std::function<void(QJsonObject&, const QStringList&, qsizetype, const QJsonValue&)> put
        = [&put](QJsonObject& object, const QStringList& path, qsizetype at, const QJsonValue& value) {
              if (at == path.size() - 1) {
                  object.insert(path.at(at), value);
                  return;
              }
              QJsonObject child = object.value(path.at(at)).toObject();
              put(child, path, at + 1, value);
              object.insert(path.at(at), child);
          };
    for (auto it = fields.constBegin(); it != fields.constEnd(); ++it) {
        QStringList path = it.key().split(QLatin1Char('.'));
        if (path.size() > 1 && path.first() == QLatin1String("root")) {
            path.removeFirst(); // root.firstName is sent as firstName
        }
        put(body, path, 0, it.value());
    }
    if (manager && !manager->id.isEmpty()) {
        // Whether POST /v1/people takes work.reportsTo on create, and in which shape, is unconfirmed (reference
        // §6.2). Bob's value format for an employee reference is the employee id as a string (§4.4): sent so.
        QJsonObject work = body.value(s("work")).toObject();
        work.insert(s("reportsTo"), manager->id);
        body.insert(s("work"), work);
    }
    return body;
}

QJsonObject BobClient::buildPayload(const PayloadInput& in) const
{
    const QJsonObject fields = in.fields ? *in.fields : BobHireEvent::defaultFields(in.hire);
    if (m_config.mode == BobMode::Direct) {
        return directBody(fields, in.manager);
    }
    BobHireEvent::Input event;
    event.hire = in.hire;
    event.attemptId = in.attemptId;
    event.sentAt = in.sentAt;
    event.documents = in.documents;
    event.fields = fields;
    event.managerResolved = true;
    event.managerEmployee = in.manager;
    event.managerMatchedBy = in.managerMatchedBy;
    return BobHireEvent::build(event);
}

bool BobClient::isEmailTaken(const ApiError& error)
{
    return error.httpStatus == 400
        && (error.code.compare(QLatin1String("validations.email.alreadyExists"), Qt::CaseInsensitive) == 0
            || error.message.contains(QLatin1String("validations.email.alreadyExists"), Qt::CaseInsensitive));
}

void BobClient::create(const QJsonObject& payload, const QString& context, CreateCallback done)
{
    const QByteArray body = QJsonDocument(payload).toJson(QJsonDocument::Compact);
    const auto parsed = [done, context](const ApiError& error, const HttpResponse& response) {
        if (error.isError()) {
            done(error, CreateResult());
            return;
        }
        CreateResult result;
        result.httpStatus = response.status;
        const auto document = QJsonDocument::fromJson(response.body);
        const auto id = document.object().value(s("id"));
        result.remoteId = id.isDouble() ? QString::number(id.toInteger()) : id.toString();
        done(ApiError(), result);
    };
    if (m_config.mode == BobMode::HireApi) {
        postHireEvent(body, context, parsed);
        return;
    }
    if (!m_http) {
        return;
    }
    HttpRequest r = baseRequest(s("/v1/people"));
    r.method = "POST";
    r.body = body;
    r.context = context;
    r.idempotent = false;
    auto* job = m_http->send(r);
    connect(job, &RequestJob::finished, this, [parsed, context](const HttpResponse& response) {
        // A created employee without an id cannot get its documents nor be reconciled: say so.
        const auto id = QJsonDocument::fromJson(response.body).object().value(s("id"));
        if (!id.isString() && !id.isDouble()) {
            auto e = ApiError::make(ApiError::Kind::Parse,
                QStringLiteral("the answer to the create has no employee \"id\" (HTTP %1)").arg(response.status),
                serverName(), response.status);
            e.context = context;
            parsed(e, response);
            return;
        }
        parsed(ApiError(), response);
    });
    connect(job, &RequestJob::failed, this, [parsed](const ApiError& e) { parsed(e, HttpResponse()); });
}

void BobClient::uploadDocument(
    const QString& remoteId, const DocumentUpload& document, const QString& context, UploadCallback done)
{
    if (!m_http) {
        return;
    }
    MultipartBody multipart;
    multipart.addFile(s("file"), document.fileName, document.contentType, document.bytes);
    const auto encoded = multipart.build();
    HttpRequest r = baseRequest(
        QStringLiteral("/v1/docs/people/%1/shared/upload").arg(QString::fromLatin1(QUrl::toPercentEncoding(remoteId))));
    r.method = "POST";
    r.contentType = encoded.contentType;
    r.body = encoded.body;
    r.context = context;
    r.timeoutMs = 120000;
    // A retry after a dropped connection could store the file twice; 429/5xx are still retried.
    r.idempotent = false;
    auto* job = m_http->send(r);
    connect(job, &RequestJob::finished, this, [done](const HttpResponse& response) {
        const auto o = QJsonDocument::fromJson(response.body).object();
        QJsonValue id = o.value(s("id"));
        if (id.isUndefined()) {
            id = o.value(s("docId"));
        }
        done(ApiError(), id.isDouble() ? QString::number(id.toInteger()) : id.toString());
    });
    connect(job, &RequestJob::failed, this, [done](const ApiError& e) { done(e, QString()); });
}

std::optional<QList<BobClient::StoredDocument>> BobClient::parseDocuments(const QByteArray& body, QString* error)
{
    QJsonParseError parseError {};
    const auto doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = QStringLiteral("the employee's document list is not a JSON object (%1 bytes)").arg(body.size());
        return std::nullopt;
    }
    const QJsonValue documents = doc.object().value(s("documents"));
    if (!documents.isArray()) {
        *error = QStringLiteral("the employee's document list has no \"documents\" array (it is %1)")
                     .arg(HrisJson::typeName(documents));
        return std::nullopt;
    }
    QList<StoredDocument> out;
    const QJsonArray list = documents.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (!list.at(i).isObject()) {
            *error = QStringLiteral("documents[%1] is %2, not an object").arg(i).arg(HrisJson::typeName(list.at(i)));
            return std::nullopt;
        }
        const QJsonObject o = list.at(i).toObject();
        const QJsonValue idValue = o.contains(s("id")) ? o.value(s("id")) : o.value(s("docId"));
        const auto id = HrisJson::idText(idValue);
        if (!id || id->isEmpty()) {
            *error = QStringLiteral("documents[%1].id is %2")
                         .arg(i)
                         .arg(id ? QStringLiteral("blank") : HrisJson::typeName(idValue));
            return std::nullopt;
        }
        StoredDocument stored;
        stored.id = *id;
        for (const char* key : {"name", "documentName", "fileName"}) {
            const auto name = HrisJson::optionalText(o.value(QLatin1StringView(key)));
            if (!name) {
                *error = QStringLiteral("documents[%1].%2 is %3, not a string")
                             .arg(i)
                             .arg(QLatin1StringView(key), HrisJson::typeName(o.value(QLatin1StringView(key))));
                return std::nullopt;
            }
            if (stored.name.isEmpty()) {
                stored.name = *name;
            }
        }
        out.append(stored);
    }
    return out;
}

void BobClient::findUploaded(
    const QString& remoteId, const DocumentUpload& document, const QString& context, FoundCallback done)
{
    if (!m_http) {
        return;
    }
    HttpRequest r
        = baseRequest(QStringLiteral("/v1/docs/people/%1").arg(QString::fromLatin1(QUrl::toPercentEncoding(remoteId))));
    r.method = "GET";
    r.context = context;
    r.idempotent = true;
    auto* job = m_http->send(r);
    const QString name = document.fileName.trimmed();
    connect(job, &RequestJob::finished, this, [done, context, name](const HttpResponse& response) {
        QString error;
        const auto documents = parseDocuments(response.body, &error);
        if (!documents) {
            auto e = ApiError::make(ApiError::Kind::Parse, error, serverName(), response.status);
            e.context = context;
            done(e, std::nullopt);
            return;
        }
        for (const StoredDocument& stored : *documents) {
            if (stored.name.compare(name, Qt::CaseInsensitive) == 0) {
                done(ApiError(), stored.id);
                return;
            }
        }
        done(ApiError(), std::nullopt);
    });
    connect(job, &RequestJob::failed, this, [done](const ApiError& e) { done(e, std::nullopt); });
}

void BobClient::check(CheckCallback done)
{
    fieldsMetadata([done](const ApiError& error, int fieldCount) {
        done(error, error.isError() ? QString() : QStringLiteral("Bob: %1 fields readable").arg(fieldCount));
    });
}

QString BobClient::tokenProblem(const QString& token)
{
    const QString t = token.trimmed();
    if (t.isEmpty()) {
        return tr("The token is empty.");
    }
    for (const QString& prefix :
        {QStringLiteral("authorization:"), QStringLiteral("basic "), QStringLiteral("bearer ")}) {
        if (t.startsWith(prefix, Qt::CaseInsensitive)) {
            return tr("The token starts with \"%1\": paste only the token Bob showed, not a whole header.")
                .arg(t.left(prefix.size()).trimmed());
        }
    }
    for (qsizetype i = 0; i < t.size(); ++i) {
        const QChar c = t.at(i);
        const QString where = tr("at character %1").arg(i + 1);
        if (c.isSpace()) {
            return c == QLatin1Char(' ')
                ? tr("The token has a space in it (%1): a Bob token is one word. Copy it again from Bob.").arg(where)
                : tr("The token has a line break or tab in it (%1). Copy it again from Bob.").arg(where);
        }
        if (c == QLatin1Char('"') || c == QLatin1Char('\'') || c == QChar(0x201C) || c == QChar(0x201D)
            || c == QChar(0x2018) || c == QChar(0x2019) || c == QLatin1Char('`')) {
            return tr("The token has a quote in it (%1): paste the token without quotes.").arg(where);
        }
        if (c.unicode() < 0x21 || c.unicode() > 0x7e) {
            return tr("The token has a character a Bob token never has (%1, U+%2). Copy it again from Bob.")
                .arg(where)
                .arg(c.unicode(), 4, 16, QLatin1Char('0'));
        }
    }
    return {};
}
