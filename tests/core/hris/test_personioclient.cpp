#include "../http/RawHttpServer.h"
#include "HrisTestSupport.h"
#include "hris/personio/PersonioClient.h"
#include "http/HttpClient.h"

#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QTest>

#include <memory>

using namespace hristest;

namespace {

constexpr int kWaitMs = 5000;
const QByteArray kAuth = "/v1/auth";
const QByteArray kEmployees = "/v1/company/employees";
const QByteArray kAttributes = "/v1/company/employees/attributes";
const QByteArray kCategories = "/v1/company/document-categories";
const QByteArray kDocuments = "/v1/company/documents";

RetryPolicy fastPolicy()
{
    RetryPolicy policy;
    policy.baseDelayMs = 10;
    policy.maxDelayMs = 40;
    policy.maxAttempts = 4;
    policy.maxRetryAfterMs = 2000;
    policy.jitter = false;
    return policy;
}

QJsonObject attribute(const QJsonValue& value)
{
    return {{s("label"), s("x")}, {s("value"), value}, {s("type"), s("standard")}};
}

QJsonObject employeeRow(const QJsonValue& id, const char* email, const char* first = "Dana",
    const char* last = "Okafor", const char* status = "active")
{
    return {{s("type"), s("Employee")},
        {s("attributes"),
            QJsonObject {{s("id"), attribute(id)}, {s("email"), attribute(s(email))},
                {s("first_name"), attribute(s(first))}, {s("last_name"), attribute(s(last))},
                {s("status"), attribute(s(status))}}}};
}

QByteArray employeeList(const QJsonArray& rows, int totalElements = -1, int totalPages = -1)
{
    QJsonObject o {{s("success"), true}, {s("data"), rows}};
    if (totalElements >= 0) {
        o.insert(s("metadata"),
            QJsonObject {{s("total_elements"), totalElements}, {s("current_page"), 0}, {s("total_pages"), totalPages}});
    }
    return json(o);
}

QByteArray v1Error(int code, const char* message, const QJsonObject& errorData = {})
{
    QJsonObject error {{s("code"), code}, {s("message"), s(message)}};
    if (!errorData.isEmpty()) {
        error.insert(s("error_data"), errorData);
    }
    return json(QJsonObject {{s("success"), false}, {s("error"), error}});
}

QByteArray attributesBody()
{
    return json(QJsonObject {{s("success"), true},
        {s("data"),
            QJsonArray {
                QJsonObject {{s("key"), s("first_name")}, {s("label"), s("First name")}, {s("type"), s("standard")},
                    {s("universal_id"), s("first_name")}},
                QJsonObject {{s("key"), s("dynamic_24410")}, {s("label"), s("Ashby candidate ID")},
                    {s("type"), s("standard")}, {s("universal_id"), QJsonValue::Null}},
                QJsonObject {{s("key"), s("dynamic_24411")}, {s("label"), s("T-shirt size")}, {s("type"), s("list")},
                    {s("options"), QJsonArray {s("S"), s("M"), s("L")}}},
                QJsonObject {{s("key"), s("dynamic_24412")}, {s("label"), s("Skills")}, {s("type"), s("tags")},
                    {s("options"), QJsonArray {s("C++"), s("Qt")}}},
                QJsonObject {{s("key"), s("hire_date")}, {s("label"), s("Hire date")}, {s("type"), s("date")}},
                QJsonObject {
                    {s("key"), s("weekly_working_hours")}, {s("label"), s("Weekly hours")}, {s("type"), s("decimal")}},
                QJsonObject {{s("key"), s("dynamic_3")}, {s("label"), s("Notes")}, {s("type"), s("multiline")}},
                QJsonObject {{s("key"), s("dynamic_4")}, {s("label"), s("Portfolio")}, {s("type"), s("link")}},
                QJsonObject {{s("key"), s("dynamic_5")}, {s("label"), s("Shoe size")}, {s("type"), s("integer")}},
            }}});
}

QStringList g_logged;
QtMessageHandler g_previousHandler = nullptr;

void captureAll(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    g_logged << message;
    if (g_previousHandler) {
        g_previousHandler(type, context, message);
    }
}

} // namespace

class TestPersonioClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void identity_andRules();

    void auth_onceForManyParallelCalls_withHeaders();
    void auth_401_reauthenticatesOnceAndRepeats();
    void auth_401Twice_failsWithoutLooping();
    void auth_refused_failsEveryWaitingCall();
    void auth_tokenNeverLogged();

    void findByEmail_zeroRows_none();
    void findByEmail_oneRow_entryWithNumericOrStringId_data();
    void findByEmail_oneRow_entryWithNumericOrStringId();
    void findByEmail_rowWithOtherEmail_none();
    void findByEmail_malformed_failsParseNamingServerAndWhat_data();
    void findByEmail_malformed_failsParseNamingServerAndWhat();

    void directory_itemOffsets_pagedUntilShortPage();
    void directory_pageNumberOffsets_detectedAndCompleted();

    void buildPayload_fields_customAttributesAndSupervisor();
    void buildPayload_defaults();

    void create_metaWarning_reported();
    void create_successFalseIn200_failsApi();
    void create_missingId_failsParse();
    void create_duplicate422_messageFromErrorBody();

    void upload_multipartParts_categoryPickedAndCached();
    void upload_422_messageListsAllowedFiles();
    void upload_404Category_messageAndCacheDropped();
    void upload_tooLarge_rejectedWithoutRequest();

    void catalog_attributes_parsed();
    void catalog_malformed_failsNamingWhat_data();
    void catalog_malformed_failsNamingWhat();
    void catalog_builtinAndRequired();
    void check_freshAuthThenAttributes();

private:
    std::unique_ptr<PersonioClient> makeClient();
    void routeAuth(int* calls = nullptr);
    int requestsTo(const QByteArray& path) const { return m_server->hits(path); }

    std::unique_ptr<RawHttpServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<PersonioClient> m_client;
};

void TestPersonioClient::init()
{
    m_server = std::make_unique<RawHttpServer>();
    QVERIFY(m_server->listen());
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_http = std::make_unique<HttpClient>(m_nam.get());
    m_http->setRetryPolicy(fastPolicy());
    m_client = makeClient();
}

void TestPersonioClient::cleanup()
{
    m_client.reset();
    m_http.reset();
    m_nam.reset();
    m_server.reset();
}

std::unique_ptr<PersonioClient> TestPersonioClient::makeClient()
{
    PersonioConfig config;
    config.url = m_server->url(QString());
    config.clientId = s("client-id-1");
    config.clientSecret = s("personio-client-secret");
    config.partnerId = s("ACME");
    config.appId = s("HIREBRIDGE_TEST");
    return std::make_unique<PersonioClient>(m_http.get(), config);
}

// Token n for the n-th /auth call (1-based), so a test can tell which token a request carried.
void TestPersonioClient::routeAuth(int* calls)
{
    m_server->route(kAuth, [calls](const RawRequest& r) {
        if (calls) {
            ++*calls;
        }
        const QJsonObject body = QJsonDocument::fromJson(r.body).object();
        if (body.value(s("client_id")) != s("client-id-1")
            || body.value(s("client_secret")) != s("personio-client-secret")) {
            return RawReply::withStatus(401, v1Error(0, "could not be authenticated with those credentials"));
        }
        return RawReply::ok(json(QJsonObject {
            {s("success"), true}, {s("data"), QJsonObject {{s("token"), s("papi-token-%1").arg(r.hit + 1)}}}}));
    });
}

void TestPersonioClient::identity_andRules()
{
    QCOMPARE(m_client->target(), s("personio"));
    QCOMPARE(m_client->displayName(), s("Personio"));
    QVERIFY(!m_client->snapshotsDirectory());
    const DocumentRules rules = m_client->documentRules();
    QCOMPARE(rules.mode, DocumentRules::Mode::Upload);
    QCOMPARE(rules.maxBytes, qint64(30 * 1024 * 1024));
    for (const char* ext : {"pdf", "docx", "doc", "jpg", "png", "txt", "xlsx", "zip"}) {
        QVERIFY2(rules.allowedExtensions.contains(s(ext)), ext);
    }
    QVERIFY(!rules.allowedExtensions.contains(s("exe")));
    QVERIFY(!rules.allowedExtensions.contains(s("heic")));
}

// ---- authentication ------------------------------------------------------------------------------------------------

void TestPersonioClient::auth_onceForManyParallelCalls_withHeaders()
{
    routeAuth();
    m_server->route(kEmployees, [](const RawRequest&) { return RawReply::ok(employeeList({})); });
    m_server->route(kAttributes, [](const RawRequest&) { return RawReply::ok(attributesBody()); });

    QList<std::shared_ptr<Outcome<std::optional<DirectoryEntry>>>> lookups;
    for (int i = 0; i < 5; ++i) {
        auto out = outcome<std::optional<DirectoryEntry>>();
        m_client->findByEmail(s("person%1@acme.example").arg(i), recorder(out));
        lookups << out;
    }
    auto catalog = outcome<TargetCatalog>();
    m_client->fetchCatalog(recorder(catalog));
    QTRY_COMPARE_WITH_TIMEOUT(catalog->calls, 1, kWaitMs);
    for (const auto& out : lookups) {
        QTRY_COMPARE_WITH_TIMEOUT(out->calls, 1, kWaitMs);
        QVERIFY2(!out->error.isError(), qPrintable(out->error.toString()));
    }
    // A later call reuses the cached token too.
    auto later = outcome<std::optional<DirectoryEntry>>();
    m_client->findByEmail(s("later@acme.example"), recorder(later));
    QTRY_COMPARE_WITH_TIMEOUT(later->calls, 1, kWaitMs);

    QCOMPARE(requestsTo(kAuth), 1);
    QCOMPARE(requestsTo(kEmployees), 6);
    for (const RawRequest& r : m_server->requests()) {
        QCOMPARE(r.headers.value("x-personio-partner-id"), QByteArray("ACME"));
        QCOMPARE(r.headers.value("x-personio-app-id"), QByteArray("HIREBRIDGE_TEST"));
        QCOMPARE(r.headers.value("accept"), QByteArray("application/json"));
        if (r.path == kAuth) {
            QCOMPARE(r.method, QByteArray("POST"));
            QVERIFY(!r.headers.contains("authorization"));
            QCOMPARE(r.headers.value("content-type"), QByteArray("application/json"));
        } else {
            QCOMPARE(r.headers.value("authorization"), QByteArray("Bearer papi-token-1"));
        }
    }
}

void TestPersonioClient::auth_401_reauthenticatesOnceAndRepeats()
{
    routeAuth();
    m_server->route(kEmployees, [](const RawRequest& r) {
        if (r.headers.value("authorization") != "Bearer papi-token-2") {
            return RawReply::withStatus(401, v1Error(0, "The token is expired"));
        }
        return RawReply::ok(employeeList({employeeRow(90412, "dana@acme.example")}));
    });
    auto out = outcome<std::optional<DirectoryEntry>>();
    m_client->findByEmail(s("dana@acme.example"), recorder(out));
    QTRY_COMPARE_WITH_TIMEOUT(out->calls, 1, kWaitMs);
    QVERIFY2(!out->error.isError(), qPrintable(out->error.toString()));
    QCOMPARE(out->value->id, s("90412"));
    QCOMPARE(requestsTo(kAuth), 2);
    QCOMPARE(requestsTo(kEmployees), 2);

    // The new token is kept: the next call needs no /auth.
    auto next = outcome<std::optional<DirectoryEntry>>();
    m_client->findByEmail(s("dana@acme.example"), recorder(next));
    QTRY_COMPARE_WITH_TIMEOUT(next->calls, 1, kWaitMs);
    QCOMPARE(requestsTo(kAuth), 2);
}

void TestPersonioClient::auth_401Twice_failsWithoutLooping()
{
    routeAuth();
    m_server->route(
        kEmployees, [](const RawRequest&) { return RawReply::withStatus(401, v1Error(0, "Unauthorized")); });
    auto out = outcome<std::optional<DirectoryEntry>>();
    m_client->findByEmail(s("dana@acme.example"), recorder(out));
    QTRY_COMPARE_WITH_TIMEOUT(out->calls, 1, kWaitMs);
    QCOMPARE(out->error.kind, ApiError::Kind::Unauthorized);
    QCOMPARE(out->error.server, s("Personio"));
    QCOMPARE(requestsTo(kAuth), 2);
    QCOMPARE(requestsTo(kEmployees), 2);
    QTest::qWait(100);
    QCOMPARE(out->calls, 1);
    QCOMPARE(m_server->totalRequests(), 4);
}

void TestPersonioClient::auth_refused_failsEveryWaitingCall()
{
    m_server->route(kAuth, [](const RawRequest&) {
        return RawReply::withStatus(401, v1Error(0, "could not be authenticated with those credentials"));
    });
    auto a = outcome<std::optional<DirectoryEntry>>();
    auto b = outcome<TargetCatalog>();
    m_client->findByEmail(s("a@acme.example"), recorder(a));
    m_client->fetchCatalog(recorder(b));
    QTRY_VERIFY_WITH_TIMEOUT(a->calls == 1 && b->calls == 1, kWaitMs);
    for (const ApiError& e : {a->error, b->error}) {
        QCOMPARE(e.kind, ApiError::Kind::Unauthorized);
        QVERIFY2(e.message.contains(s("could not be authenticated")), qPrintable(e.message));
        QVERIFY(!e.toString().contains(s("personio-client-secret")));
    }
    QCOMPARE(requestsTo(kAuth), 1); // 401 is not retried, and the two calls shared one attempt
    QCOMPARE(requestsTo(kEmployees), 0);
}

void TestPersonioClient::auth_tokenNeverLogged()
{
    QLoggingCategory::setFilterRules(s("hirebridge.*=true"));
    g_logged.clear();
    g_previousHandler = qInstallMessageHandler(captureAll);
    routeAuth();
    m_server->route(kEmployees, [](const RawRequest& r) {
        if (r.hit == 0) {
            return RawReply::withStatus(401, v1Error(0, "expired"));
        }
        return RawReply::ok(employeeList({}));
    });
    auto out = outcome<std::optional<DirectoryEntry>>();
    m_client->findByEmail(s("dana@acme.example"), recorder(out));
    QTRY_COMPARE_WITH_TIMEOUT(out->calls, 1, kWaitMs);
    qInstallMessageHandler(g_previousHandler);
    QLoggingCategory::setFilterRules(QString());
    QVERIFY(!g_logged.isEmpty()); // something was logged, so the check below means something
    for (const QString& line : std::as_const(g_logged)) {
        QVERIFY2(!line.contains(s("papi-token")), qPrintable(line));
        QVERIFY2(!line.contains(s("personio-client-secret")), qPrintable(line));
    }
}

// ---- lookup --------------------------------------------------------------------------------------------------------

void TestPersonioClient::findByEmail_zeroRows_none()
{
    routeAuth();
    m_server->route(kEmployees, [](const RawRequest&) { return RawReply::ok(employeeList({}, 0, 0)); });
    auto out = outcome<std::optional<DirectoryEntry>>();
    m_client->findByEmail(s("  Dana.O+test@ACME.example "), recorder(out));
    QTRY_COMPARE_WITH_TIMEOUT(out->calls, 1, kWaitMs);
    QVERIFY2(!out->error.isError(), qPrintable(out->error.toString()));
    QVERIFY(!out->value);
    const RawRequest& r = m_server->requests().last();
    QCOMPARE(r.method, QByteArray("GET"));
    // Lower-cased and fully percent-encoded: a bare '+' would reach Personio as a space.
    QCOMPARE(r.target, QByteArray("/v1/company/employees?email=dana.o%2Btest%40acme.example"));
}

void TestPersonioClient::findByEmail_oneRow_entryWithNumericOrStringId_data()
{
    QTest::addColumn<QJsonValue>("id");
    QTest::addColumn<QString>("status");
    QTest::addColumn<bool>("active");
    QTest::newRow("number, onboarding") << QJsonValue(90412) << s("onboarding") << true;
    QTest::newRow("string, inactive") << QJsonValue(s("90412")) << s("inactive") << false;
}

void TestPersonioClient::findByEmail_oneRow_entryWithNumericOrStringId()
{
    QFETCH(QJsonValue, id);
    QFETCH(QString, status);
    QFETCH(bool, active);
    routeAuth();
    m_server->route(kEmployees, [id, status](const RawRequest&) {
        return RawReply::ok(employeeList(
            {employeeRow(id, "Dana.Okafor@acme.example", "Dana", "Okafor", status.toUtf8().constData())}, 1, 1));
    });
    auto out = outcome<std::optional<DirectoryEntry>>();
    m_client->findByEmail(s("dana.okafor@acme.example"), recorder(out));
    QTRY_COMPARE_WITH_TIMEOUT(out->calls, 1, kWaitMs);
    QVERIFY2(!out->error.isError(), qPrintable(out->error.toString()));
    QVERIFY(out->value);
    QCOMPARE(out->value->id, s("90412"));
    QCOMPARE(out->value->email, s("Dana.Okafor@acme.example"));
    QCOMPARE(out->value->firstName, s("Dana"));
    QCOMPARE(out->value->surname, s("Okafor"));
    QCOMPARE(out->value->displayName, s("Dana Okafor"));
    QCOMPARE(out->value->active, active);
}

void TestPersonioClient::findByEmail_rowWithOtherEmail_none()
{
    routeAuth();
    m_server->route(kEmployees,
        [](const RawRequest&) { return RawReply::ok(employeeList({employeeRow(1, "someone.else@acme.example")})); });
    auto out = outcome<std::optional<DirectoryEntry>>();
    m_client->findByEmail(s("dana@acme.example"), recorder(out));
    QTRY_COMPARE_WITH_TIMEOUT(out->calls, 1, kWaitMs);
    QVERIFY(!out->error.isError());
    QVERIFY(!out->value); // the filter is compared again client-side
}

void TestPersonioClient::findByEmail_malformed_failsParseNamingServerAndWhat_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("not json") << QByteArray("<html>oops</html>") << s("employee list is not valid JSON");
    QTest::newRow("array") << json(QJsonArray {}) << s("an array, not an object");
    QTest::newRow("data object") << json(QJsonObject {{s("data"), QJsonObject {}}}) << s("\"data\" is an object");
    QTest::newRow("attributes missing") << json(
        QJsonObject {{s("data"), QJsonArray {QJsonObject {{s("type"), s("Employee")}}}}})
                                        << s("employee 0: \"attributes\" is missing");
    QTest::newRow("id missing") << employeeList({QJsonObject {{s("attributes"), QJsonObject {}}}})
                                << s("\"attributes.id.value\" is missing");
    QJsonObject badEmail = employeeRow(1, "x@y.example");
    QJsonObject attributes = badEmail.value(s("attributes")).toObject();
    attributes.insert(s("email"), attribute(QJsonArray {}));
    badEmail.insert(s("attributes"), attributes);
    QTest::newRow("email array") << employeeList({badEmail}) << s("\"attributes.email.value\" is an array");
}

void TestPersonioClient::findByEmail_malformed_failsParseNamingServerAndWhat()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, mentions);
    routeAuth();
    m_server->route(kEmployees, [body](const RawRequest&) { return RawReply::ok(body); });
    auto out = outcome<std::optional<DirectoryEntry>>();
    m_client->findByEmail(s("x@y.example"), recorder(out));
    QTRY_COMPARE_WITH_TIMEOUT(out->calls, 1, kWaitMs);
    QCOMPARE(out->error.kind, ApiError::Kind::Parse);
    QCOMPARE(out->error.server, s("Personio"));
    QCOMPARE(out->error.context, s("employee lookup"));
    QVERIFY2(out->error.message.contains(mentions), qPrintable(out->error.message));
    QVERIFY(!out->value);
}

// ---- directory -----------------------------------------------------------------------------------------------------

void TestPersonioClient::directory_itemOffsets_pagedUntilShortPage()
{
    routeAuth();
    m_server->route(kEmployees, [](const RawRequest& r) {
        const int offset = queryValue(r.target, s("offset")).toInt();
        const int limit = queryValue(r.target, s("limit")).toInt();
        QJsonArray rows;
        for (int i = offset; i < std::min(450, offset + limit); ++i) {
            rows.append(employeeRow(1000 + i, QStringLiteral("e%1@acme.example").arg(i).toUtf8().constData()));
        }
        return RawReply::ok(employeeList(rows, 450, 3));
    });
    auto out = outcome<Directory>();
    m_client->fetchDirectory(recorder(out));
    QTRY_COMPARE_WITH_TIMEOUT(out->calls, 1, kWaitMs);
    QVERIFY2(!out->error.isError(), qPrintable(out->error.toString()));
    QCOMPARE(out->value.size(), 450);
    QVERIFY(out->value.isComplete());
    QStringList offsets;
    for (const RawRequest& r : m_server->requests()) {
        if (r.path == kEmployees) {
            QCOMPARE(queryValue(r.target, s("limit")), s("200"));
            offsets << queryValue(r.target, s("offset"));
        }
    }
    QCOMPARE(offsets, (QStringList {s("0"), s("200"), s("400")}));
    QCOMPARE(out->value.byEmail(s("e449@acme.example"))->id, s("1449"));
}

void TestPersonioClient::directory_pageNumberOffsets_detectedAndCompleted()
{
    routeAuth();
    // A server reading offset as a page number: offset=200 is far past the end.
    m_server->route(kEmployees, [](const RawRequest& r) {
        const int pageIndex = queryValue(r.target, s("offset")).toInt();
        QJsonArray rows;
        for (int i = pageIndex * 200; i < std::min(450, pageIndex * 200 + 200); ++i) {
            rows.append(employeeRow(1000 + i, QStringLiteral("e%1@acme.example").arg(i).toUtf8().constData()));
        }
        return RawReply::ok(employeeList(rows, 450, 3));
    });
    auto out = outcome<Directory>();
    m_client->fetchDirectory(recorder(out));
    QTRY_COMPARE_WITH_TIMEOUT(out->calls, 1, kWaitMs);
    QVERIFY2(!out->error.isError(), qPrintable(out->error.toString()));
    QCOMPARE(out->value.size(), 450);
    QVERIFY2(out->value.isComplete(), qPrintable(out->value.incompleteReason()));
}

// ---- payload -------------------------------------------------------------------------------------------------------

void TestPersonioClient::buildPayload_fields_customAttributesAndSupervisor()
{
    PayloadInput in;
    in.fields = QJsonObject {{s("email"), s("dana@acme.example")}, {s("first_name"), s("Dana")},
        {s("last_name"), s("Okafor")}, {s("weekly_working_hours"), 40}, {s("dynamic_24410"), s("9f1c")},
        {s("dynamic_24411"), s("M")}};
    DirectoryEntry manager;
    manager.id = s("1183");
    in.manager = manager;
    const QJsonObject payload = m_client->buildPayload(in);
    const QJsonObject expected {{s("employee"),
        QJsonObject {{s("email"), s("dana@acme.example")}, {s("first_name"), s("Dana")}, {s("last_name"), s("Okafor")},
            {s("weekly_working_hours"), 40}, {s("supervisor_id"), 1183},
            {s("custom_attributes"), QJsonObject {{s("dynamic_24410"), s("9f1c")}, {s("dynamic_24411"), s("M")}}}}}};
    QCOMPARE(payload, expected);
    QVERIFY(payload.value(s("employee")).toObject().value(s("supervisor_id")).isDouble()); // a number, not text

    manager.id = s("not-a-personio-id");
    in.manager = manager;
    QVERIFY(!m_client->buildPayload(in).value(s("employee")).toObject().contains(s("supervisor_id")));
}

void TestPersonioClient::buildPayload_defaults()
{
    PayloadInput in;
    in.hire.firstName = s("Zoë");
    in.hire.lastName = s("Ångström");
    in.hire.email = s("zoe@acme.example");
    in.hire.jobTitle = s("Backend Engineer");
    in.hire.department = s("Engineering");
    in.hire.startDate = s("2026-03-02");
    const QJsonObject expected {{s("employee"),
        QJsonObject {{s("email"), s("zoe@acme.example")}, {s("first_name"), s("Zoë")}, {s("last_name"), s("Ångström")},
            {s("position"), s("Backend Engineer")}, {s("department"), s("Engineering")},
            {s("hire_date"), s("2026-03-02")}}}};
    QCOMPARE(m_client->buildPayload(in), expected); // no office: the hire has no location
}

// ---- create --------------------------------------------------------------------------------------------------------

void TestPersonioClient::create_metaWarning_reported()
{
    routeAuth();
    m_server->route(kEmployees, [](const RawRequest&) {
        return RawReply::withStatus(201,
            json(QJsonObject {{s("success"), true},
                {s("data"), QJsonObject {{s("id"), 90412}, {s("message"), s("success")}}},
                {s("meta"),
                    QJsonObject {{s("errors"),
                        QJsonArray {QJsonObject {{s("field"), s("department")},
                            {s("message"), s("Department \"Engneering\" does not exist and was ignored")}}}}}}}));
    });
    const QJsonObject payload {{s("employee"), QJsonObject {{s("email"), s("dana@acme.example")}}}};
    auto out = outcome<CreateResult>();
    m_client->create(payload, s("hire 1 (Dana Okafor)"), recorder(out));
    QTRY_COMPARE_WITH_TIMEOUT(out->calls, 1, kWaitMs);
    QVERIFY2(!out->error.isError(), qPrintable(out->error.toString()));
    QCOMPARE(out->value.remoteId, s("90412"));
    QCOMPARE(out->value.httpStatus, 201);
    QCOMPARE(
        out->value.warnings, (QStringList {s("department: Department \"Engneering\" does not exist and was ignored")}));
    const RawRequest& r = m_server->requests().last();
    QCOMPARE(r.method, QByteArray("POST"));
    QCOMPARE(QJsonDocument::fromJson(r.body).object(), payload);
    QCOMPARE(r.headers.value("content-type"), QByteArray("application/json"));
}

void TestPersonioClient::create_successFalseIn200_failsApi()
{
    routeAuth();
    m_server->route(
        kEmployees, [](const RawRequest&) { return RawReply::ok(v1Error(0, "The supervisor could not be found")); });
    auto out = outcome<CreateResult>();
    m_client->create({}, s("hire 2"), recorder(out));
    QTRY_COMPARE_WITH_TIMEOUT(out->calls, 1, kWaitMs);
    QCOMPARE(out->error.kind, ApiError::Kind::Api);
    QCOMPARE(out->error.message, s("The supervisor could not be found"));
    QCOMPARE(out->error.httpStatus, 200);
    QCOMPARE(out->error.context, s("hire 2"));
    QCOMPARE(requestsTo(kEmployees), 1);
}

void TestPersonioClient::create_missingId_failsParse()
{
    routeAuth();
    m_server->route(kEmployees, [](const RawRequest&) {
        return RawReply::ok(json(QJsonObject {{s("success"), true}, {s("data"), QJsonObject {{s("id"), true}}}}));
    });
    auto out = outcome<CreateResult>();
    m_client->create({}, s("hire 3"), recorder(out));
    QTRY_COMPARE_WITH_TIMEOUT(out->calls, 1, kWaitMs);
    QCOMPARE(out->error.kind, ApiError::Kind::Parse);
    QCOMPARE(out->error.server, s("Personio"));
    QVERIFY2(out->error.message.contains(s("\"data.id\" is a boolean")), qPrintable(out->error.message));
}

void TestPersonioClient::create_duplicate422_messageFromErrorBody()
{
    routeAuth();
    m_server->route(kEmployees, [](const RawRequest&) {
        return RawReply::withStatus(422,
            v1Error(
                0, "The given data was invalid.", {{s("email"), QJsonArray {s("The email has already been taken.")}}}));
    });
    auto out = outcome<CreateResult>();
    m_client->create({}, s("hire 4"), recorder(out));
    QTRY_COMPARE_WITH_TIMEOUT(out->calls, 1, kWaitMs);
    QCOMPARE(out->error.kind, ApiError::Kind::Http);
    QCOMPARE(out->error.httpStatus, 422);
    QCOMPARE(out->error.message, s("The given data was invalid. (email: The email has already been taken.)"));
    QCOMPARE(requestsTo(kEmployees), 1);
}

// ---- documents -----------------------------------------------------------------------------------------------------

namespace {

QByteArray categoriesBody()
{
    const auto category = [](int id, const char* name) {
        return QJsonObject {
            {s("id"), id}, {s("type"), s("DocumentCategory")}, {s("attributes"), QJsonObject {{s("name"), s(name)}}}};
    };
    return json(QJsonObject {{s("success"), true},
        {s("data"),
            QJsonArray {
                category(1, "Other documents"), category(2, "Arbeitsverträge"), category(3, "Bewerbungsunterlagen")}}});
}

} // namespace

void TestPersonioClient::upload_multipartParts_categoryPickedAndCached()
{
    routeAuth();
    m_server->route(kCategories, [](const RawRequest&) { return RawReply::ok(categoriesBody()); });
    m_server->route(kDocuments, [](const RawRequest& r) {
        return RawReply::withStatus(201,
            json(QJsonObject {
                {s("success"), true}, {s("data"), QJsonObject {{s("id"), 5531 + r.hit}, {s("type"), s("Document")}}}}));
    });
    DocumentUpload offer;
    offer.kind = s("offerLetter");
    offer.fileName = s("offer.pdf");
    offer.title = s("Signed offer letter - Dana Okafor");
    offer.contentType = "application/pdf";
    static const char kPdf[] = "%PDF\r\n\0\x01\x02 bytes";
    offer.bytes = QByteArray(kPdf, sizeof(kPdf) - 1);
    DocumentUpload resume;
    resume.kind = s("resume");
    resume.fileName = s("Lebenslauf.pdf");
    resume.contentType = "application/pdf";
    resume.bytes = "cv";

    auto first = outcome<QString>();
    auto second = outcome<QString>();
    m_client->uploadDocument(s("90412"), offer, s("hire 1 offer"), recorder(first));
    m_client->uploadDocument(s("90412"), resume, s("hire 1 resume"), recorder(second));
    QTRY_VERIFY_WITH_TIMEOUT(first->calls && second->calls, kWaitMs);
    QVERIFY2(!first->error.isError(), qPrintable(first->error.toString()));
    QVERIFY2(!second->error.isError(), qPrintable(second->error.toString()));
    QVERIFY(first->value == s("5531") || first->value == s("5532"));
    QCOMPARE(requestsTo(kCategories), 1);
    QCOMPARE(requestsTo(kDocuments), 2);
    QCOMPARE(requestsTo(kAuth), 1);

    int checked = 0;
    for (const RawRequest& r : m_server->requests()) {
        if (r.path != kDocuments) {
            continue;
        }
        QCOMPARE(r.target, kDocuments); // every field a real part, nothing in the query
        QCOMPARE(r.headers.value("authorization"), QByteArray("Bearer papi-token-1"));
        QString problem;
        const auto parts = parseMultipart(r.headers.value("content-type"), r.body, &problem);
        QVERIFY2(!parts.isEmpty(), qPrintable(problem));
        QCOMPARE(parts.size(), 4);
        QCOMPARE(findPart(parts, s("employee_id"))->data, QByteArray("90412"));
        const MultipartPart* file = findPart(parts, s("file"));
        QVERIFY(file && file->hasFileName);
        if (file->fileName == s("offer.pdf")) {
            QCOMPARE(findPart(parts, s("category_id"))->data, QByteArray("2")); // "vertrag"
            QCOMPARE(QString::fromUtf8(findPart(parts, s("title"))->data), s("Signed offer letter - Dana Okafor"));
            QCOMPARE(file->data, offer.bytes);
            QCOMPARE(file->contentType, QByteArray("application/pdf"));
        } else {
            QCOMPARE(file->fileName, s("Lebenslauf.pdf"));
            QCOMPARE(findPart(parts, s("category_id"))->data, QByteArray("3")); // "bewerbung"
            QCOMPARE(findPart(parts, s("title"))->data, QByteArray("Lebenslauf.pdf"));
        }
        ++checked;
    }
    QCOMPARE(checked, 2);
}

void TestPersonioClient::upload_422_messageListsAllowedFiles()
{
    routeAuth();
    m_server->route(kCategories, [](const RawRequest&) { return RawReply::ok(categoriesBody()); });
    m_server->route(kDocuments, [](const RawRequest&) {
        return RawReply::withStatus(422,
            v1Error(0, "The given data was invalid.",
                {{s("file"),
                    QJsonArray {s("The file must be a file of type: pdf, docx, doc, jpg, png, txt, xlsx, zip.")}}}));
    });
    DocumentUpload doc;
    doc.kind = s("resume");
    doc.fileName = s("photo.heic");
    doc.contentType = "image/heic";
    doc.bytes = "x";
    auto out = outcome<QString>();
    m_client->uploadDocument(s("90412"), doc, s("hire 1 resume"), recorder(out));
    QTRY_COMPARE_WITH_TIMEOUT(out->calls, 1, kWaitMs);
    QCOMPARE(out->error.httpStatus, 422);
    QCOMPARE(out->error.server, s("Personio"));
    QVERIFY2(out->error.message.contains(s("photo.heic")), qPrintable(out->error.message));
    QVERIFY2(out->error.message.contains(
                 s("file: The file must be a file of type: pdf, docx, doc, jpg, png, txt, xlsx, zip.")),
        qPrintable(out->error.message));
    QCOMPARE(requestsTo(kDocuments), 1);
}

void TestPersonioClient::upload_404Category_messageAndCacheDropped()
{
    routeAuth();
    m_server->route(kCategories, [](const RawRequest&) { return RawReply::ok(categoriesBody()); });
    m_server->route(kDocuments, [](const RawRequest& r) {
        if (r.hit == 0) {
            return RawReply::withStatus(404, v1Error(0, "No query results for model [DocumentCategory] 1"));
        }
        return RawReply::withStatus(
            201, json(QJsonObject {{s("success"), true}, {s("data"), QJsonObject {{s("id"), 8}}}}));
    });
    DocumentUpload doc;
    doc.kind = s("other");
    doc.fileName = s("a.pdf");
    doc.bytes = "x";
    auto out = outcome<QString>();
    m_client->uploadDocument(s("90412"), doc, s("hire 1 doc"), recorder(out));
    QTRY_COMPARE_WITH_TIMEOUT(out->calls, 1, kWaitMs);
    QCOMPARE(out->error.kind, ApiError::Kind::Http);
    QCOMPARE(out->error.httpStatus, 404);
    QVERIFY2(out->error.message.contains(s("document category 1")), qPrintable(out->error.message));
    QVERIFY2(out->error.message.contains(s("No query results for model [DocumentCategory] 1")),
        qPrintable(out->error.message));

    auto again = outcome<QString>();
    m_client->uploadDocument(s("90412"), doc, s("hire 1 doc"), recorder(again));
    QTRY_COMPARE_WITH_TIMEOUT(again->calls, 1, kWaitMs);
    QVERIFY2(!again->error.isError(), qPrintable(again->error.toString()));
    QCOMPARE(again->value, s("8"));
    QCOMPARE(requestsTo(kCategories), 2); // read again after the 404
}

void TestPersonioClient::upload_tooLarge_rejectedWithoutRequest()
{
    DocumentUpload doc;
    doc.kind = s("resume");
    doc.fileName = s("big.pdf");
    doc.bytes = QByteArray(PersonioClient::kMaxUploadBytes + 1, 'x');
    auto out = outcome<QString>();
    m_client->uploadDocument(s("90412"), doc, s("hire 1 resume"), recorder(out));
    QTRY_COMPARE_WITH_TIMEOUT(out->calls, 1, kWaitMs);
    QCOMPARE(out->error.kind, ApiError::Kind::TooLarge);
    QVERIFY(out->error.message.contains(s("30 MB")));
    QCOMPARE(m_server->totalRequests(), 0);
}

// ---- catalogue -----------------------------------------------------------------------------------------------------

void TestPersonioClient::catalog_attributes_parsed()
{
    routeAuth();
    m_server->route(kAttributes, [](const RawRequest&) { return RawReply::ok(attributesBody()); });
    auto out = outcome<TargetCatalog>();
    m_client->fetchCatalog(recorder(out));
    QTRY_COMPARE_WITH_TIMEOUT(out->calls, 1, kWaitMs);
    QVERIFY2(!out->error.isError(), qPrintable(out->error.toString()));
    const TargetCatalog& c = out->value;
    QCOMPARE(c.target, s("personio"));
    QCOMPARE(c.fields.size(), 9);
    QCOMPARE(c.field(s("first_name"))->name, s("First name"));
    QCOMPARE(c.field(s("first_name"))->type, s("text"));
    QVERIFY(!c.field(s("first_name"))->custom);
    QVERIFY(c.field(s("dynamic_24410"))->custom);
    QCOMPARE(c.field(s("dynamic_24411"))->type, s("list"));
    QCOMPARE(c.field(s("dynamic_24411"))->listId, s("dynamic_24411"));
    QCOMPARE(c.field(s("dynamic_24412"))->type, s("multi-list"));
    QCOMPARE(c.field(s("hire_date"))->type, s("date"));
    QCOMPARE(c.field(s("weekly_working_hours"))->type, s("number"));
    QCOMPARE(c.field(s("dynamic_5"))->type, s("number"));
    QCOMPARE(c.field(s("dynamic_3"))->type, s("text-area"));
    QCOMPARE(c.field(s("dynamic_4"))->type, s("text"));
    const QList<ListItem>* sizes = c.list(s("dynamic_24411"));
    QVERIFY(sizes);
    QCOMPARE(sizes->size(), 3);
    QCOMPARE(sizes->at(1).id, s("M"));
    QCOMPARE(sizes->at(1).name, s("M"));
    QCOMPARE(c.list(s("dynamic_24412"))->at(0).name, s("C++"));
    QVERIFY(m_server->requests().last().headers.value("authorization").startsWith("Bearer "));
}

void TestPersonioClient::catalog_malformed_failsNamingWhat_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("mentions");
    QTest::addColumn<ApiError::Kind>("kind"); // through the client
    QTest::newRow("not json") << QByteArray("{\"data\": ") << s("Personio attribute list is not valid JSON")
                              << ApiError::Kind::Parse;
    QTest::newRow("array") << json(QJsonArray {}) << s("is an array, not an object") << ApiError::Kind::Parse;
    QTest::newRow("data string") << json(QJsonObject {{s("success"), true}, {s("data"), s("x")}})
                                 << s("\"data\" is a string, not an array") << ApiError::Kind::Parse;
    QTest::newRow("success false") << v1Error(0, "Forbidden attributes") << s("Forbidden attributes")
                                   << ApiError::Kind::Api;
    QTest::newRow("key missing") << json(QJsonObject {{s("data"), QJsonArray {QJsonObject {{s("label"), s("x")}}}}})
                                 << s("item 0: \"key\" is missing") << ApiError::Kind::Parse;
    QTest::newRow("label number") << json(
        QJsonObject {{s("data"), QJsonArray {QJsonObject {{s("key"), s("k")}, {s("label"), 3}}}}})
                                  << s("(k): \"label\" is a number") << ApiError::Kind::Parse;
    QTest::newRow("options object") << json(QJsonObject {{s("data"),
        QJsonArray {QJsonObject {{s("key"), s("k")}, {s("type"), s("list")}, {s("options"), QJsonObject {}}}}}})
                                    << s("\"options\" is an object") << ApiError::Kind::Parse;
    QTest::newRow("option bool") << json(QJsonObject {{s("data"),
        QJsonArray {QJsonObject {{s("key"), s("k")}, {s("type"), s("list")}, {s("options"), QJsonArray {true}}}}}})
                                 << s("option 0 is a boolean") << ApiError::Kind::Parse;
}

void TestPersonioClient::catalog_malformed_failsNamingWhat()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, mentions);
    QFETCH(ApiError::Kind, kind);
    QString error;
    QVERIFY(!TargetCatalog::fromPersonio(body, &error));
    QVERIFY2(error.contains(mentions), qPrintable(error));

    routeAuth();
    m_server->route(kAttributes, [body](const RawRequest&) { return RawReply::ok(body); });
    auto out = outcome<TargetCatalog>();
    m_client->fetchCatalog(recorder(out));
    QTRY_COMPARE_WITH_TIMEOUT(out->calls, 1, kWaitMs);
    QCOMPARE(out->error.kind, kind);
    QCOMPARE(out->error.server, s("Personio"));
    QVERIFY2(out->error.message.contains(mentions), qPrintable(out->error.message));
}

void TestPersonioClient::catalog_builtinAndRequired()
{
    const TargetCatalog builtin = TargetCatalog::personioBuiltin();
    QCOMPARE(builtin.target, s("personio"));
    QCOMPARE(builtin.fields.size(), 11);
    QCOMPARE(builtin.field(s("hire_date"))->type, s("date"));
    QCOMPARE(builtin.field(s("weekly_working_hours"))->type, s("number"));
    QVERIFY(builtin.field(s("subcompany")));
    QCOMPARE(TargetCatalog::requiredFields(s("personio"), true),
        (QStringList {s("email"), s("first_name"), s("last_name")}));
    QVERIFY(TargetCatalog::requiredFields(s("other"), true).isEmpty());
}

void TestPersonioClient::check_freshAuthThenAttributes()
{
    routeAuth();
    m_server->route(kAttributes, [](const RawRequest&) { return RawReply::ok(attributesBody()); });
    auto out = outcome<QString>();
    m_client->check(recorder(out));
    QTRY_COMPARE_WITH_TIMEOUT(out->calls, 1, kWaitMs);
    QVERIFY2(!out->error.isError(), qPrintable(out->error.toString()));
    QCOMPARE(out->value, s("Personio: 9 attributes"));
    QCOMPARE(m_server->requests().at(0).path, kAuth);
    QCOMPARE(m_server->requests().at(1).path, kAttributes);

    // A second check authenticates again: it proves the credentials, not a cached token.
    auto again = outcome<QString>();
    m_client->check(recorder(again));
    QTRY_COMPARE_WITH_TIMEOUT(again->calls, 1, kWaitMs);
    QCOMPARE(requestsTo(kAuth), 2);
    QCOMPARE(m_server->requests().last().headers.value("authorization"), QByteArray("Bearer papi-token-2"));
}

QTEST_GUILESS_MAIN(TestPersonioClient)
#include "test_personioclient.moc"
