#include "SandboxProcess.h"
#include "http/HttpClient.h"
#include "setup/TestHire.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

class TestTestHire : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void buildEvent_clearlyMarkedAsTest();
    void send_sandbox_sentAndAnswered();
    void send_plainHttpHireUrl_refusedWithoutRequest();
    void send_wrongToken_error();

private:
    BobConfig bobConfig() const;
    TestHire::Result run(const BobConfig& config);

    SandboxProcess m_sandbox;
    QNetworkAccessManager m_nam;
    std::unique_ptr<HttpClient> m_http;
};

void TestTestHire::initTestCase()
{
    QString error;
    QVERIFY2(m_sandbox.start({}, &error), qPrintable(error));
    m_http = std::make_unique<HttpClient>(&m_nam);
}

BobConfig TestTestHire::bobConfig() const
{
    BobConfig c;
    c.apiUrl = QUrl(m_sandbox.value("bob"));
    c.hireUrl = QUrl(m_sandbox.value("bobHireUrl"));
    c.serviceUserId = m_sandbox.value("bobServiceUserId");
    c.token = m_sandbox.value("bobToken");
    return c;
}

TestHire::Result TestTestHire::run(const BobConfig& config)
{
    TestHire hire(m_http.get());
    QSignalSpy spy(&hire, &TestHire::finished);
    hire.send(config);
    if (spy.count() != 0 || !spy.wait(15000)) {
        qWarning("TestHire::finished not emitted asynchronously");
        return {};
    }
    return spy.at(0).at(0).value<TestHire::Result>();
}

void TestTestHire::buildEvent_clearlyMarkedAsTest()
{
    const QJsonObject e = TestHire::buildEvent(QDateTime(QDate(2026, 3, 2), QTime(9, 14, 7), Qt::UTC));
    QCOMPARE(e.value(QStringLiteral("test")).toBool(), true);
    QCOMPARE(e.value(QStringLiteral("schema")).toString(), QStringLiteral("hirebridge.hire/v1"));
    const QJsonObject source = e.value(QStringLiteral("source")).toObject();
    QCOMPARE(source.value(QStringLiteral("system")).toString(), QStringLiteral("hirebridge-test"));
    const QJsonObject fields = e.value(QStringLiteral("fields")).toObject();
    QCOMPARE(fields.value(QStringLiteral("root.email")).toString(),
        QStringLiteral("hirebridge-test+20260302091407@example.invalid"));
    QCOMPARE(fields.value(QStringLiteral("root.firstName")).toString() + QLatin1Char(' ')
            + fields.value(QStringLiteral("root.surname")).toString(),
        QStringLiteral("Test Candidate (Hirebridge)"));
    QCOMPARE(fields.value(QStringLiteral("work.startDate")).toString(), QStringLiteral("2026-04-01"));
}

void TestTestHire::send_sandbox_sentAndAnswered()
{
    m_sandbox.post(QStringLiteral("/bob/hires/reset"));
    const auto r = run(bobConfig());
    QVERIFY2(r.ok(), qPrintable(r.error.toString()));
    QCOMPARE(r.httpStatus, 200);
    QVERIFY(QJsonDocument::fromJson(r.answer).object().contains(QStringLiteral("id")));
    const QJsonObject sent = QJsonDocument::fromJson(r.sent).object();
    QCOMPARE(sent.value(QStringLiteral("test")).toBool(), true);
    const QJsonArray received = m_sandbox.receivedHires();
    QCOMPARE(received.size(), 1);
    QCOMPARE(received.at(0).toObject().value(QStringLiteral("body")).toObject(), sent);
}

void TestTestHire::send_plainHttpHireUrl_refusedWithoutRequest()
{
    m_sandbox.post(QStringLiteral("/bob/hires/reset"));
    BobConfig c = bobConfig();
    c.hireUrl = QUrl(QStringLiteral("http://bob.example.com/hire/1"));
    const auto r = run(c);
    QCOMPARE(r.error.kind, ApiError::Kind::InvalidUrl);
    QVERIFY(!r.sent.isEmpty());
    QCOMPARE(m_sandbox.receivedHires().size(), 0);
}

void TestTestHire::send_wrongToken_error()
{
    BobConfig c = bobConfig();
    c.token = QStringLiteral("nope");
    const auto r = run(c);
    QVERIFY(!r.ok());
    QCOMPARE(r.httpStatus, 401);
}

QTEST_GUILESS_MAIN(TestTestHire)
#include "test_testhire.moc"
