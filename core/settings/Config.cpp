#include "Config.h"

#include "http/HttpClient.h"
#include "http/Redaction.h"

#include <QSettings>
#include <QStandardPaths>

namespace {

const QString kDefaultAshbyUrl = QStringLiteral("https://api.ashbyhq.com");
const QString kDefaultBobUrl = QStringLiteral("https://api.hibob.com");
const QString kDefaultPersonioUrl = QStringLiteral("https://api.personio.de");

QString pick(const QSettings& settings, const char* key, const QProcessEnvironment& env, const char* var,
    const QString& fallback = {})
{
    const QString name = QString::fromLatin1(var);
    if (env.contains(name)) {
        return env.value(name).trimmed();
    }
    return settings.value(QString::fromLatin1(key), fallback).toString().trimmed();
}

QUrl parseUrl(const QString& text, const char* what, QStringList* errors)
{
    if (text.isEmpty()) {
        return {};
    }
    QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.scheme().isEmpty() || url.host().isEmpty()) {
        errors->append(QStringLiteral("%1 is not a valid URL: \"%2\"").arg(QString::fromLatin1(what), text));
        return {};
    }
    // The API base precedes /v1 (or the Ashby RPC names): a trailing slash would double up.
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/'))) {
        path.chop(1);
    }
    url.setPath(path);
    return url;
}

} // namespace

QStringList Config::targets() const
{
    QStringList list {QStringLiteral("bob")};
    // BambooHR's URL names the company, so it has no default; Personio counts once a client id or a URL is given.
    if (bamboohr.url.isValid() && !bamboohr.url.isEmpty()) {
        list << QStringLiteral("bamboohr");
    }
    if (personio.url.isValid() && !personio.url.isEmpty()) {
        list << QStringLiteral("personio");
    }
    return list;
}

QString Config::defaultDataDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

QString Config::bobModeName(BobMode mode)
{
    return mode == BobMode::HireApi ? QStringLiteral("hire-api") : QStringLiteral("direct");
}

Config Config::load(const QSettings& settings, const QProcessEnvironment& env, QStringList* errors)
{
    Config c;
    const QString dataDir = env.value(QStringLiteral("HIREBRIDGE_DATA_DIR")).trimmed();
    c.dataDir = dataDir.isEmpty() ? defaultDataDir() : dataDir;

    c.ashby.baseUrl = parseUrl(pick(settings, SettingsKey::AshbyUrl, env, "HIREBRIDGE_ASHBY_URL", kDefaultAshbyUrl),
        "HIREBRIDGE_ASHBY_URL", errors);
    if (env.contains(QStringLiteral("HIREBRIDGE_ASHBY_API_KEY"))) {
        c.ashby.apiKey = env.value(QStringLiteral("HIREBRIDGE_ASHBY_API_KEY")); // exactly as given (design §6)
        c.ashby.apiKeyFromEnvironment = true;
    }

    c.bob.apiUrl = parseUrl(pick(settings, SettingsKey::BobApiUrl, env, "HIREBRIDGE_BOB_API_URL", kDefaultBobUrl),
        "HIREBRIDGE_BOB_API_URL", errors);
    const QString hire = pick(settings, SettingsKey::BobHireUrl, env, "HIREBRIDGE_BOB_HIRE_URL");
    if (!hire.isEmpty()) {
        // The Hire URL is opaque: keep it exactly as given, only check that it parses.
        QUrl url(hire, QUrl::StrictMode);
        if (!url.isValid() || url.scheme().isEmpty() || url.host().isEmpty()) {
            errors->append(QStringLiteral("HIREBRIDGE_BOB_HIRE_URL is not a valid URL: \"%1\"").arg(hire));
        } else {
            c.bob.hireUrl = url;
        }
    }
    c.bob.serviceUserId = pick(settings, SettingsKey::BobServiceUserId, env, "HIREBRIDGE_BOB_SERVICE_USER_ID");
    if (env.contains(QStringLiteral("HIREBRIDGE_BOB_TOKEN"))) {
        c.bob.token = env.value(QStringLiteral("HIREBRIDGE_BOB_TOKEN")); // exactly as given (design §6)
        c.bob.tokenFromEnvironment = true;
    }
    const QString mode = pick(settings, SettingsKey::BobMode, env, "HIREBRIDGE_BOB_MODE", QStringLiteral("hire-api"));
    if (mode.isEmpty() || mode == QLatin1String("hire-api")) {
        c.bob.mode = BobMode::HireApi;
    } else if (mode == QLatin1String("direct")) {
        c.bob.mode = BobMode::Direct;
    } else {
        errors->append(QStringLiteral("HIREBRIDGE_BOB_MODE must be \"hire-api\" or \"direct\", not \"%1\"").arg(mode));
    }

    c.bamboohr.url = parseUrl(
        pick(settings, SettingsKey::BambooHrUrl, env, "HIREBRIDGE_BAMBOOHR_URL"), "HIREBRIDGE_BAMBOOHR_URL", errors);
    if (env.contains(QStringLiteral("HIREBRIDGE_BAMBOOHR_API_KEY"))) {
        c.bamboohr.apiKey = env.value(QStringLiteral("HIREBRIDGE_BAMBOOHR_API_KEY")); // exactly as given (design §6)
        c.bamboohr.apiKeyFromEnvironment = true;
    }
    c.personio.clientId = pick(settings, SettingsKey::PersonioClientId, env, "HIREBRIDGE_PERSONIO_CLIENT_ID");
    const QString personioUrl = pick(settings, SettingsKey::PersonioUrl, env, "HIREBRIDGE_PERSONIO_URL");
    c.personio.url
        = parseUrl(personioUrl.isEmpty() && !c.personio.clientId.isEmpty() ? kDefaultPersonioUrl : personioUrl,
            "HIREBRIDGE_PERSONIO_URL", errors);
    if (env.contains(QStringLiteral("HIREBRIDGE_PERSONIO_CLIENT_SECRET"))) {
        c.personio.clientSecret
            = env.value(QStringLiteral("HIREBRIDGE_PERSONIO_CLIENT_SECRET")); // exactly as given (design §6)
        c.personio.clientSecretFromEnvironment = true;
    }

    if (env.contains(QStringLiteral("HIREBRIDGE_SMTP_PASSWORD"))) {
        c.smtpPassword = env.value(QStringLiteral("HIREBRIDGE_SMTP_PASSWORD"));
        c.smtpPasswordFromEnvironment = true;
    }

    for (const auto* var : {"HIREBRIDGE_ASHBY_API_KEY", "HIREBRIDGE_BOB_TOKEN", "HIREBRIDGE_BAMBOOHR_API_KEY",
             "HIREBRIDGE_PERSONIO_CLIENT_SECRET", "HIREBRIDGE_SMTP_PASSWORD"}) {
        const QString value = env.value(QString::fromLatin1(var));
        if (!value.isEmpty()) {
            Redaction::registerSecret(value);
            if (value.trimmed() != value && !value.trimmed().isEmpty()) {
                Redaction::registerSecret(value.trimmed()); // a server may echo it without the blanks
            }
        }
    }
    return c;
}

void Config::save(QSettings& settings) const
{
    settings.setValue(QString::fromLatin1(SettingsKey::AshbyUrl), ashby.baseUrl.toString());
    settings.setValue(QString::fromLatin1(SettingsKey::BobApiUrl), bob.apiUrl.toString());
    settings.setValue(QString::fromLatin1(SettingsKey::BobHireUrl), bob.hireUrl.toString());
    settings.setValue(QString::fromLatin1(SettingsKey::BobServiceUserId), bob.serviceUserId);
    settings.setValue(QString::fromLatin1(SettingsKey::BobMode), bobModeName(bob.mode));
    settings.setValue(QString::fromLatin1(SettingsKey::BambooHrUrl), bamboohr.url.toString());
    settings.setValue(QString::fromLatin1(SettingsKey::PersonioUrl), personio.url.toString());
    settings.setValue(QString::fromLatin1(SettingsKey::PersonioClientId), personio.clientId);
}

QString Config::bobWebUrl() const
{
    const QString host = bob.apiUrl.host();
    if (host == QLatin1String("api.hibob.com")) {
        return QStringLiteral("https://app.hibob.com/");
    }
    if (host == QLatin1String("api.sandbox.hibob.com")) {
        return QStringLiteral("https://app.sandbox.hibob.com/");
    }
    if (host == QLatin1String("127.0.0.1") || host == QLatin1String("localhost")) {
        QUrl url = bob.apiUrl;
        url.setPath(bob.apiUrl.path() + QStringLiteral("/_sandbox/pending-hires"));
        return url.toString();
    }
    return {};
}

QHash<QString, QString> Config::targetWebUrls() const
{
    QHash<QString, QString> urls;
    urls.insert(QStringLiteral("bob"), bobWebUrl());
    // https://api.bamboohr.com/api/gateway.php/<company> → https://<company>.bamboohr.com/ (where admins log in).
    const QString path = bamboohr.url.path();
    const QString marker = QStringLiteral("/api/gateway.php/");
    if (bamboohr.url.host() == QLatin1String("api.bamboohr.com") && path.contains(marker)) {
        const QString company = path.mid(path.indexOf(marker) + marker.size()).section(QLatin1Char('/'), 0, 0);
        if (!company.isEmpty()) {
            urls.insert(QStringLiteral("bamboohr"), QStringLiteral("https://%1.bamboohr.com/").arg(company));
        }
    } else if (bamboohr.url.host().endsWith(QLatin1String(".bamboohr.com"))) {
        urls.insert(QStringLiteral("bamboohr"), QStringLiteral("https://%1/").arg(bamboohr.url.host()));
    }
    if (personio.url.host() == QLatin1String("api.personio.de")) {
        urls.insert(QStringLiteral("personio"), QStringLiteral("https://app.personio.com/"));
    }
    // The sandbox: one page lists what every fake received.
    const QString sandboxPage = bobWebUrl();
    if (!sandboxPage.isEmpty() && HttpClient::isLoopbackHost(bob.apiUrl.host())) {
        for (const auto& [target, url] : {std::pair {QStringLiteral("bamboohr"), bamboohr.url},
                 std::pair {QStringLiteral("personio"), personio.url}}) {
            if (HttpClient::isLoopbackHost(url.host())) {
                urls.insert(target, sandboxPage);
            }
        }
    }
    return urls;
}
