#include "BobClient.h"

#include "http/HttpClient.h"
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

QString idString(const QJsonValue& v)
{
    if (v.isString()) {
        return v.toString();
    }
    if (v.isDouble()) {
        return QString::number(v.toInteger());
    }
    return {};
}

} // namespace

BobClient::BobClient(HttpClient* http, const BobConfig& config, QObject* parent)
    : QObject(parent)
    , m_http(http)
    , m_config(config)
    , m_authorization("Basic " + (config.serviceUserId + QLatin1Char(':') + config.token).toUtf8().toBase64())
{
}

HttpRequest BobClient::baseRequest(const QString& path) const
{
    HttpRequest r;
    QUrl url = m_config.apiUrl;
    url.setPath(m_config.apiUrl.path() + path);
    r.url = url;
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
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (!list.at(i).isObject()) {
            *error = QStringLiteral("employees[%1] is not an object").arg(i);
            return false;
        }
        const auto o = list.at(i).toObject();
        DirectoryEntry e;
        e.id = idString(o.value(s("id")));
        if (e.id.isEmpty()) {
            *error = QStringLiteral("employees[%1].id is missing or not a string").arg(i);
            return false;
        }
        const auto email = o.value(s("email"));
        if (!email.isUndefined() && !email.isNull() && !email.isString()) {
            *error = QStringLiteral("employees[%1].email is not a string").arg(i);
            return false;
        }
        e.email = email.toString().trimmed();
        e.firstName = o.value(s("firstName")).toString();
        e.surname = o.value(s("surname")).toString();
        e.displayName = o.value(s("displayName")).toString();
        directory->add(e);
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
