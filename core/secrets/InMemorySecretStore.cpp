#include "InMemorySecretStore.h"

#include "http/Redaction.h"

#include <QLoggingCategory>
#include <QTimer>

namespace {

// Anonymous namespace: KeychainSecretStore.cpp defines the same category name for its own use.
Q_LOGGING_CATEGORY(lcSecrets, "hirebridge.secrets", QtInfoMsg)

// Answers from the event loop, never from inside read()/write()/remove(): callers then behave the same against this
// store and the keychain, and never see their callback run before the call returns. The store is the context, so a
// destroyed store answers nothing instead of calling into owners that are being torn down.
void completeLater(const QObject* store, SecretStore::Callback done, SecretStore::Result result)
{
    if (!done) {
        return;
    }
    QTimer::singleShot(0, store, [done = std::move(done), result = std::move(result)] { done(result); });
}

void registerForRedaction(const QString& value)
{
    // An empty "secret" would match everywhere; there is nothing to hide in it anyway.
    if (!value.isEmpty()) {
        Redaction::registerSecret(value);
    }
}

} // namespace

void InMemorySecretStore::read(const QString& key, Callback done)
{
    if (fail(done)) {
        return;
    }
    const auto it = m_values.constFind(key);
    if (it == m_values.cend()) {
        completeLater(this, std::move(done), {Status::NotFound, {}, tr("No secret is stored under \"%1\".").arg(key)});
        return;
    }
    registerForRedaction(it.value());
    completeLater(this, std::move(done), {Status::Ok, it.value(), {}});
}

void InMemorySecretStore::write(const QString& key, const QString& value, Callback done)
{
    // Registered even when the write is refused: the caller holds the value and may still log near it.
    registerForRedaction(value);
    if (fail(done)) {
        return;
    }
    // Applied now rather than when the callback runs, so calls issued back to back see each other in order.
    m_values.insert(key, value);
    completeLater(this, std::move(done), {Status::Ok, {}, {}});
}

void InMemorySecretStore::remove(const QString& key, Callback done)
{
    if (fail(done)) {
        return;
    }
    // Removing a missing key succeeds, as it does with the Secret Service: the caller wanted it gone and it is.
    m_values.remove(key);
    completeLater(this, std::move(done), {Status::Ok, {}, {}});
}

QString InMemorySecretStore::description() const
{
    return tr("memory only (forgotten when Hirebridge quits)");
}

void InMemorySecretStore::setValue(const QString& key, const QString& value)
{
    registerForRedaction(value);
    m_values.insert(key, value);
}

bool InMemorySecretStore::fail(const Callback& done) const
{
    switch (m_behaviour) {
    case Behaviour::Normal:
        return false;
    case Behaviour::Unavailable:
        completeLater(this, done,
            {Status::Unavailable, {}, tr("Secure storage is unavailable (simulated by the in-memory store).")});
        return true;
    case Behaviour::AccessDenied:
        completeLater(this, done,
            {Status::AccessDenied, {}, tr("Access to secure storage was denied (simulated by the in-memory store).")});
        return true;
    case Behaviour::NeverAnswer:
        // Lets tests drive the callers' own timeouts and "still waiting" states.
        qCDebug(lcSecrets) << "in-memory store told to never answer; dropping the call";
        return true;
    }
    return false;
}
