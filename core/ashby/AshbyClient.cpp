#include "AshbyClient.h"

#include "http/HttpClient.h"
#include "http/RequestJob.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcAshby, "hirebridge.ashby", QtInfoMsg)

AshbyClient::AshbyClient(HttpClient* http, const QUrl& baseUrl, const QString& apiKey, QObject* parent)
    : QObject(parent)
    , m_http(http)
    , m_baseUrl(baseUrl)
    , m_authorization("Basic " + (apiKey + QLatin1Char(':')).toUtf8().toBase64())
{
}

void AshbyClient::call(const QString& endpoint, const QJsonObject& body, const QString& context, Callback done)
{
    if (!m_http) {
        return;
    }
    HttpRequest request;
    QUrl url = m_baseUrl;
    url.setPath(m_baseUrl.path() + QLatin1Char('/') + endpoint);
    request.url = url;
    request.method = "POST";
    request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    request.headers = {{"Authorization", m_authorization}, {"Accept", "application/json; version=1"}};
    request.server = serverName();
    request.context = context;
    // Every call we make is a read, so a retry after a dropped connection is safe.
    request.idempotent = true;

    auto* job = m_http->send(request);
    QPointer<AshbyClient> self(this);
    connect(job, &RequestJob::finished, this, [self, done, context](const HttpResponse& response) {
        if (self) {
            done(parseEnvelope(response.body, context));
        }
    });
    connect(job, &RequestJob::failed, this, [self, done, context](const ApiError& error) {
        if (!self) {
            return;
        }
        AshbyResult result;
        result.error = error;
        result.error.server = serverName();
        if (result.error.context.isEmpty()) {
            result.error.context = context;
        }
        done(result);
    });
}

AshbyResult AshbyClient::parseEnvelope(const QByteArray& body, const QString& context)
{
    AshbyResult result;
    auto fail = [&](ApiError::Kind kind, const QString& message) {
        result.error = ApiError::make(kind, message, serverName());
        result.error.context = context;
    };
    QJsonParseError parseError {};
    const auto doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        fail(ApiError::Kind::Parse,
            QStringLiteral("the response is not valid JSON (%1 at byte %2 of %3)")
                .arg(parseError.errorString())
                .arg(parseError.offset)
                .arg(body.size()));
        return result;
    }
    if (!doc.isObject()) {
        fail(ApiError::Kind::Parse, QStringLiteral("the response is not a JSON object"));
        return result;
    }
    result.envelope = doc.object();
    const auto success = result.envelope.value(QLatin1StringView("success"));
    if (!success.isBool()) {
        fail(ApiError::Kind::Parse, QStringLiteral("the response has no boolean \"success\" field"));
        return result;
    }
    if (!success.toBool()) {
        const auto info = result.envelope.value(QLatin1StringView("errorInfo")).toObject();
        QString code = info.value(QLatin1StringView("code")).toString().trimmed();
        QString message = info.value(QLatin1StringView("message")).toString().trimmed();
        const auto errors = result.envelope.value(QLatin1StringView("errors")).toArray();
        if (code.isEmpty() && !errors.isEmpty()) {
            code = errors.first().toString().trimmed();
        }
        if (message.isEmpty()) {
            message = code.isEmpty() ? QStringLiteral("the request failed without a reason") : code;
        }
        const QString requestId = info.value(QLatin1StringView("requestId")).toString();
        fail(ApiError::Kind::Api,
            requestId.isEmpty() ? message : QStringLiteral("%1 (request id %2)").arg(message, requestId));
        result.error.code = code;
        result.error.retryable = code == QLatin1String("rate_limit_exceeded");
        qCWarning(lcAshby) << context << "failed:" << code << message;
    }
    return result;
}
