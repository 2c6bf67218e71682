#pragma once

#include "Hire.h"
#include "hris/Directory.h"
#include "http/ApiError.h"
#include "ledger/PushState.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QQueue>
#include <QSet>

class BobClient;
class Ledger;
class MappingEngine;
struct MappingResult;
struct PushReport;

// Pushes hires to Bob through the Hire API exactly once (design §5): one directory snapshot per run; per record a
// compare-and-set to `sending` with a fresh attempt id, then `exists` when the e-mail is already an employee, else
// the event is posted and the record ends `pushed` or `failed`. Records left `sending` by a process that died are
// reconciled first and re-sent with the same attempt id; so is a record whose last send failed for a transient reason
// (Bob may have received it). 401/403 stop the run and put the record back as it was.
class PushRun : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QStringList applicationIds; // named explicitly: permanent failures and skipped records are retried too
        bool allReady = false; // ready records and transient failures
        QString target = QStringLiteral("bob");
        bool dryRun = false;
        QString ownerId; // this process, see currentOwnerId()
        int maxParallel = 4;
    };
    struct Item
    {
        QString applicationId;
        QString target;
        QString name;
        PushState state = PushState::Ready; // the state after this run
        QString remoteId;
        QString reason;
        QStringList warnings;
        bool sent = false; // a request went to the target in this run
        bool ok = false; // the admin's request for this item is satisfied
        bool wouldSend = false; // dry run: it would be sent
        bool fresh = false; // decided in this run (not a state found from an earlier run)
        QJsonObject payload; // what was (or would be) sent
    };
    struct Result
    {
        ApiError error; // run-level: the target refused the credentials, could not be reached, ...
        QList<Item> items;
        int failedCount() const;
        bool ok() const { return !error.isError() && failedCount() == 0; }
    };

    // `engine` renders each hire through the admin's mapping profile and validates it; a hire with errors is not
    // sent (failed, with the reasons). Null: the built-in default fields, no validation beyond the e-mail.
    PushRun(Ledger* ledger, BobClient* bob, const Options& options, QObject* parent = nullptr,
        const MappingEngine* engine = nullptr);

    void start();
    void cancel();

    // "<host>/<pid>/<uuid>": lets another process tell whether a `sending` record's owner is still running.
    static QString currentOwnerId();
    // What this run did, for the recipients' e-mail: hires sent, found already in Bob, and failed in this run.
    static PushReport report(const Result& result, const Ledger& ledger, const QString& bobWebUrl);
    static bool isOwnerAlive(const QString& ownerId);

Q_SIGNALS:
    void progress(int done, int total, const QString& message);
    void itemFinished(const PushRun::Item& item);
    void finished(const PushRun::Result& result);

private:
    struct Work
    {
        Hire hire;
        PushRecord record;
        bool reconcile = false;
        std::optional<QJsonObject> fields; // mapped fields, when a mapping engine is set
        QString mappingError; // reconciled records only: the mapping now refuses the hire
    };
    static QString errorText(const MappingResult& mapped);

    void onDirectory(const ApiError& error, const Directory& directory);
    void pump();
    void process(const Work& work);
    void complete(Item item);
    void finish();
    Item itemFor(const Hire& hire, const PushRecord& record) const;

    Ledger* m_ledger;
    QPointer<BobClient> m_bob;
    const MappingEngine* m_engine = nullptr;
    Options m_options;
    Result m_result;
    Directory m_directory;
    QQueue<Work> m_queue;
    int m_inFlight = 0;
    int m_total = 0;
    int m_done = 0;
    bool m_stopping = false;
    bool m_finished = false;
};

Q_DECLARE_METATYPE(PushRun::Item)
Q_DECLARE_METATYPE(PushRun::Result)
