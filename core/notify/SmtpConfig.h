#pragma once

#include <QString>

class QSettings;

// The organisation's relay. The password is a secret ("smtp/password" in the SecretStore), never in settings.
struct SmtpConfig
{
    enum class Security { StartTls, ImplicitTls, None }; // None only for loopback relays (tests, local MTA)
    QString host;
    int port = 587;
    Security security = Security::StartTls;
    QString username; // empty: no login
    QString password; // memory only
    QString fromAddress;
    QString fromName = QStringLiteral("Hirebridge");
    int timeoutSeconds = 30;

    bool isConfigured() const { return !host.isEmpty() && !fromAddress.isEmpty(); }
    static QString securityName(Security security); // "starttls", "tls", "none"
    static Security securityFromName(const QString& name); // unknown: StartTls
    static int defaultPort(Security security); // 587, 465, 25
    // Keys smtp/host, smtp/port, smtp/security, smtp/username, smtp/from, smtp/fromName, smtp/timeout. A missing or
    // invalid port is the security's default port; the timeout is clamped to 1..600 s.
    static SmtpConfig load(const QSettings& settings); // without the password
    void save(QSettings& settings) const; // without the password
};

namespace SecretKey {
inline constexpr const char* SmtpPassword = "smtp/password";
} // namespace SecretKey
