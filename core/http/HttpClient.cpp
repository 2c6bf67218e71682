#include "HttpClient.h"

#include "RequestJob.h"

#include <QHostAddress>
#include <QTimer>

#include <algorithm>
#include <chrono>
#include <utility>

namespace {

QString hostKey(const QUrl& url)
{
    const bool https = url.scheme().compare(QLatin1String("https"), Qt::CaseInsensitive) == 0;
    return url.host().toLower() + QLatin1Char(':') + QString::number(url.port(https ? 443 : 80));
}

// What a rate limit counts: the host and the endpoint, with ids folded ("/v1/employees/*/files"). Bob and Personio
// limit per endpoint, so a 429 from uploads must not hold the look-ups on the same host.
QString endpointKey(const QUrl& url)
{
    QStringList segments = url.path().split(QLatin1Char('/'));
    for (QString& segment : segments) {
        const bool hasDigit = std::any_of(segment.cbegin(), segment.cend(), [](QChar c) { return c.isDigit(); });
        if (hasDigit && segment.size() > 2 && !segment.startsWith(QLatin1Char('v'))) {
            segment = QStringLiteral("*");
        }
    }
    return hostKey(url) + segments.join(QLatin1Char('/'));
}

} // namespace

HttpClient::HttpClient(QNetworkAccessManager* nam, QObject* parent)
    : QObject(parent)
    , m_nam(nam)
{
    m_clock.start();
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
    job->m_endpointKey = endpointKey(job->request().url);
    int& active = m_active[key];
    // Jobs already waiting go first (those still waiting are held or found every slot taken).
    if (active < std::max(1, m_maxParallelPerHost) && heldForMs(job->m_endpointKey) <= 0 && !m_waiting.contains(key)) {
        ++active;
        job->m_holdsSlot = true;
        job->startAttempt();
        return;
    }
    m_waiting[key].enqueue(job);
    startWaiting(key);
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
    startWaiting(key);
    if (m_active.value(key) == 0) {
        m_active.remove(key);
    }
}

void HttpClient::holdEndpoint(const QUrl& url, int ms)
{
    if (ms <= 0) {
        return;
    }
    const QString key = endpointKey(url);
    const qint64 until = m_clock.elapsed() + ms;
    if (until > m_heldUntil.value(key)) {
        m_heldUntil.insert(key, until);
    }
}

qint64 HttpClient::heldForMs(const QString& endpoint)
{
    const auto it = m_heldUntil.constFind(endpoint);
    if (it == m_heldUntil.constEnd()) {
        return 0;
    }
    const qint64 left = *it - m_clock.elapsed();
    if (left <= 0) {
        m_heldUntil.erase(it);
        return 0;
    }
    return left;
}

void HttpClient::startWaiting(const QString& key)
{
    auto it = m_waiting.find(key);
    if (it == m_waiting.end()) {
        return;
    }
    int& active = m_active[key];
    const int slotCount = std::max(1, m_maxParallelPerHost);
    if (active >= slotCount) {
        // Nothing can start before a slot comes free, and that calls this again: no walk over a queue that can hold
        // thousands of jobs (a sync enqueues a page's worth of look-ups at once).
        return;
    }
    qint64 nextWakeMs = 0;
    QQueue<QPointer<RequestJob>> still; // in their order: held ones, and the rest when every slot is taken
    while (!it->isEmpty()) {
        if (active >= slotCount) {
            still.append(*it); // every slot taken: the rest keep their places unexamined
            it->clear();
            break;
        }
        const QPointer<RequestJob> next = it->dequeue();
        if (!next || next->m_done) {
            continue;
        }
        const qint64 held = heldForMs(next->m_endpointKey);
        if (held > 0) {
            nextWakeMs = nextWakeMs == 0 ? held : std::min(nextWakeMs, held);
            still.enqueue(next);
            continue;
        }
        ++active;
        next->m_holdsSlot = true;
        // From the event loop: this runs inside another job's reply handling or our own acquire().
        QMetaObject::invokeMethod(next.data(), &RequestJob::startAttempt, Qt::QueuedConnection);
    }
    if (still.isEmpty()) {
        m_waiting.erase(it);
    } else {
        *it = still;
    }
    if (active == 0) {
        m_active.remove(key);
    }
    if (nextWakeMs > 0) {
        const qint64 wakeAt = m_clock.elapsed() + nextWakeMs;
        const auto scheduled = m_wakeAt.constFind(key);
        if (scheduled == m_wakeAt.constEnd() || *scheduled > wakeAt || *scheduled <= m_clock.elapsed()) {
            m_wakeAt.insert(key, wakeAt);
            QTimer::singleShot(std::chrono::milliseconds(nextWakeMs), this, [this, key] { startWaiting(key); });
        }
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
