// hirebridge-sandbox — fake Ashby, Bob, BambooHR and Personio on loopback, for tests and the app's --demo.
//
// START-UP
//   hirebridge-sandbox [--latency-ms N] [--error-rate P] [--burst-429 N] [--drop-rate P]
//                      [--page-size N] [--seed N] [--hires N] [--big-resume] [--exit-on-stdin-close]
//     --latency-ms   delay before every answer (requests still run in parallel)      default 0
//     --error-rate   share 0..1 of requests answered 503 (each fake in its own error shape) default 0
//     --burst-429    every Nth request answers 429, Retry-After: 1 (Bob: X-RateLimit-*) default 0 = off
//     --drop-rate    share 0..1 of requests whose connection is closed without answer   default 0
//     --page-size    largest application.list page (also capped by limit and 100)      default 10
//     --seed         seed of the fault dice (demo data does not depend on it)           default 1
//     --hires        hired applications in the demo data (the edge cases need >= 12)    default 30
//     --big-resume   one more hire (after the --hires ones) whose resume is 6 MB: above Bob's 5 MB document
//                    limit. Off by default so the hire counts tests expect stay as they are.
//     --exit-on-stdin-close  also exit when stdin reaches EOF (SIGTERM/SIGINT always work)
//   The fault knobs apply to every request of all four fakes alike (one request counter, one set of dice).
//   Listens on 127.0.0.1, OS-chosen ports, then prints ONE line on stdout and flushes it:
//   {"ashby":"http://127.0.0.1:P1","bob":"http://127.0.0.1:P2","bobHireUrl":"http://127.0.0.1:P2/hire/SERVICE-4711",
//    "ashbyApiKey":"sandbox-ashby-key-7f3a","bobServiceUserId":"SERVICE-4711","bobToken":"sandbox-bob-token-91c2",
//    "control":"http://127.0.0.1:P2/_sandbox","ashbyLimitedApiKey":"sandbox-ashby-limited-key-5d1e",
//    "ashbyNoInfoApiKey":"sandbox-ashby-noinfo-key-8b4c","bobLimitedServiceUserId":"SERVICE-4712",
//    "bobLimitedToken":"sandbox-bob-limited-token-3e7a","bamboohr":"http://127.0.0.1:P3/api/gateway.php/acme",
//    "bamboohrApiKey":"sandbox-bamboohr-key-2c8e","bamboohrLimitedApiKey":"sandbox-bamboohr-limited-key-6a0d",
//    "personio":"http://127.0.0.1:P4","personioClientId":"sandbox-personio-client-4b1f",
//    "personioClientSecret":"sandbox-personio-secret-e93a"}
//   (keys after "control" were added later, for the setup wizard's permission checks and the BambooHR and Personio
//   targets; older readers ignore them. "bamboohr" and "personio" are the API bases that precede /v1.)
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
//   DIRECT MODE (hibob-api.md §3.2, §5, §9). Errors are 400 {"key","error"} with key "validations.<field>.<problem>":
//   POST /v1/people {firstName, surname, email, work:{site, startDate, title?, department?, reportsTo?}, ...}
//     -> 200 {"id" (numeric string, from 3409821174458273351 up), firstName, surname, email}. Checks, in order:
//     the five required fields (….required), names <= 50 characters (….tooLong) of letters, marks, spaces and
//     ' ’ ‘ - . , ( ) " (….invalidCharacters), e-mail shape (validations.email.invalid), e-mail unique among active
//     AND inactive employees and people created before, case-insensitive -> {"key":"validations.email.alreadyExists",
//     "error":"Email already exists"}, startDate YYYY-MM-DD, work.site/department/title = the exact NAME of a
//     non-archived named-list item at any depth (….notInList; the switch bobListIdsAccepted also takes item ids),
//     work.reportsTo "<id>" or {"id"} of an existing employee (….reportsTo.notFound). The person is stored as
//     search shows people (list values as names, reportsTo expanded to {id,email,displayName}, internal.status
//     Active, lifecycleStatus hired|employed by startDate) and joins people search after bobReadAfterWriteLagMs.
//   POST /v1/docs/people/<id>/shared/upload | /confidential/upload: multipart, one part named "file" (else 400
//     validations.file.required); unknown person -> 404 employee.not.found; file > 5 MB (5242880 bytes) -> 413
//     {"key":"document.too.large"}; else 200 {"id": <number, from 17016973 up>}.
//   POST /v1/docs/people/<id>/shared | /confidential {documentName, documentUrl (absolute http(s))} -> 200 {"id"}:
//     the URL is recorded, nothing is downloaded. Other folders -> 404.
//   GET  /v1/docs/people/<id> -> {"documents":[{"id","name" (the uploaded file name or documentName),"folder",
//     "uploadDate"}]} (the item shape is unconfirmed); unknown person -> 404.
//
// FAKE BAMBOOHR (bamboohr URL = <server>/api/gateway.php/acme; the same routes also answer under <server>/api/v1/…
//   and then Location uses that form). Basic auth "<bamboohrApiKey>:<anything non-empty>", else 401 empty body.
//   bamboohrLimitedApiKey reads everything but POST /v1/employees and file uploads answer 403.
//   Errors: status + X-BambooHR-Error-Message header, empty body (injected 503/429 too; 429 with Retry-After).
//   GET  /v1/employees?fields=a,b&page[limit]=N&page[after]=CURSOR&filter[firstName|lastName|jobTitleName|status]=
//     (contains, case-insensitive) &filter[ids]=1,2 -> {"data":[{"id" (number), <fields>...}], "meta":{"total",
//     "page":{"limit","nextCursor"|null}}, "_links":{"self","next" (absolute URL)|null}}. Default fields firstName,
//     lastName; a repeated fields= keeps only the LAST one; unknown field or filter -> 400; limit default 250,
//     1..2500 else 400; garbled cursor -> 400. Rows ordered by id, inactive employees included. With the switch
//     bamboohrRestrictedWorkEmail, rows 107 and 108 carry "workEmail": null and "_restrictedFields":["workEmail"].
//   GET  /v1/employees/directory[?onlyCurrent=false] -> {"fields":[…],"employees":[{"id" (string), displayName,
//     firstName, lastName, preferredName, jobTitle, workEmail, department, location, division, supervisor}]}:
//     active only, future hires only with onlyCurrent=false, XML unless Accept names json, 404 when empty;
//     switch bamboohrDirectoryDisabled -> 403 "Directory disabled for this account".
//   GET  /v1/employees/<id>[?fields=] -> {"id" (string), <fields>}; unknown id -> 404.
//   POST /v1/employees {field alias or numeric field id: value} -> 201, empty body, Location <base>/v1/employees/<id>
//     (ids from 4127 up). firstName and lastName required (400). List fields (jobTitle, department, location,
//     division, employmentHistoryStatus, "4033" Contract type) must equal a non-archived option exactly:
//     switch bamboohrListPolicy "reject" (default) -> 409 'Invalid value for field "department"' (the alias, or the
//     field name for fields without one); "drop" -> created without it. Bad date/e-mail/status/supervisorEId -> 409.
//     Unknown keys are ignored. Duplicate e-mails are ACCEPTED (a second employee).
//   GET  /v1/employees/<id>/files/view -> {"categories":[{id 17 "Offer Letters"|18 "Resumes and Applications"|19
//     "Other", canUploadFiles:"yes", files:[{id,name,originalFileName,size,dateCreated,shareWithEmployee,…}]}]}.
//   POST /v1/employees/<id>/files multipart category (17|18|19), fileName, share (yes|no), file -> 201, Location
//     …/v1/employees/<id>/files/<fileId> (from 9981 up); a missing part or bad value -> 400; unknown employee 404.
//   GET  /v1/meta/fields -> [{id (string), name, type, alias?}] (4031 Ashby candidate ID, 4032 Ashby application ID,
//     4033 Contract type, 4035 Signing bonus have no alias). GET /v1/meta/lists -> [{fieldId (number), alias?,
//     name, manageable, multiple, options:[{id, name, archived:"yes"|"no"}]}] with every Ashby department, location
//     and job title (archived: Operations, Hamburg, Office Manager, Contract type Freelancer).
//
// FAKE PERSONIO (personio URL; the client appends /v1/…). Errors: {"success":false,"error":{"code":0,"message",
//   "error_data"?}} (injected 503/429 too).
//   POST /v1/auth client_id + client_secret as JSON, form body or query string -> {"success":true,"data":{"token":
//     "papi-…"}}: the SAME token for 24 h; wrong -> 401. More than 60 calls in a minute -> 429 and /v1/auth stays
//     429 for 60 s (faults/reset lifts it). Every other route: Authorization: Bearer <token>, else 401; successful
//     answers echo the token in an Authorization header. Switch personioTokenExpired (one-shot) voids the token.
//   GET  /v1/company/employees[?email=&limit=&offset=] -> {"success","metadata":{total_elements,current_page,
//     total_pages},"offset","limit","data":[{"type":"Employee","attributes":{id, email, first_name, last_name,
//     status, hire_date: {label,value,type,universal_id}}}]}: only these whitelisted attributes (hire_date value
//     "YYYY-MM-DDT00:00:00+01:00"; gone with the switch personioDropHireDate). email= matches 0 or 1 employee,
//     trimmed and case-insensitive, inactive included. limit default and max 200, offset counts rows.
//     More than 15 calls in one second or 300 in a minute -> 429.
//   GET  /v1/company/employees/<id> -> {"success","data":{employee as above}}; unknown -> 404.
//   POST /v1/company/employees {"employee":{…}} (JSON) or employee[field] / employee[custom_attributes][key] (form)
//     -> 200 {"success":true,"data":{"id" (from 90401 up),"message":"success"}}. email, first_name, last_name
//     required -> 422 with error_data; duplicate e-mail (case-insensitive, inactive included) -> 422 {"message":
//     "The email has already been taken.","error_data":{"email":["already exists"]}}. Unknown department / office /
//     subcompany -> still 200, the value dropped, plus "meta":{"errors":[{"field":"department","message":
//     "Department 'X' not found, value ignored"}]} (offices: Berlin, London, New York, Stockholm HQ: the Ashby
//     location "Stockholm" is NOT one). Unknown supervisor_id, bad gender/status/hire_date, custom_attributes with
//     an unknown key or a value outside a list's options -> 422. No status: future hire_date -> onboarding, else
//     active.
//   GET  /v1/company/employees/attributes (alias …/custom-attributes) -> {"success","data":[{key,label,type,
//     universal_id,options?}]}: standard keys plus dynamic_24410…24418 (24411 T-shirt size and 24412 Contract type
//     lists, 24415 Languages tags).
//   GET  /v1/company/document-categories -> data [{id 1 "Contracts" | 2 "Other documents" | 3 "CV & Application",
//     type "DocumentCategory", attributes {name}}].
//   POST /v1/company/documents multipart title (<= 255), employee_id, category_id, file[, comment, date] -> 201
//     {"success","data":{id (from 5531 up), type "Document", attributes{title,date,comment,file_name,employee,
//     category}}}. Missing part -> 422; unknown category -> 404 "No query results for model [DocumentCategory] N";
//     unknown employee -> 404 "… [Employee] N"; extension not pdf docx doc jpg jpeg png txt xlsx xls zip odt csv
//     rtf gif -> 422 error_data.file ["The file must be a file of type: …"]; file > 30 MB -> 413; more than 60
//     uploads a minute -> 429.
//
// CONTROL (bob URL, no auth, never faulted, not in the request log)
//   POST /_sandbox/faults {latencyMs, errorRate, burst429, dropRate, ashbyMalformedPage: N, ashbyTruncatedPage: N,
//        ashbyWrongType: "<applicationId>", bobHireStatus: 401, ashbyTokenExpired: true} -> current faults
//        (targeted faults fire once; bobHireStatus holds until reset; 0 clears)
//        HRIS switches (hold until faults/reset): bamboohrListPolicy: "reject"|"drop", bamboohrRestrictedWorkEmail:
//        bool, bamboohrDirectoryDisabled: bool, personioDropHireDate: bool, bobListIdsAccepted: bool,
//        bobReadAfterWriteLagMs: 0..600000; one-shot: personioTokenExpired: true.
//        Also (no command-line flag): retryAfterSeconds: N (0..3600, default 1) = Retry-After of the injected 429s
//        (Bob's X-RateLimit-Reset = now + N); dropAfterHandlingRate: P (0..1, default 0) = share of requests that
//        are handled (a hire IS stored) and then closed without an answer, as a connection lost mid-send;
//        createErrorAfterHandlingRate: P (0..1, default 0) = share of creates (Bob hire event or person, BambooHR
//        and Personio employee) that are handled and then answered 502 or 504 with an HTML page, as a gateway that
//        lost the answer; one-shot createErrorAfterHandling: 500|502|504 = the next create does so;
//        one-shot uploadErrorAfterHandling: 500|502|504 = the next document upload (Bob docs, BambooHR files,
//        Personio documents) is stored and then answered so; one-shot uploadErrorBeforeHandling: 500|502|504 = the
//        next document upload is answered so and nothing is stored;
//        answerOverride: {server: "ashby"|"bob"|"bamboohr"|"personio", method?: "GET"|"POST"|…, path: "/v1/…" (a
//        suffix of the request path), status (default 200), contentType (default application/json), bodyBase64,
//        times (default 1; -1 = until reset)} = those requests get exactly this answer, unhandled (the malformed
//        corpus end to end); null clears;
//        ashbyHostileNames: bool = candidate names end in terminal escape sequences, a C1 control and a bidi
//        override;
//        ashbyRepeatCursor: bool = application.list names the second page's cursor on every page;
//        ashbyFileUrlBase: "https://host[:port]" = file.info links point there instead of the sandbox ("" restores);
//        bobHireFaults: [429|500|502|503|504, ...] = the next Hire URL posts answer these in turn, unhandled (a 429
//        with X-RateLimit-Remaining 0 and X-RateLimit-Reset = now + retryAfterSeconds);
//        bobRateLimitHeaders: bool (default true) = Bob's X-RateLimit-Limit/Remaining/Reset on every answer, the
//        reset being the end of the current one-minute window (Remaining never 0 unless a 429 is injected).
//   GET  /_sandbox/faults           POST /_sandbox/faults/reset (back to the command-line knobs and default
//        switches; also lifts Personio's rate-limit windows and /auth lock-out)
//   POST /_sandbox/ashby/hire [{"bigResume": true, "resumeBytes": N (default 6291456)}] -> {"applicationId",
//        "candidateId","generation"[,"resumeBytes","resumeFileHandle"]}
//   GET  /_sandbox/state -> {"applications","hired","ids":[hired ids],"generation","special":{edge cases},"bobHires",
//        "bobPendingHires","bobPeople","bobDocuments","bamboohrCreated","bamboohrFiles","personioCreated",
//        "personioDocuments"}  (bobHires = events received; bobPendingHires = distinct source.attemptId among them,
//        i.e. the pending hires Bob shows once it recognises a repeated send; an event without attemptId counts
//        alone; the other counts are what the direct-mode / BambooHR / Personio fakes received). "special" also has
//        "bamboohr" and "personio" objects: existingHire, inactiveEmployee, managerIds (e-mail -> id), ….
//   GET  /_sandbox/bob/people -> [{"id","firstName","surname","email","work","reportsTo" (id|null),"createdAt",
//        "visibleToSearch","body"}]     GET /_sandbox/bob/documents -> [{"id","personId","folder","kind" (upload|url),
//        "name","url","contentType","size","sha256","receivedAt"}]     POST /_sandbox/bob/people/reset
//   GET  /_sandbox/bamboohr/employees -> [{"id","seeded","fields","restrictedWorkEmail","droppedFields",
//        "ignoredFields","createdAt"}]   GET /_sandbox/bamboohr/files -> [{"id","employeeId","category",
//        "categoryName","fileName","originalFileName","contentType","share","size","sha256","receivedAt"}]
//        POST /_sandbox/bamboohr/reset (seeded employees only, no files)
//   GET  /_sandbox/personio/employees -> [{"id","seeded","attributes","metaErrors","ignoredFields","createdAt"}]
//        GET /_sandbox/personio/documents -> [{"id","employeeId","categoryId","categoryName","title","comment",
//        "date","fileName","contentType","size","sha256","receivedAt"}]
//        POST /_sandbox/personio/reset (seeded employees, no documents, new token, no throttling state)
//   POST /_sandbox/reset -> faults and switches, Bob hire events, created people/employees, documents and the
//        request log all back to the start (the Ashby demo data stays)
//   GET  /_sandbox/bob/hires -> [{"id","receivedAt","body"}]     POST /_sandbox/bob/hires/reset
//   GET  /_sandbox/pending-hires (HTML: Bob hire events, then a section per target with what arrived)
//   GET  /_sandbox/requests -> [{"server":"ashby"|"bob"|"bamboohr"|"personio","method","path","status"}]
//        (status 0 = dropped)
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
//   Big resume (--big-resume or POST /_sandbox/ashby/hire {"bigResume":true}): "Maximilian Großmann",
//   maximilian.grossmann.<N>@example.de, Backend Engineer (Berlin), accepted offer with a signed letter, resume served
//   by /_files/<handle> as a 6291456-byte PDF (deterministic padding); "special" names it "bigResume".
//   BambooHR and Personio employees (e-mails @nordlicht.example; BambooHR id / Personio id):
//     Lena Fischer (CEO)                      lena.fischer      100 / 1180
//     Katherine "Kate" O'Neill (VP Eng.)      katherine.oneill  101 / 1183   hiring manager, Backend Engineer
//     Marcus Lindqvist                        marcus.lindqvist  102 / 1184   hiring manager, AE and SDR
//     Amara Okafor                            amara.okafor      103 / 1185   hiring manager, People Partner
//     Jean-Luc Moreau                         jeanluc.moreau    104 / 1186   hiring manager, Data Engineer
//     Tomás García (in both, unlike Bob)      tomas.garcia      105 / 1187   hiring manager, Financial Analyst
//     Priya Raman (recruiter)                 priya.raman       106 / 1188
//     Ingrid Berg                             ingrid.berg       107 / 1189   = hire 6, the internal hire (as in Bob)
//     Henrik Dahl, INACTIVE                   henrik.dahl       108 / 1190

#include "FakeAshby.h"
#include "FakeBambooHr.h"
#include "FakeBob.h"
#include "FakePersonio.h"
#include "FaultInjector.h"
#include "RequestLog.h"
#include "SandboxControl.h"
#include "SandboxData.h"
#include "SandboxServer.h"
#include "SignalWatcher.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QHostAddress>
#include <QList>
#include <QLoggingCategory>
#include <QPair>
#include <QSocketNotifier>
#include <QStringList>

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
    parser.setApplicationDescription(QStringLiteral(
        "Fake Ashby, Bob, BambooHR and Personio servers on loopback for Hirebridge tests.\n"
        "On start it prints one JSON line on stdout: the servers' addresses and the credentials they "
        "accept (keys \"ashby\", \"ashbyApiKey\", \"bob\", \"bobHireUrl\", \"bobToken\", "
        "\"control\", ...). It runs until SIGTERM or SIGINT (or, with --exit-on-stdin-close, until stdin closes)."));
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
        {QStringLiteral("big-resume"),
            QStringLiteral("Add one more hire whose resume is 6 MB (above Bob's 5 MB document limit).")},
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
    if (parser.isSet(QStringLiteral("big-resume"))) {
        data.addBigResumeHire(6LL * 1024 * 1024);
    }
    RequestLog log;
    FakeAshby ashby(data, faults, int(*pageSize));
    FakeBob bob(data, faults);
    FakeBambooHr bamboohr(data, faults);
    FakePersonio personio(data, faults);
    SandboxControl control(data, faults, log, bob, bamboohr, personio);

    SandboxServer ashbyServer(QStringLiteral("ashby"), faults, log);
    ashbyServer.setHandler([&ashby](const QHttpServerRequest& request) { return ashby.handle(request); });
    SandboxServer bobServer(QStringLiteral("bob"), faults, log);
    bobServer.setHandler([&bob](const QHttpServerRequest& request) { return bob.handle(request); });
    bobServer.setControlHandler([&control](const QHttpServerRequest& request) { return control.handle(request); });
    // The HRIS fakes go through the same SandboxServer, so latency, 5xx, 429 bursts and dropped connections hit
    // them exactly as they hit Bob (one request counter and one set of dice for all four servers).
    SandboxServer bamboohrServer(QStringLiteral("bamboohr"), faults, log);
    bamboohrServer.setHandler([&bamboohr](const QHttpServerRequest& request) { return bamboohr.handle(request); });
    SandboxServer personioServer(QStringLiteral("personio"), faults, log);
    personioServer.setHandler([&personio](const QHttpServerRequest& request) { return personio.handle(request); });

    const quint16 ashbyPort = ashbyServer.listen(QHostAddress::LocalHost, 0);
    const quint16 bobPort = bobServer.listen(QHostAddress::LocalHost, 0);
    const quint16 bamboohrPort = bamboohrServer.listen(QHostAddress::LocalHost, 0);
    const quint16 personioPort = personioServer.listen(QHostAddress::LocalHost, 0);
    if (ashbyPort == 0 || bobPort == 0 || bamboohrPort == 0 || personioPort == 0) {
        qCCritical(lcSandbox) << "could not listen on 127.0.0.1";
        return 2;
    }
    const QString ashbyUrl = QStringLiteral("http://127.0.0.1:%1").arg(ashbyPort);
    const QString bobUrl = QStringLiteral("http://127.0.0.1:%1").arg(bobPort);
    const QString personioUrl = QStringLiteral("http://127.0.0.1:%1").arg(personioPort);
    ashby.setBaseUrl(ashbyUrl);
    bamboohr.setServerUrl(QStringLiteral("http://127.0.0.1:%1").arg(bamboohrPort));

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

    // Key order is part of the documented contract, so the line is written by hand (QJsonObject would sort the
    // keys); every value is plain ASCII without characters that JSON would need to escape.
    const QList<QPair<QString, QString>> keys {
        {QStringLiteral("ashby"), ashbyUrl},
        {QStringLiteral("bob"), bobUrl},
        {QStringLiteral("bobHireUrl"), bobUrl + QStringLiteral("/hire/") + FakeBob::serviceUserId},
        {QStringLiteral("ashbyApiKey"), FakeAshby::apiKey},
        {QStringLiteral("bobServiceUserId"), FakeBob::serviceUserId},
        {QStringLiteral("bobToken"), FakeBob::token},
        {QStringLiteral("control"), bobUrl + QStringLiteral("/_sandbox")},
        {QStringLiteral("ashbyLimitedApiKey"), FakeAshby::limitedApiKey},
        {QStringLiteral("ashbyNoInfoApiKey"), FakeAshby::noInfoApiKey},
        {QStringLiteral("bobLimitedServiceUserId"), FakeBob::limitedServiceUserId},
        {QStringLiteral("bobLimitedToken"), FakeBob::limitedToken},
        {QStringLiteral("bamboohr"), bamboohr.baseUrl()},
        {QStringLiteral("bamboohrApiKey"), FakeBambooHr::apiKey},
        {QStringLiteral("bamboohrLimitedApiKey"), FakeBambooHr::limitedApiKey},
        {QStringLiteral("personio"), personioUrl},
        {QStringLiteral("personioClientId"), FakePersonio::clientId},
        {QStringLiteral("personioClientSecret"), FakePersonio::clientSecret},
    };
    QStringList members;
    for (const auto& [key, value] : keys) {
        members.append(QStringLiteral("\"%1\":\"%2\"").arg(key, value));
    }
    const QString line = QLatin1Char('{') + members.join(QLatin1Char(',')) + QStringLiteral("}\n");
    const QByteArray bytes = line.toUtf8();
    std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), stdout);
    std::fflush(stdout);
    qCInfo(lcSandbox).noquote() << "ready: ashby" << ashbyUrl << "bob" << bobUrl << "bamboohr" << bamboohr.baseUrl()
                                << "personio" << personioUrl << "with" << data.applications().size() << "applications,"
                                << data.hiredApplicationIds().size() << "hired";

    return app.exec();
}
