#include "MailFile.h"
#include "SmtpServerProcess.h"
#include "ledger/Ledger.h"
#include "notify/Notifier.h"

#include <QSet>
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
    config.timeoutSeconds = 5;
    return config;
}

QList<Recipient> twoRecipients()
{
    return {
        Recipient {QStringLiteral("Ada"), QStringLiteral("ada@example.com"), Recipient::Source::SetupAdmin, {}},
        Recipient {QStringLiteral("שרה לוי"), QStringLiteral("sara@example.org"), Recipient::Source::BobDirectory,
            QStringLiteral("42")},
        // The same person again (another case): still one e-mail.
        Recipient {QStringLiteral("Ada"), QStringLiteral("ADA@example.com"), Recipient::Source::Typed, {}},
    };
}

PushReport report()
{
    PushReport r;
    r.finishedAt = QDateTime::currentDateTimeUtc();
    const auto add = [&r](const QString& id, const QString& name, const QString& state, const QString& reason) {
        PushReport::Line line;
        line.applicationId = id;
        line.name = name;
        line.jobTitle = QStringLiteral("Engineer");
        line.startDate = QStringLiteral("2026-03-02");
        line.target = QStringLiteral("bob");
        line.state = state;
        line.reason = reason;
        line.ashbyUrl = QStringLiteral("https://app.ashbyhq.com/candidates/%1").arg(id);
        line.targetUrl = QStringLiteral("https://app.hibob.com/hiring/pending");
        r.lines.append(line);
    };
    add(QStringLiteral("app-1"), QStringLiteral("Zoë Ångström"), QStringLiteral("pushed"), {});
    add(QStringLiteral("app-2"), QStringLiteral("Tom <&> Jerry"), QStringLiteral("exists"),
        QStringLiteral("employee 7"));
    add(QStringLiteral("app-3"), QStringLiteral("Ada Lovelace"), QStringLiteral("failed"),
        QStringLiteral("Bob answered 400: work.startDate is required"));
    return r;
}

struct Finished
{
    int sent = -1;
    int failed = -1;
    QStringList errors;
};

Finished waitFinished(QSignalSpy& spy, int timeoutMs = 30000)
{
    if (spy.isEmpty() && !spy.wait(timeoutMs)) {
        return {};
    }
    const auto args = spy.takeFirst();
    return Finished {args.at(0).toInt(), args.at(1).toInt(), args.at(2).toStringList()};
}

} // namespace

class TestNotifier : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void notify_twoRecipients_oneMessageEachAddressedToThemOnly()
    {
        SmtpServerProcess server;
        QString error;
        QVERIFY2(server.start(0, &error), qPrintable(error));
        QTemporaryDir dir;
        Ledger ledger;
        QVERIFY(ledger.open(dir.path()));
        Hire hire;
        hire.applicationId = QStringLiteral("app-1");
        hire.name = QStringLiteral("Zoë Ångström");
        QVERIFY(ledger.upsertHires({hire}, {QStringLiteral("bob")}));
        const auto recordsBefore = ledger.pushRecords();
        const auto auditBefore = ledger.audit();

        Notifier notifier(&ledger, loopbackConfig(server.port()), twoRecipients());
        QSignalSpy spy(&notifier, &Notifier::finished);
        const PushReport r = report();
        notifier.notify(r);
        QCOMPARE(spy.size(), 0); // asynchronous
        QCOMPARE(notifier.pendingCount(), 2); // queued before anything is sent
        const Finished done = waitFinished(spy);
        QCOMPARE(done.sent, 2);
        QCOMPARE(done.failed, 0);
        QVERIFY2(done.errors.isEmpty(), qPrintable(done.errors.join(QLatin1Char('\n'))));
        QCOMPARE(notifier.pendingCount(), 0);
        QTest::qWait(50);
        QCOMPARE(spy.size(), 0); // exactly once

        const auto messages = server.waitForMessages(2);
        QCOMPARE(messages.size(), 2);
        QSet<QString> to;
        for (const auto& mail : messages) {
            QCOMPARE(mail.header(QStringLiteral("X-RcptTo")), mail.header(QStringLiteral("To")));
            QVERIFY(!mail.header(QStringLiteral("To")).contains(QLatin1Char(',')));
            to.insert(mail.header(QStringLiteral("To")));
            QCOMPARE(mail.decodedHeader(QStringLiteral("Subject")),
                QStringLiteral("Hirebridge: 1 hire sent to Bob, 1 already there, 1 failed"));
            QCOMPARE(mail.decodedHeader(QStringLiteral("Subject")), PushReportMail::subject(r));
            const QString text = mail.text();
            QVERIFY2(text.contains(QStringLiteral("Zoë Ångström - Engineer, starts 2026-03-02")), qPrintable(text));
            QVERIFY(text.contains(QLatin1StringView("Tom <&> Jerry")));
            QVERIFY(text.contains(QLatin1StringView("Reason: Bob answered 400: work.startDate is required")));
            QVERIFY(text.contains(QLatin1StringView("https://app.ashbyhq.com/candidates/app-3")));
            const QString html = mail.html();
            QVERIFY(html.contains(QLatin1StringView("<bdi>Tom &lt;&amp;&gt; Jerry</bdi>")));
            QVERIFY(html.contains(QStringLiteral("<bdi>Zoë Ångström</bdi>")));
        }
        QCOMPARE(to, (QSet<QString> {QStringLiteral("ada@example.com"), QStringLiteral("sara@example.org")}));

        // The queue keeps what was sent; push records and the audit log are untouched.
        QVERIFY(ledger.pendingNotifications().isEmpty());
        const auto first = ledger.notification(1);
        QVERIFY(first.has_value());
        QVERIFY(first->isSent());
        QCOMPARE(first->attempts, 1);
        QCOMPARE(ledger.pushRecords().size(), recordsBefore.size());
        QCOMPARE(ledger.pushRecords().constFirst().state, recordsBefore.constFirst().state);
        QCOMPARE(ledger.audit().size(), auditBefore.size());
    }

    void notify_serverDown_keepsMailsQueued_retrySendsThem()
    {
        QTemporaryDir dir;
        Ledger ledger;
        QVERIFY(ledger.open(dir.path()));
        const quint16 port = SmtpServerProcess::freePort();
        QVERIFY(port != 0);

        Notifier notifier(&ledger, loopbackConfig(port), twoRecipients());
        QSignalSpy spy(&notifier, &Notifier::finished);
        notifier.notify(report());
        Finished done = waitFinished(spy);
        QCOMPARE(done.sent, 0);
        QCOMPARE(done.failed, 2);
        QCOMPARE(done.errors.size(), 2);
        QVERIFY2(done.errors.at(0).startsWith(QLatin1StringView("ada@example.com: Cannot connect")),
            qPrintable(done.errors.at(0)));
        QCOMPARE(notifier.pendingCount(), 2);
        const auto pending = ledger.pendingNotifications();
        QCOMPARE(pending.size(), 2);
        QCOMPARE(pending.at(0).attempts, 1);
        QVERIFY(pending.at(0).lastError.contains(QLatin1StringView("Cannot connect")));

        // A later run (a new Notifier, as after a restart) with the relay back.
        SmtpServerProcess server;
        QString error;
        QVERIFY2(server.start(port, &error), qPrintable(error));
        Notifier later(&ledger, loopbackConfig(port), twoRecipients());
        QSignalSpy laterSpy(&later, &Notifier::finished);
        QCOMPARE(later.pendingCount(), 2);
        later.retryPending();
        done = waitFinished(laterSpy);
        QCOMPARE(done.sent, 2);
        QCOMPARE(done.failed, 0);
        QCOMPARE(later.pendingCount(), 0);
        const auto messages = server.waitForMessages(2);
        QCOMPARE(messages.size(), 2);
        QCOMPARE(ledger.notification(pending.at(0).id)->attempts, 2);

        // Nothing left: another retry sends nothing.
        later.retryPending();
        done = waitFinished(laterSpy);
        QCOMPARE(done.sent, 0);
        QCOMPARE(done.failed, 0);
        QCOMPARE(server.messages().size(), 2);
    }

    void notify_nothingToTell_queuesNothing()
    {
        QTemporaryDir dir;
        Ledger ledger;
        QVERIFY(ledger.open(dir.path()));
        const SmtpConfig config = loopbackConfig(SmtpServerProcess::freePort());

        Notifier emptyReport(&ledger, config, twoRecipients());
        QSignalSpy emptySpy(&emptyReport, &Notifier::finished);
        emptyReport.notify(PushReport {});
        QCOMPARE(emptySpy.size(), 0);
        Finished done = waitFinished(emptySpy, 5000);
        QCOMPARE(done.sent, 0);
        QCOMPARE(done.failed, 0);
        QVERIFY(done.errors.isEmpty());

        Notifier nobody(&ledger, config, {});
        QSignalSpy nobodySpy(&nobody, &Notifier::finished);
        nobody.notify(report());
        done = waitFinished(nobodySpy, 5000);
        QCOMPARE(done.sent + done.failed, 0);

        Notifier unconfigured(&ledger, SmtpConfig {}, twoRecipients());
        QSignalSpy unconfiguredSpy(&unconfigured, &Notifier::finished);
        unconfigured.notify(report());
        done = waitFinished(unconfiguredSpy, 5000);
        QCOMPARE(done.sent + done.failed, 0);
        unconfigured.retryPending();
        done = waitFinished(unconfiguredSpy, 5000);
        QCOMPARE(done.sent + done.failed, 0);

        QCOMPARE(ledger.pendingNotificationCount(), 0);
        QVERIFY(ledger.notification(1) == std::nullopt);
    }

    void notify_invalidRecipient_failsWithoutQueueing()
    {
        QTemporaryDir dir;
        Ledger ledger;
        QVERIFY(ledger.open(dir.path()));
        const QList<Recipient> recipients {
            Recipient {QStringLiteral("Typo"), QStringLiteral("ada@@example"), Recipient::Source::Typed, {}}};
        Notifier notifier(&ledger, loopbackConfig(SmtpServerProcess::freePort()), recipients);
        QSignalSpy spy(&notifier, &Notifier::finished);
        notifier.notify(report());
        const Finished done = waitFinished(spy, 5000);
        QCOMPARE(done.sent, 0);
        QCOMPARE(done.failed, 1);
        QVERIFY2(done.errors.value(0).contains(QLatin1StringView("not a valid e-mail address")),
            qPrintable(done.errors.value(0)));
        QCOMPARE(ledger.pendingNotificationCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestNotifier)
#include "test_notifier.moc"
