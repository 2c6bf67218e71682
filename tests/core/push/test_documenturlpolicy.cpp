// Where a document link from Ashby may point before it is fetched or handed to Bob (issue: documents are fetched only
// from where they belong).
#include "push/DocumentUrlPolicy.h"

#include <QTest>

namespace {

const QUrl kAshby(QStringLiteral("https://api.ashbyhq.com"));
const QUrl kSandboxAshby(QStringLiteral("http://127.0.0.1:41000"));

QList<QHostAddress> at(const char* address)
{
    return {QHostAddress(QString::fromLatin1(address))};
}

} // namespace

class TestDocumentUrlPolicy : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void isPublic_addresses_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<bool>("expected");
        QTest::newRow("public v4") << "52.217.10.4" << true;
        QTest::newRow("public v6") << "2600:1f18::1" << true;
        QTest::newRow("loopback") << "127.0.0.1" << false;
        QTest::newRow("loopback 127/8") << "127.5.6.7" << false;
        QTest::newRow("10/8") << "10.1.2.3" << false;
        QTest::newRow("172.16/12") << "172.20.0.5" << false;
        QTest::newRow("172.32 is public") << "172.32.0.5" << true;
        QTest::newRow("192.168/16") << "192.168.1.10" << false;
        QTest::newRow("CGNAT") << "100.64.0.1" << false;
        QTest::newRow("link-local v4 (cloud metadata)") << "169.254.169.254" << false;
        QTest::newRow("unspecified") << "0.0.0.0" << false;
        QTest::newRow("broadcast") << "255.255.255.255" << false;
        QTest::newRow("multicast") << "239.1.2.3" << false;
        QTest::newRow("documentation") << "192.0.2.7" << false;
        QTest::newRow("v6 loopback") << "::1" << false;
        QTest::newRow("v6 link-local") << "fe80::1" << false;
        QTest::newRow("v6 unique-local") << "fd12:3456::1" << false;
        QTest::newRow("v6 site-local") << "fec0::1" << false;
        QTest::newRow("v4-mapped private") << "::ffff:10.0.0.1" << false;
        QTest::newRow("v4-mapped public") << "::ffff:52.217.10.4" << true;
    }
    void isPublic_addresses()
    {
        QFETCH(QString, address);
        QFETCH(bool, expected);
        const QHostAddress parsed(address);
        QVERIFY2(!parsed.isNull(), qPrintable(address));
        QCOMPARE(DocumentUrlPolicy::isPublic(parsed), expected);
    }

    void refusal_links_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QList<QHostAddress>>("addresses");
        QTest::addColumn<QUrl>("ashby");
        QTest::addColumn<QString>("refusalContains"); // empty: allowed
        QTest::newRow("public storage") << "https://files.ashbyhq.com/r/1?sig=x" << at("52.217.10.4") << kAshby
                                        << QString();
        QTest::newRow("intranet name") << "https://intranet.corp/payroll.pdf" << at("10.20.30.40") << kAshby
                                       << "intranet.corp";
        QTest::newRow("one private address among public ones")
            << "https://mixed.example/x" << (QList<QHostAddress>() << at("52.1.1.1") << at("192.168.0.9")) << kAshby
            << "mixed.example";
        QTest::newRow("metadata service")
            << "https://169.254.169.254/latest" << at("169.254.169.254") << kAshby << "169.254.169.254";
        QTest::newRow("plain http") << "http://files.example/x" << at("52.217.10.4") << kAshby << "not https";
        QTest::newRow("unresolvable") << "https://nowhere.invalid/x" << QList<QHostAddress>() << kAshby
                                      << "nowhere.invalid";
        QTest::newRow("loopback without a local Ashby")
            << "https://127.0.0.1:9/x" << at("127.0.0.1") << kAshby << "127.0.0.1";
        QTest::newRow("the sandbox's own host")
            << "http://127.0.0.1:41000/_files/h" << QList<QHostAddress>() << kSandboxAshby << QString();
        QTest::newRow("another loopback host than the sandbox")
            << "https://127.0.0.2:9/_files/h" << at("127.0.0.2") << kSandboxAshby << "127.0.0.2";
        QTest::newRow("not a URL") << "https://" << QList<QHostAddress>() << kAshby << "not a valid URL";
    }
    void refusal_links()
    {
        QFETCH(QString, url);
        QFETCH(QList<QHostAddress>, addresses);
        QFETCH(QUrl, ashby);
        QFETCH(QString, refusalContains);
        const QString refusal = DocumentUrlPolicy::refusal(QUrl(url), addresses, ashby);
        if (refusalContains.isEmpty()) {
            QVERIFY2(refusal.isEmpty(), qPrintable(refusal));
        } else {
            QVERIFY2(refusal.contains(refusalContains), qPrintable(refusal));
        }
    }
};

QTEST_GUILESS_MAIN(TestDocumentUrlPolicy)
#include "test_documenturlpolicy.moc"
