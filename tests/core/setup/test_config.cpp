// Config::load: environment overrides (design §6), secrets taken exactly as given.
#include "http/Redaction.h"
#include "settings/Config.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

class TestConfig : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void environmentSecrets_usedExactlyAsGiven()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        QProcessEnvironment env;
        // A token may legitimately end in a blank or begin with one; trimming would send another secret.
        env.insert(QStringLiteral("HIREBRIDGE_BOB_TOKEN"), QStringLiteral(" tok en\t"));
        env.insert(QStringLiteral("HIREBRIDGE_ASHBY_API_KEY"), QStringLiteral("key "));
        env.insert(QStringLiteral("HIREBRIDGE_BAMBOOHR_API_KEY"), QStringLiteral(" bamboo"));
        env.insert(QStringLiteral("HIREBRIDGE_PERSONIO_CLIENT_SECRET"), QStringLiteral("sec ret "));
        env.insert(QStringLiteral("HIREBRIDGE_SMTP_PASSWORD"), QStringLiteral(" smtp-pass "));
        QStringList errors;
        const Config c = Config::load(settings, env, &errors);
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
        QCOMPARE(c.bob.token, QStringLiteral(" tok en\t"));
        QCOMPARE(c.ashby.apiKey, QStringLiteral("key "));
        QCOMPARE(c.bamboohr.apiKey, QStringLiteral(" bamboo"));
        QCOMPARE(c.personio.clientSecret, QStringLiteral("sec ret "));
        QVERIFY(c.smtpPasswordFromEnvironment);
        QCOMPARE(c.smtpPassword, QStringLiteral(" smtp-pass "));
        // Registered for redaction: never in a log line.
        QVERIFY(
            !Redaction::redactSecrets(QStringLiteral("login with smtp-pass")).contains(QStringLiteral("smtp-pass")));
    }

    void noSmtpPasswordInEnvironment_keychainIsAsked()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        QStringList errors;
        const Config c = Config::load(settings, QProcessEnvironment(), &errors);
        QVERIFY(!c.smtpPasswordFromEnvironment);
        QVERIFY(c.smtpPassword.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestConfig)
#include "test_config.moc"
