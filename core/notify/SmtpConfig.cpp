#include "notify/SmtpConfig.h"

#include <QSettings>

#include <algorithm>

namespace {

const QString kHost = QStringLiteral("smtp/host");
const QString kPort = QStringLiteral("smtp/port");
const QString kSecurity = QStringLiteral("smtp/security");
const QString kUsername = QStringLiteral("smtp/username");
const QString kFrom = QStringLiteral("smtp/from");
const QString kFromName = QStringLiteral("smtp/fromName");
const QString kTimeout = QStringLiteral("smtp/timeout");

} // namespace

QString SmtpConfig::securityName(Security security)
{
    switch (security) {
    case Security::StartTls:
        return QStringLiteral("starttls");
    case Security::ImplicitTls:
        return QStringLiteral("tls");
    case Security::None:
        return QStringLiteral("none");
    }
    return QStringLiteral("starttls");
}

SmtpConfig::Security SmtpConfig::securityFromName(const QString& name)
{
    const QString key = name.trimmed().toLower();
    if (key == QLatin1StringView("tls") || key == QLatin1StringView("ssl") || key == QLatin1StringView("smtps")) {
        return Security::ImplicitTls;
    }
    if (key == QLatin1StringView("none") || key == QLatin1StringView("plain")) {
        return Security::None;
    }
    return Security::StartTls; // unknown or empty: the safe choice
}

int SmtpConfig::defaultPort(Security security)
{
    switch (security) {
    case Security::StartTls:
        return 587;
    case Security::ImplicitTls:
        return 465;
    case Security::None:
        return 25;
    }
    return 587;
}

SmtpConfig SmtpConfig::load(const QSettings& settings)
{
    SmtpConfig config;
    config.host = settings.value(kHost).toString().trimmed();
    config.security = securityFromName(settings.value(kSecurity).toString());
    bool ok = false;
    const int port = settings.value(kPort).toInt(&ok);
    config.port = ok && port > 0 && port <= 65535 ? port : defaultPort(config.security);
    config.username = settings.value(kUsername).toString().trimmed();
    config.fromAddress = settings.value(kFrom).toString().trimmed();
    if (settings.contains(kFromName)) {
        config.fromName = settings.value(kFromName).toString().trimmed();
    }
    const int timeout = settings.value(kTimeout).toInt(&ok);
    if (ok && timeout > 0) {
        config.timeoutSeconds = std::clamp(timeout, 1, 600);
    }
    return config;
}

void SmtpConfig::save(QSettings& settings) const
{
    settings.setValue(kHost, host.trimmed());
    settings.setValue(kPort, port);
    settings.setValue(kSecurity, securityName(security));
    settings.setValue(kUsername, username.trimmed());
    settings.setValue(kFrom, fromAddress.trimmed());
    settings.setValue(kFromName, fromName.trimmed());
    settings.setValue(kTimeout, timeoutSeconds);
    // Never the password: it lives in the SecretStore under SecretKey::SmtpPassword.
    settings.remove(QStringLiteral("smtp/password"));
}
