#include "SetupDraft.h"

#include "SetupLogging.h"
#include "secrets/FallbackSecretStore.h"

#include <QPointer>
#include <QSettings>

#include <memory>

namespace {

struct SecretSlot
{
    const char* key;
    QString value;
    bool skip = false; // e.g. the key came from the environment: never copied into the keychain
};

} // namespace

SetupDraft SetupDraft::fromSettings(const QSettings& settings)
{
    SetupDraft draft;
    QStringList ignored; // a broken saved value shows up as an empty field the admin fills again
    draft.config = Config::load(settings, QProcessEnvironment(), &ignored);
    draft.smtp = SmtpConfig::load(settings);
    draft.recipients = Recipients::load(settings);
    draft.adminEmail = settings.value(QString::fromLatin1(SetupKey::AdminEmail)).toString();
    return draft;
}

bool SetupDraft::isSetupComplete(const QSettings& settings)
{
    return settings.value(QString::fromLatin1(SetupKey::Completed), false).toBool();
}

SetupDraftStore::SetupDraftStore(SecretStore* secrets, QObject* parent)
    : QObject(parent)
    , m_secrets(secrets)
{
    qRegisterMetaType<SetupDraftStore::SaveResult>();
}

void SetupDraftStore::loadSecrets(const SetupDraft& draft, LoadCallback done)
{
    struct State
    {
        SetupDraft draft;
        QStringList errors;
        int pending = 3;
        LoadCallback done;
    };
    auto state = std::make_shared<State>();
    state->draft = draft;
    state->done = std::move(done);
    QPointer<SetupDraftStore> self(this);
    auto finishOne = [state, self] {
        if (--state->pending == 0 && self) {
            state->done(state->draft, state->errors);
        }
    };
    auto take = [state](const SecretStore::Result& r, QString* target) {
        if (r.status == SecretStore::Status::Ok) {
            *target = r.value;
        } else if (r.status != SecretStore::Status::NotFound) {
            state->errors << r.message;
        }
    };
    m_secrets->read(
        QString::fromLatin1(SecretKey::AshbyApiKey), [state, take, finishOne](const SecretStore::Result& r) {
            take(r, &state->draft.config.ashby.apiKey);
            finishOne();
        });
    m_secrets->read(QString::fromLatin1(SecretKey::BobToken), [state, take, finishOne](const SecretStore::Result& r) {
        take(r, &state->draft.config.bob.token);
        finishOne();
    });
    m_secrets->read(
        QString::fromLatin1(SecretKey::SmtpPassword), [state, take, finishOne](const SecretStore::Result& r) {
            take(r, &state->draft.smtp.password);
            finishOne();
        });
}

void SetupDraftStore::save(const SetupDraft& draft, QSettings& settings, bool markComplete)
{
    m_saving = true;
    draft.config.save(settings);
    draft.smtp.save(settings);
    Recipients::save(settings, draft.recipients);
    settings.setValue(QString::fromLatin1(SetupKey::AdminEmail), draft.adminEmail.trimmed());
    if (markComplete) {
        settings.setValue(QString::fromLatin1(SetupKey::Completed), true);
    }
    settings.sync();

    auto result = std::make_shared<SaveResult>();
    if (settings.status() != QSettings::NoError) {
        result->ok = false;
        result->errors << tr("The settings could not be written to %1.").arg(settings.fileName());
    }
    qCInfo(lcSetup) << "settings saved to" << settings.fileName();

    auto pendingSecrets = std::make_shared<QList<SecretSlot>>();
    pendingSecrets->append(
        {SecretKey::AshbyApiKey, draft.config.ashby.apiKey.trimmed(), draft.config.ashby.apiKeyFromEnvironment});
    pendingSecrets->append(
        {SecretKey::BobToken, draft.config.bob.token.trimmed(), draft.config.bob.tokenFromEnvironment});
    pendingSecrets->append({SecretKey::SmtpPassword, draft.smtp.password, false});

    // One secret after the other; each step starts the next from its callback.
    auto step = std::make_shared<std::function<void()>>();
    QPointer<SetupDraftStore> self(this);
    // The step holds itself weakly; the store's pending callback holds it strongly, so it lives exactly as long as
    // a secret is in flight.
    const std::weak_ptr<std::function<void()>> weakStep = step;
    *step = [self, pendingSecrets, result, weakStep] {
        if (!self) {
            return;
        }
        while (!pendingSecrets->isEmpty() && pendingSecrets->first().skip) {
            pendingSecrets->removeFirst();
        }
        if (pendingSecrets->isEmpty()) {
            self->m_saving = false;
            if (auto* fallback = qobject_cast<FallbackSecretStore*>(self->m_secrets)) {
                result->secretsInMemoryOnly = fallback->isKeychainUnavailable();
            }
            Q_EMIT self->saved(*result);
            return;
        }
        const SecretSlot slot = pendingSecrets->takeFirst();
        const QString key = QString::fromLatin1(slot.key);
        auto next = [result, step = weakStep.lock(), key](const SecretStore::Result& r) {
            if (r.status != SecretStore::Status::Ok && r.status != SecretStore::Status::NotFound) {
                result->ok = false;
                result->errors << tr("The secret \"%1\" could not be stored: %2").arg(key, r.message);
            }
            if (*step) {
                (*step)();
            }
        };
        if (slot.value.isEmpty()) {
            self->m_secrets->remove(key, next);
        } else {
            self->m_secrets->write(key, slot.value, next);
        }
    };
    (*step)();
}
