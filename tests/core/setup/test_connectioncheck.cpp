#include "SandboxProcess.h"
#include "hris/bob/BobClient.h"
#include "http/HttpClient.h"
#include "setup/ConnectionCheck.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

// Checks against the sandbox: the full key, a key lacking "Offers: read" (apiKey.info lists its scopes), a key that
// cannot even call apiKey.info (probing), refused credentials, bad URLs, a slow server; and that a Bob check never
// posts to the Hire URL.
class TestConnectionCheck : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();

    void permissionName_scopeSpellings_mapToAdminNames();
    void ashby_fullKey_okWithTitle();
    void ashby_limitedKey_namesMissingOffersPermission();
    void ashby_keyWithoutApiKeysRead_probesModules();
    void ashby_wrongKey_refused();
    void ashby_emptyKey_askedFor();
    void ashby_plainHttpToRemoteHost_invalidUrl();
    void ashby_unreachable_networkMessage();
    void ashby_slowServer_timesOut();
    void ashby_newCheck_replacesRunningOne();
    void bob_valid_okWithEmployees_andNothingPosted();
    void bob_wrongToken_refusedMessage();
    void bob_malformedToken_data();
    void bob_malformedToken();
    void bob_limitedServiceUser_noDuplicateCheckConsequence();
    void bob_hireUrl_data();
    void bob_hireUrl();
    void bob_directModeWithoutHireUrl_ok();

private:
    AshbyConfig ashbyConfig(const QString& key) const;
    BobConfig bobConfig() const;
    ConnectionCheck::AshbyResult runAshby(const AshbyConfig& config, int timeoutMs = 20000);
    ConnectionCheck::BobResult runBob(const BobConfig& config);

    SandboxProcess m_sandbox;
    QNetworkAccessManager m_nam;
    std::unique_ptr<HttpClient> m_http;
};

void TestConnectionCheck::initTestCase()
{
    QString error;
    QVERIFY2(m_sandbox.start({}, &error), qPrintable(error));
    m_http = std::make_unique<HttpClient>(&m_nam);
}

void TestConnectionCheck::cleanupTestCase()
{
    m_http.reset();
    m_sandbox.stop();
}

void TestConnectionCheck::init()
{
    m_sandbox.post(QStringLiteral("/faults/reset"));
}

AshbyConfig TestConnectionCheck::ashbyConfig(const QString& key) const
{
    AshbyConfig c;
    c.baseUrl = QUrl(m_sandbox.value("ashby"));
    c.apiKey = key;
    return c;
}

BobConfig TestConnectionCheck::bobConfig() const
{
    BobConfig c;
    c.apiUrl = QUrl(m_sandbox.value("bob"));
    c.hireUrl = QUrl(m_sandbox.value("bobHireUrl"));
    c.serviceUserId = m_sandbox.value("bobServiceUserId");
    c.token = m_sandbox.value("bobToken");
    return c;
}

ConnectionCheck::AshbyResult TestConnectionCheck::runAshby(const AshbyConfig& config, int timeoutMs)
{
    ConnectionCheck check(m_http.get());
    check.setTimeoutMs(timeoutMs);
    QSignalSpy spy(&check, &ConnectionCheck::ashbyChecked);
    check.checkAshby(config);
    // Never synchronous: the page has to show "checking" first.
    if (spy.count() != 0) {
        qWarning("ashbyChecked emitted synchronously");
        return {};
    }
    if (!spy.wait(timeoutMs + 5000)) {
        qWarning("no ashbyChecked");
        return {};
    }
    return spy.at(0).at(0).value<ConnectionCheck::AshbyResult>();
}

ConnectionCheck::BobResult TestConnectionCheck::runBob(const BobConfig& config)
{
    ConnectionCheck check(m_http.get());
    QSignalSpy spy(&check, &ConnectionCheck::bobChecked);
    check.checkBob(config);
    if (spy.count() != 0 || !spy.wait(25000)) {
        qWarning("bobChecked not emitted exactly once, asynchronously");
        return {};
    }
    return spy.at(0).at(0).value<ConnectionCheck::BobResult>();
}

void TestConnectionCheck::permissionName_scopeSpellings_mapToAdminNames()
{
    QCOMPARE(ConnectionCheck::permissionName(QStringLiteral("offers:read")), QStringLiteral("Offers: read"));
    QCOMPARE(ConnectionCheck::permissionName(QStringLiteral("offersRead")), QStringLiteral("Offers: read"));
    QCOMPARE(ConnectionCheck::permissionName(QStringLiteral("hiringProcessMetadata:read")),
        QStringLiteral("Hiring Process Metadata: read"));
    QCOMPARE(ConnectionCheck::permissionName(QStringLiteral("somethingNew:read")), QStringLiteral("somethingNew:read"));
    QCOMPARE(ConnectionCheck::requiredPermissionNames(),
        QStringList({QStringLiteral("Candidates: read"), QStringLiteral("Jobs: read"), QStringLiteral("Offers: read"),
            QStringLiteral("Organization: read"), QStringLiteral("Hiring Process Metadata: read")}));
}

void TestConnectionCheck::ashby_fullKey_okWithTitle()
{
    const auto r = runAshby(ashbyConfig(m_sandbox.value("ashbyApiKey")));
    QVERIFY2(r.ok(), qPrintable(r.message));
    QCOMPARE(r.keyTitle, QStringLiteral("Hirebridge sandbox key"));
    QVERIFY(r.grantedScopes.contains(QStringLiteral("offers:read")));
    QVERIFY(!r.probed);
    QVERIFY(r.message.isEmpty());
}

void TestConnectionCheck::ashby_limitedKey_namesMissingOffersPermission()
{
    const QString key = m_sandbox.value("ashbyLimitedApiKey");
    QVERIFY(!key.isEmpty());
    const auto r = runAshby(ashbyConfig(key));
    QVERIFY(!r.ok());
    QVERIFY(!r.error.isError());
    QCOMPARE(r.missingPermissions, QStringList {QStringLiteral("Offers: read")});
    QVERIFY2(r.message.contains(QStringLiteral("Offers: read")), qPrintable(r.message));
    QVERIFY(!r.probed);
}

void TestConnectionCheck::ashby_keyWithoutApiKeysRead_probesModules()
{
    const QString key = m_sandbox.value("ashbyNoInfoApiKey");
    QVERIFY(!key.isEmpty());
    m_sandbox.post(QStringLiteral("/reset-log"));
    const auto r = runAshby(ashbyConfig(key));
    QVERIFY(r.probed);
    QVERIFY2(!r.error.isError(), qPrintable(r.error.toString()));
    QCOMPARE(r.missingPermissions, QStringList {QStringLiteral("Offers: read")});
    QCOMPARE(r.grantedScopes.size(), 4);
    // One apiKey.info, then exactly one cheap call per module.
    const QJsonArray log = m_sandbox.requests();
    QStringList paths;
    for (const auto& entry : log) {
        paths << entry.toObject().value(QStringLiteral("path")).toString();
    }
    paths.sort();
    QCOMPARE(paths,
        QStringList(
            {QStringLiteral("/apiKey.info"), QStringLiteral("/application.list"), QStringLiteral("/customField.list"),
                QStringLiteral("/job.list"), QStringLiteral("/offer.list"), QStringLiteral("/user.list")}));
}

void TestConnectionCheck::ashby_wrongKey_refused()
{
    const auto r = runAshby(ashbyConfig(QStringLiteral("not-a-key")));
    QVERIFY(!r.ok());
    QCOMPARE(r.error.kind, ApiError::Kind::Unauthorized);
    QVERIFY2(r.message.contains(QStringLiteral("refused the API key")), qPrintable(r.message));
    QVERIFY(!r.message.contains(QStringLiteral("not-a-key")));
}

void TestConnectionCheck::ashby_emptyKey_askedFor()
{
    const auto r = runAshby(ashbyConfig(QStringLiteral("   ")));
    QVERIFY(!r.ok());
    QVERIFY(r.message.contains(QStringLiteral("Paste the API key")));
}

void TestConnectionCheck::ashby_plainHttpToRemoteHost_invalidUrl()
{
    AshbyConfig c = ashbyConfig(m_sandbox.value("ashbyApiKey"));
    c.baseUrl = QUrl(QStringLiteral("http://api.ashbyhq.com"));
    const auto r = runAshby(c);
    QCOMPARE(r.error.kind, ApiError::Kind::InvalidUrl);
    QVERIFY(r.message.contains(QStringLiteral("https://")));
}

void TestConnectionCheck::ashby_unreachable_networkMessage()
{
    AshbyConfig c = ashbyConfig(m_sandbox.value("ashbyApiKey"));
    c.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:1")); // nothing listens on port 1
    const auto r = runAshby(c);
    QVERIFY(!r.ok());
    QCOMPARE(r.error.kind, ApiError::Kind::Network);
    QVERIFY2(r.message.contains(QStringLiteral("could not reach Ashby")), qPrintable(r.message));
}

void TestConnectionCheck::ashby_slowServer_timesOut()
{
    m_sandbox.post(QStringLiteral("/faults"), QJsonObject {{QStringLiteral("latencyMs"), 3000}});
    QElapsedTimer timer;
    timer.start();
    const auto r = runAshby(ashbyConfig(m_sandbox.value("ashbyApiKey")), 500);
    QCOMPARE(r.error.kind, ApiError::Kind::Timeout);
    QVERIFY(timer.elapsed() < 2500);
    QVERIFY(r.message.contains(QStringLiteral("did not answer")));
}

void TestConnectionCheck::ashby_newCheck_replacesRunningOne()
{
    ConnectionCheck check(m_http.get());
    QSignalSpy spy(&check, &ConnectionCheck::ashbyChecked);
    check.checkAshby(ashbyConfig(QStringLiteral("not-a-key")));
    check.checkAshby(ashbyConfig(m_sandbox.value("ashbyApiKey")));
    QVERIFY(spy.wait(10000));
    QTest::qWait(300);
    QCOMPARE(spy.count(), 1);
    QVERIFY(spy.at(0).at(0).value<ConnectionCheck::AshbyResult>().ok());
    check.checkAshby(ashbyConfig(m_sandbox.value("ashbyApiKey")));
    check.cancel();
    QVERIFY(!check.isRunning());
    QTest::qWait(300);
    QCOMPARE(spy.count(), 1);
}

void TestConnectionCheck::bob_valid_okWithEmployees_andNothingPosted()
{
    m_sandbox.post(QStringLiteral("/bob/hires/reset"));
    const auto r = runBob(bobConfig());
    QVERIFY2(r.ok(), qPrintable(r.message));
    QVERIFY(r.fieldsReadable);
    QVERIFY(r.peopleReadable);
    QVERIFY(r.employeeCount > 0);
    QVERIFY(r.fieldCount > 0);
    QVERIFY(r.consequences.isEmpty());
    // The check proves the credentials without side effects: nothing reached the Hire URL.
    QCOMPARE(m_sandbox.receivedHires().size(), 0);
}

void TestConnectionCheck::bob_wrongToken_refusedMessage()
{
    BobConfig c = bobConfig();
    c.token = QStringLiteral("wrong-token");
    const auto r = runBob(c);
    QVERIFY(!r.ok());
    QCOMPARE(r.error.httpStatus, 401);
    QVERIFY2(r.message.contains(QStringLiteral("Bob refused the service user ID or token")), qPrintable(r.message));
    QVERIFY(!r.message.contains(QStringLiteral("wrong-token")));
}

void TestConnectionCheck::bob_malformedToken_data()
{
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("said");
    QTest::newRow("space inside") << QStringLiteral("abc def123") << QStringLiteral("space");
    QTest::newRow("line break inside") << QStringLiteral("abc\ndef") << QStringLiteral("line break");
    QTest::newRow("quoted") << QStringLiteral("\"abcdef\"") << QStringLiteral("quote");
    QTest::newRow("typographic quotes") << QStringLiteral("\u201Cabcdef\u201D") << QStringLiteral("quote");
    QTest::newRow("whole header") << QStringLiteral("Basic U0VSVklDRTo=") << QStringLiteral("header");
    QTest::newRow("non-ASCII") << QStringLiteral("abcdéf") << QStringLiteral("never has");
}

void TestConnectionCheck::bob_malformedToken()
{
    QFETCH(QString, token);
    QFETCH(QString, said);
    m_sandbox.post(QStringLiteral("/reset-log"));
    BobConfig c = bobConfig();
    c.token = token;
    const auto r = runBob(c);
    QVERIFY(!r.ok());
    QCOMPARE(r.error.kind, ApiError::Kind::Unauthorized);
    QVERIFY2(r.message.contains(said), qPrintable(r.message));
    QVERIFY(!r.message.contains(token)); // the token itself is never repeated
    QCOMPARE(m_sandbox.requests().size(), 0); // refused before anything was sent
    // Surrounding spaces and a trailing line break are what pasting brings: not a problem.
    QVERIFY(BobClient::tokenProblem(QStringLiteral("  abc123DEF\n")).isEmpty());
}

void TestConnectionCheck::bob_limitedServiceUser_noDuplicateCheckConsequence()
{
    BobConfig c = bobConfig();
    c.serviceUserId = m_sandbox.value("bobLimitedServiceUserId");
    c.token = m_sandbox.value("bobLimitedToken");
    QVERIFY(!c.serviceUserId.isEmpty());
    const auto r = runBob(c);
    QVERIFY(!r.ok());
    QVERIFY(!r.error.isError());
    QVERIFY(r.fieldsReadable);
    QVERIFY(!r.peopleReadable);
    QCOMPARE(r.consequences.size(), 1);
    QVERIFY(r.consequences.first().startsWith(QStringLiteral(
        "No duplicate check: Hirebridge cannot see whether a new hire already works for you, so it will not push "
        "anyone")));
}

void TestConnectionCheck::bob_hireUrl_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("expected");
    QTest::newRow("empty") << QString() << QStringLiteral("Paste the Hire API URL");
    QTest::newRow("not a url") << QStringLiteral("hire api url") << QStringLiteral("not a web address");
    QTest::newRow("no scheme") << QStringLiteral("api.hibob.com/hire/1") << QStringLiteral("not a web address");
    QTest::newRow("plain http remote") << QStringLiteral("http://api.hibob.com/hire/1")
                                       << QStringLiteral("must start with https://");
    QTest::newRow("ftp") << QStringLiteral("ftp://api.hibob.com/hire/1") << QStringLiteral("not usable");
}

void TestConnectionCheck::bob_hireUrl()
{
    QFETCH(QString, url);
    QFETCH(QString, expected);
    BobConfig c = bobConfig();
    c.hireUrl = url.isEmpty() ? QUrl() : QUrl(url, QUrl::StrictMode);
    const auto r = runBob(c);
    QCOMPARE(r.error.kind, ApiError::Kind::InvalidUrl);
    QVERIFY2(r.message.contains(expected), qPrintable(r.message));
    QVERIFY(ConnectionCheck::hireUrlProblem(QUrl(QStringLiteral("https://api.hibob.com/hire/1"))).isEmpty());
    QVERIFY(ConnectionCheck::hireUrlProblem(QUrl(QStringLiteral("http://127.0.0.1:9/hire/1"))).isEmpty());
}

void TestConnectionCheck::bob_directModeWithoutHireUrl_ok()
{
    BobConfig c = bobConfig();
    c.mode = BobMode::Direct;
    c.hireUrl = QUrl();
    const auto r = runBob(c);
    QVERIFY2(r.ok(), qPrintable(r.message));
}

QTEST_GUILESS_MAIN(TestConnectionCheck)
#include "test_connectioncheck.moc"
