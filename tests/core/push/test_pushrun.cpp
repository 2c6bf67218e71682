// PushRun against a scripted in-process Bob: exactly-once rules of design §5.
#include "hris/bob/BobClient.h"
#include "hris/bob/BobHireEvent.h"
#include "http/HttpClient.h"
#include "ledger/Ledger.h"
#include "push/OwnerLiveness.h"
#include "push/PushRun.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

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
    h.jobTitle = s("Engineer");
    h.offerId = s("offer");
    h.hiringManager = PersonRef {s("u1"), s("Ingrid"), s("Berg"), s("INGRID@acme.example")};
    return h;
}

} // namespace

class FakeBob
{
public:
    FakeBob()
    {
        m_server.route(s("/v1/people/search"), [this](const QHttpServerRequest& request) {
            ++searches;
            if (request.value("Authorization") != expectedAuth()) {
                return QHttpServerResponse(QHttpServerResponder::StatusCode::Unauthorized);
            }
            return QHttpServerResponse(QJsonObject {{s("employees"),
                QJsonArray {QJsonObject {{s("id"), s("100")}, {s("email"), s("Existing@Example.org")},
                                {s("displayName"), s("Exi Sting")}},
                    QJsonObject {{s("id"), s("200")}, {s("email"), s("ingrid@acme.example")},
                        {s("firstName"), s("Ingrid")}, {s("surname"), s("Berg-Lund")}}}}});
        });
        m_server.route(s("/hire/SU"), [this](const QHttpServerRequest& request) {
            if (request.value("Authorization") != expectedAuth()) {
                return QHttpServerResponse(QHttpServerResponder::StatusCode::Unauthorized);
            }
            arrivals.append(QJsonDocument::fromJson(request.body())
                                .object()
                                .value(s("source"))
                                .toObject()
                                .value(s("applicationId"))
                                .toString());
            if (failNext > 0) {
                --failNext;
                if (failAfterHandling) {
                    events.append(QJsonDocument::fromJson(request.body()).object()); // a gateway lost the answer
                }
                return QHttpServerResponse(QByteArrayLiteral("application/json"), QByteArrayLiteral("{}"),
                    QHttpServerResponder::StatusCode(failStatus));
            }
            events.append(QJsonDocument::fromJson(request.body()).object());
            return QHttpServerResponse(QJsonObject {{s("id"), QStringLiteral("evt-%1").arg(events.size())}});
        });
        m_port = m_server.listen(QHostAddress::LocalHost, 0);
    }

    BobConfig config() const
    {
        BobConfig c;
        c.apiUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port));
        c.hireUrl = QUrl(QStringLiteral("http://127.0.0.1:%1/hire/SU").arg(m_port));
        c.serviceUserId = s("SU");
        c.token = token;
        return c;
    }
    QByteArray expectedAuth() const { return "Basic " + QByteArrayLiteral("SU:secret-token").toBase64(); }

    QString token = s("secret-token");
    QList<QJsonObject> events;
    QStringList arrivals; // the application id of every Hire URL request, in the order they came
    int searches = 0;
    int failNext = 0;
    int failStatus = 500;
    bool failAfterHandling = false;

private:
    QHttpServer m_server;
    quint16 m_port = 0;
};

class TestPushRun : public QObject
{
    Q_OBJECT
private:
    PushRun::Result run(FakeBob& bob, PushRun::Options options, int retryDelayMs = 5)
    {
        QNetworkAccessManager nam;
        HttpClient http(&nam);
        RetryPolicy fast;
        fast.baseDelayMs = retryDelayMs;
        fast.maxDelayMs = retryDelayMs * 2;
        fast.maxAttempts = 2;
        fast.jitter = false;
        http.setRetryPolicy(fast);
        BobClient client(&http, bob.config());
        PushRun push(m_ledger.get(), &client, options);
        QSignalSpy spy(&push, &PushRun::finished);
        push.start();
        if (spy.isEmpty() && !spy.wait(20000)) {
            qFatal("push did not finish");
        }
        return spy.first().first().value<PushRun::Result>();
    }
    PushRun::Options allReady()
    {
        PushRun::Options o;
        o.allReady = true;
        return o;
    }
    PushState state(const char* id) const { return m_ledger->pushRecord(s(id), s("bob"))->state; }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_ledger = std::make_unique<Ledger>();
        QVERIFY(m_ledger->open(m_dir->path()));
        QVERIFY(m_ledger->upsertHires(
            {makeHire(1, s("one@example.org")), makeHire(2, s(" existing@example.ORG ")), makeHire(3, QString())},
            {s("bob")}));
    }

    void push_allReady_sendsOnceMarksExistingAndRejectsNoEmail()
    {
        FakeBob bob;
        const auto r = run(bob, allReady());
        QCOMPARE(bob.searches, 1);
        QCOMPARE(bob.events.size(), 1);
        QCOMPARE(state("app-1"), PushState::Pushed);
        QCOMPARE(m_ledger->pushRecord(s("app-1"), s("bob"))->remoteId, s("evt-1"));
        QCOMPARE(state("app-2"), PushState::Exists);
        QCOMPARE(m_ledger->pushRecord(s("app-2"), s("bob"))->remoteId, s("100"));
        QCOMPARE(state("app-3"), PushState::Failed);
        QCOMPARE(r.failedCount(), 1);
        // The event follows the documented schema, with the manager matched by e-mail despite the case.
        const auto event = bob.events.first();
        QCOMPARE(event.value(s("schema")).toString(), s("hirebridge.hire/v1"));
        QCOMPARE(event.value(s("fields")).toObject().value(s("work.startDate")).toString(), s("2026-01-05"));
        QCOMPARE(event.value(s("manager")).toObject().value(s("id")).toString(), s("200"));
        QCOMPARE(event.value(s("source")).toObject().value(s("applicationId")).toString(), s("app-1"));
        // The audit log has the send with the hash of the exact bytes.
        bool sawSend = false;
        for (const auto& a : m_ledger->audit(s("app-1"))) {
            sawSend |= a.action == QLatin1String("send") && a.httpStatus == 200 && a.payloadHash.size() == 64;
        }
        QVERIFY(sawSend);

        // Again: nothing is sent.
        const auto again = run(bob, allReady());
        QCOMPARE(bob.events.size(), 1);
        QCOMPARE(again.failedCount(), 0);
    }

    void push_hiresWaitingForARetry_doNotHoldBackTheOthers()
    {
        // Four hires (as many as the connections to one host) are answered 503 and wait a second for their retry.
        // Meanwhile the rest goes out: a waiting retry holds neither a connection nor a place in the run.
        FakeBob bob;
        QList<Hire> more;
        PushRun::Options o;
        for (int i = 11; i <= 20; ++i) {
            more.append(makeHire(i, QStringLiteral("person%1@example.org").arg(i)));
            o.applicationIds.append(more.constLast().applicationId);
        }
        QVERIFY(m_ledger->upsertHires(more, {s("bob")}));
        bob.failNext = 4;
        bob.failStatus = 503;
        const auto result = run(bob, o, 1000);
        QCOMPARE(result.failedCount(), 0);
        QCOMPARE(bob.events.size(), 10);
        QCOMPARE(bob.arrivals.size(), 14);
        // The four answered 503 free their connections at once; the next four hires take them while the first four
        // wait their second. (Which hires go after those depends on how fast each one finishes, so only these.)
        const QStringList refused = bob.arrivals.mid(0, 4);
        const QStringList next = bob.arrivals.mid(4, 4);
        for (const auto& id : next) {
            QVERIFY2(!refused.contains(id), qPrintable(bob.arrivals.join(s(", "))));
        }
        QCOMPARE(QSet<QString>(next.cbegin(), next.cend()).size(), 4);
    }

    void push_serverError_failsTransientAndAllReadyRetriesIt()
    {
        FakeBob bob;
        bob.failNext = 2; // both attempts of the first run
        bob.failStatus = 503; // "not handled": the one 5xx after which a create may simply go again
        PushRun::Options o;
        o.applicationIds = {s("app-1")};
        run(bob, o);
        QCOMPARE(state("app-1"), PushState::Failed);
        QVERIFY(m_ledger->pushRecord(s("app-1"), s("bob"))->transient);
        const QString firstAttempt = m_ledger->pushRecord(s("app-1"), s("bob"))->attemptId;
        QVERIFY(!firstAttempt.isEmpty());
        run(bob, allReady());
        QCOMPARE(state("app-1"), PushState::Pushed);
        QCOMPARE(bob.events.size(), 1);
        // A transient failure may have reached Bob: the repeat carries the same attempt id so Bob can recognise it.
        QCOMPARE(bob.events.first().value(s("source")).toObject().value(s("attemptId")).toString(), firstAttempt);
    }

    void push_gatewayErrorAfterHandling_endsUnknownAndIsNeverResentOnItsOwn()
    {
        FakeBob bob;
        bob.failNext = 1;
        bob.failStatus = 502;
        bob.failAfterHandling = true;
        PushRun::Options o;
        o.applicationIds = {s("app-1")};
        const auto first = run(bob, o);
        QCOMPARE(bob.events.size(), 1); // sent once: no blind retry after a 502
        QCOMPARE(state("app-1"), PushState::Unknown);
        QCOMPARE(first.failedCount(), 1); // the CLI exits 1
        const QString attemptId = m_ledger->pushRecord(s("app-1"), s("bob"))->attemptId;
        QVERIFY2(m_ledger->pushRecord(s("app-1"), s("bob"))->reason.contains(attemptId),
            qPrintable(m_ledger->pushRecord(s("app-1"), s("bob"))->reason));
        // Neither --all-ready nor naming it sends it again: the admin decides.
        run(bob, allReady());
        const auto named = run(bob, o);
        QCOMPARE(bob.events.size(), 1);
        QCOMPARE(state("app-1"), PushState::Unknown);
        QCOMPARE(named.failedCount(), 1);
        // "Send again": once more, with the attempt id the admin looked for.
        o.resend = true;
        const auto resent = run(bob, o);
        QCOMPARE(resent.failedCount(), 0);
        QCOMPARE(bob.events.size(), 2);
        QCOMPARE(bob.events.last().value(s("source")).toObject().value(s("attemptId")).toString(), attemptId);
        QCOMPARE(state("app-1"), PushState::Pushed);
    }

    void push_badRequest_permanentFailureRetriedOnlyWhenNamed()
    {
        FakeBob bob;
        bob.failNext = 1;
        bob.failStatus = 400;
        PushRun::Options o;
        o.applicationIds = {s("app-1")};
        run(bob, o);
        QCOMPARE(state("app-1"), PushState::Failed);
        QVERIFY(!m_ledger->pushRecord(s("app-1"), s("bob"))->transient);
        run(bob, allReady());
        QCOMPARE(bob.events.size(), 0);
        run(bob, o);
        QCOMPARE(bob.events.size(), 1);
        QCOMPARE(state("app-1"), PushState::Pushed);
    }

    void push_unauthorized_stopsAndLeavesRecordsReady()
    {
        FakeBob bob;
        bob.token = s("wrong");
        const auto r = run(bob, allReady());
        QCOMPARE(r.error.kind, ApiError::Kind::Unauthorized);
        QCOMPARE(state("app-1"), PushState::Ready);
        QCOMPARE(state("app-2"), PushState::Ready);
        QCOMPARE(bob.events.size(), 0);
    }

    void push_recordLeftSendingByDeadProcess_isReconciledWithSameAttemptId()
    {
        FakeBob bob;
        // Owners on another host are assumed alive, so the dead owner is on this host with a pid that cannot exist.
        const QString deadOwner = OwnerLiveness::newRunOwnerId().section(QLatin1Char('/'), 0, 0) + s("/999999999/1/x");
        QVERIFY(!OwnerLiveness::isAlive(deadOwner, QDateTime::currentDateTimeUtc()));
        QVERIFY(m_ledger->beginSending(s("app-1"), s("bob"), {PushState::Ready}, s("attempt-0"), deadOwner));
        // The Hire API cannot be asked whether the event arrived: `unknown`, for the admin to settle.
        run(bob, allReady());
        QCOMPARE(state("app-1"), PushState::Unknown);
        QCOMPARE(bob.events.size(), 0);
        PushRun::Options o;
        o.applicationIds = {s("app-1")};
        o.resend = true;
        run(bob, o);
        QCOMPARE(state("app-1"), PushState::Pushed);
        QCOMPARE(bob.events.size(), 1);
        QCOMPARE(bob.events.first().value(s("source")).toObject().value(s("attemptId")).toString(), s("attempt-0"));
    }

    void push_recordLeftSendingByAnEndedRunOfThisProcess_isReconciledWithoutRestart()
    {
        FakeBob bob;
        // A run of this very process that could not record its result (ledger locked, disk full) and ended: the
        // record must not wait for a restart of the app.
        PushRun::Options first = allReady();
        first.ownerId = OwnerLiveness::newRunOwnerId();
        run(bob, first);
        QVERIFY(!OwnerLiveness::isAlive(first.ownerId, QDateTime::currentDateTimeUtc()));
        QVERIFY(m_ledger->upsertHires({makeHire(4, s("four@example.org"))}, {s("bob")}));
        QVERIFY(m_ledger->ensurePushRecord(s("app-4"), s("bob")));
        QVERIFY(m_ledger->beginSending(s("app-4"), s("bob"), {PushState::Ready}, s("attempt-4"), first.ownerId));
        run(bob, allReady());
        QCOMPARE(state("app-4"), PushState::Unknown); // reconciled: Bob's Hire API cannot be asked, so unknown
    }

    void ownerLiveness_pidReuseHostRenameAndEndedRuns()
    {
        const QString host = OwnerLiveness::newRunOwnerId().section(QLatin1Char('/'), 0, 0);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        // pid 1 runs, but not since the start time the owner recorded: another process has that pid now.
        const qint64 initStart = OwnerLiveness::processStartTime(1);
        if (initStart > 0) {
            QVERIFY(OwnerLiveness::isAlive(QStringLiteral("%1/1/%2/u").arg(host).arg(initStart), now));
            QVERIFY(!OwnerLiveness::isAlive(QStringLiteral("%1/1/%2/u").arg(host).arg(initStart + 12345), now));
        }
        // Another host cannot be checked: alive while a run could last, then reconciled.
        QVERIFY(OwnerLiveness::isAlive(s("elsewhere/42/7/u"), now.addSecs(-60), now));
        QVERIFY(!OwnerLiveness::isAlive(s("elsewhere/42/7/u"), now.addSecs(-OwnerLiveness::kMaxRunSeconds - 1), now));
        // This process: alive while the run is registered.
        const QString mine = OwnerLiveness::newRunOwnerId();
        QVERIFY(!OwnerLiveness::isAlive(mine, now));
        OwnerLiveness::registerRun(mine);
        QVERIFY(OwnerLiveness::isAlive(mine, now));
        OwnerLiveness::releaseRun(mine);
        QVERIFY(!OwnerLiveness::isAlive(mine, now));
        QVERIFY(!OwnerLiveness::isAlive(s("garbage"), now));
    }

    void push_recordSendingByLiveProcess_isLeftAlone()
    {
        FakeBob bob;
        QVERIFY(m_ledger->beginSending(s("app-1"), s("bob"), {PushState::Ready}, s("attempt-0"),
            OwnerLiveness::newRunOwnerId().section(QLatin1Char('/'), 0, 0) + s("/1/x")));
        PushRun::Options o;
        o.applicationIds = {s("app-1")};
        const auto r = run(bob, o);
        QCOMPARE(bob.events.size(), 0);
        QCOMPARE(state("app-1"), PushState::Sending);
        QCOMPARE(r.failedCount(), 1);
    }

    void push_dryRun_changesNothing()
    {
        FakeBob bob;
        PushRun::Options o = allReady();
        o.dryRun = true;
        const auto r = run(bob, o);
        QCOMPARE(bob.events.size(), 0);
        QCOMPARE(state("app-1"), PushState::Ready);
        QCOMPARE(state("app-3"), PushState::Ready);
        bool sawPayload = false;
        for (const auto& item : r.items) {
            sawPayload |= item.wouldSend && item.payload.value(s("schema")).toString() == BobHireEvent::schema();
        }
        QVERIFY(sawPayload);
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Ledger> m_ledger;
};

QTEST_GUILESS_MAIN(TestPushRun)
#include "test_pushrun.moc"
