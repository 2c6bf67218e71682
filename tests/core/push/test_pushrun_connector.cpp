// PushRun against a scripted in-process connector (no HTTP): the rules for targets that create employees directly
// (Bob direct mode, BambooHR, Personio) — interrupted creates found again, a directory that cannot prove absence,
// per-hire lookups, the hiring manager the admin confirmed, and warnings from an accepted create.
#include "hris/HrisConnector.h"
#include "ledger/Ledger.h"
#include "push/PushBatch.h"
#include "push/PushRun.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

namespace {

QString s(const char* text)
{
    return QString::fromLatin1(text);
}

Hire makeHire(int i, const QString& email)
{
    Hire h;
    h.applicationId = QStringLiteral("app-%1").arg(i);
    h.candidateId = QStringLiteral("cand-%1").arg(i);
    h.name = QStringLiteral("Person %1").arg(i);
    h.firstName = s("Person");
    h.lastName = QString::number(i);
    h.email = email;
    h.startDate = s("2026-01-05");
    h.offerId = s("offer");
    h.hiringManager = PersonRef {s("ashby-user-7"), s("Lena"), s("Fischer"), s("lena.private@example.org")};
    return h;
}

// Answers every call on the next event-loop turn, like a network client would.
class ScriptedConnector : public HrisConnector
{
public:
    explicit ScriptedConnector(bool snapshots, const QString& target = s("scripted"))
        : m_snapshots(snapshots)
        , m_target(target)
    {
    }

    QString target() const override { return m_target; }
    QString displayName() const override { return s("Scripted HR"); }
    bool snapshotsDirectory() const override { return m_snapshots; }
    void fetchDirectory(DirectoryCallback done) override
    {
        ++directoryFetches;
        later([this, done]() { done(ApiError(), directory); });
    }
    void findByEmail(const QString& email, LookupCallback done) override
    {
        lookups << email;
        later([this, done, email]() { done(lookupError, directory.byEmail(email)); });
    }
    DocumentRules documentRules() const override
    {
        DocumentRules rules;
        rules.mode = DocumentRules::Mode::Upload;
        return rules;
    }
    QJsonObject buildPayload(const PayloadInput& in) const override
    {
        return QJsonObject {{s("email"), in.hire.email},
            {s("manager"), in.manager ? QJsonValue(in.manager->id) : QJsonValue(QJsonValue::Null)}};
    }
    void create(const QJsonObject& payload, const QString&, CreateCallback done) override
    {
        created << payload;
        later([this, done, payload]() {
            if (createError.isError()) {
                done(createError, CreateResult());
                return;
            }
            if (gatewayErrorsBeforeCreating > 0) {
                --gatewayErrorsBeforeCreating;
                done(gatewayError(), CreateResult()); // the gateway failed before the server saw it
                return;
            }
            // What a server does: the person now exists (and a lost answer hides that from us).
            DirectoryEntry e;
            e.id = QStringLiteral("emp-%1").arg(created.size());
            e.email = payload.value(s("email")).toString();
            directory.add(e);
            if (dropAnswers > 0) {
                --dropAnswers;
                done(ApiError::make(ApiError::Kind::Network, s("connection closed"), s("Scripted HR")), {});
                return;
            }
            if (gatewayErrorsAfterCreating > 0) {
                --gatewayErrorsAfterCreating;
                done(gatewayError(), {});
                return;
            }
            CreateResult r;
            r.remoteId = e.id;
            r.httpStatus = 201;
            r.warnings = createWarnings;
            done(ApiError(), r);
        });
    }
    void uploadDocument(const QString&, const DocumentUpload&, const QString&, UploadCallback done) override
    {
        later([done]() { done(ApiError(), s("doc")); });
    }
    void fetchCatalog(CatalogCallback done) override
    {
        later([done]() { done(ApiError(), TargetCatalog()); });
    }
    void check(CheckCallback done) override
    {
        later([done]() { done(ApiError(), s("ok")); });
    }

    Directory directory;
    QList<QJsonObject> created;
    QStringList lookups;
    ApiError createError;
    ApiError lookupError;
    QStringList createWarnings;
    int dropAnswers = 0;
    int gatewayErrorsAfterCreating = 0; // 502 after the person was created (what RequestJob reports for a create)
    int gatewayErrorsBeforeCreating = 0; // 502 and nobody was created
    int directoryFetches = 0;

    static ApiError gatewayError()
    {
        ApiError e = ApiError::make(ApiError::Kind::Server, s("Bad Gateway"), s("Scripted HR"), 502);
        e.retryable = true;
        e.ambiguous = true;
        return e;
    }

private:
    void later(std::function<void()> f) { QTimer::singleShot(0, this, f); }
    bool m_snapshots;
    QString m_target;
};

PushRun::Result runOnce(Ledger* ledger, HrisConnector* connector, const QStringList& ids, int patienceMs = 0)
{
    PushRun::Options options;
    options.applicationIds = ids;
    options.reconcilePatienceMs = patienceMs;
    PushRun run(ledger, connector, options);
    PushRun::Result result;
    bool finished = false;
    QObject::connect(&run, &PushRun::finished, [&](const PushRun::Result& r) {
        result = r;
        finished = true;
    });
    run.start();
    if (!QTest::qWaitFor([&finished]() { return finished; }, 5000)) {
        result.error = ApiError::make(ApiError::Kind::Timeout, s("the run did not finish"));
    }
    return result;
}

} // namespace

class TestPushRunConnector : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_ledger = std::make_unique<Ledger>();
        QVERIFY(m_ledger->open(m_dir.path()));
        QVERIFY(m_ledger->upsertHires(
            {makeHire(1, s("one@example.org")), makeHire(2, s("Two@Example.org"))}, {s("scripted")}));
    }
    void cleanup()
    {
        m_ledger.reset();
        QVERIFY(m_dir.remove());
        m_dir = QTemporaryDir();
    }

    void lostAnswer_nextRunFindsTheEmployee_pushedWithoutASecondCreate()
    {
        ScriptedConnector connector(true);
        connector.dropAnswers = 1;
        auto first = runOnce(m_ledger.get(), &connector, {s("app-1")});
        QCOMPARE(first.items.size(), 1);
        QCOMPARE(first.items.at(0).state, PushState::Failed);
        QVERIFY(m_ledger->pushRecord(s("app-1"), s("scripted"))->transient);
        QCOMPARE(connector.created.size(), 1);

        // The person was created although the answer was lost: the next run links it instead of creating again.
        auto second = runOnce(m_ledger.get(), &connector, {s("app-1")});
        QCOMPARE(second.items.at(0).state, PushState::Pushed);
        QCOMPARE(second.items.at(0).remoteId, s("emp-1"));
        QVERIFY(second.items.at(0).ok);
        QVERIFY2(second.items.at(0).reason.contains(s("interrupted")), qPrintable(second.items.at(0).reason));
        QCOMPARE(connector.created.size(), 1);
        QCOMPARE(m_ledger->pushRecord(s("app-1"), s("scripted"))->state, PushState::Pushed);
    }

    void gatewayErrorAfterCreate_lookedUpInTheSameRun_pushedWithoutASecondCreate()
    {
        ScriptedConnector connector(true);
        connector.gatewayErrorsAfterCreating = 1;
        auto r = runOnce(m_ledger.get(), &connector, {s("app-1")});
        QCOMPARE(connector.created.size(), 1); // no blind retry after the 502
        QCOMPARE(r.items.at(0).state, PushState::Pushed);
        QCOMPARE(r.items.at(0).remoteId, s("emp-1"));
        QVERIFY(r.items.at(0).ok);
        QVERIFY2(r.items.at(0).reason.contains(s("interrupted")), qPrintable(r.items.at(0).reason));
        QCOMPARE(connector.lookups, QStringList {s("one@example.org")});
        QCOMPARE(m_ledger->pushRecord(s("app-1"), s("scripted"))->remoteId, s("emp-1"));
    }

    void gatewayErrorBeforeCreate_notFoundWithinPatience_sentOnceMore()
    {
        ScriptedConnector connector(false);
        connector.gatewayErrorsBeforeCreating = 1;
        QElapsedTimer clock;
        clock.start();
        auto r = runOnce(m_ledger.get(), &connector, {s("app-1")}, 1500);
        // Looked up (1 + the manager), again after 1 s, then the create went once more: one employee.
        QVERIFY2(clock.elapsed() >= 1400, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(connector.created.size(), 2);
        QCOMPARE(connector.directory.entries().size(), 1);
        QCOMPARE(r.items.at(0).state, PushState::Pushed);
        QCOMPARE(connector.created.at(0), connector.created.at(1)); // the same bytes
        QVERIFY(connector.lookups.count(s("one@example.org")) >= 3);
    }

    void sameEmailTwiceInOneRun_createdOnce_secondIsExists()
    {
        QVERIFY(m_ledger->upsertHires({makeHire(3, s(" ONE@example.org "))}, {s("scripted")}));
        for (const bool snapshots : {true, false}) {
            ScriptedConnector connector(snapshots);
            auto r = runOnce(m_ledger.get(), &connector, {s("app-1"), s("app-3")});
            QCOMPARE(connector.created.size(), 1);
            QCOMPARE(r.items.size(), 2);
            QCOMPARE(m_ledger->pushRecord(s("app-1"), s("scripted"))->state, PushState::Pushed);
            QCOMPARE(m_ledger->pushRecord(s("app-3"), s("scripted"))->state, PushState::Exists);
            QCOMPARE(m_ledger->pushRecord(s("app-3"), s("scripted"))->remoteId, s("emp-1"));
            // Next round: fresh records.
            QVERIFY(m_ledger->setState(s("app-1"), s("scripted"), PushState::Pushed, PushState::Ready, {}));
            QVERIFY(m_ledger->setState(s("app-3"), s("scripted"), PushState::Exists, PushState::Ready, {}));
        }
    }

    void existingBeforeAnySend_isExistsNotPushed()
    {
        ScriptedConnector connector(true);
        DirectoryEntry e;
        e.id = s("old-9");
        e.email = s("two@example.org");
        connector.directory.add(e);
        auto r = runOnce(m_ledger.get(), &connector, {s("app-2")});
        QCOMPARE(r.items.at(0).state, PushState::Exists);
        QCOMPARE(r.items.at(0).remoteId, s("old-9"));
        QVERIFY(connector.created.isEmpty());
    }

    void incompleteDirectory_notFound_isNotCreated()
    {
        ScriptedConnector connector(true);
        connector.directory.markIncomplete(s("workEmail is hidden from this API user"));
        auto r = runOnce(m_ledger.get(), &connector, {s("app-1")});
        QCOMPARE(r.items.at(0).state, PushState::Failed);
        QVERIFY2(r.items.at(0).reason.contains(s("workEmail is hidden")), qPrintable(r.items.at(0).reason));
        QVERIFY(!m_ledger->pushRecord(s("app-1"), s("scripted"))->transient);
        QVERIFY(connector.created.isEmpty());
    }

    void perHireLookups_noSnapshot_oneLookupPerHireAndManager()
    {
        ScriptedConnector connector(false);
        DirectoryEntry manager;
        manager.id = s("mgr-1");
        manager.email = s("lena.private@example.org");
        connector.directory.add(manager);
        auto r = runOnce(m_ledger.get(), &connector, {s("app-1"), s("app-2")});
        QCOMPARE(connector.directoryFetches, 0);
        QCOMPARE(r.items.size(), 2);
        for (const auto& item : r.items) {
            QCOMPARE(item.state, PushState::Pushed);
        }
        // Two hires, one shared manager looked up once.
        QCOMPARE(connector.lookups.count(s("lena.private@example.org")), 1);
        QCOMPARE(connector.lookups.size(), 3);
        QCOMPARE(connector.created.at(0).value(s("manager")).toString(), s("mgr-1"));
    }

    void lookupFails_transient_nothingCreated()
    {
        ScriptedConnector connector(false);
        connector.lookupError = ApiError::make(ApiError::Kind::Server, s("HTTP 503"), s("Scripted HR"), 503);
        connector.lookupError.retryable = true;
        auto r = runOnce(m_ledger.get(), &connector, {s("app-1")});
        QCOMPARE(r.items.at(0).state, PushState::Failed);
        QVERIFY(m_ledger->pushRecord(s("app-1"), s("scripted"))->transient);
        QVERIFY(connector.created.isEmpty());
    }

    void confirmedManager_winsOverEmailAndName()
    {
        ScriptedConnector connector(true);
        QVERIFY(m_ledger->confirmManagerMatch(
            ManagerMatch {s("scripted"), s("ashby-user-7"), s("picked-3"), s("Lena F."), QString(), QDateTime()}));
        DirectoryEntry other;
        other.id = s("by-email");
        other.email = s("lena.private@example.org");
        connector.directory.add(other);
        auto r = runOnce(m_ledger.get(), &connector, {s("app-1")});
        QCOMPARE(r.items.at(0).state, PushState::Pushed);
        QCOMPARE(connector.created.at(0).value(s("manager")).toString(), s("picked-3"));
        QVERIFY2(r.items.at(0).manager.contains(s("confirmed")), qPrintable(r.items.at(0).manager));
    }

    void unmatchedManager_sentWithoutOne_andSaidSo()
    {
        ScriptedConnector connector(true);
        auto r = runOnce(m_ledger.get(), &connector, {s("app-1")});
        QCOMPARE(r.items.at(0).state, PushState::Pushed);
        QVERIFY(connector.created.at(0).value(s("manager")).isNull());
        QVERIFY(r.items.at(0).warnings.join(s(" ")).contains(s("was not matched")));
    }

    void acceptedWithWarnings_pushedAndTheDroppedFieldIsNamed()
    {
        ScriptedConnector connector(true);
        connector.createWarnings = {s("department: Department 'Platform' not found, value ignored")};
        auto r = runOnce(m_ledger.get(), &connector, {s("app-1")});
        QCOMPARE(r.items.at(0).state, PushState::Pushed);
        QVERIFY2(r.items.at(0).reason.contains(s("Platform")), qPrintable(r.items.at(0).reason));
        QVERIFY(m_ledger->pushRecord(s("app-1"), s("scripted"))->reason.contains(s("Platform")));
    }

    void batch_twoTargets_eachGetsItsTickedHires_mergedInPartOrder()
    {
        ScriptedConnector a(true, s("first"));
        ScriptedConnector b(false, s("second"));
        QList<PushBatch::Part> parts;
        PushBatch::Part pa;
        pa.connector = &a;
        pa.options.applicationIds = {s("app-1")};
        PushBatch::Part pb;
        pb.connector = &b;
        pb.options.applicationIds = {s("app-1"), s("app-2")};
        parts << pa << pb;
        PushBatch batch(m_ledger.get(), parts, nullptr);
        QCOMPARE(batch.targets(), (QStringList {s("first"), s("second")}));
        QSignalSpy finished(&batch, &PushBatch::finished);
        batch.start();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 5000);
        const auto result = finished.at(0).at(0).value<PushRun::Result>();
        QCOMPARE(result.items.size(), 3);
        QCOMPARE(result.items.at(0).target, s("first"));
        QCOMPARE(result.items.at(1).target, s("second"));
        QCOMPARE(a.created.size(), 1);
        QCOMPARE(b.created.size(), 2);
        QVERIFY(result.ok());
        QCOMPARE(m_ledger->pushRecord(s("app-2"), s("first")).has_value(), false); // not ticked for "first"
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Ledger> m_ledger;
};

QTEST_GUILESS_MAIN(TestPushRunConnector)
#include "test_pushrun_connector.moc"
