#include "BobClient.h"

#include "http/HttpClient.h"
#include "http/RequestJob.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QLoggingCategory>

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
