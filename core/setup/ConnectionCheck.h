#pragma once

#include "http/ApiError.h"
#include "settings/Config.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

class HttpClient;
class QTimer;

// The wizard's and the Settings dialog's credential checks, without side effects (never posts a hire).
class ConnectionCheck : public QObject
{
    Q_OBJECT
public:
    struct AshbyResult
    {
        ApiError error; // credentials refused, unreachable, ...
        QString keyTitle; // apiKey.info title
        QStringList grantedScopes; // as Ashby reports them ("candidates:read")
        // Permissions a hires reader needs that the key lacks, by the names Ashby's admin screen uses:
        // "Candidates: read", "Jobs: read", "Offers: read", "Organization: read", "Hiring Process Metadata: read".
        QStringList missingPermissions;
        // apiKey.info was refused (the key lacks "API Keys: read"): the permissions were found by probing instead.
        bool probed = false;
        // One sentence for the admin: what is wrong and what to do (empty when ok()).
        QString message;
        bool ok() const { return !error.isError() && missingPermissions.isEmpty(); }
    };
    struct BobResult
    {
        ApiError error; // credentials refused, unreachable, bad Hire URL
        bool fieldsReadable = false; // GET /v1/company/people/fields
        bool peopleReadable = false; // POST /v1/people/search (needed for the duplicate check)
        int employeeCount = 0;
        int fieldCount = 0;
        // What each missing permission costs, in words for the admin ("No duplicate check: ...").
        QStringList consequences;
        // One sentence for the admin: what is wrong and what to do (empty when ok()).
        QString message;
        bool ok() const { return !error.isError() && peopleReadable; }
    };

    explicit ConnectionCheck(HttpClient* http, QObject* parent = nullptr);
    ~ConnectionCheck() override;

    // A whole check (all its requests) gives up after this long with a Timeout error. Default 20 s.
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    int timeoutMs() const { return m_timeoutMs; }

    // apiKey.info; a 403 missing_endpoint_permission on it is retried with job.list (the key may lack only
    // "API Keys: read"), then each needed permission is probed with one cheap call per module.
    // A new check replaces a running one of the same kind: the old one never reports.
    void checkAshby(const AshbyConfig& config);
    // URL checks (no request), fields metadata (proves the credentials), people search (duplicate check).
    void checkBob(const BobConfig& config);
    // Forgets running checks: they report nothing.
    void cancel();
    bool isRunning() const;

    // "candidates:read" -> "Candidates: read"; unknown scopes are returned unchanged.
    static QString permissionName(const QString& scope);
    // The scopes a hires reader needs, in Ashby's spelling ("candidates:read", ...).
    static QStringList requiredScopes();
    // The same by the names Ashby's admin screen uses.
    static QStringList requiredPermissionNames();
    // Syntax of a Hire URL: a valid URL, https unless the host is loopback. Empty when fine, else a sentence.
    static QString hireUrlProblem(const QUrl& url);

Q_SIGNALS:
    void ashbyChecked(const ConnectionCheck::AshbyResult& result);
    void bobChecked(const ConnectionCheck::BobResult& result);

private:
    struct AshbyRun;
    struct BobRun;
    void finishAshby(quint64 id, AshbyResult result);
    void finishBob(quint64 id, BobResult result);
    void probeAshby(quint64 id, const AshbyConfig& config);

    HttpClient* m_http;
    HttpClient* m_checkHttp; // same network access manager, short retry policy: a check must not hang
    int m_timeoutMs = 20000;
    quint64 m_nextId = 1;
    quint64 m_ashbyRun = 0; // id of the running Ashby check, 0 when none
    quint64 m_bobRun = 0;
    QPointer<QObject> m_ashbyScope; // parent of the running check's clients; deleting it drops their answers
    QPointer<QObject> m_bobScope;
};

Q_DECLARE_METATYPE(ConnectionCheck::AshbyResult)
Q_DECLARE_METATYPE(ConnectionCheck::BobResult)
