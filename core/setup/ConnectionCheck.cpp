#include "ConnectionCheck.h"

#include "SetupLogging.h"
#include "ashby/AshbyClient.h"
#include "hris/bob/BobClient.h"
#include "http/HttpClient.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTimer>

#include <memory>

namespace {

QString s(const char* text)
{
    return QString::fromLatin1(text);
}

// "candidates:read", "candidatesRead", "Candidates: read" all become "candidatesread".
QString normalisedScope(const QString& scope)
{
    QString out;
    for (const QChar c : scope) {
        if (c.isLetterOrNumber()) {
            out.append(c.toLower());
        }
    }
    return out;
}

bool isMissingPermission(const ApiError& error)
{
    return error.code == QLatin1String("missing_endpoint_permission");
}

QString hostOf(const QUrl& url)
{
    return url.host().isEmpty() ? url.toDisplayString(QUrl::RemoveUserInfo) : url.host();
}

// The same words for every "could not talk to the server" case, on both pages.
QString transportMessage(const ApiError& error, const QString& server, const QUrl& url)
{
    switch (error.kind) {
    case ApiError::Kind::Timeout:
        return ConnectionCheck::tr("%1 at %2 did not answer in time. Check the internet connection and try again.")
            .arg(server, hostOf(url));
    case ApiError::Kind::Network:
        return ConnectionCheck::tr("Hirebridge could not reach %1 at %2 (%3). Check the internet connection and the "
                                   "address.")
            .arg(server, hostOf(url), error.message);
    case ApiError::Kind::Tls:
        return ConnectionCheck::tr("The secure connection to %1 at %2 failed (%3). A proxy or firewall may be "
                                   "intercepting it.")
            .arg(server, hostOf(url), error.message);
    case ApiError::Kind::RateLimited:
        return ConnectionCheck::tr("%1 asked Hirebridge to slow down. Wait a minute and try again.").arg(server);
    case ApiError::Kind::Server:
        return ConnectionCheck::tr("%1 has a problem right now (%2). Try again in a few minutes.")
            .arg(server, error.message);
    default:
        return ConnectionCheck::tr("%1 answered with an error: %2").arg(server, error.message);
    }
}

struct Probe
{
    const char* scope;
    const char* endpoint;
};

// One cheap read per module. Anything but "missing_endpoint_permission" (a page, an empty page, a "not found", an
// invalid input) proves that the module is open to the key.
const Probe kProbes[] = {
    {"candidates:read", "application.list"},
    {"jobs:read", "job.list"},
    {"offers:read", "offer.list"},
    {"organization:read", "user.list"},
    {"hiringProcessMetadata:read", "customField.list"},
};

} // namespace

ConnectionCheck::ConnectionCheck(HttpClient* http, QObject* parent)
    : QObject(parent)
    , m_http(http)
    , m_checkHttp(new HttpClient(http->networkAccessManager(), this))
{
    qRegisterMetaType<ConnectionCheck::AshbyResult>();
    qRegisterMetaType<ConnectionCheck::BobResult>();
    // One retry at most, quickly: the admin is waiting in front of a page, and 401/403 are never retried anyway.
    RetryPolicy policy = http->retryPolicy();
    policy.maxAttempts = 2;
    policy.baseDelayMs = 300;
    policy.maxDelayMs = 1000;
    policy.maxRetryAfterMs = 2000;
    m_checkHttp->setRetryPolicy(policy);
    m_checkHttp->setMaxParallelPerHost(http->maxParallelPerHost());
}

ConnectionCheck::~ConnectionCheck() = default;

QStringList ConnectionCheck::requiredScopes()
{
    QStringList list;
    for (const auto& probe : kProbes) {
        list << s(probe.scope);
    }
    return list;
}

QStringList ConnectionCheck::requiredPermissionNames()
{
    QStringList list;
    for (const QString& scope : requiredScopes()) {
        list << permissionName(scope);
    }
    return list;
}

QString ConnectionCheck::permissionName(const QString& scope)
{
    const QString n = normalisedScope(scope);
    if (n == QLatin1String("candidatesread")) {
        return tr("Candidates: read");
    }
    if (n == QLatin1String("jobsread")) {
        return tr("Jobs: read");
    }
    if (n == QLatin1String("offersread")) {
        return tr("Offers: read");
    }
    if (n == QLatin1String("organizationread")) {
        return tr("Organization: read");
    }
    if (n == QLatin1String("hiringprocessmetadataread")) {
        return tr("Hiring Process Metadata: read");
    }
    if (n == QLatin1String("apikeysread")) {
        return tr("API Keys: read");
    }
    return scope;
}

QString ConnectionCheck::hireUrlProblem(const QUrl& url)
{
    if (url.isEmpty()) {
        return tr("Paste the Hire API URL that Bob shows for the integration.");
    }
    if (!url.isValid() || url.scheme().isEmpty() || url.host().isEmpty()) {
        return tr("The Hire API URL is not a web address. Copy the whole URL from Bob; it starts with https://.");
    }
    const ApiError error = HttpClient::checkUrl(url, s("Bob Hire API"));
    if (error.isError()) {
        if (url.scheme().compare(QLatin1String("http"), Qt::CaseInsensitive) == 0) {
            return tr("The Hire API URL must start with https:// so that hires travel encrypted.");
        }
        return tr("The Hire API URL is not usable: %1.").arg(error.message);
    }
    return {};
}

bool ConnectionCheck::isRunning() const
{
    return m_ashbyRun != 0 || m_bobRun != 0;
}

void ConnectionCheck::cancel()
{
    m_ashbyRun = 0;
    m_bobRun = 0;
    delete m_ashbyScope.data();
    delete m_bobScope.data();
}

void ConnectionCheck::finishAshby(quint64 id, AshbyResult result)
{
    if (id != m_ashbyRun) {
        return; // replaced or cancelled
    }
    m_ashbyRun = 0;
    if (m_ashbyScope) {
        m_ashbyScope->deleteLater();
    }
    if (result.message.isEmpty() && !result.ok()) {
        const QString names = result.missingPermissions.join(QStringLiteral(", "));
        result.message = result.error.isError() ? result.error.message
            : result.missingPermissions.size() == 1
            ? tr("The key works, but it is missing the permission %1. In Ashby, open Admin → Integrations → API Keys, "
                 "edit this key, tick %1 and save. Then press Check again.")
                  .arg(names)
            : tr("The key works, but it is missing these permissions: %1. In Ashby, open Admin → Integrations → API "
                 "Keys, edit this key, tick them and save. Then press Check again.")
                  .arg(names);
    }
    qCInfo(lcSetup) << "Ashby check:" << (result.ok() ? "ok" : "failed") << "missing" << result.missingPermissions
                    << "probed" << result.probed << result.error.toString();
    Q_EMIT ashbyChecked(result);
}

void ConnectionCheck::finishBob(quint64 id, BobResult result)
{
    if (id != m_bobRun) {
        return;
    }
    m_bobRun = 0;
    if (m_bobScope) {
        m_bobScope->deleteLater();
    }
    if (result.message.isEmpty() && !result.ok()) {
        result.message = result.error.isError() ? result.error.message : result.consequences.join(QLatin1Char('\n'));
    }
    qCInfo(lcSetup) << "Bob check:" << (result.ok() ? "ok" : "failed") << "fields" << result.fieldsReadable << "people"
                    << result.peopleReadable << result.error.toString();
    Q_EMIT bobChecked(result);
}

void ConnectionCheck::checkAshby(const AshbyConfig& config)
{
    delete m_ashbyScope.data();
    const quint64 id = m_nextId++;
    m_ashbyRun = id;
    m_ashbyScope = new QObject(this);

    const QString server = AshbyClient::serverName();
    auto failWith = [this, id](ApiError::Kind kind, const QString& message) {
        AshbyResult result;
        result.error = ApiError::make(kind, message, AshbyClient::serverName());
        result.message = message;
        // Reported from the event loop, like every other outcome, so callers see one order of events.
        QTimer::singleShot(0, m_ashbyScope, [this, id, result] { finishAshby(id, result); });
    };
    const ApiError urlError = HttpClient::checkUrl(config.baseUrl, server);
    if (urlError.isError()) {
        failWith(ApiError::Kind::InvalidUrl,
            tr("The Ashby address under Advanced is not usable: %1. Leave it at https://api.ashbyhq.com unless "
               "support told you otherwise.")
                .arg(urlError.message));
        return;
    }
    const QString key = config.apiKey.trimmed();
    if (key.isEmpty()) {
        failWith(ApiError::Kind::Unauthorized, tr("Paste the API key from Ashby."));
        return;
    }

    QTimer::singleShot(m_timeoutMs, m_ashbyScope, [this, id] {
        AshbyResult result;
        result.error = ApiError::make(ApiError::Kind::Timeout, tr("no answer in time"), AshbyClient::serverName());
        result.message = tr("Ashby did not answer within %1 seconds. Check the internet connection and try again.")
                             .arg(m_timeoutMs / 1000);
        finishAshby(id, result);
    });

    auto* client = new AshbyClient(m_checkHttp, config.baseUrl, key, m_ashbyScope);
    const QUrl baseUrl = config.baseUrl;
    client->call(s("apiKey.info"), {}, s("apiKey.info"), [this, id, config, baseUrl](const ::AshbyResult& answer) {
        AshbyResult result;
        if (answer.ok()) {
            const QJsonObject info = answer.results().toObject();
            result.keyTitle = info.value(QLatin1StringView("title")).toString();
            QStringList granted;
            const QJsonArray scopes = info.value(QLatin1StringView("scopes")).toArray();
            for (const auto& scope : scopes) {
                result.grantedScopes << scope.toString();
                granted << normalisedScope(scope.toString());
            }
            for (const QString& scope : requiredScopes()) {
                if (!granted.contains(normalisedScope(scope))) {
                    result.missingPermissions << permissionName(scope);
                }
            }
            finishAshby(id, result);
            return;
        }
        const ApiError& e = answer.error;
        if (isMissingPermission(e)) {
            // The key is valid but cannot read its own description ("API Keys: read" not ticked): probe instead.
            probeAshby(id, config);
            return;
        }
        result.error = e;
        if (e.kind == ApiError::Kind::Unauthorized) {
            result.message = tr("Ashby refused the API key. Check that you copied the whole key (Ashby shows it only "
                                "once) and that it is still active under Admin → Integrations → API Keys.");
        } else {
            result.message = transportMessage(e, AshbyClient::serverName(), baseUrl);
        }
        finishAshby(id, result);
    });
}

void ConnectionCheck::probeAshby(quint64 id, const AshbyConfig& config)
{
    if (id != m_ashbyRun || !m_ashbyScope) {
        return;
    }
    struct State
    {
        AshbyResult result;
        int pending = 0;
        bool failed = false;
    };
    auto state = std::make_shared<State>();
    state->result.probed = true;
    state->pending = int(std::size(kProbes));
    auto* client = new AshbyClient(m_checkHttp, config.baseUrl, config.apiKey.trimmed(), m_ashbyScope);
    const QUrl baseUrl = config.baseUrl;
    for (const auto& probe : kProbes) {
        const QString scope = s(probe.scope);
        const QString endpoint = s(probe.endpoint);
        client->call(endpoint, QJsonObject {{s("limit"), 1}}, endpoint + s(" (permission probe)"),
            [this, id, state, scope, baseUrl](const ::AshbyResult& answer) {
                if (state->failed) {
                    return;
                }
                const ApiError& e = answer.error;
                if (!e.isError() || (e.kind == ApiError::Kind::Api && !isMissingPermission(e))) {
                    state->result.grantedScopes << scope;
                } else if (isMissingPermission(e)) {
                    state->result.missingPermissions << permissionName(scope);
                } else {
                    state->failed = true;
                    state->result.error = e;
                    state->result.message = e.kind == ApiError::Kind::Unauthorized
                        ? tr("Ashby refused the API key. Check that you copied the whole key and that it is still "
                             "active.")
                        : transportMessage(e, AshbyClient::serverName(), baseUrl);
                    finishAshby(id, state->result);
                    return;
                }
                if (--state->pending == 0) {
                    // Report in the order of the admin screen, not in the order the answers came.
                    QStringList ordered;
                    for (const QString& name : requiredPermissionNames()) {
                        if (state->result.missingPermissions.contains(name)) {
                            ordered << name;
                        }
                    }
                    state->result.missingPermissions = ordered;
                    finishAshby(id, state->result);
                }
            });
    }
}

void ConnectionCheck::checkBob(const BobConfig& config)
{
    delete m_bobScope.data();
    const quint64 id = m_nextId++;
    m_bobRun = id;
    m_bobScope = new QObject(this);

    auto failWith = [this, id](ApiError::Kind kind, const QString& message) {
        BobResult result;
        result.error = ApiError::make(kind, message, BobClient::serverName());
        result.message = message;
        QTimer::singleShot(0, m_bobScope, [this, id, result] { finishBob(id, result); });
    };

    if (config.mode == BobMode::HireApi) {
        const QString problem = hireUrlProblem(config.hireUrl);
        if (!problem.isEmpty()) {
            failWith(ApiError::Kind::InvalidUrl, problem);
            return;
        }
    }
    const ApiError apiUrlError = HttpClient::checkUrl(config.apiUrl, s("Bob API"));
    if (apiUrlError.isError()) {
        failWith(ApiError::Kind::InvalidUrl,
            tr("The Bob API address under Advanced is not usable: %1. Leave it at https://api.hibob.com unless you "
               "use Bob's sandbox.")
                .arg(apiUrlError.message));
        return;
    }
    if (config.serviceUserId.trimmed().isEmpty() || config.token.trimmed().isEmpty()) {
        failWith(ApiError::Kind::Unauthorized, tr("Enter both the service user ID and the token from Bob."));
        return;
    }
    if (const QString problem = BobClient::tokenProblem(config.token); !problem.isEmpty()) {
        failWith(ApiError::Kind::Unauthorized, problem); // nothing is sent: fixed by editing the field
        return;
    }

    QTimer::singleShot(m_timeoutMs, m_bobScope, [this, id] {
        BobResult result;
        result.error = ApiError::make(ApiError::Kind::Timeout, tr("no answer in time"), BobClient::serverName());
        result.message = tr("Bob did not answer within %1 seconds. Check the internet connection and try again.")
                             .arg(m_timeoutMs / 1000);
        finishBob(id, result);
    });

    BobConfig trimmed = config;
    trimmed.serviceUserId = config.serviceUserId.trimmed();
    trimmed.token = config.token.trimmed();
    auto* client = new BobClient(m_checkHttp, trimmed, m_bobScope);
    const QUrl apiUrl = config.apiUrl;
    client->fieldsMetadata([this, id, client, apiUrl](const ApiError& error, int fieldCount) {
        BobResult result;
        if (error.isError()) {
            result.error = error;
            if (error.httpStatus == 401) {
                result.message = tr("Bob refused the service user ID or token. Check both values; if the token was "
                                    "lost, create a new token for the service user in Bob and paste it here.");
            } else if (error.httpStatus == 403) {
                result.message = tr("Bob refused access for this service user (HTTP 403). If your company limits API "
                                    "access by IP address, ask your Bob admin to allow this computer.");
            } else {
                result.message = transportMessage(error, BobClient::serverName(), apiUrl);
            }
            finishBob(id, result);
            return;
        }
        result.fieldsReadable = true;
        result.fieldCount = fieldCount;
        client->searchPeople([this, id, result](const ApiError& searchError, const Directory& directory) mutable {
            if (searchError.isError()) {
                if (searchError.httpStatus == 403) {
                    result.peopleReadable = false;
                    result.consequences << tr("No duplicate check: Hirebridge cannot see whether a new hire already "
                                              "works for you, so it will not push anyone. In Bob, give the "
                                              "Hirebridge permission group read access to People's data (all "
                                              "employees, including those with the status Hired).");
                    finishBob(id, result);
                    return;
                }
                result.error = searchError;
                result.message = transportMessage(searchError, BobClient::serverName(), QUrl());
                finishBob(id, result);
                return;
            }
            result.peopleReadable = true;
            result.employeeCount = int(directory.size());
            if (directory.size() == 0) {
                result.consequences << tr("Bob shows no employees to this service user. Check that its permission "
                                          "group may see all employees, or duplicates will go unnoticed.");
            }
            finishBob(id, result);
        });
    });
}
