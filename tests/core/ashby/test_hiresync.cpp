// HireSync against a scripted in-process Ashby: pagination, sync tokens, fallbacks, caching, atomicity.
#include "ashby/AshbyClient.h"
#include "http/HttpClient.h"
#include "ledger/Ledger.h"
#include "sync/HireSync.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {

QString s(const char* text)
{
    return QString::fromLatin1(text);
}

QJsonObject application(int i, const QString& status = QStringLiteral("Hired"))
{
    return QJsonObject {
        {s("id"), QStringLiteral("app-%1").arg(i)},
        {s("status"), status},
        {s("updatedAt"), s("2025-04-30T08:45:02.019Z")},
        {s("candidate"),
            QJsonObject {{s("id"), QStringLiteral("cand-%1").arg(i)}, {s("name"), QStringLiteral("Person %1").arg(i)}}},
        {s("job"), QJsonObject {{s("id"), QStringLiteral("job-%1").arg(i % 2)}, {s("title"), s("Engineer")}}},
        {s("hiringTeam"), QJsonArray()},
    };
}

} // namespace

// A fake Ashby whose application.list pages and per-endpoint answers the test sets up.
class FakeAshby
{
public:
    FakeAshby()
    {
        auto route = [this](const char* name) {
            const QString endpoint = QString::fromLatin1(name);
            m_server.route(QStringLiteral("/") + endpoint, [this, endpoint](const QHttpServerRequest& request) {
                const auto body = QJsonDocument::fromJson(request.body()).object();
                m_calls.append({endpoint, body});
                return answer(endpoint, body);
            });
        };
        for (const auto* name : {"application.list", "candidate.info", "offer.list", "job.info", "customField.list",
                 "department.info", "location.info", "user.info"}) {
            route(name);
        }
        m_port = m_server.listen(QHostAddress::LocalHost, 0);
    }

    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port)); }

    QList<QJsonObject> apps; // all applications "in Ashby"
    int pageSize = 2;
    QString token = s("tok-1");
    QSet<QString> refusedTokens;
    QString failPageCursor; // answer success:false for this cursor
    bool repeatCursor = false; // every page names the same next cursor (a server bug that would page forever)
    bool repeatDefinitionCursor = false;
    QList<QPair<QString, QJsonObject>> m_calls;

    int count(const QString& endpoint) const
    {
        int n = 0;
        for (const auto& c : m_calls) {
            n += c.first == endpoint;
        }
        return n;
    }

private:
    static QHttpServerResponse ok(const QJsonObject& envelope) { return QHttpServerResponse(envelope); }
    static QHttpServerResponse fail(const QString& code)
    {
        return QHttpServerResponse(QJsonObject {{s("success"), false}, {s("errors"), QJsonArray {code}},
            {s("errorInfo"), QJsonObject {{s("code"), code}, {s("message"), code}}}});
    }

    QHttpServerResponse answer(const QString& endpoint, const QJsonObject& body)
    {
        if (endpoint == QLatin1String("application.list")) {
            const QString sync = body.value(s("syncToken")).toString();
            if (!sync.isEmpty() && refusedTokens.contains(sync)) {
                return fail(s("sync_token_expired"));
            }
            const QString cursor = body.value(s("cursor")).toString();
            if (!failPageCursor.isEmpty() && cursor == failPageCursor) {
                return fail(s("generic_internal_error"));
            }
            QList<QJsonObject> selected;
            for (const auto& a : std::as_const(apps)) {
                if (body.contains(s("status"))
                    && a.value(s("status")).toString() != body.value(s("status")).toString()) {
                    continue;
                }
                if (!sync.isEmpty() && a.value(s("changedAfter")).toString() != sync) {
                    continue;
                }
                selected.append(a);
            }
            const int start = cursor.isEmpty() ? 0 : cursor.mid(1).toInt();
            QJsonArray page;
            for (int i = start; i < qMin(start + pageSize, int(selected.size())); ++i) {
                page.append(selected.at(i));
            }
            const bool more = start + pageSize < selected.size();
            QJsonObject envelope {{s("success"), true}, {s("results"), page}, {s("moreDataAvailable"), more}};
            if (more || repeatCursor) {
                envelope.insert(s("moreDataAvailable"), true);
                envelope.insert(
                    s("nextCursor"), repeatCursor ? s("c-same") : QStringLiteral("c%1").arg(start + pageSize));
            } else {
                envelope.insert(s("syncToken"), token);
            }
            return ok(envelope);
        }
        if (endpoint == QLatin1String("candidate.info")) {
            const QString id = body.value(s("id")).toString();
            return ok(QJsonObject {{s("success"), true},
                {s("results"),
                    QJsonObject {{s("id"), id}, {s("name"), QStringLiteral("Person %1").arg(id.mid(5))},
                        {s("primaryEmailAddress"), QJsonObject {{s("value"), id + s("@example.org")}}}}}});
        }
        if (endpoint == QLatin1String("offer.list")) {
            return ok(QJsonObject {{s("success"), true}, {s("moreDataAvailable"), false},
                {s("results"),
                    QJsonArray {QJsonObject {{s("id"), s("offer-") + body.value(s("applicationId")).toString()},
                        {s("acceptanceStatus"), s("Accepted")},
                        {s("latestVersion"),
                            QJsonObject {{s("id"), s("v1")}, {s("startDate"), s("2026-01-05T00:00:00.000Z")}}}}}}});
        }
        if (endpoint == QLatin1String("job.info")) {
            return ok(QJsonObject {{s("success"), true},
                {s("results"),
                    QJsonObject {{s("id"), body.value(s("id"))}, {s("title"), s("Engineer")},
                        {s("departmentId"), s("dep-1")}, {s("locationId"), s("loc-1")}}}});
        }
        if (endpoint == QLatin1String("department.info") || endpoint == QLatin1String("location.info")) {
            return ok(QJsonObject {
                {s("success"), true}, {s("results"), QJsonObject {{s("id"), s("x")}, {s("name"), s("Berlin")}}}});
        }
        if (endpoint == QLatin1String("customField.list")) {
            if (repeatDefinitionCursor) {
                return ok(QJsonObject {{s("success"), true}, {s("results"), QJsonArray()},
                    {s("moreDataAvailable"), true}, {s("nextCursor"), s("d-same")}});
            }
            return ok(
                QJsonObject {{s("success"), true}, {s("results"), QJsonArray()}, {s("moreDataAvailable"), false}});
        }
        return fail(s("not_found"));
    }

    QHttpServer m_server;
    quint16 m_port = 0;
};

class TestHireSync : public QObject
{
    Q_OBJECT
private:
    HireSync::Result runSync(FakeAshby& fake, Ledger& ledger, bool full = false)
    {
        QNetworkAccessManager nam;
        HttpClient http(&nam);
        RetryPolicy fast;
        fast.baseDelayMs = 5;
        fast.maxDelayMs = 10;
        http.setRetryPolicy(fast);
        AshbyClient ashby(&http, fake.url(), s("key"));
        HireSync sync(&ashby, &ledger, HireSync::Options {full, {s("bob")}});
        QSignalSpy spy(&sync, &HireSync::finished);
        sync.start();
        if (spy.isEmpty() && !spy.wait(20000)) {
            qFatal("sync did not finish");
        }
        return spy.first().first().value<HireSync::Result>();
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_ledger = std::make_unique<Ledger>();
        QVERIFY(m_ledger->open(m_dir->path()));
    }

    void fullSync_threePages_storesEveryHiredApplicationAndToken()
    {
        FakeAshby fake;
        for (int i = 0; i < 5; ++i) {
            fake.apps.append(application(i));
        }
        fake.apps.append(application(99, s("Active")));
        const auto r = runSync(fake, *m_ledger);
        QVERIFY2(r.ok(), qPrintable(r.error.toString()));
        QCOMPARE(r.pages, 3);
        QCOMPARE(r.hiresStored, 5);
        QCOMPARE(m_ledger->hireCount(), 5);
        QCOMPARE(m_ledger->syncToken(HireSync::syncStream()), s("tok-1"));
        // Jobs are looked up once each, not once per hire.
        QCOMPARE(fake.count(s("job.info")), 2);
        QCOMPARE(fake.count(s("candidate.info")), 5);
        QCOMPARE(m_ledger->hire(s("app-0"))->startDate, s("2026-01-05"));
        QCOMPARE(m_ledger->pushRecord(s("app-0"), s("bob"))->state, PushState::Ready);
        // The first pass asks for hired applications and pages with the cursor it was given.
        const auto first = fake.m_calls.first().second;
        QCOMPARE(first.value(s("status")).toString(), s("Hired"));
        QCOMPARE(first.value(s("limit")).toInt(), 100);
    }

    void incrementalSync_savedToken_sendsTokenAndFiltersHiredLocally()
    {
        FakeAshby fake;
        fake.apps.append(application(1));
        QVERIFY(runSync(fake, *m_ledger).ok());
        fake.m_calls.clear();
        auto changed = application(2);
        changed.insert(s("changedAfter"), s("tok-1"));
        auto unhired = application(3, s("Archived"));
        unhired.insert(s("changedAfter"), s("tok-1"));
        fake.apps << changed << unhired;
        fake.token = s("tok-2");
        const auto r = runSync(fake, *m_ledger);
        QVERIFY2(r.ok(), qPrintable(r.error.toString()));
        QVERIFY(r.incremental);
        QCOMPARE(r.hiresStored, 1);
        QCOMPARE(fake.m_calls.first().second.value(s("syncToken")).toString(), s("tok-1"));
        QVERIFY(!fake.m_calls.first().second.contains(s("status")));
        QCOMPARE(m_ledger->hireCount(), 2);
        QCOMPARE(m_ledger->syncToken(HireSync::syncStream()), s("tok-2"));
    }

    void incrementalSync_tokenExpired_fallsBackToFullSync()
    {
        FakeAshby fake;
        fake.apps.append(application(1));
        QVERIFY(runSync(fake, *m_ledger).ok());
        fake.refusedTokens.insert(s("tok-1"));
        fake.token = s("tok-3");
        const auto r = runSync(fake, *m_ledger);
        QVERIFY2(r.ok(), qPrintable(r.error.toString()));
        QVERIFY(r.fellBackToFull);
        QCOMPARE(r.hiresStored, 1);
        QCOMPARE(m_ledger->syncToken(HireSync::syncStream()), s("tok-3"));
    }

    void fullSync_pageFails_nothingStoredAndTokenKept()
    {
        FakeAshby fake;
        for (int i = 0; i < 5; ++i) {
            fake.apps.append(application(i));
        }
        fake.failPageCursor = s("c2");
        const auto r = runSync(fake, *m_ledger);
        QVERIFY(r.error.isError());
        QCOMPARE(r.error.code, s("generic_internal_error"));
        QVERIFY(r.error.toString().contains(s("page 2")));
        QCOMPARE(m_ledger->hireCount(), 0);
        QVERIFY(m_ledger->syncToken(HireSync::syncStream()).isEmpty());
    }

    void fullSync_repeatedCursor_endsWithClearErrorInsteadOfLooping()
    {
        FakeAshby fake;
        for (int i = 0; i < 5; ++i) {
            fake.apps.append(application(i));
        }
        fake.repeatCursor = true;
        const auto r = runSync(fake, *m_ledger);
        QVERIFY(r.error.isError());
        QVERIFY2(r.error.toString().contains(s("cursor of an earlier page")), qPrintable(r.error.toString()));
        QVERIFY(fake.count(s("application.list")) <= 3);
        QCOMPARE(m_ledger->hireCount(), 0);
    }

    void fullSync_repeatedCustomFieldCursor_endsWithClearError()
    {
        FakeAshby fake;
        fake.apps.append(application(0));
        fake.repeatDefinitionCursor = true;
        const auto r = runSync(fake, *m_ledger);
        QVERIFY(r.error.isError());
        QVERIFY2(r.error.toString().contains(s("customField.list")), qPrintable(r.error.toString()));
        QVERIFY(fake.count(s("customField.list")) <= 3);
    }

    void cancel_whileStoring_storesAllOrNothing()
    {
        FakeAshby fake;
        fake.pageSize = 100;
        for (int i = 0; i < 200; ++i) {
            fake.apps.append(application(i));
        }
        QNetworkAccessManager nam;
        HttpClient http(&nam);
        AshbyClient ashby(&http, fake.url(), s("key"));
        HireSync sync(&ashby, m_ledger.get(), HireSync::Options {false, {s("bob")}});
        bool cancelled = false;
        // The admin presses Cancel as the hires are being stored (in the background by then).
        connect(&sync, &HireSync::progress, &sync, [&](int, int, const QString& message) {
            if (!cancelled && message.startsWith(s("Storing"))) {
                cancelled = true;
                sync.cancel();
            }
        });
        QSignalSpy spy(&sync, &HireSync::finished);
        sync.start();
        QVERIFY(spy.wait(20000));
        QVERIFY(cancelled);
        QCOMPARE(spy.count(), 1);
        const auto r = spy.first().first().value<HireSync::Result>();
        qInfo("the cancel came %s", r.error.isError() ? "in time" : "too late");
        if (r.error.isError()) {
            // In time: nothing changed.
            QVERIFY(r.error.kind == ApiError::Kind::Cancelled);
            QCOMPARE(m_ledger->hireCount(), 0);
            QVERIFY(m_ledger->syncToken(HireSync::syncStream()).isEmpty());
        } else {
            // Too late: the transaction had begun, so the sync is complete.
            QCOMPARE(r.hiresStored, 200);
            QCOMPARE(m_ledger->hireCount(), 200);
            QCOMPARE(m_ledger->syncToken(HireSync::syncStream()), s("tok-1"));
        }
        QTest::qWait(50);
        QCOMPARE(spy.count(), 1); // exactly one finished
    }

    void storing_throughItsOwnConnection_callerSeesTheHires()
    {
        FakeAshby fake;
        fake.pageSize = 100;
        for (int i = 0; i < 300; ++i) {
            fake.apps.append(application(i));
        }
        QNetworkAccessManager nam;
        HttpClient http(&nam);
        AshbyClient ashby(&http, fake.url(), s("key"));
        HireSync sync(&ashby, m_ledger.get(), HireSync::Options {false, {s("bob")}});
        QSignalSpy spy(&sync, &HireSync::finished);
        bool storing = false;
        connect(&sync, &HireSync::progress, &sync,
            [&](int, int, const QString& message) { storing = storing || message.startsWith(s("Storing")); });
        sync.start();
        QVERIFY(spy.wait(20000));
        QVERIFY(storing);
        const auto r = spy.first().first().value<HireSync::Result>();
        QVERIFY2(r.ok(), qPrintable(r.error.toString()));
        QCOMPARE(r.hiresStored, 300);
        QCOMPARE(r.storedIds.size(), 300);
        // Written through the worker's own connection, read through the caller's.
        QCOMPARE(m_ledger->hireCount(), 300);
        QCOMPARE(m_ledger->pushRecords(s("bob")).size(), 300);
        QVERIFY(m_ledger->catalog(HireSync::sourceCatalogKey()).has_value());
    }

    void noLedger_assemblesWithoutStoring()
    {
        FakeAshby fake;
        fake.apps.append(application(1));
        QNetworkAccessManager nam;
        HttpClient http(&nam);
        AshbyClient ashby(&http, fake.url(), s("key"));
        HireSync sync(&ashby, nullptr, HireSync::Options {false, {s("bob")}});
        QSignalSpy spy(&sync, &HireSync::finished);
        sync.start();
        QVERIFY(spy.wait(20000));
        const auto r = spy.first().first().value<HireSync::Result>();
        QVERIFY2(r.ok(), qPrintable(r.error.toString()));
        QCOMPARE(r.hiresStored, 1);
    }

    void closedLedger_reportsTheLedgerError()
    {
        FakeAshby fake;
        fake.apps.append(application(1));
        m_ledger->close();
        const auto r = runSync(fake, *m_ledger);
        QVERIFY(r.error.isError());
        QVERIFY2(r.error.toString().contains(s("not open")), qPrintable(r.error.toString()));
    }

    void fullFlag_ignoresSavedToken()
    {
        FakeAshby fake;
        fake.apps.append(application(1));
        QVERIFY(runSync(fake, *m_ledger).ok());
        fake.m_calls.clear();
        const auto r = runSync(fake, *m_ledger, true);
        QVERIFY(r.ok());
        QVERIFY(!r.incremental);
        QVERIFY(!fake.m_calls.first().second.contains(s("syncToken")));
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Ledger> m_ledger;
};

QTEST_GUILESS_MAIN(TestHireSync)
#include "test_hiresync.moc"
