#pragma once

#include "SecretStore.h"

#include <QHash>

// Keeps secrets in memory for this process only: tests, the demo profile, and the fallback when the keychain is
// unavailable. Can be told to fail or never answer, so callers' error paths are testable.
class InMemorySecretStore : public SecretStore
{
    Q_OBJECT
public:
    enum class Behaviour { Normal, Unavailable, AccessDenied, NeverAnswer };

    using SecretStore::SecretStore;

    void setBehaviour(Behaviour behaviour) { m_behaviour = behaviour; }
    void read(const QString& key, Callback done) override;
    void write(const QString& key, const QString& value, Callback done) override;
    void remove(const QString& key, Callback done) override;
    QString description() const override;

    // Synchronous access for tests and setup code.
    QString value(const QString& key) const { return m_values.value(key); }
    void setValue(const QString& key, const QString& value);

private:
    bool fail(const Callback& done) const;

    Behaviour m_behaviour = Behaviour::Normal;
    QHash<QString, QString> m_values;
};
