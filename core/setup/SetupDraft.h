#pragma once

#include "notify/Recipient.h"
#include "notify/SmtpConfig.h"
#include "secrets/SecretStore.h"
#include "settings/Config.h"

#include <QCoreApplication>
#include <QList>
#include <QObject>
#include <QStringList>
#include <QUrl>

#include <functional>

class QSettings;

// Everything the setup wizard and the Settings dialog edit, shared by their pages and tabs: the configuration
// (secrets in memory only), the notification relay and its recipients, and what the wizard's checks found.
struct SetupDraft
{
    Q_DECLARE_TR_FUNCTIONS(SetupDraft)

public:
    // ashby.apiKey, bob.token, bamboohr.apiKey and personio.clientSecret are secrets: memory only until saved through
    // the SecretStore. BambooHR counts as used when bamboohr.url is set, Personio when personio.clientId is set;
    // saving a draft where one is not used removes its settings keys and deletes its secret.
    Config config;
    SmtpConfig smtp; // smtp.password likewise
    QList<Recipient> recipients;
    QString adminEmail; // the admin running the setup (the default recipient)

    // What the checks found (shown on the summary; not saved).
    bool ashbyVerified = false;
    QString ashbyKeyTitle;
    bool bobVerified = false;
    int bobEmployeeCount = 0;
    QStringList bobConsequences;
    bool testHireSent = false;

    // The saved values (never the environment's overrides: the wizard edits what is stored). No secrets.
    static SetupDraft fromSettings(const QSettings& settings);
    // True once a wizard run was finished; the app shows the wizard on first start otherwise.
    static bool isSetupComplete(const QSettings& settings);

    // The BambooHR API base (preceding /v1) from what the admin typed: a company domain ("acme"), the address they
    // sign in at ("https://acme.bamboohr.com/home"), or a full API URL (kept; a trailing "/" or "/v1" dropped).
    // Empty input gives an empty URL and no problem; unusable input gives an empty URL and one sentence in *problem.
    static QUrl bambooHrUrlFromInput(const QString& input, QString* problem);
    // The reverse, for the field: the company domain when `url` is the standard gateway form, else the URL itself.
    static QString bambooHrInputFromUrl(const QUrl& url);
    // https://api.bamboohr.com/api/gateway.php/<company>: the form design §6 uses as BambooHR's default.
    static QUrl bambooHrGatewayUrl(const QString& company);
};

namespace SetupKey {
inline constexpr const char* Completed = "setup/completed";
inline constexpr const char* AdminEmail = "setup/adminEmail";
} // namespace SetupKey

// Loads and saves a draft: non-secret values in QSettings, secrets through the SecretStore, one after the other (a
// keychain may prompt; several prompts at once would confuse the admin). Every call completes exactly once.
class SetupDraftStore : public QObject
{
    Q_OBJECT
public:
    struct SaveResult
    {
        bool ok = true; // settings written and every secret accepted by the store
        bool secretsInMemoryOnly = false; // the keychain was unavailable: the secrets last until Hirebridge quits
        QStringList errors; // for the admin, one sentence each
    };
    using LoadCallback = std::function<void(const SetupDraft& draft, const QStringList& errors)>;

    explicit SetupDraftStore(SecretStore* secrets, QObject* parent = nullptr);

    // Fills the draft's secrets (Ashby key, Bob token, SMTP password, and the BambooHR key and Personio client secret
    // when those targets are used) from the store. A missing secret is no error.
    void loadSecrets(const SetupDraft& draft, LoadCallback done);
    // Writes the non-secret values (and setup/completed when markComplete) into `settings` at once, then the
    // secrets through the store; emits saved() when all are done. An empty secret, and the secret of a BambooHR or
    // Personio connection the draft does not use, is deleted from the store.
    void save(const SetupDraft& draft, QSettings& settings, bool markComplete);
    bool isSaving() const { return m_saving; }

Q_SIGNALS:
    void saved(const SetupDraftStore::SaveResult& result);

private:
    SecretStore* m_secrets;
    bool m_saving = false;
};

Q_DECLARE_METATYPE(SetupDraftStore::SaveResult)
