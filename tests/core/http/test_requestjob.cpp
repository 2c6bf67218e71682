#include "RawHttpServer.h"
#include "http/ApiError.h"
#include "http/HttpClient.h"
#include "http/HttpLogging.h"
#include "http/RequestJob.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QSet>
#include <QSignalSpy>
#include <QSslSocket>
#include <QTcpServer>
#include <QTest>
#include <QTimeZone>

#include <memory>

namespace {

constexpr int kWaitMs = 5000;

// Watches one job: both signals, and the job object itself (it deletes itself after its one signal).
struct JobWatch
{
    explicit JobWatch(RequestJob* j)
        : job(j)
        , finished(j, &RequestJob::finished)
        , failed(j, &RequestJob::failed)
    {
    }
    QPointer<RequestJob> job;
    QSignalSpy finished;
    QSignalSpy failed;

    int signalCount() const { return int(finished.count() + failed.count()); }
    bool done() const { return signalCount() > 0; }
    ApiError error() const { return failed.isEmpty() ? ApiError() : failed.at(0).at(0).value<ApiError>(); }
    HttpResponse response() const
    {
        return finished.isEmpty() ? HttpResponse() : finished.at(0).at(0).value<HttpResponse>();
    }
};

// Waits for the first signal, then for the job to delete itself: once it is gone no further signal can come,
// so the exactly-one-signal invariant is checked without a fixed sleep.
#define WAIT_DONE(watch)                                                                                               \
    do {                                                                                                               \
        QTRY_VERIFY_WITH_TIMEOUT((watch).done(), kWaitMs);                                                             \
        QTRY_VERIFY_WITH_TIMEOUT((watch).job.isNull(), kWaitMs);                                                       \
        QCOMPARE((watch).signalCount(), 1);                                                                            \
    } while (false)

RetryPolicy fastPolicy()
{
    RetryPolicy policy;
    policy.baseDelayMs = 10;
    policy.maxDelayMs = 40;
    policy.maxAttempts = 6;
    policy.maxRetryAfterMs = 60000;
    policy.jitter = true;
    return policy;
}

HttpRequest makeRequest(const QUrl& url, bool idempotent = true)
{
    HttpRequest request;
    request.method = "POST";
    request.url = url;
    request.body = R"({"q":1})";
    request.server = QStringLiteral("Bob");
    request.context = QStringLiteral("people search");
    request.timeoutMs = 3000;
    request.idempotent = idempotent;
    return request;
}

// A loopback port nobody listens on.
quint16 closedPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

QStringList g_captured;
QtMessageHandler g_previousHandler = nullptr;

void captureHandler(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    if (QLatin1String(context.category) == QLatin1String("hirebridge.http")) {
        g_captured << message;
        return;
    }
    if (g_previousHandler) {
        g_previousHandler(type, context, message);
    }
}

} // namespace

class TestRequestJob : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    // ApiError
    void toString_withServerContextAndStatus_readsAsOneLine();
    void toString_withoutStatus_namesTheKind();
    void make_transientKinds_areRetryable_data();
    void make_transientKinds_areRetryable();
    void kindName_everyKind_isDistinct();

    // Pure helpers
    void checkUrl_givenUrl_acceptsOrRejects_data();
    void checkUrl_givenUrl_acceptsOrRejects();
    void checkUrl_withUserInfo_neverShowsPassword();
    void backoffMs_withoutJitter_doublesUpToCap();
    void backoffMs_withJitter_staysBetweenHalfAndFull();
    void hintDelayMs_givenHeaders_returnsDelay_data();
    void hintDelayMs_givenHeaders_returnsDelay();
    void hintDelayMs_hugeReset_isIgnoredWithoutOverflow();
    void serverWaitMs_givenStatusAndHeaders_appliesDesignRule_data();
    void serverWaitMs_givenStatusAndHeaders_appliesDesignRule();

    // Against a local server
    void send_ok_finishesWithResponse();
    void send_method_isSentAsGiven_data();
    void send_method_isSentAsGiven();
    void send_customAccept_isKept();
    void send_serverErrorTwice_retriesAndSucceeds();
    void send_createGets503_isRetried();
    void send_createGetsAmbiguous5xx_failsOnceAmbiguous_data();
    void send_createGetsAmbiguous5xx_failsOnceAmbiguous();
    void send_createTimesOut_failsAmbiguous();
    void send_createConnectionRefused_isNotAmbiguous();
    void send_503WithRateLimitHeadersToSpare_usesOwnBackoff();
    void send_rateLimited_holdsThatEndpointOnly();
    void send_rateLimitedWithRetryAfter_waitsAtLeastThatLong();
    void send_rateLimitedWithRateLimitReset_waitsUntilReset();
    void send_retryAfterAboveMaximum_isClamped();
    void send_clientError_failsWithoutRetry_data();
    void send_clientError_failsWithoutRetry();
    void send_transientErrorAlways_stopsAtMaxAttempts_data();
    void send_transientErrorAlways_stopsAtMaxAttempts();
    void send_droppedConnection_retriedOnlyWhenIdempotent_data();
    void send_droppedConnection_retriedOnlyWhenIdempotent();
    void send_truncatedBody_failsNetworkWhenNotIdempotent();
    void send_connectionRefused_failsNetworkAfterRetries();
    void send_serverNeverAnswers_timesOut_data();
    void send_serverNeverAnswers_timesOut();
    void send_bodyOverLimit_failsTooLarge_data();
    void send_bodyOverLimit_failsTooLarge();
    void send_httpsToPlainHttpPort_failsTlsWithoutRetry();
    void send_plainHttpToRemoteHost_rejectedBeforeNetwork();
    void send_invalidUrl_rejected_data();
    void send_invalidUrl_rejected();
    void send_perHostCap_neverExceeded();
    void send_jobWaitingForRetry_doesNotHoldSlot();
    void send_manyMixedRequests_eachEmitsExactlyOneSignal();
    void send_attempt_isLoggedWithoutSecrets();

    void abort_runningJob_failsCancelledOnce();
    void abort_queuedJob_failsCancelledAndFreesQueue();
    void abort_duringRetryWait_failsCancelledOnce();
    void abort_afterFinished_emitsNothingMore();

    void destroyClient_whileRunning_jobStillFinishes();
    void destroyClient_withQueuedJob_jobFailsCancelled();
    void destroyNam_whileRunning_jobFailsOnce();

private:
    std::unique_ptr<RawHttpServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<HttpClient> m_client;
};

void TestRequestJob::init()
{
    m_server = std::make_unique<RawHttpServer>();
    QVERIFY(m_server->listen());
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_client = std::make_unique<HttpClient>(m_nam.get());
    m_client->setRetryPolicy(fastPolicy());
}

void TestRequestJob::cleanup()
{
    m_client.reset();
    m_nam.reset();
    m_server.reset();
}

// ---- ApiError ----------------------------------------------------------------------------------------------------

void TestRequestJob::toString_withServerContextAndStatus_readsAsOneLine()
{
    ApiError error = ApiError::make(
        ApiError::Kind::Unauthorized, QStringLiteral("credentials refused"), QStringLiteral("Bob"), 401);
    error.context = QStringLiteral("people search");
    QCOMPARE(error.toString(), QStringLiteral("Bob: people search: HTTP 401 — credentials refused"));

    error.code = QStringLiteral("auth.invalid");
    QCOMPARE(error.toString(), QStringLiteral("Bob: people search: HTTP 401 — credentials refused (auth.invalid)"));
}

void TestRequestJob::toString_withoutStatus_namesTheKind()
{
    const ApiError error = ApiError::make(ApiError::Kind::Timeout, QStringLiteral("no answer"));
    QCOMPARE(error.toString(), QStringLiteral("timeout — no answer"));
    QCOMPARE(ApiError().toString(), QStringLiteral("no error"));
    QVERIFY(!ApiError().isError());
}

void TestRequestJob::make_transientKinds_areRetryable_data()
{
    QTest::addColumn<ApiError::Kind>("kind");
    QTest::addColumn<bool>("retryable");
    QTest::addColumn<bool>("connectionOrAuth");
    QTest::newRow("network") << ApiError::Kind::Network << true << true;
    QTest::newRow("timeout") << ApiError::Kind::Timeout << true << true;
    QTest::newRow("rate limited") << ApiError::Kind::RateLimited << true << false;
    QTest::newRow("server") << ApiError::Kind::Server << true << false;
    QTest::newRow("tls") << ApiError::Kind::Tls << false << true;
    QTest::newRow("unauthorized") << ApiError::Kind::Unauthorized << false << true;
    QTest::newRow("invalid url") << ApiError::Kind::InvalidUrl << false << false;
    QTest::newRow("http") << ApiError::Kind::Http << false << false;
    QTest::newRow("api") << ApiError::Kind::Api << false << false;
    QTest::newRow("parse") << ApiError::Kind::Parse << false << false;
    QTest::newRow("too large") << ApiError::Kind::TooLarge << false << false;
    QTest::newRow("cancelled") << ApiError::Kind::Cancelled << false << false;
}

void TestRequestJob::make_transientKinds_areRetryable()
{
    QFETCH(ApiError::Kind, kind);
    QFETCH(bool, retryable);
    QFETCH(bool, connectionOrAuth);
    const ApiError error = ApiError::make(kind, QStringLiteral("m"), QStringLiteral("Ashby"), 0);
    QCOMPARE(error.retryable, retryable);
    QCOMPARE(error.isConnectionOrAuth(), connectionOrAuth);
    QCOMPARE(error.server, QStringLiteral("Ashby"));
    QVERIFY(error.isError());
}

void TestRequestJob::kindName_everyKind_isDistinct()
{
    QSet<QString> names;
    for (int k = int(ApiError::Kind::None); k <= int(ApiError::Kind::Cancelled); ++k) {
        names.insert(ApiError::kindName(ApiError::Kind(k)));
    }
    QCOMPARE(names.size(), int(ApiError::Kind::Cancelled) + 1);
    QCOMPARE(ApiError::kindName(ApiError::Kind::RateLimited), QStringLiteral("rateLimited"));
}

// ---- Pure helpers ------------------------------------------------------------------------------------------------

void TestRequestJob::checkUrl_givenUrl_acceptsOrRejects_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("https remote") << "https://api.hibob.com/v1" << true;
    QTest::newRow("http localhost") << "http://localhost:8080/v1" << true;
    QTest::newRow("http 127.0.0.1") << "http://127.0.0.1:1/" << true;
    QTest::newRow("http 127.1.2.3") << "http://127.1.2.3/" << true;
    QTest::newRow("http ::1") << "http://[::1]:8080/" << true;
    QTest::newRow("http remote") << "http://example.com/" << false;
    QTest::newRow("http 10.0.0.1") << "http://10.0.0.1/" << false;
    QTest::newRow("http localhost lookalike") << "http://localhost.example.com/" << false;
    QTest::newRow("http loopback lookalike") << "http://127.0.0.1.nip.io/" << false;
    QTest::newRow("ftp") << "ftp://127.0.0.1/" << false;
    QTest::newRow("empty") << "" << false;
    QTest::newRow("no scheme") << "api.hibob.com" << false;
    QTest::newRow("garbage") << "http://exa mple.com:99999/" << false;
}

void TestRequestJob::checkUrl_givenUrl_acceptsOrRejects()
{
    QFETCH(QString, url);
    QFETCH(bool, accepted);
    const ApiError error = HttpClient::checkUrl(QUrl(url), QStringLiteral("Bob"));
    QCOMPARE(!error.isError(), accepted);
    if (!accepted) {
        QCOMPARE(error.kind, ApiError::Kind::InvalidUrl);
        QCOMPARE(error.server, QStringLiteral("Bob"));
        QVERIFY2(error.message.contains(QStringLiteral("Bob")), qPrintable(error.message));
        QVERIFY(!error.retryable);
    }
}

void TestRequestJob::checkUrl_withUserInfo_neverShowsPassword()
{
    const ApiError error
        = HttpClient::checkUrl(QUrl(QStringLiteral("http://svc:s3cretpw@example.com/hire")), QStringLiteral("Bob"));
    QCOMPARE(error.kind, ApiError::Kind::InvalidUrl);
    QVERIFY2(error.message.contains(QStringLiteral("http://example.com/hire")), qPrintable(error.message));
    QVERIFY(!error.message.contains(QStringLiteral("s3cretpw")));
    QVERIFY(!error.message.contains(QStringLiteral("svc")));
}

void TestRequestJob::backoffMs_withoutJitter_doublesUpToCap()
{
    RetryPolicy policy;
    policy.jitter = false;
    QCOMPARE(policy.backoffMs(2), 500);
    QCOMPARE(policy.backoffMs(3), 1000);
    QCOMPARE(policy.backoffMs(4), 2000);
    QCOMPARE(policy.backoffMs(6), 8000);
    QCOMPARE(policy.backoffMs(40), 8000);
    QCOMPARE(policy.maxAttempts, 6);
    QCOMPARE(policy.maxRetryAfterMs, 60000);
}

void TestRequestJob::backoffMs_withJitter_staysBetweenHalfAndFull()
{
    RetryPolicy policy; // jitter on by default
    for (int i = 0; i < 200; ++i) {
        const int delay = policy.backoffMs(3);
        QVERIFY2(delay >= 500 && delay <= 1000, qPrintable(QString::number(delay)));
    }
}

void TestRequestJob::hintDelayMs_givenHeaders_returnsDelay_data()
{
    const QDateTime now = QDateTime(QDate(2024, 5, 6), QTime(10, 0, 0), QTimeZone::utc());
    const qint64 nowSecs = now.toSecsSinceEpoch();

    QTest::addColumn<QDateTime>("now");
    QTest::addColumn<QByteArray>("retryAfter");
    QTest::addColumn<QByteArray>("reset");
    QTest::addColumn<int>("expected");
    QTest::newRow("none") << now << QByteArray() << QByteArray() << -1;
    QTest::newRow("retry-after seconds") << now << QByteArray("2") << QByteArray() << 2000;
    QTest::newRow("retry-after zero") << now << QByteArray("0") << QByteArray() << 0;
    QTest::newRow("retry-after http date")
        << now << QByteArray("Mon, 06 May 2024 10:00:05 GMT") << QByteArray() << 5000;
    QTest::newRow("retry-after rfc850 date")
        << now << QByteArray("Monday, 06-May-24 10:00:03 GMT") << QByteArray() << 3000;
    QTest::newRow("retry-after asctime date") << now << QByteArray("Mon May  6 10:00:04 2024") << QByteArray() << 4000;
    QTest::newRow("retry-after past date") << now << QByteArray("Mon, 06 May 2024 09:00:00 GMT") << QByteArray() << -1;
    QTest::newRow("retry-after garbage") << now << QByteArray("soon") << QByteArray() << -1;
    QTest::newRow("retry-after above max") << now << QByteArray("3600") << QByteArray() << 60000;
    QTest::newRow("reset epoch seconds") << now << QByteArray() << QByteArray::number(nowSecs + 7) << 7000;
    QTest::newRow("reset epoch milliseconds")
        << now << QByteArray() << QByteArray::number(now.toMSecsSinceEpoch() + 1500) << 1500;
    QTest::newRow("reset as seconds from now") << now << QByteArray() << QByteArray("30") << 30000;
    QTest::newRow("reset in the past") << now << QByteArray() << QByteArray::number(nowSecs - 10) << -1;
    QTest::newRow("reset far away") << now << QByteArray() << QByteArray::number(nowSecs + 86400) << 60000;
    QTest::newRow("retry-after wins") << now << QByteArray("1") << QByteArray::number(nowSecs + 30) << 1000;
}

void TestRequestJob::serverWaitMs_givenStatusAndHeaders_appliesDesignRule_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("retryAfter");
    QTest::addColumn<QByteArray>("remaining");
    QTest::addColumn<QByteArray>("reset");
    QTest::addColumn<int>("expected");
    const QByteArray inAMinute = "1700000060"; // `now` below is 1700000000
    QTest::newRow("503, limit to spare: own backoff") << 503 << QByteArray() << QByteArray("49") << inAMinute << -1;
    QTest::newRow("502, limit to spare: own backoff") << 502 << QByteArray() << QByteArray("49") << inAMinute << -1;
    QTest::newRow("500, no remaining header") << 500 << QByteArray() << QByteArray() << inAMinute << -1;
    QTest::newRow("429: reset") << 429 << QByteArray() << QByteArray("0") << inAMinute << 60000;
    QTest::newRow("429 without remaining: reset") << 429 << QByteArray() << QByteArray() << inAMinute << 60000;
    QTest::newRow("503, limit spent: reset") << 503 << QByteArray() << QByteArray("0") << inAMinute << 60000;
    QTest::newRow("503 Retry-After") << 503 << QByteArray("2") << QByteArray("49") << inAMinute << 2000;
    QTest::newRow("429 Retry-After wins") << 429 << QByteArray("3") << QByteArray("0") << inAMinute << 3000;
    QTest::newRow("502 Retry-After ignored") << 502 << QByteArray("30") << QByteArray() << QByteArray() << -1;
    QTest::newRow("500 Retry-After ignored") << 500 << QByteArray("30") << QByteArray("0") << QByteArray() << -1;
}

void TestRequestJob::serverWaitMs_givenStatusAndHeaders_appliesDesignRule()
{
    QFETCH(int, status);
    QFETCH(QByteArray, retryAfter);
    QFETCH(QByteArray, remaining);
    QFETCH(QByteArray, reset);
    QFETCH(int, expected);
    const QDateTime now = QDateTime::fromSecsSinceEpoch(1700000000, QTimeZone::utc());
    QCOMPARE(RequestJob::serverWaitMs(status, retryAfter, remaining, reset, now, 60000), expected);
}

void TestRequestJob::hintDelayMs_hugeReset_isIgnoredWithoutOverflow()
{
    const QDateTime now = QDateTime::fromSecsSinceEpoch(1700000000, QTimeZone::utc());
    for (const QByteArray& reset : {QByteArray("1e300"), QByteArray("9999999999999999999999"), QByteArray("1e16")}) {
        QCOMPARE(RequestJob::hintDelayMs(QByteArray(), reset, now, 60000), -1);
    }
}

void TestRequestJob::hintDelayMs_givenHeaders_returnsDelay()
{
    QFETCH(QDateTime, now);
    QFETCH(QByteArray, retryAfter);
    QFETCH(QByteArray, reset);
    QFETCH(int, expected);
    QCOMPARE(RequestJob::hintDelayMs(retryAfter, reset, now, 60000), expected);
}

// ---- Against a local server --------------------------------------------------------------------------------------

void TestRequestJob::send_ok_finishesWithResponse()
{
    m_server->route("/v1/people/search", [](const RawRequest&) {
        return RawReply::ok(R"({"employees":[]})").header("Content-Type", "application/json").header("X-Thing", "a");
    });
    JobWatch w(m_client->send(makeRequest(m_server->url(QStringLiteral("/v1/people/search")))));
    WAIT_DONE(w);

    QCOMPARE(w.finished.count(), 1);
    const HttpResponse response = w.response();
    QCOMPARE(response.status, 200);
    QCOMPARE(response.body, QByteArray(R"({"employees":[]})"));
    QCOMPARE(response.attempts, 1);
    QCOMPARE(response.header("x-thing"), QByteArray("a"));
    QCOMPARE(response.header("content-type"), QByteArray("application/json"));
    QCOMPARE(m_client->requestCount(), 1);

    QCOMPARE(m_server->totalRequests(), 1);
    const RawRequest received = m_server->requests().first();
    QCOMPARE(received.method, QByteArray("POST"));
    QCOMPARE(received.body, QByteArray(R"({"q":1})"));
    QCOMPARE(received.headers.value("accept"), QByteArray("application/json"));
    QCOMPARE(received.headers.value("content-type"), QByteArray("application/json"));
}

void TestRequestJob::send_method_isSentAsGiven_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("hasContentType");
    QTest::newRow("GET") << QByteArray("GET") << QByteArray() << false;
    QTest::newRow("PUT") << QByteArray("PUT") << QByteArray("{}") << true;
    QTest::newRow("PATCH") << QByteArray("PATCH") << QByteArray("{}") << true;
    QTest::newRow("DELETE") << QByteArray("DELETE") << QByteArray() << false;
    QTest::newRow("POST empty") << QByteArray("POST") << QByteArray() << true;
}

void TestRequestJob::send_method_isSentAsGiven()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, body);
    QFETCH(bool, hasContentType);
    m_server->route("/m", [](const RawRequest&) { return RawReply::ok(); });
    HttpRequest request = makeRequest(m_server->url(QStringLiteral("/m")));
    request.method = method;
    request.body = body;
    JobWatch w(m_client->send(request));
    WAIT_DONE(w);
    QCOMPARE(w.finished.count(), 1);
    QCOMPARE(m_server->requests().first().method, method);
    QCOMPARE(m_server->requests().first().headers.contains("content-type"), hasContentType);
}

void TestRequestJob::send_customAccept_isKept()
{
    m_server->route("/a", [](const RawRequest&) { return RawReply::ok(); });
    HttpRequest request = makeRequest(m_server->url(QStringLiteral("/a")));
    request.headers = {{"Accept", "application/json; version=1"}, {"Authorization", "Basic dGVzdDo="}};
    JobWatch w(m_client->send(request));
    WAIT_DONE(w);
    const RawRequest received = m_server->requests().first();
    QCOMPARE(received.headers.value("accept"), QByteArray("application/json; version=1"));
    QCOMPARE(received.headers.value("authorization"), QByteArray("Basic dGVzdDo="));
}

void TestRequestJob::send_serverErrorTwice_retriesAndSucceeds()
{
    m_server->route("/flaky", [](const RawRequest& r) {
        return r.hit < 2 ? RawReply::withStatus(500, "oops") : RawReply::ok(R"({"ok":true})");
    });
    JobWatch w(m_client->send(makeRequest(m_server->url(QStringLiteral("/flaky")))));
    WAIT_DONE(w);
    QCOMPARE(w.finished.count(), 1);
    QCOMPARE(w.response().attempts, 3);
    QCOMPARE(m_server->hits("/flaky"), 3);
    QCOMPARE(m_client->requestCount(), 3);
}

void TestRequestJob::send_createGets503_isRetried()
{
    m_server->route("/create", [](const RawRequest& r) {
        return r.hit < 2 ? RawReply::withStatus(503, "busy") : RawReply::ok(R"({"id":"1"})");
    });
    // A 503 says the server did not handle it: a create may go again.
    JobWatch w(m_client->send(makeRequest(m_server->url(QStringLiteral("/create")), false)));
    WAIT_DONE(w);
    QCOMPARE(w.finished.count(), 1);
    QCOMPARE(m_server->hits("/create"), 3);
}

void TestRequestJob::send_createGetsAmbiguous5xx_failsOnceAmbiguous_data()
{
    QTest::addColumn<int>("status");
    QTest::newRow("500") << 500;
    QTest::newRow("502 gateway") << 502;
    QTest::newRow("504 gateway timeout") << 504;
}

void TestRequestJob::send_createGetsAmbiguous5xx_failsOnceAmbiguous()
{
    QFETCH(int, status);
    // The gateway answers after the work was done: sending again would create a second employee.
    m_server->route("/create", [&](const RawRequest&) { return RawReply::withStatus(status, "Bad Gateway"); });
    JobWatch w(m_client->send(makeRequest(m_server->url(QStringLiteral("/create")), false)));
    WAIT_DONE(w);
    QCOMPARE(w.failed.count(), 1);
    QCOMPARE(w.error().kind, ApiError::Kind::Server);
    QCOMPARE(w.error().httpStatus, status);
    QVERIFY(w.error().ambiguous);
    QVERIFY(w.error().retryable);
    QCOMPARE(m_server->hits("/create"), 1);

    // The same answer to a read is retried as before, and never called ambiguous.
    m_server->route("/read", [&](const RawRequest&) { return RawReply::withStatus(status); });
    JobWatch read(m_client->send(makeRequest(m_server->url(QStringLiteral("/read")))));
    WAIT_DONE(read);
    QCOMPARE(m_server->hits("/read"), 6);
    QVERIFY(!read.error().ambiguous);
}

void TestRequestJob::send_createTimesOut_failsAmbiguous()
{
    m_server->route("/create", [](const RawRequest&) { return RawReply::hang(); });
    HttpRequest request = makeRequest(m_server->url(QStringLiteral("/create")), false);
    request.timeoutMs = 200;
    JobWatch w(m_client->send(request));
    WAIT_DONE(w);
    QCOMPARE(w.error().kind, ApiError::Kind::Timeout);
    QVERIFY(w.error().ambiguous);
    QCOMPARE(m_server->hits("/create"), 1);
}

void TestRequestJob::send_createConnectionRefused_isNotAmbiguous()
{
    QUrl url(QStringLiteral("http://127.0.0.1/create"));
    url.setPort(closedPort());
    JobWatch w(m_client->send(makeRequest(url, false)));
    WAIT_DONE(w);
    QCOMPARE(w.error().kind, ApiError::Kind::Network);
    QVERIFY(!w.error().ambiguous); // nothing reached a server
}

void TestRequestJob::send_503WithRateLimitHeadersToSpare_usesOwnBackoff()
{
    // Bob's headers on every answer: 49 requests left, the window refills in a minute. A 503 is not a rate limit, so
    // the retry comes after our short backoff, not after the reset.
    m_server->route("/flaky", [](const RawRequest& r) {
        const QByteArray reset = QByteArray::number(QDateTime::currentSecsSinceEpoch() + 60);
        RawReply reply = r.hit == 0 ? RawReply::withStatus(503) : RawReply::ok();
        return reply.header("X-RateLimit-Limit", "50")
            .header("X-RateLimit-Remaining", "49")
            .header("X-RateLimit-Reset", reset);
    });
    QElapsedTimer clock;
    clock.start();
    JobWatch w(m_client->send(makeRequest(m_server->url(QStringLiteral("/flaky")))));
    WAIT_DONE(w);
    QCOMPARE(w.finished.count(), 1);
    QVERIFY2(clock.elapsed() < 2000, qPrintable(QString::number(clock.elapsed())));
}

void TestRequestJob::send_rateLimited_holdsThatEndpointOnly()
{
    RawHttpServer other;
    QVERIFY(other.listen());
    other.route("/ok", [](const RawRequest&) { return RawReply::ok(); });
    m_server->route("/ok", [](const RawRequest&) { return RawReply::ok(); });
    QElapsedTimer clock;
    QList<qint64> hitsAt;
    m_server->route("/limited", [&](const RawRequest& r) {
        if (r.hit == 0) {
            clock.start();
            return RawReply::withStatus(429).header("Retry-After", "1");
        }
        hitsAt << clock.elapsed();
        return RawReply::ok();
    });
    JobWatch limited(m_client->send(makeRequest(m_server->url(QStringLiteral("/limited")))));
    QTRY_COMPARE_WITH_TIMEOUT(m_server->hits("/limited"), 1, kWaitMs);
    QTest::qWait(50); // the 429 has been read
    // Another request to the limited endpoint waits for the limit as well; other endpoints and hosts do not.
    JobWatch sameEndpoint(m_client->send(makeRequest(m_server->url(QStringLiteral("/limited")))));
    JobWatch otherEndpoint(m_client->send(makeRequest(m_server->url(QStringLiteral("/ok")))));
    JobWatch otherHost(m_client->send(makeRequest(other.url(QStringLiteral("/ok")))));
    QTRY_VERIFY_WITH_TIMEOUT(otherHost.done() && otherEndpoint.done(), 500);
    QVERIFY(!sameEndpoint.done());
    WAIT_DONE(sameEndpoint);
    WAIT_DONE(limited);
    QCOMPARE(hitsAt.size(), 2);
    QVERIFY2(hitsAt.first() >= 900, qPrintable(QString::number(hitsAt.first())));
}

void TestRequestJob::send_rateLimitedWithRetryAfter_waitsAtLeastThatLong()
{
    QElapsedTimer sinceFirst;
    qint64 gapMs = -1;
    m_server->route("/limited", [&](const RawRequest& r) {
        if (r.hit == 0) {
            sinceFirst.start();
            return RawReply::withStatus(429, R"({"key":"rate","error":"slow down"})").header("Retry-After", "1");
        }
        gapMs = sinceFirst.elapsed();
        return RawReply::ok();
    });
    JobWatch w(m_client->send(makeRequest(m_server->url(QStringLiteral("/limited")))));
    WAIT_DONE(w);
    QCOMPARE(w.finished.count(), 1);
    QCOMPARE(m_server->hits("/limited"), 2);
    QVERIFY2(gapMs >= 900, qPrintable(QString::number(gapMs)));
}

void TestRequestJob::send_rateLimitedWithRateLimitReset_waitsUntilReset()
{
    QElapsedTimer sinceFirst;
    qint64 gapMs = -1;
    m_server->route("/limited", [&](const RawRequest& r) {
        if (r.hit == 0) {
            sinceFirst.start();
            const qint64 resetMs = QDateTime::currentMSecsSinceEpoch() + 700; // above 10^12: milliseconds
            return RawReply::withStatus(429).header("X-RateLimit-Reset", QByteArray::number(resetMs));
        }
        gapMs = sinceFirst.elapsed();
        return RawReply::ok();
    });
    JobWatch w(m_client->send(makeRequest(m_server->url(QStringLiteral("/limited")))));
    WAIT_DONE(w);
    QCOMPARE(w.finished.count(), 1);
    QVERIFY2(gapMs >= 600, qPrintable(QString::number(gapMs))); // the computed backoff would be 5..10 ms
}

void TestRequestJob::send_retryAfterAboveMaximum_isClamped()
{
    RetryPolicy policy = fastPolicy();
    policy.maxRetryAfterMs = 100;
    m_client->setRetryPolicy(policy);
    m_server->route("/limited", [](const RawRequest& r) {
        return r.hit == 0 ? RawReply::withStatus(503).header("Retry-After", "3600") : RawReply::ok();
    });
    QElapsedTimer clock;
    clock.start();
    JobWatch w(m_client->send(makeRequest(m_server->url(QStringLiteral("/limited")))));
    WAIT_DONE(w);
    QCOMPARE(w.finished.count(), 1);
    QVERIFY(clock.elapsed() >= 90);
    QVERIFY(clock.elapsed() < kWaitMs);
}

void TestRequestJob::send_clientError_failsWithoutRetry_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<ApiError::Kind>("kind");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("code");

    QTest::newRow("400 bob body") << 400
                                  << QByteArray(
                                         R"({"key":"validations.email.alreadyExists","error":"Email already exists"})")
                                  << ApiError::Kind::Http << "Email already exists"
                                  << "validations.email.alreadyExists";
    QTest::newRow("401 empty body") << 401 << QByteArray() << ApiError::Kind::Unauthorized << "credentials refused"
                                    << "";
    QTest::newRow("403 ashby body")
        << 403 << QByteArray(R"({"success":false,"errorInfo":{"code":"missing_endpoint_permission","message":"nope"}})")
        << ApiError::Kind::Unauthorized << "permission missing: nope"
        << "missing_endpoint_permission";
    QTest::newRow("404 html body") << 404 << QByteArray("<html><head><title>Not here</title></head><body/></html>")
                                   << ApiError::Kind::Http << "Not here"
                                   << "";
    QTest::newRow("409 plain text") << 409 << QByteArray("conflict happened") << ApiError::Kind::Http
                                    << "conflict happened"
                                    << "";
    QTest::newRow("422 not json") << 422 << QByteArray("{broken") << ApiError::Kind::Http << "Status"
                                  << "";
}

void TestRequestJob::send_clientError_failsWithoutRetry()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(ApiError::Kind, kind);
    QFETCH(QString, message);
    QFETCH(QString, code);
    m_server->route("/e", [&](const RawRequest&) { return RawReply::withStatus(status, body); });
    JobWatch w(m_client->send(makeRequest(m_server->url(QStringLiteral("/e")))));
    WAIT_DONE(w);

    QCOMPARE(w.failed.count(), 1);
    const ApiError error = w.error();
    QCOMPARE(error.kind, kind);
    QCOMPARE(error.httpStatus, status);
    QCOMPARE(error.message, message);
    QCOMPARE(error.code, code);
    QCOMPARE(error.server, QStringLiteral("Bob"));
    QCOMPARE(error.context, QStringLiteral("people search"));
    QVERIFY(!error.retryable);
    QCOMPARE(m_server->hits("/e"), 1);
    QCOMPARE(m_client->requestCount(), 1);
}

void TestRequestJob::send_transientErrorAlways_stopsAtMaxAttempts_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<ApiError::Kind>("kind");
    QTest::newRow("503") << 503 << ApiError::Kind::Server;
    QTest::newRow("502 html") << 502 << ApiError::Kind::Server;
    QTest::newRow("429") << 429 << ApiError::Kind::RateLimited;
}

void TestRequestJob::send_transientErrorAlways_stopsAtMaxAttempts()
{
    QFETCH(int, status);
    QFETCH(ApiError::Kind, kind);
    RetryPolicy policy = fastPolicy();
    policy.maxAttempts = 4;
    m_client->setRetryPolicy(policy);
    m_server->route("/down",
        [&](const RawRequest&) { return RawReply::withStatus(status, "<html><title>Gateway trouble</title></html>"); });
    JobWatch w(m_client->send(makeRequest(m_server->url(QStringLiteral("/down")))));
    WAIT_DONE(w);
    QCOMPARE(w.failed.count(), 1);
    QCOMPARE(w.error().kind, kind);
    QCOMPARE(w.error().httpStatus, status);
    QVERIFY(w.error().retryable);
    QCOMPARE(m_server->hits("/down"), 4);
    QCOMPARE(m_client->requestCount(), 4);
}

void TestRequestJob::send_droppedConnection_retriedOnlyWhenIdempotent_data()
{
    QTest::addColumn<bool>("idempotent");
    QTest::newRow("idempotent") << true;
    QTest::newRow("not idempotent") << false;
}

void TestRequestJob::send_droppedConnection_retriedOnlyWhenIdempotent()
{
    QFETCH(bool, idempotent);
    m_server->route("/drop", [](const RawRequest& r) { return r.hit < 2 ? RawReply::drop() : RawReply::ok(); });
    JobWatch w(m_client->send(makeRequest(m_server->url(QStringLiteral("/drop")), idempotent)));
    WAIT_DONE(w);
    if (idempotent) {
        QCOMPARE(w.finished.count(), 1);
        QCOMPARE(w.response().attempts, m_client->requestCount());
        QVERIFY(m_client->requestCount() >= 2);
    } else {
        QCOMPARE(w.failed.count(), 1);
        QCOMPARE(w.error().kind, ApiError::Kind::Network);
        QVERIFY(w.error().retryable);
        QCOMPARE(m_client->requestCount(), 1);
        QCOMPARE(m_server->hits("/drop"), 1); // Qt's own silent resend is suppressed too
    }
}

void TestRequestJob::send_truncatedBody_failsNetworkWhenNotIdempotent()
{
    m_server->route("/cut", [](const RawRequest&) {
        RawReply reply = RawReply::ok(R"({"partial":)");
        reply.declaredLength = 1000;
        return reply;
    });
    JobWatch w(m_client->send(makeRequest(m_server->url(QStringLiteral("/cut")), false)));
    WAIT_DONE(w);
    QCOMPARE(w.failed.count(), 1);
    QCOMPARE(w.error().kind, ApiError::Kind::Network);
    QCOMPARE(m_client->requestCount(), 1);
    QCOMPARE(m_server->hits("/cut"), 1);
}

void TestRequestJob::send_connectionRefused_failsNetworkAfterRetries()
{
    RetryPolicy policy = fastPolicy();
    policy.maxAttempts = 3;
    m_client->setRetryPolicy(policy);
    QUrl url(QStringLiteral("http://127.0.0.1/refused"));
    url.setPort(closedPort());
    JobWatch w(m_client->send(makeRequest(url, true)));
    WAIT_DONE(w);
    QCOMPARE(w.failed.count(), 1);
    QCOMPARE(w.error().kind, ApiError::Kind::Network);
    QVERIFY(w.error().isConnectionOrAuth());
    QCOMPARE(m_client->requestCount(), 3);
}

void TestRequestJob::send_serverNeverAnswers_timesOut_data()
{
    QTest::addColumn<bool>("idempotent");
    QTest::addColumn<int>("expectedAttempts");
    QTest::newRow("idempotent") << true << 3;
    QTest::newRow("not idempotent") << false << 1;
}

void TestRequestJob::send_serverNeverAnswers_timesOut()
{
    QFETCH(bool, idempotent);
    QFETCH(int, expectedAttempts);
    RetryPolicy policy = fastPolicy();
    policy.maxAttempts = 3;
    m_client->setRetryPolicy(policy);
    m_server->route("/hang", [](const RawRequest&) { return RawReply::hang(); });
    HttpRequest request = makeRequest(m_server->url(QStringLiteral("/hang")), idempotent);
    request.timeoutMs = 200;
    JobWatch w(m_client->send(request));
    WAIT_DONE(w);
    QCOMPARE(w.failed.count(), 1);
    QCOMPARE(w.error().kind, ApiError::Kind::Timeout);
    QVERIFY(w.error().retryable);
    QCOMPARE(m_client->requestCount(), expectedAttempts);
    QTRY_COMPARE(m_server->hits("/hang"), expectedAttempts);
}

void TestRequestJob::send_bodyOverLimit_failsTooLarge_data()
{
    QTest::addColumn<bool>("declaresLength");
    QTest::newRow("content-length") << true;
    QTest::newRow("close delimited") << false;
}

void TestRequestJob::send_bodyOverLimit_failsTooLarge()
{
    QFETCH(bool, declaresLength);
    m_client->setMaxBodyBytes(1024);
    m_server->route("/big", [&](const RawRequest&) {
        RawReply reply = RawReply::ok(QByteArray(64 * 1024, 'x'));
        reply.omitContentLength = !declaresLength;
        return reply;
    });
    JobWatch w(m_client->send(makeRequest(m_server->url(QStringLiteral("/big")))));
    WAIT_DONE(w);
    QCOMPARE(w.failed.count(), 1);
    QCOMPARE(w.error().kind, ApiError::Kind::TooLarge);
    QVERIFY(!w.error().retryable);
    QCOMPARE(m_client->requestCount(), 1);
    QCOMPARE(m_server->hits("/big"), 1);
}

void TestRequestJob::send_httpsToPlainHttpPort_failsTlsWithoutRetry()
{
    if (!QSslSocket::supportsSsl()) {
        QSKIP("no TLS backend");
    }
    // The server answers the ClientHello with a plain-text HTTP 400, which the TLS layer reports as a handshake
    // failure (OpenSSL: "wrong version number").
    JobWatch w(m_client->send(makeRequest(m_server->url(QStringLiteral("/x"), QStringLiteral("https")))));
    WAIT_DONE(w);
    QCOMPARE(w.failed.count(), 1);
    QCOMPARE(w.error().kind, ApiError::Kind::Tls);
    QVERIFY(!w.error().retryable);
    QCOMPARE(m_client->requestCount(), 1);
    QCOMPARE(m_server->connections(), 1);
}

void TestRequestJob::send_plainHttpToRemoteHost_rejectedBeforeNetwork()
{
    JobWatch w(m_client->send(makeRequest(QUrl(QStringLiteral("http://example.com/v1/people")))));
    WAIT_DONE(w);
    QCOMPARE(w.failed.count(), 1);
    const ApiError error = w.error();
    QCOMPARE(error.kind, ApiError::Kind::InvalidUrl);
    QVERIFY2(error.message.contains(QStringLiteral("http://example.com/v1/people")), qPrintable(error.message));
    QVERIFY2(error.message.contains(QStringLiteral("Bob")), qPrintable(error.message));
    QVERIFY(!error.isConnectionOrAuth());
    QCOMPARE(m_client->requestCount(), 0);
}

void TestRequestJob::send_invalidUrl_rejected_data()
{
    QTest::addColumn<QUrl>("url");
    QTest::newRow("empty") << QUrl();
    QTest::newRow("relative") << QUrl(QStringLiteral("v1/people"));
    QTest::newRow("ftp") << QUrl(QStringLiteral("ftp://127.0.0.1/file"));
    QTest::newRow("bad port") << QUrl(QStringLiteral("http://127.0.0.1:99999/"));
}

void TestRequestJob::send_invalidUrl_rejected()
{
    QFETCH(QUrl, url);
    JobWatch w(m_client->send(makeRequest(url)));
    WAIT_DONE(w);
    QCOMPARE(w.failed.count(), 1);
    QCOMPARE(w.error().kind, ApiError::Kind::InvalidUrl);
    QCOMPARE(m_client->requestCount(), 0);
}

void TestRequestJob::send_perHostCap_neverExceeded()
{
    m_client->setMaxParallelPerHost(2);
    m_server->route("/slow", [](const RawRequest&) { return RawReply::ok().delayed(150); });
    std::vector<std::unique_ptr<JobWatch>> watches;
    for (int i = 0; i < 6; ++i) {
        watches.push_back(
            std::make_unique<JobWatch>(m_client->send(makeRequest(m_server->url(QStringLiteral("/slow"))))));
    }
    for (const auto& w : watches) {
        WAIT_DONE(*w);
        QCOMPARE(w->finished.count(), 1);
    }
    QCOMPARE(m_server->hits("/slow"), 6);
    QCOMPARE(m_server->maxConcurrent(), 2);
}

void TestRequestJob::send_jobWaitingForRetry_doesNotHoldSlot()
{
    m_client->setMaxParallelPerHost(1);
    RetryPolicy policy = fastPolicy();
    policy.baseDelayMs = 400;
    policy.maxDelayMs = 400;
    policy.jitter = false;
    m_client->setRetryPolicy(policy);
    m_server->route(
        "/flaky", [](const RawRequest& r) { return r.hit == 0 ? RawReply::withStatus(503) : RawReply::ok(); });
    m_server->route("/ok", [](const RawRequest&) { return RawReply::ok(); });

    JobWatch flaky(m_client->send(makeRequest(m_server->url(QStringLiteral("/flaky")))));
    QTRY_COMPARE_WITH_TIMEOUT(m_server->hits("/flaky"), 1, kWaitMs);
    JobWatch other(m_client->send(makeRequest(m_server->url(QStringLiteral("/ok")))));
    // The other job runs while the first waits 400 ms for its retry.
    QTRY_VERIFY_WITH_TIMEOUT(other.done(), 300);
    QVERIFY(!flaky.done());
    WAIT_DONE(flaky);
    QCOMPARE(flaky.finished.count(), 1);
    QCOMPARE(flaky.response().attempts, 2);
}

void TestRequestJob::send_manyMixedRequests_eachEmitsExactlyOneSignal()
{
    m_client->setMaxParallelPerHost(3);
    RetryPolicy policy = fastPolicy();
    policy.maxAttempts = 3;
    m_client->setRetryPolicy(policy);
    m_server->route("/ok", [](const RawRequest&) { return RawReply::ok(); });
    m_server->route("/500", [](const RawRequest&) { return RawReply::withStatus(500); });
    m_server->route("/400", [](const RawRequest&) { return RawReply::withStatus(400); });
    m_server->route("/drop", [](const RawRequest&) { return RawReply::drop(); });
    m_server->route("/hang", [](const RawRequest&) { return RawReply::hang(); });

    const QList<QString> paths {QStringLiteral("/ok"), QStringLiteral("/500"), QStringLiteral("/400"),
        QStringLiteral("/drop"), QStringLiteral("/hang")};
    std::vector<std::unique_ptr<JobWatch>> watches;
    for (int i = 0; i < 20; ++i) {
        HttpRequest request = makeRequest(m_server->url(paths.at(i % paths.size())), i % 2 == 0);
        request.timeoutMs = 150;
        watches.push_back(std::make_unique<JobWatch>(m_client->send(request)));
    }
    watches.at(7)->job->abort(); // one cancelled while queued or running
    for (const auto& w : watches) {
        WAIT_DONE(*w);
    }
    QCOMPARE(watches.at(0)->finished.count(), 1);
    QCOMPARE(watches.at(7)->error().kind, ApiError::Kind::Cancelled);
}

void TestRequestJob::send_attempt_isLoggedWithoutSecrets()
{
    auto& category = const_cast<QLoggingCategory&>(lcHttp());
    const bool wasEnabled = category.isDebugEnabled();
    category.setEnabled(QtDebugMsg, true);
    g_captured.clear();
    g_previousHandler = qInstallMessageHandler(captureHandler);

    m_server->route("/people", [](const RawRequest&) { return RawReply::ok(); });
    QUrl url = m_server->url(QStringLiteral("/people"));
    url.setUserName(QStringLiteral("svcuser"));
    url.setPassword(QStringLiteral("hunter2pw"));
    HttpRequest request = makeRequest(url);
    request.headers = {{"Authorization", "Bearer abc.def.ghi"}};
    JobWatch w(m_client->send(request));
    WAIT_DONE(w);

    qInstallMessageHandler(g_previousHandler);
    category.setEnabled(QtDebugMsg, wasEnabled);

    const QString all = g_captured.join(QLatin1Char('\n'));
    QVERIFY2(all.contains(QStringLiteral("POST")), qPrintable(all));
    QVERIFY2(all.contains(QStringLiteral("http://127.0.0.1:%1/people").arg(m_server->port())), qPrintable(all));
    QVERIFY2(all.contains(QStringLiteral("-> 200")), qPrintable(all));
    QVERIFY2(all.contains(QStringLiteral("attempt 1")), qPrintable(all));
    QVERIFY(!all.contains(QStringLiteral("hunter2pw")));
    QVERIFY(!all.contains(QStringLiteral("svcuser")));
    QVERIFY(!all.contains(QStringLiteral("abc.def.ghi")));
}

// ---- abort -------------------------------------------------------------------------------------------------------

void TestRequestJob::abort_runningJob_failsCancelledOnce()
{
    m_server->route("/hang", [](const RawRequest&) { return RawReply::hang(); });
    JobWatch w(m_client->send(makeRequest(m_server->url(QStringLiteral("/hang")))));
    QTRY_COMPARE_WITH_TIMEOUT(m_server->hits("/hang"), 1, kWaitMs);
    w.job->abort();
    QCOMPARE(w.failed.count(), 1); // synchronously
    w.job->abort(); // a second abort before the job is gone does nothing
    WAIT_DONE(w);
    QCOMPARE(w.error().kind, ApiError::Kind::Cancelled);
    QVERIFY(!w.error().retryable);
    QCOMPARE(m_client->requestCount(), 1);
}

void TestRequestJob::abort_queuedJob_failsCancelledAndFreesQueue()
{
    m_client->setMaxParallelPerHost(1);
    m_server->route("/slow", [](const RawRequest&) { return RawReply::ok().delayed(100); });
    JobWatch first(m_client->send(makeRequest(m_server->url(QStringLiteral("/slow")))));
    JobWatch queued(m_client->send(makeRequest(m_server->url(QStringLiteral("/slow")))));
    JobWatch third(m_client->send(makeRequest(m_server->url(QStringLiteral("/slow")))));
    QTRY_COMPARE_WITH_TIMEOUT(m_server->hits("/slow"), 1, kWaitMs);
    queued.job->abort();
    WAIT_DONE(queued);
    QCOMPARE(queued.error().kind, ApiError::Kind::Cancelled);
    WAIT_DONE(first);
    WAIT_DONE(third);
    QCOMPARE(third.finished.count(), 1);
    QCOMPARE(m_server->hits("/slow"), 2);
}

void TestRequestJob::abort_duringRetryWait_failsCancelledOnce()
{
    RetryPolicy policy = fastPolicy();
    policy.baseDelayMs = 5000;
    policy.maxDelayMs = 5000;
    m_client->setRetryPolicy(policy);
    m_server->route("/503", [](const RawRequest&) { return RawReply::withStatus(503); });
    JobWatch w(m_client->send(makeRequest(m_server->url(QStringLiteral("/503")))));
    QTRY_COMPARE_WITH_TIMEOUT(m_server->hits("/503"), 1, kWaitMs);
    QTest::qWait(50); // the reply is handled and the retry timer runs
    QVERIFY(!w.done());
    w.job->abort();
    WAIT_DONE(w);
    QCOMPARE(w.error().kind, ApiError::Kind::Cancelled);
    QCOMPARE(m_server->hits("/503"), 1);
}

void TestRequestJob::abort_afterFinished_emitsNothingMore()
{
    m_server->route("/ok", [](const RawRequest&) { return RawReply::ok(); });
    RequestJob* job = m_client->send(makeRequest(m_server->url(QStringLiteral("/ok"))));
    JobWatch w(job);
    bool abortedInSlot = false;
    connect(job, &RequestJob::finished, this, [&, job] {
        job->abort(); // still alive: deleteLater has not run yet
        abortedInSlot = true;
    });
    WAIT_DONE(w);
    QVERIFY(abortedInSlot);
    QCOMPARE(w.finished.count(), 1);
    QCOMPARE(w.failed.count(), 0);
}

// ---- lifetimes ---------------------------------------------------------------------------------------------------

void TestRequestJob::destroyClient_whileRunning_jobStillFinishes()
{
    m_server->route("/slow", [](const RawRequest&) { return RawReply::ok().delayed(100); });
    JobWatch w(m_client->send(makeRequest(m_server->url(QStringLiteral("/slow")))));
    QTRY_COMPARE_WITH_TIMEOUT(m_server->hits("/slow"), 1, kWaitMs);
    m_client.reset();
    WAIT_DONE(w);
    QCOMPARE(w.finished.count(), 1);
}

void TestRequestJob::destroyClient_withQueuedJob_jobFailsCancelled()
{
    m_client->setMaxParallelPerHost(1);
    m_server->route("/slow", [](const RawRequest&) { return RawReply::ok().delayed(100); });
    JobWatch running(m_client->send(makeRequest(m_server->url(QStringLiteral("/slow")))));
    JobWatch queued(m_client->send(makeRequest(m_server->url(QStringLiteral("/slow")))));
    QTRY_COMPARE_WITH_TIMEOUT(m_server->hits("/slow"), 1, kWaitMs);
    m_client.reset();
    QCOMPARE(queued.signalCount(), 0); // never from inside the destructor
    WAIT_DONE(queued);
    QCOMPARE(queued.error().kind, ApiError::Kind::Cancelled);
    WAIT_DONE(running);
    QCOMPARE(running.finished.count(), 1);
}

void TestRequestJob::destroyNam_whileRunning_jobFailsOnce()
{
    m_server->route("/hang", [](const RawRequest&) { return RawReply::hang(); });
    JobWatch w(m_client->send(makeRequest(m_server->url(QStringLiteral("/hang")))));
    QTRY_COMPARE_WITH_TIMEOUT(m_server->hits("/hang"), 1, kWaitMs);
    m_nam.reset();
    WAIT_DONE(w);
    QCOMPARE(w.failed.count(), 1);
    QCOMPARE(w.error().kind, ApiError::Kind::Network);

    // The client outlives its manager: later requests fail cleanly instead of crashing.
    JobWatch later(m_client->send(makeRequest(m_server->url(QStringLiteral("/hang")))));
    WAIT_DONE(later);
    QCOMPARE(later.error().kind, ApiError::Kind::Network);
}

QTEST_GUILESS_MAIN(TestRequestJob)
#include "test_requestjob.moc"
