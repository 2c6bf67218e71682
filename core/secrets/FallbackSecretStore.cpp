#include "FallbackSecretStore.h"

#include "InMemorySecretStore.h"

#include <QLoggingCategory>
#include <QPointer>
#include <QTimer>

namespace {

// Anonymous namespace: the other stores define the same category name for their own use.
Q_LOGGING_CATEGORY(lcSecrets, "hirebridge.secrets", QtInfoMsg)

} // namespace

FallbackSecretStore::FallbackSecretStore(SecretStore* primary, QObject* parent)
    : SecretStore(parent)
    , m_primary(primary)
    , m_memory(new InMemorySecretStore(this))
{
}

bool FallbackSecretStore::refused(const Result& result)
{
    return result.status == Status::Unavailable || result.status == Status::AccessDenied;
}

void FallbackSecretStore::markUnavailable(const QString& reason)
{
    if (m_unavailable) {
        return;
    }
    m_unavailable = true;
    m_reason = reason;
    // The reason comes from the keychain backend (D-Bus text), never from a secret.
    qCWarning(lcSecrets) << "system keychain unavailable, secrets kept in memory for this run:" << reason;
    Q_EMIT keychainUnavailable(reason);
}

bool FallbackSecretStore::isInMemoryOnly(const QString& key) const
{
    return !m_memory->value(key).isNull();
}

void FallbackSecretStore::read(const QString& key, Callback done)
{
    if (isInMemoryOnly(key) || !m_primary) {
        m_memory->read(key, std::move(done));
        return;
    }
    QPointer<FallbackSecretStore> self(this);
    m_primary->read(key, [self, key, done = std::move(done)](const Result& result) {
        if (!self) {
            return;
        }
        if (refused(result)) {
            self->markUnavailable(result.message);
        }
        if (done) {
            done(result);
        }
    });
}

void FallbackSecretStore::write(const QString& key, const QString& value, Callback done)
{
    if (!m_primary) {
        markUnavailable(tr("No system keychain is configured."));
        m_memory->write(key, value, std::move(done));
        return;
    }
    QPointer<FallbackSecretStore> self(this);
    m_primary->write(key, value, [self, key, value, done = std::move(done)](const Result& result) {
        if (!self) {
            return;
        }
        if (refused(result)) {
            self->markUnavailable(result.message);
            self->m_memory->setValue(key, value);
            if (done) {
                done({Status::Ok, {},
                    tr("The system keychain is unavailable (%1); the secret is kept in memory until Hirebridge "
                       "quits.")
                        .arg(result.message)});
            }
            return;
        }
        if (result.status == Status::Ok) {
            self->m_memory->remove(key, {});
        }
        if (done) {
            done(result);
        }
    });
}

void FallbackSecretStore::remove(const QString& key, Callback done)
{
    m_memory->remove(key, {});
    if (!m_primary || m_unavailable) {
        // Known to be out of reach (and said so when that was found): only the memory copy existed this run.
        m_memory->remove(key, std::move(done));
        return;
    }
    QPointer<FallbackSecretStore> self(this);
    m_primary->remove(key, [self, done = std::move(done)](const Result& result) {
        if (!self) {
            return;
        }
        if (refused(result)) {
            self->markUnavailable(result.message);
            // Gone from memory, but whatever the keychain holds is still there: the caller must say so, not "Ok".
            if (done) {
                done({result.status, {},
                    tr("the system keychain refused to delete it (%1); it may still be stored there")
                        .arg(result.message)});
            }
            return;
        }
        if (done) {
            done(result);
        }
    });
}

QString FallbackSecretStore::description() const
{
    if (m_unavailable || !m_primary) {
        return tr("memory only, for this run: the system keychain is unavailable, so the secrets are forgotten when "
                  "Hirebridge quits");
    }
    return m_primary->description();
}
