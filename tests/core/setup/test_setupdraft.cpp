#include "secrets/FallbackSecretStore.h"
#include "secrets/InMemorySecretStore.h"
#include "setup/SetupDraft.h"

#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class TestSetupDraft : public QObject
{
    Q_OBJECT

private slots:
    void save_writesSettingsAndSecretsApart();
    void save_keychainRefuses_inMemoryOnly();
    void loadSecrets_fillsDraft();
};

namespace {

SetupDraft sampleDraft()
{
    SetupDraft d;
    d.config.ashby.baseUrl = QUrl(QStringLiteral("https://api.ashbyhq.com"));
    d.config.ashby.apiKey = QStringLiteral("secret-ashby-key-123");
    d.config.bob.apiUrl = QUrl(QStringLiteral("https://api.hibob.com"));
    d.config.bob.hireUrl = QUrl(QStringLiteral("https://hire.hibob.example/SERVICE-1"));
    d.config.bob.serviceUserId = QStringLiteral("SERVICE-1");
    d.config.bob.token = QStringLiteral("secret-bob-token-456");
    d.smtp.host = QStringLiteral("smtp.example.org");
    d.smtp.fromAddress = QStringLiteral("hirebridge@example.org");
    d.smtp.password = QStringLiteral("secret-smtp-password-789");
    d.adminEmail = QStringLiteral("admin@example.org");
    Recipient r;
    r.email = d.adminEmail;
    r.source = Recipient::Source::SetupAdmin;
    d.recipients << r;
    return d;
}

} // namespace

void TestSetupDraft::save_writesSettingsAndSecretsApart()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("settings.ini"));
    InMemorySecretStore secrets;
    {
        QSettings settings(file, QSettings::IniFormat);
        SetupDraftStore store(&secrets);
        QSignalSpy spy(&store, &SetupDraftStore::saved);
        store.save(sampleDraft(), settings, true);
        QVERIFY(spy.wait(5000));
        const auto result = spy.at(0).at(0).value<SetupDraftStore::SaveResult>();
        QVERIFY(result.ok);
        QVERIFY(!result.secretsInMemoryOnly);
    }
    QCOMPARE(secrets.value(QStringLiteral("ashby/apiKey")), QStringLiteral("secret-ashby-key-123"));
    QCOMPARE(secrets.value(QStringLiteral("bob/token")), QStringLiteral("secret-bob-token-456"));
    QCOMPARE(secrets.value(QStringLiteral("smtp/password")), QStringLiteral("secret-smtp-password-789"));
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray text = f.readAll();
    QVERIFY(text.contains("SERVICE-1"));
    QVERIFY(!text.contains("secret-"));

    QSettings settings(file, QSettings::IniFormat);
    QVERIFY(SetupDraft::isSetupComplete(settings));
    const SetupDraft loaded = SetupDraft::fromSettings(settings);
    QCOMPARE(loaded.config.bob.serviceUserId, QStringLiteral("SERVICE-1"));
    QCOMPARE(loaded.adminEmail, QStringLiteral("admin@example.org"));
    QCOMPARE(loaded.recipients.size(), 1);
    QVERIFY(loaded.config.bob.token.isEmpty());
}

void TestSetupDraft::save_keychainRefuses_inMemoryOnly()
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    InMemorySecretStore keychain;
    keychain.setBehaviour(InMemorySecretStore::Behaviour::Unavailable);
    FallbackSecretStore secrets(&keychain);
    QSignalSpy unavailable(&secrets, &FallbackSecretStore::keychainUnavailable);
    SetupDraftStore store(&secrets);
    QSignalSpy spy(&store, &SetupDraftStore::saved);
    store.save(sampleDraft(), settings, true);
    QVERIFY(spy.wait(5000));
    const auto result = spy.at(0).at(0).value<SetupDraftStore::SaveResult>();
    QVERIFY(result.ok);
    QVERIFY(result.secretsInMemoryOnly);
    QCOMPARE(unavailable.count(), 1);
    QVERIFY(secrets.isInMemoryOnly(QStringLiteral("bob/token")));
}

void TestSetupDraft::loadSecrets_fillsDraft()
{
    InMemorySecretStore secrets;
    secrets.setValue(QStringLiteral("bob/token"), QStringLiteral("tok"));
    SetupDraftStore store(&secrets);
    bool done = false;
    SetupDraft got;
    store.loadSecrets(SetupDraft(), [&](const SetupDraft& d, const QStringList& errors) {
        done = true;
        got = d;
        QVERIFY(errors.isEmpty());
    });
    QTRY_VERIFY(done);
    QCOMPARE(got.config.bob.token, QStringLiteral("tok"));
    QVERIFY(got.config.ashby.apiKey.isEmpty());
}

QTEST_GUILESS_MAIN(TestSetupDraft)
#include "test_setupdraft.moc"
