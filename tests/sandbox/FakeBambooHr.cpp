#include "FakeBambooHr.h"

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

Q_LOGGING_CATEGORY(lcFakeBambooHr, "hirebridge.sandbox.bamboohr")

const QString FakeBambooHr::apiKey = QStringLiteral("sandbox-bamboohr-key-2c8e");
const QString FakeBambooHr::limitedApiKey = QStringLiteral("sandbox-bamboohr-limited-key-6a0d");
const QString FakeBambooHr::company = QStringLiteral("acme");

namespace {

const QString kOrgDomain = QStringLiteral("nordlicht.example");
constexpr int kFirstCreatedId = 4127;
constexpr int kFirstFileId = 9981;
constexpr int kDefaultPageLimit = 250;
constexpr int kMaxPageLimit = 2500;

struct FieldRow
{
    const char* id;
    const char* name;
    const char* type;
    const char* alias; // "" for custom fields without an alias: clients address them by id
};

// GET /v1/meta/fields. Three custom fields have no alias (as custom fields usually don't), one has.
const std::array<FieldRow, 20> kFields {{
    {"1", "First name", "text", "firstName"},
    {"2", "Last name", "text", "lastName"},
    {"1358", "Preferred name", "text", "preferredName"},
    {"15", "Work email", "email", "workEmail"},
    {"16", "Home email", "email", "homeEmail"},
    {"13", "Mobile phone", "phone", "mobilePhone"},
    {"17", "Job title", "list", "jobTitle"},
    {"4", "Department", "list", "department"},
    {"18", "Location", "list", "location"},
    {"1355", "Division", "list", "division"},
    {"1360", "Employment status", "list", "employmentHistoryStatus"},
    {"81", "Hire date", "date", "hireDate"},
    {"91", "Reporting to (employee id)", "employee", "supervisorEId"},
    {"19", "Status", "status", "status"},
    {"1610", "Employee #", "text", "employeeNumber"},
    {"4031", "Ashby candidate ID", "text", ""},
    {"4032", "Ashby application ID", "text", ""},
    {"4033", "Contract type", "list", ""},
    {"4034", "Referral bonus eligible", "checkbox", "customReferralBonusEligible"},
    {"4035", "Signing bonus", "currency", ""},
}};

struct ListRow
{
    const char* fieldId;
    int firstOptionId;
    QList<const char*> options;
    QList<const char*> archived;
};

// GET /v1/meta/lists. Every department, location and job title of the Ashby demo jobs matches exactly, so demo
// pushes succeed; the archived options are there to be refused like unknown ones.
const QList<ListRow>& listRows()
{
    static const QList<ListRow> rows {
        {"17", 1700,
            {"Chief Executive Officer", "VP Engineering", "Head of Sales", "Head of People", "Data Lead",
                "Finance Lead", "Support Engineer", "Talent Partner", "Account Executive", "Backend Engineer",
                "Data Engineer", "People Partner", "Sales Development Representative", "Financial Analyst",
                "Office Manager"},
            {"Office Manager"}},
        {"4", 1800,
            {"Management", "Engineering", "Platform", "Data", "Sales", "People", "Finance", "Customer Success",
                "Operations"},
            {"Operations"}},
        {"18", 1900, {"Berlin", "London", "Stockholm", "New York", "Hamburg"}, {"Hamburg"}},
        {"1355", 2000, {"Nordlicht GmbH", "Nordlicht Ltd", "Nordlicht Inc"}, {}},
        {"1360", 2100, {"Full-Time", "Part-Time", "Contractor", "Intern"}, {}},
        {"4033", 2200, {"Permanent", "Fixed-term", "Contractor", "Freelancer"}, {"Freelancer"}},
    };
    return rows;
}

const FieldRow* fieldByKey(const QString& key)
{
    for (const FieldRow& row : kFields) {
        if (key == QLatin1String(row.id) || (qstrlen(row.alias) > 0 && key == QLatin1String(row.alias))) {
            return &row;
        }
    }
    return nullptr;
}

QString storageKey(const FieldRow& row)
{
    return QString::fromLatin1(qstrlen(row.alias) > 0 ? row.alias : row.id);
}

const ListRow* listFor(const FieldRow& row)
{
    for (const ListRow& list : listRows()) {
        if (qstrcmp(list.fieldId, row.id) == 0) {
            return &list;
        }
    }
    return nullptr;
}

bool isActiveOption(const ListRow& list, const QString& value)
{
    for (const char* option : list.options) {
        if (value == QString::fromUtf8(option)) {
            for (const char* archived : list.archived) {
                if (qstrcmp(option, archived) == 0) {
                    return false;
                }
            }
            return true;
        }
    }
    return false;
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

QString nowText()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

// Query items with decoded keys, so "page[limit]" and "page%5Blimit%5D" are the same parameter.
QList<QPair<QString, QString>> queryItems(const QUrl& url)
{
    return QUrlQuery(url).queryItems(QUrl::FullyDecoded);
}

// The LAST value of a parameter: BambooHR keeps one of repeated keys, so "fields=a&fields=b" loses "a".
QString lastQueryValue(const QList<QPair<QString, QString>>& items, const QString& key, bool* present = nullptr)
{
    QString value;
    bool found = false;
    for (const auto& [name, itemValue] : items) {
        if (name == key) {
            value = itemValue;
            found = true;
        }
    }
    if (present) {
        *present = found;
    }
    return value;
}

QByteArray encodeCursor(int afterId)
{
    return "bhc1."
        + QByteArray::number(afterId).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

// The employee id after which the next page starts, or -1 for a garbled cursor.
int decodeCursor(const QString& cursor)
{
    const QByteArray raw = cursor.toLatin1();
    if (!raw.startsWith("bhc1.")) {
        return -1;
    }
    const auto decoded
        = QByteArray::fromBase64Encoding(raw.mid(5), QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    bool ok = false;
    const int id = decoded ? decoded.decoded.toInt(&ok) : 0;
    return ok && id >= 0 ? id : -1;
}

struct SeedRow
{
    int id;
    const char* firstName;
    const char* lastName;
    const char* preferredName;
    const char* emailLocal;
    const char* homeEmail;
    const char* jobTitle;
    const char* department;
    const char* location;
    const char* division;
    const char* hireDate;
    int supervisor;
    bool active;
    bool restrictable; // workEmail hidden while bamboohrRestrictedWorkEmail is on
};

// The hiring managers of the Ashby demo jobs (matched by work e-mail), the internal hire Ingrid Berg (Ashby has
// "Ingrid.Berg@…", here lower case) and an inactive former employee. Ingrid's and Henrik's rows are the ones whose
// workEmail the restricted-field switch hides, so the "could not verify" case hits a real duplicate.
const std::array<SeedRow, 9> kSeed {{
    {100, "Lena", "Fischer", "", "lena.fischer", "", "Chief Executive Officer", "Management", "Berlin",
        "Nordlicht GmbH", "2019-03-01", 0, true, false},
    {101, "Katherine", "O'Neill", "Kate", "katherine.oneill", "kate.oneill@mail.example", "VP Engineering",
        "Engineering", "Berlin", "Nordlicht GmbH", "2020-01-06", 100, true, false},
    {102, "Marcus", "Lindqvist", "", "marcus.lindqvist", "", "Head of Sales", "Sales", "London", "Nordlicht Ltd",
        "2020-09-01", 100, true, false},
    {103, "Amara", "Okafor", "", "amara.okafor", "", "Head of People", "People", "Berlin", "Nordlicht GmbH",
        "2021-02-15", 100, true, false},
    {104, "Jean-Luc", "Moreau", "", "jeanluc.moreau", "", "Data Lead", "Data", "Stockholm", "Nordlicht GmbH",
        "2021-06-01", 101, true, false},
    {105, "Tomás", "García", "", "tomas.garcia", "", "Finance Lead", "Finance", "New York", "Nordlicht Inc",
        "2021-11-01", 100, true, false},
    {106, "Priya", "Raman", "", "priya.raman", "", "Talent Partner", "People", "London", "Nordlicht Ltd", "2022-08-15",
        103, true, false},
    {107, "Ingrid", "Berg", "", "ingrid.berg", "", "Support Engineer", "Customer Success", "Stockholm",
        "Nordlicht GmbH", "2022-04-04", 104, true, true},
    {108, "Henrik", "Dahl", "", "henrik.dahl", "henrik.dahl@mail.example", "Account Executive", "Sales", "Stockholm",
        "Nordlicht GmbH", "2019-10-01", 102, false, true},
}};

const std::array<std::pair<int, const char*>, 3> kCategories {{
    {17, "Offer Letters"},
    {18, "Resumes and Applications"},
    {19, "Other"},
}};

} // namespace

FakeBambooHr::FakeBambooHr(SandboxData& data, FaultInjector& faults)
    : m_data(data)
    , m_faults(faults)
{
    seed();
}

QString FakeBambooHr::baseUrl() const
{
    return m_serverUrl + QStringLiteral("/api/gateway.php/") + company;
}

void FakeBambooHr::seed()
{
    m_employees.clear();
    m_files.clear();
    m_nextEmployeeId = kFirstCreatedId;
    m_nextFileId = kFirstFileId;
    for (const SeedRow& row : kSeed) {
        QJsonObject fields {
            {QStringLiteral("firstName"), QString::fromUtf8(row.firstName)},
            {QStringLiteral("lastName"), QString::fromUtf8(row.lastName)},
            {QStringLiteral("workEmail"), QString::fromLatin1(row.emailLocal) + QLatin1Char('@') + kOrgDomain},
            {QStringLiteral("jobTitle"), QString::fromUtf8(row.jobTitle)},
            {QStringLiteral("department"), QString::fromUtf8(row.department)},
            {QStringLiteral("location"), QString::fromUtf8(row.location)},
            {QStringLiteral("division"), QString::fromUtf8(row.division)},
            {QStringLiteral("hireDate"), QString::fromLatin1(row.hireDate)},
            {QStringLiteral("status"), row.active ? QStringLiteral("Active") : QStringLiteral("Inactive")},
            {QStringLiteral("employeeNumber"), QString::number(row.id - 99)},
            {QStringLiteral("employmentHistoryStatus"), QStringLiteral("Full-Time")},
        };
        if (qstrlen(row.preferredName) > 0) {
            fields.insert(QStringLiteral("preferredName"), QString::fromUtf8(row.preferredName));
        }
        if (qstrlen(row.homeEmail) > 0) {
            fields.insert(QStringLiteral("homeEmail"), QString::fromLatin1(row.homeEmail));
        }
        if (row.supervisor > 0) {
            fields.insert(QStringLiteral("supervisorEId"), QString::number(row.supervisor));
        }
        m_employees.append(Employee {row.id, fields, true, row.restrictable, {}, {}, QString()});
    }
}

void FakeBambooHr::reset()
{
    seed();
}

const FakeBambooHr::Employee* FakeBambooHr::employee(int id) const
{
    for (const Employee& candidate : m_employees) {
        if (candidate.id == id) {
            return &candidate;
        }
    }
    return nullptr;
}

SandboxReply FakeBambooHr::handle(const QHttpServerRequest& request)
{
    const QString path = request.url().path();
    QString prefix;
    const QString gateway = QStringLiteral("/api/gateway.php/");
    if (path.startsWith(gateway)) {
        const QString domain = path.mid(gateway.size()).section(QLatin1Char('/'), 0, 0);
        if (domain != company) {
            return error(404, QStringLiteral("Company \"%1\" not found").arg(domain));
        }
        prefix = gateway + domain;
    } else if (path.startsWith(QLatin1String("/api/v1/"))) {
        prefix = QStringLiteral("/api"); // the subdomain form: https://acme.bamboohr.com/api/v1/...
    } else {
        return error(404, QStringLiteral("No route %1").arg(path));
    }

    const auto credentials = SandboxServer::basicCredentials(request);
    const bool limited = credentials && credentials->first == limitedApiKey && !credentials->second.isEmpty();
    if (!limited && (!credentials || credentials->first != apiKey || credentials->second.isEmpty())) {
        return SandboxReply::empty(401);
    }

    const QString route = path.mid(prefix.size());
    const auto method = request.method();
    const bool get = method == QHttpServerRequest::Method::Get;
    const bool post = method == QHttpServerRequest::Method::Post;
    const QStringList segments = route.split(QLatin1Char('/'), Qt::SkipEmptyParts); // v1, employees, ...

    if (route == QLatin1String("/v1/employees")) {
        if (get) {
            return listEmployees(request, prefix);
        }
        if (post) {
            if (limited) {
                return error(403, QStringLiteral("You do not have permission to add employees"));
            }
            return createEmployee(request, prefix);
        }
        return error(405, QStringLiteral("Method not allowed"));
    }
    if (route == QLatin1String("/v1/employees/directory")) {
        return get ? directory(request) : error(405, QStringLiteral("Method not allowed"));
    }
    if (route == QLatin1String("/v1/meta/fields")) {
        if (!get) {
            return error(405, QStringLiteral("Method not allowed"));
        }
        QJsonArray fields;
        for (const FieldRow& row : kFields) {
            QJsonObject field {
                {QStringLiteral("id"), QString::fromLatin1(row.id)},
                {QStringLiteral("name"), QString::fromUtf8(row.name)},
                {QStringLiteral("type"), QString::fromLatin1(row.type)},
            };
            if (qstrlen(row.alias) > 0) {
                field.insert(QStringLiteral("alias"), QString::fromLatin1(row.alias));
            }
            fields.append(field);
        }
        return SandboxReply::json(200, fields);
    }
    if (route == QLatin1String("/v1/meta/lists")) {
        if (!get) {
            return error(405, QStringLiteral("Method not allowed"));
        }
        QJsonArray lists;
        for (const ListRow& list : listRows()) {
            const FieldRow* field = fieldByKey(QString::fromLatin1(list.fieldId));
            QJsonArray options;
            int optionId = list.firstOptionId;
            for (const char* option : list.options) {
                bool archived = false;
                for (const char* retired : list.archived) {
                    archived = archived || qstrcmp(option, retired) == 0;
                }
                options.append(QJsonObject {
                    {QStringLiteral("id"), optionId++},
                    {QStringLiteral("name"), QString::fromUtf8(option)},
                    // BambooHR spells booleans of this endpoint as "yes"/"no".
                    {QStringLiteral("archived"), archived ? QStringLiteral("yes") : QStringLiteral("no")},
                });
            }
            QJsonObject entry {
                {QStringLiteral("fieldId"), QString::fromLatin1(list.fieldId).toInt()},
                {QStringLiteral("name"), QString::fromUtf8(field->name)},
                {QStringLiteral("manageable"), QStringLiteral("yes")},
                {QStringLiteral("multiple"), QStringLiteral("no")},
                {QStringLiteral("options"), options},
            };
            if (qstrlen(field->alias) > 0) {
                entry.insert(QStringLiteral("alias"), QString::fromLatin1(field->alias));
            }
            lists.append(entry);
        }
        return SandboxReply::json(200, lists);
    }
    if (segments.size() >= 3 && segments.at(0) == QLatin1String("v1") && segments.at(1) == QLatin1String("employees")) {
        bool ok = false;
        const int id = segments.at(2).toInt(&ok);
        if (!ok) {
            return error(404, QStringLiteral("No route %1").arg(path));
        }
        if (!employee(id)) {
            return error(404, QStringLiteral("Employee %1 not found").arg(id));
        }
        if (segments.size() == 3) {
            return get ? getEmployee(request, id) : error(405, QStringLiteral("Method not allowed"));
        }
        if (segments.size() == 5 && segments.at(3) == QLatin1String("files")
            && segments.at(4) == QLatin1String("view")) {
            return get ? filesView(id) : error(405, QStringLiteral("Method not allowed"));
        }
        if (segments.size() == 4 && segments.at(3) == QLatin1String("files")) {
            if (!post) {
                return error(405, QStringLiteral("Method not allowed"));
            }
            if (limited) {
                return error(403, QStringLiteral("You do not have permission to upload files for this employee"));
            }
            return uploadFile(request, prefix, id);
        }
    }
    return error(404, QStringLiteral("No route %1").arg(path));
}

QJsonValue FakeBambooHr::fieldValue(const Employee& employee, const QString& key) const
{
    if (key == QLatin1String("id")) {
        return employee.id;
    }
    const FieldRow* row = fieldByKey(key);
    if (!row) {
        return QJsonValue::Null;
    }
    const QString stored = storageKey(*row);
    if (stored == QLatin1String("workEmail") && employee.restrictedWorkEmail
        && m_faults.switches().bamboohrRestrictedWorkEmail) {
        return QJsonValue::Null;
    }
    const QJsonValue value = employee.fields.value(stored);
    return value.isUndefined() ? QJsonValue(QJsonValue::Null) : value;
}

SandboxReply FakeBambooHr::listEmployees(const QHttpServerRequest& request, const QString& prefix) const
{
    const auto items = queryItems(request.url());
    QStringList fields;
    bool fieldsGiven = false;
    const QString fieldsText = lastQueryValue(items, QStringLiteral("fields"), &fieldsGiven);
    fields = fieldsGiven ? fieldsText.split(QLatin1Char(','), Qt::SkipEmptyParts)
                         : QStringList {QStringLiteral("firstName"), QStringLiteral("lastName")};
    for (QString& field : fields) {
        field = field.trimmed();
        if (field != QLatin1String("id") && !fieldByKey(field)) {
            return error(400, QStringLiteral("Unknown field \"%1\"").arg(field));
        }
    }

    bool limitGiven = false;
    const QString limitText = lastQueryValue(items, QStringLiteral("page[limit]"), &limitGiven);
    int limit = kDefaultPageLimit;
    if (limitGiven) {
        bool ok = false;
        limit = limitText.toInt(&ok);
        if (!ok || limit < 1 || limit > kMaxPageLimit) {
            return error(400, QStringLiteral("page[limit] must be between 1 and %1").arg(kMaxPageLimit));
        }
    }
    bool afterGiven = false;
    const QString after = lastQueryValue(items, QStringLiteral("page[after]"), &afterGiven);
    int afterId = -1;
    if (afterGiven) {
        afterId = decodeCursor(after);
        if (afterId < 0) {
            return error(400, QStringLiteral("Invalid cursor in page[after]"));
        }
    }

    // Filters are "contains, case-insensitive", as documented; ids is an exact comma list.
    const auto contains = [](const QJsonValue& value, const QString& needle) {
        return value.toString().contains(needle, Qt::CaseInsensitive);
    };
    QList<const Employee*> matching;
    for (const Employee& candidate : m_employees) {
        bool keep = true;
        for (const auto& [name, value] : items) {
            if (name == QLatin1String("filter[firstName]")) {
                keep = keep && contains(candidate.fields.value(QStringLiteral("firstName")), value);
            } else if (name == QLatin1String("filter[lastName]")) {
                keep = keep && contains(candidate.fields.value(QStringLiteral("lastName")), value);
            } else if (name == QLatin1String("filter[jobTitleName]")) {
                keep = keep && contains(candidate.fields.value(QStringLiteral("jobTitle")), value);
            } else if (name == QLatin1String("filter[status]")) {
                keep = keep && contains(candidate.fields.value(QStringLiteral("status")), value);
            } else if (name == QLatin1String("filter[ids]")) {
                keep = keep && value.split(QLatin1Char(',')).contains(QString::number(candidate.id));
            } else if (name.startsWith(QLatin1String("filter["))) {
                return error(400, QStringLiteral("Unsupported filter %1").arg(name));
            }
        }
        if (keep) {
            matching.append(&candidate);
        }
    }

    QJsonArray rows;
    int lastId = -1;
    bool more = false;
    for (const Employee* candidate : std::as_const(matching)) {
        if (candidate->id <= afterId) {
            continue;
        }
        if (rows.size() == limit) {
            more = true;
            break;
        }
        QJsonObject row {{QStringLiteral("id"), candidate->id}};
        QJsonArray restricted;
        for (const QString& field : std::as_const(fields)) {
            if (field == QLatin1String("id")) {
                continue;
            }
            const QJsonValue value = fieldValue(*candidate, field);
            row.insert(field, value);
            if (fieldByKey(field) && storageKey(*fieldByKey(field)) == QLatin1String("workEmail")
                && candidate->restrictedWorkEmail && m_faults.switches().bamboohrRestrictedWorkEmail) {
                restricted.append(field);
            }
        }
        if (!restricted.isEmpty()) {
            row.insert(QStringLiteral("_restrictedFields"), restricted);
        }
        rows.append(row);
        lastId = candidate->id;
    }

    QUrl self(m_serverUrl + request.url().path());
    self.setQuery(request.url().query(QUrl::FullyEncoded), QUrl::StrictMode);
    QJsonValue next = QJsonValue::Null;
    QJsonValue nextCursor = QJsonValue::Null;
    if (more) {
        const QByteArray cursor = encodeCursor(lastId);
        nextCursor = QString::fromLatin1(cursor);
        // The same query with the new cursor; built by hand so every key and value is encoded exactly once.
        QByteArrayList pairs;
        for (const auto& [name, value] : items) {
            if (name != QLatin1String("page[after]")) {
                pairs.append(QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value, ","));
            }
        }
        pairs.append(QUrl::toPercentEncoding(QStringLiteral("page[after]")) + '=' + cursor);
        QUrl nextUrl(m_serverUrl + prefix + QStringLiteral("/v1/employees"));
        nextUrl.setQuery(QString::fromLatin1(pairs.join('&')), QUrl::StrictMode);
        next = nextUrl.toString(QUrl::FullyEncoded);
    }
    return SandboxReply::json(200,
        QJsonObject {
            {QStringLiteral("data"), rows},
            {QStringLiteral("meta"),
                QJsonObject {
                    {QStringLiteral("total"), int(matching.size())},
                    {QStringLiteral("page"),
                        QJsonObject {
                            {QStringLiteral("limit"), limit},
                            {QStringLiteral("nextCursor"), nextCursor},
                        }},
                }},
            {QStringLiteral("_links"),
                QJsonObject {
                    {QStringLiteral("self"), self.toString(QUrl::FullyEncoded)},
                    {QStringLiteral("next"), next},
                }},
        });
}

SandboxReply FakeBambooHr::directory(const QHttpServerRequest& request) const
{
    if (m_faults.switches().bamboohrDirectoryDisabled) {
        return error(403, QStringLiteral("Directory disabled for this account"));
    }
    const bool onlyCurrent = QUrlQuery(request.url())
                                 .queryItemValue(QStringLiteral("onlyCurrent"))
                                 .compare(QLatin1String("false"), Qt::CaseInsensitive)
        != 0;
    const QDate today = QDate::currentDate();
    const QStringList keys {QStringLiteral("displayName"), QStringLiteral("firstName"), QStringLiteral("lastName"),
        QStringLiteral("preferredName"), QStringLiteral("jobTitle"), QStringLiteral("workEmail"),
        QStringLiteral("department"), QStringLiteral("location"), QStringLiteral("division"),
        QStringLiteral("supervisor")};
    QList<QJsonObject> people;
    for (const Employee& candidate : m_employees) {
        // The directory lists current staff only: never inactive people, future hires only with onlyCurrent=false.
        if (candidate.fields.value(QStringLiteral("status")).toString() != QLatin1String("Active")) {
            continue;
        }
        const QDate hired
            = QDate::fromString(candidate.fields.value(QStringLiteral("hireDate")).toString(), Qt::ISODate);
        if (onlyCurrent && hired.isValid() && hired > today) {
            continue;
        }
        const auto displayName = [](const QJsonObject& fields) {
            const QString preferred = fields.value(QStringLiteral("preferredName")).toString();
            return (preferred.isEmpty() ? fields.value(QStringLiteral("firstName")).toString() : preferred)
                + QLatin1Char(' ') + fields.value(QStringLiteral("lastName")).toString();
        };
        QJsonObject person {{QStringLiteral("id"), QString::number(candidate.id)}};
        for (const QString& key : keys) {
            if (key == QLatin1String("displayName")) {
                person.insert(key, displayName(candidate.fields));
            } else if (key == QLatin1String("supervisor")) {
                const Employee* boss
                    = employee(candidate.fields.value(QStringLiteral("supervisorEId")).toString().toInt());
                person.insert(key, boss ? QJsonValue(displayName(boss->fields)) : QJsonValue());
            } else {
                const QJsonValue value = candidate.fields.value(key);
                person.insert(key, value.isUndefined() ? QJsonValue() : value);
            }
        }
        people.append(person);
    }
    if (people.isEmpty()) {
        return error(404, QStringLiteral("No employees in the directory"));
    }
    const QByteArray accept = SandboxServer::header(request, QByteArrayLiteral("Accept"));
    if (!accept.contains("json")) {
        // Without Accept: application/json the directory answers in XML (other-hris-apis.md §1.6).
        QString xml = QStringLiteral("<?xml version=\"1.0\"?>\n<directory>\n<fieldset>\n");
        for (const QString& key : keys) {
            xml += QStringLiteral("<field id=\"%1\">%1</field>\n").arg(key);
        }
        xml += QStringLiteral("</fieldset>\n<employees>\n");
        for (const QJsonObject& person : std::as_const(people)) {
            xml += QStringLiteral("<employee id=\"%1\">\n").arg(person.value(QStringLiteral("id")).toString());
            for (const QString& key : keys) {
                xml += QStringLiteral("<field id=\"%1\">%2</field>\n")
                           .arg(key, person.value(key).toString().toHtmlEscaped());
            }
            xml += QStringLiteral("</employee>\n");
        }
        xml += QStringLiteral("</employees>\n</directory>\n");
        return SandboxReply::raw(200, QByteArrayLiteral("text/xml; charset=utf-8"), xml.toUtf8());
    }
    QJsonArray fieldset;
    for (const QString& key : keys) {
        fieldset.append(QJsonObject {
            {QStringLiteral("id"), key},
            {QStringLiteral("type"),
                key == QLatin1String("workEmail") ? QStringLiteral("email") : QStringLiteral("text")},
            {QStringLiteral("name"), key},
        });
    }
    QJsonArray employees;
    for (const QJsonObject& person : std::as_const(people)) {
        employees.append(person);
    }
    return SandboxReply::json(200,
        QJsonObject {
            {QStringLiteral("fields"), fieldset},
            {QStringLiteral("employees"), employees},
        });
}

SandboxReply FakeBambooHr::getEmployee(const QHttpServerRequest& request, int id) const
{
    const Employee* found = employee(id);
    const QString fieldsText = lastQueryValue(queryItems(request.url()), QStringLiteral("fields"));
    const QStringList fields = fieldsText.isEmpty()
        ? QStringList {QStringLiteral("firstName"), QStringLiteral("lastName")}
        : fieldsText.split(QLatin1Char(','), Qt::SkipEmptyParts);
    QJsonObject result {{QStringLiteral("id"), QString::number(id)}};
    for (const QString& field : fields) {
        if (field.trimmed() != QLatin1String("id")) {
            result.insert(field.trimmed(), fieldValue(*found, field.trimmed()));
        }
    }
    return SandboxReply::json(200, result);
}

SandboxReply FakeBambooHr::createEmployee(const QHttpServerRequest& request, const QString& prefix)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        return error(400, QStringLiteral("Malformed request body: a JSON object of field names and values expected"));
    }
    const QJsonObject body = document.object();
    const auto text = [&body](const QString& key) { return body.value(key).toVariant().toString().trimmed(); };
    QStringList missing;
    for (const QString& key : {QStringLiteral("firstName"), QStringLiteral("lastName")}) {
        if (!body.value(key).isString() || text(key).isEmpty()) {
            missing.append(key);
        }
    }
    if (!missing.isEmpty()) {
        return error(400, QStringLiteral("Missing required fields: %1").arg(missing.join(QStringLiteral(", "))));
    }

    Employee created;
    created.id = m_nextEmployeeId;
    const bool dropLists = m_faults.switches().bamboohrListPolicy == QLatin1String("drop");
    for (auto it = body.begin(); it != body.end(); ++it) {
        const FieldRow* row = fieldByKey(it.key());
        if (!row) {
            created.ignoredFields.append(it.key());
            continue;
        }
        const QString key = storageKey(*row);
        const QString label = qstrlen(row->alias) > 0 ? key : QString::fromUtf8(row->name);
        const QString type = QString::fromLatin1(row->type);
        if (it.value().isNull() || it.value().isUndefined()) {
            continue;
        }
        if (it.value().isObject() || it.value().isArray()) {
            return error(409, QStringLiteral("Invalid value for field \"%1\"").arg(label));
        }
        const QString value = it.value().toVariant().toString().trimmed();
        if (type == QLatin1String("list")) {
            const ListRow* list = listFor(*row);
            if (!list || !isActiveOption(*list, value)) {
                if (dropLists) {
                    created.droppedFields.append(key);
                    continue;
                }
                return error(409, QStringLiteral("Invalid value for field \"%1\"").arg(label));
            }
        } else if (type == QLatin1String("date") && !isIsoDate(value)) {
            return error(409, QStringLiteral("Invalid value for field \"%1\"").arg(label));
        } else if (type == QLatin1String("email") && !value.isEmpty() && !looksLikeEmail(value)) {
            return error(409, QStringLiteral("Invalid value for field \"%1\"").arg(label));
        } else if (type == QLatin1String("employee") && !employee(value.toInt())) {
            return error(409, QStringLiteral("Invalid value for field \"%1\"").arg(label));
        } else if (type == QLatin1String("status") && value != QLatin1String("Active")
            && value != QLatin1String("Inactive")) {
            return error(409, QStringLiteral("Invalid value for field \"%1\"").arg(label));
        }
        created.fields.insert(key, value);
    }
    if (!created.fields.contains(QStringLiteral("status"))) {
        created.fields.insert(QStringLiteral("status"), QStringLiteral("Active"));
    }
    created.createdAt = nowText();
    ++m_nextEmployeeId;
    m_employees.append(created);
    qCInfo(lcFakeBambooHr).noquote() << "created employee" << created.id;

    SandboxReply reply = SandboxReply::empty(201);
    reply.headers.append({QByteArrayLiteral("Location"),
        (m_serverUrl + prefix + QStringLiteral("/v1/employees/") + QString::number(created.id)).toUtf8()});
    return reply;
}

SandboxReply FakeBambooHr::filesView(int employeeId) const
{
    QJsonArray categories;
    for (const auto& [categoryId, name] : kCategories) {
        QJsonArray files;
        for (const File& file : m_files) {
            if (file.employeeId != employeeId || file.category != categoryId) {
                continue;
            }
            files.append(QJsonObject {
                {QStringLiteral("id"), file.id},
                {QStringLiteral("name"), file.fileName},
                {QStringLiteral("originalFileName"), file.originalFileName},
                {QStringLiteral("size"), file.size},
                {QStringLiteral("dateCreated"), file.receivedAt},
                {QStringLiteral("createdBy"), QStringLiteral("API")},
                {QStringLiteral("shareWithEmployee"), file.share},
                {QStringLiteral("canRenameFile"), QStringLiteral("yes")},
                {QStringLiteral("canDeleteFile"), QStringLiteral("yes")},
            });
        }
        categories.append(QJsonObject {
            {QStringLiteral("id"), categoryId},
            {QStringLiteral("name"), QString::fromLatin1(name)},
            {QStringLiteral("canRenameCategory"), QStringLiteral("no")},
            {QStringLiteral("canDeleteCategory"), QStringLiteral("no")},
            {QStringLiteral("canUploadFiles"), QStringLiteral("yes")},
            {QStringLiteral("displayIfEmpty"), QStringLiteral("yes")},
            {QStringLiteral("files"), files},
        });
    }
    return SandboxReply::json(200, QJsonObject {{QStringLiteral("categories"), categories}});
}

SandboxReply FakeBambooHr::uploadFile(const QHttpServerRequest& request, const QString& prefix, int employeeId)
{
    MultipartForm form;
    QString problem;
    if (!form.parse(SandboxServer::header(request, QByteArrayLiteral("Content-Type")), request.body(), &problem)) {
        return error(400, QStringLiteral("Malformed upload: %1").arg(problem));
    }
    for (const QString& name :
        {QStringLiteral("category"), QStringLiteral("fileName"), QStringLiteral("share"), QStringLiteral("file")}) {
        if (!form.part(name)) {
            return error(400, QStringLiteral("Missing required part \"%1\"").arg(name));
        }
    }
    bool ok = false;
    const int category = form.text(QStringLiteral("category")).trimmed().toInt(&ok);
    bool knownCategory = false;
    for (const auto& [categoryId, name] : kCategories) {
        knownCategory = knownCategory || categoryId == category;
    }
    if (!ok || !knownCategory) {
        return error(400, QStringLiteral("Invalid file category \"%1\"").arg(form.text(QStringLiteral("category"))));
    }
    const QString share = form.text(QStringLiteral("share")).trimmed().toLower();
    if (share != QLatin1String("yes") && share != QLatin1String("no")) {
        return error(400, QStringLiteral("share must be \"yes\" or \"no\""));
    }
    const QString fileName = form.text(QStringLiteral("fileName")).trimmed();
    if (fileName.isEmpty()) {
        return error(400, QStringLiteral("fileName must not be empty"));
    }
    const MultipartForm::Part* file = form.part(QStringLiteral("file"));
    const File stored {m_nextFileId++, employeeId, category, fileName, file->fileName, file->contentType, share,
        file->data.size(),
        QString::fromLatin1(QCryptographicHash::hash(file->data, QCryptographicHash::Sha256).toHex()),
        QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))};
    m_files.append(stored);
    qCInfo(lcFakeBambooHr).noquote() << "stored file" << stored.id << "for employee" << employeeId << "with"
                                     << stored.size << "bytes";

    SandboxReply reply = SandboxReply::empty(201);
    reply.headers.append({QByteArrayLiteral("Location"),
        (m_serverUrl + prefix + QStringLiteral("/v1/employees/%1/files/%2").arg(employeeId).arg(stored.id)).toUtf8()});
    return reply;
}

QJsonArray FakeBambooHr::employeesJson() const
{
    QJsonArray array;
    for (const Employee& entry : m_employees) {
        array.append(QJsonObject {
            {QStringLiteral("id"), entry.id},
            {QStringLiteral("seeded"), entry.seeded},
            {QStringLiteral("fields"), entry.fields},
            {QStringLiteral("restrictedWorkEmail"), entry.restrictedWorkEmail},
            {QStringLiteral("droppedFields"), QJsonArray::fromStringList(entry.droppedFields)},
            {QStringLiteral("ignoredFields"), QJsonArray::fromStringList(entry.ignoredFields)},
            {QStringLiteral("createdAt"), entry.createdAt.isEmpty() ? QJsonValue() : QJsonValue(entry.createdAt)},
        });
    }
    return array;
}

QJsonArray FakeBambooHr::filesJson() const
{
    QJsonArray array;
    for (const File& file : m_files) {
        QString categoryName;
        for (const auto& [categoryId, name] : kCategories) {
            if (categoryId == file.category) {
                categoryName = QString::fromLatin1(name);
            }
        }
        array.append(QJsonObject {
            {QStringLiteral("id"), file.id},
            {QStringLiteral("employeeId"), file.employeeId},
            {QStringLiteral("category"), file.category},
            {QStringLiteral("categoryName"), categoryName},
            {QStringLiteral("fileName"), file.fileName},
            {QStringLiteral("originalFileName"), file.originalFileName},
            {QStringLiteral("contentType"), QString::fromLatin1(file.contentType)},
            {QStringLiteral("share"), file.share},
            {QStringLiteral("size"), file.size},
            {QStringLiteral("sha256"), file.sha256},
            {QStringLiteral("receivedAt"), file.receivedAt},
        });
    }
    return array;
}

int FakeBambooHr::createdCount() const
{
    int count = 0;
    for (const Employee& entry : m_employees) {
        count += entry.seeded ? 0 : 1;
    }
    return count;
}

QJsonObject FakeBambooHr::specialCases() const
{
    const QJsonObject internalHire = m_data.specialCases().value(QStringLiteral("internalHire")).toObject();
    return QJsonObject {
        {QStringLiteral("existingHire"),
            QJsonObject {
                {QStringLiteral("applicationId"), internalHire.value(QStringLiteral("applicationId"))},
                {QStringLiteral("employeeId"), 107},
                {QStringLiteral("workEmail"), QStringLiteral("ingrid.berg@") + kOrgDomain},
            }},
        {QStringLiteral("inactiveEmployee"),
            QJsonObject {
                {QStringLiteral("employeeId"), 108},
                {QStringLiteral("workEmail"), QStringLiteral("henrik.dahl@") + kOrgDomain},
            }},
        {QStringLiteral("restrictedWorkEmailIds"), QJsonArray {107, 108}},
        {QStringLiteral("managerIds"),
            QJsonObject {
                {QStringLiteral("katherine.oneill@") + kOrgDomain, 101},
                {QStringLiteral("marcus.lindqvist@") + kOrgDomain, 102},
                {QStringLiteral("amara.okafor@") + kOrgDomain, 103},
                {QStringLiteral("jeanluc.moreau@") + kOrgDomain, 104},
                {QStringLiteral("tomas.garcia@") + kOrgDomain, 105},
            }},
        {QStringLiteral("fileCategories"),
            QJsonObject {
                {QStringLiteral("offerLetters"), 17}, {QStringLiteral("resumes"), 18}, {QStringLiteral("other"), 19}}},
        {QStringLiteral("archivedListOptions"),
            QJsonObject {
                {QStringLiteral("department"), QJsonArray {QStringLiteral("Operations")}},
                {QStringLiteral("location"), QJsonArray {QStringLiteral("Hamburg")}},
                {QStringLiteral("jobTitle"), QJsonArray {QStringLiteral("Office Manager")}},
                {QStringLiteral("4033"), QJsonArray {QStringLiteral("Freelancer")}},
            }},
    };
}

QString FakeBambooHr::html() const
{
    QString rows;
    for (const Employee& entry : m_employees) {
        if (entry.seeded) {
            continue;
        }
        QStringList files;
        for (const File& file : m_files) {
            if (file.employeeId == entry.id) {
                files.append(QStringLiteral("%1 (%2 bytes)").arg(file.fileName.toHtmlEscaped()).arg(file.size));
            }
        }
        rows += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td>%5</td><td>%6</td></tr>\n")
                    .arg(QString::number(entry.id),
                        (entry.fields.value(QStringLiteral("firstName")).toString() + QLatin1Char(' ')
                            + entry.fields.value(QStringLiteral("lastName")).toString())
                            .toHtmlEscaped(),
                        entry.fields.value(QStringLiteral("workEmail")).toString().toHtmlEscaped(),
                        entry.fields.value(QStringLiteral("hireDate")).toString().toHtmlEscaped(),
                        entry.droppedFields.join(QStringLiteral(", ")).toHtmlEscaped(),
                        files.join(QStringLiteral("<br>")));
    }
    if (rows.isEmpty()) {
        rows = QStringLiteral("<tr><td colspan=\"6\">No employees created yet.</td></tr>\n");
    }
    return QStringLiteral(
        "<h2>BambooHR: employees created</h2>\n<table><tr><th>Id</th><th>Name</th><th>Work e-mail</th>"
        "<th>Hire date</th><th>Dropped list values</th><th>Files</th></tr>\n%1</table>\n")
        .arg(rows);
}

SandboxReply FakeBambooHr::error(int status, const QString& message)
{
    // The message may quote request input: no control characters may reach a header line.
    QByteArray header = message.toUtf8();
    for (char& c : header) {
        if (static_cast<unsigned char>(c) < 0x20) {
            c = ' ';
        }
    }
    SandboxReply reply = SandboxReply::empty(status);
    reply.headers.append({QByteArrayLiteral("X-BambooHR-Error-Message"), header});
    return reply;
}
