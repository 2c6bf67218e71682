#pragma once

#include "ApiError.h"
#include "HttpRequest.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

class HttpClient;
class QNetworkAccessManager;
class QNetworkReply;

// One request: emits exactly one of finished() or failed(), then deletes itself (deleteLater).
// Retries 429 and 5xx (and, for idempotent requests, network errors and timeouts) with exponential backoff and
// jitter, honouring Retry-After and X-RateLimit-Reset; never retries 400, 401, 403 or any other 4xx. A request that
// is not idempotent (a create) is retried only after 429 and 503; after another 5xx, a timeout or a dropped
// connection it fails with ApiError::ambiguous set, and the caller looks up what happened before sending it again.
// TLS errors are fatal. Secrets never reach a log line: the Authorization header is redacted in every dump.
class RequestJob : public QObject
{
    Q_OBJECT
public:
    ~RequestJob() override;

    const HttpRequest& request() const { return m_request; }
    int attempts() const { return m_attempts; }
    void abort(); // emits failed(Cancelled) once, if not finished yet

    // Delay the server asks for through Retry-After (seconds or HTTP-date) or X-RateLimit-Reset (Unix epoch; above
    // 10^12 it is milliseconds), clamped to [0, maxMs]; -1 when neither header is usable. Retry-After wins.
    static int hintDelayMs(
        const QByteArray& retryAfter, const QByteArray& rateLimitReset, const QDateTime& now, int maxMs);
    // The wait an answer with HTTP `status` asks for (design §5): Retry-After only on 429 and 503; X-RateLimit-Reset
    // only on 429 or when X-RateLimit-Remaining is 0 (Bob sends the rate-limit headers on every answer). -1: none.
    static int serverWaitMs(int status, const QByteArray& retryAfter, const QByteArray& rateLimitRemaining,
        const QByteArray& rateLimitReset, const QDateTime& now, int maxMs);

Q_SIGNALS:
    void finished(const HttpResponse& response); // any 2xx
    void failed(const ApiError& error);

private:
    friend class HttpClient;
    RequestJob(HttpClient* client, const HttpRequest& request);
    void start(); // first attempt (asks the client for a slot)
    void startAttempt(); // called by the client when a slot is free
    void onReplyFinished();
    void onTimeout();
    void scheduleRetry(int delayMs);
    void finishOk(const HttpResponse& response);
    void finishError(ApiError error);
    int serverDelayMs(const QNetworkReply* reply, int status) const; // serverWaitMs for this reply
    void onReplyDestroyed(int attempt);
    void checkBodySize(QNetworkReply* reply, qint64 received);
    void retryOrFail(const ApiError& error, bool retry, int serverDelay);
    QString logUrl() const;

    QPointer<HttpClient> m_client;
    QPointer<QNetworkAccessManager> m_nam; // kept by the job: retries still work after the client is gone
    HttpRequest m_request;
    RetryPolicy m_policy;
    qint64 m_maxBodyBytes = 0;
    QPointer<QNetworkReply> m_reply;
    QTimer m_timeout;
    QTimer m_retryTimer;
    int m_attempts = 0;
    bool m_done = false;
    bool m_holdsSlot = false;
    QString m_endpointKey; // HttpClient's rate-limit key for this request, computed once
    bool m_timedOut = false;
    bool m_tooLarge = false;
    QString m_tlsMessage; // set by sslErrors: the attempt fails as Tls whatever error the reply reports
    QElapsedTimer m_attemptClock;
};
