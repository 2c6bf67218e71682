#include "../http/RawHttpServer.h"
#include "HrisTestSupport.h"
#include "hris/bamboohr/BambooHrClient.h"
#include "http/HttpClient.h"
#include "http/MultipartBody.h"

#include <QNetworkAccessManager>
#include <QTest>

#include <memory>

using namespace hristest;

namespace {

constexpr int kWaitMs = 5000;
const QByteArray kBase = "/api/gateway.php/acme";
const QByteArray kEmployees = kBase + "/v1/employees";

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

QJsonObject employee(int id, const char* first, const char* last, const QJsonValue& workEmail,
    const QJsonValue& homeEmail = QJsonValue::Null, const char* status = "Active")
{
    return {{s("id"), QString::number(id)}, {s("firstName"), s(first)}, {s("lastName"), s(last)},
        {s("workEmail"), workEmail}, {s("homeEmail"), homeEmail}, {s("status"), s(status)}};
}

QByteArray page(const QJsonArray& rows, const QJsonObject& extra = {})
{
    QJsonObject o = extra;
    o.insert(s("data"), rows);
    return json(o);
}

} // namespace

class TestBambooHrClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void identity_andRules();
    void idFromLocation_forms_data();
    void idFromLocation_forms();
    void multipart_quoteParameter_escapesQuotesAndLineBreaks();

    void create_201WithLocationOnly_parsesId_data();
    void create_201WithLocationOnly_parsesId();
    void create_jsonBodyWithId_accepted();
    void create_noIdAnywhere_failsParseNamingRequest();
    void create_headerOnly409_messageFromHeaderWithoutRetry();
    void create_429WithRetryAfter_retried();
    void create_droppedConnection_notRetried();

    void directory_firstRequest_asksCommaFieldsAndLimit();
    void directory_nextCursor_followedWithCursorParameter();
    void directory_linksNext_relativeAndAbsoluteFollowed();
    void directory_linkToOtherHost_refused();
    void directory_repeatedCursor_failsInsteadOfLooping();
    void directory_restrictedWorkEmail_markedIncomplete();
    void directory_legacy503_retried();
    void directory_404_fallsBackToEmployeeDirectory();
    void directory_malformedBodies_failParseNamingServerAndWhat_data();
    void directory_malformedBodies_failParseNamingServerAndWhat();

    void findByEmail_homeEmailAndWorkEmail_matchTrimmedCaseInsensitive();
    void findByEmail_unknownWhileRestricted_failsCannotVerify();

    void buildPayload_defaults_omitEmptyAndKeepCalendarDate();
    void buildPayload_fields_sentAsGiven();

    void upload_multipartParts_andCategoryCachedOnce();
    void upload_noUploadableCategory_fails();
    void upload_nonNumericEmployeeId_rejectedWithoutRequest();
    void findUploaded_matchesTheNameUploadGives_acrossCategories();
    void findUploaded_malformedAnswer_failsNamingWhere();

    void catalog_fieldsAndLists_parsed();
    void catalog_malformed_failsNamingWhat_data();
    void catalog_malformed_failsNamingWhat();
    void catalog_builtinAndRequired();
    void check_readsFieldMetadata();

private:
    std::unique_ptr<BambooHrClient> makeClient();

    std::unique_ptr<RawHttpServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<BambooHrClient> m_client;
};

void TestBambooHrClient::init()
{
    m_server = std::make_unique<RawHttpServer>();
    QVERIFY(m_server->listen());
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_http = std::make_unique<HttpClient>(m_nam.get());
    m_http->setRetryPolicy(fastPolicy());
    m_client = makeClient();
}

void TestBambooHrClient::cleanup()
{
    m_client.reset();
    m_http.reset();
    m_nam.reset();
    m_server.reset();
}

std::unique_ptr<BambooHrClient> TestBambooHrClient::makeClient()
{
    BambooHrConfig config;
    config.url = m_server->url(QString::fromLatin1(kBase));
    config.apiKey = s("bamboo-secret-key-123");
    return std::make_unique<BambooHrClient>(m_http.get(), config);
}

// ---- pure ----------------------------------------------------------------------------------------------------------

void TestBambooHrClient::identity_andRules()
{
    QCOMPARE(m_client->target(), s("bamboohr"));
    QCOMPARE(m_client->displayName(), s("BambooHR"));
    QVERIFY(m_client->snapshotsDirectory());
    const DocumentRules rules = m_client->documentRules();
    QCOMPARE(rules.mode, DocumentRules::Mode::Upload);
    QCOMPARE(rules.maxBytes, qint64(0));
    QVERIFY(rules.allowedExtensions.isEmpty());
}

void TestBambooHrClient::idFromLocation_forms_data()
{
    QTest::addColumn<QByteArray>("location");
    QTest::addColumn<QString>("collection");
    QTest::addColumn<QString>("id");
    QTest::newRow("subdomain") << QByteArray("https://acme.bamboohr.com/api/v1/employees/4127") << s("employees")
                               << s("4127");
    QTest::newRow("gateway") << QByteArray("https://api.bamboohr.com/api/gateway.php/acme/v1/employees/4127")
                             << s("employees") << s("4127");
    QTest::newRow("trailing slash, spaces") << QByteArray("  /api/v1/employees/88/ ") << s("employees") << s("88");
    QTest::newRow("file") << QByteArray("https://acme.bamboohr.com/api/v1/employees/4127/files/9981") << s("files")
                          << s("9981");
    QTest::newRow("file url is no employee")
        << QByteArray("https://acme.bamboohr.com/api/v1/employees/4127/files/9981") << s("employees") << QString();
    QTest::newRow("not numeric") << QByteArray("https://acme.bamboohr.com/api/v1/employees/abc") << s("employees")
                                 << QString();
    QTest::newRow("empty") << QByteArray() << s("employees") << QString();
}

void TestBambooHrClient::idFromLocation_forms()
{
    QFETCH(QByteArray, location);
    QFETCH(QString, collection);
    QFETCH(QString, id);
    QCOMPARE(BambooHrClient::idFromLocation(location, collection), id);
}

void TestBambooHrClient::multipart_quoteParameter_escapesQuotesAndLineBreaks()
{
    QCOMPARE(MultipartBody::quoteParameter(s("a\"b.pdf")), QByteArray("\"a%22b.pdf\""));
    QCOMPARE(MultipartBody::quoteParameter(s("x\r\nContent-Type: evil")), QByteArray("\"x%0D%0AContent-Type: evil\""));
    QCOMPARE(MultipartBody::quoteParameter(s("Zoë.pdf")), QByteArray("\"Zo\xc3\xab.pdf\""));

    MultipartBody body;
    body.addField(s("a"), s("1"));
    const auto first = body.build();
    const auto second = body.build();
    QVERIFY(first.contentType.startsWith("multipart/form-data; boundary="));
    QVERIFY(first.contentType != second.contentType); // random per build
}

// ---- create --------------------------------------------------------------------------------------------------------

void TestBambooHrClient::create_201WithLocationOnly_parsesId_data()
{
    QTest::addColumn<QByteArray>("location");
    QTest::newRow("subdomain form") << QByteArray("https://acme.bamboohr.com/api/v1/employees/4127");
    QTest::newRow("gateway form") << QByteArray("https://api.bamboohr.com/api/gateway.php/acme/v1/employees/4127");
}

void TestBambooHrClient::create_201WithLocationOnly_parsesId()
{
    QFETCH(QByteArray, location);
    m_server->route(
        kEmployees, [&](const RawRequest&) { return RawReply::withStatus(201).header("Location", location); });
    const QJsonObject payload {{s("firstName"), s("Dana")}, {s("lastName"), s("Okafor")},
        {s("workEmail"), s("dana.okafor@acme.example")}, {s("hireDate"), s("2026-03-02")}};
    auto out = outcome<CreateResult>();
    m_client->create(payload, s("hire app-1 (Dana Okafor)"), recorder(out));
    QTRY_COMPARE_WITH_TIMEOUT(out->calls, 1, kWaitMs);

    QVERIFY2(!out->error.isError(), qPrintable(out->error.toString()));
    QCOMPARE(out->value.remoteId, s("4127"));
    QCOMPARE(out->value.httpStatus, 201);
    QVERIFY(out->value.warnings.isEmpty());
    QCOMPARE(m_server->hits(kEmployees), 1);
    const RawRequest& r = m_server->requests().at(0);
    QCOMPARE(r.method, QByteArray("POST"));
    QCOMPARE(r.headers.value("authorization"), "Basic " + QByteArray("bamboo-secret-key-123:x").toBase64());
    QCOMPARE(r.headers.value("accept"), QByteArray("application/json"));
    QCOMPARE(r.headers.value("content-type"), QByteArray("application/json"));
    QCOMPARE(QJsonDocument::fromJson(r.body).object(), payload);
}

void TestBambooHrClient::create_jsonBodyWithId_accepted()
{
    m_server->route(kEmployees, [](const RawRequest&) {
        return RawReply::withStatus(201, json(QJsonObject {{s("id"), 77}}));
    });
    auto out = outcome<CreateResult>();
    m_client->create({{s("firstName"), s("A")}}, s("hire 2"), recorder(out));
    QTRY_COMPARE_WITH_TIMEOUT(out->calls, 1, kWaitMs);
    QVERIFY2(!out->error.isError(), qPrintable(out->error.toString()));
    QCOMPARE(out->value.remoteId, s("77"));
}

void TestBambooHrClient::create_noIdAnywhere_failsParseNamingRequest()
{
    m_server->route(kEmployees, [](const RawRequest&) { return RawReply::withStatus(201); });
    auto out = outcome<CreateResult>();
    m_client->create({{s("firstName"), s("A")}}, s("hire 3 (Kim Park)"), recorder(out));
    QTRY_COMPARE_WITH_TIMEOUT(out->calls, 1, kWaitMs);
    QCOMPARE(out->error.kind, ApiError::Kind::Parse);
    QCOMPARE(out->error.server, s("BambooHR"));
    QCOMPARE(out->error.context, s("hire 3 (Kim Park)"));
    QVERIFY2(out->error.message.contains(s("POST /v1/employees")), qPrintable(out->error.message));
    QVERIFY(out->value.remoteId.isEmpty());
}

void TestBambooHrClient::create_headerOnly409_messageFromHeaderWithoutRetry()
{
    m_server->route(kEmployees, [](const RawRequest&) {
        return RawReply::withStatus(409).header("X-BambooHR-Error-Message", "Invalid value for field \"department\"");
    });
    auto out = outcome<CreateResult>();
    m_client->create({{s("department"), s("Engneering")}}, s("hire 4"), recorder(out));
    QTRY_COMPARE_WITH_TIMEOUT(out->calls, 1, kWaitMs);
    QCOMPARE(out->error.kind, ApiError::Kind::Http);
    QCOMPARE(out->error.httpStatus, 409);
    QCOMPARE(out->error.message, s("Invalid value for field \"department\""));
    QVERIFY(out->error.toString().contains(s("BambooHR: hire 4: HTTP 409")));
    QCOMPARE(m_server->hits(kEmployees), 1);
}

void TestBambooHrClient::create_429WithRetryAfter_retried()
{
    m_server->route(kEmployees, [](const RawRequest& r) {
        if (r.hit == 0) {
            return RawReply::withStatus(429).header("Retry-After", "0");
        }
        return RawReply::withStatus(201).header("Location", "https://acme.bamboohr.com/api/v1/employees/5");
    });
    auto out = outcome<CreateResult>();
    m_client->create({{s("firstName"), s("A")}}, s("hire 5"), recorder(out));
    QTRY_COMPARE_WITH_TIMEOUT(out->calls, 1, kWaitMs);
    QVERIFY2(!out->error.isError(), qPrintable(out->error.toString()));
    QCOMPARE(out->value.remoteId, s("5"));
    QCOMPARE(m_server->hits(kEmployees), 2);
}

void TestBambooHrClient::create_droppedConnection_notRetried()
{
    m_server->route(kEmployees, [](const RawRequest&) { return RawReply::drop(); });
    auto out = outcome<CreateResult>();
    m_client->create({{s("firstName"), s("A")}}, s("hire 6"), recorder(out));
    QTRY_COMPARE_WITH_TIMEOUT(out->calls, 1, kWaitMs);
    QCOMPARE(out->error.kind, ApiError::Kind::Network);
    QCOMPARE(m_server->hits(kEmployees), 1); // it may have arrived: the push run looks the e-mail up first
}

// ---- directory -----------------------------------------------------------------------------------------------------

void TestBambooHrClient::directory_firstRequest_asksCommaFieldsAndLimit()
{
    m_server->route(kEmployees,
        [](const RawRequest&) { return RawReply::ok(page({employee(1, "Dana", "Okafor", s("dana@acme.example"))})); });
    auto out = outcome<Directory>();
    m_client->fetchDirectory(recorder(out));
    QTRY_COMPARE_WITH_TIMEOUT(out->calls, 1, kWaitMs);
    QVERIFY2(!out->error.isError(), qPrintable(out->error.toString()));
    QCOMPARE(out->value.size(), 1);
    QVERIFY(out->value.isComplete());
    const RawRequest& r = m_server->requests().at(0);
    QCOMPARE(r.method, QByteArray("GET"));
    QCOMPARE(queryValue(r.target, s("fields")), s("firstName,lastName,workEmail,homeEmail,status"));
    QCOMPARE(queryValue(r.target, s("page[limit]")), s("1000"));
    QCOMPARE(query(r.target).allQueryItemValues(s("fields")).size(), 1); // the comma form, one key
    QCOMPARE(r.headers.value("accept"), QByteArray("application/json"));
    QVERIFY(r.headers.value("authorization").startsWith("Basic "));
}

void TestBambooHrClient::directory_nextCursor_followedWithCursorParameter()
{
    m_server->route(kEmployees, [](const RawRequest& r) {
        const QString cursor = queryValue(r.target, QString::fromLatin1(BambooHrClient::kCursorParameter));
        if (cursor.isEmpty()) {
            return RawReply::ok(page({employee(1, "A", "One", s("a@acme.example"))},
                {{s("meta"), QJsonObject {{s("page"), QJsonObject {{s("nextCursor"), s("c2+/=")}}}}}}));
        }
        if (cursor == s("c2+/=")) {
            return RawReply::ok(page({employee(2, "B", "Two", s("b@acme.example"))},
                {{s("meta"), QJsonObject {{s("page"), QJsonObject {{s("nextCursor"), QJsonValue::Null}}}}}}));
        }
        return RawReply::withStatus(400);
    });
    auto out = outcome<Directory>();
    m_client->fetchDirectory(recorder(out));
    QTRY_COMPARE_WITH_TIMEOUT(out->calls, 1, kWaitMs);
    QVERIFY2(!out->error.isError(), qPrintable(out->error.toString()));
    QCOMPARE(out->value.size(), 2);
    QVERIFY(out->value.byEmail(s("b@acme.example")));
    QCOMPARE(m_server->hits(kEmployees), 2);
    const RawRequest& second = m_server->requests().at(1);
    // The cursor is added to the first request's parameters, not instead of them.
    QCOMPARE(queryValue(second.target, s("fields")), s("firstName,lastName,workEmail,homeEmail,status"));
    QCOMPARE(queryValue(second.target, s("page[limit]")), s("1000"));
}

void TestBambooHrClient::directory_linksNext_relativeAndAbsoluteFollowed()
{
    const QString absolute = m_server->url(QString::fromLatin1(kEmployees)).toString() + s("?page=3");
    m_server->route(kEmployees, [absolute](const RawRequest& r) {
        const QString at = queryValue(r.target, s("page"));
        if (at.isEmpty()) {
            // Relative, and with a cursor beside it: the link wins.
            return RawReply::ok(page({employee(1, "A", "One", s("a@acme.example"))},
                {{s("_links"), QJsonObject {{s("next"), s("/api/gateway.php/acme/v1/employees?page=2")}}},
                    {s("meta"), QJsonObject {{s("page"), QJsonObject {{s("nextCursor"), s("ignored")}}}}}}));
        }
        if (at == s("2")) {
            return RawReply::ok(page({employee(2, "B", "Two", s("b@acme.example"))},
                {{s("_links"), QJsonObject {{s("next"), QJsonObject {{s("href"), absolute}}}}}}));
        }
        return RawReply::ok(page({employee(3, "C", "Three", s("c@acme.example"))}, {{s("_links"), QJsonObject {}}}));
    });
    auto out = outcome<Directory>();
    m_client->fetchDirectory(recorder(out));
    QTRY_COMPARE_WITH_TIMEOUT(out->calls, 1, kWaitMs);
    QVERIFY2(!out->error.isError(), qPrintable(out->error.toString()));
    QCOMPARE(out->value.size(), 3);
    QCOMPARE(m_server->hits(kEmployees), 3);
    QVERIFY(queryValue(m_server->requests().at(1).target, s("page[after]")).isEmpty());
}

void TestBambooHrClient::directory_linkToOtherHost_refused()
{
    m_server->route(kEmployees, [](const RawRequest&) {
        return RawReply::ok(page({employee(1, "A", "One", s("a@acme.example"))},
            {{s("_links"), QJsonObject {{s("next"), s("https://collector.example/steal?page=2")}}}}));
    });
    auto out = outcome<Directory>();
    m_client->fetchDirectory(recorder(out));
    QTRY_COMPARE_WITH_TIMEOUT(out->calls, 1, kWaitMs);
    QCOMPARE(out->error.kind, ApiError::Kind::Parse);
    QVERIFY2(out->error.message.contains(s("collector.example")), qPrintable(out->error.message));
    QCOMPARE(m_server->totalRequests(), 1);
}

void TestBambooHrClient::directory_repeatedCursor_failsInsteadOfLooping()
{
    m_server->route(kEmployees, [](const RawRequest&) {
        return RawReply::ok(page({employee(1, "A", "One", s("a@acme.example"))},
            {{s("meta"), QJsonObject {{s("page"), QJsonObject {{s("nextCursor"), s("same")}}}}}}));
    });
    auto out = outcome<Directory>();
    m_client->fetchDirectory(recorder(out));
    QTRY_COMPARE_WITH_TIMEOUT(out->calls, 1, kWaitMs);
    QCOMPARE(out->error.kind, ApiError::Kind::Parse);
    QVERIFY2(out->error.message.contains(s("repeats")), qPrintable(out->error.message));
    QCOMPARE(m_server->hits(kEmployees), 2);
}

void TestBambooHrClient::directory_restrictedWorkEmail_markedIncomplete()
{
    m_server->route(kEmployees, [](const RawRequest&) {
        QJsonObject hidden = employee(2, "Lena", "Fischer", QJsonValue::Null);
        hidden.insert(s("_restrictedFields"), QJsonArray {s("workEmail")});
        return RawReply::ok(page({employee(1, "Dana", "Okafor", s("dana@acme.example")), hidden}));
    });
    auto out = outcome<Directory>();
    m_client->fetchDirectory(recorder(out));
    QTRY_COMPARE_WITH_TIMEOUT(out->calls, 1, kWaitMs);
    QVERIFY2(!out->error.isError(), qPrintable(out->error.toString()));
    QCOMPARE(out->value.size(), 2);
    QVERIFY(!out->value.isComplete());
    QVERIFY2(out->value.incompleteReason().contains(s("1 of 2")), qPrintable(out->value.incompleteReason()));
    QVERIFY(out->value.incompleteReason().contains(s("_restrictedFields")));
}

void TestBambooHrClient::directory_legacy503_retried()
{
    m_server->route(kEmployees, [](const RawRequest& r) {
        if (r.hit == 0) {
            return RawReply::withStatus(503); // the old throttling answer: no Retry-After
        }
        return RawReply::ok(page({employee(1, "A", "One", s("a@acme.example"))}));
    });
    auto out = outcome<Directory>();
    m_client->fetchDirectory(recorder(out));
    QTRY_COMPARE_WITH_TIMEOUT(out->calls, 1, kWaitMs);
    QVERIFY2(!out->error.isError(), qPrintable(out->error.toString()));
    QCOMPARE(m_server->hits(kEmployees), 2);
}

void TestBambooHrClient::directory_404_fallsBackToEmployeeDirectory()
{
    m_server->route(kEmployees + "/directory", [](const RawRequest& r) {
        if (queryValue(r.target, s("onlyCurrent")) != s("false")) {
            return RawReply::withStatus(400);
        }
        QJsonObject row {{s("id"), s("7")}, {s("firstName"), s("Kim")}, {s("lastName"), s("Park")},
            {s("displayName"), s("Kim Park")}, {s("workEmail"), s("kim@acme.example")}};
        return RawReply::ok(json(QJsonObject {{s("fields"), QJsonArray {}}, {s("employees"), QJsonArray {row}}}));
    });
    auto out = outcome<Directory>();
    m_client->fetchDirectory(recorder(out));
    QTRY_COMPARE_WITH_TIMEOUT(out->calls, 1, kWaitMs);
    QVERIFY2(!out->error.isError(), qPrintable(out->error.toString()));
    QCOMPARE(out->value.size(), 1);
    QCOMPARE(out->value.byEmail(s("KIM@acme.example"))->id, s("7"));
    QCOMPARE(m_server->hits(kEmployees), 1);
}

void TestBambooHrClient::directory_malformedBodies_failParseNamingServerAndWhat_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("not json") << QByteArray("{\"data\": [") << s("not valid JSON");
    QTest::newRow("xml") << QByteArray("<employees/>") << s("XML");
    QTest::newRow("data not array") << json(QJsonObject {{s("data"), s("x")}}) << s("\"data\" is a string");
    QTest::newRow("no rows") << json(QJsonObject {{s("meta"), QJsonObject {}}}) << s("no \"data\" array");
    QTest::newRow("row not object") << page({3}) << s("employee 0 is a number");
    QTest::newRow("id missing") << page({QJsonObject {{s("firstName"), s("A")}}}) << s("\"id\" is missing");
    QTest::newRow("workEmail number") << page({employee(1, "A", "B", 5)}) << s("\"workEmail\" is a number");
    QJsonObject restricted = employee(1, "A", "B", s("a@x.example"));
    restricted.insert(s("_restrictedFields"), s("workEmail"));
    QTest::newRow("restricted not array") << page({restricted}) << s("\"_restrictedFields\" is a string");
    QTest::newRow("next not text") << page({}, {{s("_links"), QJsonObject {{s("next"), 4}}}})
                                   << s("\"_links.next\" is a number");
}

void TestBambooHrClient::directory_malformedBodies_failParseNamingServerAndWhat()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, mentions);
    m_server->route(kEmployees, [body](const RawRequest&) { return RawReply::ok(body); });
    auto out = outcome<Directory>();
    m_client->fetchDirectory(recorder(out));
    QTRY_COMPARE_WITH_TIMEOUT(out->calls, 1, kWaitMs);
    QCOMPARE(out->error.kind, ApiError::Kind::Parse);
    QCOMPARE(out->error.server, s("BambooHR"));
    QCOMPARE(out->error.context, s("employee list"));
    QVERIFY2(out->error.message.contains(mentions), qPrintable(out->error.message));
    QCOMPARE(out->value.size(), 0);
}

// ---- lookup --------------------------------------------------------------------------------------------------------

void TestBambooHrClient::findByEmail_homeEmailAndWorkEmail_matchTrimmedCaseInsensitive()
{
    m_server->route(kEmployees, [](const RawRequest&) {
        return RawReply::ok(
            page({employee(1, "Dana", "Okafor", s("dana.okafor@acme.example"), s("Dana.O@Mail.example")),
                employee(2, "Lena", "Fischer", s("lena@acme.example"), QJsonValue::Null, "Inactive"),
                // Someone else's home address equal to a work address: the work address wins.
                employee(3, "Kim", "Park", s("kim@acme.example"), s("lena@acme.example"))}));
    });
    const auto lookup = [this](const char* email) {
        auto out = outcome<std::optional<DirectoryEntry>>();
        m_client->findByEmail(s(email), recorder(out));
        return out;
    };
    auto home = lookup("  dana.o@mail.EXAMPLE ");
    auto work = lookup("DANA.OKAFOR@acme.example");
    auto inactive = lookup("lena@acme.example");
    auto none = lookup("nobody@acme.example");
    QTRY_VERIFY_WITH_TIMEOUT(home->calls && work->calls && inactive->calls && none->calls, kWaitMs);

    QVERIFY2(!home->error.isError(), qPrintable(home->error.toString()));
    QVERIFY(home->value);
    QCOMPARE(home->value->id, s("1"));
    QCOMPARE(home->value->email, s("dana.okafor@acme.example"));
    QCOMPARE(home->value->displayName, s("Dana Okafor"));
    QCOMPARE(work->value->id, s("1"));
    QCOMPARE(inactive->value->id, s("2"));
    QVERIFY(!inactive->value->active);
    QVERIFY(home->value->active);
    QVERIFY(!none->error.isError());
    QVERIFY(!none->value);
    QCOMPARE(home->calls, 1);
}

void TestBambooHrClient::findByEmail_unknownWhileRestricted_failsCannotVerify()
{
    m_server->route(kEmployees, [](const RawRequest&) {
        QJsonObject hidden = employee(2, "Lena", "Fischer", QJsonValue::Null);
        hidden.insert(s("_restrictedFields"), QJsonArray {s("workEmail")});
        return RawReply::ok(page({employee(1, "Dana", "Okafor", s("dana@acme.example")), hidden}));
    });
    auto unknown = outcome<std::optional<DirectoryEntry>>();
    auto known = outcome<std::optional<DirectoryEntry>>();
    m_client->findByEmail(s("lena@acme.example"), recorder(unknown));
    m_client->findByEmail(s("dana@acme.example"), recorder(known));
    QTRY_VERIFY_WITH_TIMEOUT(unknown->calls && known->calls, kWaitMs);
    QCOMPARE(unknown->error.kind, ApiError::Kind::Unauthorized);
    QVERIFY2(unknown->error.message.contains(s("cannot verify")), qPrintable(unknown->error.message));
    QVERIFY(!unknown->value);
    QVERIFY(!known->error.isError()); // a hit is still a hit
    QCOMPARE(known->value->id, s("1"));
}

// ---- payload -------------------------------------------------------------------------------------------------------

void TestBambooHrClient::buildPayload_defaults_omitEmptyAndKeepCalendarDate()
{
    PayloadInput in;
    in.hire.firstName = s("Zoë");
    in.hire.lastName = s("Ångström");
    in.hire.email = s("zoe@acme.example");
    in.hire.jobTitle = s("Backend Engineer");
    in.hire.location = s("Berlin");
    in.hire.startDate = s("2026-03-02");
    DirectoryEntry manager;
    manager.id = s("12");
    in.manager = manager;
    const QJsonObject payload = m_client->buildPayload(in);
    const QJsonObject expected {{s("firstName"), s("Zoë")}, {s("lastName"), s("Ångström")},
        {s("workEmail"), s("zoe@acme.example")}, {s("jobTitle"), s("Backend Engineer")}, {s("location"), s("Berlin")},
        {s("hireDate"), s("2026-03-02")}};
    QCOMPARE(payload, expected); // no department (empty), no manager key (unconfirmed)
}

void TestBambooHrClient::buildPayload_fields_sentAsGiven()
{
    PayloadInput in;
    in.hire.firstName = s("Ignored");
    in.fields = QJsonObject {{s("firstName"), s("Dana")}, {s("customAshbyCandidateId"), s("9f1c")}, {s("4031"), 5}};
    QCOMPARE(m_client->buildPayload(in), *in.fields);
}

// ---- documents -----------------------------------------------------------------------------------------------------

void TestBambooHrClient::upload_multipartParts_andCategoryCachedOnce()
{
    const QByteArray view = kEmployees + "/4127/files/view";
    const QByteArray files = kEmployees + "/4127/files";
    m_server->route(view, [](const RawRequest&) {
        const QJsonArray categories {
            QJsonObject {{s("id"), 1}, {s("name"), s("Resumes and Applications")}, {s("canUploadFiles"), s("yes")}},
            QJsonObject {{s("id"), s("3")}, {s("name"), s("Offer Letters")}, {s("canUploadFiles"), s("no")}},
            QJsonObject {{s("id"), 17}, {s("name"), s("Signed Documents")}, {s("canUploadFiles"), s("yes")},
                {s("files"), QJsonArray {}}},
        };
        return RawReply::ok(json(QJsonObject {{s("categories"), categories}, {s("employee"), QJsonObject {}}}));
    });
    m_server->route(files, [](const RawRequest& r) {
        return RawReply::withStatus(201).header(
            "Location", "https://acme.bamboohr.com/api/v1/employees/4127/files/" + QByteArray::number(9981 + r.hit));
    });

    DocumentUpload offer;
    offer.kind = s("offerLetter");
    offer.fileName = s("offer \"final\".pdf");
    offer.title = s("Signed offer letter - Dana Okafor");
    offer.contentType = "application/pdf";
    static const char kPdf[] = "%PDF-1.7\r\n--not-a-boundary\r\n\0\xff binary";
    offer.bytes = QByteArray(kPdf, sizeof(kPdf) - 1);
    DocumentUpload resume;
    resume.kind = s("resume");
    resume.fileName = s("cv.docx");
    resume.contentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    resume.bytes = "resume bytes";

    auto first = outcome<QString>();
    auto second = outcome<QString>();
    m_client->uploadDocument(s("4127"), offer, s("hire 1 offer letter"), recorder(first));
    m_client->uploadDocument(s("4127"), resume, s("hire 1 resume"), recorder(second));
    QTRY_VERIFY_WITH_TIMEOUT(first->calls && second->calls, kWaitMs);
    QVERIFY2(!first->error.isError(), qPrintable(first->error.toString()));
    QVERIFY2(!second->error.isError(), qPrintable(second->error.toString()));
    QCOMPARE(m_server->hits(view), 1); // the categories are fetched once per client
    QCOMPARE(m_server->hits(files), 2);
    QVERIFY(first->value == s("9981") || first->value == s("9982"));

    for (const RawRequest& r : m_server->requests()) {
        if (r.path != files) {
            continue;
        }
        QString problem;
        const auto parts = parseMultipart(r.headers.value("content-type"), r.body, &problem);
        QVERIFY2(!parts.isEmpty(), qPrintable(problem));
        QCOMPARE(parts.size(), 4);
        QCOMPARE(findPart(parts, s("share"))->data, QByteArray("no"));
        const MultipartPart* file = findPart(parts, s("file"));
        QVERIFY(file);
        QVERIFY(file->hasFileName);
        if (findPart(parts, s("category"))->data == "17") {
            // "Offer Letters" takes no uploads; "signed" finds the next best.
            QCOMPARE(file->fileName, s("offer %22final%22.pdf"));
            QCOMPARE(file->contentType, QByteArray("application/pdf"));
            QCOMPARE(file->data, offer.bytes);
            QCOMPARE(
                QString::fromUtf8(findPart(parts, s("fileName"))->data), s("Signed offer letter - Dana Okafor.pdf"));
        } else {
            QCOMPARE(findPart(parts, s("category"))->data, QByteArray("1"));
            QCOMPARE(file->fileName, s("cv.docx"));
            QCOMPARE(file->data, resume.bytes);
            QCOMPARE(findPart(parts, s("fileName"))->data, QByteArray("cv.docx"));
        }
        QVERIFY(!findPart(parts, s("file"))->name.isEmpty());
    }
}

void TestBambooHrClient::upload_noUploadableCategory_fails()
{
    m_server->route(kEmployees + "/9/files/view", [](const RawRequest&) {
        return RawReply::ok(json(QJsonObject {{s("categories"),
            QJsonArray {QJsonObject {{s("id"), 1}, {s("name"), s("Offer")}, {s("canUploadFiles"), false}}}}}));
    });
    DocumentUpload doc;
    doc.kind = s("offerLetter");
    doc.fileName = s("o.pdf");
    auto out = outcome<QString>();
    m_client->uploadDocument(s("9"), doc, s("hire 9 offer"), recorder(out));
    QTRY_COMPARE_WITH_TIMEOUT(out->calls, 1, kWaitMs);
    QCOMPARE(out->error.kind, ApiError::Kind::Api);
    QVERIFY(out->error.message.contains(s("no file category")));
    QCOMPARE(m_server->hits(kEmployees + "/9/files"), 0);
}

void TestBambooHrClient::upload_nonNumericEmployeeId_rejectedWithoutRequest()
{
    DocumentUpload doc;
    doc.kind = s("resume");
    auto out = outcome<QString>();
    m_client->uploadDocument(s("../meta/fields"), doc, s("hire x"), recorder(out));
    QCOMPARE(out->calls, 0); // answered from the event loop, like a request
    QTRY_COMPARE_WITH_TIMEOUT(out->calls, 1, kWaitMs);
    QCOMPARE(out->error.kind, ApiError::Kind::Api);
    QCOMPARE(m_server->totalRequests(), 0);
}

void TestBambooHrClient::findUploaded_matchesTheNameUploadGives_acrossCategories()
{
    const QByteArray view = kEmployees + "/4127/files/view";
    m_server->route(view, [](const RawRequest&) {
        const QJsonArray categories {
            QJsonObject {{s("id"), 1}, {s("name"), s("Resumes")},
                {s("files"),
                    QJsonArray {QJsonObject {
                        {s("id"), 55}, {s("name"), s("cv.docx")}, {s("originalFileName"), s("cv.docx")}}}}},
            QJsonObject {{s("id"), 17}, {s("name"), s("Signed Documents")},
                {s("files"),
                    QJsonArray {
                        QJsonObject {{s("id"), s("9982")}, {s("name"), s("Signed offer letter - Dana Okafor.PDF")},
                            {s("originalFileName"), s("offer.pdf")}}}}},
            QJsonObject {{s("id"), 18}, {s("name"), s("Empty")}},
        };
        return RawReply::ok(json(QJsonObject {{s("categories"), categories}}));
    });
    DocumentUpload offer;
    offer.kind = s("offerLetter");
    offer.fileName = s("offer.pdf");
    offer.title = s("Signed offer letter - Dana Okafor");
    QCOMPARE(BambooHrClient::storedName(offer), s("Signed offer letter - Dana Okafor.pdf"));
    auto found = outcome<std::optional<QString>>();
    m_client->findUploaded(s("4127"), offer, s("offer"), recorder(found));
    QTRY_COMPARE_WITH_TIMEOUT(found->calls, 1, kWaitMs);
    QVERIFY2(!found->error.isError(), qPrintable(found->error.toString()));
    QCOMPARE(found->value, std::optional<QString>(s("9982")));

    DocumentUpload other = offer;
    other.title = s("Signed offer letter - Someone Else");
    auto missing = outcome<std::optional<QString>>();
    m_client->findUploaded(s("4127"), other, s("offer"), recorder(missing));
    QTRY_COMPARE_WITH_TIMEOUT(missing->calls, 1, kWaitMs);
    QVERIFY(!missing->error.isError());
    QCOMPARE(missing->value, std::nullopt);

    auto injected = outcome<std::optional<QString>>();
    m_client->findUploaded(s("../meta/fields"), offer, s("offer"), recorder(injected));
    QTRY_COMPARE_WITH_TIMEOUT(injected->calls, 1, kWaitMs);
    QCOMPARE(injected->error.kind, ApiError::Kind::Api);
    QCOMPARE(m_server->hits(view), 2);
}

void TestBambooHrClient::findUploaded_malformedAnswer_failsNamingWhere()
{
    QString error;
    QVERIFY(!BambooHrClient::parseStoredFiles(R"({"categories": {}})", &error));
    QVERIFY2(error.contains(s("categories")), qPrintable(error));
    QVERIFY(!BambooHrClient::parseStoredFiles(R"({"categories": [{"id": 1, "files": "x"}]})", &error));
    QVERIFY2(error.contains(s("files")), qPrintable(error));
    QVERIFY(!BambooHrClient::parseStoredFiles(
        R"({"categories": [{"id": 1, "files": [{"id": " ", "name": "a"}]}]})", &error));
    QVERIFY2(error.contains(s("file category 0, file 0")), qPrintable(error));
    QVERIFY(!BambooHrClient::parseStoredFiles(R"({"categories": [{"files": [{"id": 3, "name": 7}]}]})", &error));
    QVERIFY2(error.contains(s("name")), qPrintable(error));
    QVERIFY(!BambooHrClient::parseStoredFiles("<files/>", &error));
    const auto ok = BambooHrClient::parseStoredFiles(R"({"categories": [{"id": 1, "files": null}]})", &error);
    QVERIFY(ok && ok->isEmpty());
}

// ---- catalogue -----------------------------------------------------------------------------------------------------

namespace {

QByteArray fieldsBody()
{
    return json(QJsonArray {
        QJsonObject {
            {s("id"), s("4")}, {s("name"), s("First name")}, {s("type"), s("text")}, {s("alias"), s("firstName")}},
        QJsonObject {{s("id"), 81}, {s("name"), s("Hire date")}, {s("type"), s("date")}, {s("alias"), s("hireDate")}},
        QJsonObject {
            {s("id"), s("4")}, {s("name"), s("Duplicate")}, {s("type"), s("text")}, {s("alias"), s("firstName")}},
        QJsonObject {{s("id"), s("4031")}, {s("name"), s("Ashby candidate ID")}, {s("type"), s("text")}},
        QJsonObject {{s("id"), s("4032")}, {s("name"), s("T-shirt size")}, {s("type"), s("list")}},
        QJsonObject {{s("id"), s("4033")}, {s("name"), s("Languages")}, {s("type"), s("text")}},
        QJsonObject {
            {s("id"), s("17")}, {s("name"), s("Department")}, {s("type"), s("list")}, {s("alias"), s("department")}},
        QJsonObject {{s("id"), s("18")}, {s("name"), s("Bonus %")}, {s("type"), s("percentage")},
            {s("alias"), QJsonValue::Null}},
        QJsonObject {{s("id"), s("19")}, {s("name"), s("Notes")}, {s("type"), s("textarea")}, {s("alias"), s("notes")}},
    });
}

QByteArray listsBody()
{
    const auto option = [](const QJsonValue& id, const char* name, const QJsonValue& archived) {
        return QJsonObject {{s("id"), id}, {s("name"), s(name)}, {s("archived"), archived}};
    };
    return json(QJsonArray {
        QJsonObject {{s("fieldId"), 17}, {s("alias"), s("department")}, {s("manageable"), s("yes")},
            {s("multiple"), s("no")},
            {s("options"), QJsonArray {option(1, "Engineering", s("no")), option(s("2"), "Sales", s("yes"))}}},
        QJsonObject {{s("fieldId"), s("4032")}, {s("multiple"), s("no")},
            {s("options"), QJsonArray {option(5, "S", false), option(6, "M", false)}}},
        QJsonObject {{s("fieldId"), s("4033")}, {s("multiple"), s("yes")},
            {s("options"), QJsonArray {option(9, "German", s("no"))}}},
    });
}

} // namespace

void TestBambooHrClient::catalog_fieldsAndLists_parsed()
{
    m_server->route(kBase + "/v1/meta/fields", [](const RawRequest&) { return RawReply::ok(fieldsBody()); });
    m_server->route(kBase + "/v1/meta/lists", [](const RawRequest&) { return RawReply::ok(listsBody()); });
    auto out = outcome<TargetCatalog>();
    m_client->fetchCatalog(recorder(out));
    QTRY_COMPARE_WITH_TIMEOUT(out->calls, 1, kWaitMs);
    QVERIFY2(!out->error.isError(), qPrintable(out->error.toString()));
    const TargetCatalog& c = out->value;
    QCOMPARE(c.target, s("bamboohr"));
    QCOMPARE(c.fields.size(), 8); // the duplicate alias is kept once
    QCOMPARE(c.field(s("firstName"))->name, s("First name"));
    QCOMPARE(c.field(s("firstName"))->type, s("text"));
    QVERIFY(!c.field(s("firstName"))->custom);
    QCOMPARE(c.field(s("hireDate"))->type, s("date"));
    QCOMPARE(c.field(s("18"))->type, s("number")); // null alias: the numeric id
    QCOMPARE(c.field(s("notes"))->type, s("text-area"));
    const TargetField* custom = c.field(s("4031"));
    QVERIFY(custom);
    QVERIFY(custom->custom);
    QCOMPARE(custom->type, s("text"));
    QCOMPARE(c.field(s("department"))->type, s("list"));
    QCOMPARE(c.field(s("department"))->listId, s("department"));
    QCOMPARE(c.field(s("4032"))->listId, s("4032"));
    QCOMPARE(c.field(s("4033"))->type, s("multi-list")); // meta/lists says multiple
    const QList<ListItem>* departments = c.list(s("department"));
    QVERIFY(departments);
    QCOMPARE(departments->size(), 2);
    QCOMPARE(departments->at(0).id, s("1"));
    QCOMPARE(departments->at(0).name, s("Engineering"));
    QVERIFY(!departments->at(0).archived);
    QVERIFY(departments->at(1).archived);
    QCOMPARE(c.list(s("4032"))->at(1).name, s("M"));
    // The cache round trip keeps it.
    QString error;
    const auto back = TargetCatalog::fromJson(c.toJson(), &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(back->field(s("department"))->listId, s("department"));
}

void TestBambooHrClient::catalog_malformed_failsNamingWhat_data()
{
    QTest::addColumn<QByteArray>("fields");
    QTest::addColumn<QByteArray>("lists");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("fields not json") << QByteArray("[{") << QByteArray()
                                     << s("BambooHR field metadata is not valid JSON");
    QTest::newRow("fields object") << json(QJsonObject {}) << QByteArray() << s("not an array");
    QTest::newRow("id bool") << json(QJsonArray {QJsonObject {{s("id"), true}}}) << QByteArray()
                             << s("item 0: \"id\" is a boolean");
    QTest::newRow("alias number") << json(QJsonArray {QJsonObject {{s("id"), 4}, {s("alias"), 4}}}) << QByteArray()
                                  << s("\"alias\" is a number");
    QTest::newRow("lists not json") << fieldsBody() << QByteArray("nope")
                                    << s("BambooHR list metadata is not valid JSON");
    QTest::newRow("options object") << fieldsBody()
                                    << json(QJsonArray {
                                           QJsonObject {{s("fieldId"), 17}, {s("options"), QJsonObject {}}}})
                                    << s("\"options\" is an object");
    QTest::newRow("option name missing") << fieldsBody()
                                         << json(QJsonArray {QJsonObject {{s("fieldId"), 17},
                                                {s("options"), QJsonArray {QJsonObject {{s("id"), 1}}}}}})
                                         << s("option 0: \"name\" is missing");
    QTest::newRow("list without field") << fieldsBody()
                                        << json(QJsonArray {QJsonObject {{s("options"), QJsonArray {}}}})
                                        << s("neither \"fieldId\"");
}

void TestBambooHrClient::catalog_malformed_failsNamingWhat()
{
    QFETCH(QByteArray, fields);
    QFETCH(QByteArray, lists);
    QFETCH(QString, mentions);
    QString error;
    QVERIFY(!TargetCatalog::fromBambooHr(fields, lists, &error));
    QVERIFY2(error.contains(mentions), qPrintable(error));

    // Through the client: a Parse error naming the server.
    m_server->route(kBase + "/v1/meta/fields", [fields](const RawRequest&) { return RawReply::ok(fields); });
    m_server->route(kBase + "/v1/meta/lists", [lists](const RawRequest&) { return RawReply::ok(lists); });
    auto out = outcome<TargetCatalog>();
    m_client->fetchCatalog(recorder(out));
    QTRY_COMPARE_WITH_TIMEOUT(out->calls, 1, kWaitMs);
    QCOMPARE(out->error.kind, ApiError::Kind::Parse);
    QCOMPARE(out->error.server, s("BambooHR"));
    QVERIFY2(out->error.message.contains(mentions), qPrintable(out->error.message));
}

void TestBambooHrClient::catalog_builtinAndRequired()
{
    const TargetCatalog builtin = TargetCatalog::bambooHrBuiltin();
    QCOMPARE(builtin.target, s("bamboohr"));
    QCOMPARE(builtin.fields.size(), 12);
    QCOMPARE(builtin.field(s("jobTitle"))->type, s("list"));
    QCOMPARE(builtin.field(s("location"))->listId, s("location"));
    QCOMPARE(builtin.field(s("hireDate"))->type, s("date"));
    QVERIFY(builtin.field(s("homeEmail")));
    QCOMPARE(TargetCatalog::requiredFields(s("bamboohr"), false),
        (QStringList {s("firstName"), s("lastName"), s("workEmail")}));
    QCOMPARE(TargetCatalog::requiredFields(s("bamboohr"), true), TargetCatalog::requiredFields(s("bamboohr"), false));
}

void TestBambooHrClient::check_readsFieldMetadata()
{
    m_server->route(kBase + "/v1/meta/fields", [](const RawRequest& r) {
        if (r.hit > 0) {
            return RawReply::withStatus(401).header("X-BambooHR-Error-Message", "Invalid API key");
        }
        return RawReply::ok(fieldsBody());
    });
    auto ok = outcome<QString>();
    m_client->check(recorder(ok));
    QTRY_COMPARE_WITH_TIMEOUT(ok->calls, 1, kWaitMs);
    QVERIFY2(!ok->error.isError(), qPrintable(ok->error.toString()));
    QCOMPARE(ok->value, s("BambooHR: 9 fields"));
    QCOMPARE(m_server->requests().at(0).method, QByteArray("GET"));

    auto refused = outcome<QString>();
    m_client->check(recorder(refused));
    QTRY_COMPARE_WITH_TIMEOUT(refused->calls, 1, kWaitMs);
    QCOMPARE(refused->error.kind, ApiError::Kind::Unauthorized);
    QVERIFY2(refused->error.message.contains(s("Invalid API key")), qPrintable(refused->error.message));
    QVERIFY(!refused->error.toString().contains(s("bamboo-secret-key-123")));
    QCOMPARE(m_server->totalRequests(), 2); // 401 is never retried
}

QTEST_GUILESS_MAIN(TestBambooHrClient)
#include "test_bamboohrclient.moc"
