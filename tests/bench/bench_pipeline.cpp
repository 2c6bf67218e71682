// Prints, as one JSON line, the figures of design §10 for a sync + push of N hires against the sandbox with fixed
// latency: HTTP requests used / the minimum the APIs allow, wall time / (requests × latency ÷ parallel requests), the
// longest main-thread stall, the dashboard filter time per keystroke over 100,000 cached hires, the time from opening
// the ledger to a painted window with those hires, and peak memory. A measuring program, not a test: it fails only
// when something does not work, never on a figure.
#include "SandboxProcess.h"
#include "ashby/AshbyClient.h"
#include "hris/bob/BobClient.h"
#include "http/HttpClient.h"
#include "ledger/Ledger.h"
#include "main/MainWindow.h"
#include "models/HiresFilterProxyModel.h"
#include "models/HiresModel.h"
#include "push/PushRun.h"
#include "sync/HireSync.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QSet>
#include <QTextStream>
#include <QTimer>

#include <sys/resource.h>

namespace {

QString s(const char* text)
{
    return QString::fromLatin1(text);
}

// Measures the longest gap between timer ticks on the main thread while work runs.
class StallProbe : public QObject
{
public:
    StallProbe()
    {
        m_timer.setInterval(2);
        QObject::connect(&m_timer, &QTimer::timeout, this, [this]() {
            const qint64 now = m_clock.nsecsElapsed();
            if (m_last > 0) {
                m_worst = qMax(m_worst, now - m_last);
            }
            m_last = now;
        });
    }
    void start()
    {
        m_clock.start();
        m_last = 0;
        m_timer.start();
    }
    void stop() { m_timer.stop(); }
    double worstMs() const { return double(m_worst) / 1e6; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_worst = 0;
};

template <typename Signal, typename Sender> bool waitFor(Sender* sender, Signal signal, int timeoutMs)
{
    QEventLoop loop;
    bool done = false;
    QObject::connect(sender, signal, &loop, [&]() {
        done = true;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    return done;
}

Hire generatedHire(int i)
{
    static const QStringList first {s("Anna"), s("Jonas"), s("Maya"), s("Lars"), s("Noor"), s("Kofi"), s("Yuki")};
    static const QStringList last {s("Berg"), s("Silva"), s("Okafor"), s("Haddad"), s("Rossi"), s("Novak")};
    Hire h;
    h.applicationId = QStringLiteral("bench-%1").arg(i, 6, 10, QLatin1Char('0'));
    h.candidateId = QStringLiteral("cand-%1").arg(i);
    h.firstName = first.at(i % first.size());
    h.lastName = last.at((i / 7) % last.size());
    h.name = h.firstName + QLatin1Char(' ') + h.lastName;
    h.email = QStringLiteral("%1.%2.%3@example.org").arg(h.firstName.toLower(), h.lastName.toLower()).arg(i);
    h.jobTitle = QStringList {s("Data Engineer"), s("Account Executive"), s("People Partner")}.at(i % 3);
    h.department = QStringList {s("Data"), s("Sales"), s("People")}.at(i % 3);
    h.startDate = QDate(2026, 1, 5).addDays(i % 300).toString(Qt::ISODate);
    h.hiringManager = PersonRef {s("u"), s("Ingrid"), s("Berg"), s("ingrid@example.org")};
    return h;
}

} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    const bool quick = app.arguments().contains(s("--quick"));
    const int hires = quick ? 200 : 1000;
    const int cached = quick ? 20000 : 100000;
    const int latencyMs = 20;
    QTextStream err(stderr);

    SandboxProcess sandbox;
    QString error;
    if (!sandbox.start({s("--hires"), QString::number(hires), s("--latency-ms"), QString::number(latencyMs),
                           s("--page-size"), s("100")},
            &error)) {
        err << "bench_pipeline: " << error << '\n';
        return 1;
    }
    QTemporaryDir dir;
    Ledger ledger;
    if (!ledger.open(dir.path(), &error)) {
        err << "bench_pipeline: " << error << '\n';
        return 1;
    }
    QNetworkAccessManager nam;
    HttpClient http(&nam);
    AshbyClient ashby(&http, QUrl(sandbox.value("ashby")), sandbox.value("ashbyApiKey"));
    BobConfig bobConfig;
    bobConfig.apiUrl = QUrl(sandbox.value("bob"));
    bobConfig.hireUrl = QUrl(sandbox.value("bobHireUrl"));
    bobConfig.serviceUserId = sandbox.value("bobServiceUserId");
    bobConfig.token = sandbox.value("bobToken");
    BobClient bob(&http, bobConfig);
    StallProbe stall;

    // --- sync + push -----------------------------------------------------------------------------------------
    sandbox.post(s("/reset-log"));
    QElapsedTimer wall;
    wall.start();
    stall.start();
    HireSync sync(&ashby, &ledger, HireSync::Options {false, {s("bob")}});
    HireSync::Result syncResult;
    QObject::connect(&sync, &HireSync::finished, [&](const HireSync::Result& r) { syncResult = r; });
    sync.start();
    if (!waitFor(&sync, &HireSync::finished, 600000) || syncResult.error.isError()) {
        err << "bench_pipeline: sync failed: " << syncResult.error.toString() << '\n';
        return 1;
    }
    PushRun::Options options;
    options.allReady = true;
    PushRun push(&ledger, &bob, options);
    PushRun::Result pushResult;
    QObject::connect(&push, &PushRun::finished, [&](const PushRun::Result& r) { pushResult = r; });
    push.start();
    if (!waitFor(&push, &PushRun::finished, 600000) || pushResult.error.isError()) {
        err << "bench_pipeline: push failed: " << pushResult.error.toString() << '\n';
        return 1;
    }
    stall.stop();
    const double wallMs = double(wall.nsecsElapsed()) / 1e6;
    const qint64 requests = http.requestCount();

    // The minimum the APIs allow for this data: pages of 100; customField.list once; each job, department,
    // location once; candidate.info and offer.list per hire (Ashby has no batch read); one people search; one
    // Hire URL post per hire that is sent.
    const auto log = sandbox.requests();
    QSet<QString> seen;
    qint64 minimum = 0;
    int pages = 0;
    for (const auto& v : log) {
        const auto o = v.toObject();
        const QString path = o.value(s("path")).toString();
        if (path == QLatin1String("/application.list")) {
            ++pages;
        }
    }
    const int hiredSeen = syncResult.hiresStored;
    QSet<QString> jobs;
    QSet<QString> departments;
    QSet<QString> locations;
    for (const auto& h : ledger.hires()) {
        jobs.insert(h.jobId);
        departments.insert(h.department);
        locations.insert(h.location);
    }
    int sent = 0;
    for (const auto& item : pushResult.items) {
        sent += item.sent ? 1 : 0;
    }
    const int minimumPages = (hiredSeen + 99) / 100;
    minimum = minimumPages + 1 + jobs.size() + departments.size() + locations.size() + 2LL * hiredSeen + 1 + sent;
    Q_UNUSED(seen);
    const int parallel = http.maxParallelPerHost();
    const double ideal = double(requests) * latencyMs / parallel;

    // --- dashboard filter over the cached hires -----------------------------------------------------------------
    QList<Hire> many;
    many.reserve(cached);
    for (int i = 0; i < cached; ++i) {
        many.append(generatedHire(i));
    }
    HiresModel model({s("bob")});
    model.setHires(many, {});
    HiresFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    const QString typed = s("anna berg");
    double worstKeystrokeMs = 0;
    double totalKeystrokeMs = 0;
    for (int i = 1; i <= typed.size(); ++i) {
        QElapsedTimer t;
        t.start();
        proxy.setFilterText(typed.left(i));
        const int rows = proxy.rowCount();
        Q_UNUSED(rows);
        const double ms = double(t.nsecsElapsed()) / 1e6;
        worstKeystrokeMs = qMax(worstKeystrokeMs, ms);
        totalKeystrokeMs += ms;
    }

    // --- cold start: open a ledger of cached hires and paint the window --------------------------------------------
    QTemporaryDir bigDir;
    {
        Ledger big;
        big.open(bigDir.path());
        big.upsertHires(many, {s("bob")});
    }
    many.clear();
    many.squeeze();
    QElapsedTimer cold;
    cold.start();
    Ledger big;
    big.open(bigDir.path());
    MainWindow window({s("bob")});
    window.setHires(big.hires(), big.pushRecords());
    window.resize(1280, 800);
    window.show();
    const QPixmap painted = window.grab();
    const double coldMs = double(cold.nsecsElapsed()) / 1e6;
    Q_UNUSED(painted);

    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    const double peakMb = double(usage.ru_maxrss) / 1024.0;

    QTextStream out(stdout);
    out << QStringLiteral("{\"benchmark\":\"pipeline\",\"hires\":%1,\"latencyMs\":%2,\"requests\":%3,"
                          "\"minimumRequests\":%4,\"requestRatio\":%5,\"wallMs\":%6,\"idealWallMs\":%7,"
                          "\"wallRatio\":%8,\"parallelPerHost\":%9,\"worstMainThreadStallMs\":%10,"
                          "\"cachedHires\":%11,\"filterWorstKeystrokeMs\":%12,\"filterMeanKeystrokeMs\":%13,"
                          "\"coldStartToPaintMs\":%14,\"peakMemoryMb\":%15}")
               .arg(hiredSeen)
               .arg(latencyMs)
               .arg(requests)
               .arg(minimum)
               .arg(double(requests) / double(qMax<qint64>(1, minimum)), 0, 'f', 3)
               .arg(wallMs, 0, 'f', 1)
               .arg(ideal, 0, 'f', 1)
               .arg(wallMs / ideal, 0, 'f', 3)
               .arg(parallel)
               .arg(stall.worstMs(), 0, 'f', 1)
               .arg(cached)
               .arg(worstKeystrokeMs, 0, 'f', 2)
               .arg(totalKeystrokeMs / typed.size(), 0, 'f', 2)
               .arg(coldMs, 0, 'f', 1)
               .arg(peakMb, 0, 'f', 1)
        << '\n';
    Q_UNUSED(pages);
    return 0;
}
