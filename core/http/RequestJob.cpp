#include "RequestJob.h"

#include "HttpClient.h"
#include "HttpLogging.h"
#include "Redaction.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QStringList>
#include <QTimeZone>

#if QT_CONFIG(ssl)
#include <QSslError>
#endif

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

Q_LOGGING_CATEGORY(lcHttp, "hirebridge.http", QtInfoMsg)

#ifndef HIREBRIDGE_VERSION
#define HIREBRIDGE_VERSION "0"
#endif

namespace {

constexpr int kMaxServerMessage = 200;
// What an error message may grow to once validation details are appended (Personio lists every allowed extension).
constexpr int kMaxServerMessageWithDetails = 400;

// Retry-After as an HTTP-date (RFC 9110 §5.6.7): IMF-fixdate, and the obsolete RFC 850 and asctime forms.
QDateTime parseHttpDate(const QByteArray& value)
{
    const QString text = QString::fromLatin1(value).simplified();
    const QLocale c = QLocale::c();
    const int comma = text.indexOf(QLatin1Char(','));
    if (comma > 0) {
        const QString rest = text.mid(comma + 1).trimmed();
        QDateTime parsed = c.toDateTime(rest, QStringLiteral("dd MMM yyyy HH:mm:ss 'GMT'"));
        if (!parsed.isValid()) {
            parsed = c.toDateTime(rest, QStringLiteral("dd-MMM-yy HH:mm:ss 'GMT'"));
            if (parsed.isValid() && parsed.date().year() < 1970) {
                parsed = parsed.addYears(100);
            }
        }
        if (parsed.isValid()) {
            return QDateTime(parsed.date(), parsed.time(), QTimeZone::utc());
        }
        parsed = QDateTime::fromString(text, Qt::RFC2822Date);
        if (parsed.isValid()) {
            return parsed;
        }
        return {};
    }
    const QDateTime parsed = c.toDateTime(text, QStringLiteral("ddd MMM d HH:mm:ss yyyy"));
    return parsed.isValid() ? QDateTime(parsed.date(), parsed.time(), QTimeZone::utc()) : QDateTime();
}

QString shorten(QString text, int limit = kMaxServerMessage)
{
    text = text.simplified();
    if (text.size() > limit) {
        text = text.left(limit - 1) + QChar(0x2026);
    }
    return text;
}

QString jsonText(const QJsonValue& value)
{
    if (value.isString()) {
        return value.toString();
    }
    if (value.isDouble()) {
        return QString::number(value.toDouble());
    }
    return {};
}

// Validation details beside a generic message, Personio v1's "error_data": {"file": ["The file must be ..."]} (or a
// bare list), as "file: The file must be ...; other: ...". Without them a 422 only says "The given data was invalid".
QString errorDetails(const QJsonValue& data)
{
    const auto texts = [](const QJsonValue& value) {
        QStringList out;
        const QJsonArray array = value.isArray() ? value.toArray() : QJsonArray {value};
        for (const QJsonValue& item : array) {
            const QString text = jsonText(item).trimmed();
            if (!text.isEmpty()) {
                out << text;
            }
        }
        return out.join(QStringLiteral(", "));
    };
    if (data.isArray()) {
        return texts(data);
    }
    QStringList parts;
    const QJsonObject fields = data.toObject();
    for (auto it = fields.constBegin(); it != fields.constEnd(); ++it) {
        const QString text = texts(it.value());
        if (!text.isEmpty()) {
            parts << it.key() + QStringLiteral(": ") + text;
        }
    }
    return parts.join(QStringLiteral("; "));
}

// The short human message and machine code from an error body. Shapes seen: Bob {"key","error"}, Ashby
// {"errorInfo":{"code","message"}}, Personio v1 {"error":{"code","message"}} and v2 {"errors":[{"title","details"}]},
// plus the usual {"message"} / {"error":"..."}. HTML error pages give their <title>; anything else is ignored.
QString serverMessage(const QByteArray& body, QString* code)
{
    const QByteArray trimmed = body.trimmed();
    if (trimmed.isEmpty()) {
        return {};
    }
    if (trimmed.startsWith('{')) {
        const QJsonObject o = QJsonDocument::fromJson(trimmed).object();
        if (o.isEmpty()) {
            return {};
        }
        if (o.value(QLatin1String("errorInfo")).isObject()) {
            const QJsonObject info = o.value(QLatin1String("errorInfo")).toObject();
            *code = jsonText(info.value(QLatin1String("code")));
            return jsonText(info.value(QLatin1String("message")));
        }
        if (o.value(QLatin1String("error")).isObject()) {
            const QJsonObject error = o.value(QLatin1String("error")).toObject();
            *code = jsonText(error.value(QLatin1String("code")));
            const QString message = jsonText(error.value(QLatin1String("message")));
            const QString details = errorDetails(error.value(QLatin1String("error_data")));
            if (details.isEmpty()) {
                return message;
            }
            return message.isEmpty() ? details : message + QStringLiteral(" (") + details + QLatin1Char(')');
        }
        *code = jsonText(o.value(QLatin1String("key")));
        if (code->isEmpty()) {
            *code = jsonText(o.value(QLatin1String("code")));
        }
        for (const char* field : {"error", "message", "error_description", "detail"}) {
            const QString text = jsonText(o.value(QLatin1String(field)));
            if (!text.isEmpty()) {
                return text;
            }
        }
        const QJsonArray errors = o.value(QLatin1String("errors")).toArray();
        if (!errors.isEmpty()) {
            const QJsonValue first = errors.first();
            if (first.isString()) {
                return first.toString();
            }
            const QJsonObject e = first.toObject();
            for (const char* field : {"message", "details", "detail", "title"}) {
                const QString text = jsonText(e.value(QLatin1String(field)));
                if (!text.isEmpty()) {
                    return text;
                }
            }
        }
        return {};
    }
    if (trimmed.startsWith('<')) {
        thread_local const QRegularExpression title(
            QStringLiteral("<title[^>]*>([^<]*)</title>"), QRegularExpression::CaseInsensitiveOption);
        const auto match = title.match(QString::fromUtf8(trimmed.left(4096)));
        return match.hasMatch() ? match.captured(1) : QString();
    }
    // Short plain text ("Bad Gateway"); a long body is more likely data than a message.
    if (trimmed.size() <= kMaxServerMessage && !trimmed.contains('\0')) {
        return QString::fromUtf8(trimmed);
    }
    return {};
}

// The body of a request that must not be sent twice. Qt's HTTP stack silently resends a request whose connection
// closed before any answer arrived (on any method), by resetting its upload device; this device refuses the reset,
// so the reply fails with ContentReSendError and the decision to retry stays with us.
class OneShotBody final : public QIODevice
{
public:
    OneShotBody(QByteArray data, QObject* parent)
        : QIODevice(parent)
        , m_data(std::move(data))
    {
        open(QIODevice::ReadOnly);
    }
    bool isSequential() const override { return true; }
    bool reset() override { return false; }
    qint64 size() const override { return m_data.size(); }
    qint64 bytesAvailable() const override { return m_data.size() - m_position + QIODevice::bytesAvailable(); }

protected:
    qint64 readData(char* data, qint64 maxSize) override
    {
        const qint64 n = std::min<qint64>(maxSize, m_data.size() - m_position);
        if (n > 0) {
            std::memcpy(data, m_data.constData() + m_position, static_cast<size_t>(n));
            m_position += n;
        }
        return n;
    }
    qint64 writeData(const char*, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_position = 0;
};

bool isHeader(const QByteArray& name, const char* wanted)
{
    return name.compare(wanted, Qt::CaseInsensitive) == 0;
}

} // namespace

RequestJob::RequestJob(HttpClient* client, const HttpRequest& request)
    : m_client(client)
    , m_nam(client->networkAccessManager())
    , m_request(request)
    , m_policy(client->retryPolicy())
    , m_maxBodyBytes(client->maxBodyBytes())
{
    m_timeout.setSingleShot(true);
    m_retryTimer.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, &RequestJob::onTimeout);
    connect(&m_retryTimer, &QTimer::timeout, this, &RequestJob::start);
}

RequestJob::~RequestJob()
{
    if (m_reply) {
        // Only reached when someone deleted the job directly while a reply was running.
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
    if (m_client) {
        m_client->release(this);
    }
}

void RequestJob::abort()
{
    if (m_done) {
        return;
    }
    finishError(ApiError::make(ApiError::Kind::Cancelled, QStringLiteral("aborted by the caller"), m_request.server));
}

int RequestJob::hintDelayMs(
    const QByteArray& retryAfter, const QByteArray& rateLimitReset, const QDateTime& now, int maxMs)
{
    const auto clamp = [maxMs](qint64 ms) { return static_cast<int>(std::clamp<qint64>(ms, 0, std::max(0, maxMs))); };

    const QByteArray after = retryAfter.trimmed();
    if (!after.isEmpty()) {
        bool isNumber = false;
        const qint64 seconds = after.toLongLong(&isNumber);
        if (isNumber && seconds >= 0) {
            return clamp(std::min<qint64>(seconds, std::numeric_limits<int>::max()) * 1000);
        }
        const QDateTime date = parseHttpDate(after);
        // A date already past (or a skewed clock) says nothing useful: fall back to our own backoff.
        if (date.isValid() && now.msecsTo(date) > 0) {
            return clamp(now.msecsTo(date));
        }
    }

    const QByteArray reset = rateLimitReset.trimmed();
    if (!reset.isEmpty()) {
        bool isNumber = false;
        const double value = reset.toDouble(&isNumber);
        // Beyond 2^53 ms (year 287,396) no reset is real, and converting it to qint64 could overflow: the cap.
        if (isNumber && std::isfinite(value) && value > 0 && value < 9.0e15) {
            qint64 delay = 0;
            if (value > 1e12) {
                delay = static_cast<qint64>(value) - now.toMSecsSinceEpoch(); // epoch milliseconds
            } else if (value >= 1e9) {
                delay = static_cast<qint64>(value * 1000) - now.toMSecsSinceEpoch(); // epoch seconds
            } else {
                delay = static_cast<qint64>(value * 1000); // too small for an epoch: seconds from now
            }
            if (delay > 0) {
                return clamp(delay);
            }
        }
    }
    return -1;
}

int RequestJob::serverWaitMs(int status, const QByteArray& retryAfter, const QByteArray& rateLimitRemaining,
    const QByteArray& rateLimitReset, const QDateTime& now, int maxMs)
{
    // Bob (and others) send X-RateLimit-* on every answer: the reset time is when the window refills, which says
    // nothing about a 502 with requests to spare. It is a wait only when the limit is what refused us.
    const bool limitSpent = status == 429 || rateLimitRemaining.trimmed() == "0";
    const bool retryAfterApplies = status == 429 || status == 503;
    return hintDelayMs(
        retryAfterApplies ? retryAfter : QByteArray(), limitSpent ? rateLimitReset : QByteArray(), now, maxMs);
}

int RequestJob::serverDelayMs(const QNetworkReply* reply, int status) const
{
    return serverWaitMs(status, reply->rawHeader("Retry-After"), reply->rawHeader("X-RateLimit-Remaining"),
        reply->rawHeader("X-RateLimit-Reset"), QDateTime::currentDateTimeUtc(), m_policy.maxRetryAfterMs);
}

QString RequestJob::logUrl() const
{
    return Redaction::redactSecrets(m_request.url.toDisplayString(QUrl::RemoveUserInfo));
}

void RequestJob::start()
{
    if (m_done) {
        return;
    }
    if (m_attempts == 0) {
        const ApiError invalid = HttpClient::checkUrl(m_request.url, m_request.server);
        if (invalid.isError()) {
            finishError(invalid);
            return;
        }
    }
    if (m_client) {
        m_client->acquire(this); // starts now, or later when a slot frees up
    } else {
        startAttempt();
    }
}

void RequestJob::startAttempt()
{
    if (m_done) {
        return;
    }
    if (!m_nam) {
        finishError(ApiError::make(
            ApiError::Kind::Network, QStringLiteral("the network access manager was destroyed"), m_request.server));
        return;
    }

    QNetworkRequest request(m_request.url);
    bool hasAccept = false;
    bool hasUserAgent = false;
    for (const auto& [name, value] : m_request.headers) {
        hasAccept = hasAccept || isHeader(name, "Accept");
        hasUserAgent = hasUserAgent || isHeader(name, "User-Agent");
        request.setRawHeader(name, value);
    }
    if (!hasAccept) {
        request.setRawHeader("Accept", "application/json");
    }
    if (!hasUserAgent) {
        request.setRawHeader("User-Agent", "Hirebridge/" HIREBRIDGE_VERSION);
    }
    const QByteArray method = m_request.method.toUpper();
    // POST, PUT and PATCH always carry a body (possibly empty, so Content-Length: 0 is sent); others only if given.
    const bool sendsBody = !m_request.body.isEmpty() || method == "POST" || method == "PUT" || method == "PATCH";
    if (sendsBody && !m_request.contentType.isEmpty()) {
        request.setHeader(QNetworkRequest::ContentTypeHeader, m_request.contentType);
    }
    // Credentials must never follow a redirect to another host.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::SameOriginRedirectPolicy);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);

    ++m_attempts;
    m_timedOut = false;
    m_tooLarge = false;
    m_tlsMessage.clear();
    m_attemptClock.start();
    if (m_client) {
        m_client->countRequest();
    }
    qCDebug(lcHttp).noquote() << Redaction::redactSecrets(QStringLiteral("%1 %2 attempt %3/%4 (%5)")
                                                              .arg(QString::fromLatin1(method), logUrl())
                                                              .arg(m_attempts)
                                                              .arg(m_policy.maxAttempts)
                                                              .arg(m_request.context));

    QNetworkReply* reply = nullptr;
    if (!sendsBody) {
        reply = m_nam->sendCustomRequest(request, method);
    } else if (m_request.idempotent) {
        reply = m_nam->sendCustomRequest(request, method, m_request.body);
    } else {
        // Unbuffered with a known length, so Qt reads (and would have to reset) our device itself.
        request.setHeader(QNetworkRequest::ContentLengthHeader, m_request.body.size());
        request.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
        auto* body = new OneShotBody(m_request.body, this);
        reply = m_nam->sendCustomRequest(request, method, body);
        body->setParent(reply);
    }
    m_reply = reply;

    connect(reply, &QNetworkReply::finished, this, &RequestJob::onReplyFinished);
    // A reply destroyed under us (its network access manager went away) never emits finished.
    connect(reply, &QObject::destroyed, this, [this, attempt = m_attempts] { onReplyDestroyed(attempt); });
    connect(reply, &QNetworkReply::metaDataChanged, this, [this, reply] { checkBodySize(reply, 0); });
    connect(reply, &QNetworkReply::readyRead, this, [this, reply] { checkBodySize(reply, reply->bytesAvailable()); });
    connect(reply, &QNetworkReply::downloadProgress, this,
        [this, reply](qint64 received, qint64) { checkBodySize(reply, received); });
#if QT_CONFIG(ssl)
    connect(reply, &QNetworkReply::sslErrors, this, [this](const QList<QSslError>& errors) {
        // Never ignored: the handshake fails and the attempt ends as a Tls error.
        QStringList texts;
        for (const QSslError& error : errors) {
            texts << error.errorString();
        }
        m_tlsMessage = texts.join(QStringLiteral("; "));
    });
#endif

    if (m_request.timeoutMs > 0) {
        m_timeout.start(m_request.timeoutMs);
    }
}

void RequestJob::checkBodySize(QNetworkReply* reply, qint64 received)
{
    if (m_tooLarge || m_maxBodyBytes <= 0 || reply != m_reply) {
        return;
    }
    const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
    const bool declaredTooLarge = length.isValid() && length.toLongLong() > m_maxBodyBytes;
    if (declaredTooLarge || received > m_maxBodyBytes || reply->bytesAvailable() > m_maxBodyBytes) {
        m_tooLarge = true;
        reply->abort(); // emits finished
    }
}

void RequestJob::onTimeout()
{
    if (m_done || !m_reply) {
        return;
    }
    m_timedOut = true;
    m_reply->abort(); // emits finished
}

void RequestJob::onReplyDestroyed(int attempt)
{
    if (m_done || attempt != m_attempts) {
        return;
    }
    m_timeout.stop();
    if (m_client) {
        m_client->release(this);
    }
    finishError(ApiError::make(ApiError::Kind::Network,
        QStringLiteral("the request was dropped: the network access manager was destroyed"), m_request.server));
}

void RequestJob::onReplyFinished()
{
    QNetworkReply* reply = m_reply;
    if (!reply || m_done) {
        return;
    }
    reply->disconnect(this);
    reply->deleteLater();
    m_reply = nullptr;
    m_timeout.stop();

    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QNetworkReply::NetworkError code = reply->error();
    qCDebug(lcHttp).noquote() << Redaction::redactSecrets(
        QStringLiteral("%1 %2 -> %3 attempt %4 in %5 ms%6")
            .arg(QString::fromLatin1(m_request.method.toUpper()), logUrl())
            .arg(status)
            .arg(m_attempts)
            .arg(m_attemptClock.elapsed())
            .arg(code == QNetworkReply::NoError ? QString() : QStringLiteral(" (%1)").arg(reply->errorString())));

    const QString server = m_request.server;
    const auto networkMessage = [&] { return Redaction::redactSecrets(reply->errorString()); };

    if (m_tooLarge) {
        // Not transient: the same request gets the same body.
        retryOrFail(ApiError::make(ApiError::Kind::TooLarge,
                        QStringLiteral("the response is larger than the limit of %1 bytes").arg(m_maxBodyBytes), server,
                        status),
            false, -1);
        return;
    }
    if (!m_tlsMessage.isEmpty() || code == QNetworkReply::SslHandshakeFailedError) {
        const QString detail = m_tlsMessage.isEmpty() ? networkMessage() : Redaction::redactSecrets(m_tlsMessage);
        retryOrFail(
            ApiError::make(ApiError::Kind::Tls, QStringLiteral("secure connection failed: %1").arg(detail), server),
            false, -1);
        return;
    }
    if (m_timedOut || code == QNetworkReply::TimeoutError) {
        ApiError error = ApiError::make(ApiError::Kind::Timeout,
            QStringLiteral("no complete answer within %1 ms").arg(m_request.timeoutMs), server);
        error.ambiguous = !m_request.idempotent;
        retryOrFail(error, m_request.idempotent, -1);
        return;
    }
    if (code == QNetworkReply::TooManyRedirectsError || code == QNetworkReply::InsecureRedirectError) {
        retryOrFail(ApiError::make(ApiError::Kind::Http, networkMessage(), server, status), false, -1);
        return;
    }
    // Connection-level failures (refused, dropped, DNS, truncated body, proxy), also after a status line arrived.
    const bool transportError = (code > QNetworkReply::NoError && code < QNetworkReply::ContentAccessDenied);
    if (transportError || status == 0) {
        ApiError error = ApiError::make(ApiError::Kind::Network,
            code == QNetworkReply::ContentReSendError ? QStringLiteral("the connection closed before an answer arrived")
                                                      : networkMessage(),
            server);
        // Only idempotent requests: a dropped connection may hide a create that did arrive. A connection that was
        // never made (refused, no such host) carried nothing.
        const bool neverConnected = code == QNetworkReply::ConnectionRefusedError
            || code == QNetworkReply::HostNotFoundError || code == QNetworkReply::ProxyConnectionRefusedError
            || code == QNetworkReply::ProxyNotFoundError;
        error.ambiguous = !m_request.idempotent && !neverConnected;
        retryOrFail(error, m_request.idempotent, -1);
        return;
    }

    if (status >= 200 && status < 300) {
        HttpResponse response;
        response.status = status;
        response.body = reply->readAll();
        response.attempts = m_attempts;
        response.url = reply->url();
        for (const auto& [name, value] : reply->rawHeaderPairs()) {
            const QByteArray key = name.toLower();
            auto it = response.headers.find(key);
            if (it == response.headers.end()) {
                response.headers.insert(key, value);
            } else {
                *it += ", " + value;
            }
        }
        if (m_client) {
            m_client->release(this);
        }
        finishOk(response);
        return;
    }

    QString errorCode;
    QString fromServer = shorten(
        Redaction::redactSecrets(serverMessage(reply->read(m_maxBodyBytes > 0 ? m_maxBodyBytes : 1 << 20), &errorCode)),
        kMaxServerMessageWithDetails);
    // BambooHR answers errors with an empty body and the reason only in this header; it names the cause better than
    // any body would, so it wins.
    const QByteArray headerMessage = reply->rawHeader("X-BambooHR-Error-Message").trimmed();
    if (!headerMessage.isEmpty()) {
        fromServer = shorten(Redaction::redactSecrets(QString::fromUtf8(headerMessage)));
    }
    const QString reason
        = shorten(QString::fromUtf8(reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray()));
    const auto withServerText
        = [&](const QString& what) { return fromServer.isEmpty() ? what : what + QStringLiteral(": ") + fromServer; };

    ApiError error;
    bool retry = false;
    if (status == 401) {
        error = ApiError::make(
            ApiError::Kind::Unauthorized, withServerText(QStringLiteral("credentials refused")), server, status);
    } else if (status == 403) {
        error = ApiError::make(
            ApiError::Kind::Unauthorized, withServerText(QStringLiteral("permission missing")), server, status);
    } else if (status == 429) {
        error = ApiError::make(
            ApiError::Kind::RateLimited, withServerText(QStringLiteral("rate limited")), server, status);
        retry = true;
    } else if (status >= 500) {
        error = ApiError::make(ApiError::Kind::Server,
            fromServer.isEmpty() ? (reason.isEmpty() ? QStringLiteral("server error") : reason) : fromServer, server,
            status);
        // A 503 says the server did not handle the request. Any other 5xx (a gateway's 502/504 above all) may come
        // after the work was done: a create is not repeated blindly, its caller reconciles first (design §5).
        retry = m_request.idempotent || status == 503;
        error.ambiguous = !retry;
    } else {
        error = ApiError::make(ApiError::Kind::Http,
            fromServer.isEmpty() ? (reason.isEmpty() ? QStringLiteral("request failed") : reason) : fromServer, server,
            status);
    }
    error.code = shorten(errorCode);
    const int serverDelay = retry ? serverDelayMs(reply, status) : -1;
    if (status == 429 && m_client) {
        // The limit is the endpoint's, not this request's: the others to it wait as well, other endpoints and hosts
        // do not.
        m_client->holdEndpoint(m_request.url, serverDelay >= 0 ? serverDelay : m_policy.backoffMs(m_attempts + 1));
    }
    retryOrFail(error, retry, serverDelay);
}

void RequestJob::retryOrFail(const ApiError& error, bool retry, int serverDelay)
{
    if (m_client) {
        m_client->release(this); // a job waiting for its retry does not hold a slot
    }
    if (retry && m_attempts < m_policy.maxAttempts) {
        scheduleRetry(serverDelay >= 0 ? serverDelay : m_policy.backoffMs(m_attempts + 1));
        return;
    }
    finishError(error);
}

void RequestJob::scheduleRetry(int delayMs)
{
    qCDebug(lcHttp).noquote() << Redaction::redactSecrets(
        QStringLiteral("%1 %2: retry %3 in %4 ms")
            .arg(QString::fromLatin1(m_request.method.toUpper()), logUrl())
            .arg(m_attempts + 1)
            .arg(delayMs));
    m_retryTimer.start(std::max(0, delayMs));
}

void RequestJob::finishOk(const HttpResponse& response)
{
    if (m_done) {
        return;
    }
    m_done = true;
    m_timeout.stop();
    m_retryTimer.stop();
    Q_EMIT finished(response);
    deleteLater();
}

void RequestJob::finishError(ApiError error)
{
    if (m_done) {
        return;
    }
    m_done = true;
    m_timeout.stop();
    m_retryTimer.stop();
    if (m_reply) {
        QNetworkReply* reply = m_reply;
        m_reply = nullptr;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
    if (m_client) {
        m_client->release(this);
    }
    if (error.server.isEmpty()) {
        error.server = m_request.server;
    }
    if (error.context.isEmpty()) {
        error.context = m_request.context;
    }
    qCDebug(lcHttp).noquote() << Redaction::redactSecrets(
        QStringLiteral("%1 %2 failed: %3")
            .arg(QString::fromLatin1(m_request.method.toUpper()), logUrl(), error.toString()));
    Q_EMIT failed(error);
    deleteLater();
}
