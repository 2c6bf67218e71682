#include "KeychainSecretStore.h"

#include "http/Redaction.h"

#include <QLoggingCategory>
#include <QPointer>
#include <QTimer>
#include <qt6keychain/keychain.h>

#include <memory>

namespace {

// Anonymous namespace: InMemorySecretStore.cpp defines the same category name for its own use.
Q_LOGGING_CATEGORY(lcSecrets, "hirebridge.secrets", QtInfoMsg)

enum class Operation { Read, Write, Remove };

const char* operationName(Operation operation)
{
    switch (operation) {
    case Operation::Read:
        return "read";
    case Operation::Write:
        return "write";
    case Operation::Remove:
        return "remove";
    }
    return "?";
}

// One call in flight. The job's finished handler and the timeout both hold it; whichever runs first completes the
// call, the other finds it completed. That is what keeps "exactly once" when a job answers after its timeout.
struct PendingCall
{
    // The callback is skipped once the store is gone: its owner is being torn down and the callback most likely
    // points into it. The job itself lives on until it finishes (see start()).
    QPointer<const KeychainSecretStore> store;
    SecretStore::Callback done;
    bool completed = false;
};

void complete(PendingCall& call, const SecretStore::Result& result)
{
    if (call.completed) {
        return;
    }
    call.completed = true;
    // Moved out first: the callback may issue new calls or destroy the store, and must not run twice either way.
    const SecretStore::Callback done = std::move(call.done);
    if (call.store && done) {
        done(result);
    }
}

void registerForRedaction(const QString& value)
{
    // An empty "secret" would match everywhere; there is nothing to hide in it anyway.
    if (!value.isEmpty()) {
        Redaction::registerSecret(value);
    }
}

SecretStore::Result resultOf(QKeychain::Job* job, Operation operation)
{
    using Status = SecretStore::Status;
    switch (job->error()) {
    case QKeychain::NoError: {
        SecretStore::Result result;
        if (operation == Operation::Read) {
            result.value = static_cast<QKeychain::ReadPasswordJob*>(job)->textData();
            registerForRedaction(result.value);
        }
        return result;
    }
    case QKeychain::EntryNotFound:
        return {Status::NotFound, {}, job->errorString()};
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return {Status::AccessDenied, {}, job->errorString()};
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError:
        break;
    }
    // Fail closed. libsecret reports "no session bus" and "no Secret Service on the bus" as OtherError, not as
    // NoBackendAvailable, so every other code means "secure storage unavailable".
    QString message = job->errorString();
    if (message.isEmpty()) {
        message = KeychainSecretStore::tr("The system keychain reported an unknown error.");
    }
    return {Status::Unavailable, {}, message};
}

// Runs one job with an app-level timeout: QtKeychain jobs can hang forever (qtkeychain#240), and deleting a job whose
// libsecret call is still running crashes (qtkeychain#261). So the job has no parent and is not auto-deleted: it is
// deleted only after it has finished, however late that is, while the caller already got Unavailable at the timeout.
void start(const KeychainSecretStore* store, QKeychain::Job* job, Operation operation, int timeoutMs,
    SecretStore::Callback done)
{
    auto call = std::make_shared<PendingCall>();
    call->store = store;
    call->done = std::move(done);

    job->setAutoDelete(false);
    // Never write secrets as plain text into QSettings when the keychain is missing: the caller decides what to do.
    job->setInsecureFallback(false);

    const QString key = job->key();
    const QString service = job->service();

    QObject::connect(job, &QKeychain::Job::finished, job, [call, operation, key, service](QKeychain::Job* finished) {
        // Later, not now: we are inside the job's own signal and QtKeychain's executor still holds it.
        finished->deleteLater();
        if (call->completed) {
            qCDebug(lcSecrets) << "late answer to" << operationName(operation) << key << "in" << service
                               << "ignored; the call already timed out";
            return;
        }
        const SecretStore::Result result = resultOf(finished, operation);
        if (result.status == SecretStore::Status::Ok || result.status == SecretStore::Status::NotFound) {
            qCDebug(lcSecrets) << operationName(operation) << key << "in" << service << "->"
                               << (result.status == SecretStore::Status::Ok ? "ok" : "not found");
        } else {
            qCWarning(lcSecrets) << operationName(operation) << key << "in" << service << "failed:" << finished->error()
                                 << result.message;
        }
        complete(*call, result);
    });

    // The job is the context: once it is deleted (it finished) the pending timeout is dropped with it.
    QTimer::singleShot(timeoutMs, job, [call, operation, key, service, timeoutMs] {
        if (call->completed) {
            return;
        }
        qCWarning(lcSecrets) << operationName(operation) << key << "in" << service << "got no answer within"
                             << timeoutMs << "ms; reporting the keychain unavailable";
        complete(*call,
            {SecretStore::Status::Unavailable, {},
                KeychainSecretStore::tr("The system keychain did not answer within %1 seconds. It may be locked "
                                        "and waiting for an unlock prompt, or not running.")
                    .arg(QString::number(timeoutMs / 1000.0, 'g', 3))});
    });

    job->start();
}

} // namespace

KeychainSecretStore::KeychainSecretStore(const QString& service, QObject* parent)
    : SecretStore(parent)
    , m_service(service)
{
}

void KeychainSecretStore::read(const QString& key, Callback done)
{
    auto* job = new QKeychain::ReadPasswordJob(m_service);
    job->setKey(key);
    start(this, job, Operation::Read, m_timeoutMs, std::move(done));
}

void KeychainSecretStore::write(const QString& key, const QString& value, Callback done)
{
    registerForRedaction(value);
    auto* job = new QKeychain::WritePasswordJob(m_service);
    job->setKey(key);
    job->setTextData(value);
    start(this, job, Operation::Write, m_timeoutMs, std::move(done));
}

void KeychainSecretStore::remove(const QString& key, Callback done)
{
    auto* job = new QKeychain::DeletePasswordJob(m_service);
    job->setKey(key);
    start(this, job, Operation::Remove, m_timeoutMs, std::move(done));
}

QString KeychainSecretStore::description() const
{
#if defined(Q_OS_MACOS)
    return tr("the macOS Keychain");
#elif defined(Q_OS_WIN)
    return tr("the Windows Credential Manager");
#else
    return tr("the system keychain (Secret Service)");
#endif
}
