#pragma once

#include "SandboxReply.h"

#include <QJsonObject>
#include <QString>

#include <functional>

class FaultInjector;
class QHttpServerRequest;
class SandboxData;

// Ashby's RPC API: POST /<category>.<method> with a JSON body and Basic auth (key, empty
// password). Request and validation errors are HTTP 200 with success:false, as in the real API.
// Also serves the "pre-signed" file URLs handed out by file.info under /_files/<handle>.
class FakeAshby
{
public:
    static const QString apiKey;
    // A key without "Offers: read": apiKey.info lists its scopes, offer.* answer 403 missing_endpoint_permission.
    static const QString limitedApiKey;
    // A key without "API Keys: read" and without "Offers: read": apiKey.info itself answers 403
    // missing_endpoint_permission, so a connection check has to probe module by module.
    static const QString noInfoApiKey;

    FakeAshby(SandboxData& data, FaultInjector& faults, int pageSize);

    void setBaseUrl(const QString& baseUrl) { m_baseUrl = baseUrl; }
    SandboxReply handle(const QHttpServerRequest& request);

private:
    SandboxReply dispatch(const QString& endpoint, const QJsonObject& params);
    // Scopes of a key ("candidates:read", ...; "apiKeys:read" is implied for keys that may call apiKey.info).
    static QStringList scopesOf(const QString& key);
    // The scope an endpoint needs, empty when none is enforced.
    static QString requiredScope(const QString& endpoint);
    SandboxReply listOf(const QJsonArray& items, const QJsonObject& params);
    SandboxReply applicationList(const QJsonObject& params);
    SandboxReply candidateInfo(const QJsonObject& params);
    SandboxReply offerList(const QJsonObject& params);
    SandboxReply fileInfo(const QJsonObject& params);
    SandboxReply serveFile(const QString& handle) const;

    SandboxReply error(const QString& code, const QString& message, int status = 200);
    static SandboxReply success(const QJsonValue& results);
    // The common "one id in, one object out" endpoint; answers <thing>_not_found for unknown ids.
    SandboxReply lookup(const QJsonObject& params, const QString& key,
        const std::function<QJsonObject(const QString&)>& find, const QString& thing);

    SandboxData& m_data;
    FaultInjector& m_faults;
    int m_pageSize = 10;
    QString m_baseUrl;
    int m_requestNumber = 0;
};
