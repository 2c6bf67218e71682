#pragma once

#include "Hire.h"
#include "PushState.h"
#include "QueuedNotification.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

// A lightweight view of one cached hire for lists (no JSON parsing): what the dashboard shows.
struct HireRow
{
    QString applicationId;
    QString candidateId;
    QString name;
    QString email;
    QString startDate; // YYYY-MM-DD or empty
    QString jobTitle;
    QString department;
    QString hiringManager; // display name of the Ashby hiring manager
};
// Only QStrings inside: a list of 100,000 rows grows by moving memory instead of moving each row.
Q_DECLARE_TYPEINFO(HireRow, Q_RELOCATABLE_TYPE);

// One document (resume, signed offer letter) of a (hire, target) that takes uploads.
struct DocumentRecord
{
    QString applicationId;
    QString target;
    QString kind; // "resume" | "offerLetter"
    QString name; // file name as Ashby has it
    QString state = QStringLiteral("pending"); // pending | uploading | uploaded | failed
    QString remoteId; // the document's id in the target once uploaded
    QString reason; // why it failed
    bool transient = false; // failed for a transient reason: a later push retries it
    qint64 bytes = 0;
    int attempts = 0;
    QDateTime updatedAt;
};

// A hiring manager the admin matched by hand: Ashby user → employee of one target.
struct ManagerMatch
{
    QString target;
    QString ashbyUserId;
    QString employeeId;
    QString employeeName;
    QString employeeEmail;
    QDateTime confirmedAt;
};

// The local record of everything: cached hires, push records, the append-only audit log and sync tokens, in SQLite
// (WAL mode, busy timeout, versioned migrations). Every state change is one transaction; transitions are
// compare-and-set so two processes on one machine never both move the same record to `sending`.
// One Ledger per thread (each owns its own QSqlDatabase connection).
class Ledger
{
public:
    Ledger();
    ~Ledger();
    Ledger(const Ledger&) = delete;
    Ledger& operator=(const Ledger&) = delete;

    // Creates `directory` if needed and opens (or creates and migrates) directory/ledger.sqlite.
    bool open(const QString& directory, QString* error = nullptr);
    bool isOpen() const;
    // Closes the database (reads then return nothing and writes fail); open() may be called again.
    void close();
    QString filePath() const;
    int schemaVersion() const;
    // SQLite's synchronous level on this connection (2 = FULL: a committed state survives a power cut); -1 if closed.
    int synchronousLevel() const;
    static int latestSchemaVersion();

    // --- hires -----------------------------------------------------------------------------------------------
    // Inserts or replaces the cached hires and, for every target in `targets`, creates a `ready` push record
    // where none exists. Existing push records keep their state. All in one transaction: on error nothing changes.
    bool upsertHires(const QList<Hire>& hires, const QStringList& targets, QString* error = nullptr);
    QList<Hire> hires() const; // ordered by start date, then name
    QList<HireRow> hireRows() const; // same order as hires(), without parsing the cached JSON
    // What the hires dashboard shows: hireRows() and the push records without what it does not show (attempt id,
    // owner, time of the last change stay empty). Reading 100,000 full records parsed 100,000 times; the window is
    // painted only after this.
    struct Dashboard
    {
        QList<HireRow> rows;
        QList<PushRecord> records;
    };
    Dashboard dashboard() const;
    std::optional<Hire> hire(const QString& applicationId) const;
    int hireCount() const;

    // --- push records ----------------------------------------------------------------------------------------
    QList<PushRecord> pushRecords(const QString& target = {}) const;
    std::optional<PushRecord> pushRecord(const QString& applicationId, const QString& target) const;
    // Creates the record in `ready` if missing (no-op otherwise).
    bool ensurePushRecord(const QString& applicationId, const QString& target, QString* error = nullptr);

    // Compare-and-set: moves the record from one of `from` to `sending` with a fresh attempt id, attempts + 1 and
    // owner `ownerId`. Returns false (and sets *error) when the record is not in one of `from` — for example
    // because another process holds it.
    bool beginSending(const QString& applicationId, const QString& target, const QList<PushState>& from,
        const QString& attemptId, const QString& ownerId, QString* error = nullptr);

    // Moves a record that is `sending` with this attempt id to its outcome, writing `audit` (if its action is not
    // empty) in the same transaction. Returns false if the record is not `sending` with that attempt id.
    bool finishSending(const QString& applicationId, const QString& target, const QString& attemptId, PushState outcome,
        const QString& remoteId, const QString& reason, bool transient, const AuditEntry& audit,
        QString* error = nullptr);

    // Admin actions (skip, mark as received, ...) and validation failures: a compare-and-set from `seen`, the state the
    // caller read, to `state`, with an audit line, in one transaction. Refused (false, *error says what it is now)
    // when the record changed meanwhile — another process may be sending it.
    bool setState(const QString& applicationId, const QString& target, PushState seen, PushState state,
        const QString& reason, QString* error = nullptr);

    // --- audit -----------------------------------------------------------------------------------------------
    bool appendAudit(const AuditEntry& entry, QString* error = nullptr);
    QList<AuditEntry> audit(const QString& applicationId = {}) const; // oldest first

    // --- sync state ------------------------------------------------------------------------------------------
    QString syncToken(const QString& stream) const; // empty when none
    bool setSyncToken(const QString& stream, const QString& token, QString* error = nullptr); // empty clears
    // Stores hires and the new sync token in one transaction (a sync that fails midway changes nothing).
    bool commitSync(const QList<Hire>& hires, const QStringList& targets, const QString& stream,
        const QString& newToken, QString* error = nullptr);

    // --- cached catalogues (schema v2) ------------------------------------------------------------------------
    // Field catalogues of the targets ("target:bob") and Ashby's custom field definitions ("source:ashby"), kept
    // with the time they were fetched so the editor works offline and says how old they are.
    // storeCatalog replaces whatever the key held, in one transaction; an empty key or an invalid time is refused.
    // catalog() is nullopt when the key was never stored (or the row is unreadable: see lastError()).
    bool storeCatalog(
        const QString& key, const QJsonObject& json, const QDateTime& fetchedAt, QString* error = nullptr);
    struct CachedCatalog
    {
        QJsonObject json;
        QDateTime fetchedAt;
    };
    std::optional<CachedCatalog> catalog(const QString& key) const;

    // --- notification queue (schema v3) ----------------------------------------------------------------------
    // E-mails to recipients are queued here before they are sent and marked once the relay answered, so a
    // notification that could not be delivered is kept for a retry. Never touches push records.
    // Queues the mails (id, createdAt, attempts, lastError and sentAt are ignored) in one transaction and writes
    // the new ids back into `mails`. A mail without a recipient is refused (and nothing is queued).
    bool enqueueNotifications(QList<QueuedNotification>& mails, QString* error = nullptr);
    // One mail; returns its id, or 0 on error.
    qint64 enqueueNotification(const QString& recipient, const QString& subject, const QString& textBody,
        const QString& htmlBody, QString* error = nullptr);
    QList<QueuedNotification> pendingNotifications() const; // not sent yet, oldest first
    int pendingNotificationCount() const;
    std::optional<QueuedNotification> notification(qint64 id) const;
    // attempts + 1 and sentAt = now (lastError cleared). False when the mail does not exist or was already sent.
    bool markNotificationSent(qint64 id, QString* error = nullptr);
    // attempts + 1 and lastError = reason; the mail stays pending. False when it does not exist or was sent.
    bool markNotificationFailed(qint64 id, const QString& reason, QString* error = nullptr);
    // Drops a pending mail (the admin gave up on it, e.g. a recipient that no longer exists). Sent mails stay.
    bool discardNotification(qint64 id, QString* error = nullptr);

    // --- documents (schema v4) -------------------------------------------------------------------------------
    // Inserts or replaces the document's row (and appends `audit` when given) in one transaction.
    bool setDocument(const DocumentRecord& document, const AuditEntry* audit = nullptr, QString* error = nullptr);
    QList<DocumentRecord> documents(const QString& applicationId = {}, const QString& target = {}) const;

    // --- hiring-manager matches (schema v4) ----------------------------------------------------------------------
    // Remembers (and audits) the admin's choice for this Ashby user in this target; replaces an earlier one.
    bool confirmManagerMatch(const ManagerMatch& match, QString* error = nullptr);
    bool forgetManagerMatch(const QString& target, const QString& ashbyUserId, QString* error = nullptr);
    QList<ManagerMatch> managerMatches(const QString& target = {}) const;
    std::optional<ManagerMatch> managerMatch(const QString& target, const QString& ashbyUserId) const;

    QString lastError() const { return m_lastError; }

private:
    bool migrate(QString* error);
    bool exec(const QString& sql, QString* error);
    // pushRecords() and dashboard(): `full` reads every column, else only those the dashboard shows.
    QList<PushRecord> readPushRecords(const QString& target, bool full) const;

    QString m_connectionName;
    QString m_filePath;
    mutable QString m_lastError;
};
