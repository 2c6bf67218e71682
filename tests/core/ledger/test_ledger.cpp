#include "ledger/Ledger.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QMutex>
#include <QRegularExpression>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimeZone>
#include <QUuid>

#include <algorithm>
#include <atomic>
#include <memory>
#include <vector>

namespace {

const QString kBob = QStringLiteral("bob");
const QString kPersonio = QStringLiteral("personio");
const QString kStream = QStringLiteral("applications");

Hire makeHire(int index, const QString& startDate = QStringLiteral("2026-03-02"))
{
    Hire hire;
    hire.applicationId = QStringLiteral("app-%1").arg(index, 6, 10, QLatin1Char('0'));
    hire.candidateId = QStringLiteral("cand-%1").arg(index);
    hire.offerId = QStringLiteral("offer-%1").arg(index);
    hire.name = QStringLiteral("Zoë Ångström %1").arg(index);
    hire.firstName = QStringLiteral("Zoë");
    hire.lastName = QStringLiteral("Ångström %1").arg(index);
    hire.email = QStringLiteral("zoe.%1@example.com").arg(index);
    hire.jobTitle = QStringLiteral("Engineer");
    hire.department = QStringLiteral("R&D");
    hire.location = QStringLiteral("Berlin");
    hire.startDate = startDate;
    hire.salary = Salary {85000.5, QStringLiteral("EUR")};
    hire.hiringManager = PersonRef {
        QStringLiteral("u1"), QStringLiteral("Ada"), QStringLiteral("Lovelace"), QStringLiteral("ada@example.com")};
    hire.customFields.append(CustomFieldValue {QStringLiteral("cf1"), QStringLiteral("T-shirt"),
        QStringLiteral("Candidate"), QStringLiteral("String"), QJsonValue(QStringLiteral("M")),
        QJsonValue(QJsonValue::Undefined)}); // Null would read back Undefined
    hire.files.append(
        FileRef {QStringLiteral("resume"), QStringLiteral("cv.pdf"), QStringLiteral("handle-%1").arg(index)});
    hire.updatedAt = QStringLiteral("2026-01-10T09:00:00.000Z");
    hire.warnings = QStringList {QStringLiteral("no phone")};
    return hire;
}

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// A second, plain connection to the ledger file, to look at (or tamper with) it behind the Ledger's back.
class RawDb
{
public:
    explicit RawDb(const QString& filePath)
        : m_name(QStringLiteral("raw-%1").arg(newId()))
    {
        m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        m_db.setDatabaseName(filePath);
        m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
        m_db.open();
    }
    ~RawDb()
    {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_name);
    }
    RawDb(const RawDb&) = delete;
    RawDb& operator=(const RawDb&) = delete;

    bool isOpen() const { return m_db.isOpen(); }
    bool exec(const QString& sql, QString* error = nullptr)
    {
        QSqlQuery query(m_db);
        const bool ok = query.exec(sql);
        if (!ok && error) {
            *error = query.lastError().text();
        }
        return ok;
    }
    QVariant scalar(const QString& sql)
    {
        QSqlQuery query(m_db);
        if (!query.exec(sql) || !query.next()) {
            return {};
        }
        return query.value(0);
    }
    QStringList column(const QString& sql)
    {
        QStringList result;
        QSqlQuery query(m_db);
        if (query.exec(sql)) {
            while (query.next()) {
                result.append(query.value(0).toString());
            }
        }
        return result;
    }

private:
    QString m_name;
    QSqlDatabase m_db;
};

} // namespace

class TestLedger : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // --- opening and migrations --------------------------------------------------------------------------------

    void open_newDirectory_createsSchemaAndUserVersion()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString dataDir = dir.filePath(QStringLiteral("nested/data"));
        Ledger ledger;
        QString error;
        QVERIFY2(ledger.open(dataDir, &error), qPrintable(error));
        QVERIFY(ledger.isOpen());
        QCOMPARE(ledger.filePath(), QDir(dataDir).absoluteFilePath(QStringLiteral("ledger.sqlite")));
        QVERIFY(QFileInfo::exists(ledger.filePath()));
        QVERIFY(Ledger::latestSchemaVersion() >= 1);
        QCOMPARE(ledger.schemaVersion(), Ledger::latestSchemaVersion());

        RawDb raw(ledger.filePath());
        QVERIFY(raw.isOpen());
        QCOMPARE(raw.scalar(QStringLiteral("PRAGMA user_version")).toInt(), Ledger::latestSchemaVersion());
        const QStringList tables = raw.column(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table'"));
        for (const auto* name : {"hires", "push_records", "audit_log", "sync_state", "catalogs"}) {
            QVERIFY2(tables.contains(QLatin1StringView(name)), name);
        }
        const QStringList triggers
            = raw.column(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'trigger'"));
        QCOMPARE(triggers.size(), 2);
        const QStringList indexes = raw.column(
            QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'push_records'"
                           " AND sql IS NOT NULL"));
        QVERIFY(indexes.contains(QStringLiteral("push_records_by_target_state")));
        const QStringList hireColumns = raw.column(QStringLiteral("SELECT name FROM pragma_table_info('hires')"));
        for (const auto* name : {"application_id", "candidate_id", "name", "email", "start_date", "job_title", "data",
                 "updated_at", "synced_at"}) {
            QVERIFY2(hireColumns.contains(QLatin1StringView(name)), name);
        }
    }

    void open_anyLedger_journalModeIsWal()
    {
        QTemporaryDir dir;
        Ledger ledger;
        QVERIFY(ledger.open(dir.path()));
        RawDb raw(ledger.filePath());
        QCOMPARE(raw.scalar(QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
    }

    void open_newDirectory_privateFolderAndFiles_fullSync()
    {
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("data"));
        const auto others = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup
            | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;
        {
            Ledger ledger;
            QVERIFY(ledger.open(data));
            QVERIFY(ledger.upsertHires({makeHire(1)}, {kBob})); // a write: -wal and -shm exist now
            QCOMPARE(ledger.synchronousLevel(), 2); // FULL: a commit survives a power cut
            QCOMPARE(QFile::permissions(data) & others, QFileDevice::Permissions());
            for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
                const QString file = ledger.filePath() + suffix;
                QVERIFY2(QFileInfo::exists(file), qPrintable(file));
                QCOMPARE(QFile::permissions(file) & others, QFileDevice::Permissions());
            }
        }
        // A ledger an older version left readable by everyone is closed to others on the next open.
        const QString file = QDir(data).filePath(QStringLiteral("ledger.sqlite"));
        QVERIFY(QFile::setPermissions(file, QFile::permissions(file) | QFileDevice::ReadOther));
        Ledger ledger;
        QVERIFY(ledger.open(data));
        QCOMPARE(QFile::permissions(file) & others, QFileDevice::Permissions());
    }

    void open_reopen_keepsData()
    {
        QTemporaryDir dir;
        {
            Ledger ledger;
            QVERIFY(ledger.open(dir.path()));
            QVERIFY(ledger.upsertHires({makeHire(1), makeHire(2)}, {kBob}));
            QVERIFY(ledger.setState(
                makeHire(2).applicationId, kBob, PushState::Ready, PushState::Skipped, QStringLiteral("intern")));
            QVERIFY(ledger.setSyncToken(kStream, QStringLiteral("token-1")));
        }
        Ledger ledger;
        QString error;
        QVERIFY2(ledger.open(dir.path(), &error), qPrintable(error));
        QCOMPARE(ledger.schemaVersion(), Ledger::latestSchemaVersion());
        QCOMPARE(ledger.hireCount(), 2);
        QCOMPARE(ledger.hire(makeHire(1).applicationId), std::optional<Hire>(makeHire(1)));
        QCOMPARE(ledger.pushRecord(makeHire(2).applicationId, kBob)->state, PushState::Skipped);
        QCOMPARE(ledger.pushRecord(makeHire(2).applicationId, kBob)->reason, QStringLiteral("intern"));
        QCOMPARE(ledger.syncToken(kStream), QStringLiteral("token-1"));
        QCOMPARE(ledger.audit().size(), 1);
    }

    void open_newerUserVersion_refusedWithClearError()
    {
        QTemporaryDir dir;
        QString filePath;
        {
            Ledger ledger;
            QVERIFY(ledger.open(dir.path()));
            filePath = ledger.filePath();
        }
        {
            RawDb raw(filePath);
            QVERIFY(raw.exec(QStringLiteral("PRAGMA user_version = %1").arg(Ledger::latestSchemaVersion() + 1)));
        }
        Ledger ledger;
        QString error;
        QVERIFY(!ledger.open(dir.path(), &error));
        QVERIFY(!ledger.isOpen());
        QVERIFY2(error.contains(QLatin1StringView("newer")), qPrintable(error));
        QVERIFY2(error.contains(QString::number(Ledger::latestSchemaVersion() + 1)), qPrintable(error));
        QVERIFY2(error.contains(QLatin1StringView("Ledger::open")), qPrintable(error));
        QCOMPARE(ledger.lastError(), error);
        // Nothing was touched.
        RawDb raw(filePath);
        QCOMPARE(raw.scalar(QStringLiteral("PRAGMA user_version")).toInt(), Ledger::latestSchemaVersion() + 1);
    }

    void open_twoThreadsOnFreshFile_bothMigrateOnce()
    {
        QTemporaryDir dir;
        std::atomic<int> opened {0};
        QStringList errors;
        QMutex mutex;
        std::vector<std::unique_ptr<QThread>> threads;
        for (int i = 0; i < 2; ++i) {
            threads.emplace_back(QThread::create([&] {
                Ledger ledger;
                QString error;
                if (ledger.open(dir.path(), &error)) {
                    ++opened;
                } else {
                    const QMutexLocker lock(&mutex);
                    errors.append(error);
                }
            }));
        }
        for (auto& thread : threads) {
            thread->start();
        }
        for (auto& thread : threads) {
            QVERIFY(thread->wait(30000));
        }
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
        QCOMPARE(opened.load(), 2);
        Ledger ledger;
        QVERIFY(ledger.open(dir.path()));
        QCOMPARE(ledger.schemaVersion(), Ledger::latestSchemaVersion());
    }

    void destructor_openLedger_removesItsConnection()
    {
        QTemporaryDir dir;
        const QStringList before = QSqlDatabase::connectionNames();
        {
            Ledger first;
            Ledger second;
            QVERIFY(first.open(dir.path()));
            QVERIFY(second.open(dir.path()));
            QCOMPARE(QSqlDatabase::connectionNames().size(), before.size() + 2);
        }
        QCOMPARE(QSqlDatabase::connectionNames(), before);
    }

    void close_openLedger_writesFailAndReopenWorks()
    {
        QTemporaryDir dir;
        Ledger ledger;
        QVERIFY(ledger.open(dir.path()));
        ledger.close();
        QVERIFY(!ledger.isOpen());
        QString error;
        QVERIFY(!ledger.upsertHires({makeHire(1)}, {kBob}, &error));
        QVERIFY2(error.contains(QLatin1StringView("upsertHires")), qPrintable(error));
        QVERIFY(ledger.hires().isEmpty());
        QVERIFY(ledger.open(dir.path()));
        QVERIFY(ledger.upsertHires({makeHire(1)}, {kBob}));
        QCOMPARE(ledger.hireCount(), 1);
    }

    // --- hires -------------------------------------------------------------------------------------------------

    void upsertHires_newHires_createsReadyRecordPerTarget()
    {
        QTemporaryDir dir;
        Ledger ledger;
        QVERIFY(ledger.open(dir.path()));
        QString error;
        QVERIFY2(ledger.upsertHires({makeHire(1), makeHire(2)}, {kBob, kPersonio}, &error), qPrintable(error));
        QCOMPARE(ledger.hireCount(), 2);
        QCOMPARE(ledger.pushRecords().size(), 4);
        QCOMPARE(ledger.pushRecords(kBob).size(), 2);
        for (const auto& record : ledger.pushRecords()) {
            QCOMPARE(record.state, PushState::Ready);
            QCOMPARE(record.attempts, 0);
            QVERIFY(record.attemptId.isEmpty());
            QVERIFY(record.updatedAt.isValid());
            QCOMPARE(record.updatedAt.timeSpec(), Qt::UTC);
        }
        QCOMPARE(ledger.hire(makeHire(1).applicationId), std::optional<Hire>(makeHire(1)));
        QVERIFY(!ledger.hire(QStringLiteral("missing")).has_value());

        // Times are ISO-8601 UTC with milliseconds.
        RawDb raw(ledger.filePath());
        static const QRegularExpression iso(QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z$"));
        QVERIFY(iso.match(raw.scalar(QStringLiteral("SELECT updated_at FROM push_records")).toString()).hasMatch());
        QVERIFY(iso.match(raw.scalar(QStringLiteral("SELECT synced_at FROM hires")).toString()).hasMatch());
    }

    void upsertHires_existingRecords_keepStatesAndUpdateHires()
    {
        QTemporaryDir dir;
        Ledger ledger;
        QVERIFY(ledger.open(dir.path()));
        const Hire first = makeHire(1);
        QVERIFY(ledger.upsertHires({first, makeHire(2)}, {kBob}));
        const QString attempt = newId();
        QVERIFY(ledger.beginSending(first.applicationId, kBob, {PushState::Ready}, attempt, QStringLiteral("me")));
        QVERIFY(ledger.finishSending(
            first.applicationId, kBob, attempt, PushState::Pushed, QStringLiteral("emp-1"), {}, false, {}));

        Hire changed = first;
        changed.name = QStringLiteral("Zoë Renamed");
        changed.startDate = QStringLiteral("2026-04-01");
        QVERIFY(ledger.upsertHires({changed, makeHire(2), makeHire(3)}, {kBob, kPersonio}));
        QCOMPARE(ledger.hireCount(), 3);
        QCOMPARE(ledger.hire(first.applicationId), std::optional<Hire>(changed));
        const auto pushed = ledger.pushRecord(first.applicationId, kBob);
        QVERIFY(pushed);
        QCOMPARE(pushed->state, PushState::Pushed);
        QCOMPARE(pushed->remoteId, QStringLiteral("emp-1"));
        QCOMPARE(pushed->attempts, 1);
        QCOMPARE(pushed->attemptId, attempt);
        QCOMPARE(ledger.pushRecord(first.applicationId, kPersonio)->state, PushState::Ready);
        QCOMPARE(ledger.pushRecords().size(), 6);
    }

    void upsertHires_invalidInput_failsWithoutChanges()
    {
        QTemporaryDir dir;
        Ledger ledger;
        QVERIFY(ledger.open(dir.path()));
        QString error;
        QVERIFY(!ledger.upsertHires({makeHire(1)}, {QString()}, &error));
        QVERIFY2(error.contains(QLatin1StringView("Ledger::upsertHires")), qPrintable(error));
        QCOMPARE(ledger.lastError(), error);
        Hire nameless = makeHire(2);
        nameless.applicationId.clear();
        QVERIFY(!ledger.upsertHires({makeHire(1), nameless}, {kBob}, &error));
        QVERIFY2(error.contains(QLatin1StringView("no application id")), qPrintable(error));
        QCOMPARE(ledger.hireCount(), 0);
        QVERIFY(ledger.pushRecords().isEmpty());
    }

    void hires_mixedStartDates_orderedByDateThenNameWithEmptyDatesLast()
    {
        QTemporaryDir dir;
        Ledger ledger;
        QVERIFY(ledger.open(dir.path()));
        Hire a = makeHire(1, QStringLiteral("2026-05-01"));
        a.name = QStringLiteral("Bea");
        Hire b = makeHire(2, QString());
        b.name = QStringLiteral("Aaron");
        Hire c = makeHire(3, QStringLiteral("2026-02-01"));
        c.name = QStringLiteral("Zed");
        Hire d = makeHire(4, QStringLiteral("2026-05-01"));
        d.name = QStringLiteral("alma");
        Hire e = makeHire(5, QString());
        e.name = QStringLiteral("Cleo");
        QVERIFY(ledger.upsertHires({a, b, c, d, e}, {kBob}));
        const QList<Hire> hires = ledger.hires();
        QStringList names;
        for (const auto& hire : hires) {
            names.append(hire.name);
        }
        QCOMPARE(names,
            (QStringList {QStringLiteral("Zed"), QStringLiteral("alma"), QStringLiteral("Bea"), QStringLiteral("Aaron"),
                QStringLiteral("Cleo")}));
        QCOMPARE(hires.at(0), c); // full round trip through the cached JSON

        const QList<HireRow> rows = ledger.hireRows();
        QCOMPARE(rows.size(), hires.size());
        for (qsizetype i = 0; i < rows.size(); ++i) {
            QCOMPARE(rows.at(i).applicationId, hires.at(i).applicationId);
            QCOMPARE(rows.at(i).name, hires.at(i).name);
            QCOMPARE(rows.at(i).startDate, hires.at(i).startDate);
        }
        QCOMPARE(rows.at(0).candidateId, c.candidateId);
        QCOMPARE(rows.at(0).email, c.email);
        QCOMPARE(rows.at(0).jobTitle, c.jobTitle);
        QCOMPARE(rows.at(0).department, c.department);
        QCOMPARE(rows.at(0).hiringManager, QStringLiteral("Ada Lovelace"));
    }

    void dashboard_rowsAndTheRecordFieldsTheWindowShows()
    {
        QTemporaryDir dir;
        Ledger ledger;
        QVERIFY(ledger.open(dir.path()));
        QVERIFY(ledger.upsertHires({makeHire(1), makeHire(2, QString()), makeHire(3)}, {kBob, kPersonio}));
        const QString app = makeHire(1).applicationId;
        QVERIFY(ledger.beginSending(app, kBob, {PushState::Ready}, newId(), QStringLiteral("owner-1")));
        const QString attempt = ledger.pushRecord(app, kBob)->attemptId;
        QVERIFY(ledger.finishSending(app, kBob, attempt, PushState::Failed, QStringLiteral("r-7"),
            QStringLiteral("Bob said no"), true, AuditEntry()));

        const Ledger::Dashboard shown = ledger.dashboard();
        const QList<HireRow> rows = ledger.hireRows();
        QCOMPARE(shown.rows.size(), rows.size());
        for (qsizetype i = 0; i < rows.size(); ++i) {
            QCOMPARE(shown.rows.at(i).applicationId, rows.at(i).applicationId);
            QCOMPARE(shown.rows.at(i).name, rows.at(i).name);
        }
        const QList<PushRecord> full = ledger.pushRecords();
        QCOMPARE(shown.records.size(), full.size());
        QCOMPARE(full.size(), 6);
        for (qsizetype i = 0; i < full.size(); ++i) {
            const PushRecord& a = shown.records.at(i);
            const PushRecord& b = full.at(i);
            QCOMPARE(a.applicationId, b.applicationId);
            QCOMPARE(a.target, b.target);
            QCOMPARE(a.state, b.state);
            QCOMPARE(a.remoteId, b.remoteId);
            QCOMPARE(a.reason, b.reason);
            QCOMPARE(a.transient, b.transient);
            QCOMPARE(a.attempts, b.attempts);
            // Not shown, so not read.
            QVERIFY(a.attemptId.isEmpty());
            QVERIFY(a.ownerId.isEmpty());
            QVERIFY(!a.updatedAt.isValid());
        }
        const auto failed = std::find_if(shown.records.cbegin(), shown.records.cend(),
            [&](const PushRecord& r) { return r.applicationId == app && r.target == kBob; });
        QVERIFY(failed != shown.records.cend());
        QCOMPARE(failed->state, PushState::Failed);
        QCOMPARE(failed->reason, QStringLiteral("Bob said no"));
        QCOMPARE(failed->remoteId, QStringLiteral("r-7"));
        QCOMPARE(failed->attempts, 1);
        QVERIFY(failed->transient);
    }

    void upsertHires_tenThousandHires_completesInOneTransaction()
    {
        QTemporaryDir dir;
        Ledger ledger;
        QVERIFY(ledger.open(dir.path()));
        QList<Hire> hires;
        hires.reserve(10000);
        for (int i = 0; i < 10000; ++i) {
            hires.append(makeHire(
                i, i % 10 == 0 ? QString() : QStringLiteral("2026-%1-01").arg(1 + i % 12, 2, 10, QLatin1Char('0'))));
        }
        QElapsedTimer timer;
        timer.start();
        QString error;
        QVERIFY2(ledger.upsertHires(hires, {kBob, kPersonio}, &error), qPrintable(error));
        qInfo("upsertHires: 10,000 hires x 2 targets in %lld ms", timer.elapsed());
        timer.restart();
        QVERIFY2(ledger.upsertHires(hires, {kBob, kPersonio}, &error), qPrintable(error));
        qInfo("upsertHires again (all existing): %lld ms", timer.elapsed());
        timer.restart();
        const QList<Hire> read = ledger.hires();
        qInfo("hires(): %lld ms", timer.elapsed());
        timer.restart();
        const QList<HireRow> rows = ledger.hireRows();
        qInfo("hireRows(): %lld ms", timer.elapsed());
        timer.restart();
        const QList<PushRecord> records = ledger.pushRecords(kBob);
        qInfo("pushRecords(bob): %lld ms", timer.elapsed());
        QCOMPARE(ledger.hireCount(), 10000);
        QCOMPARE(read.size(), 10000);
        QCOMPARE(rows.size(), 10000);
        QCOMPARE(records.size(), 10000);
        QCOMPARE(ledger.pushRecords().size(), 20000);
        QVERIFY(read.constLast().startDate.isEmpty());
    }

    // --- transitions -------------------------------------------------------------------------------------------

    void beginSending_fromAllowedState_movesToSendingAndAudits_data()
    {
        QTest::addColumn<PushState>("initial");
        QTest::newRow("ready") << PushState::Ready;
        QTest::newRow("failed") << PushState::Failed;
        QTest::newRow("exists") << PushState::Exists;
        QTest::newRow("skipped") << PushState::Skipped;
        QTest::newRow("pushed") << PushState::Pushed;
    }
    void beginSending_fromAllowedState_movesToSendingAndAudits()
    {
        QFETCH(PushState, initial);
        QTemporaryDir dir;
        Ledger ledger;
        QVERIFY(ledger.open(dir.path()));
        const QString app = makeHire(1).applicationId;
        QVERIFY(ledger.upsertHires({makeHire(1)}, {kBob}));
        if (initial != PushState::Ready) {
            QVERIFY(ledger.setState(app, kBob, PushState::Ready, initial, QStringLiteral("because")));
        }
        const int auditBefore = int(ledger.audit(app).size());
        const QString attempt = newId();
        QString error;
        QVERIFY2(
            ledger.beginSending(app, kBob, {PushState::Ready, initial}, attempt, QStringLiteral("owner-1"), &error),
            qPrintable(error));
        const auto record = ledger.pushRecord(app, kBob);
        QVERIFY(record);
        QCOMPARE(record->state, PushState::Sending);
        QCOMPARE(record->attemptId, attempt);
        QCOMPARE(record->ownerId, QStringLiteral("owner-1"));
        QCOMPARE(record->attempts, 1);
        QVERIFY(record->reason.isEmpty());
        const auto audit = ledger.audit(app);
        QCOMPARE(audit.size(), auditBefore + 1);
        QCOMPARE(audit.constLast().action, QStringLiteral("state"));
        QCOMPARE(audit.constLast().detail, QStringLiteral("sending"));
        QCOMPARE(audit.constLast().attemptId, attempt);
        QCOMPARE(audit.constLast().target, kBob);
    }

    void finishSending_sendingWithAttempt_movesToOutcome_data()
    {
        QTest::addColumn<PushState>("outcome");
        QTest::addColumn<QString>("remoteId");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<bool>("transient");
        QTest::newRow("pushed") << PushState::Pushed << QStringLiteral("emp-7") << QString() << false;
        QTest::newRow("failed transient") << PushState::Failed << QString() << QStringLiteral("HTTP 503") << true;
        QTest::newRow("failed permanent") << PushState::Failed << QString() << QStringLiteral("HTTP 400") << false;
        QTest::newRow("exists") << PushState::Exists << QStringLiteral("emp-3") << QStringLiteral("same e-mail")
                                << false;
        QTest::newRow("skipped") << PushState::Skipped << QString() << QStringLiteral("no e-mail") << false;
        QTest::newRow("ready again") << PushState::Ready << QString() << QStringLiteral("cancelled") << false;
    }
    void finishSending_sendingWithAttempt_movesToOutcome()
    {
        QFETCH(PushState, outcome);
        QFETCH(QString, remoteId);
        QFETCH(QString, reason);
        QFETCH(bool, transient);
        QTemporaryDir dir;
        Ledger ledger;
        QVERIFY(ledger.open(dir.path()));
        const QString app = makeHire(1).applicationId;
        QVERIFY(ledger.upsertHires({makeHire(1)}, {kBob}));
        const QString attempt = newId();
        QVERIFY(ledger.beginSending(app, kBob, {PushState::Ready}, attempt, QStringLiteral("owner-1")));
        AuditEntry audit;
        audit.action = QStringLiteral("send");
        audit.httpStatus = 201;
        audit.payloadHash = QStringLiteral("ab12");
        audit.detail = QStringLiteral("done");
        QString error;
        QVERIFY2(ledger.finishSending(app, kBob, attempt, outcome, remoteId, reason, transient, audit, &error),
            qPrintable(error));
        const auto record = ledger.pushRecord(app, kBob);
        QVERIFY(record);
        QCOMPARE(record->state, outcome);
        QCOMPARE(record->remoteId, remoteId);
        QCOMPARE(record->reason, reason);
        QCOMPARE(record->transient, transient);
        QCOMPARE(record->attempts, 1);
        QCOMPARE(record->attemptId, attempt);
        QVERIFY(record->ownerId.isEmpty());
        const auto entries = ledger.audit(app);
        QCOMPARE(entries.size(), 2);
        const AuditEntry& last = entries.constLast();
        QCOMPARE(last.action, QStringLiteral("send"));
        QCOMPARE(last.applicationId, app); // filled in from the record
        QCOMPARE(last.target, kBob);
        QCOMPARE(last.attemptId, attempt);
        QCOMPARE(last.httpStatus, 201);
        QCOMPARE(last.payloadHash, QStringLiteral("ab12"));
        QCOMPARE(last.detail, QStringLiteral("done"));
        QVERIFY(last.at.isValid());
        QCOMPARE(last.at.timeSpec(), Qt::UTC);
    }

    void finishSending_emptyAuditAction_writesNoAuditLine()
    {
        QTemporaryDir dir;
        Ledger ledger;
        QVERIFY(ledger.open(dir.path()));
        const QString app = makeHire(1).applicationId;
        QVERIFY(ledger.upsertHires({makeHire(1)}, {kBob}));
        const QString attempt = newId();
        QVERIFY(ledger.beginSending(app, kBob, {PushState::Ready}, attempt, QStringLiteral("o")));
        QVERIFY(ledger.finishSending(app, kBob, attempt, PushState::Pushed, QStringLiteral("e"), {}, false, {}));
        QCOMPARE(ledger.audit(app).size(), 1);
    }

    void lifecycle_transientFailureThenRetry_endsPushedWithTwoAttempts()
    {
        QTemporaryDir dir;
        Ledger ledger;
        QVERIFY(ledger.open(dir.path()));
        const QString app = makeHire(1).applicationId;
        QVERIFY(ledger.upsertHires({makeHire(1)}, {kBob}));
        const QString first = newId();
        QVERIFY(ledger.beginSending(app, kBob, {PushState::Ready}, first, QStringLiteral("o")));
        QVERIFY(ledger.finishSending(app, kBob, first, PushState::Failed, {}, QStringLiteral("timeout"), true, {}));
        QCOMPARE(ledger.pushRecord(app, kBob)->state, PushState::Failed);
        QVERIFY(ledger.pushRecord(app, kBob)->transient);
        const QString second = newId();
        QVERIFY(ledger.beginSending(app, kBob, {PushState::Ready, PushState::Failed}, second, QStringLiteral("o")));
        QVERIFY(ledger.pushRecord(app, kBob)->reason.isEmpty());
        QVERIFY(!ledger.pushRecord(app, kBob)->transient);
        QVERIFY(ledger.finishSending(app, kBob, second, PushState::Pushed, QStringLiteral("emp"), {}, false, {}));
        const auto record = ledger.pushRecord(app, kBob);
        QCOMPARE(record->state, PushState::Pushed);
        QCOMPARE(record->attempts, 2);
        QCOMPARE(record->attemptId, second);
    }

    void setState_adminActions_changeStateAndAudit_data()
    {
        QTest::addColumn<PushState>("from");
        QTest::addColumn<PushState>("to");
        QTest::newRow("ready to skipped") << PushState::Ready << PushState::Skipped;
        QTest::newRow("skipped to ready") << PushState::Skipped << PushState::Ready;
        QTest::newRow("failed to ready") << PushState::Failed << PushState::Ready;
        QTest::newRow("exists to ready") << PushState::Exists << PushState::Ready;
        QTest::newRow("pushed to ready") << PushState::Pushed << PushState::Ready;
        QTest::newRow("ready to exists") << PushState::Ready << PushState::Exists;
    }
    void setState_adminActions_changeStateAndAudit()
    {
        QFETCH(PushState, from);
        QFETCH(PushState, to);
        QTemporaryDir dir;
        Ledger ledger;
        QVERIFY(ledger.open(dir.path()));
        const QString app = makeHire(1).applicationId;
        QVERIFY(ledger.upsertHires({makeHire(1)}, {kBob}));
        if (from != PushState::Ready) {
            QVERIFY(ledger.setState(app, kBob, PushState::Ready, from, {}));
        }
        QString error;
        QVERIFY2(ledger.setState(app, kBob, from, to, QStringLiteral("admin"), &error), qPrintable(error));
        QCOMPARE(ledger.pushRecord(app, kBob)->state, to);
        QCOMPARE(ledger.pushRecord(app, kBob)->reason, QStringLiteral("admin"));
        const auto audit = ledger.audit(app);
        QVERIFY(!audit.isEmpty());
        QCOMPARE(audit.constLast().action, QStringLiteral("state"));
        QVERIFY(audit.constLast().detail.startsWith(pushStateName(to)));
    }

    void setState_toSendingOrMissingRecord_fails()
    {
        QTemporaryDir dir;
        Ledger ledger;
        QVERIFY(ledger.open(dir.path()));
        const QString app = makeHire(1).applicationId;
        QVERIFY(ledger.upsertHires({makeHire(1)}, {kBob}));
        QString error;
        QVERIFY(!ledger.setState(app, kBob, PushState::Ready, PushState::Sending, {}, &error));
        QVERIFY(!ledger.setState(app, kPersonio, PushState::Ready, PushState::Skipped, {}, &error));
        QVERIFY2(error.contains(QLatin1StringView("does not exist")), qPrintable(error));
        QCOMPARE(ledger.pushRecord(app, kBob)->state, PushState::Ready);
        QVERIFY(ledger.audit().isEmpty());
    }

    void setState_fromStaleState_isRefusedAndSenderKeepsItsResult()
    {
        QTemporaryDir dir;
        Ledger ledger;
        QVERIFY(ledger.open(dir.path()));
        const QString app = makeHire(1).applicationId;
        QVERIFY(ledger.upsertHires({makeHire(1)}, {kBob}));
        const QString attempt = newId();
        QVERIFY(ledger.beginSending(app, kBob, {PushState::Ready}, attempt, QStringLiteral("process-A")));
        // A dashboard that still shows "ready" skips the hire while process A sends it: refused, and said why.
        QString error;
        QVERIFY(!ledger.setState(app, kBob, PushState::Ready, PushState::Skipped, QStringLiteral("admin"), &error));
        QVERIFY2(error.contains(QLatin1StringView("sending")), qPrintable(error));
        QVERIFY2(error.contains(QLatin1StringView("not ready")), qPrintable(error));
        // The sender still records its result, so the remote id is kept and nothing is sent twice.
        QVERIFY(ledger.finishSending(
            app, kBob, attempt, PushState::Pushed, QStringLiteral("emp-7"), {}, false, AuditEntry()));
        QCOMPARE(ledger.pushRecord(app, kBob)->state, PushState::Pushed);
        QCOMPARE(ledger.pushRecord(app, kBob)->remoteId, QStringLiteral("emp-7"));
        // From the state actually read, the change goes through.
        QVERIFY2(ledger.setState(app, kBob, PushState::Pushed, PushState::Skipped, {}, &error), qPrintable(error));
    }

    void unknownState_isStoredAndSettledByTheAdmin()
    {
        QTemporaryDir dir;
        Ledger ledger;
        QVERIFY(ledger.open(dir.path()));
        const QString app = makeHire(1).applicationId;
        QVERIFY(ledger.upsertHires({makeHire(1)}, {kBob}));
        const QString attempt = newId();
        QVERIFY(ledger.beginSending(app, kBob, {PushState::Ready}, attempt, QStringLiteral("o")));
        QString error;
        QVERIFY2(ledger.finishSending(app, kBob, attempt, PushState::Unknown, {}, QStringLiteral("may have arrived"),
                     false, AuditEntry(), &error),
            qPrintable(error));
        QCOMPARE(ledger.pushRecord(app, kBob)->state, PushState::Unknown);
        QCOMPARE(ledger.pushRecord(app, kBob)->attemptId, attempt);
        QCOMPARE(pushStateName(PushState::Unknown), QStringLiteral("unknown"));
        QCOMPARE(pushStateFromName(QStringLiteral("unknown")), std::optional<PushState>(PushState::Unknown));
        QVERIFY2(
            ledger.setState(app, kBob, PushState::Unknown, PushState::Pushed, QStringLiteral("it arrived"), &error),
            qPrintable(error));
        QCOMPARE(ledger.pushRecord(app, kBob)->state, PushState::Pushed);
        QCOMPARE(ledger.audit(app).constLast().action, QStringLiteral("resolve"));
    }

    void ensurePushRecord_missingOrExisting_createsReadyOnce()
    {
        QTemporaryDir dir;
        Ledger ledger;
        QVERIFY(ledger.open(dir.path()));
        const QString app = makeHire(1).applicationId;
        QVERIFY(ledger.upsertHires({makeHire(1)}, {kBob}));
        QVERIFY(ledger.setState(app, kBob, PushState::Ready, PushState::Skipped, {}));
        QVERIFY(ledger.ensurePushRecord(app, kBob));
        QCOMPARE(ledger.pushRecord(app, kBob)->state, PushState::Skipped);
        QVERIFY(ledger.ensurePushRecord(app, kPersonio));
        QCOMPARE(ledger.pushRecord(app, kPersonio)->state, PushState::Ready);
        QString error;
        QVERIFY(!ledger.ensurePushRecord(QStringLiteral("unknown-hire"), kBob, &error)); // foreign key
        QVERIFY2(error.contains(QLatin1StringView("ensurePushRecord")), qPrintable(error));
    }

    void beginSending_wrongState_failsAndKeepsRecord()
    {
        QTemporaryDir dir;
        Ledger ledger;
        QVERIFY(ledger.open(dir.path()));
        const QString app = makeHire(1).applicationId;
        QVERIFY(ledger.upsertHires({makeHire(1)}, {kBob}));
        QVERIFY(ledger.setState(app, kBob, PushState::Ready, PushState::Pushed, QStringLiteral("done")));
        const auto before = ledger.pushRecord(app, kBob);
        const auto auditBefore = ledger.audit().size();
        QString error;
        QVERIFY(!ledger.beginSending(
            app, kBob, {PushState::Ready, PushState::Failed}, newId(), QStringLiteral("o"), &error));
        QVERIFY2(error.contains(QLatin1StringView("Ledger::beginSending")), qPrintable(error));
        QVERIFY2(error.contains(QLatin1StringView("pushed")), qPrintable(error));
        QCOMPARE(ledger.lastError(), error);
        const auto after = ledger.pushRecord(app, kBob);
        QCOMPARE(after->state, PushState::Pushed);
        QCOMPARE(after->attempts, before->attempts);
        QCOMPARE(after->reason, QStringLiteral("done"));
        QCOMPARE(ledger.audit().size(), auditBefore);

        // Already sending for someone else: the message names the holder.
        QVERIFY(ledger.setState(app, kBob, PushState::Pushed, PushState::Ready, {}));
        QVERIFY(ledger.beginSending(app, kBob, {PushState::Ready}, newId(), QStringLiteral("process-A")));
        QVERIFY(!ledger.beginSending(app, kBob, {PushState::Ready}, newId(), QStringLiteral("process-B"), &error));
        QVERIFY2(error.contains(QLatin1StringView("process-A")), qPrintable(error));
        QCOMPARE(ledger.pushRecord(app, kBob)->ownerId, QStringLiteral("process-A"));

        QVERIFY(!ledger.beginSending(app, kPersonio, {PushState::Ready}, newId(), QStringLiteral("o"), &error));
        QVERIFY2(error.contains(QLatin1StringView("does not exist")), qPrintable(error));
        QVERIFY(!ledger.beginSending(app, kBob, {}, newId(), QStringLiteral("o"), &error));
    }

    void finishSending_wrongAttemptId_failsAndKeepsSending()
    {
        QTemporaryDir dir;
        Ledger ledger;
        QVERIFY(ledger.open(dir.path()));
        const QString app = makeHire(1).applicationId;
        QVERIFY(ledger.upsertHires({makeHire(1)}, {kBob}));
        const QString attempt = newId();
        QVERIFY(ledger.beginSending(app, kBob, {PushState::Ready}, attempt, QStringLiteral("o")));
        AuditEntry audit;
        audit.action = QStringLiteral("send");
        QString error;
        QVERIFY(!ledger.finishSending(app, kBob, QStringLiteral("other-attempt"), PushState::Pushed,
            QStringLiteral("emp"), {}, false, audit, &error));
        QVERIFY2(error.contains(QLatin1StringView("Ledger::finishSending")), qPrintable(error));
        QVERIFY2(error.contains(QLatin1StringView("other-attempt")), qPrintable(error));
        QCOMPARE(ledger.pushRecord(app, kBob)->state, PushState::Sending);
        QCOMPARE(ledger.pushRecord(app, kBob)->attemptId, attempt);
        QCOMPARE(ledger.audit(app).size(), 1); // only the "sending" line

        QVERIFY(!ledger.finishSending(app, kBob, attempt, PushState::Sending, {}, {}, false, {}, &error));
        QVERIFY(ledger.finishSending(app, kBob, attempt, PushState::Pushed, QStringLiteral("emp"), {}, false, audit));
        // Finishing twice: the record is no longer sending.
        QVERIFY(!ledger.finishSending(
            app, kBob, attempt, PushState::Failed, {}, QStringLiteral("late"), true, audit, &error));
        QCOMPARE(ledger.pushRecord(app, kBob)->state, PushState::Pushed);
        QCOMPARE(ledger.audit(app).size(), 2);
    }

    // --- two writers -------------------------------------------------------------------------------------------

    void beginSending_twoLedgersOnOneFile_exactlyOneWins()
    {
        QTemporaryDir dir;
        Ledger processA;
        Ledger processB;
        QVERIFY(processA.open(dir.path()));
        QVERIFY(processB.open(dir.path()));
        const QString app = makeHire(1).applicationId;
        QVERIFY(processA.upsertHires({makeHire(1)}, {kBob}));
        const QList<PushState> from {PushState::Ready, PushState::Failed};
        const bool aWon = processA.beginSending(app, kBob, from, newId(), QStringLiteral("A"));
        QString error;
        const bool bWon = processB.beginSending(app, kBob, from, newId(), QStringLiteral("B"), &error);
        QVERIFY(aWon);
        QVERIFY(!bWon);
        QVERIFY2(error.contains(QLatin1StringView("sending")), qPrintable(error));
        QCOMPARE(processB.pushRecord(app, kBob)->ownerId, QStringLiteral("A"));
        QCOMPARE(processB.pushRecord(app, kBob)->attempts, 1);
    }

    void beginSending_twoThreadsManyRecords_noRecordWonTwice()
    {
        QTemporaryDir dir;
        constexpr int count = 300;
        QStringList apps;
        {
            Ledger setup;
            QVERIFY(setup.open(dir.path()));
            QList<Hire> hires;
            for (int i = 0; i < count; ++i) {
                hires.append(makeHire(i));
                apps.append(hires.constLast().applicationId);
            }
            QVERIFY(setup.upsertHires(hires, {kBob}));
        }

        struct Result
        {
            QStringList won;
            QStringList unexpected; // failures other than "someone else holds it"
            bool opened = false;
        };
        Result results[2];
        std::atomic<int> ready {0};
        std::vector<std::unique_ptr<QThread>> threads;
        for (int t = 0; t < 2; ++t) {
            threads.emplace_back(QThread::create([&, t] {
                Result& result = results[t];
                Ledger ledger; // one Ledger (connection) per thread, like one per process
                result.opened = ledger.open(dir.path());
                ++ready;
                while (ready.load() < 2) {
                    QThread::yieldCurrentThread();
                }
                if (!result.opened) {
                    return;
                }
                const QString owner = QStringLiteral("thread-%1").arg(t);
                for (const auto& app : apps) {
                    QString error;
                    if (ledger.beginSending(app, kBob, {PushState::Ready}, newId(), owner, &error)) {
                        result.won.append(app);
                    } else if (!error.contains(QLatin1StringView("is sending"))) {
                        result.unexpected.append(error);
                    }
                }
            }));
        }
        for (auto& thread : threads) {
            thread->start();
        }
        for (auto& thread : threads) {
            QVERIFY(thread->wait(60000));
        }
        for (const auto& result : results) {
            QVERIFY(result.opened);
            QVERIFY2(result.unexpected.isEmpty(), qPrintable(result.unexpected.join(QLatin1Char('\n'))));
        }
        qInfo(
            "thread 0 won %lld, thread 1 won %lld", qlonglong(results[0].won.size()), qlonglong(results[1].won.size()));
        const QSet<QString> won0(results[0].won.cbegin(), results[0].won.cend());
        const QSet<QString> won1(results[1].won.cbegin(), results[1].won.cend());
        QCOMPARE(won0.size(), results[0].won.size());
        QCOMPARE(won1.size(), results[1].won.size());
        QVERIFY(!won0.intersects(won1));
        QCOMPARE(won0.size() + won1.size(), count);

        Ledger check;
        QVERIFY(check.open(dir.path()));
        for (const auto& record : check.pushRecords(kBob)) {
            QCOMPARE(record.state, PushState::Sending);
            QCOMPARE(record.attempts, 1);
            const QString expected
                = won0.contains(record.applicationId) ? QStringLiteral("thread-0") : QStringLiteral("thread-1");
            QCOMPARE(record.ownerId, expected);
        }
        QCOMPARE(check.audit().size(), count); // one "sending" line per record, none for the losers
    }

    // --- sync --------------------------------------------------------------------------------------------------

    void commitSync_valid_storesHiresAndToken()
    {
        QTemporaryDir dir;
        Ledger ledger;
        QVERIFY(ledger.open(dir.path()));
        QString error;
        QVERIFY2(ledger.commitSync({makeHire(1), makeHire(2)}, {kBob}, kStream, QStringLiteral("t1"), &error),
            qPrintable(error));
        QCOMPARE(ledger.hireCount(), 2);
        QCOMPARE(ledger.pushRecords(kBob).size(), 2);
        QCOMPARE(ledger.syncToken(kStream), QStringLiteral("t1"));
        QVERIFY(ledger.syncToken(QStringLiteral("other")).isEmpty());
        QVERIFY(ledger.setSyncToken(kStream, QStringLiteral("t2")));
        QCOMPARE(ledger.syncToken(kStream), QStringLiteral("t2"));
        QVERIFY(ledger.setSyncToken(kStream, QString()));
        QVERIFY(ledger.syncToken(kStream).isEmpty());
    }

    void commitSync_hireWithoutApplicationId_changesNothing()
    {
        QTemporaryDir dir;
        Ledger ledger;
        QVERIFY(ledger.open(dir.path()));
        QVERIFY(ledger.commitSync({makeHire(1)}, {kBob}, kStream, QStringLiteral("t1")));
        Hire renamed = makeHire(1);
        renamed.name = QStringLiteral("Renamed");
        Hire broken = makeHire(3);
        broken.applicationId.clear();
        QString error;
        // The broken hire comes last, so earlier rows were already written inside the transaction.
        QVERIFY(!ledger.commitSync(
            {renamed, makeHire(2), broken}, {kBob, kPersonio}, kStream, QStringLiteral("t2"), &error));
        QVERIFY2(error.contains(QLatin1StringView("Ledger::commitSync")), qPrintable(error));
        QCOMPARE(ledger.hireCount(), 1);
        QCOMPARE(ledger.hire(makeHire(1).applicationId)->name, makeHire(1).name);
        QCOMPARE(ledger.pushRecords().size(), 1);
        QCOMPARE(ledger.syncToken(kStream), QStringLiteral("t1"));
    }

    void commitSync_tokenWriteFails_hiresRolledBack()
    {
        QTemporaryDir dir;
        Ledger ledger;
        QVERIFY(ledger.open(dir.path()));
        QVERIFY(ledger.commitSync({makeHire(1)}, {kBob}, kStream, QStringLiteral("t1")));
        {
            RawDb raw(ledger.filePath());
            QString error;
            QVERIFY2(raw.exec(QStringLiteral("CREATE TRIGGER fail_token BEFORE UPDATE ON sync_state"
                                             " BEGIN SELECT RAISE(ABORT, 'injected failure'); END"),
                         &error),
                qPrintable(error));
        }
        QString error;
        QVERIFY(!ledger.commitSync({makeHire(2), makeHire(3)}, {kBob}, kStream, QStringLiteral("t2"), &error));
        QVERIFY2(error.contains(QLatin1StringView("injected failure")), qPrintable(error));
        QCOMPARE(ledger.hireCount(), 1);
        QCOMPARE(ledger.pushRecords().size(), 1);
        QCOMPARE(ledger.syncToken(kStream), QStringLiteral("t1"));
        // The connection is usable afterwards (the failed transaction was rolled back, not left open).
        QVERIFY(ledger.upsertHires({makeHire(4)}, {kBob}));
        QCOMPARE(ledger.hireCount(), 2);
    }

    void commitSync_closedLedger_failsAndChangesNothing()
    {
        QTemporaryDir dir;
        Ledger ledger;
        QVERIFY(ledger.open(dir.path()));
        QVERIFY(ledger.commitSync({makeHire(1)}, {kBob}, kStream, QStringLiteral("t1")));
        ledger.close();
        QString error;
        QVERIFY(!ledger.commitSync({makeHire(2)}, {kBob}, kStream, QStringLiteral("t2"), &error));
        QVERIFY2(error.contains(QLatin1StringView("not open")), qPrintable(error));
        QVERIFY(ledger.open(dir.path()));
        QCOMPARE(ledger.hireCount(), 1);
        QCOMPARE(ledger.syncToken(kStream), QStringLiteral("t1"));
    }

    // --- audit -------------------------------------------------------------------------------------------------

    void appendAudit_entries_readBackOldestFirstAndFiltered()
    {
        QTemporaryDir dir;
        Ledger ledger;
        QVERIFY(ledger.open(dir.path()));
        AuditEntry first;
        first.at = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5, 678), Qt::UTC);
        first.target = kBob;
        first.applicationId = QStringLiteral("app-a");
        first.action = QStringLiteral("send");
        first.attemptId = QStringLiteral("att-1");
        first.httpStatus = 201;
        first.payloadHash = QStringLiteral("deadbeef");
        first.detail = QStringLiteral("created");
        AuditEntry second = first;
        second.at = {};
        second.applicationId = QStringLiteral("app-b");
        QVERIFY(ledger.appendAudit(first));
        QVERIFY(ledger.appendAudit(second));
        QVERIFY(!ledger.appendAudit(AuditEntry {})); // no action
        const auto all = ledger.audit();
        QCOMPARE(all.size(), 2);
        QVERIFY(all.at(0).id < all.at(1).id);
        QCOMPARE(all.at(0).at, first.at);
        QCOMPARE(all.at(0).target, kBob);
        QCOMPARE(all.at(0).attemptId, QStringLiteral("att-1"));
        QCOMPARE(all.at(0).httpStatus, 201);
        QCOMPARE(all.at(0).payloadHash, QStringLiteral("deadbeef"));
        QCOMPARE(all.at(0).detail, QStringLiteral("created"));
        QVERIFY(all.at(1).at.isValid()); // stamped when empty
        const auto onlyB = ledger.audit(QStringLiteral("app-b"));
        QCOMPARE(onlyB.size(), 1);
        QCOMPARE(onlyB.at(0).applicationId, QStringLiteral("app-b"));
    }

    void auditLog_updateOrDelete_refused()
    {
        QTemporaryDir dir;
        Ledger ledger;
        QVERIFY(ledger.open(dir.path()));
        AuditEntry entry;
        entry.action = QStringLiteral("send");
        entry.detail = QStringLiteral("original");
        QVERIFY(ledger.appendAudit(entry));
        RawDb raw(ledger.filePath());
        QString error;
        QVERIFY(!raw.exec(QStringLiteral("UPDATE audit_log SET detail = 'forged'"), &error));
        QVERIFY2(error.contains(QLatin1StringView("append-only")), qPrintable(error));
        QVERIFY(!raw.exec(QStringLiteral("DELETE FROM audit_log"), &error));
        QVERIFY2(error.contains(QLatin1StringView("append-only")), qPrintable(error));
        QCOMPARE(ledger.audit().size(), 1);
        QCOMPARE(ledger.audit().at(0).detail, QStringLiteral("original"));
    }

    // --- schema v2: cached catalogues ---------------------------------------------------------------------------

    void open_versionOneFile_migratesToLatestAndKeepsData()
    {
        QVERIFY(Ledger::latestSchemaVersion() >= 2);
        QTemporaryDir dir;
        QString filePath;
        {
            Ledger ledger;
            QVERIFY(ledger.open(dir.path()));
            filePath = ledger.filePath();
            QVERIFY(ledger.upsertHires({makeHire(1), makeHire(2)}, {kBob, kPersonio}));
            QVERIFY(ledger.setState(
                makeHire(1).applicationId, kBob, PushState::Ready, PushState::Skipped, QStringLiteral("intern")));
            QVERIFY(ledger.setSyncToken(kStream, QStringLiteral("token-v1")));
        }
        {
            // Turn the file back into what a version-1 Hirebridge left behind: no catalogs (v2) or notifications
            // (v3) table, user_version 1.
            RawDb raw(filePath);
            QString error;
            QVERIFY2(raw.exec(QStringLiteral("DROP TABLE catalogs"), &error), qPrintable(error));
            QVERIFY2(raw.exec(QStringLiteral("DROP TABLE notifications"), &error), qPrintable(error));
            QVERIFY2(raw.exec(QStringLiteral("DROP TABLE documents"), &error), qPrintable(error));
            QVERIFY2(raw.exec(QStringLiteral("DROP TABLE manager_matches"), &error), qPrintable(error));
            QVERIFY2(raw.exec(QStringLiteral("PRAGMA user_version = 1"), &error), qPrintable(error));
            QVERIFY(!raw.column(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table'"))
                         .contains(QStringLiteral("catalogs")));
        }

        Ledger ledger;
        QString error;
        QVERIFY2(ledger.open(dir.path(), &error), qPrintable(error));
        QCOMPARE(ledger.schemaVersion(), Ledger::latestSchemaVersion());
        QCOMPARE(ledger.hireCount(), 2);
        QCOMPARE(ledger.hire(makeHire(2).applicationId), std::optional<Hire>(makeHire(2)));
        QCOMPARE(ledger.pushRecords().size(), 4);
        QCOMPARE(ledger.pushRecord(makeHire(1).applicationId, kBob)->state, PushState::Skipped);
        QCOMPARE(ledger.pushRecord(makeHire(1).applicationId, kBob)->reason, QStringLiteral("intern"));
        QCOMPARE(ledger.pushRecord(makeHire(1).applicationId, kPersonio)->state, PushState::Ready);
        QCOMPARE(ledger.syncToken(kStream), QStringLiteral("token-v1"));
        QCOMPARE(ledger.audit().size(), 1);

        // The new table works right away.
        QVERIFY(!ledger.catalog(QStringLiteral("target:bob")).has_value());
        const QDateTime fetchedAt(QDate(2026, 1, 12), QTime(8, 30, 15, 250), Qt::UTC);
        QVERIFY2(ledger.storeCatalog(
                     QStringLiteral("target:bob"), QJsonObject {{QStringLiteral("fields"), 3}}, fetchedAt, &error),
            qPrintable(error));
        QCOMPARE(ledger.catalog(QStringLiteral("target:bob"))->fetchedAt, fetchedAt);

        RawDb raw(filePath);
        const QStringList columns = raw.column(QStringLiteral("SELECT name FROM pragma_table_info('catalogs')"));
        QCOMPARE(columns, (QStringList {QStringLiteral("key"), QStringLiteral("json"), QStringLiteral("fetched_at")}));
    }

    void storeCatalog_storeReplaceRead_roundTrips()
    {
        QTemporaryDir dir;
        Ledger ledger;
        QVERIFY(ledger.open(dir.path()));
        const QString key = QStringLiteral("target:bob");
        const QJsonObject first {
            {QStringLiteral("target"), QStringLiteral("bob")},
            {QStringLiteral("fields"),
                QJsonArray {QJsonObject {{QStringLiteral("id"), QStringLiteral("identification.custom.Ashby ID_7Q")},
                    {QStringLiteral("name"), QStringLiteral("Zoë's Ashby ID 🌸")}, {QStringLiteral("custom"), true}}}},
            {QStringLiteral("lists"),
                QJsonObject {{QStringLiteral("site"),
                    QJsonArray {QJsonObject {{QStringLiteral("id"), QStringLiteral("2178554")},
                        {QStringLiteral("name"), QStringLiteral("Zürich")}}}}}},
        };
        // Local time with milliseconds: read back as the same instant, in UTC.
        const QDateTime firstAt
            = QDateTime(QDate(2026, 1, 10), QTime(9, 15, 30, 123), Qt::UTC).toTimeZone(QTimeZone(3600));
        QString error;
        QVERIFY2(ledger.storeCatalog(key, first, firstAt, &error), qPrintable(error));

        auto cached = ledger.catalog(key);
        QVERIFY(cached.has_value());
        QCOMPARE(cached->json, first);
        QCOMPARE(cached->fetchedAt, firstAt);
        QCOMPARE(cached->fetchedAt.timeSpec(), Qt::UTC);

        // A second store replaces the first (no second row, no merge).
        const QJsonObject second {
            {QStringLiteral("target"), QStringLiteral("bob")}, {QStringLiteral("fields"), QJsonArray {}}};
        const QDateTime secondAt(QDate(2026, 1, 11), QTime(7, 0), Qt::UTC);
        QVERIFY2(ledger.storeCatalog(key, second, secondAt, &error), qPrintable(error));
        cached = ledger.catalog(key);
        QVERIFY(cached.has_value());
        QCOMPARE(cached->json, second);
        QCOMPARE(cached->fetchedAt, secondAt);

        // Keys are independent.
        const QJsonObject source {{QStringLiteral("definitions"), QJsonArray {}}};
        QVERIFY2(ledger.storeCatalog(QStringLiteral("source:ashby"), source, secondAt.addSecs(60), &error),
            qPrintable(error));
        QCOMPARE(ledger.catalog(key)->json, second);
        QCOMPARE(ledger.catalog(QStringLiteral("source:ashby"))->json, source);

        RawDb raw(ledger.filePath());
        QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM catalogs")).toInt(), 2);

        // And it survives a reopen.
        ledger.close();
        QVERIFY(ledger.open(dir.path()));
        QCOMPARE(ledger.catalog(key)->json, second);
        QCOMPARE(ledger.catalog(key)->fetchedAt, secondAt);
    }

    void catalog_missingKey_isNullopt()
    {
        QTemporaryDir dir;
        Ledger ledger;
        QVERIFY(ledger.open(dir.path()));
        QVERIFY(!ledger.catalog(QStringLiteral("target:bob")).has_value());
        QVERIFY(!ledger.catalog(QString()).has_value());
        QVERIFY(ledger.storeCatalog(QStringLiteral("target:bob"), QJsonObject {}, QDateTime::currentDateTimeUtc()));
        QVERIFY(!ledger.catalog(QStringLiteral("target:personio")).has_value());
        QVERIFY(ledger.catalog(QStringLiteral("target:bob")).has_value());
        ledger.close();
        QVERIFY(!ledger.catalog(QStringLiteral("target:bob")).has_value());
    }

    void storeCatalog_badInput_failsAndChangesNothing()
    {
        QTemporaryDir dir;
        Ledger ledger;
        QVERIFY(ledger.open(dir.path()));
        const QJsonObject json {{QStringLiteral("a"), 1}};
        QString error;
        QVERIFY(!ledger.storeCatalog(QString(), json, QDateTime::currentDateTimeUtc(), &error));
        QVERIFY2(error.contains(QLatin1StringView("storeCatalog")), qPrintable(error));
        QCOMPARE(ledger.lastError(), error);
        QVERIFY(!ledger.storeCatalog(QStringLiteral("target:bob"), json, QDateTime(), &error));
        QVERIFY2(error.contains(QLatin1StringView("fetch time")), qPrintable(error));
        QVERIFY(!ledger.catalog(QStringLiteral("target:bob")).has_value());

        ledger.close();
        QVERIFY(!ledger.storeCatalog(QStringLiteral("target:bob"), json, QDateTime::currentDateTimeUtc(), &error));
        QVERIFY2(error.contains(QLatin1StringView("not open")), qPrintable(error));
    }

    void catalog_corruptRow_isNulloptWithError()
    {
        QTemporaryDir dir;
        Ledger ledger;
        QVERIFY(ledger.open(dir.path()));
        {
            RawDb raw(ledger.filePath());
            QVERIFY(raw.exec(QStringLiteral("INSERT INTO catalogs (key, json, fetched_at)"
                                            " VALUES ('target:bob', '{\"fields\": [', '2026-01-10T09:00:00.000Z'),"
                                            " ('target:personio', '{}', 'yesterday')")));
        }
        QVERIFY(!ledger.catalog(QStringLiteral("target:bob")).has_value());
        QVERIFY2(ledger.lastError().contains(QLatin1StringView("unreadable")), qPrintable(ledger.lastError()));
        QVERIFY(!ledger.catalog(QStringLiteral("target:personio")).has_value());
        QVERIFY2(ledger.lastError().contains(QLatin1StringView("yesterday")), qPrintable(ledger.lastError()));
        // A store repairs the row.
        QVERIFY(ledger.storeCatalog(QStringLiteral("target:bob"), QJsonObject {}, QDateTime::currentDateTimeUtc()));
        QVERIFY(ledger.catalog(QStringLiteral("target:bob")).has_value());
    }

    // --- schema v3: notification queue ---------------------------------------------------------------------------

    void open_versionTwoFile_migratesToThreeAndKeepsData()
    {
        QVERIFY(Ledger::latestSchemaVersion() >= 3);
        QTemporaryDir dir;
        QString filePath;
        const QDateTime fetchedAt(QDate(2026, 1, 12), QTime(8, 30), Qt::UTC);
        {
            Ledger ledger;
            QVERIFY(ledger.open(dir.path()));
            filePath = ledger.filePath();
            QVERIFY(ledger.upsertHires({makeHire(1)}, {kBob}));
            QVERIFY(
                ledger.storeCatalog(QStringLiteral("target:bob"), QJsonObject {{QStringLiteral("a"), 1}}, fetchedAt));
        }
        {
            // What a version-2 Hirebridge left behind: no notifications (v3) or documents tables (v4), user_version 2.
            RawDb raw(filePath);
            QString error;
            QVERIFY2(raw.exec(QStringLiteral("DROP TABLE notifications"), &error), qPrintable(error));
            QVERIFY2(raw.exec(QStringLiteral("DROP TABLE documents"), &error), qPrintable(error));
            QVERIFY2(raw.exec(QStringLiteral("DROP TABLE manager_matches"), &error), qPrintable(error));
            QVERIFY2(raw.exec(QStringLiteral("PRAGMA user_version = 2"), &error), qPrintable(error));
        }
        Ledger ledger;
        QString error;
        QVERIFY2(ledger.open(dir.path(), &error), qPrintable(error));
        QCOMPARE(ledger.schemaVersion(), Ledger::latestSchemaVersion());
        QCOMPARE(ledger.hireCount(), 1);
        QCOMPARE(ledger.pushRecords().size(), 1);
        QCOMPARE(ledger.catalog(QStringLiteral("target:bob"))->fetchedAt, fetchedAt);
        QCOMPARE(ledger.pendingNotificationCount(), 0);

        RawDb raw(filePath);
        const QStringList columns = raw.column(QStringLiteral("SELECT name FROM pragma_table_info('notifications')"));
        QCOMPARE(columns,
            (QStringList {QStringLiteral("id"), QStringLiteral("created_at"), QStringLiteral("recipient"),
                QStringLiteral("subject"), QStringLiteral("text_body"), QStringLiteral("html_body"),
                QStringLiteral("attempts"), QStringLiteral("last_error"), QStringLiteral("sent_at")}));
        QVERIFY(ledger.enqueueNotification(
                    QStringLiteral("ada@example.com"), QStringLiteral("s"), QStringLiteral("t"), QStringLiteral("h"))
            > 0);
    }

    void notifications_enqueueFailRetrySend_lifecycle()
    {
        QTemporaryDir dir;
        Ledger ledger;
        QVERIFY(ledger.open(dir.path()));
        QVERIFY(ledger.upsertHires({makeHire(1)}, {kBob}));
        const auto recordBefore = ledger.pushRecord(makeHire(1).applicationId, kBob);
        const int auditBefore = int(ledger.audit().size());

        QList<QueuedNotification> mails(2);
        mails[0].recipient = QStringLiteral(" ada@example.com ");
        mails[0].subject = QStringLiteral("Hirebridge: 1 hire sent to Bob");
        mails[0].textBody = QStringLiteral("Zoë Ångström 🌸");
        mails[0].htmlBody = QStringLiteral("<p>Zoë &amp; שרה</p>");
        mails[1] = mails[0];
        mails[1].recipient = QStringLiteral("sara@example.org");
        QString error;
        QVERIFY2(ledger.enqueueNotifications(mails, &error), qPrintable(error));
        QVERIFY(mails[0].id > 0);
        QVERIFY(mails[1].id > mails[0].id);
        QCOMPARE(mails[0].recipient, QStringLiteral("ada@example.com"));
        QCOMPARE(ledger.pendingNotificationCount(), 2);

        auto pending = ledger.pendingNotifications();
        QCOMPARE(pending.size(), 2);
        QCOMPARE(pending.at(0).id, mails[0].id); // oldest first
        QCOMPARE(pending.at(0).recipient, QStringLiteral("ada@example.com"));
        QCOMPARE(pending.at(0).textBody, QStringLiteral("Zoë Ångström 🌸"));
        QCOMPARE(pending.at(0).htmlBody, QStringLiteral("<p>Zoë &amp; שרה</p>"));
        QCOMPARE(pending.at(0).attempts, 0);
        QVERIFY(!pending.at(0).isSent());
        QVERIFY(pending.at(0).createdAt.isValid());
        QVERIFY(qAbs(pending.at(0).createdAt.secsTo(QDateTime::currentDateTimeUtc())) < 60);

        QVERIFY(ledger.markNotificationFailed(mails[0].id, QStringLiteral("Cannot connect"), &error));
        QVERIFY(ledger.markNotificationFailed(mails[0].id, QStringLiteral("timeout"), &error));
        auto first = ledger.notification(mails[0].id);
        QCOMPARE(first->attempts, 2);
        QCOMPARE(first->lastError, QStringLiteral("timeout"));
        QCOMPARE(ledger.pendingNotificationCount(), 2);

        QVERIFY2(ledger.markNotificationSent(mails[0].id, &error), qPrintable(error));
        first = ledger.notification(mails[0].id);
        QVERIFY(first->isSent());
        QCOMPARE(first->attempts, 3);
        QVERIFY(first->lastError.isEmpty());
        QCOMPARE(ledger.pendingNotificationCount(), 1);
        QCOMPARE(ledger.pendingNotifications().constFirst().id, mails[1].id);

        // A sent mail cannot be sent, failed or discarded again; an unknown id is refused.
        QVERIFY(!ledger.markNotificationSent(mails[0].id, &error));
        QVERIFY2(error.contains(QLatin1StringView("already sent")), qPrintable(error));
        QVERIFY(!ledger.markNotificationFailed(mails[0].id, QStringLiteral("x"), &error));
        QVERIFY(!ledger.discardNotification(mails[0].id, &error));
        QVERIFY(!ledger.markNotificationSent(9999, &error));
        QVERIFY2(error.contains(QLatin1StringView("no such mail")), qPrintable(error));

        QVERIFY(ledger.discardNotification(mails[1].id, &error));
        QCOMPARE(ledger.pendingNotificationCount(), 0);
        QVERIFY(!ledger.notification(mails[1].id).has_value());
        QVERIFY(ledger.notification(mails[0].id).has_value());

        // Survives a reopen; push records and the audit log are untouched.
        ledger.close();
        QVERIFY(ledger.open(dir.path()));
        QVERIFY(ledger.notification(mails[0].id)->isSent());
        QCOMPARE(ledger.pushRecord(makeHire(1).applicationId, kBob)->state, recordBefore->state);
        QCOMPARE(int(ledger.audit().size()), auditBefore);
    }

    void notifications_badInput_queuesNothing()
    {
        QTemporaryDir dir;
        Ledger ledger;
        QVERIFY(ledger.open(dir.path()));
        QList<QueuedNotification> mails(2);
        mails[0].recipient = QStringLiteral("ada@example.com");
        mails[1].recipient = QStringLiteral("  ");
        QString error;
        QVERIFY(!ledger.enqueueNotifications(mails, &error));
        QVERIFY2(error.contains(QLatin1StringView("no recipient")), qPrintable(error));
        QCOMPARE(ledger.pendingNotificationCount(), 0);
        QCOMPARE(ledger.enqueueNotification(QString(), QStringLiteral("s"), {}, {}), 0);

        ledger.close();
        QCOMPARE(ledger.enqueueNotification(QStringLiteral("ada@example.com"), QStringLiteral("s"), {}, {}, &error), 0);
        QVERIFY2(error.contains(QLatin1StringView("not open")), qPrintable(error));
        QVERIFY(ledger.pendingNotifications().isEmpty());
        QCOMPARE(ledger.pendingNotificationCount(), 0);
    }

    // --- schema v4: documents and manager matches ----------------------------------------------------------------

    void setDocument_insertThenUpdate_keepsOneRowPerKindAndAudits()
    {
        QTemporaryDir dir;
        Ledger ledger;
        QVERIFY(ledger.open(dir.path()));
        const QString id = makeHire(1).applicationId;
        DocumentRecord doc;
        doc.applicationId = id;
        doc.target = kPersonio;
        doc.kind = QStringLiteral("resume");
        doc.name = QStringLiteral("CV Zoë.pdf");
        QString error;
        QVERIFY2(ledger.setDocument(doc, nullptr, &error), qPrintable(error));
        doc.state = QStringLiteral("uploaded");
        doc.remoteId = QStringLiteral("5531");
        doc.bytes = 1234;
        doc.attempts = 1;
        AuditEntry audit;
        audit.target = kPersonio;
        audit.applicationId = id;
        audit.action = QStringLiteral("upload");
        audit.httpStatus = 201;
        QVERIFY2(ledger.setDocument(doc, &audit, &error), qPrintable(error));
        DocumentRecord other = doc;
        other.kind = QStringLiteral("offerLetter");
        other.state = QStringLiteral("failed");
        other.reason = QStringLiteral("too large");
        QVERIFY2(ledger.setDocument(other, nullptr, &error), qPrintable(error));

        const auto all = ledger.documents(id);
        QCOMPARE(all.size(), 2);
        QCOMPARE(all.at(0).kind, QStringLiteral("offerLetter"));
        QCOMPARE(all.at(0).reason, QStringLiteral("too large"));
        QCOMPARE(all.at(1).state, QStringLiteral("uploaded"));
        QCOMPARE(all.at(1).remoteId, QStringLiteral("5531"));
        QCOMPARE(all.at(1).bytes, 1234);
        QCOMPARE(all.at(1).name, QStringLiteral("CV Zoë.pdf"));
        QVERIFY(ledger.documents(id, kBob).isEmpty());
        QCOMPARE(ledger.audit(id).size(), 1);

        doc.state = QStringLiteral("lost");
        QVERIFY(!ledger.setDocument(doc, nullptr, &error)); // the CHECK constraint refuses unknown states
        DocumentRecord empty;
        QVERIFY(!ledger.setDocument(empty, nullptr, &error));
        QVERIFY2(error.contains(QLatin1StringView("needed")), qPrintable(error));
    }

    void managerMatch_confirmReplaceForget()
    {
        QTemporaryDir dir;
        Ledger ledger;
        QVERIFY(ledger.open(dir.path()));
        ManagerMatch m {kBob, QStringLiteral("ashby-user-1"), QStringLiteral("301"), QStringLiteral("Lena Fischer"),
            QStringLiteral("lena@example.org"), QDateTime()};
        QString error;
        QVERIFY2(ledger.confirmManagerMatch(m, &error), qPrintable(error));
        QCOMPARE(ledger.managerMatch(kBob, QStringLiteral("ashby-user-1"))->employeeId, QStringLiteral("301"));
        QVERIFY(ledger.managerMatch(kBob, QStringLiteral("ashby-user-1"))->confirmedAt.isValid());
        QVERIFY(!ledger.managerMatch(kPersonio, QStringLiteral("ashby-user-1")).has_value());
        m.employeeId = QStringLiteral("302");
        QVERIFY(ledger.confirmManagerMatch(m, &error));
        QCOMPARE(ledger.managerMatches().size(), 1);
        QCOMPARE(ledger.managerMatch(kBob, QStringLiteral("ashby-user-1"))->employeeId, QStringLiteral("302"));
        QVERIFY(ledger.forgetManagerMatch(kBob, QStringLiteral("ashby-user-1"), &error));
        QVERIFY(ledger.managerMatches().isEmpty());
        QCOMPARE(ledger.audit().size(), 3); // two confirmations and one forget, each audited
        m.employeeId.clear();
        QVERIFY(!ledger.confirmManagerMatch(m, &error));
    }

    // --- push state names --------------------------------------------------------------------------------------

    void pushStateName_everyState_roundTrips()
    {
        const QList<std::pair<PushState, QString>> expected {{PushState::Ready, QStringLiteral("ready")},
            {PushState::Sending, QStringLiteral("sending")}, {PushState::Pushed, QStringLiteral("pushed")},
            {PushState::Failed, QStringLiteral("failed")}, {PushState::Exists, QStringLiteral("exists")},
            {PushState::Skipped, QStringLiteral("skipped")}};
        for (const auto& [state, name] : expected) {
            QCOMPARE(pushStateName(state), name);
            QCOMPARE(pushStateFromName(name), std::optional<PushState>(state));
        }
        QVERIFY(!pushStateFromName(QStringLiteral("done")).has_value());
        QVERIFY(!pushStateFromName(QString()).has_value());
    }
};

QTEST_GUILESS_MAIN(TestLedger)
#include "test_ledger.moc"
