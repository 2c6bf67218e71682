// End-to-end: a push through the CLI e-mails each recipient one summary through a real SMTP server on loopback
// (Debian's aiosmtpd); a relay that is down never changes the push result and the mails are sent on the next push.
#include "MailFile.h"
#include "SandboxProcess.h"
#include "SmtpServerProcess.h"

#include <QDir>
#include <QSettings>
#include <QTest>

namespace {

QString s(const char* text)
{
    return QString::fromLatin1(text);
}

QString dump(const CliResult& r)
{
    return QStringLiteral("exit %1\nstdout: %2\nstderr: %3")
        .arg(r.exitCode)
        .arg(QString::fromUtf8(r.out.left(3000)), QString::fromUtf8(r.err.left(3000)));
}

} // namespace

class TestNotifyE2e : public QObject
{
    Q_OBJECT
private:
    // The same settings file the GUI writes (QSettings, organisation and application "Hirebridge").
    void writeSettings(quint16 smtpPort)
    {
        QSettings settings(m_env.value(s("XDG_CONFIG_HOME")) + s("/Hirebridge/Hirebridge.conf"), QSettings::IniFormat);
        settings.setValue(s("smtp/host"), s("127.0.0.1"));
        settings.setValue(s("smtp/port"), smtpPort);
        settings.setValue(s("smtp/security"), s("none"));
        settings.setValue(s("smtp/from"), s("hirebridge@nordlicht.example"));
        settings.beginWriteArray(s("notify/recipients"));
        const QList<QPair<QString, QString>> people {
            {s("Hanna HR"), s("hanna.hr@nordlicht.example")}, {s("Ingo Ops"), s("ingo.ops@nordlicht.example")}};
        for (int i = 0; i < people.size(); ++i) {
            settings.setArrayIndex(i);
            settings.setValue(s("name"), people.at(i).first);
            settings.setValue(s("email"), people.at(i).second);
            settings.setValue(s("source"), s("typed"));
        }
        settings.endArray();
        settings.sync();
        QCOMPARE(settings.status(), QSettings::NoError);
    }

private Q_SLOTS:
    void init()
    {
        if (SmtpServerProcess::python().isEmpty()) {
            QFAIL("no python3 with aiosmtpd (Debian package python3-aiosmtpd): scripts/bootstrap installs it");
        }
        m_sandbox = std::make_unique<SandboxProcess>();
        QString error;
        QVERIFY2(m_sandbox->start({}, &error), qPrintable(error));
        m_dir = std::make_unique<QTemporaryDir>();
        m_env = m_sandbox->cliEnvironment(m_dir->path() + s("/data"));
        QDir().mkpath(m_env.value(s("XDG_CONFIG_HOME")) + s("/Hirebridge"));
    }
    void cleanup()
    {
        m_sandbox.reset();
        m_dir.reset();
    }

    void push_withRecipients_eachGetsOneSummary()
    {
        SmtpServerProcess smtp;
        QString error;
        QVERIFY2(smtp.start(0, &error), qPrintable(error));
        writeSettings(smtp.port());
        QCOMPARE(runCli({s("sync")}, m_env).exitCode, 0);
        const auto push = runCli({s("push"), s("--all-ready")}, m_env);
        QVERIFY2(push.exitCode == 1, qPrintable(dump(push))); // the hire without e-mail fails validation
        QVERIFY2(push.err.contains("Sent 2 notification"), qPrintable(dump(push)));
        QTRY_COMPARE_WITH_TIMEOUT(smtp.messages().size(), 2, 10000);
        QSet<QString> to;
        for (const auto& mail : smtp.messages()) {
            to.insert(mail.header(s("To")));
            const QString subject = mail.decodedHeader(s("Subject"));
            QVERIFY2(subject.contains(s("28 hires sent to Bob")) && subject.contains(s("1 already there"))
                    && subject.contains(s("1 failed")),
                qPrintable(subject));
            const QString text = mail.text();
            QVERIFY2(text.contains(QStringLiteral("Zoë Ångström-Núñez")), qPrintable(text.left(2000))); // a pushed hire
            QVERIFY(text.contains(s("Ingrid Berg"))); // already in Bob
            QVERIFY(
                text.contains(QStringLiteral("Björn Þórsson")) && text.contains(s("No e-mail address"))); // failed, why
            QVERIFY(text.contains(s("https://app.ashbyhq.com/candidates/")));
            QVERIFY(mail.html().contains(QStringLiteral("Zoë Ångström-Núñez")));
        }
        QCOMPARE(to.size(), 2);
        QVERIFY(
            to.contains(s("hanna.hr@nordlicht.example")) || to.contains(s("Hanna HR <hanna.hr@nordlicht.example>")));

        // A push that changes nothing sends nothing.
        QCOMPARE(runCli({s("push"), s("--all-ready")}, m_env).exitCode, 0);
        QTest::qWait(300);
        QCOMPARE(smtp.messages().size(), 2);
    }

    void push_relayDown_pushStandsAndMailsFollowLater()
    {
        const quint16 port = SmtpServerProcess::freePort();
        writeSettings(port);
        QCOMPARE(runCli({s("sync")}, m_env).exitCode, 0);
        const auto push = runCli({s("push"), s("--all-ready"), s("--json")}, m_env);
        QVERIFY2(push.exitCode == 1, qPrintable(dump(push)));
        QVERIFY2(push.err.contains("notification e-mail not sent"), qPrintable(dump(push)));
        QCOMPARE(m_sandbox->receivedHires().size(), 28); // the push itself is untouched

        SmtpServerProcess smtp;
        QString error;
        QVERIFY2(smtp.start(port, &error), qPrintable(error));
        m_sandbox->post(s("/ashby/hire"));
        QCOMPARE(runCli({s("sync")}, m_env).exitCode, 0);
        const auto next = runCli({s("push"), s("--all-ready")}, m_env);
        QVERIFY2(next.exitCode == 0, qPrintable(dump(next)));
        // Two new summaries for the new hire, and the two kept from the first run.
        QTRY_COMPARE_WITH_TIMEOUT(smtp.messages().size(), 4, 10000);
    }

private:
    std::unique_ptr<SandboxProcess> m_sandbox;
    std::unique_ptr<QTemporaryDir> m_dir;
    QProcessEnvironment m_env;
};

QTEST_GUILESS_MAIN(TestNotifyE2e)
#include "test_notify_e2e.moc"
