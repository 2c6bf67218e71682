// Prints, as one JSON line, the figures of design §10 for a sync + push of N hires against the sandbox with fixed
// latency: HTTP requests used / the minimum the APIs allow, wall time / (requests × latency ÷ parallel requests), the
// longest main-thread stall (and how it splits between the sync, the push and the PushRun::start() call itself), the
// dashboard filter time per keystroke over 100,000 cached hires, the time from opening the ledger to a painted window
// with those hires, and memory. A measuring program, not a test: it fails only when something does not work, never
// on a figure.
//
// The cold start runs in a fresh process (this program with --cold-start DIR), as the app starts: its time and memory
// are then the start-up's own, not mixed with what the sync, the push and building the fixtures left in this one.
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
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSet>
#include <QTableView>
#include <QTextStream>
#include <QTimer>

#include <sys/resource.h>

namespace {

QString s(const char* text)
{
    return QString::fromLatin1(text);
}

// Measures the longest gap between timer ticks on the main thread while work runs, overall and per phase.
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
                m_phaseWorst = qMax(m_phaseWorst, now - m_last);
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
    // The worst gap since the previous call. A gap that spans the call counts for the phase in which it ends.
    double takePhaseWorstMs()
    {
        const double worst = double(m_phaseWorst) / 1e6;
        m_phaseWorst = 0;
        return worst;
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_worst = 0;
    qint64 m_phaseWorst = 0;
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

const QString typed = QStringLiteral("anna berg");

// A line of /proc/self/status in MB ("VmRSS": resident now, "VmHWM": the most ever resident); 0 when unreadable.
double statusMb(const char* field)
{
    QFile status(s("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly)) {
        return 0;
    }
    const QByteArray prefix = QByteArray(field) + ':';
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith(prefix)) {
            return line.mid(prefix.size()).trimmed().split(' ').value(0).toDouble() / 1024.0; // kB
        }
    }
    return 0;
}

// The app's start-up over a ledger of cached hires, as AppController does it: open the ledger, fill the dashboard
// from the list columns and the push records, paint. Then the admin types into the filter of that window.
int coldStart(const QString& directory)
{
    QTextStream err(stderr);
    QElapsedTimer cold;
    cold.start();
    Ledger ledger;
    QString error;
    if (!ledger.open(directory, &error)) {
        err << "bench_pipeline --cold-start: " << error << '\n';
        return 1;
    }
    MainWindow window({s("bob")});
    window.setHireLoader([&ledger](const QString& applicationId) { return ledger.hire(applicationId); });
    // As AppController::reloadView does it.
    Ledger::Dashboard shown = ledger.dashboard();
    window.setHireRows(std::move(shown.rows), shown.records);
    window.resize(1280, 800);
    window.show();
    const QPixmap painted = window.grab();
    const double coldMs = double(cold.nsecsElapsed()) / 1e6;
    Q_UNUSED(painted);
    const double rssMb = statusMb("VmRSS");
    const double peakMb = statusMb("VmHWM");

    // Per keystroke: the filter, the table's relayout and one repaint of what it shows.
    auto* filter = window.findChild<QLineEdit*>(s("filterEdit"));
    auto* view = window.findChild<QTableView*>(s("hiresView"));
    if (!filter || !view) {
        err << "bench_pipeline --cold-start: no filter or table in the window\n";
        return 1;
    }
    double worstKeystrokeMs = 0;
    double totalKeystrokeMs = 0;
    for (int i = 1; i <= typed.size(); ++i) {
        QElapsedTimer t;
        t.start();
        filter->setText(typed.left(i));
        QCoreApplication::sendPostedEvents();
        view->viewport()->repaint();
        const double ms = double(t.nsecsElapsed()) / 1e6;
        worstKeystrokeMs = qMax(worstKeystrokeMs, ms);
        totalKeystrokeMs += ms;
    }

    QTextStream out(stdout);
    out << QJsonDocument(QJsonObject {
                             {s("coldStartToPaintMs"), coldMs},
                             {s("coldStartMemoryMb"), rssMb},
                             {s("coldStartPeakMemoryMb"), peakMb},
                             {s("windowFilterWorstKeystrokeMs"), worstKeystrokeMs},
                             {s("windowFilterMeanKeystrokeMs"), totalKeystrokeMs / typed.size()},
                             {s("shownAfterTyping"), view->model()->rowCount()},
                         })
               .toJson(QJsonDocument::Compact)
        << '\n';
    return 0;
}

} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    if (const qsizetype at = arguments.indexOf(s("--cold-start")); at >= 0 && at + 1 < arguments.size()) {
        return coldStart(arguments.at(at + 1));
    }
    const bool quick = arguments.contains(s("--quick"));
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
    // The admin presses Push some time after the sync: let the event loop run between the two, or the sync's last
    // stall and PushRun::start() would show as one gap and could not be told apart. The pause is not wall time.
    const double syncWallMs = double(wall.nsecsElapsed()) / 1e6;
    {
        QEventLoop pause;
        QTimer::singleShot(100, &pause, &QEventLoop::quit);
        pause.exec();
    }
    const double syncStallMs = stall.takePhaseWorstMs();
    wall.restart();
    PushRun::Options options;
    options.allReady = true;
    PushRun push(&ledger, &bob, options);
    PushRun::Result pushResult;
    QObject::connect(&push, &PushRun::finished, [&](const PushRun::Result& r) { pushResult = r; });
    QElapsedTimer pushStart;
    pushStart.start();
    push.start();
    const double pushStartMs = double(pushStart.nsecsElapsed()) / 1e6; // the call alone: the event loop waits
    if (!waitFor(&push, &PushRun::finished, 600000) || pushResult.error.isError()) {
        err << "bench_pipeline: push failed: " << pushResult.error.toString() << '\n';
        return 1;
    }
    const double pushStallMs = stall.takePhaseWorstMs();
    stall.stop();
    const double wallMs = syncWallMs + double(wall.nsecsElapsed()) / 1e6;
    const qint64 requests = http.requestCount();

    // The minimum the APIs allow for this data: pages of 100; customField.list once; each job, department,
    // location once; candidate.info and offer.list per hire (Ashby has no batch read); one people search; one
    // Hire URL post per hire that is sent.
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
    const qint64 minimum
        = minimumPages + 1 + jobs.size() + departments.size() + locations.size() + 2LL * hiredSeen + 1 + sent;
    const int parallel = http.maxParallelPerHost();
    const double ideal = double(requests) * latencyMs / parallel;

    // --- a push under faults: 10 × 503 and 5 × 429 from the Hire URL, Bob's rate-limit headers on every answer -------
    // The same push of the first 200 hires, once without faults and once with them, each from a fresh ledger. The
    // figure is the ratio; a 503 whose X-RateLimit-Reset is read as a wait would stall the run for a minute.
    const int faultHires = qMin(200, hiredSeen);
    const auto timedPush = [&](const QJsonObject& faults, double* ms, int* failed) {
        QTemporaryDir pushDir;
        Ledger pushLedger;
        QString openError;
        if (!pushLedger.open(pushDir.path(), &openError)) {
            err << "bench_pipeline: " << openError << '\n';
            return false;
        }
        HireSync again(&ashby, &pushLedger, HireSync::Options {false, {s("bob")}});
        HireSync::Result againResult;
        QObject::connect(&again, &HireSync::finished, [&](const HireSync::Result& r) { againResult = r; });
        again.start();
        if (!waitFor(&again, &HireSync::finished, 600000) || againResult.error.isError()) {
            err << "bench_pipeline: sync failed: " << againResult.error.toString() << '\n';
            return false;
        }
        PushRun::Options o;
        for (const auto& row : pushLedger.hireRows()) {
            if (o.applicationIds.size() < faultHires) {
                o.applicationIds << row.applicationId;
            }
        }
        sandbox.post(s("/faults"), faults);
        PushRun run(&pushLedger, &bob, o);
        PushRun::Result r;
        QObject::connect(&run, &PushRun::finished, [&](const PushRun::Result& result) { r = result; });
        QElapsedTimer t;
        t.start();
        run.start();
        const bool finished = waitFor(&run, &PushRun::finished, 600000);
        *ms = double(t.nsecsElapsed()) / 1e6;
        sandbox.post(s("/faults/reset"));
        *failed = r.failedCount();
        if (!finished || r.error.isError()) {
            err << "bench_pipeline: push under faults failed: " << r.error.toString() << '\n';
            return false;
        }
        return true;
    };
    QJsonArray hireFaults;
    QJsonArray only503;
    for (int i = 0; i < 15; ++i) {
        hireFaults.append(i % 3 == 2 ? 429 : 503); // 10 × 503 and 5 × 429, up front
        if (i % 3 != 2) {
            only503.append(503);
        }
    }
    double faultFreeMs = 0;
    double faultyMs = 0;
    double only503Ms = 0;
    int faultFreeFailed = 0;
    int faultyFailed = 0;
    int only503Failed = 0;
    // The injected 429s carry X-RateLimit-Remaining 0 and a reset one second ahead: a real wait, kept to.
    if (!timedPush(QJsonObject {{s("bobRateLimitHeaders"), true}}, &faultFreeMs, &faultFreeFailed)
        || !timedPush(
            QJsonObject {{s("bobRateLimitHeaders"), true}, {s("bobHireFaults"), only503}}, &only503Ms, &only503Failed)
        || !timedPush(QJsonObject {{s("bobRateLimitHeaders"), true}, {s("bobHireFaults"), hireFaults},
                          {s("retryAfterSeconds"), 1}},
            &faultyMs, &faultyFailed)) {
        return 1;
    }

    // --- the cached hires: a ledger of them, written in slices (a fixture, not measured) ---------------------------
    QTemporaryDir bigDir;
    {
        Ledger big;
        if (!big.open(bigDir.path(), &error)) {
            err << "bench_pipeline: " << error << '\n';
            return 1;
        }
        for (int first = 0; first < cached; first += 10000) {
            QList<Hire> slice;
            slice.reserve(10000);
            for (int i = first; i < qMin(first + 10000, cached); ++i) {
                slice.append(generatedHire(i));
            }
            if (!big.upsertHires(slice, {s("bob")}, &error)) {
                err << "bench_pipeline: " << error << '\n';
                return 1;
            }
        }
    }

    // --- dashboard filter over the cached hires, filled as the dashboard is ----------------------------------------
    double worstKeystrokeMs = 0;
    double totalKeystrokeMs = 0;
    {
        Ledger big;
        big.open(bigDir.path());
        HiresModel model({s("bob")});
        model.setHireRows(big.hireRows(), big.pushRecords());
        HiresFilterProxyModel proxy;
        proxy.setSourceModel(&model);
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
    }

    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    const double pipelinePeakMb = double(usage.ru_maxrss) / 1024.0;

    // --- cold start: a fresh process opens the ledger of cached hires and paints the window --------------------------
    QProcess coldProcess;
    coldProcess.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    coldProcess.start(QCoreApplication::applicationFilePath(), {s("--cold-start"), bigDir.path()});
    if (!coldProcess.waitForFinished(240000) || coldProcess.exitStatus() != QProcess::NormalExit
        || coldProcess.exitCode() != 0) {
        err << "bench_pipeline: the cold-start process failed: " << coldProcess.errorString() << '\n';
        return 1;
    }
    const QList<QByteArray> coldLines = coldProcess.readAllStandardOutput().trimmed().split('\n');
    const QJsonObject coldStart = QJsonDocument::fromJson(coldLines.constLast()).object();
    if (coldStart.isEmpty()) {
        err << "bench_pipeline: no figures from the cold-start process\n";
        return 1;
    }
    const double coldMs = coldStart.value(s("coldStartToPaintMs")).toDouble();
    const double coldPeakMb = coldStart.value(s("coldStartPeakMemoryMb")).toDouble();

    QTextStream out(stdout);
    out << QStringLiteral("{\"benchmark\":\"pipeline\",\"hires\":%1,\"latencyMs\":%2,\"requests\":%3,"
                          "\"minimumRequests\":%4,\"requestRatio\":%5,\"wallMs\":%6,\"idealWallMs\":%7,"
                          "\"wallRatio\":%8,\"parallelPerHost\":%9,\"worstMainThreadStallMs\":%10,"
                          "\"cachedHires\":%11,\"filterWorstKeystrokeMs\":%12,\"filterMeanKeystrokeMs\":%13,"
                          "\"coldStartToPaintMs\":%14,\"peakMemoryMb\":%15,")
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
               .arg(qMax(pipelinePeakMb, coldPeakMb), 0, 'f', 1)
        << QStringLiteral("\"syncWallMs\":%9,\"syncWorstStallMs\":%1,\"pushWorstStallMs\":%2,\"pushStartCallMs\":%3,"
                          "\"pipelinePeakMemoryMb\":%4,\"coldStartMemoryMb\":%5,\"coldStartPeakMemoryMb\":%6,"
                          "\"windowFilterWorstKeystrokeMs\":%7,\"windowFilterMeanKeystrokeMs\":%8,")
               .arg(syncStallMs, 0, 'f', 1)
               .arg(pushStallMs, 0, 'f', 1)
               .arg(pushStartMs, 0, 'f', 1)
               .arg(pipelinePeakMb, 0, 'f', 1)
               .arg(coldStart.value(s("coldStartMemoryMb")).toDouble(), 0, 'f', 1)
               .arg(coldPeakMb, 0, 'f', 1)
               .arg(coldStart.value(s("windowFilterWorstKeystrokeMs")).toDouble(), 0, 'f', 2)
               .arg(coldStart.value(s("windowFilterMeanKeystrokeMs")).toDouble(), 0, 'f', 2)
               .arg(syncWallMs, 0, 'f', 1)
        << QStringLiteral("\"faultPushHires\":%1,\"faultFreePushMs\":%2,\"fault503PushMs\":%3,\"fault503Ratio\":%4,"
                          "\"faultPushMs\":%5,\"faultPushRatio\":%6,\"faultPushFailed\":%7}")
               .arg(faultHires)
               .arg(faultFreeMs, 0, 'f', 1)
               .arg(only503Ms, 0, 'f', 1)
               .arg(only503Ms / qMax(1.0, faultFreeMs), 0, 'f', 2)
               .arg(faultyMs, 0, 'f', 1)
               .arg(faultyMs / qMax(1.0, faultFreeMs), 0, 'f', 2)
               .arg(faultyFailed + faultFreeFailed + only503Failed)
        << '\n';
    return 0;
}
