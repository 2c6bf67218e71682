#include "SetupDraft.h"

#include "SetupLogging.h"
#include "http/HttpClient.h"
#include "secrets/FallbackSecretStore.h"

#include <QPointer>
#include <QRegularExpression>
#include <QSettings>

#include <memory>

namespace {

struct SecretSlot
{
    const char* key;
    QString value;
    bool skip = false; // e.g. the key came from the environment: never copied into the keychain
};

const QString kBambooHrApiHost = QStringLiteral("api.bamboohr.com");
const QString kBambooHrGatewayPath = QStringLiteral("/api/gateway.php/");

// What BambooHR calls the company domain: one DNS label (the "acme" of acme.bamboohr.com).
bool isCompanyDomain(const QString& text)
{
    static const QRegularExpression label(QStringLiteral("^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$"));
    return label.match(text).hasMatch();
}

void setProblem(QString* problem, const QString& text)
{
    if (problem) {
        *problem = text;
    }
}

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

QUrl SetupDraft::bambooHrGatewayUrl(const QString& company)
{
    QUrl url;
    url.setScheme(QStringLiteral("https"));
    url.setHost(kBambooHrApiHost);
    url.setPath(kBambooHrGatewayPath + company.toLower());
    return url;
}

QUrl SetupDraft::bambooHrUrlFromInput(const QString& input, QString* problem)
{
    const QString text = input.trimmed();
    if (text.isEmpty()) {
        return {};
    }
    if (isCompanyDomain(text)) {
        return bambooHrGatewayUrl(text);
    }
    // "acme.bamboohr.com" is pasted without a scheme as often as with one.
    const QString withScheme = text.contains(QLatin1String("://")) ? text : QStringLiteral("https://") + text;
    QUrl url(withScheme, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty() || (scheme != QLatin1String("https") && scheme != QLatin1String("http"))
        || text.contains(QLatin1Char(' '))) {
        setProblem(problem, tr("\"%1\" is neither a BambooHR company domain (like acme) nor a web address.").arg(text));
        return {};
    }
    if (scheme == QLatin1String("http") && !HttpClient::isLoopbackHost(url.host())) {
        setProblem(problem, tr("BambooHR needs a secure address that begins with https://, not \"%1\".").arg(text));
        return {};
    }
    const QString host = url.host().toLower();
    QString path = url.path();
    // The address the admin signs in at (https://acme.bamboohr.com/home) names the company, not the API.
    if (host.endsWith(QLatin1String(".bamboohr.com")) && host != kBambooHrApiHost
        && !path.startsWith(QLatin1String("/api"))) {
        return bambooHrGatewayUrl(host.section(QLatin1Char('.'), 0, 0));
    }
    // The client appends /v1/...: a pasted endpoint base would double it up.
    while (path.endsWith(QLatin1Char('/'))) {
        path.chop(1);
    }
    if (path.endsWith(QLatin1String("/v1"))) {
        path.chop(3);
        while (path.endsWith(QLatin1Char('/'))) {
            path.chop(1);
        }
    }
    if (host == kBambooHrApiHost
        && (!path.startsWith(kBambooHrGatewayPath) || path.size() == kBambooHrGatewayPath.size())) {
        setProblem(problem,
            tr("The address \"%1\" does not name your company. Enter only the company domain (like acme) instead.")
                .arg(text));
        return {};
    }
    url.setPath(path);
    url.setUserInfo(QString());
    url.setQuery(QString());
    url.setFragment(QString());
    return url;
}

QString SetupDraft::bambooHrInputFromUrl(const QUrl& url)
{
    const QString path = url.path();
    if (url.scheme() == QLatin1String("https") && url.host() == kBambooHrApiHost && url.port() == -1
        && path.startsWith(kBambooHrGatewayPath)) {
        const QString company = path.mid(kBambooHrGatewayPath.size());
        if (isCompanyDomain(company)) {
            return company;
        }
    }
    return url.toString();
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
        int pending = 0;
        LoadCallback done;
    };
    auto state = std::make_shared<State>();
    state->draft = draft;
    state->done = std::move(done);

    // Pointers into state->draft, which lives as long as the reads do.
    QList<std::pair<const char*, QString*>> reads {
        {SecretKey::AshbyApiKey, &state->draft.config.ashby.apiKey},
        {SecretKey::BobToken, &state->draft.config.bob.token},
        {SecretKey::SmtpPassword, &state->draft.smtp.password},
    };
    // Targets not in use have nothing stored; asking anyway could raise a keychain prompt for nothing.
    const Config& config = draft.config;
    if (!config.bamboohr.url.isEmpty() && !config.bamboohr.apiKeyFromEnvironment) {
        reads.append({SecretKey::BambooHrApiKey, &state->draft.config.bamboohr.apiKey});
    }
    if (!config.personio.clientId.isEmpty() && !config.personio.clientSecretFromEnvironment) {
        reads.append({SecretKey::PersonioClientSecret, &state->draft.config.personio.clientSecret});
    }
    state->pending = int(reads.size());

    QPointer<SetupDraftStore> self(this);
    for (const auto& [key, target] : reads) {
        m_secrets->read(QString::fromLatin1(key), [state, self, target = target](const SecretStore::Result& r) {
            if (r.status == SecretStore::Status::Ok) {
                *target = r.value;
            } else if (r.status != SecretStore::Status::NotFound) {
                state->errors << r.message;
            }
            if (--state->pending == 0 && self) {
                state->done(state->draft, state->errors);
            }
        });
    }
}

void SetupDraftStore::save(const SetupDraft& draft, QSettings& settings, bool markComplete)
{
    m_saving = true;
    draft.config.save(settings);
    // A target the admin removed (or never used) leaves nothing behind: no empty keys, and below no secret.
    const bool bambooHrUsed = !draft.config.bamboohr.url.isEmpty();
    const bool personioUsed = !draft.config.personio.clientId.trimmed().isEmpty();
    if (!bambooHrUsed) {
        settings.remove(QString::fromLatin1(SettingsKey::BambooHrUrl));
    }
    if (!personioUsed) {
        settings.remove(QString::fromLatin1(SettingsKey::PersonioClientId));
    }
    if (!personioUsed || draft.config.personio.url.isEmpty()) {
        // An empty URL means Personio's default, which Config::load fills in again.
        settings.remove(QString::fromLatin1(SettingsKey::PersonioUrl));
    }
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
    pendingSecrets->append(
        {SecretKey::BambooHrApiKey, bambooHrUsed ? draft.config.bamboohr.apiKey.trimmed() : QString(),
            draft.config.bamboohr.apiKeyFromEnvironment});
    pendingSecrets->append(
        {SecretKey::PersonioClientSecret, personioUsed ? draft.config.personio.clientSecret.trimmed() : QString(),
            draft.config.personio.clientSecretFromEnvironment});

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
        const bool removing = slot.value.isEmpty();
        auto next = [result, step = weakStep.lock(), key, removing](const SecretStore::Result& r) {
            if (r.status != SecretStore::Status::Ok && r.status != SecretStore::Status::NotFound) {
                result->ok = false;
                result->errors << (removing ? tr("The secret \"%1\" could not be removed: %2")
                                            : tr("The secret \"%1\" could not be stored: %2"))
                                      .arg(key, r.message);
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
