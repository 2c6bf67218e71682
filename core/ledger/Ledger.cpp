#include "Ledger.h"

#include "util/PrivateFiles.h"

#include <QDateTime>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QUuid>
#include <QVariant>

#include <utility>

namespace {

Q_LOGGING_CATEGORY(lcLedger, "hirebridge.ledger", QtInfoMsg)

const QString kFileName = QStringLiteral("ledger.sqlite");

// One schema step per version, applied in order, each in its own transaction; `PRAGMA user_version` records the
// last applied version. Never edit a released step: append a new one.
struct Migration
{
    int version;
    QStringList statements;
};

const QList<Migration>& migrations()
{
    static const QList<Migration> steps {
        {1,
            {
                QStringLiteral("CREATE TABLE hires ("
                               " application_id TEXT PRIMARY KEY NOT NULL CHECK (application_id <> ''),"
                               " candidate_id TEXT NOT NULL DEFAULT '',"
                               " name TEXT NOT NULL DEFAULT '',"
                               " email TEXT NOT NULL DEFAULT '',"
                               " start_date TEXT NOT NULL DEFAULT '',"
                               " job_title TEXT NOT NULL DEFAULT '',"
                               " department TEXT NOT NULL DEFAULT '',"
                               " hiring_manager TEXT NOT NULL DEFAULT '',"
                               " data TEXT NOT NULL," // Hire::toJson, compact
                               " updated_at TEXT NOT NULL DEFAULT ''," // Ashby's application updatedAt
                               " synced_at TEXT NOT NULL" // when this machine last stored it
                               ")"),
                // hires() order: dated hires first by date, then by name.
                QStringLiteral("CREATE INDEX hires_by_start_date ON hires"
                               " (start_date = '', start_date, name COLLATE NOCASE, application_id)"),
                QStringLiteral("CREATE TABLE push_records ("
                               " application_id TEXT NOT NULL,"
                               " target TEXT NOT NULL CHECK (target <> ''),"
                               " state TEXT NOT NULL DEFAULT 'ready'"
                               "  CHECK (state IN ('ready','sending','pushed','failed','exists','skipped')),"
                               " remote_id TEXT NOT NULL DEFAULT '',"
                               " reason TEXT NOT NULL DEFAULT '',"
                               " transient INTEGER NOT NULL DEFAULT 0,"
                               " attempts INTEGER NOT NULL DEFAULT 0,"
                               " attempt_id TEXT NOT NULL DEFAULT '',"
                               " owner_id TEXT NOT NULL DEFAULT '',"
                               " updated_at TEXT NOT NULL,"
                               " PRIMARY KEY (application_id, target),"
                               " FOREIGN KEY (application_id) REFERENCES hires (application_id)"
                               ")"),
                QStringLiteral("CREATE INDEX push_records_by_target_state ON push_records (target, state)"),
                QStringLiteral("CREATE INDEX push_records_by_state ON push_records (state)"),
                QStringLiteral("CREATE TABLE audit_log ("
                               " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                               " at TEXT NOT NULL,"
                               " target TEXT NOT NULL DEFAULT '',"
                               " application_id TEXT NOT NULL DEFAULT '',"
                               " action TEXT NOT NULL,"
                               " attempt_id TEXT NOT NULL DEFAULT '',"
                               " http_status INTEGER NOT NULL DEFAULT 0,"
                               " payload_hash TEXT NOT NULL DEFAULT '',"
                               " detail TEXT NOT NULL DEFAULT ''"
                               ")"),
                QStringLiteral("CREATE INDEX audit_log_by_application ON audit_log (application_id, id)"),
                QStringLiteral("CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log"
                               " BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END"),
                QStringLiteral("CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log"
                               " BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END"),
                QStringLiteral("CREATE TABLE sync_state ("
                               " stream TEXT PRIMARY KEY NOT NULL,"
                               " token TEXT NOT NULL,"
                               " updated_at TEXT NOT NULL"
                               ")"),
            }},
        {2,
            {
                // Field catalogues ("target:bob", "source:ashby"): the JSON as cached, and when it was fetched.
                QStringLiteral("CREATE TABLE catalogs ("
                               " key TEXT PRIMARY KEY NOT NULL CHECK (key <> ''),"
                               " json TEXT NOT NULL,"
                               " fetched_at TEXT NOT NULL"
                               ")"),
            }},
        {3,
            {
                // E-mails to recipients, queued before sending; sent_at '' while pending.
                QStringLiteral("CREATE TABLE notifications ("
                               " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                               " created_at TEXT NOT NULL,"
                               " recipient TEXT NOT NULL CHECK (recipient <> ''),"
                               " subject TEXT NOT NULL DEFAULT '',"
                               " text_body TEXT NOT NULL DEFAULT '',"
                               " html_body TEXT NOT NULL DEFAULT '',"
                               " attempts INTEGER NOT NULL DEFAULT 0,"
                               " last_error TEXT NOT NULL DEFAULT '',"
                               " sent_at TEXT NOT NULL DEFAULT ''"
                               ")"),
                QStringLiteral("CREATE INDEX notifications_pending ON notifications (id) WHERE sent_at = ''"),
            }},
        {4,
            {
                // One row per document of a (hire, target) that uploads documents: tracked and retried on its own
                // after the employee exists.
                QStringLiteral("CREATE TABLE documents ("
                               " application_id TEXT NOT NULL,"
                               " target TEXT NOT NULL CHECK (target <> ''),"
                               " kind TEXT NOT NULL CHECK (kind <> ''),"
                               " name TEXT NOT NULL DEFAULT '',"
                               " state TEXT NOT NULL DEFAULT 'pending'"
                               "  CHECK (state IN ('pending','uploading','uploaded','failed')),"
                               " remote_id TEXT NOT NULL DEFAULT '',"
                               " reason TEXT NOT NULL DEFAULT '',"
                               " transient INTEGER NOT NULL DEFAULT 0,"
                               " bytes INTEGER NOT NULL DEFAULT 0,"
                               " attempts INTEGER NOT NULL DEFAULT 0,"
                               " updated_at TEXT NOT NULL,"
                               " PRIMARY KEY (application_id, target, kind)"
                               ")"),
                // Hiring managers the admin confirmed by hand, remembered per Ashby user and target.
                QStringLiteral("CREATE TABLE manager_matches ("
                               " target TEXT NOT NULL CHECK (target <> ''),"
                               " ashby_user_id TEXT NOT NULL CHECK (ashby_user_id <> ''),"
                               " employee_id TEXT NOT NULL CHECK (employee_id <> ''),"
                               " employee_name TEXT NOT NULL DEFAULT '',"
                               " employee_email TEXT NOT NULL DEFAULT '',"
                               " confirmed_at TEXT NOT NULL,"
                               " PRIMARY KEY (target, ashby_user_id)"
                               ")"),
            }},
        {5,
            {
                // The `unknown` state (design §5): SQLite cannot change a CHECK constraint, so the table is rebuilt.
                QStringLiteral("CREATE TABLE push_records_v5 ("
                               " application_id TEXT NOT NULL,"
                               " target TEXT NOT NULL CHECK (target <> ''),"
                               " state TEXT NOT NULL DEFAULT 'ready'"
                               "  CHECK (state IN ('ready','sending','pushed','failed','exists','skipped','unknown')),"
                               " remote_id TEXT NOT NULL DEFAULT '',"
                               " reason TEXT NOT NULL DEFAULT '',"
                               " transient INTEGER NOT NULL DEFAULT 0,"
                               " attempts INTEGER NOT NULL DEFAULT 0,"
                               " attempt_id TEXT NOT NULL DEFAULT '',"
                               " owner_id TEXT NOT NULL DEFAULT '',"
                               " updated_at TEXT NOT NULL,"
                               " PRIMARY KEY (application_id, target),"
                               " FOREIGN KEY (application_id) REFERENCES hires (application_id)"
                               ")"),
                QStringLiteral(
                    "INSERT INTO push_records_v5 (application_id, target, state, remote_id, reason, transient,"
                    " attempts, attempt_id, owner_id, updated_at)"
                    " SELECT application_id, target, state, remote_id, reason, transient, attempts,"
                    " attempt_id, owner_id, updated_at FROM push_records"),
                QStringLiteral("DROP TABLE push_records"),
                QStringLiteral("ALTER TABLE push_records_v5 RENAME TO push_records"),
                QStringLiteral("CREATE INDEX push_records_by_target_state ON push_records (target, state)"),
                QStringLiteral("CREATE INDEX push_records_by_state ON push_records (state)"),
            }},
    };
    return steps;
}

// QtSql binds a null QString as SQL NULL; the ledger's text columns are NOT NULL with '' for "none".
QVariant text(const QString& value)
{
    return value.isNull() ? QVariant(QStringLiteral("")) : QVariant(value);
}

QString nowText()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

QString timeText(const QDateTime& time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : nowText();
}

QDateTime parseTime(const QString& text)
{
    auto time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (time.isValid()) {
        time = time.toUTC();
    }
    return time;
}

QString sqlMessage(const QSqlError& error)
{
    QString message = error.databaseText();
    if (message.isEmpty()) {
        message = error.driverText();
    }
    if (message.isEmpty()) {
        message = error.text();
    }
    return message.isEmpty() ? QStringLiteral("unknown SQLite error") : message;
}

QString recordName(const QString& applicationId, const QString& target)
{
    return QStringLiteral("%1/%2").arg(applicationId, target);
}

// `BEGIN IMMEDIATE` … `COMMIT`, rolled back when it goes out of scope uncommitted. IMMEDIATE takes the write lock
// up front, so writers in other connections (other threads or processes) wait (busy timeout) instead of failing
// halfway when they try to upgrade a read transaction.
class WriteTransaction
{
public:
    explicit WriteTransaction(const QSqlDatabase& db)
        : m_db(db)
    {
    }
    ~WriteTransaction()
    {
        if (m_active) {
            QSqlQuery rollback(m_db);
            if (!rollback.exec(QStringLiteral("ROLLBACK"))) {
                qCWarning(lcLedger) << "ROLLBACK failed:" << sqlMessage(rollback.lastError());
            }
        }
    }
    WriteTransaction(const WriteTransaction&) = delete;
    WriteTransaction& operator=(const WriteTransaction&) = delete;

    bool begin(QString* message)
    {
        if (!m_db.isOpen()) {
            *message = QStringLiteral("the ledger is not open");
            return false;
        }
        QSqlQuery query(m_db);
        if (!query.exec(QStringLiteral("BEGIN IMMEDIATE"))) {
            *message = QStringLiteral("cannot start a transaction: %1").arg(sqlMessage(query.lastError()));
            return false;
        }
        m_active = true;
        return true;
    }

    bool commit(QString* message)
    {
        QSqlQuery query(m_db);
        if (!query.exec(QStringLiteral("COMMIT"))) {
            *message = QStringLiteral("cannot commit: %1").arg(sqlMessage(query.lastError()));
            return false; // the destructor rolls back
        }
        m_active = false;
        return true;
    }

private:
    QSqlDatabase m_db;
    bool m_active = false;
};

// Prepared statements for storing hires, reused for every row of a bulk upsert.
class HireWriter
{
public:
    explicit HireWriter(const QSqlDatabase& db)
        : m_hire(db)
        , m_record(db)
    {
    }

    bool prepare(QString* message)
    {
        if (!m_hire.prepare(QStringLiteral(
                "INSERT INTO hires (application_id, candidate_id, name, email, start_date, job_title, department,"
                " hiring_manager, data, updated_at, synced_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (application_id) DO UPDATE SET candidate_id = excluded.candidate_id,"
                " name = excluded.name, email = excluded.email, start_date = excluded.start_date,"
                " job_title = excluded.job_title, department = excluded.department,"
                " hiring_manager = excluded.hiring_manager, data = excluded.data,"
                " updated_at = excluded.updated_at, synced_at = excluded.synced_at"))) {
            *message = QStringLiteral("cannot prepare the hire statement: %1").arg(sqlMessage(m_hire.lastError()));
            return false;
        }
        if (!m_record.prepare(QStringLiteral("INSERT INTO push_records (application_id, target, state, updated_at)"
                                             " VALUES (?, ?, 'ready', ?)"
                                             " ON CONFLICT (application_id, target) DO NOTHING"))) {
            *message
                = QStringLiteral("cannot prepare the push record statement: %1").arg(sqlMessage(m_record.lastError()));
            return false;
        }
        return true;
    }

    bool write(const QList<Hire>& hires, const QStringList& targets, QString* message)
    {
        for (const auto& target : targets) {
            if (target.isEmpty()) {
                *message = QStringLiteral("empty target name");
                return false;
            }
        }
        const QString now = nowText();
        for (qsizetype i = 0; i < hires.size(); ++i) {
            const Hire& hire = hires.at(i);
            if (hire.applicationId.isEmpty()) {
                *message = QStringLiteral("hire #%1 (%2) has no application id")
                               .arg(i + 1)
                               .arg(hire.name.isEmpty() ? QStringLiteral("no name") : hire.name);
                return false;
            }
            const QString data = QString::fromUtf8(QJsonDocument(hire.toJson()).toJson(QJsonDocument::Compact));
            m_hire.bindValue(0, text(hire.applicationId));
            m_hire.bindValue(1, text(hire.candidateId));
            m_hire.bindValue(2, text(hire.name));
            m_hire.bindValue(3, text(hire.email));
            m_hire.bindValue(4, text(hire.startDate));
            m_hire.bindValue(5, text(hire.jobTitle));
            m_hire.bindValue(6, text(hire.department));
            m_hire.bindValue(7, text(hire.hiringManager.displayName()));
            m_hire.bindValue(8, text(data));
            m_hire.bindValue(9, text(hire.updatedAt));
            m_hire.bindValue(10, text(now));
            if (!m_hire.exec()) {
                *message = QStringLiteral("cannot store hire %1: %2")
                               .arg(hire.applicationId, sqlMessage(m_hire.lastError()));
                return false;
            }
            for (const auto& target : targets) {
                m_record.bindValue(0, text(hire.applicationId));
                m_record.bindValue(1, text(target));
                m_record.bindValue(2, text(now));
                if (!m_record.exec()) {
                    *message = QStringLiteral("cannot create push record %1: %2")
                                   .arg(recordName(hire.applicationId, target), sqlMessage(m_record.lastError()));
                    return false;
                }
            }
        }
        m_hire.finish();
        m_record.finish();
        return true;
    }

private:
    QSqlQuery m_hire;
    QSqlQuery m_record;
};

bool insertAudit(const QSqlDatabase& db, const AuditEntry& entry, QString* message)
{
    if (entry.action.isEmpty()) {
        *message = QStringLiteral("audit entry without an action");
        return false;
    }
    QSqlQuery query(db);
    query.prepare(QStringLiteral("INSERT INTO audit_log (at, target, application_id, action, attempt_id, http_status,"
                                 " payload_hash, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    query.bindValue(0, text(timeText(entry.at)));
    query.bindValue(1, text(entry.target));
    query.bindValue(2, text(entry.applicationId));
    query.bindValue(3, text(entry.action));
    query.bindValue(4, text(entry.attemptId));
    query.bindValue(5, entry.httpStatus);
    query.bindValue(6, text(entry.payloadHash));
    query.bindValue(7, text(entry.detail));
    if (!query.exec()) {
        *message = QStringLiteral("cannot append to the audit log: %1").arg(sqlMessage(query.lastError()));
        return false;
    }
    return true;
}

bool writeSyncToken(const QSqlDatabase& db, const QString& stream, const QString& token, QString* message)
{
    if (stream.isEmpty()) {
        *message = QStringLiteral("empty sync stream name");
        return false;
    }
    QSqlQuery query(db);
    if (token.isEmpty()) {
        query.prepare(QStringLiteral("DELETE FROM sync_state WHERE stream = ?"));
        query.bindValue(0, text(stream));
    } else {
        query.prepare(QStringLiteral("INSERT INTO sync_state (stream, token, updated_at) VALUES (?, ?, ?)"
                                     " ON CONFLICT (stream) DO UPDATE SET token = excluded.token,"
                                     " updated_at = excluded.updated_at"));
        query.bindValue(0, text(stream));
        query.bindValue(1, text(token));
        query.bindValue(2, text(nowText()));
    }
    if (!query.exec()) {
        *message = QStringLiteral("cannot store the sync token of %1: %2").arg(stream, sqlMessage(query.lastError()));
        return false;
    }
    return true;
}

// Describes the current state of a record for error messages ("is sending (owner …, attempt …)" / "does not exist").
QString describeRecord(const QSqlDatabase& db, const QString& applicationId, const QString& target)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT state, owner_id, attempt_id FROM push_records"
                                 " WHERE application_id = ? AND target = ?"));
    query.bindValue(0, text(applicationId));
    query.bindValue(1, text(target));
    if (!query.exec()) {
        return QStringLiteral("cannot be read (%1)").arg(sqlMessage(query.lastError()));
    }
    if (!query.next()) {
        return QStringLiteral("does not exist");
    }
    QString text = QStringLiteral("is %1").arg(query.value(0).toString());
    const QString owner = query.value(1).toString();
    const QString attempt = query.value(2).toString();
    if (query.value(0).toString() == QLatin1StringView("sending")) {
        text += QStringLiteral(" (owner %1, attempt %2)")
                    .arg(owner.isEmpty() ? QStringLiteral("unknown") : owner,
                        attempt.isEmpty() ? QStringLiteral("unknown") : attempt);
    }
    return text;
}

const QString kPushRecordColumns = QStringLiteral(
    "application_id, target, state, remote_id, reason, transient, attempts, attempt_id, owner_id, updated_at");
// The first seven: what the dashboard shows (Ledger::dashboard()).
const QString kDashboardRecordColumns
    = QStringLiteral("application_id, target, state, remote_id, reason, transient, attempts");

// `full`: all of kPushRecordColumns; else the kDashboardRecordColumns only.
PushRecord readPushRecord(const QSqlQuery& query, bool full = true)
{
    PushRecord record;
    record.applicationId = query.value(0).toString();
    record.target = query.value(1).toString();
    const QString state = query.value(2).toString();
    if (const auto parsed = pushStateFromName(state)) {
        record.state = *parsed;
    } else {
        record.state = PushState::Failed;
        record.reason = QStringLiteral("unknown state \"%1\" in the ledger").arg(state);
    }
    record.remoteId = query.value(3).toString();
    if (record.reason.isEmpty()) {
        record.reason = query.value(4).toString();
    }
    record.transient = query.value(5).toInt() != 0;
    record.attempts = query.value(6).toInt();
    if (!full) {
        return record;
    }
    record.attemptId = query.value(7).toString();
    record.ownerId = query.value(8).toString();
    record.updatedAt = parseTime(query.value(9).toString());
    return record;
}

const QString kHireOrder = QStringLiteral(" ORDER BY start_date = '', start_date, name COLLATE NOCASE, application_id");

} // namespace

Ledger::Ledger()
    : m_connectionName(QStringLiteral("hirebridge-ledger-%1").arg(QUuid::createUuid().toString(QUuid::WithoutBraces)))
{
}

Ledger::~Ledger()
{
    close();
}

void Ledger::close()
{
    if (!QSqlDatabase::contains(m_connectionName)) {
        return;
    }
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isValid()) {
            db.close();
        }
    } // the handle is gone before the connection is removed
    QSqlDatabase::removeDatabase(m_connectionName);
}

bool Ledger::open(const QString& directory, QString* error)
{
    close();
    const auto failOpen = [&](const QString& message) {
        close();
        m_lastError
            = QStringLiteral("Ledger::open(%1): %2").arg(m_filePath.isEmpty() ? directory : m_filePath, message);
        qCWarning(lcLedger).noquote() << m_lastError;
        if (error) {
            *error = m_lastError;
        }
        return false;
    };

    m_filePath.clear();
    if (directory.isEmpty()) {
        return failOpen(QStringLiteral("no data directory given"));
    }
    QString privateError;
    if (!PrivateFiles::makeDir(directory, &privateError)) {
        return failOpen(privateError);
    }
    QDir dir(directory);
    m_filePath = dir.absoluteFilePath(kFileName);
    // Owner-only before SQLite opens it: SQLite gives its -wal and -shm files the mode of the database file.
    if (!PrivateFiles::createPrivate(m_filePath, &privateError)) {
        return failOpen(privateError);
    }
    for (const char* suffix : {"-wal", "-shm"}) {
        PrivateFiles::restrictToOwner(m_filePath + QLatin1String(suffix));
    }

    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE"))) {
        return failOpen(QStringLiteral("the Qt SQLite driver (QSQLITE) is not available"));
    }
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
        db.setDatabaseName(m_filePath);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
        if (!db.open()) {
            return failOpen(QStringLiteral("cannot open: %1").arg(sqlMessage(db.lastError())));
        }
        // busy_timeout first: switching a fresh file to WAL needs a lock another process may briefly hold.
        const QStringList pragmas {QStringLiteral("PRAGMA busy_timeout = 10000"),
            QStringLiteral("PRAGMA journal_mode = WAL"), QStringLiteral("PRAGMA foreign_keys = ON"),
            QStringLiteral("PRAGMA synchronous = FULL")};
        for (const auto& pragma : pragmas) {
            QSqlQuery query(db);
            bool ok = query.exec(pragma);
            // SQLite skips the busy handler when two connections switch a fresh file to WAL at the same moment
            // (it would deadlock), so the loser gets "database is locked" at once: try again for a while.
            for (int retry = 0; !ok && retry < 100 && query.lastError().nativeErrorCode() == QLatin1String("5");
                 ++retry) {
                QThread::msleep(20);
                ok = query.exec(pragma);
            }
            if (!ok) {
                return failOpen(QStringLiteral("%1 failed: %2").arg(pragma, sqlMessage(query.lastError())));
            }
            if (pragma.contains(QLatin1StringView("journal_mode")) && query.next()
                && query.value(0).toString().compare(QLatin1StringView("wal"), Qt::CaseInsensitive) != 0) {
                qCWarning(lcLedger).noquote() << "Ledger: WAL journal mode unavailable for" << m_filePath << "- using"
                                              << query.value(0).toString();
            }
        }
    }

    QString message;
    if (!migrate(&message)) {
        return failOpen(message);
    }
    return true;
}

bool Ledger::isOpen() const
{
    if (!QSqlDatabase::contains(m_connectionName)) {
        return false;
    }
    return QSqlDatabase::database(m_connectionName, false).isOpen();
}

QString Ledger::filePath() const
{
    return m_filePath;
}

int Ledger::synchronousLevel() const
{
    if (!isOpen()) {
        return -1;
    }
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    if (!query.exec(QStringLiteral("PRAGMA synchronous")) || !query.next()) {
        return -1;
    }
    return query.value(0).toInt();
}

int Ledger::schemaVersion() const
{
    if (!isOpen()) {
        return 0;
    }
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next()) {
        m_lastError = QStringLiteral("Ledger::schemaVersion: %1").arg(sqlMessage(query.lastError()));
        return 0;
    }
    return query.value(0).toInt();
}

int Ledger::latestSchemaVersion()
{
    return migrations().isEmpty() ? 0 : migrations().constLast().version;
}

bool Ledger::migrate(QString* error)
{
    const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    const auto readVersion = [&db](int* version, QString* message) {
        QSqlQuery query(db);
        if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next()) {
            *message = QStringLiteral("cannot read the schema version: %1").arg(sqlMessage(query.lastError()));
            return false;
        }
        *version = query.value(0).toInt();
        return true;
    };
    const auto tooNew = [](int version) {
        return QStringLiteral("the ledger has schema version %1, newer than the newest this Hirebridge knows (%2); "
                              "update Hirebridge or use another data directory")
            .arg(version)
            .arg(latestSchemaVersion());
    };

    int version = 0;
    if (!readVersion(&version, error)) {
        return false;
    }
    if (version > latestSchemaVersion()) {
        *error = tooNew(version);
        return false;
    }
    for (const auto& step : migrations()) {
        if (step.version <= version) {
            continue;
        }
        WriteTransaction transaction(db);
        QString message;
        if (!transaction.begin(&message)) {
            *error = QStringLiteral("migration to version %1: %2").arg(step.version).arg(message);
            return false;
        }
        // Another process may have migrated while this one waited for the write lock.
        if (!readVersion(&version, error)) {
            return false;
        }
        if (version > latestSchemaVersion()) {
            *error = tooNew(version);
            return false;
        }
        if (step.version <= version) {
            continue;
        }
        for (const auto& statement : step.statements) {
            QSqlQuery query(db);
            if (!query.exec(statement)) {
                *error = QStringLiteral("migration to version %1 failed: %2 (in: %3)")
                             .arg(step.version)
                             .arg(sqlMessage(query.lastError()), statement.left(80));
                return false;
            }
        }
        QSqlQuery setVersion(db);
        if (!setVersion.exec(QStringLiteral("PRAGMA user_version = %1").arg(step.version))) {
            *error = QStringLiteral("migration to version %1: cannot set the schema version: %2")
                         .arg(step.version)
                         .arg(sqlMessage(setVersion.lastError()));
            return false;
        }
        if (!transaction.commit(&message)) {
            *error = QStringLiteral("migration to version %1: %2").arg(step.version).arg(message);
            return false;
        }
        qCInfo(lcLedger).noquote() << "Ledger: migrated" << m_filePath << "to schema version" << step.version;
        version = step.version;
    }
    return true;
}

bool Ledger::exec(const QString& sql, QString* error)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    if (!query.exec(sql)) {
        const QString message = sqlMessage(query.lastError());
        m_lastError = QStringLiteral("Ledger: %1 failed: %2").arg(sql.left(80), message);
        if (error) {
            *error = m_lastError;
        }
        return false;
    }
    return true;
}

namespace {

// Records a failure in lastError() and *error; always returns false.
bool failWith(QString* lastError, QString* error, const QString& operation, const QString& message)
{
    *lastError = QStringLiteral("Ledger::%1: %2").arg(operation, message);
    qCDebug(lcLedger).noquote() << *lastError;
    if (error) {
        *error = *lastError;
    }
    return false;
}

} // namespace

// --- hires -------------------------------------------------------------------------------------------------------

bool Ledger::upsertHires(const QList<Hire>& hires, const QStringList& targets, QString* error)
{
    const QString operation = QStringLiteral("upsertHires");
    const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QString message;
    WriteTransaction transaction(db);
    if (!transaction.begin(&message)) {
        return failWith(&m_lastError, error, operation, message);
    }
    HireWriter writer(db);
    if (!writer.prepare(&message) || !writer.write(hires, targets, &message)) {
        return failWith(&m_lastError, error, operation, message);
    }
    if (!transaction.commit(&message)) {
        return failWith(&m_lastError, error, operation, message);
    }
    return true;
}

QList<Hire> Ledger::hires() const
{
    QList<Hire> result;
    if (!isOpen()) {
        return result;
    }
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT application_id, data FROM hires") + kHireOrder)) {
        failWith(&m_lastError, nullptr, QStringLiteral("hires"), sqlMessage(query.lastError()));
        return result;
    }
    while (query.next()) {
        QJsonParseError parseError;
        const auto document = QJsonDocument::fromJson(query.value(1).toString().toUtf8(), &parseError);
        QString message;
        std::optional<Hire> hire;
        if (document.isObject()) {
            hire = Hire::fromJson(document.object(), &message);
        } else {
            message = parseError.error != QJsonParseError::NoError ? parseError.errorString()
                                                                   : QStringLiteral("not a JSON object");
        }
        if (!hire) {
            failWith(&m_lastError, nullptr, QStringLiteral("hires"),
                QStringLiteral("cached hire %1 is unreadable and skipped: %2").arg(query.value(0).toString(), message));
            continue;
        }
        result.append(std::move(*hire));
    }
    return result;
}

QList<HireRow> Ledger::hireRows() const
{
    QList<HireRow> result;
    if (!isOpen()) {
        return result;
    }
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.setForwardOnly(true);
    // Sized first: growing a list of 100,000 rows step by step costs more than counting them.
    if (query.exec(QStringLiteral("SELECT COUNT(*) FROM hires")) && query.next()) {
        result.reserve(query.value(0).toLongLong());
    }
    if (!query.exec(QStringLiteral("SELECT application_id, candidate_id, name, email, start_date, job_title,"
                                   " department, hiring_manager FROM hires")
            + kHireOrder)) {
        failWith(&m_lastError, nullptr, QStringLiteral("hireRows"), sqlMessage(query.lastError()));
        return result;
    }
    while (query.next()) {
        result.append(HireRow {query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
            query.value(3).toString(), query.value(4).toString(), query.value(5).toString(), query.value(6).toString(),
            query.value(7).toString()});
    }
    return result;
}

Ledger::Dashboard Ledger::dashboard() const
{
    Dashboard result;
    result.rows = hireRows();
    result.records = readPushRecords({}, false);
    return result;
}

std::optional<Hire> Ledger::hire(const QString& applicationId) const
{
    if (!isOpen()) {
        return std::nullopt;
    }
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT data FROM hires WHERE application_id = ?"));
    query.bindValue(0, text(applicationId));
    if (!query.exec()) {
        failWith(&m_lastError, nullptr, QStringLiteral("hire(%1)").arg(applicationId), sqlMessage(query.lastError()));
        return std::nullopt;
    }
    if (!query.next()) {
        return std::nullopt;
    }
    QJsonParseError parseError;
    const auto document = QJsonDocument::fromJson(query.value(0).toString().toUtf8(), &parseError);
    QString message = parseError.errorString();
    std::optional<Hire> hire;
    if (document.isObject()) {
        hire = Hire::fromJson(document.object(), &message);
    }
    if (!hire) {
        failWith(&m_lastError, nullptr, QStringLiteral("hire(%1)").arg(applicationId),
            QStringLiteral("the cached hire is unreadable: %1").arg(message));
    }
    return hire;
}

int Ledger::hireCount() const
{
    if (!isOpen()) {
        return 0;
    }
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    if (!query.exec(QStringLiteral("SELECT COUNT(*) FROM hires")) || !query.next()) {
        failWith(&m_lastError, nullptr, QStringLiteral("hireCount"), sqlMessage(query.lastError()));
        return 0;
    }
    return query.value(0).toInt();
}

// --- push records ------------------------------------------------------------------------------------------------

QList<PushRecord> Ledger::pushRecords(const QString& target) const
{
    return readPushRecords(target, true);
}

QList<PushRecord> Ledger::readPushRecords(const QString& target, bool full) const
{
    QList<PushRecord> result;
    if (!isOpen()) {
        return result;
    }
    const QString columns = full ? kPushRecordColumns : kDashboardRecordColumns;
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.setForwardOnly(true);
    if (target.isEmpty() && query.exec(QStringLiteral("SELECT COUNT(*) FROM push_records")) && query.next()) {
        result.reserve(query.value(0).toLongLong()); // as in hireRows()
    }
    if (target.isEmpty()) {
        query.prepare(QStringLiteral("SELECT %1 FROM push_records ORDER BY application_id, target").arg(columns));
    } else {
        query.prepare(
            QStringLiteral("SELECT %1 FROM push_records WHERE target = ? ORDER BY application_id").arg(columns));
        query.bindValue(0, text(target));
    }
    if (!query.exec()) {
        failWith(&m_lastError, nullptr, QStringLiteral("pushRecords"), sqlMessage(query.lastError()));
        return result;
    }
    while (query.next()) {
        result.append(readPushRecord(query, full));
    }
    return result;
}

std::optional<PushRecord> Ledger::pushRecord(const QString& applicationId, const QString& target) const
{
    if (!isOpen()) {
        return std::nullopt;
    }
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.setForwardOnly(true);
    query.prepare(
        QStringLiteral("SELECT %1 FROM push_records WHERE application_id = ? AND target = ?").arg(kPushRecordColumns));
    query.bindValue(0, text(applicationId));
    query.bindValue(1, text(target));
    if (!query.exec()) {
        failWith(&m_lastError, nullptr, QStringLiteral("pushRecord(%1)").arg(recordName(applicationId, target)),
            sqlMessage(query.lastError()));
        return std::nullopt;
    }
    if (!query.next()) {
        return std::nullopt;
    }
    return readPushRecord(query);
}

bool Ledger::ensurePushRecord(const QString& applicationId, const QString& target, QString* error)
{
    const QString operation = QStringLiteral("ensurePushRecord(%1)").arg(recordName(applicationId, target));
    if (applicationId.isEmpty() || target.isEmpty()) {
        return failWith(&m_lastError, error, operation, QStringLiteral("empty application id or target"));
    }
    const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QString message;
    WriteTransaction transaction(db);
    if (!transaction.begin(&message)) {
        return failWith(&m_lastError, error, operation, message);
    }
    QSqlQuery query(db);
    query.prepare(QStringLiteral("INSERT INTO push_records (application_id, target, state, updated_at)"
                                 " VALUES (?, ?, 'ready', ?) ON CONFLICT (application_id, target) DO NOTHING"));
    query.bindValue(0, text(applicationId));
    query.bindValue(1, text(target));
    query.bindValue(2, text(nowText()));
    if (!query.exec()) {
        return failWith(&m_lastError, error, operation, sqlMessage(query.lastError()));
    }
    if (!transaction.commit(&message)) {
        return failWith(&m_lastError, error, operation, message);
    }
    return true;
}

bool Ledger::beginSending(const QString& applicationId, const QString& target, const QList<PushState>& from,
    const QString& attemptId, const QString& ownerId, QString* error)
{
    const QString operation = QStringLiteral("beginSending(%1)").arg(recordName(applicationId, target));
    if (from.isEmpty()) {
        return failWith(&m_lastError, error, operation, QStringLiteral("no state to move from"));
    }
    if (attemptId.isEmpty()) {
        return failWith(&m_lastError, error, operation, QStringLiteral("empty attempt id"));
    }
    QStringList fromNames;
    QStringList placeholders;
    for (const auto state : from) {
        fromNames.append(pushStateName(state));
        placeholders.append(QStringLiteral("?"));
    }

    const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QString message;
    WriteTransaction transaction(db);
    if (!transaction.begin(&message)) {
        return failWith(&m_lastError, error, operation, message);
    }
    const QString now = nowText();
    QSqlQuery update(db);
    update.prepare(QStringLiteral("UPDATE push_records SET state = 'sending', attempt_id = ?, owner_id = ?,"
                                  " attempts = attempts + 1, reason = '', transient = 0, updated_at = ?"
                                  " WHERE application_id = ? AND target = ? AND state IN (%1)")
                       .arg(placeholders.join(QLatin1StringView(", "))));
    int index = 0;
    update.bindValue(index++, text(attemptId));
    update.bindValue(index++, text(ownerId));
    update.bindValue(index++, text(now));
    update.bindValue(index++, text(applicationId));
    update.bindValue(index++, text(target));
    for (const auto& name : std::as_const(fromNames)) {
        update.bindValue(index++, text(name));
    }
    if (!update.exec()) {
        return failWith(&m_lastError, error, operation, sqlMessage(update.lastError()));
    }
    if (update.numRowsAffected() != 1) {
        return failWith(&m_lastError, error, operation,
            QStringLiteral("the record %1, not %2")
                .arg(describeRecord(db, applicationId, target), fromNames.join(QLatin1StringView(" or "))));
    }
    AuditEntry audit;
    audit.target = target;
    audit.applicationId = applicationId;
    audit.action = QStringLiteral("state");
    audit.attemptId = attemptId;
    audit.detail = QStringLiteral("sending");
    if (!insertAudit(db, audit, &message) || !transaction.commit(&message)) {
        return failWith(&m_lastError, error, operation, message);
    }
    return true;
}

bool Ledger::finishSending(const QString& applicationId, const QString& target, const QString& attemptId,
    PushState outcome, const QString& remoteId, const QString& reason, bool transient, const AuditEntry& audit,
    QString* error)
{
    const QString operation = QStringLiteral("finishSending(%1)").arg(recordName(applicationId, target));
    if (outcome == PushState::Sending) {
        return failWith(&m_lastError, error, operation, QStringLiteral("\"sending\" is not an outcome"));
    }
    if (attemptId.isEmpty()) {
        return failWith(&m_lastError, error, operation, QStringLiteral("empty attempt id"));
    }
    const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QString message;
    WriteTransaction transaction(db);
    if (!transaction.begin(&message)) {
        return failWith(&m_lastError, error, operation, message);
    }
    QSqlQuery update(db);
    update.prepare(QStringLiteral("UPDATE push_records SET state = ?, remote_id = ?, reason = ?, transient = ?,"
                                  " owner_id = '', updated_at = ?"
                                  " WHERE application_id = ? AND target = ? AND state = 'sending' AND attempt_id = ?"));
    update.bindValue(0, text(pushStateName(outcome)));
    update.bindValue(1, text(remoteId));
    update.bindValue(2, text(reason));
    update.bindValue(3, transient ? 1 : 0);
    update.bindValue(4, text(nowText()));
    update.bindValue(5, text(applicationId));
    update.bindValue(6, text(target));
    update.bindValue(7, text(attemptId));
    if (!update.exec()) {
        return failWith(&m_lastError, error, operation, sqlMessage(update.lastError()));
    }
    if (update.numRowsAffected() != 1) {
        return failWith(&m_lastError, error, operation,
            QStringLiteral("the record %1, not sending with attempt %2")
                .arg(describeRecord(db, applicationId, target), attemptId));
    }
    if (!audit.action.isEmpty()) {
        AuditEntry entry = audit;
        if (entry.applicationId.isEmpty()) {
            entry.applicationId = applicationId;
        }
        if (entry.target.isEmpty()) {
            entry.target = target;
        }
        if (entry.attemptId.isEmpty()) {
            entry.attemptId = attemptId;
        }
        if (!insertAudit(db, entry, &message)) {
            return failWith(&m_lastError, error, operation, message);
        }
    }
    if (!transaction.commit(&message)) {
        return failWith(&m_lastError, error, operation, message);
    }
    return true;
}

bool Ledger::setState(const QString& applicationId, const QString& target, PushState seen, PushState state,
    const QString& reason, QString* error)
{
    const QString operation = QStringLiteral("setState(%1)").arg(recordName(applicationId, target));
    if (state == PushState::Sending || seen == PushState::Sending) {
        return failWith(&m_lastError, error, operation,
            QStringLiteral("a record moves into and out of \"sending\" only through beginSending and finishSending"));
    }
    const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QString message;
    WriteTransaction transaction(db);
    if (!transaction.begin(&message)) {
        return failWith(&m_lastError, error, operation, message);
    }
    QSqlQuery update(db);
    update.prepare(QStringLiteral("UPDATE push_records SET state = ?, reason = ?, transient = 0, owner_id = '',"
                                  " updated_at = ? WHERE application_id = ? AND target = ? AND state = ?"));
    update.bindValue(0, text(pushStateName(state)));
    update.bindValue(1, text(reason));
    update.bindValue(2, text(nowText()));
    update.bindValue(3, text(applicationId));
    update.bindValue(4, text(target));
    update.bindValue(5, text(pushStateName(seen)));
    if (!update.exec()) {
        return failWith(&m_lastError, error, operation, sqlMessage(update.lastError()));
    }
    if (update.numRowsAffected() != 1) {
        return failWith(&m_lastError, error, operation,
            QStringLiteral("the record %1, not %2 as it was when read; nothing was changed")
                .arg(describeRecord(db, applicationId, target), pushStateName(seen)));
    }
    AuditEntry audit;
    audit.target = target;
    audit.applicationId = applicationId;
    audit.action = QStringLiteral("state");
    audit.detail = reason.isEmpty() ? pushStateName(state) : QStringLiteral("%1: %2").arg(pushStateName(state), reason);
    if (seen == PushState::Unknown && state == PushState::Pushed) {
        audit.action = QStringLiteral("resolve");
    }
    if (!insertAudit(db, audit, &message) || !transaction.commit(&message)) {
        return failWith(&m_lastError, error, operation, message);
    }
    return true;
}

// --- audit -------------------------------------------------------------------------------------------------------

bool Ledger::appendAudit(const AuditEntry& entry, QString* error)
{
    const QString operation = QStringLiteral("appendAudit");
    const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QString message;
    WriteTransaction transaction(db);
    if (!transaction.begin(&message) || !insertAudit(db, entry, &message) || !transaction.commit(&message)) {
        return failWith(&m_lastError, error, operation, message);
    }
    return true;
}

QList<AuditEntry> Ledger::audit(const QString& applicationId) const
{
    QList<AuditEntry> result;
    if (!isOpen()) {
        return result;
    }
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.setForwardOnly(true);
    const QString columns
        = QStringLiteral("id, at, target, application_id, action, attempt_id, http_status, payload_hash, detail");
    if (applicationId.isEmpty()) {
        query.prepare(QStringLiteral("SELECT %1 FROM audit_log ORDER BY id").arg(columns));
    } else {
        query.prepare(QStringLiteral("SELECT %1 FROM audit_log WHERE application_id = ? ORDER BY id").arg(columns));
        query.bindValue(0, text(applicationId));
    }
    if (!query.exec()) {
        failWith(&m_lastError, nullptr, QStringLiteral("audit"), sqlMessage(query.lastError()));
        return result;
    }
    while (query.next()) {
        AuditEntry entry;
        entry.id = query.value(0).toLongLong();
        entry.at = parseTime(query.value(1).toString());
        entry.target = query.value(2).toString();
        entry.applicationId = query.value(3).toString();
        entry.action = query.value(4).toString();
        entry.attemptId = query.value(5).toString();
        entry.httpStatus = query.value(6).toInt();
        entry.payloadHash = query.value(7).toString();
        entry.detail = query.value(8).toString();
        result.append(entry);
    }
    return result;
}

// --- sync state --------------------------------------------------------------------------------------------------

QString Ledger::syncToken(const QString& stream) const
{
    if (!isOpen()) {
        return {};
    }
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(QStringLiteral("SELECT token FROM sync_state WHERE stream = ?"));
    query.bindValue(0, text(stream));
    if (!query.exec()) {
        failWith(&m_lastError, nullptr, QStringLiteral("syncToken(%1)").arg(stream), sqlMessage(query.lastError()));
        return {};
    }
    return query.next() ? query.value(0).toString() : QString();
}

bool Ledger::setSyncToken(const QString& stream, const QString& token, QString* error)
{
    const QString operation = QStringLiteral("setSyncToken(%1)").arg(stream);
    const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QString message;
    WriteTransaction transaction(db);
    if (!transaction.begin(&message) || !writeSyncToken(db, stream, token, &message) || !transaction.commit(&message)) {
        return failWith(&m_lastError, error, operation, message);
    }
    return true;
}

bool Ledger::commitSync(const QList<Hire>& hires, const QStringList& targets, const QString& stream,
    const QString& newToken, QString* error)
{
    const QString operation = QStringLiteral("commitSync(%1)").arg(stream);
    const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QString message;
    WriteTransaction transaction(db);
    if (!transaction.begin(&message)) {
        return failWith(&m_lastError, error, operation, message);
    }
    HireWriter writer(db);
    if (!writer.prepare(&message) || !writer.write(hires, targets, &message)
        || !writeSyncToken(db, stream, newToken, &message) || !transaction.commit(&message)) {
        return failWith(&m_lastError, error, operation, message);
    }
    return true;
}

// --- cached catalogues -------------------------------------------------------------------------------------------

bool Ledger::storeCatalog(const QString& key, const QJsonObject& json, const QDateTime& fetchedAt, QString* error)
{
    const QString operation = QStringLiteral("storeCatalog(%1)").arg(key);
    if (key.isEmpty()) {
        return failWith(&m_lastError, error, operation, QStringLiteral("empty catalogue key"));
    }
    if (!fetchedAt.isValid()) {
        return failWith(&m_lastError, error, operation, QStringLiteral("invalid fetch time"));
    }
    const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QString message;
    WriteTransaction transaction(db);
    if (!transaction.begin(&message)) {
        return failWith(&m_lastError, error, operation, message);
    }
    QSqlQuery query(db);
    query.prepare(QStringLiteral("INSERT INTO catalogs (key, json, fetched_at) VALUES (?, ?, ?)"
                                 " ON CONFLICT (key) DO UPDATE SET json = excluded.json,"
                                 " fetched_at = excluded.fetched_at"));
    query.bindValue(0, text(key));
    query.bindValue(1, QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact)));
    query.bindValue(2, text(timeText(fetchedAt)));
    if (!query.exec()) {
        return failWith(&m_lastError, error, operation, sqlMessage(query.lastError()));
    }
    if (!transaction.commit(&message)) {
        return failWith(&m_lastError, error, operation, message);
    }
    return true;
}

std::optional<Ledger::CachedCatalog> Ledger::catalog(const QString& key) const
{
    if (!isOpen() || key.isEmpty()) {
        return std::nullopt;
    }
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT json, fetched_at FROM catalogs WHERE key = ?"));
    query.bindValue(0, text(key));
    if (!query.exec()) {
        failWith(&m_lastError, nullptr, QStringLiteral("catalog(%1)").arg(key), sqlMessage(query.lastError()));
        return std::nullopt;
    }
    if (!query.next()) {
        return std::nullopt;
    }
    QJsonParseError parseError;
    const auto document = QJsonDocument::fromJson(query.value(0).toString().toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        failWith(&m_lastError, nullptr, QStringLiteral("catalog(%1)").arg(key),
            QStringLiteral("the cached catalogue is unreadable: %1")
                .arg(parseError.error != QJsonParseError::NoError ? parseError.errorString()
                                                                  : QStringLiteral("not a JSON object")));
        return std::nullopt;
    }
    const QDateTime fetchedAt = parseTime(query.value(1).toString());
    if (!fetchedAt.isValid()) {
        failWith(&m_lastError, nullptr, QStringLiteral("catalog(%1)").arg(key),
            QStringLiteral("the cached catalogue has an unreadable fetch time \"%1\"").arg(query.value(1).toString()));
        return std::nullopt;
    }
    return CachedCatalog {document.object(), fetchedAt};
}

// --- notification queue ------------------------------------------------------------------------------------------

namespace {

const QString kNotificationColumns
    = QStringLiteral("id, created_at, recipient, subject, text_body, html_body, attempts, last_error, sent_at");

QueuedNotification readNotification(const QSqlQuery& query)
{
    QueuedNotification mail;
    mail.id = query.value(0).toLongLong();
    mail.createdAt = parseTime(query.value(1).toString());
    mail.recipient = query.value(2).toString();
    mail.subject = query.value(3).toString();
    mail.textBody = query.value(4).toString();
    mail.htmlBody = query.value(5).toString();
    mail.attempts = query.value(6).toInt();
    mail.lastError = query.value(7).toString();
    mail.sentAt = parseTime(query.value(8).toString()); // '' → invalid: pending
    return mail;
}

} // namespace

bool Ledger::enqueueNotifications(QList<QueuedNotification>& mails, QString* error)
{
    const QString operation = QStringLiteral("enqueueNotifications");
    for (qsizetype i = 0; i < mails.size(); ++i) {
        if (mails.at(i).recipient.trimmed().isEmpty()) {
            return failWith(&m_lastError, error, operation, QStringLiteral("mail #%1 has no recipient").arg(i + 1));
        }
    }
    const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QString message;
    WriteTransaction transaction(db);
    if (!transaction.begin(&message)) {
        return failWith(&m_lastError, error, operation, message);
    }
    QSqlQuery insert(db);
    if (!insert.prepare(QStringLiteral("INSERT INTO notifications (created_at, recipient, subject, text_body,"
                                       " html_body) VALUES (?, ?, ?, ?, ?)"))) {
        return failWith(&m_lastError, error, operation, sqlMessage(insert.lastError()));
    }
    const QString now = nowText();
    QList<qint64> ids;
    for (const auto& mail : std::as_const(mails)) {
        insert.bindValue(0, text(now));
        insert.bindValue(1, text(mail.recipient.trimmed()));
        insert.bindValue(2, text(mail.subject));
        insert.bindValue(3, text(mail.textBody));
        insert.bindValue(4, text(mail.htmlBody));
        if (!insert.exec()) {
            return failWith(&m_lastError, error, operation,
                QStringLiteral("cannot queue the mail to %1: %2").arg(mail.recipient, sqlMessage(insert.lastError())));
        }
        ids.append(insert.lastInsertId().toLongLong());
    }
    insert.finish();
    if (!transaction.commit(&message)) {
        return failWith(&m_lastError, error, operation, message);
    }
    const QDateTime createdAt = parseTime(now);
    for (qsizetype i = 0; i < mails.size(); ++i) {
        QueuedNotification& mail = mails[i];
        mail.id = ids.at(i);
        mail.recipient = mail.recipient.trimmed();
        mail.createdAt = createdAt;
        mail.attempts = 0;
        mail.lastError.clear();
        mail.sentAt = QDateTime();
    }
    return true;
}

qint64 Ledger::enqueueNotification(
    const QString& recipient, const QString& subject, const QString& textBody, const QString& htmlBody, QString* error)
{
    QueuedNotification mail;
    mail.recipient = recipient;
    mail.subject = subject;
    mail.textBody = textBody;
    mail.htmlBody = htmlBody;
    QList<QueuedNotification> mails {mail};
    return enqueueNotifications(mails, error) ? mails.constFirst().id : 0;
}

QList<QueuedNotification> Ledger::pendingNotifications() const
{
    QList<QueuedNotification> result;
    if (!isOpen()) {
        return result;
    }
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.setForwardOnly(true);
    if (!query.exec(
            QStringLiteral("SELECT %1 FROM notifications WHERE sent_at = '' ORDER BY id").arg(kNotificationColumns))) {
        failWith(&m_lastError, nullptr, QStringLiteral("pendingNotifications"), sqlMessage(query.lastError()));
        return result;
    }
    while (query.next()) {
        result.append(readNotification(query));
    }
    return result;
}

int Ledger::pendingNotificationCount() const
{
    if (!isOpen()) {
        return 0;
    }
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    if (!query.exec(QStringLiteral("SELECT COUNT(*) FROM notifications WHERE sent_at = ''")) || !query.next()) {
        failWith(&m_lastError, nullptr, QStringLiteral("pendingNotificationCount"), sqlMessage(query.lastError()));
        return 0;
    }
    return query.value(0).toInt();
}

std::optional<QueuedNotification> Ledger::notification(qint64 id) const
{
    if (!isOpen()) {
        return std::nullopt;
    }
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT %1 FROM notifications WHERE id = ?").arg(kNotificationColumns));
    query.bindValue(0, id);
    if (!query.exec()) {
        failWith(&m_lastError, nullptr, QStringLiteral("notification(%1)").arg(id), sqlMessage(query.lastError()));
        return std::nullopt;
    }
    if (!query.next()) {
        return std::nullopt;
    }
    return readNotification(query);
}

namespace {

// Runs one UPDATE/DELETE on a pending notification in a transaction; false when no pending row matched.
bool changePendingNotification(
    const QSqlDatabase& db, const QString& sql, const QVariantList& values, qint64 id, QString* message)
{
    WriteTransaction transaction(db);
    if (!transaction.begin(message)) {
        return false;
    }
    QSqlQuery query(db);
    query.prepare(sql);
    int index = 0;
    for (const auto& value : values) {
        query.bindValue(index++, value);
    }
    query.bindValue(index, id);
    if (!query.exec()) {
        *message = sqlMessage(query.lastError());
        return false;
    }
    if (query.numRowsAffected() != 1) {
        QSqlQuery state(db);
        state.prepare(QStringLiteral("SELECT sent_at FROM notifications WHERE id = ?"));
        state.bindValue(0, id);
        if (state.exec() && state.next()) {
            *message = QStringLiteral("the mail was already sent at %1").arg(state.value(0).toString());
        } else {
            *message = QStringLiteral("no such mail");
        }
        return false;
    }
    return transaction.commit(message);
}

} // namespace

bool Ledger::markNotificationSent(qint64 id, QString* error)
{
    const QString operation = QStringLiteral("markNotificationSent(%1)").arg(id);
    QString message;
    if (!changePendingNotification(QSqlDatabase::database(m_connectionName, false),
            QStringLiteral("UPDATE notifications SET attempts = attempts + 1, last_error = '', sent_at = ?"
                           " WHERE sent_at = '' AND id = ?"),
            {text(nowText())}, id, &message)) {
        return failWith(&m_lastError, error, operation, message);
    }
    return true;
}

bool Ledger::markNotificationFailed(qint64 id, const QString& reason, QString* error)
{
    const QString operation = QStringLiteral("markNotificationFailed(%1)").arg(id);
    QString message;
    if (!changePendingNotification(QSqlDatabase::database(m_connectionName, false),
            QStringLiteral("UPDATE notifications SET attempts = attempts + 1, last_error = ?"
                           " WHERE sent_at = '' AND id = ?"),
            {text(reason.isEmpty() ? QStringLiteral("unknown error") : reason)}, id, &message)) {
        return failWith(&m_lastError, error, operation, message);
    }
    return true;
}

bool Ledger::discardNotification(qint64 id, QString* error)
{
    const QString operation = QStringLiteral("discardNotification(%1)").arg(id);
    QString message;
    if (!changePendingNotification(QSqlDatabase::database(m_connectionName, false),
            QStringLiteral("DELETE FROM notifications WHERE sent_at = '' AND id = ?"), {}, id, &message)) {
        return failWith(&m_lastError, error, operation, message);
    }
    return true;
}

// --- documents (schema v4) ----------------------------------------------------------------------------------------

bool Ledger::setDocument(const DocumentRecord& document, const AuditEntry* audit, QString* error)
{
    const QString operation
        = QStringLiteral("setDocument(%1/%2/%3)").arg(document.applicationId, document.target, document.kind);
    if (document.applicationId.isEmpty() || document.target.isEmpty() || document.kind.isEmpty()) {
        return failWith(&m_lastError, error, operation, QStringLiteral("application id, target and kind are needed"));
    }
    const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QString message;
    WriteTransaction transaction(db);
    if (!transaction.begin(&message)) {
        return failWith(&m_lastError, error, operation, message);
    }
    QSqlQuery query(db);
    query.prepare(QStringLiteral(
        "INSERT INTO documents (application_id, target, kind, name, state, remote_id, reason, transient, bytes,"
        " attempts, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (application_id, target, kind) DO UPDATE SET name = excluded.name, state = excluded.state,"
        " remote_id = excluded.remote_id, reason = excluded.reason, transient = excluded.transient,"
        " bytes = excluded.bytes, attempts = excluded.attempts, updated_at = excluded.updated_at"));
    query.bindValue(0, text(document.applicationId));
    query.bindValue(1, text(document.target));
    query.bindValue(2, text(document.kind));
    query.bindValue(3, text(document.name));
    query.bindValue(4, text(document.state));
    query.bindValue(5, text(document.remoteId));
    query.bindValue(6, text(document.reason));
    query.bindValue(7, document.transient ? 1 : 0);
    query.bindValue(8, document.bytes);
    query.bindValue(9, document.attempts);
    query.bindValue(10, nowText());
    if (!query.exec()) {
        return failWith(&m_lastError, error, operation, sqlMessage(query.lastError()));
    }
    if (audit && !insertAudit(db, *audit, &message)) {
        return failWith(&m_lastError, error, operation, message);
    }
    if (!transaction.commit(&message)) {
        return failWith(&m_lastError, error, operation, message);
    }
    return true;
}

QList<DocumentRecord> Ledger::documents(const QString& applicationId, const QString& target) const
{
    QList<DocumentRecord> result;
    if (!isOpen()) {
        return result;
    }
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.setForwardOnly(true);
    const QString columns = QStringLiteral(
        "application_id, target, kind, name, state, remote_id, reason, transient, bytes, attempts, updated_at");
    QString where;
    QStringList binds;
    if (!applicationId.isEmpty()) {
        where += QStringLiteral(" AND application_id = ?");
        binds << applicationId;
    }
    if (!target.isEmpty()) {
        where += QStringLiteral(" AND target = ?");
        binds << target;
    }
    query.prepare(QStringLiteral("SELECT %1 FROM documents WHERE 1 = 1%2 ORDER BY application_id, target, kind")
                      .arg(columns, where));
    for (int i = 0; i < binds.size(); ++i) {
        query.bindValue(i, text(binds.at(i)));
    }
    if (!query.exec()) {
        failWith(&m_lastError, nullptr, QStringLiteral("documents"), sqlMessage(query.lastError()));
        return result;
    }
    while (query.next()) {
        DocumentRecord d;
        d.applicationId = query.value(0).toString();
        d.target = query.value(1).toString();
        d.kind = query.value(2).toString();
        d.name = query.value(3).toString();
        d.state = query.value(4).toString();
        d.remoteId = query.value(5).toString();
        d.reason = query.value(6).toString();
        d.transient = query.value(7).toInt() != 0;
        d.bytes = query.value(8).toLongLong();
        d.attempts = query.value(9).toInt();
        d.updatedAt = parseTime(query.value(10).toString());
        result.append(d);
    }
    return result;
}

// --- hiring-manager matches (schema v4) ---------------------------------------------------------------------------

bool Ledger::confirmManagerMatch(const ManagerMatch& match, QString* error)
{
    const QString operation = QStringLiteral("confirmManagerMatch(%1/%2)").arg(match.target, match.ashbyUserId);
    if (match.target.isEmpty() || match.ashbyUserId.isEmpty() || match.employeeId.isEmpty()) {
        return failWith(&m_lastError, error, operation, QStringLiteral("target, Ashby user and employee are needed"));
    }
    const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QString message;
    WriteTransaction transaction(db);
    if (!transaction.begin(&message)) {
        return failWith(&m_lastError, error, operation, message);
    }
    QSqlQuery query(db);
    query.prepare(
        QStringLiteral("INSERT INTO manager_matches (target, ashby_user_id, employee_id, employee_name, employee_email,"
                       " confirmed_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (target, ashby_user_id) DO UPDATE SET"
                       " employee_id = excluded.employee_id, employee_name = excluded.employee_name,"
                       " employee_email = excluded.employee_email, confirmed_at = excluded.confirmed_at"));
    query.bindValue(0, text(match.target));
    query.bindValue(1, text(match.ashbyUserId));
    query.bindValue(2, text(match.employeeId));
    query.bindValue(3, text(match.employeeName));
    query.bindValue(4, text(match.employeeEmail));
    query.bindValue(5, nowText());
    if (!query.exec()) {
        return failWith(&m_lastError, error, operation, sqlMessage(query.lastError()));
    }
    AuditEntry audit;
    audit.target = match.target;
    audit.action = QStringLiteral("manager-confirmed");
    audit.detail = QStringLiteral("Ashby user %1 is employee %2 (%3)")
                       .arg(match.ashbyUserId, match.employeeId, match.employeeName);
    if (!insertAudit(db, audit, &message) || !transaction.commit(&message)) {
        return failWith(&m_lastError, error, operation, message);
    }
    return true;
}

bool Ledger::forgetManagerMatch(const QString& target, const QString& ashbyUserId, QString* error)
{
    const QString operation = QStringLiteral("forgetManagerMatch(%1/%2)").arg(target, ashbyUserId);
    const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QString message;
    WriteTransaction transaction(db);
    if (!transaction.begin(&message)) {
        return failWith(&m_lastError, error, operation, message);
    }
    QSqlQuery query(db);
    query.prepare(QStringLiteral("DELETE FROM manager_matches WHERE target = ? AND ashby_user_id = ?"));
    query.bindValue(0, text(target));
    query.bindValue(1, text(ashbyUserId));
    if (!query.exec()) {
        return failWith(&m_lastError, error, operation, sqlMessage(query.lastError()));
    }
    AuditEntry audit;
    audit.target = target;
    audit.action = QStringLiteral("manager-forgotten");
    audit.detail = QStringLiteral("Ashby user %1").arg(ashbyUserId);
    if (!insertAudit(db, audit, &message) || !transaction.commit(&message)) {
        return failWith(&m_lastError, error, operation, message);
    }
    return true;
}

QList<ManagerMatch> Ledger::managerMatches(const QString& target) const
{
    QList<ManagerMatch> result;
    if (!isOpen()) {
        return result;
    }
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.setForwardOnly(true);
    const QString columns
        = QStringLiteral("target, ashby_user_id, employee_id, employee_name, employee_email, confirmed_at");
    if (target.isEmpty()) {
        query.prepare(QStringLiteral("SELECT %1 FROM manager_matches ORDER BY target, ashby_user_id").arg(columns));
    } else {
        query.prepare(
            QStringLiteral("SELECT %1 FROM manager_matches WHERE target = ? ORDER BY ashby_user_id").arg(columns));
        query.bindValue(0, text(target));
    }
    if (!query.exec()) {
        failWith(&m_lastError, nullptr, QStringLiteral("managerMatches"), sqlMessage(query.lastError()));
        return result;
    }
    while (query.next()) {
        ManagerMatch m;
        m.target = query.value(0).toString();
        m.ashbyUserId = query.value(1).toString();
        m.employeeId = query.value(2).toString();
        m.employeeName = query.value(3).toString();
        m.employeeEmail = query.value(4).toString();
        m.confirmedAt = parseTime(query.value(5).toString());
        result.append(m);
    }
    return result;
}

std::optional<ManagerMatch> Ledger::managerMatch(const QString& target, const QString& ashbyUserId) const
{
    for (const auto& m : managerMatches(target)) {
        if (m.ashbyUserId == ashbyUserId) {
            return m;
        }
    }
    return std::nullopt;
}
