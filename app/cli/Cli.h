#pragma once

#include "http/ApiError.h"
#include "mapping/MappingEngine.h"
#include "settings/Config.h"

#include <QHash>
#include <QJsonArray>
#include <QObject>
#include <QStringList>
#include <QTextStream>

#include <map>
#include <memory>

class AshbyClient;
struct PushReport;
class BobClient;
class HrisConnector;
class HttpClient;
class Ledger;
class QNetworkAccessManager;
class SecretStore;

// hirebridge-cli: design §6. Exit codes: 0 all succeeded; 1 some items failed or a server answered with an error or
// unreadable data; 2 usage or configuration error; 3 a server could not be reached or refused the credentials.
class Cli : public QObject
{
    Q_OBJECT
public:
    enum Exit { Ok = 0, ItemsFailed = 1, Usage = 2, Unreachable = 3 };

    explicit Cli(QObject* parent = nullptr);
    ~Cli() override;

    // Parses the arguments and starts the command; calls QCoreApplication::exit(code) when done.
    void run(const QStringList& arguments);

    static int exitCodeFor(const ApiError& error);

private:
    void done(int code);
    void usageError(const QString& message);
    bool openLedger();
    // Fills missing secrets from the keychain, then calls next(); a missing secret is a configuration error.
    // `targets` names the HRIS whose secret is needed. With required=false a missing secret is only skipped
    // (preview works without credentials); an optional Ashby key (push: documents) never fails the command.
    void loadSecrets(bool needAshby, const QStringList& targets, std::function<void()> next, bool required = true,
        bool ashbyOptional = false);
    // Loads the target's mapping profile and catalogues (fetching the target's catalogue once when none is cached
    // and fetchIfMissing), builds m_engines[target] (and m_engine), then calls next().
    void prepareMapping(const QString& target, bool fetchIfMissing, std::function<void()> next);
    void prepareMappings(QStringList targets, bool fetchIfMissing, std::function<void()> next);
    // What is missing or unsafe in a target's configuration (names the environment variables), empty when usable.
    QStringList configProblems(const QString& target) const;
    bool hasCredentials(const QString& target) const;
    HrisConnector* connector(const QString& target) const;
    static QJsonArray issuesJson(const QList<MappingIssue>& issues);
    void createClients();
    SecretStore* secretStore(); // the keychain, created on first need

    void cmdCheck();
    void cmdSync(bool full);
    void cmdHires();
    void cmdPreview(const QString& applicationId, const QString& target);
    void cmdPush(const QStringList& ids, bool allReady, const QStringList& targets, bool dryRun, bool resend = false);
    void startPush(const QStringList& ids, bool allReady, const QStringList& targets, bool dryRun, bool resend);
    void cmdResolve(const QString& id, const QString& target, bool received);
    void cmdMapping(const QString& action, const QString& file, const QString& target);
    void cmdAuditExport(const QString& file);
    // E-mails the recipients what the push did (when SMTP and recipients are set up), then exits with `code`.
    void notifyThenDone(const PushReport& report, int code);

    void printJson(const QJsonDocument& doc);
    QTextStream& err();
    QTextStream& out();

    bool m_json = false;
    Config m_config;
    QStringList m_configErrors;
    std::unique_ptr<Ledger> m_ledger;
    QNetworkAccessManager* m_nam = nullptr;
    HttpClient* m_http = nullptr;
    AshbyClient* m_ashby = nullptr;
    BobClient* m_bob = nullptr;
    QHash<QString, HrisConnector*> m_connectors; // configured targets only
    SecretStore* m_secrets = nullptr;
    QTextStream m_out;
    QTextStream m_err;
    bool m_finished = false;
    bool m_targetGiven = false;
    MappingEngine* m_engine = nullptr; // the last prepared target's engine (preview)
    std::map<QString, std::unique_ptr<MappingEngine>> m_engines;
};
