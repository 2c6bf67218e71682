#pragma once

#include "SecretStore.h"

// QtKeychain with the insecure fallback off. Service name = the app id; each key is one entry. A job that does not
// answer within timeoutMs completes with Unavailable (QtKeychain jobs can hang, qtkeychain#240); jobs are kept
// alive until they finish. Any D-Bus / backend error maps to Unavailable: never a plain-text fallback.
class KeychainSecretStore : public SecretStore
{
    Q_OBJECT
public:
    explicit KeychainSecretStore(const QString& service, QObject* parent = nullptr);

    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    void read(const QString& key, Callback done) override;
    void write(const QString& key, const QString& value, Callback done) override;
    void remove(const QString& key, Callback done) override;
    QString description() const override;

private:
    QString m_service;
    int m_timeoutMs = 15000;
};
