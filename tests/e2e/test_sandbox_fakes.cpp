// End-to-end: the sandbox's fake BambooHR, fake Personio and Bob's direct-mode routes, spoken to over HTTP the way
// the connectors will (other-hris-apis.md §1, §2; hibob-api.md §3.2, §5, §9), plus what the control routes record.
#include "SandboxProcess.h"

#include <QCryptographicHash>
#include <QHttpMultiPart>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QUrlQuery>

#include <memory>

namespace {

QString s(const char* text)
{
    return QString::fromLatin1(text);
}

struct Answer
{
    int status = 0;
    QByteArray body;
    QList<QNetworkReply::RawHeaderPair> headers;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;

    QByteArray header(const QByteArray& name) const
    {
        for (const auto& [key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0) {
                return value;
            }
        }
        return {};
    }
    QJsonObject object() const { return QJsonDocument::fromJson(body).object(); }
    QJsonArray array() const { return QJsonDocument::fromJson(body).array(); }
};

// One part of a multipart body; a file part when fileName is set.
struct FormPart
{
    QString name;
    QByteArray data;
    QString fileName;
    QByteArray contentType;
};

// A deterministic "document" of `size` bytes.
QByteArray documentBytes(qsizetype size, char seed)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i) {
        bytes[i] = char((i * 31 + seed) & 0xff);
    }
    return bytes;
}

QString sha256(const QByteArray& bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

} // namespace

class TestSandboxFakes : public QObject
{
    Q_OBJECT

private:
    Answer send(const QByteArray& verb, const QUrl& url, const QList<QPair<QByteArray, QByteArray>>& headers,
        const QByteArray& body = {}, QHttpMultiPart* multipart = nullptr)
    {
        QNetworkRequest request(url);
        for (const auto& [name, value] : headers) {
            request.setRawHeader(name, value);
        }
        QNetworkReply* reply = multipart ? m_nam.sendCustomRequest(request, verb, multipart)
                                         : m_nam.sendCustomRequest(request, verb, body);
        if (multipart) {
            multipart->setParent(reply);
        }
        QEventLoop loop;
        connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(20000, &loop, &QEventLoop::quit);
        loop.exec();
        Answer answer;
        answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        answer.body = reply->readAll();
        answer.headers = reply->rawHeaderPairs();
        answer.error = reply->error();
        reply->deleteLater();
        return answer;
    }

    Answer sendForm(const QUrl& url, const QList<QPair<QByteArray, QByteArray>>& headers, const QList<FormPart>& parts)
    {
        auto* multipart = new QHttpMultiPart(QHttpMultiPart::FormDataType);
        for (const FormPart& part : parts) {
            QHttpPart httpPart;
            QByteArray disposition = "form-data; name=\"" + part.name.toUtf8() + '"';
            if (!part.fileName.isEmpty()) {
                disposition += "; filename=\"" + part.fileName.toUtf8() + '"';
                httpPart.setHeader(QNetworkRequest::ContentTypeHeader,
                    part.contentType.isEmpty() ? QByteArrayLiteral("application/octet-stream") : part.contentType);
            }
            httpPart.setRawHeader("Content-Disposition", disposition);
            httpPart.setBody(part.data);
            multipart->append(httpPart);
        }
        return send("POST", url, headers, {}, multipart);
    }

    // BambooHR: Basic "<key>:x".
    QList<QPair<QByteArray, QByteArray>> bamboohrAuth(const QString& key = QString()) const
    {
        const QString apiKey = key.isEmpty() ? m_sandbox->value("bamboohrApiKey") : key;
        return {{"Authorization", "Basic " + (apiKey + s(":x")).toUtf8().toBase64()}, {"Accept", "application/json"}};
    }
    QUrl bamboohr(const QString& path) const { return QUrl(m_sandbox->value("bamboohr") + path); }

    QList<QPair<QByteArray, QByteArray>> bobAuth() const
    {
        return {{"Authorization",
                    "Basic "
                        + (m_sandbox->value("bobServiceUserId") + s(":") + m_sandbox->value("bobToken"))
                              .toUtf8()
                              .toBase64()},
            {"Accept", "application/json"}};
    }
    QUrl bob(const QString& path) const { return QUrl(m_sandbox->value("bob") + path); }

    QUrl personio(const QString& path) const { return QUrl(m_sandbox->value("personio") + path); }
    Answer personioAuth(const QString& secret)
    {
        const QJsonObject credentials {
            {s("client_id"), m_sandbox->value("personioClientId")},
            {s("client_secret"), secret},
        };
        return send("POST", personio(s("/v1/auth")), {{"Content-Type", "application/json"}},
            QJsonDocument(credentials).toJson(QJsonDocument::Compact));
    }
    QList<QPair<QByteArray, QByteArray>> personioBearer()
    {
        const QString token = personioAuth(m_sandbox->value("personioClientSecret"))
                                  .object()
                                  .value(s("data"))
                                  .toObject()
                                  .value(s("token"))
                                  .toString();
        return {{"Authorization", "Bearer " + token.toUtf8()}, {"Accept", "application/json"}};
    }

private Q_SLOTS:
    void init()
    {
        m_sandbox = std::make_unique<SandboxProcess>();
        QString error;
        QVERIFY2(m_sandbox->start({}, &error), qPrintable(error));
    }
    void cleanup() { m_sandbox.reset(); }

    void startLine_namesTheNewFakesAndTheirCredentials()
    {
        QVERIFY(m_sandbox->value("bamboohr").startsWith(s("http://127.0.0.1:")));
        QVERIFY(m_sandbox->value("bamboohr").endsWith(s("/api/gateway.php/acme")));
        QVERIFY(m_sandbox->value("personio").startsWith(s("http://127.0.0.1:")));
        for (const char* key : {"bamboohrApiKey", "personioClientId", "personioClientSecret"}) {
            QVERIFY2(!m_sandbox->value(key).isEmpty(), key);
        }
        // The keys Bob and Ashby tests read are still there, in their old order, before the new ones.
        const QStringList keys = m_sandbox->info().keys();
        for (const char* key : {"ashby", "bob", "bobHireUrl", "control", "bobLimitedToken"}) {
            QVERIFY2(keys.contains(s(key)), key);
        }
    }

    void bamboohr_createListUploadAndControlViews()
    {
        // Create: 201, no body, the id only in Location.
        const QJsonObject employee {
            {s("firstName"), s("Dana")},
            {s("lastName"), s("Okafor")},
            {s("workEmail"), s("dana.okafor@acme.example")},
            {s("department"), s("Engineering")},
            {s("location"), s("Berlin")},
            {s("jobTitle"), s("Backend Engineer")},
            {s("hireDate"), s("2026-03-02")},
            {s("4031"), s("cc000000-0000-4000-8000-000000000001")},
        };
        auto headers = bamboohrAuth();
        headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
        const Answer created = send(
            "POST", bamboohr(s("/v1/employees")), headers, QJsonDocument(employee).toJson(QJsonDocument::Compact));
        QCOMPARE(created.status, 201);
        QVERIFY(created.body.isEmpty());
        const QString location = QString::fromUtf8(created.header("Location"));
        const auto match = QRegularExpression(s("/api/gateway\\.php/acme/v1/employees/(\\d+)$")).match(location);
        QVERIFY2(match.hasMatch(), qPrintable(location));
        const QString id = match.captured(1);

        // Duplicate e-mails are accepted: a second record with the same address.
        const Answer second = send(
            "POST", bamboohr(s("/v1/employees")), headers, QJsonDocument(employee).toJson(QJsonDocument::Compact));
        QCOMPARE(second.status, 201);
        QVERIFY(second.header("Location") != created.header("Location"));

        // The list, three rows a page, followed through _links.next; every row has id and the asked-for fields.
        QStringList ids;
        QUrl next = bamboohr(s("/v1/employees"));
        next.setQuery(s("fields=firstName,workEmail,status&page[limit]=3"));
        int pages = 0;
        while (next.isValid() && !next.isEmpty() && pages < 20) {
            const Answer page = send("GET", next, bamboohrAuth());
            QCOMPARE(page.status, 200);
            const QJsonObject root = page.object();
            for (const QJsonValue& row : root.value(s("data")).toArray()) {
                ids.append(QString::number(row.toObject().value(s("id")).toInt()));
                QVERIFY(row.toObject().contains(s("workEmail")));
            }
            const QJsonValue link = root.value(s("_links")).toObject().value(s("next"));
            const QJsonValue cursor
                = root.value(s("meta")).toObject().value(s("page")).toObject().value(s("nextCursor"));
            QCOMPARE(link.isNull(), cursor.isNull());
            if (!link.isNull()) {
                QVERIFY(link.toString().contains(cursor.toString()));
                QVERIFY(link.toString().startsWith(s("http://127.0.0.1:")));
            }
            next = link.isNull() ? QUrl() : QUrl(link.toString());
            ++pages;
        }
        QCOMPARE(ids.size(), 11); // 9 seeded + 2 created
        QCOMPARE(pages, 4);
        QVERIFY(ids.contains(id));

        // Upload a file to the new employee: 201 with the file's Location.
        const QByteArray bytes = documentBytes(40000, 7);
        const Answer upload = sendForm(bamboohr(s("/v1/employees/%1/files").arg(id)), bamboohrAuth(),
            {
                {s("category"), "17", QString(), QByteArray()},
                {s("fileName"), "Offer letter - Dana Okafor.pdf", QString(), QByteArray()},
                {s("share"), "no", QString(), QByteArray()},
                {s("file"), bytes, s("offer.pdf"), "application/pdf"},
            });
        QCOMPARE(upload.status, 201);
        QVERIFY2(QString::fromUtf8(upload.header("Location")).contains(s("/v1/employees/%1/files/").arg(id)),
            upload.header("Location").constData());
        // The part named "file" is required.
        const Answer noFile = sendForm(bamboohr(s("/v1/employees/%1/files").arg(id)), bamboohrAuth(),
            {
                {s("category"), "17", QString(), QByteArray()},
                {s("fileName"), "x.pdf", QString(), QByteArray()},
                {s("share"), "no", QString(), QByteArray()},
                {s("document"), bytes, s("offer.pdf"), "application/pdf"},
            });
        QCOMPARE(noFile.status, 400);
        QVERIFY(noFile.body.isEmpty());
        QVERIFY(!noFile.header("X-BambooHR-Error-Message").isEmpty());
        // Unknown employee: 404.
        const Answer unknown = sendForm(bamboohr(s("/v1/employees/999999/files")), bamboohrAuth(),
            {
                {s("category"), "17", QString(), QByteArray()},
                {s("fileName"), "x.pdf", QString(), QByteArray()},
                {s("share"), "no", QString(), QByteArray()},
                {s("file"), bytes, s("offer.pdf"), "application/pdf"},
            });
        QCOMPARE(unknown.status, 404);

        // The file shows in the employee's files view and in the control route, with size and hash.
        const QJsonArray categories = send("GET", bamboohr(s("/v1/employees/%1/files/view").arg(id)), bamboohrAuth())
                                          .object()
                                          .value(s("categories"))
                                          .toArray();
        QCOMPARE(categories.size(), 3);
        QCOMPARE(categories.at(0).toObject().value(s("id")).toInt(), 17);
        QCOMPARE(categories.at(0).toObject().value(s("files")).toArray().size(), 1);
        const QJsonArray files = m_sandbox->bamboohrFiles();
        QCOMPARE(files.size(), 1);
        const QJsonObject file = files.at(0).toObject();
        QCOMPARE(QString::number(file.value(s("employeeId")).toInt()), id);
        QCOMPARE(file.value(s("category")).toInt(), 17);
        QCOMPARE(file.value(s("fileName")).toString(), s("Offer letter - Dana Okafor.pdf"));
        QCOMPARE(file.value(s("size")).toInt(), int(bytes.size()));
        QCOMPARE(file.value(s("sha256")).toString(), sha256(bytes));

        // The control view of employees has the created one with what it stored.
        bool found = false;
        for (const QJsonValue& value : m_sandbox->bamboohrEmployees()) {
            const QJsonObject entry = value.toObject();
            if (QString::number(entry.value(s("id")).toInt()) == id) {
                found = true;
                QCOMPARE(entry.value(s("seeded")).toBool(), false);
                QCOMPARE(entry.value(s("fields")).toObject().value(s("department")).toString(), s("Engineering"));
                QCOMPARE(entry.value(s("fields")).toObject().value(s("4031")).toString(),
                    s("cc000000-0000-4000-8000-000000000001"));
            }
        }
        QVERIFY(found);
    }

    void bamboohr_listValuesAuthAndSwitches()
    {
        auto headers = bamboohrAuth();
        headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
        const QByteArray atlantis = QJsonDocument(QJsonObject {
                                                      {s("firstName"), s("Ari")},
                                                      {s("lastName"), s("Tan")},
                                                      {s("department"), s("Atlantis")},
                                                  })
                                        .toJson(QJsonDocument::Compact);
        // Default policy: an unknown list value is refused, with the reason in a header only.
        const Answer rejected = send("POST", bamboohr(s("/v1/employees")), headers, atlantis);
        QCOMPARE(rejected.status, 409);
        QVERIFY(rejected.body.isEmpty());
        QCOMPARE(rejected.header("X-BambooHR-Error-Message"), QByteArray("Invalid value for field \"department\""));
        // Missing lastName: 400, header-only.
        const Answer incomplete = send("POST", bamboohr(s("/v1/employees")), headers, "{\"firstName\":\"Ari\"}");
        QCOMPARE(incomplete.status, 400);
        QVERIFY(!incomplete.header("X-BambooHR-Error-Message").isEmpty());

        // "drop": created, the value silently gone (the control route says which).
        m_sandbox->post(s("/faults"), QJsonObject {{s("bamboohrListPolicy"), s("drop")}});
        const Answer dropped = send("POST", bamboohr(s("/v1/employees")), headers, atlantis);
        QCOMPARE(dropped.status, 201);
        const QJsonObject last = m_sandbox->bamboohrEmployees().last().toObject();
        QCOMPARE(last.value(s("droppedFields")).toArray(), QJsonArray {s("department")});
        QVERIFY(!last.value(s("fields")).toObject().contains(s("department")));

        // Restricted work e-mails: null and listed in _restrictedFields on the marked rows (the internal hire too).
        m_sandbox->post(s("/faults"), QJsonObject {{s("bamboohrRestrictedWorkEmail"), true}});
        QUrl url = bamboohr(s("/v1/employees"));
        url.setQuery(s("fields=workEmail&filter[lastName]=berg"));
        const QJsonArray rows = send("GET", url, bamboohrAuth()).object().value(s("data")).toArray();
        QCOMPARE(rows.size(), 1);
        QVERIFY(rows.at(0).toObject().value(s("workEmail")).isNull());
        QCOMPARE(rows.at(0).toObject().value(s("_restrictedFields")).toArray(), QJsonArray {s("workEmail")});

        // Directory switched off: 403 with the documented header and an empty body.
        m_sandbox->post(s("/faults"), QJsonObject {{s("bamboohrDirectoryDisabled"), true}});
        const Answer directory = send("GET", bamboohr(s("/v1/employees/directory")), bamboohrAuth());
        QCOMPARE(directory.status, 403);
        QCOMPARE(directory.header("X-BambooHR-Error-Message"), QByteArray("Directory disabled for this account"));

        // faults/reset brings every switch back.
        const QJsonObject reset = QJsonDocument::fromJson(m_sandbox->post(s("/faults/reset"))).object();
        QCOMPARE(reset.value(s("bamboohrListPolicy")).toString(), s("reject"));
        QCOMPARE(reset.value(s("bamboohrDirectoryDisabled")).toBool(), false);
        QCOMPARE(send("GET", bamboohr(s("/v1/employees/directory")), bamboohrAuth()).status, 200);

        // A wrong key: 401 with an empty body.
        const Answer wrong = send("GET", bamboohr(s("/v1/meta/fields")), bamboohrAuth(s("not-the-key")));
        QCOMPARE(wrong.status, 401);
        QVERIFY(wrong.body.isEmpty());

        // Metadata: custom fields without alias, lists holding every Ashby department, location and job title.
        const QJsonArray fields = m_sandbox->bamboohrGet(s("/v1/meta/fields")).array();
        int withoutAlias = 0;
        for (const QJsonValue& field : fields) {
            withoutAlias += field.toObject().contains(s("alias")) ? 0 : 1;
        }
        QVERIFY(withoutAlias >= 2);
        QStringList departments;
        for (const QJsonValue& list : m_sandbox->bamboohrGet(s("/v1/meta/lists")).array()) {
            if (list.toObject().value(s("alias")).toString() == s("department")) {
                for (const QJsonValue& option : list.toObject().value(s("options")).toArray()) {
                    departments.append(option.toObject().value(s("name")).toString());
                }
            }
        }
        for (const char* name : {"Engineering", "Platform", "Data", "Sales", "People", "Finance"}) {
            QVERIFY2(departments.contains(s(name)), name);
        }
    }

    void personio_authLookupCreateDuplicateAndMetaErrors()
    {
        // The same papi- token twice; a wrong secret gets the v1 error envelope.
        const Answer first = personioAuth(m_sandbox->value("personioClientSecret"));
        const Answer again = personioAuth(m_sandbox->value("personioClientSecret"));
        QCOMPARE(first.status, 200);
        const QString token = first.object().value(s("data")).toObject().value(s("token")).toString();
        QVERIFY(token.startsWith(s("papi-")));
        QCOMPARE(again.object().value(s("data")).toObject().value(s("token")).toString(), token);
        const Answer wrong = personioAuth(s("wrong-secret"));
        QCOMPARE(wrong.status, 401);
        QCOMPARE(wrong.object().value(s("success")).toBool(true), false);
        QVERIFY(!wrong.object().value(s("error")).toObject().value(s("message")).toString().isEmpty());
        QCOMPARE(send("GET", personio(s("/v1/company/employees")), {}).status, 401);

        const auto bearer = personioBearer();
        // Lookup by e-mail: the internal hire, whatever the case; 0 rows for an unknown address.
        QUrl lookup = personio(s("/v1/company/employees"));
        lookup.setQuery(s("email=Ingrid.Berg%40nordlicht.example"));
        const QJsonArray found = send("GET", lookup, bearer).object().value(s("data")).toArray();
        QCOMPARE(found.size(), 1);
        const QJsonObject attributes = found.at(0).toObject().value(s("attributes")).toObject();
        QCOMPARE(attributes.value(s("id")).toObject().value(s("value")).toInt(), 1189);
        QCOMPARE(attributes.value(s("email")).toObject().value(s("universal_id")).toString(), s("email"));
        QVERIFY(attributes.contains(s("hire_date")));
        QVERIFY(!attributes.contains(s("department"))); // not whitelisted
        lookup.setQuery(s("email=nobody%40nordlicht.example"));
        QCOMPARE(send("GET", lookup, bearer).object().value(s("data")).toArray().size(), 0);

        // Create: 200 with the id; the unknown department dropped with a meta error.
        auto jsonHeaders = bearer;
        jsonHeaders.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
        const auto employeeBody = [](const QString& email, const QString& department) {
            return QJsonDocument(QJsonObject {{s("employee"),
                                     QJsonObject {
                                         {s("email"), email},
                                         {s("first_name"), s("Dana")},
                                         {s("last_name"), s("Okafor")},
                                         {s("department"), department},
                                         {s("office"), s("Berlin")},
                                         {s("hire_date"), s("2099-03-02")},
                                         {s("supervisor_id"), 1183},
                                         {s("custom_attributes"), QJsonObject {{s("dynamic_24411"), s("M")}}},
                                     }}})
                .toJson(QJsonDocument::Compact);
        };
        const Answer created = send("POST", personio(s("/v1/company/employees")), jsonHeaders,
            employeeBody(s("dana.okafor@acme.example"), s("Engineering")));
        QCOMPARE(created.status, 200);
        const int id = created.object().value(s("data")).toObject().value(s("id")).toInt();
        QVERIFY(id > 0);
        QVERIFY(!created.object().contains(s("meta")));
        lookup.setQuery(s("email=DANA.OKAFOR%40acme.example"));
        const QJsonArray createdRows = send("GET", lookup, bearer).object().value(s("data")).toArray();
        QCOMPARE(createdRows.size(), 1);
        const QJsonObject createdAttributes = createdRows.at(0).toObject().value(s("attributes")).toObject();
        QCOMPARE(createdAttributes.value(s("id")).toObject().value(s("value")).toInt(), id);
        QCOMPARE(createdAttributes.value(s("status")).toObject().value(s("value")).toString(), s("onboarding"));

        // Duplicate e-mail (other case): 422 in the v1 shape.
        const Answer duplicate = send("POST", personio(s("/v1/company/employees")), jsonHeaders,
            employeeBody(s("Dana.Okafor@ACME.example"), s("Engineering")));
        QCOMPARE(duplicate.status, 422);
        const QJsonObject error = duplicate.object().value(s("error")).toObject();
        QCOMPARE(error.value(s("message")).toString(), s("The email has already been taken."));
        QCOMPARE(error.value(s("error_data")).toObject().value(s("email")).toArray(), QJsonArray {s("already exists")});

        // Unknown department: still a success, the value dropped, a meta error saying so.
        const Answer metaError = send("POST", personio(s("/v1/company/employees")), jsonHeaders,
            employeeBody(s("ari.tan@acme.example"), s("Atlantis")));
        QCOMPARE(metaError.status, 200);
        QCOMPARE(metaError.object().value(s("success")).toBool(), true);
        const QJsonArray metaErrors = metaError.object().value(s("meta")).toObject().value(s("errors")).toArray();
        QCOMPARE(metaErrors.size(), 1);
        QCOMPARE(metaErrors.at(0).toObject().value(s("field")).toString(), s("department"));
        QCOMPARE(metaErrors.at(0).toObject().value(s("message")).toString(),
            s("Department 'Atlantis' not found, value ignored"));
        const int droppedId = metaError.object().value(s("data")).toObject().value(s("id")).toInt();
        bool seen = false;
        for (const QJsonValue& value : m_sandbox->personioEmployees()) {
            if (value.toObject().value(s("id")).toInt() == droppedId) {
                seen = true;
                QVERIFY(!value.toObject().value(s("attributes")).toObject().contains(s("department")));
            }
        }
        QVERIFY(seen);

        // Required fields missing: 422 with error_data naming them.
        const Answer missing = send(
            "POST", personio(s("/v1/company/employees")), jsonHeaders, "{\"employee\":{\"email\":\"x@acme.example\"}}");
        QCOMPARE(missing.status, 422);
        const QJsonObject missingData = missing.object().value(s("error")).toObject().value(s("error_data")).toObject();
        QVERIFY(missingData.contains(s("first_name")) && missingData.contains(s("last_name")));

        // hire_date leaves the whitelist with the switch.
        m_sandbox->post(s("/faults"), QJsonObject {{s("personioDropHireDate"), true}});
        const QJsonArray withoutHireDate = send("GET", lookup, bearer).object().value(s("data")).toArray();
        QVERIFY(!withoutHireDate.at(0).toObject().value(s("attributes")).toObject().contains(s("hire_date")));
    }

    void personio_documentsRefuseExeAndKeepPdf()
    {
        const auto bearer = personioBearer();
        const QList<QPair<QByteArray, QByteArray>> categoriesHeaders = bearer;
        const QJsonArray categories = send("GET", personio(s("/v1/company/document-categories")), categoriesHeaders)
                                          .object()
                                          .value(s("data"))
                                          .toArray();
        QCOMPARE(categories.size(), 3);

        const QByteArray bytes = documentBytes(2048, 3);
        const auto upload = [&](const QString& fileName, const QByteArray& category, const QByteArray& employee) {
            return sendForm(personio(s("/v1/company/documents")), bearer,
                {
                    {s("title"), "Signed offer letter", QString(), QByteArray()},
                    {s("employee_id"), employee, QString(), QByteArray()},
                    {s("category_id"), category, QString(), QByteArray()},
                    {s("file"), bytes, fileName, "application/octet-stream"},
                });
        };
        const Answer exe = upload(s("offer.exe"), "1", "1189");
        QCOMPARE(exe.status, 422);
        const QJsonArray fileErrors
            = exe.object().value(s("error")).toObject().value(s("error_data")).toObject().value(s("file")).toArray();
        QCOMPARE(fileErrors.size(), 1);
        QVERIFY(fileErrors.at(0).toString().contains(s("pdf")));
        const Answer badCategory = upload(s("offer.pdf"), "42", "1189");
        QCOMPARE(badCategory.status, 404);
        QCOMPARE(badCategory.object().value(s("error")).toObject().value(s("message")).toString(),
            s("No query results for model [DocumentCategory] 42"));
        QCOMPARE(upload(s("offer.pdf"), "1", "777").status, 404);

        const Answer pdf = upload(s("offer.pdf"), "1", "1189");
        QCOMPARE(pdf.status, 201);
        QCOMPARE(pdf.object().value(s("data")).toObject().value(s("type")).toString(), s("Document"));
        const QJsonArray documents = m_sandbox->personioDocuments();
        QCOMPARE(documents.size(), 1);
        QCOMPARE(documents.at(0).toObject().value(s("employeeId")).toInt(), 1189);
        QCOMPARE(documents.at(0).toObject().value(s("categoryId")).toInt(), 1);
        QCOMPARE(documents.at(0).toObject().value(s("fileName")).toString(), s("offer.pdf"));
        QCOMPARE(documents.at(0).toObject().value(s("sha256")).toString(), sha256(bytes));
    }

    void personio_rateLimitsAndTokenExpiry()
    {
        // More than 15 employee-list calls in a second: 429 (the loopback answers far faster than that).
        const auto bearer = personioBearer();
        int throttled = 0;
        for (int i = 0; i < 40; ++i) {
            throttled += send("GET", personio(s("/v1/company/employees")), bearer).status == 429 ? 1 : 0;
        }
        QVERIFY2(throttled >= 1, "no 429 after 40 list calls");

        // An expired token: 401 once it is used; /v1/auth then issues a different one.
        const QByteArray before = bearer.constFirst().second;
        m_sandbox->post(s("/faults"), QJsonObject {{s("personioTokenExpired"), true}});
        QCOMPARE(send("GET", personio(s("/v1/company/document-categories")), bearer).status, 401);
        const auto renewed = personioBearer();
        QVERIFY(renewed.constFirst().second != before);
        QCOMPARE(send("GET", personio(s("/v1/company/document-categories")), renewed).status, 200);

        // /v1/auth: the 61st call in a minute is refused and locks /auth for 60 s; faults/reset lifts the lock.
        int authCalls = 2; // the two personioBearer() calls above
        Answer last;
        while (authCalls < 61) {
            last = personioAuth(m_sandbox->value("personioClientSecret"));
            ++authCalls;
        }
        QCOMPARE(last.status, 429);
        QCOMPARE(personioAuth(m_sandbox->value("personioClientSecret")).status, 429);
        m_sandbox->post(s("/faults/reset"));
        QCOMPARE(personioAuth(m_sandbox->value("personioClientSecret")).status, 200);
    }

    void bob_directCreateDuplicateAndDocuments()
    {
        auto headers = bobAuth();
        headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
        const auto person = [](const QString& email, const QString& site) {
            return QJsonDocument(QJsonObject {
                                     {s("firstName"), s("Maya")},
                                     {s("surname"), s("Okafor")},
                                     {s("email"), email},
                                     {s("work"),
                                         QJsonObject {
                                             {s("site"), site},
                                             {s("startDate"), s("2026-03-02")},
                                             {s("title"), s("Data Engineer")},
                                             {s("department"), s("Platform")},
                                             {s("reportsTo"), QJsonObject {{s("id"), s("3332883884017713241")}}},
                                         }},
                                 })
                .toJson(QJsonDocument::Compact);
        };
        const Answer created
            = send("POST", bob(s("/v1/people")), headers, person(s("maya.okafor@example.org"), s("Berlin")));
        QCOMPARE(created.status, 200);
        const QString id = created.object().value(s("id")).toString();
        QVERIFY(!id.isEmpty());
        QCOMPARE(created.object().value(s("email")).toString(), s("maya.okafor@example.org"));

        // Duplicate (other case), and an inactive employee's address: 400 alreadyExists.
        for (const char* email : {"Maya.Okafor@EXAMPLE.org", "henrik.dahl@nordlicht.example"}) {
            const Answer duplicate = send("POST", bob(s("/v1/people")), headers, person(s(email), s("Berlin")));
            QCOMPARE(duplicate.status, 400);
            QCOMPARE(duplicate.object().value(s("key")).toString(), s("validations.email.alreadyExists"));
        }
        // A site that is not a list item name.
        const Answer badSite
            = send("POST", bob(s("/v1/people")), headers, person(s("ari@example.org"), s("Stockholm")));
        QCOMPARE(badSite.status, 400);
        QCOMPARE(badSite.object().value(s("key")).toString(), s("validations.work.site.notInList"));

        // Search finds the new person (no lag by default) with the manager expanded.
        const QByteArray search = "{\"showInactive\":true,\"filters\":[{\"fieldPath\":\"root.email\",\"operator\":"
                                  "\"equals\",\"values\":[\"maya.okafor@example.org\"]}]}";
        const QJsonArray employees
            = send("POST", bob(s("/v1/people/search")), headers, search).object().value(s("employees")).toArray();
        QCOMPARE(employees.size(), 1);
        QCOMPARE(employees.at(0).toObject().value(s("id")).toString(), id);
        QCOMPARE(employees.at(0)
                     .toObject()
                     .value(s("work"))
                     .toObject()
                     .value(s("reportsTo"))
                     .toObject()
                     .value(s("displayName"))
                     .toString(),
            s("Kate O'Neill"));
        const QJsonArray people = m_sandbox->bobPeople();
        QCOMPARE(people.size(), 1);
        QCOMPARE(people.at(0).toObject().value(s("reportsTo")).toString(), s("3332883884017713241"));

        // Documents: above 5 MB -> 413 with a Bob error body; a small one is kept with its hash.
        const QByteArray big = documentBytes(6 * 1024 * 1024, 1);
        const Answer tooLarge = sendForm(bob(s("/v1/docs/people/%1/shared/upload").arg(id)), bobAuth(),
            {{s("file"), big, s("Maya Okafor - CV.pdf"), "application/pdf"}});
        QCOMPARE(tooLarge.status, 413);
        QVERIFY(!tooLarge.object().value(s("key")).toString().isEmpty());
        const QByteArray small = documentBytes(30000, 2);
        const Answer uploaded = sendForm(bob(s("/v1/docs/people/%1/confidential/upload").arg(id)), bobAuth(),
            {{s("file"), small, s("Offer Letter - Maya Okafor (signed).pdf"), "application/pdf"}});
        QCOMPARE(uploaded.status, 200);
        QVERIFY(uploaded.object().value(s("id")).toInt() > 0);
        const Answer byUrl = send("POST", bob(s("/v1/docs/people/%1/shared").arg(id)), headers,
            "{\"documentName\":\"CV\",\"documentUrl\":\"https://files.example/cv.pdf\"}");
        QCOMPARE(byUrl.status, 200);
        QCOMPARE(send("POST", bob(s("/v1/docs/people/1/shared")), headers,
                     "{\"documentName\":\"CV\",\"documentUrl\":\"https://files.example/cv.pdf\"}")
                     .status,
            404);

        const QJsonArray documents = m_sandbox->bobDocuments();
        QCOMPARE(documents.size(), 2);
        QCOMPARE(documents.at(0).toObject().value(s("folder")).toString(), s("confidential"));
        QCOMPARE(documents.at(0).toObject().value(s("size")).toInt(), int(small.size()));
        QCOMPARE(documents.at(0).toObject().value(s("sha256")).toString(), sha256(small));
        QCOMPARE(documents.at(1).toObject().value(s("url")).toString(), s("https://files.example/cv.pdf"));

        // Read-after-write lag: a person created now is invisible to search for a while.
        m_sandbox->post(s("/faults"), QJsonObject {{s("bobReadAfterWriteLagMs"), 60000}});
        QCOMPARE(send("POST", bob(s("/v1/people")), headers, person(s("late@example.org"), s("London"))).status, 200);
        const QByteArray lateSearch = "{\"filters\":[{\"fieldPath\":\"root.email\",\"operator\":\"equals\","
                                      "\"values\":[\"late@example.org\"]}]}";
        QCOMPARE(send("POST", bob(s("/v1/people/search")), headers, lateSearch)
                     .object()
                     .value(s("employees"))
                     .toArray()
                     .size(),
            0);
    }

    void ashby_bigResumeServedAboveBobsLimit()
    {
        const QJsonObject added
            = QJsonDocument::fromJson(m_sandbox->post(s("/ashby/hire"), QJsonObject {{s("bigResume"), true}})).object();
        const QString handle = added.value(s("resumeFileHandle")).toString();
        QVERIFY(!handle.isEmpty());
        const QString url = m_sandbox->ashby(s("file.info"), QJsonObject {{s("fileHandle"), handle}})
                                .value(s("results"))
                                .toObject()
                                .value(s("url"))
                                .toString();
        QVERIFY(!url.isEmpty());
        const Answer file = send("GET", QUrl(url), {});
        QCOMPARE(file.status, 200);
        QCOMPARE(file.body.size(), qsizetype(6 * 1024 * 1024));
        QVERIFY(file.body.startsWith("%PDF-"));
        // Deterministic: the same bytes on a second download.
        QCOMPARE(sha256(send("GET", QUrl(url), {}).body), sha256(file.body));
        const QJsonObject special = QJsonDocument::fromJson(m_sandbox->get(s("/state")))
                                        .object()
                                        .value(s("special"))
                                        .toObject()
                                        .value(s("bigResume"))
                                        .toObject();
        QCOMPARE(special.value(s("applicationId")).toString(), added.value(s("applicationId")).toString());
    }

    void faults_hitTheNewFakesInTheirOwnShape()
    {
        m_sandbox->post(s("/faults"), QJsonObject {{s("burst429"), 1}, {s("retryAfterSeconds"), 0}});
        const Answer bamboo = send("GET", bamboohr(s("/v1/meta/fields")), bamboohrAuth());
        QCOMPARE(bamboo.status, 429);
        QVERIFY(bamboo.body.isEmpty());
        QCOMPARE(bamboo.header("Retry-After"), QByteArray("0"));
        QVERIFY(!bamboo.header("X-BambooHR-Error-Message").isEmpty());
        const Answer personioAnswer = send("GET", personio(s("/v1/company/document-categories")), {});
        QCOMPARE(personioAnswer.status, 429);
        QCOMPARE(personioAnswer.object().value(s("success")).toBool(true), false);

        m_sandbox->post(s("/faults"), QJsonObject {{s("burst429"), 0}, {s("errorRate"), 1.0}});
        QCOMPARE(send("GET", bamboohr(s("/v1/meta/fields")), bamboohrAuth()).status, 503);
        QCOMPARE(send("POST", personio(s("/v1/auth")), {}).status, 503);

        m_sandbox->post(s("/faults"), QJsonObject {{s("errorRate"), 0.0}, {s("dropRate"), 1.0}});
        const Answer dropped = send("GET", bamboohr(s("/v1/meta/fields")), bamboohrAuth());
        QCOMPARE(dropped.status, 0);
        QVERIFY(dropped.error != QNetworkReply::NoError);
        m_sandbox->post(s("/faults/reset"));

        // The request log names the new servers.
        QSet<QString> servers;
        for (const QJsonValue& entry : m_sandbox->requests()) {
            servers.insert(entry.toObject().value(s("server")).toString());
        }
        QVERIFY(servers.contains(s("bamboohr")));
        QVERIFY(servers.contains(s("personio")));

        // The full reset clears what the fakes received.
        auto headers = bamboohrAuth();
        headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
        QCOMPARE(send("POST", bamboohr(s("/v1/employees")), headers, "{\"firstName\":\"A\",\"lastName\":\"B\"}").status,
            201);
        QCOMPARE(m_sandbox->bamboohrEmployees().size(), 10);
        m_sandbox->post(s("/reset"));
        QCOMPARE(m_sandbox->bamboohrEmployees().size(), 9);
        QCOMPARE(m_sandbox->requests().size(), 0);
    }

private:
    std::unique_ptr<SandboxProcess> m_sandbox;
    QNetworkAccessManager m_nam;
};

QTEST_GUILESS_MAIN(TestSandboxFakes)
#include "test_sandbox_fakes.moc"
