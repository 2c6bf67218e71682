#pragma once

#include "ApiError.h"
#include "HttpRequest.h"

#include <QElapsedTimer>
#include <QHash>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QQueue>
#include <QSet>

class RequestJob;

// Creates request jobs on an injected QNetworkAccessManager and caps parallel requests per host: jobs beyond the
// cap wait in a FIFO queue and start as slots free up. Lives in one thread; not thread-safe.
class HttpClient : public QObject
{
    Q_OBJECT
public:
    explicit HttpClient(QNetworkAccessManager* nam, QObject* parent = nullptr);
    ~HttpClient() override;

    QNetworkAccessManager* networkAccessManager() const { return m_nam; }

    void setMaxParallelPerHost(int max) { m_maxParallelPerHost = max; }
    int maxParallelPerHost() const { return m_maxParallelPerHost; }
    void setRetryPolicy(const RetryPolicy& policy) { m_retryPolicy = policy; }
    const RetryPolicy& retryPolicy() const { return m_retryPolicy; }
    void setMaxBodyBytes(qint64 bytes) { m_maxBodyBytes = bytes; }
    qint64 maxBodyBytes() const { return m_maxBodyBytes; }

    // Creates and starts (or queues) a job. The job deletes itself after emitting finished or failed. It starts on
    // the next event-loop turn, so even an immediate failure (invalid URL) reaches connections made after send().
    RequestJob* send(const HttpRequest& request);

    // Number of network requests actually sent (every attempt counts), for tests and benchmarks.
    qint64 requestCount() const { return m_requestCount; }

    // Checks a URL before use: valid, http or https, and plain http only to loopback hosts.
    static ApiError checkUrl(const QUrl& url, const QString& server);
    static bool isLoopbackHost(const QString& host);
    // `path` ("/v1/employees") under an API base that may carry a path of its own ("…/gateway.php/acme"); the
    // base's trailing slashes, query and fragment are dropped.
    static QUrl endpoint(const QUrl& base, const QString& path);

private:
    friend class RequestJob;
    void acquire(RequestJob* job); // called by a job before each attempt
    void release(RequestJob* job); // called when an attempt ends
    void countRequest() { ++m_requestCount; }
    // A 429: the next attempts to that endpoint (every job's) wait `ms`; other endpoints and hosts go on.
    void holdEndpoint(const QUrl& url, int ms);
    qint64 heldForMs(const QString& endpoint); // 0 when the endpoint is not held
    void startWaiting(const QString& hostKey); // starts queued jobs while slots are free and their endpoint not held

    QPointer<QNetworkAccessManager> m_nam; // injected; may be destroyed before us
    int m_maxParallelPerHost = 4;
    RetryPolicy m_retryPolicy;
    qint64 m_maxBodyBytes = 32 * 1024 * 1024;
    qint64 m_requestCount = 0;
    QHash<QString, int> m_active; // host:port -> running attempts
    QHash<QString, QQueue<QPointer<RequestJob>>> m_waiting; // host:port -> jobs waiting for a slot
    QHash<QString, qint64> m_heldUntil; // endpoint -> m_clock time before which no attempt starts (after a 429)
    QHash<QString, qint64> m_wakeAt; // host:port -> when startWaiting() is due for held jobs
    QElapsedTimer m_clock;
};
