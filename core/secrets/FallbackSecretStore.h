#pragma once

#include "SecretStore.h"

#include <QPointer>

class InMemorySecretStore;

// The app's store: the keychain first; when it is unavailable or refuses (Unavailable, AccessDenied), the secret is
// kept in memory for this run only and keychainUnavailable() is emitted (once), so the app can show a persistent
// banner. Never plain text. Each call waits at most as long as the primary's own timeout.
//
// Reads look in memory first (a secret kept there this run is the newest), then the keychain. A write that the
// keychain accepts also drops a memory copy, so the two never disagree.
class FallbackSecretStore : public SecretStore
{
    Q_OBJECT
public:
    // `primary` is not owned (parent it where it belongs); it must outlive this store or be destroyed with it.
    explicit FallbackSecretStore(SecretStore* primary, QObject* parent = nullptr);

    void read(const QString& key, Callback done) override;
    void write(const QString& key, const QString& value, Callback done) override;
    void remove(const QString& key, Callback done) override;
    QString description() const override;

    bool isKeychainUnavailable() const { return m_unavailable; }
    QString unavailableReason() const { return m_reason; }
    SecretStore* primary() const { return m_primary; }
    // True when `key` is held in memory only (for this run).
    bool isInMemoryOnly(const QString& key) const;

Q_SIGNALS:
    void keychainUnavailable(const QString& reason);

private:
    static bool refused(const Result& result);
    void markUnavailable(const QString& reason);

    QPointer<SecretStore> m_primary;
    InMemorySecretStore* m_memory;
    bool m_unavailable = false;
    QString m_reason;
};
