#include "FakePersonio.h"

#include "FaultInjector.h"
#include "MultipartForm.h"
#include "SandboxData.h"
#include "SandboxServer.h"

#include <QCryptographicHash>
#include <QDate>
#include <QDateTime>
#include <QHttpServerRequest>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>

#include <array>
#include <cmath>
#include <optional>

Q_LOGGING_CATEGORY(lcFakePersonio, "hirebridge.sandbox.personio")

const QString FakePersonio::clientId = QStringLiteral("sandbox-personio-client-4b1f");
const QString FakePersonio::clientSecret = QStringLiteral("sandbox-personio-secret-e93a");

namespace {

const QString kOrgDomain = QStringLiteral("nordlicht.example");
constexpr int kFirstCreatedId = 90401;
constexpr int kFirstDocumentId = 5531;
constexpr qint64 kTokenLifetimeMs = 24LL * 3600 * 1000;
constexpr int kAuthPerMinute = 60;
constexpr qint64 kAuthLockoutMs = 60000;
constexpr int kListPerSecond = 15;
constexpr int kListPerMinute = 300;
constexpr int kUploadsPerMinute = 60;
constexpr qint64 kMaxDocumentBytes = 30LL * 1024 * 1024;
constexpr int kDefaultPageLimit = 200;
constexpr int kMaxPageLimit = 200;
constexpr int kMaxTitleLength = 255;

const QStringList& allowedExtensions()
{
    static const QStringList extensions {QStringLiteral("pdf"), QStringLiteral("docx"), QStringLiteral("doc"),
        QStringLiteral("jpg"), QStringLiteral("jpeg"), QStringLiteral("png"), QStringLiteral("txt"),
        QStringLiteral("xlsx"), QStringLiteral("xls"), QStringLiteral("zip"), QStringLiteral("odt"),
        QStringLiteral("csv"), QStringLiteral("rtf"), QStringLiteral("gif")};
    return extensions;
}

// Org units Personio knows by name. Every Ashby department; offices as the Ashby locations except Stockholm, which
// Personio calls "Stockholm HQ": a demo hire for the Stockholm job is created with its office dropped (a "meta"
// error), the documented trap of §2.8.1.
const QStringList& knownDepartments()
{
    static const QStringList names {QStringLiteral("Management"), QStringLiteral("Engineering"),
        QStringLiteral("Platform"), QStringLiteral("Data"), QStringLiteral("Sales"), QStringLiteral("People"),
        QStringLiteral("Finance"), QStringLiteral("Customer Success")};
    return names;
}

const QStringList& knownOffices()
{
    static const QStringList names {
        QStringLiteral("Berlin"), QStringLiteral("London"), QStringLiteral("New York"), QStringLiteral("Stockholm HQ")};
    return names;
}

const QStringList& knownSubcompanies()
{
    static const QStringList names {
        QStringLiteral("Nordlicht GmbH"), QStringLiteral("Nordlicht Ltd"), QStringLiteral("Nordlicht Inc")};
    return names;
}

struct AttributeRow
{
    const char* key;
    const char* label;
    const char* type;
    const char* universalId; // "" -> null (custom attributes)
    QList<const char*> options;
};

// GET /v1/company/employees/attributes: the standard attributes by the keys the create body uses, then the custom
// ("dynamic_<id>") ones, whose values a create validates.
const QList<AttributeRow>& attributeRows()
{
    static const QList<AttributeRow> rows {
        {"first_name", "First name", "standard", "first_name", {}},
        {"last_name", "Last name", "standard", "last_name", {}},
        {"preferred_name", "Preferred name", "standard", "preferred_name", {}},
        {"email", "Email", "standard", "email", {}},
        {"gender", "Gender", "standard", "gender", {}},
        {"position", "Position", "standard", "position", {}},
        {"department", "Department", "standard", "department", {}},
        {"office", "Office", "standard", "office", {}},
        {"subcompany", "Subcompany", "standard", "subcompany", {}},
        {"hire_date", "Hire date", "date", "hire_date", {}},
        {"status", "Status", "standard", "status", {}},
        {"supervisor_id", "Supervisor", "integer", "supervisor", {}},
        {"weekly_working_hours", "Weekly hours", "decimal", "weekly_working_hours", {}},
        {"dynamic_24410", "Ashby candidate ID", "standard", "", {}},
        {"dynamic_24411", "T-shirt size", "list", "", {"S", "M", "L", "XL"}},
        {"dynamic_24412", "Contract type", "list", "", {"Permanent", "Fixed-term", "Contractor"}},
        {"dynamic_24413", "Offer accepted on", "date", "", {}},
        {"dynamic_24414", "Signing bonus", "decimal", "", {}},
        {"dynamic_24415", "Languages", "tags", "", {"English", "German", "Swedish", "Arabic", "Chinese"}},
        {"dynamic_24416", "LinkedIn profile", "link", "", {}},
        {"dynamic_24417", "Ashby application ID", "standard", "", {}},
        {"dynamic_24418", "Years of experience", "integer", "", {}},
    };
    return rows;
}

const AttributeRow* attributeRow(const QString& key)
{
    for (const AttributeRow& row : attributeRows()) {
        if (key == QLatin1String(row.key)) {
            return &row;
        }
    }
    return nullptr;
}

const std::array<std::pair<int, const char*>, 3> kCategories {{
    {1, "Contracts"},
    {2, "Other documents"},
    {3, "CV & Application"},
}};

QString categoryName(int id)
{
    for (const auto& [categoryId, name] : kCategories) {
        if (categoryId == id) {
            return QString::fromLatin1(name);
        }
    }
    return {};
}

bool isIsoDate(const QString& text)
{
    static const QRegularExpression shape(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    return shape.match(text).hasMatch() && QDate::fromString(text, Qt::ISODate).isValid();
}

bool looksLikeEmail(const QString& text)
{
    static const QRegularExpression shape(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
    return shape.match(text).hasMatch();
}

// A whole number from a JSON number or a numeric string.
std::optional<qint64> wholeNumber(const QJsonValue& value)
{
    if (value.isDouble()) {
        const double number = value.toDouble();
        return number == std::floor(number) ? std::optional<qint64>(qint64(number)) : std::nullopt;
    }
    bool ok = false;
    const qint64 number = value.toString().trimmed().toLongLong(&ok);
    return ok ? std::optional<qint64>(number) : std::nullopt;
}

bool isDecimal(const QJsonValue& value)
{
    bool ok = value.isDouble();
    if (!ok && value.isString()) {
        value.toString().trimmed().toDouble(&ok);
    }
    return ok;
}

// Form bodies: "employee[first_name]=Dana&employee[custom_attributes][dynamic_1]=x" -> the nested object.
QJsonObject employeeFromForm(const QByteArray& body)
{
    QByteArray plusDecoded = body;
    plusDecoded.replace('+', "%20");
    QJsonObject employee;
    QJsonObject custom;
    static const QRegularExpression key(QStringLiteral("^employee\\[([^\\]]+)\\](?:\\[([^\\]]+)\\])?$"));
    const auto items = QUrlQuery(QString::fromLatin1(plusDecoded)).queryItems(QUrl::FullyDecoded);
    for (const auto& [name, value] : items) {
        const auto match = key.match(name);
        if (!match.hasMatch()) {
            continue;
        }
        if (match.captured(2).isEmpty()) {
            employee.insert(match.captured(1), value);
        } else if (match.captured(1) == QLatin1String("custom_attributes")) {
            custom.insert(match.captured(2), value);
        }
    }
    if (!custom.isEmpty()) {
        employee.insert(QStringLiteral("custom_attributes"), custom);
    }
    return employee;
}

QString displayDate(const QString& isoDate)
{
    // Personio's v1 answers carry dates as midnight in the company's zone; clients must not shift them.
    return isoDate.isEmpty() ? QString() : isoDate + QStringLiteral("T00:00:00+01:00");
}

QJsonObject attribute(const QString& label, const QJsonValue& value, const QString& type, const QString& universalId)
{
    return QJsonObject {
        {QStringLiteral("label"), label},
        {QStringLiteral("value"), value},
        {QStringLiteral("type"), type},
        {QStringLiteral("universal_id"), universalId},
    };
}

struct SeedRow
{
    int id;
    const char* firstName;
    const char* lastName;
    const char* preferredName;
    const char* emailLocal;
    const char* position;
    const char* department;
    const char* office;
    const char* subcompany;
    const char* hireDate;
    int supervisor;
    const char* status;
};

// As in BambooHR: the hiring managers of the Ashby jobs, the internal hire Ingrid Berg and an inactive employee.
const std::array<SeedRow, 9> kSeed {{
    {1180, "Lena", "Fischer", "", "lena.fischer", "Chief Executive Officer", "Management", "Berlin", "Nordlicht GmbH",
        "2019-03-01", 0, "active"},
    {1183, "Katherine", "O'Neill", "Kate", "katherine.oneill", "VP Engineering", "Engineering", "Berlin",
        "Nordlicht GmbH", "2020-01-06", 1180, "active"},
    {1184, "Marcus", "Lindqvist", "", "marcus.lindqvist", "Head of Sales", "Sales", "London", "Nordlicht Ltd",
        "2020-09-01", 1180, "active"},
    {1185, "Amara", "Okafor", "", "amara.okafor", "Head of People", "People", "Berlin", "Nordlicht GmbH", "2021-02-15",
        1180, "active"},
    {1186, "Jean-Luc", "Moreau", "", "jeanluc.moreau", "Data Lead", "Data", "Stockholm HQ", "Nordlicht GmbH",
        "2021-06-01", 1183, "active"},
    {1187, "Tomás", "García", "", "tomas.garcia", "Finance Lead", "Finance", "New York", "Nordlicht Inc", "2021-11-01",
        1180, "active"},
    {1188, "Priya", "Raman", "", "priya.raman", "Talent Partner", "People", "London", "Nordlicht Ltd", "2022-08-15",
        1185, "active"},
    {1189, "Ingrid", "Berg", "", "ingrid.berg", "Support Engineer", "Customer Success", "Stockholm HQ",
        "Nordlicht GmbH", "2022-04-04", 1186, "active"},
    {1190, "Henrik", "Dahl", "", "henrik.dahl", "Account Executive", "Sales", "Stockholm HQ", "Nordlicht GmbH",
        "2019-10-01", 1184, "inactive"},
}};

} // namespace

bool FakePersonio::Window::exceeds(qint64 now, qint64 periodMs, int limit)
{
    while (!times.isEmpty() && times.constFirst() <= now - periodMs) {
        times.removeFirst();
    }
    times.append(now);
    return times.size() > limit;
}

FakePersonio::FakePersonio(SandboxData& data, FaultInjector& faults)
    : m_data(data)
    , m_faults(faults)
{
    m_clock.start();
    seed();
}

void FakePersonio::seed()
{
    m_employees.clear();
    m_documents.clear();
    m_nextEmployeeId = kFirstCreatedId;
    m_nextDocumentId = kFirstDocumentId;
    for (const SeedRow& row : kSeed) {
        QJsonObject attributes {
            {QStringLiteral("email"), QString::fromLatin1(row.emailLocal) + QLatin1Char('@') + kOrgDomain},
            {QStringLiteral("first_name"), QString::fromUtf8(row.firstName)},
            {QStringLiteral("last_name"), QString::fromUtf8(row.lastName)},
            {QStringLiteral("position"), QString::fromUtf8(row.position)},
            {QStringLiteral("department"), QString::fromUtf8(row.department)},
            {QStringLiteral("office"), QString::fromUtf8(row.office)},
            {QStringLiteral("subcompany"), QString::fromUtf8(row.subcompany)},
            {QStringLiteral("hire_date"), QString::fromLatin1(row.hireDate)},
            {QStringLiteral("status"), QString::fromLatin1(row.status)},
        };
        if (qstrlen(row.preferredName) > 0) {
            attributes.insert(QStringLiteral("preferred_name"), QString::fromUtf8(row.preferredName));
        }
        if (row.supervisor > 0) {
            attributes.insert(QStringLiteral("supervisor_id"), row.supervisor);
        }
        m_employees.append(Employee {row.id, attributes, true, {}, {}, QString()});
    }
}

void FakePersonio::resetThrottling()
{
    m_authWindow = Window {};
    m_authLockedUntil = -1;
    m_listSecondWindow = Window {};
    m_listMinuteWindow = Window {};
    m_uploadWindow = Window {};
}

void FakePersonio::reset()
{
    seed();
    resetThrottling();
    m_token.clear();
}

const FakePersonio::Employee* FakePersonio::employee(int id) const
{
    for (const Employee& candidate : m_employees) {
        if (candidate.id == id) {
            return &candidate;
        }
    }
    return nullptr;
}

const FakePersonio::Employee* FakePersonio::employeeByEmail(const QString& email) const
{
    const QString wanted = email.trimmed();
    for (const Employee& candidate : m_employees) {
        if (candidate.attributes.value(QStringLiteral("email"))
                .toString()
                .trimmed()
                .compare(wanted, Qt::CaseInsensitive)
            == 0) {
            return &candidate;
        }
    }
    return nullptr;
}

SandboxReply FakePersonio::handle(const QHttpServerRequest& request)
{
    const QString path = request.url().path();
    const auto method = request.method();
    const bool get = method == QHttpServerRequest::Method::Get;
    const bool post = method == QHttpServerRequest::Method::Post;

    if (path == QLatin1String("/v1/auth")) {
        return post ? auth(request) : error(405, QStringLiteral("The GET method is not supported for this route."));
    }

    const QByteArray authorization = SandboxServer::header(request, QByteArrayLiteral("Authorization")).trimmed();
    const QString presented = authorization.startsWith("Bearer ") || authorization.startsWith("bearer ")
        ? QString::fromLatin1(authorization.mid(7).trimmed())
        : QString();
    if (m_faults.takePersonioTokenExpired()) {
        m_token.clear(); // the next /v1/auth issues a new one
    }
    if (presented.isEmpty() || m_token.isEmpty() || presented != m_token
        || m_clock.elapsed() - m_tokenIssuedAt >= kTokenLifetimeMs) {
        return error(
            401, QStringLiteral("The access token is missing, invalid or expired. Request a new one at /v1/auth."));
    }

    SandboxReply reply;
    if (path == QLatin1String("/v1/company/employees")) {
        reply = get ? listEmployees(request)
            : post  ? createEmployee(request)
                    : error(405, QStringLiteral("Method not allowed"));
    } else if (path == QLatin1String("/v1/company/employees/attributes")
        || path == QLatin1String("/v1/company/employees/custom-attributes")) {
        if (!get) {
            return error(405, QStringLiteral("Method not allowed"));
        }
        QJsonArray attributes;
        for (const AttributeRow& row : attributeRows()) {
            QJsonObject entry {
                {QStringLiteral("key"), QString::fromLatin1(row.key)},
                {QStringLiteral("label"), QString::fromUtf8(row.label)},
                {QStringLiteral("type"), QString::fromLatin1(row.type)},
                {QStringLiteral("universal_id"),
                    qstrlen(row.universalId) > 0 ? QJsonValue(QString::fromLatin1(row.universalId)) : QJsonValue()},
            };
            if (!row.options.isEmpty()) {
                QJsonArray options;
                for (const char* option : row.options) {
                    options.append(QString::fromUtf8(option));
                }
                entry.insert(QStringLiteral("options"), options);
            }
            attributes.append(entry);
        }
        reply = success(200, attributes);
    } else if (path.startsWith(QLatin1String("/v1/company/employees/"))) {
        bool ok = false;
        const int id = path.mid(22).toInt(&ok);
        const Employee* found = ok ? employee(id) : nullptr;
        if (!get) {
            return error(405, QStringLiteral("Method not allowed"));
        }
        reply = found ? success(200, employeeJson(*found))
                      : error(404, QStringLiteral("No query results for model [Employee] %1").arg(path.mid(22)));
    } else if (path == QLatin1String("/v1/company/document-categories")) {
        if (!get) {
            return error(405, QStringLiteral("Method not allowed"));
        }
        QJsonArray categories;
        for (const auto& [id, name] : kCategories) {
            categories.append(QJsonObject {
                {QStringLiteral("id"), id},
                {QStringLiteral("type"), QStringLiteral("DocumentCategory")},
                {QStringLiteral("attributes"), QJsonObject {{QStringLiteral("name"), QString::fromLatin1(name)}}},
            });
        }
        reply = success(200, categories);
    } else if (path == QLatin1String("/v1/company/documents")) {
        reply = post ? uploadDocument(request) : error(405, QStringLiteral("Method not allowed"));
    } else {
        return error(404, QStringLiteral("Route %1 not found").arg(path));
    }
    if (reply.status >= 200 && reply.status < 300) {
        // Personio echoes the token on successful calls.
        reply.headers.append({QByteArrayLiteral("Authorization"), "Bearer " + m_token.toLatin1()});
    }
    return reply;
}

SandboxReply FakePersonio::auth(const QHttpServerRequest& request)
{
    const qint64 now = m_clock.elapsed();
    if (m_authLockedUntil >= 0 && now < m_authLockedUntil) {
        return error(429,
            QStringLiteral("Too Many Attempts. /v1/auth is locked for another %1 s.")
                .arg((m_authLockedUntil - now + 999) / 1000));
    }
    if (m_authWindow.exceeds(now, 60000, kAuthPerMinute)) {
        m_authLockedUntil = now + kAuthLockoutMs;
        m_authWindow = Window {};
        qCInfo(lcFakePersonio) << "more than" << kAuthPerMinute << "auth calls in a minute: locked for 60 s";
        return error(429,
            QStringLiteral("Too Many Attempts. /v1/auth allows %1 calls per minute; locked for 60 s.")
                .arg(kAuthPerMinute));
    }

    // The current spec reads a JSON or form body; the older one, the query string. All three work.
    QString id;
    QString secret;
    const QUrlQuery query(request.url());
    id = query.queryItemValue(QStringLiteral("client_id"), QUrl::FullyDecoded);
    secret = query.queryItemValue(QStringLiteral("client_secret"), QUrl::FullyDecoded);
    const QByteArray body = request.body().trimmed();
    if (!body.isEmpty()) {
        const QJsonDocument document = QJsonDocument::fromJson(body);
        if (document.isObject()) {
            id = document.object().value(QStringLiteral("client_id")).toString(id);
            secret = document.object().value(QStringLiteral("client_secret")).toString(secret);
        } else {
            QByteArray plusDecoded = body;
            plusDecoded.replace('+', "%20");
            const QUrlQuery form(QString::fromLatin1(plusDecoded));
            if (form.hasQueryItem(QStringLiteral("client_id"))) {
                id = form.queryItemValue(QStringLiteral("client_id"), QUrl::FullyDecoded);
            }
            if (form.hasQueryItem(QStringLiteral("client_secret"))) {
                secret = form.queryItemValue(QStringLiteral("client_secret"), QUrl::FullyDecoded);
            }
        }
    }
    if (id != clientId || secret != clientSecret) {
        return error(401, QStringLiteral("You could not be authenticated with those credentials."));
    }
    if (m_token.isEmpty() || now - m_tokenIssuedAt >= kTokenLifetimeMs) {
        ++m_tokenNumber;
        m_token = QStringLiteral("papi-")
            + QString::fromLatin1(QCryptographicHash::hash(
                "hirebridge-sandbox-personio-" + QByteArray::number(m_tokenNumber), QCryptographicHash::Sha256)
                                      .toHex());
        m_tokenIssuedAt = now;
        qCInfo(lcFakePersonio) << "issued token number" << m_tokenNumber;
    }
    return success(200, QJsonObject {{QStringLiteral("token"), m_token}});
}

QJsonObject FakePersonio::employeeJson(const Employee& employee) const
{
    const QJsonObject& a = employee.attributes;
    QJsonObject attributes {
        {QStringLiteral("id"),
            attribute(QStringLiteral("ID"), employee.id, QStringLiteral("integer"), QStringLiteral("id"))},
        {QStringLiteral("email"),
            attribute(QStringLiteral("Email"), a.value(QStringLiteral("email")), QStringLiteral("standard"),
                QStringLiteral("email"))},
        {QStringLiteral("first_name"),
            attribute(QStringLiteral("First name"), a.value(QStringLiteral("first_name")), QStringLiteral("standard"),
                QStringLiteral("first_name"))},
        {QStringLiteral("last_name"),
            attribute(QStringLiteral("Last name"), a.value(QStringLiteral("last_name")), QStringLiteral("standard"),
                QStringLiteral("last_name"))},
        {QStringLiteral("status"),
            attribute(QStringLiteral("Status"), a.value(QStringLiteral("status")), QStringLiteral("standard"),
                QStringLiteral("status"))},
    };
    // Only the credential's whitelisted attributes come back; hire_date can be left off the whitelist.
    if (!m_faults.switches().personioDropHireDate) {
        const QString hireDate = a.value(QStringLiteral("hire_date")).toString();
        attributes.insert(QStringLiteral("hire_date"),
            attribute(QStringLiteral("Hire date"),
                hireDate.isEmpty() ? QJsonValue() : QJsonValue(displayDate(hireDate)), QStringLiteral("date"),
                QStringLiteral("hire_date")));
    }
    return QJsonObject {
        {QStringLiteral("type"), QStringLiteral("Employee")},
        {QStringLiteral("attributes"), attributes},
    };
}

SandboxReply FakePersonio::listEmployees(const QHttpServerRequest& request)
{
    const qint64 now = m_clock.elapsed();
    // Both windows always record the request, so a burst is counted in the minute too.
    const bool perSecond = m_listSecondWindow.exceeds(now, 1000, kListPerSecond);
    const bool perMinute = m_listMinuteWindow.exceeds(now, 60000, kListPerMinute);
    if (perSecond || perMinute) {
        return error(429,
            perSecond ? QStringLiteral("Too Many Requests: more than %1 employee list calls in one second.")
                            .arg(kListPerSecond)
                      : QStringLiteral("Too Many Requests: more than %1 employee list calls in one minute.")
                            .arg(kListPerMinute));
    }

    const QUrlQuery query(request.url());
    int limit = kDefaultPageLimit;
    int offset = 0;
    if (query.hasQueryItem(QStringLiteral("limit"))) {
        bool ok = false;
        limit = query.queryItemValue(QStringLiteral("limit")).toInt(&ok);
        if (!ok || limit < 1) {
            return error(422, QStringLiteral("The given data was invalid."),
                QJsonObject {{QStringLiteral("limit"), QJsonArray {QStringLiteral("The limit must be at least 1.")}}});
        }
        limit = qMin(limit, kMaxPageLimit);
    }
    if (query.hasQueryItem(QStringLiteral("offset"))) {
        bool ok = false;
        offset = query.queryItemValue(QStringLiteral("offset")).toInt(&ok);
        if (!ok || offset < 0) {
            return error(422, QStringLiteral("The given data was invalid."),
                QJsonObject {
                    {QStringLiteral("offset"), QJsonArray {QStringLiteral("The offset must be at least 0.")}}});
        }
    }

    QList<const Employee*> matching;
    if (query.hasQueryItem(QStringLiteral("email"))) {
        // Case-insensitive; inactive employees included, so a rehire is found.
        const QString email = query.queryItemValue(QStringLiteral("email"), QUrl::FullyDecoded);
        if (const Employee* found = employeeByEmail(email)) {
            matching.append(found);
        }
    } else {
        for (const Employee& candidate : m_employees) {
            matching.append(&candidate);
        }
    }
    QJsonArray rows;
    for (qsizetype i = offset; i < matching.size() && rows.size() < limit; ++i) {
        rows.append(employeeJson(*matching.at(i)));
    }
    const int total = int(matching.size());
    return SandboxReply::json(200,
        QJsonObject {
            {QStringLiteral("success"), true},
            {QStringLiteral("metadata"),
                QJsonObject {
                    {QStringLiteral("total_elements"), total},
                    {QStringLiteral("current_page"), offset / limit},
                    {QStringLiteral("total_pages"), (total + limit - 1) / limit},
                }},
            {QStringLiteral("offset"), offset},
            {QStringLiteral("limit"), limit},
            {QStringLiteral("data"), rows},
        });
}

SandboxReply FakePersonio::createEmployee(const QHttpServerRequest& request)
{
    const QByteArray contentType = SandboxServer::header(request, QByteArrayLiteral("Content-Type")).toLower();
    QJsonObject input;
    if (contentType.contains("application/x-www-form-urlencoded")) {
        input = employeeFromForm(request.body());
    } else {
        const QJsonDocument document = QJsonDocument::fromJson(request.body());
        if (!document.isObject() || !document.object().value(QStringLiteral("employee")).isObject()) {
            return error(422, QStringLiteral("The given data was invalid."),
                QJsonObject {{QStringLiteral("employee"),
                    QJsonArray {QStringLiteral("The body must be {\"employee\": {...}} (JSON) or employee[field] "
                                               "form fields.")}}});
        }
        input = document.object().value(QStringLiteral("employee")).toObject();
    }
    const auto text
        = [&input](const char* key) { return input.value(QLatin1String(key)).toVariant().toString().trimmed(); };

    QJsonObject problems;
    const auto complain = [&problems](const QString& field, const QString& message) {
        QJsonArray messages = problems.value(field).toArray();
        messages.append(message);
        problems.insert(field, messages);
    };
    for (const char* key : {"email", "first_name", "last_name"}) {
        if (text(key).isEmpty()) {
            complain(QString::fromLatin1(key),
                QStringLiteral("The %1 field is required.")
                    .arg(QString::fromLatin1(key).replace(QLatin1Char('_'), QLatin1Char(' '))));
        }
    }
    if (problems.isEmpty() && !looksLikeEmail(text("email"))) {
        complain(QStringLiteral("email"), QStringLiteral("The email must be a valid email address."));
    }
    if (!problems.isEmpty()) {
        return error(422, QStringLiteral("The given data was invalid."), problems);
    }
    if (employeeByEmail(text("email"))) {
        return error(422, QStringLiteral("The email has already been taken."),
            QJsonObject {{QStringLiteral("email"), QJsonArray {QStringLiteral("already exists")}}});
    }

    Employee created;
    created.id = m_nextEmployeeId;
    QJsonObject& stored = created.attributes;
    QJsonArray metaErrors;
    for (auto it = input.begin(); it != input.end(); ++it) {
        const QString key = it.key();
        const QString value = it.value().toVariant().toString().trimmed();
        if (key == QLatin1String("custom_attributes")) {
            continue; // below
        }
        if (key == QLatin1String("email") || key == QLatin1String("first_name") || key == QLatin1String("last_name")
            || key == QLatin1String("preferred_name") || key == QLatin1String("position")) {
            stored.insert(key, value);
        } else if (key == QLatin1String("gender")) {
            if (value != QLatin1String("male") && value != QLatin1String("female")
                && value != QLatin1String("diverse")) {
                complain(key, QStringLiteral("The selected gender is invalid (male, female or diverse)."));
            } else {
                stored.insert(key, value);
            }
        } else if (key == QLatin1String("department") || key == QLatin1String("office")
            || key == QLatin1String("subcompany")) {
            const QStringList& known = key == QLatin1String("department") ? knownDepartments()
                : key == QLatin1String("office")                          ? knownOffices()
                                                                          : knownSubcompanies();
            if (value.isEmpty()) {
                continue;
            }
            if (known.contains(value)) {
                stored.insert(key, value);
            } else {
                // Not an error: the employee is created without it and only this "meta" error tells.
                QString label = key;
                label[0] = label.at(0).toUpper();
                metaErrors.append(QJsonObject {
                    {QStringLiteral("field"), key},
                    {QStringLiteral("message"), QStringLiteral("%1 '%2' not found, value ignored").arg(label, value)},
                });
            }
        } else if (key == QLatin1String("hire_date")) {
            if (!isIsoDate(value)) {
                complain(key, QStringLiteral("The hire date does not match the format Y-m-d."));
            } else {
                stored.insert(key, value);
            }
        } else if (key == QLatin1String("status")) {
            static const QStringList statuses {QStringLiteral("active"), QStringLiteral("onboarding"),
                QStringLiteral("inactive"), QStringLiteral("leave")};
            if (!statuses.contains(value)) {
                complain(key, QStringLiteral("The selected status is invalid."));
            } else {
                stored.insert(key, value);
            }
        } else if (key == QLatin1String("supervisor_id")) {
            const auto supervisor = wholeNumber(it.value());
            if (!supervisor || !employee(int(*supervisor))) {
                complain(key, QStringLiteral("The selected supervisor id is invalid."));
            } else {
                stored.insert(key, *supervisor);
            }
        } else if (key == QLatin1String("weekly_working_hours") || key == QLatin1String("weekly_hours")) {
            if (!isDecimal(it.value())) {
                complain(key, QStringLiteral("The %1 must be a number.").arg(key));
            } else {
                stored.insert(key, it.value().isDouble() ? it.value().toDouble() : value.toDouble());
            }
        } else {
            created.ignoredFields.append(key);
        }
    }

    QJsonObject custom;
    const QJsonValue customInput = input.value(QStringLiteral("custom_attributes"));
    if (!customInput.isUndefined() && !customInput.isNull() && !customInput.isObject()) {
        complain(QStringLiteral("custom_attributes"), QStringLiteral("The custom attributes must be an object."));
    }
    const QJsonObject customAttributes = customInput.toObject();
    for (auto it = customAttributes.begin(); it != customAttributes.end(); ++it) {
        const AttributeRow* row = attributeRow(it.key());
        if (!row || !it.key().startsWith(QLatin1String("dynamic_"))) {
            complain(it.key(), QStringLiteral("Unknown custom attribute %1.").arg(it.key()));
            continue;
        }
        const QString type = QString::fromLatin1(row->type);
        const QString value = it.value().toVariant().toString().trimmed();
        QStringList options;
        for (const char* option : row->options) {
            options.append(QString::fromUtf8(option));
        }
        bool valid = true;
        if (type == QLatin1String("list")) {
            valid = options.contains(value);
        } else if (type == QLatin1String("tags")) {
            // Multi-select: an array or a comma-separated string, every entry one of the options.
            QStringList chosen;
            if (it.value().isArray()) {
                for (const QJsonValue& entry : it.value().toArray()) {
                    chosen.append(entry.toString().trimmed());
                }
            } else {
                for (const QString& entry : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
                    chosen.append(entry.trimmed());
                }
            }
            for (const QString& entry : std::as_const(chosen)) {
                valid = valid && options.contains(entry);
            }
        } else if (type == QLatin1String("date")) {
            valid = isIsoDate(value);
        } else if (type == QLatin1String("integer")) {
            valid = wholeNumber(it.value()).has_value();
        } else if (type == QLatin1String("decimal")) {
            valid = isDecimal(it.value());
        } else {
            valid = !it.value().isObject() && !it.value().isArray();
        }
        if (!valid) {
            complain(it.key(),
                options.isEmpty()
                    ? QStringLiteral("The value of %1 (%2) is invalid.").arg(it.key(), QString::fromUtf8(row->label))
                    : QStringLiteral("The value of %1 (%2) must be one of: %3.")
                          .arg(it.key(), QString::fromUtf8(row->label), options.join(QStringLiteral(", "))));
            continue;
        }
        custom.insert(it.key(), it.value());
    }
    if (!problems.isEmpty()) {
        return error(422, QStringLiteral("The given data was invalid."), problems);
    }
    if (!custom.isEmpty()) {
        stored.insert(QStringLiteral("custom_attributes"), custom);
    }
    if (!stored.contains(QStringLiteral("status"))) {
        // Documented: without a status, a future hire date means onboarding, a past (or no) one active.
        const QDate hired = QDate::fromString(stored.value(QStringLiteral("hire_date")).toString(), Qt::ISODate);
        stored.insert(QStringLiteral("status"),
            hired.isValid() && hired > QDate::currentDate() ? QStringLiteral("onboarding") : QStringLiteral("active"));
    }
    created.metaErrors = metaErrors;
    created.createdAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    ++m_nextEmployeeId;
    m_employees.append(created);
    qCInfo(lcFakePersonio).noquote() << "created employee" << created.id << "with" << metaErrors.size()
                                     << "dropped value(s)";

    QJsonObject answer {
        {QStringLiteral("success"), true},
        {QStringLiteral("data"),
            QJsonObject {
                {QStringLiteral("id"), created.id},
                {QStringLiteral("message"), QStringLiteral("success")},
            }},
    };
    if (!metaErrors.isEmpty()) {
        answer.insert(QStringLiteral("meta"), QJsonObject {{QStringLiteral("errors"), metaErrors}});
    }
    return SandboxReply::json(200, answer);
}

SandboxReply FakePersonio::uploadDocument(const QHttpServerRequest& request)
{
    if (m_uploadWindow.exceeds(m_clock.elapsed(), 60000, kUploadsPerMinute)) {
        return error(
            429, QStringLiteral("Too Many Requests: at most %1 document uploads per minute.").arg(kUploadsPerMinute));
    }
    MultipartForm form;
    QString problem;
    if (!form.parse(SandboxServer::header(request, QByteArrayLiteral("Content-Type")), request.body(), &problem)) {
        return error(400, QStringLiteral("Malformed multipart body: %1").arg(problem));
    }
    const MultipartForm::Part* file = form.part(QStringLiteral("file"));
    if (file && file->data.size() > kMaxDocumentBytes) {
        return error(413, QStringLiteral("The file may not be greater than 30 MB."),
            QJsonObject {{QStringLiteral("file"),
                QJsonArray {QStringLiteral("The file may not be greater than 30720 kilobytes.")}}});
    }
    QJsonObject problems;
    for (const char* name : {"title", "employee_id", "category_id", "file"}) {
        const QString key = QString::fromLatin1(name);
        if (!form.part(key) || (key != QLatin1String("file") && form.text(key).trimmed().isEmpty())) {
            problems.insert(key,
                QJsonArray {QStringLiteral("The %1 field is required.")
                                .arg(QString(key).replace(QLatin1Char('_'), QLatin1Char(' ')))});
        }
    }
    const QString title = form.text(QStringLiteral("title")).trimmed();
    if (title.size() > kMaxTitleLength) {
        problems.insert(QStringLiteral("title"),
            QJsonArray {QStringLiteral("The title may not be greater than %1 characters.").arg(kMaxTitleLength)});
    }
    bool employeeOk = false;
    bool categoryOk = false;
    const int employeeId = form.text(QStringLiteral("employee_id")).trimmed().toInt(&employeeOk);
    const int categoryId = form.text(QStringLiteral("category_id")).trimmed().toInt(&categoryOk);
    if (form.part(QStringLiteral("employee_id")) && !employeeOk && !problems.contains(QStringLiteral("employee_id"))) {
        problems.insert(
            QStringLiteral("employee_id"), QJsonArray {QStringLiteral("The employee id must be an integer.")});
    }
    if (form.part(QStringLiteral("category_id")) && !categoryOk && !problems.contains(QStringLiteral("category_id"))) {
        problems.insert(
            QStringLiteral("category_id"), QJsonArray {QStringLiteral("The category id must be an integer.")});
    }
    if (!problems.isEmpty()) {
        return error(422, QStringLiteral("The given data was invalid."), problems);
    }
    if (categoryName(categoryId).isEmpty()) {
        return error(404, QStringLiteral("No query results for model [DocumentCategory] %1").arg(categoryId));
    }
    if (!employee(employeeId)) {
        return error(404, QStringLiteral("No query results for model [Employee] %1").arg(employeeId));
    }
    // Personio goes by the file name's extension and does not look at the bytes.
    const QString extension = file->fileName.contains(QLatin1Char('.'))
        ? file->fileName.section(QLatin1Char('.'), -1).toLower()
        : QString();
    if (!allowedExtensions().contains(extension)) {
        return error(422, QStringLiteral("The given data was invalid."),
            QJsonObject {{QStringLiteral("file"),
                QJsonArray {QStringLiteral("The file must be a file of type: %1.")
                                .arg(allowedExtensions().join(QStringLiteral(", ")))}}});
    }
    const QString date = form.text(QStringLiteral("date")).trimmed();
    if (!date.isEmpty() && !isIsoDate(date)) {
        return error(422, QStringLiteral("The given data was invalid."),
            QJsonObject {
                {QStringLiteral("date"), QJsonArray {QStringLiteral("The date does not match the format Y-m-d.")}}});
    }
    const QString comment = form.text(QStringLiteral("comment"));
    const Document stored {m_nextDocumentId++, employeeId, categoryId, title, comment, date, file->fileName,
        file->contentType, file->data.size(),
        QString::fromLatin1(QCryptographicHash::hash(file->data, QCryptographicHash::Sha256).toHex()),
        QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)};
    m_documents.append(stored);
    qCInfo(lcFakePersonio).noquote() << "stored document" << stored.id << "for employee" << employeeId << "with"
                                     << stored.size << "bytes";
    const Employee* owner = employee(employeeId);
    return success(201,
        QJsonObject {
            {QStringLiteral("id"), stored.id},
            {QStringLiteral("type"), QStringLiteral("Document")},
            {QStringLiteral("attributes"),
                QJsonObject {
                    {QStringLiteral("title"), title},
                    {QStringLiteral("date"), date.isEmpty() ? QJsonValue() : QJsonValue(date)},
                    {QStringLiteral("comment"), comment.isEmpty() ? QJsonValue() : QJsonValue(comment)},
                    {QStringLiteral("file_name"), file->fileName},
                    {QStringLiteral("employee"),
                        QJsonObject {
                            {QStringLiteral("type"), QStringLiteral("Employee")},
                            {QStringLiteral("attributes"),
                                QJsonObject {
                                    {QStringLiteral("id"), employeeId},
                                    {QStringLiteral("first_name"),
                                        owner->attributes.value(QStringLiteral("first_name"))},
                                    {QStringLiteral("last_name"), owner->attributes.value(QStringLiteral("last_name"))},
                                }},
                        }},
                    {QStringLiteral("category"),
                        QJsonObject {
                            {QStringLiteral("id"), categoryId},
                            {QStringLiteral("type"), QStringLiteral("DocumentCategory")},
                            {QStringLiteral("attributes"),
                                QJsonObject {{QStringLiteral("name"), categoryName(categoryId)}}},
                        }},
                }},
        });
}

QJsonArray FakePersonio::employeesJson() const
{
    QJsonArray array;
    for (const Employee& entry : m_employees) {
        array.append(QJsonObject {
            {QStringLiteral("id"), entry.id},
            {QStringLiteral("seeded"), entry.seeded},
            {QStringLiteral("attributes"), entry.attributes},
            {QStringLiteral("metaErrors"), entry.metaErrors},
            {QStringLiteral("ignoredFields"), QJsonArray::fromStringList(entry.ignoredFields)},
            {QStringLiteral("createdAt"), entry.createdAt.isEmpty() ? QJsonValue() : QJsonValue(entry.createdAt)},
        });
    }
    return array;
}

QJsonArray FakePersonio::documentsJson() const
{
    QJsonArray array;
    for (const Document& document : m_documents) {
        array.append(QJsonObject {
            {QStringLiteral("id"), document.id},
            {QStringLiteral("employeeId"), document.employeeId},
            {QStringLiteral("categoryId"), document.categoryId},
            {QStringLiteral("categoryName"), categoryName(document.categoryId)},
            {QStringLiteral("title"), document.title},
            {QStringLiteral("comment"), document.comment},
            {QStringLiteral("date"), document.date},
            {QStringLiteral("fileName"), document.fileName},
            {QStringLiteral("contentType"), QString::fromLatin1(document.contentType)},
            {QStringLiteral("size"), document.size},
            {QStringLiteral("sha256"), document.sha256},
            {QStringLiteral("receivedAt"), document.receivedAt},
        });
    }
    return array;
}

int FakePersonio::createdCount() const
{
    int count = 0;
    for (const Employee& entry : m_employees) {
        count += entry.seeded ? 0 : 1;
    }
    return count;
}

QJsonObject FakePersonio::specialCases() const
{
    const QJsonObject special = m_data.specialCases();
    return QJsonObject {
        {QStringLiteral("existingHire"),
            QJsonObject {
                {QStringLiteral("applicationId"),
                    special.value(QStringLiteral("internalHire")).toObject().value(QStringLiteral("applicationId"))},
                {QStringLiteral("employeeId"), 1189},
                {QStringLiteral("email"), QStringLiteral("ingrid.berg@") + kOrgDomain},
            }},
        {QStringLiteral("inactiveEmployee"),
            QJsonObject {
                {QStringLiteral("employeeId"), 1190},
                {QStringLiteral("email"), QStringLiteral("henrik.dahl@") + kOrgDomain},
            }},
        {QStringLiteral("managerIds"),
            QJsonObject {
                {QStringLiteral("katherine.oneill@") + kOrgDomain, 1183},
                {QStringLiteral("marcus.lindqvist@") + kOrgDomain, 1184},
                {QStringLiteral("amara.okafor@") + kOrgDomain, 1185},
                {QStringLiteral("jeanluc.moreau@") + kOrgDomain, 1186},
                {QStringLiteral("tomas.garcia@") + kOrgDomain, 1187},
            }},
        {QStringLiteral("unknownOffice"),
            QJsonObject {
                {QStringLiteral("ashbyLocation"), QStringLiteral("Stockholm")},
                {QStringLiteral("personioOffice"), QStringLiteral("Stockholm HQ")},
                {QStringLiteral("applicationIds"),
                    special.value(QStringLiteral("unmatchedSite")).toObject().value(QStringLiteral("applicationIds"))},
            }},
        {QStringLiteral("departments"), QJsonArray::fromStringList(knownDepartments())},
        {QStringLiteral("offices"), QJsonArray::fromStringList(knownOffices())},
        {QStringLiteral("subcompanies"), QJsonArray::fromStringList(knownSubcompanies())},
        {QStringLiteral("documentCategories"),
            QJsonObject {{QStringLiteral("contracts"), 1}, {QStringLiteral("other"), 2}, {QStringLiteral("cv"), 3}}},
    };
}

QString FakePersonio::html() const
{
    QString rows;
    for (const Employee& entry : m_employees) {
        if (entry.seeded) {
            continue;
        }
        QStringList dropped;
        for (const QJsonValue& metaError : entry.metaErrors) {
            dropped.append(metaError.toObject().value(QStringLiteral("message")).toString().toHtmlEscaped());
        }
        QStringList documents;
        for (const Document& document : m_documents) {
            if (document.employeeId == entry.id) {
                documents.append(QStringLiteral("%1 (%2, %3 bytes)")
                                     .arg(document.title.toHtmlEscaped(), document.fileName.toHtmlEscaped())
                                     .arg(document.size));
            }
        }
        const QJsonObject& a = entry.attributes;
        rows += QStringLiteral(
            "<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td>%5</td><td>%6</td><td>%7</td></tr>\n")
                    .arg(QString::number(entry.id),
                        (a.value(QStringLiteral("first_name")).toString() + QLatin1Char(' ')
                            + a.value(QStringLiteral("last_name")).toString())
                            .toHtmlEscaped(),
                        a.value(QStringLiteral("email")).toString().toHtmlEscaped(),
                        a.value(QStringLiteral("hire_date")).toString().toHtmlEscaped(),
                        a.value(QStringLiteral("status")).toString().toHtmlEscaped(),
                        dropped.join(QStringLiteral("<br>")), documents.join(QStringLiteral("<br>")));
    }
    if (rows.isEmpty()) {
        rows = QStringLiteral("<tr><td colspan=\"7\">No employees created yet.</td></tr>\n");
    }
    return QStringLiteral(
        "<h2>Personio: employees created</h2>\n<table><tr><th>Id</th><th>Name</th><th>E-mail</th>"
        "<th>Hire date</th><th>Status</th><th>Dropped values</th><th>Documents</th></tr>\n%1</table>\n")
        .arg(rows);
}

SandboxReply FakePersonio::error(int status, const QString& message, const QJsonObject& errorData)
{
    QJsonObject error {
        {QStringLiteral("code"), 0},
        {QStringLiteral("message"), message},
    };
    if (!errorData.isEmpty()) {
        error.insert(QStringLiteral("error_data"), errorData);
    }
    return SandboxReply::json(status,
        QJsonObject {
            {QStringLiteral("success"), false},
            {QStringLiteral("error"), error},
        });
}

SandboxReply FakePersonio::success(int status, const QJsonValue& data)
{
    return SandboxReply::json(status,
        QJsonObject {
            {QStringLiteral("success"), true},
            {QStringLiteral("data"), data},
        });
}
