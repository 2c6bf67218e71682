#pragma once

#include "Hire.h"
#include "hris/Directory.h"
#include "hris/HrisConnector.h"
#include "http/ApiError.h"
#include "ledger/PushState.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QQueue>
#include <QSet>

#include <functional>
#include <memory>

class AshbyClient;
struct ManagerResolution;
class DocumentFetcher;
class Ledger;
class LedgerWriter;
struct DocumentRecord;
class MappingEngine;
struct MappingResult;
struct PushReport;

// Pushes hires to one target exactly once (design §5): one directory snapshot per run (or one e-mail lookup per hire
// where the target filters by e-mail); per record a compare-and-set to `sending` with a fresh attempt id, then
// `exists` when the e-mail is already an employee, else the request is sent and the record ends `pushed` or `failed`;
// then each document is downloaded from Ashby and uploaded, tracked on its own. Records left `sending` by a process
// that died, and records whose last send failed for a transient reason, may have arrived: they are looked up first
// (found: `pushed`, not created again) and else re-sent with the same attempt id. 401/403 stop the run and put the
// record back as it was.
class PushRun : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QStringList applicationIds; // named explicitly: permanent failures and skipped records are retried too
        bool allReady = false; // ready records and transient failures
        QString target; // ignored: the connector's target
        bool dryRun = false;
        QString ownerId; // this run; empty: a new one (OwnerLiveness::newRunOwnerId)
        // Hires in flight. Twice HttpClient's connections per host: a hire waiting for its retry, or for its
        // `sending` to reach the disk, holds no connection, and the others keep them busy meanwhile. The requests
        // themselves are limited by HttpClient.
        int maxParallel = 8;
        // `resolve --resend`: named records in `unknown` are sent once more, with their attempt id.
        bool resend = false;
        // How long an interrupted create is looked for before it is sent again; -1: the connector's read lag.
        int reconcilePatienceMs = -1;
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
        QJsonArray documents; // per document: {kind, name, state, reason}
        QString manager; // how the hiring manager was matched (ManagerResolution::describe)
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
    PushRun(Ledger* ledger, HrisConnector* connector, const Options& options, QObject* parent = nullptr,
        const MappingEngine* engine = nullptr);
    ~PushRun() override;

    // Where documents come from (file.info + download). Without it, documents are left out with a warning.
    void setDocumentSource(AshbyClient* ashby);
    QString target() const { return m_target; }

    void start();
    void cancel();

    // What this run did, for the recipients' e-mail: hires sent, found already in the target, and failed in this run.
    // `targetUrls` maps a target to where an admin opens it in a browser (may be empty).
    static PushReport report(const Result& result, const Ledger& ledger, const QHash<QString, QString>& targetUrls);
    // "It arrived": the admin found an `unknown` hire in the target, so the record becomes `pushed` without sending
    // anything. Refused (false, *error) when the record is not `unknown` (any more).
    static bool markReceived(Ledger* ledger, const QString& applicationId, const QString& target, QString* error);

    // The `documents` of a payload that carries links (Bob's Hire API) before the links are fetched: kind, name and
    // content type, `url` null. What a dry run sends and what the details pane previews; empty for other modes.
    static QJsonArray previewDocuments(const Hire& hire, const DocumentRules& rules);
    static QJsonObject documentEntry(const FileRef& file, const QJsonValue& url);

Q_SIGNALS:
    void progress(int done, int total, const QString& message);
    void itemFinished(const PushRun::Item& item);
    void finished(const PushRun::Result& result);

private:
    struct Work
    {
        Hire hire;
        PushRecord record;
        bool reconcile = false; // found `sending` with its owner gone
        bool mayHaveArrived = false; // an earlier send of this record may have reached the target
        bool documentsOnly = false; // pushed already; only documents are outstanding
        std::optional<QJsonObject> fields; // mapped fields, when a mapping engine is set
        QString mappingError; // reconciled records only: the mapping now refuses the hire
        int resends = 0; // creates sent again in this run after an ambiguous failure was not found
        QString documentsLock; // attempt id under which this run holds the record while uploading documents
        QString lockedReason; // the record's reason before the lock, put back after
    };
    static QString errorText(const MappingResult& mapped);

    void prepareSome();
    void prepareOne(const QString& applicationId);
    void enqueue(const Work& work);
    void startWhenReady();
    void onDirectory(const ApiError& error, const Directory& directory);
    void pump();
    void process(const Work& work);
    void lookup(const Work& work, Item item, const QString& attemptId);
    void onExisting(const Work& work, Item item, const QString& attemptId, const std::optional<DirectoryEntry>& found);
    void resolveManager(const Work& work, std::function<void(const ManagerResolution&)> done);
    void send(const Work& work, Item item, const QString& attemptId);
    void sendPayload(const Work& work, Item item, PayloadInput in);
    void onCreated(const Work& work, Item item, const QString& attemptId, const QString& hash, const ApiError& error,
        const CreateResult& result);
    void postCreate(const Work& work, Item item, const QString& attemptId);
    void reconcileCreate(Work work, Item item, const QString& attemptId, AuditEntry audit, qint64 sinceMs, int round);
    void onReconciled(const Work& work, Item item, const QString& attemptId, const DirectoryEntry& found);
    QString unknownReason(const QString& attemptId, const QString& what) const;
    int reconcilePatienceMs() const;
    // Writes the outcome of a send (retried a few times if the ledger refuses), then `then`; if it can never be
    // written the item fails with the reason and the record is left for the next run to reconcile.
    void recordOutcome(const Work& work, Item item, const QString& attemptId, PushState outcome,
        const QString& remoteId, const QString& reason, bool transient, const AuditEntry& audit,
        const std::function<void(const Item&)>& then, int tries = 0);
    void endSending(const Work& work, Item item, const QString& attemptId, PushState outcome, const QString& remoteId,
        const QString& reason, bool transient, AuditEntry audit);
    void uploadDocuments(const Work& work, Item item, const QString& remoteId);
    void uploadNext(const Work& work, Item item, const QString& remoteId, QList<FileRef> files);
    // Downloads `file` from Ashby and uploads it; an answer that may hide a stored file leads to checkUpload().
    void sendDocument(const Work& work, Item item, const QString& remoteId, const QList<FileRef>& files,
        const FileRef& file, DocumentRecord record);
    // Asks the target whether an interrupted upload of `file` was stored: found → `uploaded`; not found → sent now
    // (uploadIfMissing) or left `uploading` for the next run; the target cannot list documents → `failed` until the
    // admin names the hire.
    void checkUpload(const Work& work, Item item, const QString& remoteId, const QList<FileRef>& files,
        const FileRef& file, DocumentRecord record, bool uploadIfMissing);
    void failDocument(DocumentRecord record, const FileRef& file, const QString& why, bool transient, int status);
    // Records a document's new state, with an audit line ("upload") when `detail` is given.
    void writeDocument(DocumentRecord record, const QString& state, const QString& detail = {}, int status = 0,
        const QString& payloadHash = {});
    static DocumentUpload uploadFor(const Work& work, const FileRef& file);
    QList<FileRef> outstandingDocuments(const Hire& hire, bool named) const;
    // The `sending` could not be written: says why (another process has it, it changed, the ledger failed).
    void notBegun(const Work& work, Item item, const QString& error);
    void notRecorded(const Work& work, Item item, const QString& attemptId, PushState outcome, const QString& remoteId,
        const QString& reason, bool transient, const AuditEntry& audit, const std::function<void(const Item&)>& then,
        int tries, const QString& ledgerError);
    LedgerWriter* writer(); // started at the first write
    void settle(const Item& item); // one item finished: release its slot, report it, start the next
    void complete(Item item);
    void finish();
    Item itemFor(const Hire& hire, const PushRecord& record) const;
    QString name() const;

    Ledger* m_ledger;
    std::unique_ptr<LedgerWriter> m_writer; // the send's state changes, off this thread (LedgerWriter.h)
    QPointer<HrisConnector> m_connector;
    QPointer<DocumentFetcher> m_documents;
    const MappingEngine* m_engine = nullptr;
    Options m_options;
    QString m_target;
    DocumentRules m_rules;
    Result m_result;
    Directory m_directory;
    bool m_haveDirectory = false;
    QHash<QString, std::optional<DirectoryEntry>> m_managerLookups; // e-mail → employee, per run
    QHash<QString, QList<std::function<void(const std::optional<DirectoryEntry>&)>>> m_managerWaiters;
    QSet<QString> m_named;
    QHash<QString, PushRecord> m_records; // as they were when the run started
    QStringList m_toPrepare;
    qsizetype m_prepareIndex = 0;
    bool m_prepared = false;
    bool m_directoryRequested = false;
    static constexpr int kPrepareSliceMs = 8;
    QQueue<Work> m_queue;
    // Within a run two hires with one e-mail are never both created: the second waits for the first (design §5).
    QSet<QString> m_emailsBusy; // normalised e-mails with a hire in flight
    QHash<QString, QString> m_busyEmailOf; // application id → its e-mail in m_emailsBusy
    QHash<QString, QList<Work>> m_parked; // e-mail → works waiting for the hire in flight
    QHash<QString, DirectoryEntry> m_createdInRun; // e-mail → the employee this run created or found
    QHash<QString, QString> m_unknownInRun; // e-mail → the hire whose send ended `unknown`
    QElapsedTimer m_clock;
    int m_inFlight = 0;
    int m_total = 0;
    int m_done = 0;
    bool m_stopping = false;
    bool m_finished = false;
};

Q_DECLARE_METATYPE(PushRun::Item)
Q_DECLARE_METATYPE(PushRun::Result)
