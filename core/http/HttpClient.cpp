#include "HttpClient.h"

#include "RequestJob.h"

#include <QHostAddress>
#include <QTimer>

#include <utility>

namespace {

QString hostKey(const QUrl& url)
{
    const bool https = url.scheme().compare(QLatin1String("https"), Qt::CaseInsensitive) == 0;
    return url.host().toLower() + QLatin1Char(':') + QString::number(url.port(https ? 443 : 80));
}

} // namespace

HttpClient::HttpClient(QNetworkAccessManager* nam, QObject* parent)
    : QObject(parent)
    , m_nam(nam)
{
    // Queued connections and QSignalSpy need the signal argument types registered.
    qRegisterMetaType<ApiError>();
    qRegisterMetaType<HttpResponse>();
}

HttpClient::~HttpClient()
{
    // Jobs still waiting for a slot would never get one. They fail as Cancelled from the event loop rather than
    // from this destructor, so no receiver runs while its owner (often also ours) is half destroyed. Running and
    // retrying jobs go on without us: they keep their own pointer to the network access manager.
    const auto waiting = std::exchange(m_waiting, {});
    m_active.clear();
    for (const auto& queue : waiting) {
        for (const QPointer<RequestJob>& job : queue) {
            if (!job || job->m_done) {
                continue;
            }
            job->m_client = nullptr;
            job->m_holdsSlot = false;
            QTimer::singleShot(0, job.data(), [job = job.data()] {
                job->finishError(ApiError::make(ApiError::Kind::Cancelled,
                    QStringLiteral("the HTTP client was shut down before the request started"), job->request().server));
            });
        }
    }
}

RequestJob* HttpClient::send(const HttpRequest& request)
{
    auto* job = new RequestJob(this, request);
    // Started from the event loop: the caller connects to the job's signals after send() returns, and even an
    // immediate failure (an invalid URL) must reach those connections.
    QMetaObject::invokeMethod(job, &RequestJob::start, Qt::QueuedConnection);
    return job;
}

ApiError HttpClient::checkUrl(const QUrl& url, const QString& server)
{
    const QString what = server.isEmpty() ? QStringLiteral("URL") : server + QStringLiteral(" URL");
    // Never show userinfo: a URL pasted with credentials in it must not end up in a message or a log.
    const QString shown = url.toDisplayString(QUrl::RemoveUserInfo);
    auto invalid = [&](const QString& message) { return ApiError::make(ApiError::Kind::InvalidUrl, message, server); };

    if (url.isEmpty()) {
        return invalid(QStringLiteral("the %1 is empty").arg(what));
    }
    if (!url.isValid()) {
        return invalid(shown.isEmpty() ? QStringLiteral("the %1 is not a valid URL").arg(what)
                                       : QStringLiteral("the %1 \"%2\" is not a valid URL").arg(what, shown));
    }
    const QString scheme = url.scheme().toLower();
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https")) {
        return invalid(scheme.isEmpty()
                ? QStringLiteral("the %1 \"%2\" has no scheme; use https://").arg(what, shown)
                : QStringLiteral("the %1 \"%2\" uses the unsupported scheme \"%3\"; use https://")
                      .arg(what, shown, scheme));
    }
    if (url.host().isEmpty()) {
        return invalid(QStringLiteral("the %1 \"%2\" has no host name").arg(what, shown));
    }
    if (scheme == QLatin1String("http") && !isLoopbackHost(url.host())) {
        return invalid(QStringLiteral("the %1 \"%2\" uses plain http:// to %3, which is only accepted for loopback "
                                      "hosts (localhost, 127.0.0.1, ::1); use https://")
                           .arg(what, shown, url.host()));
    }
    return {};
}

bool HttpClient::isLoopbackHost(const QString& host)
{
    QString h = host.trimmed().toLower();
    if (h.startsWith(QLatin1Char('[')) && h.endsWith(QLatin1Char(']'))) {
        h = h.mid(1, h.size() - 2);
    }
    if (h == QLatin1String("localhost") || h == QLatin1String("localhost.")) {
        return true;
    }
    // Only literal addresses: a name such as "localhost.example.com" or "127.0.0.1.nip.io" resolves elsewhere.
    QHostAddress address;
    return address.setAddress(h) && address.isLoopback();
}

void HttpClient::acquire(RequestJob* job)
{
    const QString key = hostKey(job->request().url);
    int& active = m_active[key];
    const bool queueEmpty = m_waiting.value(key).isEmpty();
    if (queueEmpty && active < std::max(1, m_maxParallelPerHost)) {
        ++active;
        job->m_holdsSlot = true;
        job->startAttempt();
        return;
    }
    m_waiting[key].enqueue(job);
}

void HttpClient::release(RequestJob* job)
{
    if (!job->m_holdsSlot) {
        return;
    }
    job->m_holdsSlot = false;
    const QString key = hostKey(job->request().url);
    int& active = m_active[key];
    active = std::max(0, active - 1);

    auto it = m_waiting.find(key);
    while (it != m_waiting.end() && !it->isEmpty() && active < std::max(1, m_maxParallelPerHost)) {
        const QPointer<RequestJob> next = it->dequeue();
        if (!next || next->m_done) {
            continue;
        }
        ++active;
        next->m_holdsSlot = true;
        // From the event loop: release() runs inside another job's reply handling.
        QMetaObject::invokeMethod(next.data(), &RequestJob::startAttempt, Qt::QueuedConnection);
    }
    if (it != m_waiting.end() && it->isEmpty()) {
        m_waiting.erase(it);
    }
    if (active == 0) {
        m_active.remove(key);
    }
}

QUrl HttpClient::endpoint(const QUrl& base, const QString& path)
{
    QUrl url = base;
    QString prefix = url.path();
    while (prefix.endsWith(QLatin1Char('/'))) {
        prefix.chop(1);
    }
    url.setPath(prefix + path);
    url.setQuery(QString());
    url.setFragment(QString());
    return url;
}
