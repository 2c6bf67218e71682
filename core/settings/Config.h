#pragma once

#include <QHash>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QUrl>

class QSettings;

// Where the Hire API event or the people record goes.
enum class BobMode { HireApi, Direct };

struct AshbyConfig
{
    QUrl baseUrl; // API base; the client appends "/<category>.<method>"
    QString apiKey; // secret: memory only
    bool apiKeyFromEnvironment = false;
};

struct BobConfig
{
    QUrl apiUrl; // API base preceding /v1
    QUrl hireUrl; // opaque Hire URL copied from Bob; posted to unchanged
    QString serviceUserId;
    QString token; // secret: memory only
    bool tokenFromEnvironment = false;
    BobMode mode = BobMode::HireApi;
};

struct BambooHrConfig
{
    QUrl url; // API base preceding /v1, company included: https://api.bamboohr.com/api/gateway.php/<company>
    QString apiKey; // secret: memory only
    bool apiKeyFromEnvironment = false;
};

struct PersonioConfig
{
    QUrl url; // API base preceding /v1 (default https://api.personio.de)
    QString clientId;
    QString clientSecret; // secret: memory only (and the bearer token it buys)
    bool clientSecretFromEnvironment = false;
    QString partnerId = QStringLiteral("HIREBRIDGE"); // X-Personio-Partner-ID
    QString appId = QStringLiteral("HIREBRIDGE"); // X-Personio-App-ID
};

// The effective configuration: saved settings overridden by HIREBRIDGE_* environment variables (design §6).
// Secrets are only ever filled from the environment or the SecretStore, never from QSettings.
struct Config
{
    QString dataDir;
    AshbyConfig ashby;
    BobConfig bob;
    BambooHrConfig bamboohr;
    PersonioConfig personio;
    // HIREBRIDGE_SMTP_PASSWORD: the relay's password for headless runs; then the keychain is not asked for it.
    QString smtpPassword;
    bool smtpPasswordFromEnvironment = false;

    // Targets the admin can push to with this configuration, in display order ("bob", "bamboohr", "personio").
    QStringList targets() const;

    static QString defaultDataDir();
    // Reads settings then the environment. Problems in values (bad URL, unknown mode) go to *errors; secrets found
    // in the environment are registered for redaction.
    static Config load(const QSettings& settings, const QProcessEnvironment& env, QStringList* errors);
    // Saves the non-secret values only.
    void save(QSettings& settings) const;

    static QString bobModeName(BobMode mode);
    // Where an admin opens Bob in a browser (for links in e-mails): app.hibob.com for the production API, the
    // sandbox's pending-hires page for a loopback API, empty when unknown.
    QString bobWebUrl() const;
    // Per target, where an admin opens it in a browser (Bob as above; BambooHR from the company in its URL).
    QHash<QString, QString> targetWebUrls() const;
};

// QSettings keys (non-secret values only).
namespace SettingsKey {
inline constexpr const char* AshbyUrl = "ashby/url";
inline constexpr const char* BobApiUrl = "bob/apiUrl";
inline constexpr const char* BobHireUrl = "bob/hireUrl";
inline constexpr const char* BobServiceUserId = "bob/serviceUserId";
inline constexpr const char* BobMode = "bob/mode";
inline constexpr const char* BambooHrUrl = "bamboohr/url";
inline constexpr const char* PersonioUrl = "personio/url";
inline constexpr const char* PersonioClientId = "personio/clientId";
} // namespace SettingsKey

// SecretStore keys.
namespace SecretKey {
inline constexpr const char* AshbyApiKey = "ashby/apiKey";
inline constexpr const char* BobToken = "bob/token";
inline constexpr const char* BambooHrApiKey = "bamboohr/apiKey";
inline constexpr const char* PersonioClientSecret = "personio/clientSecret";
} // namespace SecretKey
