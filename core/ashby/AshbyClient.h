#pragma once

#include "http/ApiError.h"
#include "http/HttpClient.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <functional>

// The answer to one Ashby RPC call: the whole envelope when success is true, otherwise an error.
struct AshbyResult
{
    ApiError error;
    QJsonObject envelope; // {success, results, moreDataAvailable, nextCursor, syncToken, warnings}

    bool ok() const { return !error.isError(); }
    QJsonValue results() const { return envelope.value(QLatin1StringView("results")); }
};

// Ashby's RPC API: every call is a JSON POST to <base>/<category>.<method> with Basic auth (key, empty password).
// Errors Ashby answers as HTTP 200 with success:false become ApiError::Kind::Api carrying errorInfo.code.
class AshbyClient : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const AshbyResult&)>;

    AshbyClient(HttpClient* http, const QUrl& baseUrl, const QString& apiKey, QObject* parent = nullptr);

    // `context` names what the call is for in error messages ("application.list page 2").
    // The callback is not called if this client is destroyed first.
    void call(const QString& endpoint, const QJsonObject& body, const QString& context, Callback done);

    HttpClient* http() const { return m_http; }
    QUrl baseUrl() const { return m_baseUrl; }

    static QString serverName() { return QStringLiteral("Ashby"); }
    // Parses an Ashby response body into a result (public for tests).
    static AshbyResult parseEnvelope(const QByteArray& body, const QString& context);

private:
    QPointer<HttpClient> m_http;
    QUrl m_baseUrl;
    QByteArray m_authorization;
};
