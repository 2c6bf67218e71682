#pragma once

#include "Hire.h"
#include "ashby/HireAssembler.h"
#include "http/ApiError.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>

#include <functional>
#include <memory>

class AshbyClient;
class Ledger;
class QThread;

// Pulls hired applications from Ashby into the ledger. Incremental with Ashby's syncToken (falls back to a full pass
// when Ashby refuses the token), pages of 100, and each job, department, location and user looked up once per run.
// The ledger changes only at the end, in one transaction: a sync that fails midway leaves it as it was. A hire whose
// data is unreadable is reported by name and left out; the sync token then stays where it was so the next sync
// fetches it again.
// Assembling 1,000 hires and writing them in that transaction blocks for a few hundred milliseconds, so both run on a
// worker thread with its own ledger connection while the event loop goes on. A cancel that comes while the transaction
// is already running cannot stop it: the sync then finishes as it would have.
class HireSync : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        bool full = false;
        QStringList targets; // push records are created for these
    };
    struct Result
    {
        ApiError error; // run-level failure (nothing stored)
        QList<ApiError> hireErrors; // hires left out, each naming the application
        int hiresStored = 0;
        int pages = 0;
        bool incremental = false; // a saved sync token was used
        bool fellBackToFull = false; // Ashby refused the token; a full pass was made
        bool tokenSaved = false;
        QStringList storedIds;
        bool ok() const { return !error.isError() && hireErrors.isEmpty(); }
    };

    static QString syncStream() { return QStringLiteral("ashby.applications"); }
    // Ledger catalogue key of Ashby's custom field definitions ({"definitions": [customField.list results]}).
    static QString sourceCatalogKey() { return QStringLiteral("source:ashby"); }

    HireSync(AshbyClient* ashby, Ledger* ledger, const Options& options, QObject* parent = nullptr);
    ~HireSync() override; // waits for a transaction in progress: it holds the ledger's write lock

    void start();
    void cancel();

Q_SIGNALS:
    void progress(int done, int total, const QString& message);
    void finished(const HireSync::Result& result);

private:
    struct Pending
    {
        QJsonObject application;
        QJsonObject candidate;
        QJsonArray offers;
        bool failed = false;
    };

    void requestPage();
    void onPage(const QJsonObject& envelope);
    void startDetails();
    void fetchDefinitions(const QString& cursor);
    void fetchJobs();
    void fetchLookups();
    void fetchPerHire();
    void issuePerHireCalls();
    void callPerHire(const QString& endpoint, const QJsonObject& body, const QString& context, const QString& appId,
        QJsonValue::Type expected, const std::function<void(const QJsonValue&)>& store);
    struct Store; // what the worker thread assembles and stores, and what it reports back
    void assembleAndCommit();
    static void runStore(Store& store);
    void onStored();
    // Routes a call error: run-level (connection, auth, rate limit, server) aborts; anything else is per item.
    bool abortOn(const ApiError& error);
    void hireFailed(const QString& applicationId, const ApiError& error);
    void phaseCallDone();
    void finish();

    QPointer<AshbyClient> m_ashby;
    Ledger* m_ledger;
    Options m_options;
    Result m_result;
    bool m_done = false;
    bool m_cancelled = false;

    QString m_token;
    QString m_cursor;
    // Cursors already followed in this pass: a repeated one, or more than kMaxPages, ends the sync with an error.
    QSet<QString> m_seenCursors;
    QSet<QString> m_definitionCursors;
    static constexpr int kMaxPages = 10000;
    QString m_newToken;
    QList<Pending> m_hires;
    QHash<QString, qsizetype> m_indexById;
    QHash<QString, CustomFieldDefinition> m_definitions;
    QJsonArray m_definitionsJson;
    bool m_definitionsComplete = false;
    QHash<QString, QJsonObject> m_jobs;
    QHash<QString, QString> m_departmentNames;
    QHash<QString, QString> m_locationNames;
    QHash<QString, PersonRef> m_users;
    QSet<QString> m_failedIds;
    int m_outstanding = 0;
    void (HireSync::*m_nextPhase)() = nullptr;
    int m_detailCallsDone = 0;
    int m_detailCallsTotal = 0;
    QList<qsizetype> m_perHireTodo; // indexes into m_hires whose candidate.info and offer.list are still to queue
    qsizetype m_perHireNext = 0;
    std::shared_ptr<Store> m_store; // shared with the worker thread while it runs
    QThread* m_storeThread = nullptr;
};

Q_DECLARE_METATYPE(HireSync::Result)
