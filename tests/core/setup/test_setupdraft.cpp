#include "secrets/FallbackSecretStore.h"
#include "secrets/InMemorySecretStore.h"
#include "setup/SetupDraft.h"

#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

class TestSetupDraft : public QObject
{
    Q_OBJECT

private slots:
    void save_writesSettingsAndSecretsApart();
    void save_keychainRefuses_inMemoryOnly();
    void loadSecrets_fillsDraft();
    void save_hrisTargets_settingsAndSecretsApart_roundTrip();
    void save_hrisTargetsRemoved_keysAndSecretsGone();
    void save_personioDefaultUrl_noUrlKey();
    void loadSecrets_unusedTargets_notAsked();
    void bambooHrUrlFromInput_data();
    void bambooHrUrlFromInput();
    void bambooHrInputFromUrl_companyForGatewayForm();
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

SetupDraft hrisDraft()
{
    SetupDraft d = sampleDraft();
    d.config.bamboohr.url = QUrl(QStringLiteral("https://api.bamboohr.com/api/gateway.php/acme"));
    d.config.bamboohr.apiKey = QStringLiteral("secret-bamboohr-key-abc");
    d.config.personio.url = QUrl(QStringLiteral("https://api.personio.example"));
    d.config.personio.clientId = QStringLiteral("personio-client-1");
    d.config.personio.clientSecret = QStringLiteral("secret-personio-def");
    return d;
}

// Saves and waits for the result; the settings object is synced and closed when this returns.
SetupDraftStore::SaveResult saveAndWait(const SetupDraft& draft, const QString& file, SecretStore* secrets)
{
    QSettings settings(file, QSettings::IniFormat);
    SetupDraftStore store(secrets);
    QSignalSpy spy(&store, &SetupDraftStore::saved);
    store.save(draft, settings, false);
    if (!spy.wait(5000)) {
        return {false, false, {QStringLiteral("no saved() signal")}};
    }
    return spy.at(0).at(0).value<SetupDraftStore::SaveResult>();
}

QByteArray fileText(const QString& file)
{
    QFile f(file);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// The store's answer for `key`, through its asynchronous API (NotFound proves the secret is gone).
SecretStore::Status readStatus(SecretStore* secrets, const QString& key)
{
    std::optional<SecretStore::Status> status;
    secrets->read(key, [&status](const SecretStore::Result& r) { status = r.status; });
    if (!QTest::qWaitFor([&status] { return status.has_value(); }, 5000)) {
        return SecretStore::Status::Unavailable; // no answer: a value the callers never expect
    }
    return *status;
}

// Counts reads per key, to show which secrets a load asks for.
class CountingSecretStore : public InMemorySecretStore
{
public:
    using InMemorySecretStore::InMemorySecretStore;
    void read(const QString& key, Callback done) override
    {
        readKeys << key;
        InMemorySecretStore::read(key, std::move(done));
    }
    QStringList readKeys;
};

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

void TestSetupDraft::save_hrisTargets_settingsAndSecretsApart_roundTrip()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("settings.ini"));
    InMemorySecretStore secrets;
    const auto result = saveAndWait(hrisDraft(), file, &secrets);
    QVERIFY2(result.ok, qPrintable(result.errors.join(QLatin1Char(' '))));
    QCOMPARE(secrets.value(QStringLiteral("bamboohr/apiKey")), QStringLiteral("secret-bamboohr-key-abc"));
    QCOMPARE(secrets.value(QStringLiteral("personio/clientSecret")), QStringLiteral("secret-personio-def"));
    const QByteArray text = fileText(file);
    QVERIFY(text.contains("gateway.php/acme"));
    QVERIFY(text.contains("personio-client-1"));
    QVERIFY(text.contains("api.personio.example"));
    QVERIFY2(!text.contains("secret-"), text.constData());

    QSettings settings(file, QSettings::IniFormat);
    const SetupDraft loaded = SetupDraft::fromSettings(settings);
    QCOMPARE(loaded.config.bamboohr.url, QUrl(QStringLiteral("https://api.bamboohr.com/api/gateway.php/acme")));
    QCOMPARE(loaded.config.personio.url, QUrl(QStringLiteral("https://api.personio.example")));
    QCOMPARE(loaded.config.personio.clientId, QStringLiteral("personio-client-1"));
    QVERIFY(loaded.config.bamboohr.apiKey.isEmpty());
    QVERIFY(loaded.config.personio.clientSecret.isEmpty());
    QCOMPARE(loaded.config.targets(),
        QStringList({QStringLiteral("bob"), QStringLiteral("bamboohr"), QStringLiteral("personio")}));

    SetupDraftStore store(&secrets);
    std::optional<SetupDraft> withSecrets;
    store.loadSecrets(loaded, [&](const SetupDraft& d, const QStringList& errors) {
        QVERIFY(errors.isEmpty());
        withSecrets = d;
    });
    QTRY_VERIFY(withSecrets.has_value());
    QCOMPARE(withSecrets->config.bamboohr.apiKey, QStringLiteral("secret-bamboohr-key-abc"));
    QCOMPARE(withSecrets->config.personio.clientSecret, QStringLiteral("secret-personio-def"));
}

void TestSetupDraft::save_hrisTargetsRemoved_keysAndSecretsGone()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("settings.ini"));
    InMemorySecretStore secrets;
    QVERIFY(saveAndWait(hrisDraft(), file, &secrets).ok);

    // The admin pressed Remove: the URL and the client id are empty, the secrets may still sit in the draft.
    SetupDraft removed = hrisDraft();
    removed.config.bamboohr.url = QUrl();
    removed.config.personio.clientId.clear();
    const auto result = saveAndWait(removed, file, &secrets);
    QVERIFY2(result.ok, qPrintable(result.errors.join(QLatin1Char(' '))));

    QSettings settings(file, QSettings::IniFormat);
    QVERIFY(!settings.contains(QString::fromLatin1(SettingsKey::BambooHrUrl)));
    QVERIFY(!settings.contains(QString::fromLatin1(SettingsKey::PersonioUrl)));
    QVERIFY(!settings.contains(QString::fromLatin1(SettingsKey::PersonioClientId)));
    QVERIFY(settings.childGroups().contains(QStringLiteral("bob")));
    QVERIFY(!settings.childGroups().contains(QStringLiteral("bamboohr")));
    QVERIFY(!settings.childGroups().contains(QStringLiteral("personio")));
    QCOMPARE(readStatus(&secrets, QStringLiteral("bamboohr/apiKey")), SecretStore::Status::NotFound);
    QCOMPARE(readStatus(&secrets, QStringLiteral("personio/clientSecret")), SecretStore::Status::NotFound);
    QCOMPARE(secrets.value(QStringLiteral("bob/token")), QStringLiteral("secret-bob-token-456"));
    QCOMPARE(SetupDraft::fromSettings(settings).config.targets(), QStringList {QStringLiteral("bob")});
}

void TestSetupDraft::save_personioDefaultUrl_noUrlKey()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("settings.ini"));
    InMemorySecretStore secrets;
    SetupDraft d = hrisDraft();
    d.config.personio.url = QUrl();
    QVERIFY(saveAndWait(d, file, &secrets).ok);
    QSettings settings(file, QSettings::IniFormat);
    QVERIFY(!settings.contains(QString::fromLatin1(SettingsKey::PersonioUrl)));
    // Config fills in Personio's default once a client id is there.
    QCOMPARE(SetupDraft::fromSettings(settings).config.personio.url, QUrl(QStringLiteral("https://api.personio.de")));
}

void TestSetupDraft::loadSecrets_unusedTargets_notAsked()
{
    CountingSecretStore secrets;
    SetupDraftStore store(&secrets);
    bool done = false;
    store.loadSecrets(sampleDraft(), [&](const SetupDraft&, const QStringList&) { done = true; });
    QTRY_VERIFY(done);
    QVERIFY(!secrets.readKeys.contains(QStringLiteral("bamboohr/apiKey")));
    QVERIFY(!secrets.readKeys.contains(QStringLiteral("personio/clientSecret")));
    QCOMPARE(secrets.readKeys.size(), 3);
}

void TestSetupDraft::bambooHrUrlFromInput_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("url"); // empty: no URL
    QTest::addColumn<bool>("problem");
    const QString acme = QStringLiteral("https://api.bamboohr.com/api/gateway.php/acme");
    QTest::newRow("empty") << QString() << QString() << false;
    QTest::newRow("spaces only") << QStringLiteral("   ") << QString() << false;
    QTest::newRow("company") << QStringLiteral("acme") << acme << false;
    QTest::newRow("company, padded, capitals") << QStringLiteral("  Acme ") << acme << false;
    QTest::newRow("company with hyphen") << QStringLiteral("nord-licht")
                                         << QStringLiteral("https://api.bamboohr.com/api/gateway.php/nord-licht")
                                         << false;
    QTest::newRow("sign-in host") << QStringLiteral("acme.bamboohr.com") << acme << false;
    QTest::newRow("sign-in address") << QStringLiteral("https://acme.bamboohr.com/home/") << acme << false;
    QTest::newRow("gateway URL") << acme << acme << false;
    QTest::newRow("gateway URL, trailing slash") << acme + QStringLiteral("/") << acme << false;
    QTest::newRow("gateway URL with /v1") << acme + QStringLiteral("/v1/") << acme << false;
    QTest::newRow("gateway without scheme") << QStringLiteral("api.bamboohr.com/api/gateway.php/acme") << acme << false;
    QTest::newRow("subdomain API form") << QStringLiteral("https://acme.bamboohr.com/api/")
                                        << QStringLiteral("https://acme.bamboohr.com/api") << false;
    QTest::newRow("loopback http") << QStringLiteral("http://127.0.0.1:8080/api/gateway.php/acme")
                                   << QStringLiteral("http://127.0.0.1:8080/api/gateway.php/acme") << false;
    QTest::newRow("plain http elsewhere") << QStringLiteral("http://bamboo.example/api") << QString() << true;
    QTest::newRow("gateway without company")
        << QStringLiteral("https://api.bamboohr.com/api/gateway.php/") << QString() << true;
    QTest::newRow("API host alone") << QStringLiteral("https://api.bamboohr.com") << QString() << true;
    QTest::newRow("words") << QStringLiteral("Acme Corp") << QString() << true;
    QTest::newRow("other scheme") << QStringLiteral("ftp://acme.bamboohr.com") << QString() << true;
}

void TestSetupDraft::bambooHrUrlFromInput()
{
    QFETCH(QString, input);
    QFETCH(QString, url);
    QFETCH(bool, problem);
    QString text;
    const QUrl got = SetupDraft::bambooHrUrlFromInput(input, &text);
    QCOMPARE(got.toString(), url);
    QCOMPARE(!text.isEmpty(), problem);
    if (problem) {
        QVERIFY2(text.contains(input.trimmed()), qPrintable(text)); // names what the admin typed
    }
}

void TestSetupDraft::bambooHrInputFromUrl_companyForGatewayForm()
{
    QCOMPARE(SetupDraft::bambooHrInputFromUrl(QUrl(QStringLiteral("https://api.bamboohr.com/api/gateway.php/acme"))),
        QStringLiteral("acme"));
    const QString loopback = QStringLiteral("http://127.0.0.1:8080/api/gateway.php/acme");
    QCOMPARE(SetupDraft::bambooHrInputFromUrl(QUrl(loopback)), loopback);
    QCOMPARE(SetupDraft::bambooHrInputFromUrl(QUrl()), QString());
    // What the field shows comes back as the same URL.
    for (const QString& url : {QStringLiteral("https://api.bamboohr.com/api/gateway.php/acme"), loopback,
             QStringLiteral("https://acme.bamboohr.com/api")}) {
        QString problem;
        QCOMPARE(SetupDraft::bambooHrUrlFromInput(SetupDraft::bambooHrInputFromUrl(QUrl(url)), &problem), QUrl(url));
        QVERIFY(problem.isEmpty());
    }
}

QTEST_GUILESS_MAIN(TestSetupDraft)
#include "test_setupdraft.moc"
