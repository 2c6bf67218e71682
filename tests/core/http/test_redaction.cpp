#include "http/Redaction.h"

#include <QStringList>
#include <QTest>
#include <QThread>

#include <vector>

namespace {

QStringList g_captured;

void captureHandler(QtMsgType, const QMessageLogContext&, const QString& message)
{
    g_captured << message;
}

} // namespace

class TestRedaction : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void redactSecrets_registeredSecret_isReplaced();
    void redactSecrets_base64OfSecret_isReplaced_data();
    void redactSecrets_base64OfSecret_isReplaced();
    void redactSecrets_shortSecret_isNotRegistered();
    void redactSecrets_authorizationHeader_valueReplaced_data();
    void redactSecrets_authorizationHeader_valueReplaced();
    void redactSecrets_basicOrBearerToken_replaced_data();
    void redactSecrets_basicOrBearerToken_replaced();
    void redactSecrets_urlPassword_replaced();
    void redactSecrets_ordinaryText_unchanged_data();
    void redactSecrets_ordinaryText_unchanged();
    void redactSecrets_bytes_redactedLikeText();
    void redactSecrets_manyThreads_staysConsistent();
    void installMessageHandler_message_reachesPreviousHandlerRedacted();
};

void TestRedaction::initTestCase()
{
    Redaction::registerSecret(QStringLiteral("ashby-key-0123456789"));
    Redaction::registerSecret(QStringLiteral("bob-token-ÄÖÜ-987"));
}

void TestRedaction::redactSecrets_registeredSecret_isReplaced()
{
    const QString out = Redaction::redactSecrets(QStringLiteral("using key ashby-key-0123456789 for sync"));
    QCOMPARE(out, QStringLiteral("using key [redacted] for sync"));
    QCOMPARE(Redaction::redactSecrets(QStringLiteral("token=bob-token-ÄÖÜ-987;")), QStringLiteral("token=[redacted];"));
}

void TestRedaction::redactSecrets_base64OfSecret_isReplaced_data()
{
    QTest::addColumn<QString>("text");
    const QByteArray key = "ashby-key-0123456789";
    QTest::newRow("base64 of secret") << QString::fromLatin1("x " + key.toBase64() + " y");
    QTest::newRow("base64 of secret with colon") << QString::fromLatin1("x " + (key + ':').toBase64() + " y");
    QTest::newRow("base64url of secret") << QString::fromLatin1(
        "x " + key.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals) + " y");
}

void TestRedaction::redactSecrets_base64OfSecret_isReplaced()
{
    QFETCH(QString, text);
    QCOMPARE(Redaction::redactSecrets(text), QStringLiteral("x [redacted] y"));
}

void TestRedaction::redactSecrets_shortSecret_isNotRegistered()
{
    Redaction::registerSecret(QStringLiteral("abc"));
    Redaction::registerSecret(QString());
    QCOMPARE(Redaction::redactSecrets(QStringLiteral("abc and more")), QStringLiteral("abc and more"));
}

void TestRedaction::redactSecrets_authorizationHeader_valueReplaced_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("header line") << "Authorization: Basic dXNlcjpwYXNz\r\nAccept: application/json"
                                 << "Authorization: [redacted]\r\nAccept: application/json";
    QTest::newRow("lower case") << "authorization: Token xyz-unregistered"
                                << "authorization: [redacted]";
    QTest::newRow("json") << R"({"Authorization":"Bearer eyJhbGciOi.x.y","Accept":"*/*"})"
                          << R"({"Authorization":"[redacted]","Accept":"*/*"})";
    QTest::newRow("qdebug pair") << R"(("Authorization", "ApiKey unregistered-value"))"
                                 << R"(("Authorization", "[redacted]"))";
    QTest::newRow("proxy") << "Proxy-Authorization: Basic Zm9vOmJhcg=="
                           << "Proxy-Authorization: [redacted]";
}

void TestRedaction::redactSecrets_authorizationHeader_valueReplaced()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(Redaction::redactSecrets(text), expected);
}

void TestRedaction::redactSecrets_basicOrBearerToken_replaced_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    // user:secret Base64 cannot be known in advance: the scheme pattern catches it.
    QTest::newRow("basic") << "sent Basic c3ZjOnVua25vd24tc2VjcmV0 to Bob"
                           << "sent Basic [redacted] to Bob";
    QTest::newRow("bearer jwt") << "header Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig-_x end"
                                << "header Bearer [redacted] end";
    QTest::newRow("bearer lower case") << "bearer abcdef123"
                                       << "bearer [redacted]";
}

void TestRedaction::redactSecrets_basicOrBearerToken_replaced()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(Redaction::redactSecrets(text), expected);
}

void TestRedaction::redactSecrets_urlPassword_replaced()
{
    QCOMPARE(Redaction::redactSecrets(QStringLiteral("GET https://svc:p4ssw0rd@api.hibob.com/v1")),
        QStringLiteral("GET https://svc:[redacted]@api.hibob.com/v1"));
}

void TestRedaction::redactSecrets_ordinaryText_unchanged_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("log line") << "POST http://127.0.0.1:8080/v1/people/search -> 200 attempt 1 in 12 ms";
    QTest::newRow("prose") << "failed authorization, check the service user";
    QTest::newRow("unicode") << "hire 3f2c (Zoë Ångström) pushed to Bob";
    QTest::newRow("empty") << "";
}

void TestRedaction::redactSecrets_ordinaryText_unchanged()
{
    QFETCH(QString, text);
    QCOMPARE(Redaction::redactSecrets(text), text);
}

void TestRedaction::redactSecrets_bytes_redactedLikeText()
{
    const QByteArray dump = "POST /v1/people\r\nAuthorization: Basic Zm9vOmJhcg==\r\nX-Key: ashby-key-0123456789\r\n"
                            "\r\n\xff\xfe binary";
    const QByteArray out = Redaction::redactSecrets(dump);
    QCOMPARE(
        out, QByteArray("POST /v1/people\r\nAuthorization: [redacted]\r\nX-Key: [redacted]\r\n\r\n\xff\xfe binary"));
    QVERIFY(!Redaction::redactSecrets(QByteArray("k=") + QStringLiteral("bob-token-ÄÖÜ-987").toUtf8())
                 .contains("bob-token"));
}

void TestRedaction::redactSecrets_manyThreads_staysConsistent()
{
    std::vector<QThread*> threads;
    QAtomicInt failures = 0;
    for (int t = 0; t < 4; ++t) {
        threads.push_back(QThread::create([t, &failures] {
            for (int i = 0; i < 200; ++i) {
                const QString secret = QStringLiteral("thread-%1-secret-%2").arg(t).arg(i);
                Redaction::registerSecret(secret);
                if (Redaction::redactSecrets(QStringLiteral("v=") + secret) != QStringLiteral("v=[redacted]")) {
                    failures.ref();
                }
            }
        }));
    }
    for (QThread* thread : threads) {
        thread->start();
    }
    for (QThread* thread : threads) {
        QVERIFY(thread->wait(10000));
        delete thread;
    }
    QCOMPARE(failures.loadRelaxed(), 0);
}

void TestRedaction::installMessageHandler_message_reachesPreviousHandlerRedacted()
{
    QtMessageHandler original = qInstallMessageHandler(captureHandler);
    Redaction::installMessageHandler();
    Redaction::installMessageHandler(); // twice: must not chain to itself

    g_captured.clear();
    qWarning("calling Ashby with ashby-key-0123456789");
    qInfo() << "Authorization: Basic c29tZTp0aGluZw==";
    qInstallMessageHandler(original);

    QCOMPARE(g_captured.size(), 2);
    QCOMPARE(g_captured.at(0), QStringLiteral("calling Ashby with [redacted]"));
    QVERIFY2(!g_captured.at(1).contains(QStringLiteral("c29tZTp0aGluZw")), qPrintable(g_captured.at(1)));
    QVERIFY(g_captured.at(1).contains(QStringLiteral("[redacted]")));
}

QTEST_GUILESS_MAIN(TestRedaction)
#include "test_redaction.moc"
