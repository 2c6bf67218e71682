#include "MailFile.h"
#include "SmtpServerProcess.h"
#include "http/Redaction.h"
#include "notify/SmtpSender.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

namespace {

SmtpConfig loopbackConfig(quint16 port)
{
    SmtpConfig config;
    config.host = QStringLiteral("127.0.0.1");
    config.port = port;
    config.security = SmtpConfig::Security::None;
    config.fromAddress = QStringLiteral("hirebridge@example.com");
    config.fromName = QStringLiteral("Hirebridge für HR");
    config.timeoutSeconds = 10;
    return config;
}

// An aiosmtpd handler that answers RCPT for busy@... with 451 and nobody@... with 550 (reply-code handling).
const QByteArray kPickyHandler = "from aiosmtpd.handlers import Mailbox\n"
                                 "\n"
                                 "class Picky(Mailbox):\n"
                                 "    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):\n"
                                 "        if address.startswith('busy'):\n"
                                 "            return '451 4.3.0 Mailbox busy, try again later'\n"
                                 "        if address.startswith('nobody'):\n"
                                 "            return '550 5.1.1 No such user'\n"
                                 "        envelope.rcpt_tos.append(address)\n"
                                 "        return '250 OK'\n";

SmtpResult waitForResult(QSignalSpy& spy, int timeoutMs)
{
    if (spy.isEmpty() && !spy.wait(timeoutMs)) {
        return SmtpResult {false, false, QStringLiteral("no finished() within the time limit"), -1};
    }
    return spy.constFirst().constFirst().value<SmtpResult>();
}

} // namespace

class TestSmtpSender : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void send_plainOnLoopback_deliversBothAlternatives()
    {
        SmtpServerProcess server;
        QString error;
        QVERIFY2(server.start(0, &error), qPrintable(error));

        MailMessage message;
        message.to = QStringList {QStringLiteral("ada@example.com"), QStringLiteral("zoe@example.org")};
        message.subject = QStringLiteral("Hirebridge: 2 hires sent to Bob — Zoë Ångström 🌸, שרה לוי");
        message.textBody = QStringLiteral("Sent to Bob (2)\n- Zoë Ångström - Engineer, starts 2026-03-02\n.dot\n");
        message.htmlBody = QStringLiteral("<p><bdi>Zoë Ångström</bdi> &amp; <bdi>שרה לוי</bdi></p>");

        SmtpSender sender(loopbackConfig(server.port()));
        QSignalSpy spy(&sender, &SmtpSender::finished);
        sender.send(message);
        QVERIFY(sender.isBusy());
        const SmtpResult result = waitForResult(spy, 30000);
        QVERIFY2(result.ok, qPrintable(result.message + QLatin1Char('\n') + server.output()));
        QCOMPARE(result.smtpCode, 250);
        QCOMPARE(spy.size(), 1);
        QVERIFY(!sender.isBusy());

        const auto messages = server.waitForMessages(1);
        QCOMPARE(messages.size(), 1);
        const MailFile& mail = messages.constFirst();
        QCOMPARE(mail.header(QStringLiteral("X-RcptTo")), QStringLiteral("ada@example.com, zoe@example.org"));
        QCOMPARE(mail.header(QStringLiteral("X-MailFrom")), QStringLiteral("hirebridge@example.com"));
        QCOMPARE(mail.header(QStringLiteral("To")), QStringLiteral("ada@example.com, zoe@example.org"));
        QCOMPARE(mail.decodedHeader(QStringLiteral("Subject")), message.subject);
        QCOMPARE(
            mail.decodedHeader(QStringLiteral("From")), QStringLiteral("Hirebridge für HR <hirebridge@example.com>"));
        QVERIFY(mail.header(QStringLiteral("Content-Type")).startsWith(QLatin1StringView("multipart/alternative")));
        QCOMPARE(mail.text(), message.textBody);
        QCOMPARE(mail.html(), message.htmlBody);
    }

    void send_serverStopped_transientFailureWithoutHanging()
    {
        const quint16 port = SmtpServerProcess::freePort(); // nothing listens there
        QVERIFY(port != 0);
        SmtpConfig config = loopbackConfig(port);
        config.timeoutSeconds = 5;
        config.username = QStringLiteral("mailer");
        config.password = QStringLiteral("Pa55-smtp-SECRET-word");
        MailMessage message;
        message.to = QStringList {QStringLiteral("ada@example.com")};
        message.subject = QStringLiteral("test");
        message.textBody = QStringLiteral("test");

        SmtpSender sender(config);
        QSignalSpy spy(&sender, &SmtpSender::finished);
        QElapsedTimer timer;
        timer.start();
        sender.send(message);
        const SmtpResult result = waitForResult(spy, 15000);
        QVERIFY2(timer.elapsed() < 12000, "bounded by the timeout");
        QVERIFY(!result.ok);
        QVERIFY(result.transient);
        QVERIFY2(result.message.contains(QLatin1StringView("Cannot connect to the mail server")),
            qPrintable(result.message));
        QVERIFY2(result.message.contains(QStringLiteral("127.0.0.1:%1").arg(port)), qPrintable(result.message));
        QVERIFY(!result.message.contains(config.password));
        QCOMPARE(
            Redaction::redactSecrets(QStringLiteral("x %1 y").arg(config.password)).contains(config.password), false);
    }

    void send_plainToRemoteHost_refusedBeforeConnecting()
    {
        SmtpConfig config = loopbackConfig(25);
        config.host = QStringLiteral("smtp.example.com");
        SmtpSender sender(config);
        QSignalSpy spy(&sender, &SmtpSender::finished);
        MailMessage message;
        message.to = QStringList {QStringLiteral("ada@example.com")};
        sender.send(message);
        QCOMPARE(spy.size(), 0); // always asynchronous
        QVERIFY(!sender.isBusy());
        const SmtpResult result = waitForResult(spy, 5000);
        QVERIFY(!result.ok);
        QVERIFY(!result.transient);
        QVERIFY2(result.message.contains(QLatin1StringView("without encryption")), qPrintable(result.message));
        QVERIFY(result.message.contains(QLatin1StringView("smtp.example.com")));
    }

    void send_invalidRecipient_refused()
    {
        SmtpSender sender(loopbackConfig(25));
        QSignalSpy spy(&sender, &SmtpSender::finished);
        MailMessage message;
        message.to = QStringList {QStringLiteral("ada@example.com>\r\nRCPT TO:<evil@example.com")};
        sender.send(message);
        const SmtpResult result = waitForResult(spy, 5000);
        QVERIFY(!result.ok);
        QVERIFY2(result.message.contains(QLatin1StringView("not a valid e-mail address")), qPrintable(result.message));
    }

    void send_replyCodes_4xxTransient5xxPermanent()
    {
        QTemporaryDir modules;
        QFile module(modules.filePath(QStringLiteral("picky_smtp.py")));
        QVERIFY(module.open(QIODevice::WriteOnly));
        module.write(kPickyHandler);
        module.close();
        SmtpServerProcess server;
        QString error;
        QVERIFY2(server.start(0, &error, QStringLiteral("picky_smtp.Picky"), modules.path()), qPrintable(error));

        SmtpSender sender(loopbackConfig(server.port()));
        QSignalSpy spy(&sender, &SmtpSender::finished);
        MailMessage message;
        message.subject = QStringLiteral("test");
        message.textBody = QStringLiteral("test");

        message.to = QStringList {QStringLiteral("busy@example.com")};
        sender.send(message);
        SmtpResult result = waitForResult(spy, 30000);
        QVERIFY(!result.ok);
        QCOMPARE(result.smtpCode, 451);
        QVERIFY(result.transient);
        QVERIFY2(result.message.contains(QLatin1StringView("451")), qPrintable(result.message));

        spy.clear();
        message.to = QStringList {QStringLiteral("nobody@example.com")};
        sender.send(message);
        result = waitForResult(spy, 30000);
        QVERIFY(!result.ok);
        QCOMPARE(result.smtpCode, 550);
        QVERIFY(!result.transient);
        QVERIFY2(result.message.contains(QLatin1StringView("550")), qPrintable(result.message));

        spy.clear();
        message.to = QStringList {QStringLiteral("ada@example.com")};
        sender.send(message);
        result = waitForResult(spy, 30000);
        QVERIFY2(result.ok, qPrintable(result.message));
        QCOMPARE(server.waitForMessages(1).size(), 1);
    }

    void destructor_abortsRunningSendPromptly()
    {
        // A server that accepts the connection but never answers: the send would wait for the whole timeout.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        SmtpConfig config = loopbackConfig(silent.serverPort());
        config.timeoutSeconds = 60;
        MailMessage message;
        message.to = QStringList {QStringLiteral("ada@example.com")};
        QElapsedTimer timer;
        {
            SmtpSender sender(config);
            QSignalSpy spy(&sender, &SmtpSender::finished);
            sender.send(message);
            QTest::qWait(300);
            QVERIFY(sender.isBusy());
            timer.start();
        }
        QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
    }
};

QTEST_GUILESS_MAIN(TestSmtpSender)
#include "test_smtpsender.moc"
