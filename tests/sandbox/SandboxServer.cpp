#include "SandboxServer.h"

#include "FaultInjector.h"
#include "RequestLog.h"

#include <QDateTime>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QLoggingCategory>
#include <QMetaEnum>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

#include <algorithm>
#include <memory>

Q_LOGGING_CATEGORY(lcSandboxServer, "hirebridge.sandbox.server")

namespace {

QString methodName(QHttpServerRequest::Method method)
{
    const char* key = QMetaEnum::fromType<QHttpServerRequest::Method>().valueToKey(int(method));
    return key ? QString::fromLatin1(key).toUpper() : QStringLiteral("UNKNOWN");
}

bool isControlPath(const QString& path)
{
    return path == QLatin1String("/_sandbox") || path.startsWith(QLatin1String("/_sandbox/"));
}

} // namespace

SandboxServer::SandboxServer(const QString& name, FaultInjector& faults, RequestLog& log, QObject* parent)
    : QAbstractHttpServer(parent)
    , m_name(name)
    , m_faults(faults)
    , m_log(log)
{
}

QByteArray SandboxServer::header(const QHttpServerRequest& request, const QByteArray& name)
{
    const auto headers = request.headers();
    for (const auto& [key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0) {
            return value;
        }
    }
    return {};
}

std::optional<QPair<QString, QString>> SandboxServer::basicCredentials(const QHttpServerRequest& request)
{
    const QByteArray authorization = header(request, QByteArrayLiteral("Authorization")).trimmed();
    if (!authorization.startsWith("Basic ") && !authorization.startsWith("basic ")) {
        return std::nullopt;
    }
    const QByteArray decoded = QByteArray::fromBase64(authorization.mid(6).trimmed());
    const qsizetype colon = decoded.indexOf(':');
    if (colon < 0) {
        return std::nullopt;
    }
    return QPair<QString, QString> {QString::fromUtf8(decoded.left(colon)), QString::fromUtf8(decoded.mid(colon + 1))};
}

bool SandboxServer::handleRequest(const QHttpServerRequest& request, QTcpSocket* socket)
{
    const QString path = request.url().path();
    const QString method = methodName(request.method());

    if (isControlPath(path) && m_controlHandler) {
        QHttpServerResponder responder = makeResponder(request, socket);
        write(responder, m_controlHandler(request));
        return true;
    }

    SandboxReply reply;
    const FaultInjector::Action action = m_faults.nextAction();
    if (const auto answer = m_faults.takeAnswerOverride(m_name, method, path)) {
        reply = SandboxReply::raw(answer->status, answer->contentType, answer->body);
        m_log.append(m_name, method, path, reply.status);
        auto responder = makeResponder(request, socket);
        write(responder, reply);
        return true;
    }
    switch (action) {
    case FaultInjector::Action::Drop:
        reply = SandboxReply::dropped();
        break;
    case FaultInjector::Action::RateLimit:
        reply = faultReply(429);
        break;
    case FaultInjector::Action::ServerError:
        reply = faultReply(503);
        break;
    case FaultInjector::Action::None:
        if (isUpload(method, path)) {
            if (const int status = m_faults.takeUploadErrorBeforeHandling(); status > 0) {
                // The gateway failed before the HR system saw the file: nothing is stored.
                reply = SandboxReply::raw(status, QByteArrayLiteral("text/html"),
                    QByteArrayLiteral("<html><head><title>Bad Gateway</title></head><body>upstream</body></html>"));
                break;
            }
        }
        reply = m_handler ? m_handler(request) : SandboxReply::empty(404);
        if (m_faults.takeDropAfterHandling()) {
            reply = SandboxReply::dropped(); // what the handler did (a stored hire) stays done
        } else if (reply.status >= 200 && reply.status < 300 && isCreate(method, path)) {
            // A gateway in front of the HR system timed out or choked after the employee was created.
            if (const int status = m_faults.takeCreateErrorAfterHandling(); status > 0) {
                reply = SandboxReply::raw(status, QByteArrayLiteral("text/html"),
                    QByteArrayLiteral("<html><head><title>Bad Gateway</title></head><body>upstream</body></html>"));
            }
        } else if (reply.status >= 200 && reply.status < 300 && isUpload(method, path)) {
            // The same after a document was stored: a blind second upload would be a second copy.
            if (const int status = m_faults.takeUploadErrorAfterHandling(); status > 0) {
                reply = SandboxReply::raw(status, QByteArrayLiteral("text/html"),
                    QByteArrayLiteral("<html><head><title>Bad Gateway</title></head><body>upstream</body></html>"));
            }
        }
        break;
    }
    if (m_name == QLatin1String("bob") && m_faults.bobRateLimitHeaders()) {
        addBobRateLimitHeaders(reply);
    }
    m_log.append(m_name, method, path, reply.status);
    qCInfo(lcSandboxServer).noquote() << m_name << method << path << "->"
                                      << (reply.delivery == SandboxReply::Delivery::Drop
                                                 ? QStringLiteral("dropped")
                                                 : QString::number(reply.status));

    const int latency = m_faults.latencyMs();
    if (reply.delivery == SandboxReply::Delivery::Drop) {
        // Aborting from a timer (even a zero one) lets Qt finish its own bookkeeping for this
        // request first; the socket as context object cancels the timer if the peer left already.
        QTimer::singleShot(latency, socket, [socket] { socket->abort(); });
        return true;
    }

    auto responder = std::make_shared<QHttpServerResponder>(makeResponder(request, socket));
    if (latency <= 0) {
        write(*responder, reply);
        return true;
    }
    // Qt 6.4 deletes the socket when the peer disconnects while we wait, so write only if it is
    // still there and connected.
    QPointer<QTcpSocket> guard(socket);
    QTimer::singleShot(latency, this, [responder, reply, guard] {
        if (guard && guard->state() == QAbstractSocket::ConnectedState) {
            write(*responder, reply);
        }
    });
    return true;
}

bool SandboxServer::isCreate(const QString& method, const QString& path) const
{
    if (method != QLatin1String("POST")) {
        return false;
    }
    if (m_name == QLatin1String("bob")) {
        return path == QLatin1String("/v1/people") || path.startsWith(QLatin1String("/hire/"));
    }
    if (m_name == QLatin1String("bamboohr")) {
        return path.endsWith(QLatin1String("/v1/employees"));
    }
    if (m_name == QLatin1String("personio")) {
        return path == QLatin1String("/v1/company/employees");
    }
    return false;
}

bool SandboxServer::isUpload(const QString& method, const QString& path) const
{
    if (method != QLatin1String("POST")) {
        return false;
    }
    if (m_name == QLatin1String("bob")) {
        return path.startsWith(QLatin1String("/v1/docs/people/"));
    }
    if (m_name == QLatin1String("bamboohr")) {
        return path.endsWith(QLatin1String("/files"));
    }
    if (m_name == QLatin1String("personio")) {
        return path == QLatin1String("/v1/company/documents");
    }
    return false;
}

void SandboxServer::addBobRateLimitHeaders(SandboxReply& reply)
{
    for (const auto& header : std::as_const(reply.headers)) {
        if (header.first.compare("X-RateLimit-Reset", Qt::CaseInsensitive) == 0) {
            return; // an injected 429 set its own
        }
    }
    // A one-minute window of 50 with requests to spare, as on most of Bob's answers: the reset time is when the
    // window refills, not a wait.
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    if (now >= m_rateWindowEnd) {
        m_rateWindowEnd = now + 60;
        m_rateWindowCount = 0;
    }
    ++m_rateWindowCount;
    const int remaining = std::max(1, 50 - m_rateWindowCount % 50);
    reply.headers.append({QByteArrayLiteral("X-RateLimit-Limit"), QByteArrayLiteral("50")});
    reply.headers.append({QByteArrayLiteral("X-RateLimit-Remaining"), QByteArray::number(remaining)});
    reply.headers.append({QByteArrayLiteral("X-RateLimit-Reset"), QByteArray::number(m_rateWindowEnd)});
}

void SandboxServer::missingHandler(const QHttpServerRequest& request, QTcpSocket* socket)
{
    QHttpServerResponder responder = makeResponder(request, socket);
    write(responder, SandboxReply::json(404, QJsonObject {{QStringLiteral("error"), QStringLiteral("not found")}}));
}

SandboxReply SandboxServer::faultReply(int status) const
{
    const bool ashby = m_name == QLatin1String("ashby");
    const int retryAfter = m_faults.retryAfterSeconds();
    // Each fake fails in its own vendor's shape: BambooHR with an empty body and the reason in a header, Personio
    // with its v1 error envelope; both send Retry-After on 429 like the others, so the chaos runs stay fast.
    if (m_name == QLatin1String("bamboohr")) {
        SandboxReply reply = SandboxReply::empty(status);
        reply.headers.append({QByteArrayLiteral("X-BambooHR-Error-Message"),
            status == 429 ? QByteArrayLiteral("Too many requests (sandbox burst)")
                          : QByteArrayLiteral("Service unavailable (sandbox fault)")});
        if (status == 429) {
            reply.headers.append({QByteArrayLiteral("Retry-After"), QByteArray::number(retryAfter)});
        }
        return reply;
    }
    if (m_name == QLatin1String("personio")) {
        SandboxReply reply = SandboxReply::json(status,
            QJsonObject {
                {QStringLiteral("success"), false},
                {QStringLiteral("error"),
                    QJsonObject {
                        {QStringLiteral("code"), 0},
                        {QStringLiteral("message"),
                            status == 429 ? QStringLiteral("Too Many Requests (sandbox burst)")
                                          : QStringLiteral("Something went wrong (sandbox fault)")},
                    }},
            });
        if (status == 429) {
            reply.headers.append({QByteArrayLiteral("Retry-After"), QByteArray::number(retryAfter)});
        }
        return reply;
    }
    SandboxReply reply;
    if (status == 429) {
        reply = ashby ? SandboxReply::json(429,
                    QJsonObject {
                        {QStringLiteral("success"), false},
                        {QStringLiteral("errors"), QJsonArray {QStringLiteral("Rate limit exceeded")}},
                        {QStringLiteral("errorInfo"),
                            QJsonObject {
                                {QStringLiteral("code"), QStringLiteral("rate_limit_exceeded")},
                                {QStringLiteral("message"), QStringLiteral("Rate limit exceeded (sandbox burst)")},
                                {QStringLiteral("requestId"), QStringLiteral("sandbox-429")},
                            }},
                    })
                      : SandboxReply::json(429,
                          QJsonObject {
                              {QStringLiteral("key"), QStringLiteral("rate.limit.exceeded")},
                              {QStringLiteral("error"), QStringLiteral("Too many requests (sandbox burst)")},
                          });
        reply.headers.append({QByteArrayLiteral("Retry-After"), QByteArray::number(retryAfter)});
        if (!ashby) {
            reply.headers.append({QByteArrayLiteral("X-RateLimit-Limit"), QByteArrayLiteral("50")});
            reply.headers.append({QByteArrayLiteral("X-RateLimit-Remaining"), QByteArrayLiteral("0")});
            reply.headers.append({QByteArrayLiteral("X-RateLimit-Reset"),
                QByteArray::number(QDateTime::currentSecsSinceEpoch() + retryAfter)});
        }
        return reply;
    }
    return ashby ? SandboxReply::json(status,
               QJsonObject {
                   {QStringLiteral("success"), false},
                   {QStringLiteral("errors"), QJsonArray {QStringLiteral("generic_internal_error")}},
                   {QStringLiteral("errorInfo"),
                       QJsonObject {
                           {QStringLiteral("code"), QStringLiteral("generic_internal_error")},
                           {QStringLiteral("message"), QStringLiteral("Service unavailable (sandbox fault)")},
                           {QStringLiteral("requestId"), QStringLiteral("sandbox-503")},
                       }},
               })
                 : SandboxReply::json(status,
                     QJsonObject {
                         {QStringLiteral("key"), QStringLiteral("service.unavailable")},
                         {QStringLiteral("error"), QStringLiteral("Service unavailable (sandbox fault)")},
                     });
}

void SandboxServer::write(QHttpServerResponder& responder, const SandboxReply& reply)
{
    const auto status = static_cast<QHttpServerResponder::StatusCode>(reply.status);
    responder.writeStatusLine(status);
    if (!reply.contentType.isEmpty()) {
        responder.writeHeader(QByteArrayLiteral("Content-Type"), reply.contentType);
    }
    for (const auto& [name, value] : reply.headers) {
        responder.writeHeader(name, value);
    }
    responder.writeHeader(QByteArrayLiteral("Content-Length"), QByteArray::number(reply.body.size()));
    if (reply.delivery == SandboxReply::Delivery::Truncate) {
        responder.writeBody(reply.body.left(reply.body.size() / 2));
        if (QTcpSocket* socket = responder.socket()) {
            socket->disconnectFromHost();
        }
        return;
    }
    responder.writeBody(reply.body);
}
