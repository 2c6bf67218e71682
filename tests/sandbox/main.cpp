// hirebridge-sandbox — fake Ashby and fake Bob on loopback, for tests and the app's --demo.
//
// START-UP
//   hirebridge-sandbox [--latency-ms N] [--error-rate P] [--burst-429 N] [--drop-rate P]
//                      [--page-size N] [--seed N] [--hires N] [--exit-on-stdin-close]
//     --latency-ms   delay before every answer (requests still run in parallel)      default 0
//     --error-rate   share 0..1 of requests answered 503 with a small JSON body         default 0
//     --burst-429    every Nth request answers 429, Retry-After: 1 (Bob: X-RateLimit-*) default 0 = off
//     --drop-rate    share 0..1 of requests whose connection is closed without answer   default 0
//     --page-size    largest application.list page (also capped by limit and 100)      default 10
//     --seed         seed of the fault dice (demo data does not depend on it)           default 1
//     --hires        hired applications in the demo data (the edge cases need >= 12)    default 30
//     --exit-on-stdin-close  also exit when stdin reaches EOF (SIGTERM/SIGINT always work)
//   Listens on 127.0.0.1, OS-chosen ports, then prints ONE line on stdout and flushes it:
//   {"ashby":"http://127.0.0.1:P1","bob":"http://127.0.0.1:P2","bobHireUrl":"http://127.0.0.1:P2/hire/SERVICE-4711",
//    "ashbyApiKey":"sandbox-ashby-key-7f3a","bobServiceUserId":"SERVICE-4711","bobToken":"sandbox-bob-token-91c2",
//    "control":"http://127.0.0.1:P2/_sandbox","ashbyLimitedApiKey":"sandbox-ashby-limited-key-5d1e",
//    "ashbyNoInfoApiKey":"sandbox-ashby-noinfo-key-8b4c","bobLimitedServiceUserId":"SERVICE-4712",
//    "bobLimitedToken":"sandbox-bob-limited-token-3e7a"}
//   (keys after "control" were added for the setup wizard's permission checks; older readers ignore them)
//   Logs go to stderr. Exit code 0 on SIGTERM/SIGINT/stdin EOF, 2 on bad flags or when it cannot listen.
//
// FAKE ASHBY (ashby URL): POST /<category>.<method>, JSON body, Basic auth "<apiKey>:".
//   Keys: ashbyApiKey (every reader scope), ashbyLimitedApiKey (no offers:read: offer.* -> 403
//   missing_endpoint_permission; apiKey.info lists its scopes), ashbyNoInfoApiKey (also no apiKeys:read, so
//   apiKey.info -> 403 missing_endpoint_permission). job.list / user.list {limit} list jobs / users.
//   No Authorization -> 401, wrong key -> 403 (error envelope). Other errors: HTTP 200
//   {"success":false,"errors":[code],"errorInfo":{"code","message","requestId"}}. Unknown endpoint -> 404.
//   apiKey.info, application.list {status,limit,cursor,syncToken,jobId,createdAfter}, application.info
//   {applicationId}, candidate.info {id}, offer.list {applicationId,acceptanceStatus[]}, offer.info {offerId},
//   job.info {id}, user.info {userId}, department.info {departmentId}, location.info {locationId},
//   customField.list {includeArchived}, file.info {fileHandle} -> {url} = <ashby>/_files/<handle>?... (GET, no
//   auth, a small PDF). Unknown ids -> <thing>_not_found; missing ids -> invalid_input.
//   Paging: page = min(limit, 100, --page-size); nextCursor while moreDataAvailable, syncToken on the last page.
//   A syncToken pass returns applications changed after the token (status honoured). Cursors are tied to the
//   filters and limit (else invalid_input); an unknown/garbled token -> sync_token_expired.
//
// FAKE BOB (bob URL): Basic auth "SERVICE-4711:sandbox-bob-token-91c2" everywhere, else 401 with empty body.
//   POST /v1/people/search {showInactive, filters:[{fieldPath:root.email|root.id, operator:equals, values}]}
//     (at most one filter; "filters": [] -> 400) -> {"employees":[...]}
//   GET  /v1/company/people/fields -> [field metadata]: 41 fields {id,name,category,categoryId,categoryDisplayName,
//     description,jsonPath,type,typeData{listId},historical}. 26 built-in (root.*, work.* incl. title/department/site
//     lists and reportsTo, about.*, personal.*, home.*, payroll.*) and 15 custom: "<category>.custom.<Label>_<suffix>"
//     in identification, work, payroll, about and personal, plus "category_1645574919835.field_…" fields in the
//     custom category "Onboarding (ATS)". Every type appears (text, text-area, number, date, short-date, boolean,
//     list, multi-list, hierarchy-list, currency, employee-reference).
//   GET  /v1/company/named-lists[?includeArchived=true|false] -> {"<list>": {"name","values":[{id (number),name,value,
//     archived,children:[...]}]}}; default false drops archived items at every depth; another value -> 400.
//   GET  /v1/company/named-lists/<list>[?includeArchived=] -> {"name","values"}; unknown list -> 404
//     {"key":"list.not.found"}. Other methods on named lists -> 405 (the client only reads).
//     Lists: site, department, title, hobbies, honorifics, nationalities, employmentType, relocationPackage,
//     benefits, team (hierarchy). Edge cases against the Ashby demo data:
//       site: Berlin, London exact; Ashby "New York" only as "new york" (case folding); Ashby "Stockholm" matches
//         NO entry (Bob has "Stockholm HQ", the closest label); "Hamburg" archived; "Remote" has children
//         ("Remote – EMEA" > Lisbon, Tallinn; "Remote – Americas"; archived "Remote – APAC").
//       department: every Ashby department exact except "Finance" = Bob "finance"; "Operations" archived.
//       title: every Ashby job title exact; "Office Manager" archived.
//       relocationPackage, benefits: the labels of Ashby's Relocation package / Benefits options (relocation
//         "Executive" is archived in Bob and in Ashby).
//   POST /hire/SERVICE-4711 -> 200 {"id"} and stores the body verbatim (duplicates accepted);
//     non-JSON-object body -> 400 {"key":"invalid.body","error"}.
//
// CONTROL (bob URL, no auth, never faulted, not in the request log)
//   POST /_sandbox/faults {latencyMs, errorRate, burst429, dropRate, ashbyMalformedPage: N, ashbyTruncatedPage: N,
//        ashbyWrongType: "<applicationId>", bobHireStatus: 401, ashbyTokenExpired: true} -> current faults
//        (targeted faults fire once; bobHireStatus holds until reset; 0 clears)
//        Also (no command-line flag): retryAfterSeconds: N (0..3600, default 1) = Retry-After of the injected 429s
//        (Bob's X-RateLimit-Reset = now + N); dropAfterHandlingRate: P (0..1, default 0) = share of requests that
//        are handled (a hire IS stored) and then closed without an answer, as a connection lost mid-send.
//   GET  /_sandbox/faults           POST /_sandbox/faults/reset (back to the command-line knobs)
//   POST /_sandbox/ashby/hire -> {"applicationId","candidateId","generation"}
//   GET  /_sandbox/state -> {"applications","hired","ids":[hired ids],"generation","special":{edge cases},"bobHires",
//        "bobPendingHires"}  (bobHires = events received; bobPendingHires = distinct source.attemptId among them, i.e.
//        the pending hires Bob shows once it recognises a repeated send; an event without attemptId counts alone)
//   GET  /_sandbox/bob/hires -> [{"id","receivedAt","body"}]     POST /_sandbox/bob/hires/reset
//   GET  /_sandbox/pending-hires (HTML)
//   GET  /_sandbox/requests -> [{"server":"ashby"|"bob","method","path","status"}] (status 0 = dropped)
//   POST /_sandbox/reset-log
//
// DEMO DATA (fixed ids; application N = aa000000-0000-4000-8000-<N as 12 digits>, its candidate cc000000-…-<N>)
//   Hired 1..--hires, then 7 Active/Archived ones (100001..100007) and Søren's archived 2nd application 100008.
//   1 Zoë Ångström-Núñez: accepted offer with 3 versions (latestVersion = final; offer.info out of order)
//   3 محمد الأحمد: a Cancelled offer, then an Accepted one      4 Łukasz Żółć: hired with NO offer (offer.list [])
//   6 Ingrid Berg: internal hire, Ashby "Ingrid.Berg@nordlicht.example" = Bob "ingrid.berg@nordlicht.example"
//   7 Björn Þórsson: no e-mail at all                           8 Oluwaseun (mononym): no hiring manager anywhere
//   12 Siobhán Ní Bhriain: accepted offer without salary and without a signed letter
//   Hiring manager Katherine O'Neill (Backend Engineer) is "Kate O'Neill" in Bob, same e-mail;
//   Tomás García (Financial Analyst, application-level team; the job's own team is empty) is not in Bob.
//   Ashby custom fields (customField.list) of every type, with values on the demo objects:
//     Candidate: Requires visa (Boolean), Years of experience (Number), Pronouns (String), Legacy ATS ID (String,
//       archived), Available from (Date), Languages (MultiValueSelect), Salary expectation (Currency, not on every 3rd)
//     Application: Relocation package (ValueSelect, option "executive" archived), Referral bonus eligible (Boolean),
//       Hiring notes (LongText, multi-line, not on every 4th), Interview score (Number, decimals)
//     Offer: Signing bonus (Currency, odd hires), Employment type (ValueSelect), Benefits (MultiValueSelect),
//       Stock options (Number), Bonus target (%) (NumberRange), Offer expires (Date)
//     Job: Cost center (String), Budget approved (Date), Salary band (CompensationRange), Planned headcount
//       (NumberRange), Remote policy (ValueSelect), Visa sponsorship (Boolean)
//     Hire 1 also carries a value whose definition was deleted (id …-000000000099, never listed).
//   GET /_sandbox/state "special" lists all of these with ids, and for the Bob lists: unmatchedSite (Stockholm),
//   caseFoldedSite (New York / "new york"), caseFoldedDepartment (Finance / "finance") with the affected hired
//   application ids, archivedListItems, hierarchyLists and bobFields {total, custom, customCategory}.

#include "FakeAshby.h"
#include "FakeBob.h"
#include "FaultInjector.h"
#include "RequestLog.h"
#include "SandboxControl.h"
#include "SandboxData.h"
#include "SandboxServer.h"
#include "SignalWatcher.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QHostAddress>
#include <QLoggingCategory>
#include <QSocketNotifier>

#include <cstdio>
#include <optional>
#include <unistd.h>

Q_LOGGING_CATEGORY(lcSandbox, "hirebridge.sandbox")

namespace {

std::optional<double> numberOption(const QCommandLineParser& parser, const QString& name, double minimum,
    double maximum, double fallback, bool wholeNumber)
{
    if (!parser.isSet(name)) {
        return fallback;
    }
    bool ok = false;
    const double value = parser.value(name).toDouble(&ok);
    if (!ok || value < minimum || value > maximum || (wholeNumber && value != double(qint64(value)))) {
        std::fprintf(stderr, "hirebridge-sandbox: --%s expects %s %g..%g, got '%s'\n", qPrintable(name),
            wholeNumber ? "an integer" : "a number", minimum, maximum, qPrintable(parser.value(name)));
        return std::nullopt;
    }
    return value;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("hirebridge-sandbox"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Fake Ashby and Bob servers on loopback for Hirebridge tests."));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("latency-ms"), QStringLiteral("Delay before every answer."), QStringLiteral("N")},
        {QStringLiteral("error-rate"), QStringLiteral("Share (0..1) of requests answered 503."), QStringLiteral("P")},
        {QStringLiteral("burst-429"), QStringLiteral("Every Nth request answers 429."), QStringLiteral("N")},
        {QStringLiteral("drop-rate"), QStringLiteral("Share (0..1) of connections closed without an answer."),
            QStringLiteral("P")},
        {QStringLiteral("page-size"), QStringLiteral("Largest application.list page (default 10)."),
            QStringLiteral("N")},
        {QStringLiteral("seed"), QStringLiteral("Seed of the fault dice (default 1)."), QStringLiteral("N")},
        {QStringLiteral("hires"), QStringLiteral("Hired applications in the demo data (default 30)."),
            QStringLiteral("N")},
        {QStringLiteral("exit-on-stdin-close"), QStringLiteral("Exit when stdin reaches EOF.")},
    });
    parser.process(app);
    if (!parser.positionalArguments().isEmpty()) {
        std::fprintf(stderr, "hirebridge-sandbox: unexpected argument '%s'\n",
            qPrintable(parser.positionalArguments().constFirst()));
        return 2;
    }

    const auto latency = numberOption(parser, QStringLiteral("latency-ms"), 0, 600000, 0, true);
    const auto errorRate = numberOption(parser, QStringLiteral("error-rate"), 0, 1, 0, false);
    const auto burst = numberOption(parser, QStringLiteral("burst-429"), 0, 1000000, 0, true);
    const auto dropRate = numberOption(parser, QStringLiteral("drop-rate"), 0, 1, 0, false);
    const auto pageSize = numberOption(parser, QStringLiteral("page-size"), 1, 100000, 10, true);
    const auto seed = numberOption(parser, QStringLiteral("seed"), 0, 4294967295.0, 1, true);
    const auto hires = numberOption(parser, QStringLiteral("hires"), 0, 100000, 30, true);
    if (!latency || !errorRate || !burst || !dropRate || !pageSize || !seed || !hires) {
        return 2;
    }

    FaultInjector faults(
        FaultInjector::Settings {int(*latency), *errorRate, int(*burst), *dropRate}, quint32(qint64(*seed)));
    SandboxData data {int(*hires)};
    RequestLog log;
    FakeAshby ashby(data, faults, int(*pageSize));
    FakeBob bob(data, faults);
    SandboxControl control(data, faults, log, bob);

    SandboxServer ashbyServer(QStringLiteral("ashby"), faults, log);
    ashbyServer.setHandler([&ashby](const QHttpServerRequest& request) { return ashby.handle(request); });
    SandboxServer bobServer(QStringLiteral("bob"), faults, log);
    bobServer.setHandler([&bob](const QHttpServerRequest& request) { return bob.handle(request); });
    bobServer.setControlHandler([&control](const QHttpServerRequest& request) { return control.handle(request); });

    const quint16 ashbyPort = ashbyServer.listen(QHostAddress::LocalHost, 0);
    const quint16 bobPort = bobServer.listen(QHostAddress::LocalHost, 0);
    if (ashbyPort == 0 || bobPort == 0) {
        qCCritical(lcSandbox) << "could not listen on 127.0.0.1";
        return 2;
    }
    const QString ashbyUrl = QStringLiteral("http://127.0.0.1:%1").arg(ashbyPort);
    const QString bobUrl = QStringLiteral("http://127.0.0.1:%1").arg(bobPort);
    ashby.setBaseUrl(ashbyUrl);

    SignalWatcher signalWatcher;
    QObject::connect(&signalWatcher, &SignalWatcher::terminationRequested, &app, [](int signalNumber) {
        qCInfo(lcSandbox) << "signal" << signalNumber << "received, shutting down";
        QCoreApplication::quit();
    });

    std::optional<QSocketNotifier> stdinNotifier;
    if (parser.isSet(QStringLiteral("exit-on-stdin-close"))) {
        stdinNotifier.emplace(STDIN_FILENO, QSocketNotifier::Read);
        QObject::connect(&*stdinNotifier, &QSocketNotifier::activated, &app, [&stdinNotifier] {
            char buffer[256];
            const ssize_t got = ::read(STDIN_FILENO, buffer, sizeof buffer);
            if (got <= 0) {
                // The parent went away (or closed our stdin on purpose): do not outlive it.
                stdinNotifier->setEnabled(false);
                qCInfo(lcSandbox) << "stdin closed, shutting down";
                QCoreApplication::quit();
            }
        });
    }

    // Key order is part of the documented contract, so the line is written by hand; every value
    // is plain ASCII without characters that JSON would need to escape.
    const QString line = QStringLiteral("{\"ashby\":\"%1\",\"bob\":\"%2\",\"bobHireUrl\":\"%2/hire/%3\","
                                        "\"ashbyApiKey\":\"%4\",\"bobServiceUserId\":\"%3\",\"bobToken\":\"%5\","
                                        "\"control\":\"%2/_sandbox\",\"ashbyLimitedApiKey\":\"%6\","
                                        "\"ashbyNoInfoApiKey\":\"%7\",\"bobLimitedServiceUserId\":\"%8\","
                                        "\"bobLimitedToken\":\"%9\"}\n")
                             .arg(ashbyUrl, bobUrl, FakeBob::serviceUserId, FakeAshby::apiKey, FakeBob::token,
                                 FakeAshby::limitedApiKey, FakeAshby::noInfoApiKey, FakeBob::limitedServiceUserId,
                                 FakeBob::limitedToken);
    const QByteArray bytes = line.toUtf8();
    std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), stdout);
    std::fflush(stdout);
    qCInfo(lcSandbox).noquote() << "ready: ashby" << ashbyUrl << "bob" << bobUrl << "with" << data.applications().size()
                                << "applications," << data.hiredApplicationIds().size() << "hired";

    return app.exec();
}
