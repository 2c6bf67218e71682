#include "SandboxData.h"

#include <QDateTime>
#include <QTimeZone>

#include <algorithm>
#include <array>

namespace {

const QString kOrgDomain = QStringLiteral("nordlicht.example");

QString isoTimestamp(const QDateTime& time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss.zzz'Z'"));
}

QString fixedTimestamp(int year, int month, int day, int hour = 9, int minute = 0)
{
    return isoTimestamp(QDateTime(QDate(year, month, day), QTime(hour, minute), Qt::UTC));
}

// Ashby sends start dates as midnight-UTC date-times; the client must read them as calendar dates.
QString startDateValue(const QDate& date)
{
    return date.toString(QStringLiteral("yyyy-MM-dd'T'00:00:00.000'Z'"));
}

QString asciiFold(const QString& text)
{
    QString folded;
    for (const QChar c : text.normalized(QString::NormalizationForm_D)) {
        if (c.isLetterOrNumber() && c.unicode() < 128) {
            folded.append(c.toLower());
        }
    }
    return folded;
}

QJsonObject contact(const QString& value, const QString& type)
{
    return QJsonObject {
        {QStringLiteral("value"), value},
        {QStringLiteral("type"), type},
        {QStringLiteral("isPrimary"), true},
    };
}

QJsonObject fieldValue(const QString& definitionId, const QString& title, const QJsonValue& value)
{
    return QJsonObject {
        {QStringLiteral("id"), definitionId},
        {QStringLiteral("title"), title},
        {QStringLiteral("value"), value},
    };
}

QJsonObject selectValue(const QString& definitionId, const QString& title, const QString& value, const QString& label)
{
    QJsonObject field = fieldValue(definitionId, title, value);
    field.insert(QStringLiteral("valueLabel"), label);
    return field;
}

struct UserRow
{
    const char* key;
    int number;
    const char* firstName;
    const char* lastName;
    const char* globalRole;
};

// Katherine O'Neill is "Kate O'Neill" in Bob (same e-mail); Tomás García is in no Bob directory.
const std::array<UserRow, 6> kUsers {{
    {"katherine", 1, "Katherine", "O'Neill", "Elevated Access"},
    {"marcus", 2, "Marcus", "Lindqvist", "Elevated Access"},
    {"amara", 3, "Amara", "Okafor", "Organization Admin"},
    {"jeanluc", 4, "Jean-Luc", "Moreau", "Limited Access"},
    {"priya", 5, "Priya", "Raman", "Organization Admin"},
    {"tomas", 6, "Tomás", "García", "Limited Access"},
}};

struct DepartmentRow
{
    int number;
    const char* name;
    int parent;
    const char* externalName;
};

const std::array<DepartmentRow, 6> kDepartments {{
    {1, "Engineering", 0, ""},
    {2, "Platform", 1, "Platform Engineering"},
    {3, "Data", 1, ""},
    {4, "Sales", 0, ""},
    {5, "People", 0, "People & Culture"},
    {6, "Finance", 0, ""},
}};

struct LocationRow
{
    const char* key;
    int number;
    const char* name;
    const char* country;
    const char* region;
    const char* street;
    const char* postalCode;
    const char* workplaceType;
    const char* currency;
    const char* timezone;
};

const std::array<LocationRow, 4> kLocations {{
    {"berlin", 1, "Berlin", "DE", "Berlin", "Torstraße 49", "10119", "Hybrid", "EUR", "Europe/Berlin"},
    {"london", 2, "London", "GB", "England", "12 Finsbury Square", "EC2A 1AS", "OnSite", "GBP", "Europe/London"},
    {"stockholm", 3, "Stockholm", "SE", "Stockholm County", "Sveavägen 44", "111 34", "Hybrid", "SEK",
        "Europe/Stockholm"},
    {"newyork", 4, "New York", "US", "NY", "85 Broad Street", "10004", "Remote", "USD", "America/New_York"},
}};

struct JobRow
{
    const char* key;
    int number;
    const char* title;
    int department;
    const char* location;
    const char* employmentType;
    const char* hiringManager; // user key, or empty for a job without a hiring team
    bool withRecruiter;
    int baseSalary;
    const char* costCenter;
};

const std::array<JobRow, 6> kJobs {{
    {"backend", 1, "Backend Engineer", 2, "berlin", "FullTime", "katherine", true, 68000, "CC-ENG-210"},
    {"data", 2, "Data Engineer", 3, "stockholm", "FullTime", "jeanluc", true, 610000, "CC-ENG-230"},
    {"ae", 3, "Account Executive", 4, "london", "FullTime", "marcus", false, 52000, "CC-SAL-100"},
    {"people", 4, "People Partner", 5, "berlin", "PartTime", "amara", true, 48000, "CC-PPL-300"},
    {"sdr", 5, "Sales Development Representative", 4, "newyork", "FullTime", "marcus", false, 61000, "CC-SAL-120"},
    {"finance", 6, "Financial Analyst", 6, "newyork", "Contract", "", false, 83000, "CC-FIN-400"},
}};

const JobRow& jobRow(const QString& key)
{
    for (const JobRow& row : kJobs) {
        if (key == QLatin1String(row.key)) {
            return row;
        }
    }
    return kJobs.front();
}

const LocationRow& locationRow(const QString& key)
{
    for (const LocationRow& row : kLocations) {
        if (key == QLatin1String(row.key)) {
            return row;
        }
    }
    return kLocations.front();
}

// Custom field definition ids, by number.
enum FieldNumber {
    FieldRequiresVisa = 1,
    FieldYearsOfExperience,
    FieldPronouns,
    FieldLegacyAtsId, // archived definition, values still on candidates
    FieldRelocation,
    FieldReferralBonus,
    FieldSigningBonus,
    FieldEmploymentType,
    FieldBenefits,
    FieldStockOptions,
    FieldCostCenter,
    FieldBudgetApproved,
    FieldAvailableFrom,
    FieldHiringNotes,
    FieldInterviewScore,
    FieldLanguages,
    FieldSalaryExpectation,
    FieldBonusTarget,
    FieldOfferExpiry,
    FieldSalaryBand,
    FieldPlannedHeadcount,
    FieldRemotePolicy,
    FieldVisaSponsorship,
    FieldDeletedReferralNote = 99, // definition deleted: value present, definition never listed
};

QString fieldId(int number)
{
    return SandboxData::makeId(QStringLiteral("cf000000"), number);
}

const QString kHiredStageTitle = QStringLiteral("Hired");

// --- Bob's field catalogue and named lists ------------------------------------------------------------------------

const QString kCustomCategory = QStringLiteral("category_1645574919835");

struct BobFieldRow
{
    const char* id;
    const char* name;
    const char* type;
    const char* listId; // named list for list types, else ""
    bool historical;
    const char* description; // "" -> null
};

// Built-in fields first (as Bob lists them), then custom ones: ".custom." ids inside built-in categories and
// "field_…" ids in the custom category "Onboarding (ATS)".
const std::array<BobFieldRow, 41> kBobFields {{
    {"root.id", "Employee ID", "text", "", false, ""},
    {"root.firstName", "First name", "text", "", false, ""},
    {"root.surname", "Last name", "text", "", false, ""},
    {"root.secondName", "Middle name", "text", "", false, ""},
    {"root.displayName", "Display name", "text", "", false, ""},
    {"root.fullName", "Full name", "text", "", false, ""},
    {"root.email", "Email", "text", "", false, "Work e-mail, unique among active and inactive employees"},
    {"root.creationDate", "Creation date", "date", "", false, ""},
    {"work.startDate", "Start date", "date", "", false, ""},
    {"work.shortStartDate", "Work anniversary", "short-date", "", false, ""},
    {"work.title", "Job title", "list", "title", true, ""},
    {"work.department", "Department", "list", "department", true, ""},
    {"work.site", "Site", "list", "site", true, ""},
    {"work.reportsTo", "Reports to", "employee-reference", "", true, ""},
    {"work.isManager", "Is manager", "boolean", "", false, ""},
    {"work.workPhone", "Work phone", "text", "", false, ""},
    {"about.about", "About", "text-area", "", false, ""},
    {"about.hobbies", "Hobbies", "multi-list", "hobbies", false, ""},
    {"about.socialData.linkedin", "LinkedIn", "text", "", false, ""},
    {"personal.honorific", "Honorific", "list", "honorifics", false, ""},
    {"personal.shortBirthDate", "Birthday", "short-date", "", false, ""},
    {"personal.nationality", "Nationality", "multi-list", "nationalities", false, ""},
    {"home.privateEmail", "Personal email", "text", "", false, ""},
    {"home.mobilePhone", "Personal mobile", "text", "", false, ""},
    {"payroll.employment.type", "Employment type", "list", "employmentType", true, ""},
    {"payroll.salary.payment", "Base salary", "currency", "", true, "Annual base salary"},
    {"identification.custom.Ashby candidate ID_7QmPz", "Ashby candidate ID", "text", "", false,
        "Set by the ATS integration; do not edit"},
    {"identification.custom.Ashby application ID_R4tLw", "Ashby application ID", "text", "", false,
        "Set by the ATS integration; do not edit"},
    {"work.custom.Cost centre_Ab12", "Cost centre", "text", "", false, "Finance cost centre, e.g. CC-ENG-210"},
    {"work.custom.Requisition ID_Nw81", "Requisition ID", "text", "", false, ""},
    {"work.custom.Offer accepted on_Dq5", "Offer accepted on", "date", "", false, ""},
    {"work.custom.Team_Hc81", "Team", "hierarchy-list", "team", false, ""},
    {"payroll.custom.Signing bonus_X9", "Signing bonus", "currency", "", false, "Paid with the first salary"},
    {"payroll.custom.Stock options_Sx20", "Stock options", "number", "", false, ""},
    {"payroll.custom.Referral bonus eligible_Rb7", "Referral bonus eligible", "boolean", "", false, ""},
    {"about.custom.Pronouns_Q1", "Pronouns", "text", "", false, ""},
    {"personal.custom.Visa sponsorship_V7", "Visa sponsorship", "boolean", "", false, ""},
    {"category_1645574919835.field_1645575004671", "Relocation package", "list", "relocationPackage", false, ""},
    {"category_1645574919835.field_1645575120991", "Benefits", "multi-list", "benefits", false, "Chosen at offer time"},
    {"category_1645574919835.field_1645575188420", "Years of experience", "number", "", false, ""},
    {"category_1645574919835.field_1645575240117", "Recruiter notes", "text-area", "", false, ""},
}};

QJsonObject bobField(const BobFieldRow& row)
{
    static const QHash<QString, QString> categoryNames {
        {QStringLiteral("root"), QStringLiteral("Basic info")},
        {QStringLiteral("work"), QStringLiteral("Work")},
        {QStringLiteral("about"), QStringLiteral("About")},
        {QStringLiteral("personal"), QStringLiteral("Personal")},
        {QStringLiteral("home"), QStringLiteral("Home")},
        {QStringLiteral("payroll"), QStringLiteral("Payroll")},
        {QStringLiteral("identification"), QStringLiteral("Identification")},
        {kCustomCategory, QStringLiteral("Onboarding (ATS)")},
    };
    const QString id = QString::fromUtf8(row.id);
    const QString category = id.section(QLatin1Char('.'), 0, 0);
    QJsonObject typeData;
    if (qstrlen(row.listId) > 0) {
        typeData.insert(QStringLiteral("listId"), QString::fromLatin1(row.listId));
    }
    return QJsonObject {
        {QStringLiteral("id"), id},
        {QStringLiteral("category"), category},
        {QStringLiteral("categoryId"), category},
        {QStringLiteral("categoryDisplayName"), categoryNames.value(category, category)},
        {QStringLiteral("name"), QString::fromUtf8(row.name)},
        {QStringLiteral("description"),
            qstrlen(row.description) > 0 ? QJsonValue(QString::fromUtf8(row.description)) : QJsonValue()},
        {QStringLiteral("jsonPath"), category == QLatin1String("root") ? id.section(QLatin1Char('.'), 1) : id},
        {QStringLiteral("type"), QString::fromLatin1(row.type)},
        {QStringLiteral("typeData"), typeData},
        {QStringLiteral("historical"), row.historical},
    };
}

QJsonObject listItem(int id, const QString& name, bool archived = false, const QJsonArray& children = {})
{
    return QJsonObject {
        {QStringLiteral("id"), id},
        {QStringLiteral("name"), name},
        {QStringLiteral("value"), name},
        {QStringLiteral("archived"), archived},
        {QStringLiteral("children"), children},
    };
}

// A flat list from names; ids count up from firstId; names in `archived` are archived.
QJsonArray flatItems(int firstId, const QStringList& names, const QStringList& archived = {})
{
    QJsonArray items;
    int id = firstId;
    for (const QString& name : names) {
        items.append(listItem(id++, name, archived.contains(name)));
    }
    return items;
}

QJsonArray withoutArchived(const QJsonArray& items)
{
    QJsonArray kept;
    for (const QJsonValue& value : items) {
        QJsonObject item = value.toObject();
        if (item.value(QStringLiteral("archived")).toBool()) {
            continue;
        }
        item.insert(QStringLiteral("children"), withoutArchived(item.value(QStringLiteral("children")).toArray()));
        kept.append(item);
    }
    return kept;
}

// Bob's spelling of Ashby values that match only after case folding, and the Ashby location without a Bob site.
const QString kBobSiteNewYork = QStringLiteral("new york");
const QString kBobSiteStockholm = QStringLiteral("Stockholm HQ");
const QString kBobDepartmentFinance = QStringLiteral("finance");
const int kBobSiteNewYorkId = 2178566;
const int kBobDepartmentFinanceId = 3309106;

} // namespace

SandboxData::SandboxData(int hires)
    : m_hires(hires)
{
    buildOrganisation();
    buildCustomFieldDefinitions();
    buildBobDirectory();
    buildBobCatalog();

    // The first twelve hires are the hand-picked edge cases; the rest come from name pools.
    const QList<Person> special {
        {QStringLiteral("Zoë Ångström-Núñez"), QStringLiteral("zoe.angstrom@example.org"), QStringLiteral("Personal"),
            QStringLiteral("backend")},
        {QStringLiteral("李小龙"), QStringLiteral("xiaolong.li@example.cn"), QStringLiteral("Personal"),
            QStringLiteral("data")},
        {QStringLiteral("محمد الأحمد"), QStringLiteral("mohammed.alahmad@example.com"), QStringLiteral("Personal"),
            QStringLiteral("ae")},
        {QStringLiteral("Łukasz Żółć"), QStringLiteral("lukasz.zolc@example.pl"), QStringLiteral("Personal"),
            QStringLiteral("backend")},
        {QStringLiteral("Søren Kierkegård"), QStringLiteral("soren.kierkegard@example.dk"), QStringLiteral("Personal"),
            QStringLiteral("data")},
        {QStringLiteral("Ingrid Berg"), QStringLiteral("Ingrid.Berg@") + kOrgDomain, QStringLiteral("Work"),
            QStringLiteral("people")},
        {QStringLiteral("Björn Þórsson"), QString(), QString(), QStringLiteral("sdr")},
        {QStringLiteral("Oluwaseun"), QStringLiteral("oluwaseun@example.ng"), QStringLiteral("Personal"),
            QStringLiteral("finance"), true},
        {QStringLiteral("Nguyễn Thị Minh Khai"), QStringLiteral("minhkhai.nguyen@example.vn"),
            QStringLiteral("Personal"), QStringLiteral("ae")},
        {QStringLiteral("José María García-Pérez"), QStringLiteral("josemaria.garcia@example.es"),
            QStringLiteral("Personal"), QStringLiteral("sdr")},
        {QStringLiteral("Αλέξανδρος Παπαδόπουλος"), QStringLiteral("alexandros.papadopoulos@example.gr"),
            QStringLiteral("Personal"), QStringLiteral("data")},
        {QStringLiteral("Siobhán Ní Bhriain"), QStringLiteral("siobhan.nibhriain@example.ie"),
            QStringLiteral("Personal"), QStringLiteral("people")},
    };

    for (int index = 1; index <= m_hires; ++index) {
        const Person person = index <= special.size() ? special.at(index - 1) : generatedPerson(index);
        const QDate created = QDate(2025, 9, 1).addDays(index * 2);
        buildHire(index, person, m_generation,
            fixedTimestamp(created.year(), created.month(), created.day(), 8 + index % 9, index % 60),
            fixedTimestamp(2025, 12, 1, 9, index % 60));
    }
    m_nextHireIndex = m_hires + 1;

    const QList<Person> others {
        {QStringLiteral("Fatima Zahra Benali"), QStringLiteral("fatima.benali@example.ma"), QStringLiteral("Personal"),
            QStringLiteral("backend")},
        {QStringLiteral("佐藤 博"), QStringLiteral("hiroshi.sato@example.jp"), QStringLiteral("Personal"),
            QStringLiteral("data")},
        {QStringLiteral("Emma Johansson"), QStringLiteral("emma.johansson@example.se"), QStringLiteral("Personal"),
            QStringLiteral("people")},
        {QStringLiteral("Dmitri Volkov"), QStringLiteral("dmitri.volkov@example.com"), QStringLiteral("Personal"),
            QStringLiteral("ae")},
        {QStringLiteral("Grace Mwangi"), QStringLiteral("grace.mwangi@example.ke"), QStringLiteral("Personal"),
            QStringLiteral("sdr")},
        {QStringLiteral("Lucas Oliveira"), QStringLiteral("lucas.oliveira@example.br"), QStringLiteral("Personal"),
            QStringLiteral("finance")},
        {QStringLiteral("Anaïs Lefèvre"), QStringLiteral("anais.lefevre@example.fr"), QStringLiteral("Personal"),
            QStringLiteral("backend")},
    };
    const QStringList otherStatuses {QStringLiteral("Active"), QStringLiteral("Active"), QStringLiteral("Active"),
        QStringLiteral("Archived"), QStringLiteral("Archived"), QStringLiteral("Active"), QStringLiteral("Archived")};
    for (int i = 0; i < others.size(); ++i) {
        buildOtherApplication(100001 + i, others.at(i), otherStatuses.at(i));
    }

    // Søren (hire 5) applied earlier for another job and was archived: one candidate, two applications.
    if (m_hires >= 5) {
        const QString candidateId = makeId(QStringLiteral("cc000000"), 5);
        const QString applicationId = makeId(QStringLiteral("aa000000"), 100008);
        Person person = special.at(4);
        person.jobKey = QStringLiteral("ae");
        QJsonObject json = makeApplication(applicationId, candidateId, person, QStringLiteral("Archived"),
            fixedTimestamp(2025, 3, 3), fixedTimestamp(2025, 4, 1), 100008);
        m_applications.append(
            Application {json, applicationId, candidateId, m_jobIds.value(person.jobKey), QStringLiteral("Archived"),
                QDateTime(QDate(2025, 3, 3), QTime(9, 0), Qt::UTC).toMSecsSinceEpoch(), m_generation});
        QJsonObject candidate = m_candidates.value(candidateId);
        QJsonArray applicationIds = candidate.value(QStringLiteral("applicationIds")).toArray();
        applicationIds.prepend(applicationId);
        candidate.insert(QStringLiteral("applicationIds"), applicationIds);
        m_candidates.insert(candidateId, candidate);
    }

    const auto appId = [](int n) { return makeId(QStringLiteral("aa000000"), n); };
    const auto addSpecial = [this, &appId](const QString& key, int index, const QJsonObject& extra = {}) {
        if (index > m_hires) {
            return;
        }
        QJsonObject entry = extra;
        entry.insert(QStringLiteral("applicationId"), appId(index));
        entry.insert(QStringLiteral("candidateId"), makeId(QStringLiteral("cc000000"), index));
        m_special.insert(key, entry);
    };
    addSpecial(QStringLiteral("threeOfferVersions"), 1);
    addSpecial(QStringLiteral("cancelledThenAcceptedOffer"), 3);
    addSpecial(QStringLiteral("noOffer"), 4);
    addSpecial(QStringLiteral("twoApplications"), 5, {{QStringLiteral("archivedApplicationId"), appId(100008)}});
    addSpecial(QStringLiteral("internalHire"), 6,
        {{QStringLiteral("ashbyEmail"), QStringLiteral("Ingrid.Berg@") + kOrgDomain},
            {QStringLiteral("bobEmail"), QStringLiteral("ingrid.berg@") + kOrgDomain},
            {QStringLiteral("bobEmployeeId"), QStringLiteral("3332883884017713245")}});
    addSpecial(QStringLiteral("noEmail"), 7);
    addSpecial(QStringLiteral("noHiringManager"), 8, {{QStringLiteral("mononym"), true}});
    addSpecial(QStringLiteral("unsignedOfferWithoutSalary"), 12);
    // Hired applications whose Hiring Manager (application team first, then job team) is a given user.
    const auto managedBy = [this](const QString& userKey) {
        const QString userId = m_userIds.value(userKey);
        QJsonArray ids;
        for (const Application& application : std::as_const(m_applications)) {
            if (application.status != QLatin1String("Hired")) {
                continue;
            }
            QJsonArray team = application.json.value(QStringLiteral("hiringTeam")).toArray();
            if (team.isEmpty()) {
                team = m_jobs.value(application.jobId).value(QStringLiteral("hiringTeam")).toArray();
            }
            for (const QJsonValue& member : std::as_const(team)) {
                if (member.toObject().value(QStringLiteral("role")) == QLatin1String("Hiring Manager")
                    && member.toObject().value(QStringLiteral("userId")) == userId) {
                    ids.append(application.id);
                }
            }
        }
        return ids;
    };
    if (m_hires >= 1) {
        m_special.insert(QStringLiteral("differingManager"),
            QJsonObject {
                {QStringLiteral("ashbyUserId"), m_userIds.value(QStringLiteral("katherine"))},
                {QStringLiteral("ashbyName"), QStringLiteral("Katherine O'Neill")},
                {QStringLiteral("bobDisplayName"), QStringLiteral("Kate O'Neill")},
                {QStringLiteral("bobEmployeeId"), QStringLiteral("3332883884017713241")},
                {QStringLiteral("email"), QStringLiteral("katherine.oneill@") + kOrgDomain},
                {QStringLiteral("applicationIds"), managedBy(QStringLiteral("katherine"))},
            });
        m_special.insert(QStringLiteral("managerNotInBob"),
            QJsonObject {
                {QStringLiteral("ashbyUserId"), m_userIds.value(QStringLiteral("tomas"))},
                {QStringLiteral("ashbyName"), QStringLiteral("Tomás García")},
                {QStringLiteral("email"), QStringLiteral("tomas.garcia@") + kOrgDomain},
                {QStringLiteral("applicationIds"), managedBy(QStringLiteral("tomas"))},
            });
    }
    addListSpecialCases();
}

QString SandboxData::makeId(const QString& tag, int number)
{
    return QStringLiteral("%1-0000-4000-8000-%2").arg(tag).arg(number, 12, 10, QLatin1Char('0'));
}

const SandboxData::Application* SandboxData::application(const QString& id) const
{
    for (const Application& application : m_applications) {
        if (application.id == id) {
            return &application;
        }
    }
    return nullptr;
}

QJsonArray SandboxData::customFields(bool includeArchived) const
{
    QJsonArray result;
    for (const QJsonValue& definition : m_customFieldDefinitions) {
        if (includeArchived || !definition.toObject().value(QStringLiteral("isArchived")).toBool()) {
            result.append(definition);
        }
    }
    return result;
}

QJsonArray SandboxData::offersForApplication(const QString& applicationId) const
{
    QJsonArray result;
    for (const QString& offerId : m_offerIdsByApplication.value(applicationId)) {
        result.append(m_offers.value(offerId).value(QStringLiteral("item")));
    }
    return result;
}

QJsonObject SandboxData::offer(const QString& offerId) const
{
    if (!m_offers.contains(offerId)) {
        return {};
    }
    const QJsonObject stored = m_offers.value(offerId);
    QJsonObject result = stored.value(QStringLiteral("item")).toObject();
    result.insert(QStringLiteral("versions"), stored.value(QStringLiteral("versions")));
    return result;
}

QStringList SandboxData::hiredApplicationIds() const
{
    QStringList ids;
    for (const Application& application : m_applications) {
        if (application.status == QLatin1String("Hired")) {
            ids.append(application.id);
        }
    }
    return ids;
}

QString SandboxData::addHire()
{
    const int index = m_nextHireIndex++;
    ++m_generation;
    const QString now = isoTimestamp(QDateTime::currentDateTimeUtc());
    buildHire(index, generatedPerson(index), m_generation, now, now);
    return m_applications.last().id;
}

QString SandboxData::addBigResumeHire(qint64 resumeBytes)
{
    // Hire 4 is built without an offer and hire 12 without a signed letter; this hire needs a normal accepted offer.
    while (m_nextHireIndex == 4 || m_nextHireIndex == 12) {
        ++m_nextHireIndex;
    }
    const int index = m_nextHireIndex++;
    ++m_generation;
    const QString now = isoTimestamp(QDateTime::currentDateTimeUtc());
    const Person person {QStringLiteral("Maximilian Großmann"),
        QStringLiteral("maximilian.grossmann.%1@example.de").arg(index), QStringLiteral("Personal"),
        QStringLiteral("backend"), false};
    buildHire(index, person, m_generation, now, now);
    const QString candidateId = makeId(QStringLiteral("cc000000"), index);
    const QJsonObject resume = m_candidates.value(candidateId).value(QStringLiteral("resumeFileHandle")).toObject();
    const QString handle = resume.value(QStringLiteral("handle")).toString();
    m_fileSizes.insert(handle, resumeBytes);
    const QString applicationId = m_applications.last().id;
    m_special.insert(QStringLiteral("bigResume"),
        QJsonObject {
            {QStringLiteral("applicationId"), applicationId},
            {QStringLiteral("candidateId"), candidateId},
            {QStringLiteral("email"), person.email},
            {QStringLiteral("resumeFileHandle"), handle},
            {QStringLiteral("resumeFileName"), resume.value(QStringLiteral("name"))},
            {QStringLiteral("resumeBytes"), resumeBytes},
        });
    return applicationId;
}

void SandboxData::buildOrganisation()
{
    const QString created = fixedTimestamp(2023, 2, 1, 10);
    const QString updated = fixedTimestamp(2024, 9, 13, 21, 30);

    for (const UserRow& row : kUsers) {
        const QString id = makeId(QStringLiteral("05e00000"), row.number);
        const QString firstName = QString::fromUtf8(row.firstName);
        const QString lastName = QString::fromUtf8(row.lastName);
        m_userIds.insert(QString::fromLatin1(row.key), id);
        m_users.insert(id,
            QJsonObject {
                {QStringLiteral("id"), id},
                {QStringLiteral("firstName"), firstName},
                {QStringLiteral("lastName"), lastName},
                {QStringLiteral("email"),
                    asciiFold(firstName) + QLatin1Char('.') + asciiFold(lastName) + QLatin1Char('@') + kOrgDomain},
                {QStringLiteral("globalRole"), QString::fromLatin1(row.globalRole)},
                {QStringLiteral("isEnabled"), true},
                {QStringLiteral("updatedAt"), updated},
            });
    }

    for (const DepartmentRow& row : kDepartments) {
        const QString id = makeId(QStringLiteral("de900000"), row.number);
        QJsonObject department {
            {QStringLiteral("id"), id},
            {QStringLiteral("name"), QString::fromUtf8(row.name)},
            {QStringLiteral("isArchived"), false},
            {QStringLiteral("createdAt"), created},
            {QStringLiteral("updatedAt"), updated},
        };
        if (row.parent > 0) {
            department.insert(QStringLiteral("parentId"), makeId(QStringLiteral("de900000"), row.parent));
        }
        if (qstrlen(row.externalName) > 0) {
            department.insert(QStringLiteral("externalName"), QString::fromUtf8(row.externalName));
        }
        m_departments.insert(id, department);
    }

    for (const LocationRow& row : kLocations) {
        const QString id = makeId(QStringLiteral("10c00000"), row.number);
        m_locations.insert(id,
            QJsonObject {
                {QStringLiteral("id"), id},
                {QStringLiteral("name"), QString::fromUtf8(row.name)},
                {QStringLiteral("isArchived"), false},
                {QStringLiteral("address"),
                    QJsonObject {{QStringLiteral("postalAddress"),
                        QJsonObject {
                            {QStringLiteral("addressCountry"), QString::fromUtf8(row.country)},
                            {QStringLiteral("addressRegion"), QString::fromUtf8(row.region)},
                            {QStringLiteral("addressLocality"), QString::fromUtf8(row.name)},
                            {QStringLiteral("postalCode"), QString::fromUtf8(row.postalCode)},
                            {QStringLiteral("streetAddress"), QString::fromUtf8(row.street)},
                        }}}},
                {QStringLiteral("workplaceType"), QString::fromLatin1(row.workplaceType)},
                {QStringLiteral("type"), QStringLiteral("Location")},
            });
    }

    for (const JobRow& row : kJobs) {
        const QString id = makeId(QStringLiteral("10b00000"), row.number);
        m_jobIds.insert(QString::fromLatin1(row.key), id);
        const LocationRow& location = locationRow(QString::fromLatin1(row.location));
        m_jobs.insert(id,
            QJsonObject {
                {QStringLiteral("id"), id},
                {QStringLiteral("title"), QString::fromUtf8(row.title)},
                {QStringLiteral("confidential"), false},
                {QStringLiteral("status"), row.number % 2 == 0 ? QStringLiteral("Open") : QStringLiteral("Closed")},
                {QStringLiteral("employmentType"), QString::fromLatin1(row.employmentType)},
                {QStringLiteral("locationId"), makeId(QStringLiteral("10c00000"), location.number)},
                {QStringLiteral("departmentId"), makeId(QStringLiteral("de900000"), row.department)},
                {QStringLiteral("defaultInterviewPlanId"), makeId(QStringLiteral("91a40000"), 1)},
                {QStringLiteral("interviewPlanIds"), QJsonArray {makeId(QStringLiteral("91a40000"), 1)}},
                {QStringLiteral("customFields"),
                    QJsonArray {
                        fieldValue(fieldId(FieldCostCenter), QStringLiteral("Cost center"),
                            QString::fromLatin1(row.costCenter)),
                        fieldValue(fieldId(FieldBudgetApproved), QStringLiteral("Budget approved"),
                            startDateValue(QDate(2025, 6, 2).addDays(row.number * 7))),
                        fieldValue(fieldId(FieldSalaryBand), QStringLiteral("Salary band"),
                            QJsonObject {
                                {QStringLiteral("type"), QStringLiteral("compensation-range")},
                                {QStringLiteral("minValue"), row.baseSalary / 10 * 9},
                                {QStringLiteral("maxValue"), row.baseSalary / 10 * 12},
                                {QStringLiteral("currencyCode"), QString::fromLatin1(location.currency)},
                                {QStringLiteral("interval"), QStringLiteral("1 YEAR")},
                            }),
                        fieldValue(fieldId(FieldPlannedHeadcount), QStringLiteral("Planned headcount"),
                            QJsonObject {
                                {QStringLiteral("type"), QStringLiteral("number-range")},
                                {QStringLiteral("minValue"), 1},
                                {QStringLiteral("maxValue"), 1 + row.number % 4},
                            }),
                        selectValue(fieldId(FieldRemotePolicy), QStringLiteral("Remote policy"),
                            QString::fromLatin1(location.workplaceType).toLower(),
                            QString::fromLatin1(location.workplaceType) == QLatin1String("OnSite")
                                ? QStringLiteral("On-site")
                                : QString::fromLatin1(location.workplaceType)),
                        fieldValue(
                            fieldId(FieldVisaSponsorship), QStringLiteral("Visa sponsorship"), row.number % 3 != 2),
                    }},
                {QStringLiteral("jobPostingIds"), QJsonArray {}},
                {QStringLiteral("customRequisitionId"),
                    QStringLiteral("REQ-%1").arg(140 + row.number, 4, 10, QLatin1Char('0'))},
                {QStringLiteral("hiringTeam"), hiringTeamFor(QString::fromLatin1(row.key), false, 0)},
                {QStringLiteral("author"), m_users.value(m_userIds.value(QStringLiteral("priya")))},
                {QStringLiteral("createdAt"), fixedTimestamp(2025, 5, row.number, 12)},
                {QStringLiteral("updatedAt"), fixedTimestamp(2025, 11, row.number, 7, 30)},
                {QStringLiteral("openedAt"), fixedTimestamp(2025, 5, row.number + 3, 8)},
            });
    }
}

void SandboxData::buildCustomFieldDefinitions()
{
    struct DefinitionRow
    {
        int number;
        const char* title;
        const char* objectType;
        const char* fieldType;
        bool archived;
        QList<QPair<QString, QString>> options; // value, label
    };
    const QList<DefinitionRow> rows {
        {FieldRequiresVisa, "Requires visa", "Candidate", "Boolean", false, {}},
        {FieldYearsOfExperience, "Years of experience", "Candidate", "Number", false, {}},
        {FieldPronouns, "Pronouns", "Candidate", "String", false, {}},
        {FieldLegacyAtsId, "Legacy ATS ID", "Candidate", "String", true, {}},
        {FieldAvailableFrom, "Available from", "Candidate", "Date", false, {}},
        {FieldLanguages, "Languages", "Candidate", "MultiValueSelect", false,
            {{QStringLiteral("en"), QStringLiteral("English")}, {QStringLiteral("de"), QStringLiteral("German")},
                {QStringLiteral("sv"), QStringLiteral("Swedish")}, {QStringLiteral("ar"), QStringLiteral("Arabic")},
                {QStringLiteral("zh"), QStringLiteral("Chinese")}}},
        {FieldSalaryExpectation, "Salary expectation", "Candidate", "Currency", false, {}},
        {FieldRelocation, "Relocation package", "Application", "ValueSelect", false,
            {{QStringLiteral("none"), QStringLiteral("None")}, {QStringLiteral("standard"), QStringLiteral("Standard")},
                {QStringLiteral("premium"), QStringLiteral("Premium")},
                {QStringLiteral("executive"), QStringLiteral("Executive")}}},
        {FieldReferralBonus, "Referral bonus eligible", "Application", "Boolean", false, {}},
        {FieldHiringNotes, "Hiring notes", "Application", "LongText", false, {}},
        {FieldInterviewScore, "Interview score", "Application", "Number", false, {}},
        {FieldSigningBonus, "Signing bonus", "Offer", "Currency", false, {}},
        {FieldEmploymentType, "Employment type", "Offer", "ValueSelect", false,
            {{QStringLiteral("permanent"), QStringLiteral("Permanent")},
                {QStringLiteral("fixed_term"), QStringLiteral("Fixed-term")}}},
        {FieldBenefits, "Benefits", "Offer", "MultiValueSelect", false,
            {{QStringLiteral("gym"), QStringLiteral("Gym membership")},
                {QStringLiteral("lunch"), QStringLiteral("Lunch card")},
                {QStringLiteral("pension"), QStringLiteral("Pension plus")},
                {QStringLiteral("bike"), QStringLiteral("Bike leasing")}}},
        {FieldStockOptions, "Stock options", "Offer", "Number", false, {}},
        {FieldBonusTarget, "Bonus target (%)", "Offer", "NumberRange", false, {}},
        {FieldOfferExpiry, "Offer expires", "Offer", "Date", false, {}},
        {FieldCostCenter, "Cost center", "Job", "String", false, {}},
        {FieldBudgetApproved, "Budget approved", "Job", "Date", false, {}},
        {FieldSalaryBand, "Salary band", "Job", "CompensationRange", false, {}},
        {FieldPlannedHeadcount, "Planned headcount", "Job", "NumberRange", false, {}},
        {FieldRemotePolicy, "Remote policy", "Job", "ValueSelect", false,
            {{QStringLiteral("onsite"), QStringLiteral("On-site")},
                {QStringLiteral("hybrid"), QStringLiteral("Hybrid")},
                {QStringLiteral("remote"), QStringLiteral("Remote")}}},
        {FieldVisaSponsorship, "Visa sponsorship", "Job", "Boolean", false, {}},
    };
    for (const DefinitionRow& row : rows) {
        QJsonObject definition {
            {QStringLiteral("id"), fieldId(row.number)},
            {QStringLiteral("title"), QString::fromUtf8(row.title)},
            {QStringLiteral("objectType"), QString::fromLatin1(row.objectType)},
            {QStringLiteral("fieldType"), QString::fromLatin1(row.fieldType)},
            {QStringLiteral("isArchived"), row.archived},
            {QStringLiteral("isRequired"), false},
            {QStringLiteral("isPrivate"), false},
        };
        if (!row.options.isEmpty()) {
            QJsonArray options;
            for (const auto& [value, label] : row.options) {
                options.append(QJsonObject {
                    {QStringLiteral("label"), label},
                    {QStringLiteral("value"), value},
                    // An option retired in Ashby (still shown on old objects): Bob's list has it archived too.
                    {QStringLiteral("isArchived"), value == QLatin1String("executive")},
                });
            }
            definition.insert(QStringLiteral("selectableValues"), options);
        }
        m_customFieldDefinitions.append(definition);
    }
}

void SandboxData::buildBobDirectory()
{
    struct EmployeeRow
    {
        const char* id;
        const char* firstName;
        const char* surname;
        const char* displayName;
        const char* emailLocal;
        const char* title;
        const char* department;
        const char* site;
        const char* startDate;
        const char* reportsTo; // employee id
        bool active;
    };
    // Kate O'Neill is the Ashby user "Katherine O'Neill"; Ingrid Berg is the internal hire.
    const std::array<EmployeeRow, 8> rows {{
        {"3332883884017713238", "Lena", "Fischer", "Lena Fischer", "lena.fischer", "Chief Executive Officer",
            "Management", "Berlin", "2019-03-01", "", true},
        {"3332883884017713241", "Kate", "O'Neill", "Kate O'Neill", "katherine.oneill", "VP Engineering", "Engineering",
            "Berlin", "2020-01-06", "3332883884017713238", true},
        {"3332883884017713242", "Marcus", "Lindqvist", "Marcus Lindqvist", "marcus.lindqvist", "Head of Sales", "Sales",
            "London", "2020-09-01", "3332883884017713238", true},
        {"3332883884017713243", "Amara", "Okafor", "Amara Okafor", "amara.okafor", "Head of People", "People", "Berlin",
            "2021-02-15", "3332883884017713238", true},
        {"3332883884017713244", "Jean-Luc", "Moreau", "Jean-Luc Moreau", "jeanluc.moreau", "Data Lead", "Engineering",
            "Stockholm HQ", "2021-06-01", "3332883884017713241", true},
        {"3332883884017713245", "Ingrid", "Berg", "Ingrid Berg", "ingrid.berg", "Support Engineer", "Customer Success",
            "Stockholm HQ", "2022-04-04", "3332883884017713244", true},
        {"3332883884017713246", "Priya", "Raman", "Priya Raman", "priya.raman", "Talent Partner", "People", "London",
            "2022-08-15", "3332883884017713243", true},
        {"3332883884017713247", "Henrik", "Dahl", "Henrik Dahl", "henrik.dahl", "Account Executive", "Sales",
            "Stockholm HQ", "2019-10-01", "3332883884017713242", false},
    }};
    QHash<QString, QJsonObject> byId;
    for (const EmployeeRow& row : rows) {
        byId.insert(QString::fromLatin1(row.id),
            QJsonObject {
                {QStringLiteral("id"), QString::fromLatin1(row.id)},
                {QStringLiteral("displayName"), QString::fromUtf8(row.displayName)},
                {QStringLiteral("email"), QString::fromLatin1(row.emailLocal) + QLatin1Char('@') + kOrgDomain},
            });
    }
    for (const EmployeeRow& row : rows) {
        QJsonObject work {
            {QStringLiteral("title"), QString::fromUtf8(row.title)},
            {QStringLiteral("department"), QString::fromUtf8(row.department)},
            {QStringLiteral("site"), QString::fromUtf8(row.site)},
            {QStringLiteral("startDate"), QString::fromLatin1(row.startDate)},
        };
        if (qstrlen(row.reportsTo) > 0) {
            work.insert(QStringLiteral("reportsTo"), byId.value(QString::fromLatin1(row.reportsTo)));
        }
        m_bobEmployees.append(QJsonObject {
            {QStringLiteral("id"), QString::fromLatin1(row.id)},
            {QStringLiteral("firstName"), QString::fromUtf8(row.firstName)},
            {QStringLiteral("surname"), QString::fromUtf8(row.surname)},
            {QStringLiteral("displayName"), QString::fromUtf8(row.displayName)},
            {QStringLiteral("email"), QString::fromLatin1(row.emailLocal) + QLatin1Char('@') + kOrgDomain},
            {QStringLiteral("work"), work},
            {QStringLiteral("internal"),
                QJsonObject {
                    {QStringLiteral("status"), row.active ? QStringLiteral("Active") : QStringLiteral("Inactive")},
                    {QStringLiteral("lifecycleStatus"),
                        row.active ? QStringLiteral("employed") : QStringLiteral("terminated")},
                }},
        });
    }
}

void SandboxData::buildBobCatalog()
{
    for (const BobFieldRow& row : kBobFields) {
        m_bobFields.append(bobField(row));
    }

    const auto addList = [this](const QString& name, const QJsonArray& values) {
        m_bobLists.insert(name, QJsonObject {{QStringLiteral("name"), name}, {QStringLiteral("values"), values}});
    };

    // Every Ashby location has a site except Stockholm (Bob calls it "Stockholm HQ"); New York is "new york" in Bob.
    // Hamburg is archived; "Remote" is a hierarchy (an archived grandchild included).
    addList(QStringLiteral("site"),
        QJsonArray {
            listItem(2178554, QStringLiteral("Berlin")),
            listItem(2178560, QStringLiteral("London")),
            listItem(kBobSiteNewYorkId, kBobSiteNewYork),
            listItem(2178572, kBobSiteStockholm),
            listItem(2178578, QStringLiteral("Hamburg"), true),
            listItem(2178584, QStringLiteral("Remote"), false,
                QJsonArray {
                    listItem(2178585, QStringLiteral("Remote – EMEA"), false,
                        QJsonArray {
                            listItem(2178586, QStringLiteral("Lisbon")),
                            listItem(2178587, QStringLiteral("Tallinn")),
                        }),
                    listItem(2178588, QStringLiteral("Remote – Americas")),
                    listItem(2178589, QStringLiteral("Remote – APAC"), true),
                }),
        });
    // Every Ashby department; Finance only as "finance".
    QJsonArray departments = flatItems(3309100,
        {QStringLiteral("Management"), QStringLiteral("Engineering"), QStringLiteral("Platform"),
            QStringLiteral("Data"), QStringLiteral("Sales"), QStringLiteral("People")});
    departments.append(listItem(kBobDepartmentFinanceId, kBobDepartmentFinance));
    departments.append(listItem(3309107, QStringLiteral("Customer Success")));
    departments.append(listItem(3309108, QStringLiteral("Operations"), true));
    addList(QStringLiteral("department"), departments);
    // Every Ashby job title (exact) and the titles of Bob's own employees.
    addList(QStringLiteral("title"),
        flatItems(4410200,
            {QStringLiteral("Chief Executive Officer"), QStringLiteral("VP Engineering"),
                QStringLiteral("Head of Sales"), QStringLiteral("Head of People"), QStringLiteral("Data Lead"),
                QStringLiteral("Support Engineer"), QStringLiteral("Talent Partner"),
                QStringLiteral("Account Executive"), QStringLiteral("Backend Engineer"),
                QStringLiteral("Data Engineer"), QStringLiteral("People Partner"),
                QStringLiteral("Sales Development Representative"), QStringLiteral("Financial Analyst"),
                QStringLiteral("Office Manager")},
            {QStringLiteral("Office Manager")}));
    addList(QStringLiteral("hobbies"),
        flatItems(5520300,
            {QStringLiteral("Hiking"), QStringLiteral("Cooking"), QStringLiteral("Reading"), QStringLiteral("Football"),
                QStringLiteral("Photography"), QStringLiteral("Music")}));
    addList(QStringLiteral("honorifics"),
        flatItems(5520400, {QStringLiteral("Mr"), QStringLiteral("Ms"), QStringLiteral("Mx"), QStringLiteral("Dr")}));
    addList(QStringLiteral("nationalities"),
        flatItems(5520500,
            {QStringLiteral("British"), QStringLiteral("Chinese"), QStringLiteral("German"), QStringLiteral("Irish"),
                QStringLiteral("Polish"), QStringLiteral("Swedish"), QStringLiteral("American")}));
    addList(QStringLiteral("employmentType"),
        flatItems(5520600,
            {QStringLiteral("Permanent"), QStringLiteral("Fixed-term"), QStringLiteral("Contractor"),
                QStringLiteral("Intern"), QStringLiteral("Freelancer")},
            {QStringLiteral("Freelancer")}));
    // The custom list fields: labels as Ashby's select options show them.
    addList(QStringLiteral("relocationPackage"),
        flatItems(5520700,
            {QStringLiteral("None"), QStringLiteral("Standard"), QStringLiteral("Premium"),
                QStringLiteral("Executive")},
            {QStringLiteral("Executive")}));
    addList(QStringLiteral("benefits"),
        flatItems(5520800,
            {QStringLiteral("Gym membership"), QStringLiteral("Lunch card"), QStringLiteral("Pension plus"),
                QStringLiteral("Bike leasing")}));
    addList(QStringLiteral("team"),
        QJsonArray {
            listItem(5520900, QStringLiteral("Engineering"), false,
                QJsonArray {listItem(5520901, QStringLiteral("Platform")), listItem(5520902, QStringLiteral("Data"))}),
            listItem(5520910, QStringLiteral("Go-to-market"), false,
                QJsonArray {listItem(5520911, QStringLiteral("Sales EMEA")),
                    listItem(5520912, QStringLiteral("Sales Americas"))}),
        });
}

void SandboxData::addListSpecialCases()
{
    // Hired applications whose job has the given Ashby location or department.
    const auto hiresWhereJob = [this](const QString& key, const QString& id) {
        QJsonArray ids;
        for (const Application& application : std::as_const(m_applications)) {
            if (application.status == QLatin1String("Hired")
                && m_jobs.value(application.jobId).value(key).toString() == id) {
                ids.append(application.id);
            }
        }
        return ids;
    };
    const QString stockholmId = makeId(QStringLiteral("10c00000"), locationRow(QStringLiteral("stockholm")).number);
    const QString newYorkId = makeId(QStringLiteral("10c00000"), locationRow(QStringLiteral("newyork")).number);
    const QString financeId = makeId(QStringLiteral("de900000"), 6);
    m_special.insert(QStringLiteral("unmatchedSite"),
        QJsonObject {
            {QStringLiteral("ashbyLocationId"), stockholmId},
            {QStringLiteral("ashbyLocation"), m_locations.value(stockholmId).value(QStringLiteral("name"))},
            {QStringLiteral("closestBobSite"), kBobSiteStockholm},
            {QStringLiteral("applicationIds"), hiresWhereJob(QStringLiteral("locationId"), stockholmId)},
        });
    m_special.insert(QStringLiteral("caseFoldedSite"),
        QJsonObject {
            {QStringLiteral("ashbyLocationId"), newYorkId},
            {QStringLiteral("ashbyLocation"), m_locations.value(newYorkId).value(QStringLiteral("name"))},
            {QStringLiteral("bobSite"), kBobSiteNewYork},
            {QStringLiteral("bobItemId"), kBobSiteNewYorkId},
            {QStringLiteral("applicationIds"), hiresWhereJob(QStringLiteral("locationId"), newYorkId)},
        });
    m_special.insert(QStringLiteral("caseFoldedDepartment"),
        QJsonObject {
            {QStringLiteral("ashbyDepartmentId"), financeId},
            {QStringLiteral("ashbyDepartment"), m_departments.value(financeId).value(QStringLiteral("name"))},
            {QStringLiteral("bobDepartment"), kBobDepartmentFinance},
            {QStringLiteral("bobItemId"), kBobDepartmentFinanceId},
            {QStringLiteral("applicationIds"), hiresWhereJob(QStringLiteral("departmentId"), financeId)},
        });
    m_special.insert(QStringLiteral("archivedListItems"),
        QJsonObject {
            {QStringLiteral("site"), QJsonArray {QStringLiteral("Hamburg"), QStringLiteral("Remote – APAC")}},
            {QStringLiteral("department"), QJsonArray {QStringLiteral("Operations")}},
            {QStringLiteral("title"), QJsonArray {QStringLiteral("Office Manager")}},
            {QStringLiteral("employmentType"), QJsonArray {QStringLiteral("Freelancer")}},
            {QStringLiteral("relocationPackage"), QJsonArray {QStringLiteral("Executive")}},
        });
    m_special.insert(QStringLiteral("hierarchyLists"),
        QJsonObject {
            {QStringLiteral("site"), QStringLiteral("Remote > Remote – EMEA > Lisbon, Tallinn")},
            {QStringLiteral("team"), QStringLiteral("Engineering > Platform, Data; Go-to-market > Sales EMEA, ...")},
        });
    int customFields = 0;
    for (const QJsonValue& field : std::as_const(m_bobFields)) {
        const QString id = field.toObject().value(QStringLiteral("id")).toString();
        if (id.contains(QLatin1String(".custom.")) || id.startsWith(QLatin1String("category_"))) {
            ++customFields;
        }
    }
    m_special.insert(QStringLiteral("bobFields"),
        QJsonObject {
            {QStringLiteral("total"), int(m_bobFields.size())},
            {QStringLiteral("custom"), customFields},
            {QStringLiteral("customCategory"), kCustomCategory},
        });
}

QJsonObject SandboxData::bobNamedLists(bool includeArchived) const
{
    QJsonObject lists;
    for (auto it = m_bobLists.constBegin(); it != m_bobLists.constEnd(); ++it) {
        lists.insert(it.key(), bobNamedList(it.key(), includeArchived));
    }
    return lists;
}

QJsonObject SandboxData::bobNamedList(const QString& name, bool includeArchived) const
{
    QJsonObject list = m_bobLists.value(name).toObject();
    if (!list.isEmpty() && !includeArchived) {
        list.insert(QStringLiteral("values"), withoutArchived(list.value(QStringLiteral("values")).toArray()));
    }
    return list;
}

SandboxData::Person SandboxData::generatedPerson(int index) const
{
    static const QStringList firstNames {QStringLiteral("Amélie"), QStringLiteral("Jonas"), QStringLiteral("Freya"),
        QStringLiteral("Mateo"), QStringLiteral("Aiko"), QStringLiteral("Lars"), QStringLiteral("Chiara"),
        QStringLiteral("Emeka"), QStringLiteral("Hana"), QStringLiteral("Pavel"), QStringLiteral("Inès"),
        QStringLiteral("Kofi"), QStringLiteral("Mia"), QStringLiteral("Rafael"), QStringLiteral("Yuki"),
        QStringLiteral("Noor"), QStringLiteral("Elif"), QStringLiteral("Tariq")};
    static const QStringList surnames {QStringLiteral("Schmidt"), QStringLiteral("Dubois"), QStringLiteral("Rossi"),
        QStringLiteral("Kowalski"), QStringLiteral("Tanaka"), QStringLiteral("Haddad"), QStringLiteral("Novák"),
        QStringLiteral("Andersson"), QStringLiteral("Okoye"), QStringLiteral("Silva"), QStringLiteral("Müller"),
        QStringLiteral("Fernández"), QStringLiteral("Virtanen"), QStringLiteral("Kaplan")};
    static const QStringList domains {
        QStringLiteral("example.org"), QStringLiteral("example.com"), QStringLiteral("example.net")};
    const QString first = firstNames.at((index * 7) % firstNames.size());
    const QString last = surnames.at((index * 5) % surnames.size());
    const int jobIndex = index % int(kJobs.size());
    // The index keeps addresses unique even when a first/last pair repeats.
    return Person {first + QLatin1Char(' ') + last,
        QStringLiteral("%1.%2%3@%4")
            .arg(asciiFold(first), asciiFold(last))
            .arg(index)
            .arg(domains.at(index % domains.size())),
        QStringLiteral("Personal"), QString::fromLatin1(kJobs.at(std::size_t(jobIndex)).key)};
}

QJsonObject SandboxData::fileHandle(const QString& fileId, const QString& name)
{
    const QString handle
        = QString::fromLatin1((QByteArrayLiteral("fh:") + fileId.toUtf8())
                                  .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    m_files.insert(handle, name);
    return QJsonObject {
        {QStringLiteral("id"), fileId},
        {QStringLiteral("name"), name},
        {QStringLiteral("handle"), handle},
    };
}

QJsonObject SandboxData::hiringTeamMember(const QString& userKey, const QString& role) const
{
    const QJsonObject user = m_users.value(m_userIds.value(userKey));
    return QJsonObject {
        {QStringLiteral("userId"), user.value(QStringLiteral("id"))},
        {QStringLiteral("firstName"), user.value(QStringLiteral("firstName"))},
        {QStringLiteral("lastName"), user.value(QStringLiteral("lastName"))},
        {QStringLiteral("email"), user.value(QStringLiteral("email"))},
        {QStringLiteral("role"), role},
    };
}

QJsonArray SandboxData::hiringTeamFor(const QString& jobKey, bool applicationLevel, int) const
{
    const JobRow& row = jobRow(jobKey);
    QJsonArray team;
    if (qstrlen(row.hiringManager) > 0) {
        team.append(hiringTeamMember(QString::fromLatin1(row.hiringManager), QStringLiteral("Hiring Manager")));
    } else if (applicationLevel) {
        // The finance job has no team of its own; its applications name the manager themselves.
        team.append(hiringTeamMember(QStringLiteral("tomas"), QStringLiteral("Hiring Manager")));
    }
    if (row.withRecruiter) {
        team.append(hiringTeamMember(QStringLiteral("priya"), QStringLiteral("Recruiter")));
    }
    return team;
}

QJsonObject SandboxData::makeCandidate(
    const QString& candidateId, const Person& person, int index, bool withResume, const QString& createdAt)
{
    static const QStringList positions {QStringLiteral("Software Engineer"), QStringLiteral("Analyst"),
        QStringLiteral("Consultant"), QStringLiteral("Team Lead")};
    static const QStringList companies {QStringLiteral("Nordlys AB"), QStringLiteral("Kettle & Co"),
        QStringLiteral("Blåbär Systems"), QStringLiteral("Acme Corp")};
    static const QStringList schools {QStringLiteral("KTH"), QStringLiteral("TU München"),
        QStringLiteral("University of Lagos"), QStringLiteral("Tsinghua University")};
    const LocationRow& location = locationRow(QString::fromLatin1(jobRow(person.jobKey).location));

    QJsonObject candidate {
        {QStringLiteral("id"), candidateId},
        {QStringLiteral("createdAt"), createdAt},
        {QStringLiteral("updatedAt"), createdAt},
        {QStringLiteral("name"), person.name},
        {QStringLiteral("applicationIds"), QJsonArray {}},
        {QStringLiteral("tags"), QJsonArray {}},
        {QStringLiteral("profileUrl"), QStringLiteral("https://app.ashbyhq.com/candidates/") + candidateId},
    };
    QJsonArray emails;
    if (!person.email.isEmpty()) {
        const QJsonObject email = contact(person.email, person.emailType);
        candidate.insert(QStringLiteral("primaryEmailAddress"), email);
        emails.append(email);
    }
    candidate.insert(QStringLiteral("emailAddresses"), emails);
    QJsonArray phones;
    if (index % 3 != 0 && !person.email.isEmpty()) {
        const QJsonObject phone = contact(
            QStringLiteral("+49 30 5550 %1").arg(index % 10000, 4, 10, QLatin1Char('0')), QStringLiteral("Personal"));
        candidate.insert(QStringLiteral("primaryPhoneNumber"), phone);
        phones.append(phone);
    }
    candidate.insert(QStringLiteral("phoneNumbers"), phones);
    QJsonArray socialLinks;
    if (index % 2 == 0) {
        socialLinks.append(QJsonObject {
            {QStringLiteral("type"), QStringLiteral("LinkedIn")},
            {QStringLiteral("url"), QStringLiteral("https://www.linkedin.com/in/sandbox-%1").arg(index)},
        });
    }
    candidate.insert(QStringLiteral("socialLinks"), socialLinks);
    if (index % 4 == 1) {
        candidate.insert(QStringLiteral("tags"),
            QJsonArray {QJsonObject {
                {QStringLiteral("id"), makeId(QStringLiteral("7a900000"), 1)},
                {QStringLiteral("title"), QStringLiteral("Referral")},
                {QStringLiteral("isArchived"), false},
            }});
    }
    if (index % 5 != 0) {
        candidate.insert(QStringLiteral("position"), positions.at(index % positions.size()));
        candidate.insert(QStringLiteral("company"), companies.at(index % companies.size()));
        candidate.insert(QStringLiteral("school"), schools.at(index % schools.size()));
    }
    QJsonArray files;
    if (withResume) {
        // Unicode file names on purpose: they travel into Bob's document store.
        const QString resumeName = QStringLiteral("%1 - CV.pdf").arg(person.name);
        const QJsonObject resume = fileHandle(makeId(QStringLiteral("f1000000"), m_nextFileNumber++), resumeName);
        candidate.insert(QStringLiteral("resumeFileHandle"), resume);
        files.append(resume);
    }
    candidate.insert(QStringLiteral("fileHandles"), files);

    QJsonArray customFields {
        fieldValue(fieldId(FieldRequiresVisa), QStringLiteral("Requires visa"), index % 2 == 0),
        fieldValue(fieldId(FieldYearsOfExperience), QStringLiteral("Years of experience"), index % 12 + 1),
        fieldValue(fieldId(FieldAvailableFrom), QStringLiteral("Available from"),
            startDateValue(QDate(2025, 12, 1).addDays(index))),
    };
    {
        static const QStringList languageValues {
            QStringLiteral("de"), QStringLiteral("sv"), QStringLiteral("ar"), QStringLiteral("zh")};
        static const QStringList languageLabels {
            QStringLiteral("German"), QStringLiteral("Swedish"), QStringLiteral("Arabic"), QStringLiteral("Chinese")};
        QJsonObject languages = fieldValue(fieldId(FieldLanguages), QStringLiteral("Languages"),
            QJsonArray {QStringLiteral("en"), languageValues.at(index % 4)});
        languages.insert(
            QStringLiteral("valueLabel"), QJsonArray {QStringLiteral("English"), languageLabels.at(index % 4)});
        customFields.append(languages);
    }
    if (index % 3 != 2) {
        customFields.append(fieldValue(fieldId(FieldSalaryExpectation), QStringLiteral("Salary expectation"),
            QJsonObject {
                {QStringLiteral("value"), jobRow(person.jobKey).baseSalary + 2500 * (index % 4)},
                {QStringLiteral("currencyCode"), QString::fromLatin1(location.currency)},
            }));
    }
    if (index % 3 == 0) {
        customFields.append(
            fieldValue(fieldId(FieldPronouns), QStringLiteral("Pronouns"), QStringLiteral("she/her 🌸")));
    } else if (index % 3 == 1) {
        customFields.append(fieldValue(fieldId(FieldPronouns), QStringLiteral("Pronouns"), QStringLiteral("he/him")));
    }
    if (index % 5 == 0) {
        customFields.append(fieldValue(
            fieldId(FieldLegacyAtsId), QStringLiteral("Legacy ATS ID"), QStringLiteral("GH-%1").arg(40000 + index)));
    }
    if (index == 1) {
        customFields.append(fieldValue(
            fieldId(FieldDeletedReferralNote), QStringLiteral("Referral note"), QStringLiteral("Met at PyCon 🐍")));
    }
    candidate.insert(QStringLiteral("customFields"), customFields);

    static const QList<std::array<const char*, 3>> sources {
        {"1", "Employee referral", "Referral"},
        {"2", "LinkedIn", "Sourced"},
        {"3", "Company website", "Inbound"},
    };
    if (index % 7 != 0) {
        const auto& source = sources.at(index % sources.size());
        candidate.insert(QStringLiteral("source"),
            QJsonObject {
                {QStringLiteral("id"), makeId(QStringLiteral("50c00000"), QByteArray(source[0]).toInt())},
                {QStringLiteral("title"), QString::fromUtf8(source[1])},
                {QStringLiteral("isArchived"), false},
                {QStringLiteral("sourceType"),
                    QJsonObject {
                        {QStringLiteral("id"), makeId(QStringLiteral("50d00000"), QByteArray(source[0]).toInt())},
                        {QStringLiteral("title"), QString::fromUtf8(source[2])},
                        {QStringLiteral("isArchived"), false},
                    }},
            });
    }
    candidate.insert(QStringLiteral("timezone"), QString::fromLatin1(location.timezone));
    if (index % 4 != 3) {
        candidate.insert(QStringLiteral("location"),
            QJsonObject {
                {QStringLiteral("id"), makeId(QStringLiteral("1c000000"), location.number)},
                {QStringLiteral("locationSummary"),
                    QStringLiteral("%1, %2, %3")
                        .arg(QString::fromUtf8(location.country), QString::fromUtf8(location.region),
                            QString::fromUtf8(location.name))},
                {QStringLiteral("locationComponents"),
                    QJsonArray {
                        QJsonObject {{QStringLiteral("type"), QStringLiteral("Country")},
                            {QStringLiteral("name"), QString::fromUtf8(location.country)}},
                        QJsonObject {{QStringLiteral("type"), QStringLiteral("City")},
                            {QStringLiteral("name"), QString::fromUtf8(location.name)}},
                    }},
            });
    }
    return candidate;
}

QJsonObject SandboxData::makeApplication(const QString& applicationId, const QString& candidateId, const Person& person,
    const QString& status, const QString& createdAt, const QString& updatedAt, int index)
{
    const JobRow& row = jobRow(person.jobKey);
    const QString jobId = m_jobIds.value(person.jobKey);
    const QJsonObject job = m_jobs.value(jobId);

    QJsonObject candidateSummary {
        {QStringLiteral("id"), candidateId},
        {QStringLiteral("name"), person.name},
    };
    const QJsonObject candidate = m_candidates.value(candidateId);
    for (const QString& key : {QStringLiteral("primaryEmailAddress"), QStringLiteral("primaryPhoneNumber")}) {
        if (candidate.contains(key)) {
            candidateSummary.insert(key, candidate.value(key));
        }
    }

    QJsonObject stage;
    if (status == QLatin1String("Hired")) {
        stage = {{QStringLiteral("id"), makeId(QStringLiteral("57a90000"), 7)},
            {QStringLiteral("title"), kHiredStageTitle}, {QStringLiteral("type"), QStringLiteral("Hired")},
            {QStringLiteral("orderInInterviewPlan"), 1007}};
    } else if (status == QLatin1String("Archived")) {
        stage = {{QStringLiteral("id"), makeId(QStringLiteral("57a90000"), 8)},
            {QStringLiteral("title"), QStringLiteral("Archived")}, {QStringLiteral("type"), QStringLiteral("Archived")},
            {QStringLiteral("orderInInterviewPlan"), 1008}};
    } else {
        stage = {{QStringLiteral("id"), makeId(QStringLiteral("57a90000"), 3)},
            {QStringLiteral("title"), QStringLiteral("Onsite")}, {QStringLiteral("type"), QStringLiteral("Active")},
            {QStringLiteral("orderInInterviewPlan"), 3}};
    }
    stage.insert(QStringLiteral("interviewPlanId"), makeId(QStringLiteral("91a40000"), 1));

    static const QStringList relocationValues {
        QStringLiteral("none"), QStringLiteral("standard"), QStringLiteral("premium")};
    static const QStringList relocationLabels {
        QStringLiteral("None"), QStringLiteral("Standard"), QStringLiteral("Premium")};
    QJsonObject application {
        {QStringLiteral("id"), applicationId},
        {QStringLiteral("createdAt"), createdAt},
        {QStringLiteral("updatedAt"), updatedAt},
        {QStringLiteral("status"), status},
        {QStringLiteral("customFields"),
            QJsonArray {
                selectValue(fieldId(FieldRelocation), QStringLiteral("Relocation package"),
                    relocationValues.at(index % 3), relocationLabels.at(index % 3)),
                fieldValue(fieldId(FieldReferralBonus), QStringLiteral("Referral bonus eligible"), index % 4 == 1),
                fieldValue(fieldId(FieldInterviewScore), QStringLiteral("Interview score"), 3.0 + (index % 5) * 0.25),
            }},
        {QStringLiteral("candidate"), candidateSummary},
        {QStringLiteral("currentInterviewStage"), stage},
        {QStringLiteral("job"),
            QJsonObject {
                {QStringLiteral("id"), jobId},
                {QStringLiteral("title"), job.value(QStringLiteral("title"))},
                {QStringLiteral("locationId"), job.value(QStringLiteral("locationId"))},
                {QStringLiteral("departmentId"), job.value(QStringLiteral("departmentId"))},
            }},
        {QStringLiteral("hiringTeam"),
            person.noHiringManager ? QJsonArray {} : hiringTeamFor(QString::fromLatin1(row.key), true, index)},
    };
    if (index % 4 != 2) {
        // Multi-line text with unicode, as recruiters write it.
        QJsonArray fields = application.value(QStringLiteral("customFields")).toArray();
        fields.append(fieldValue(fieldId(FieldHiringNotes), QStringLiteral("Hiring notes"),
            QStringLiteral("Strong system-design round; references checked ✓\nStart date agreed with %1.\n"
                           "Prefers „hybrid“ set-up.")
                .arg(person.name)));
        application.insert(QStringLiteral("customFields"), fields);
    }
    if (candidate.contains(QStringLiteral("source"))) {
        QJsonObject source = candidate.value(QStringLiteral("source")).toObject();
        source.remove(QStringLiteral("sourceType"));
        application.insert(QStringLiteral("source"), source);
    }
    if (status == QLatin1String("Archived")) {
        application.insert(QStringLiteral("archivedAt"), updatedAt);
        application.insert(QStringLiteral("archiveReason"),
            QJsonObject {
                {QStringLiteral("id"), makeId(QStringLiteral("a4c00000"), 1 + index % 2)},
                {QStringLiteral("text"),
                    index % 2 ? QStringLiteral("Withdrew") : QStringLiteral("Not a fit for the role")},
                {QStringLiteral("reasonType"),
                    index % 2 ? QStringLiteral("RejectedByCandidate") : QStringLiteral("RejectedByOrg")},
                {QStringLiteral("isArchived"), false},
                {QStringLiteral("customFields"), QJsonArray {}},
            });
    }
    return application;
}

QJsonObject SandboxData::makeOfferVersion(const QString& versionId, const QString& createdAt, const QString& startDate,
    const QString& currency, int salary, const QString& personName, bool signedLetter, int index)
{
    const QString& baseName = personName;
    QJsonArray files {
        fileHandle(makeId(QStringLiteral("f1000000"), m_nextFileNumber++),
            QStringLiteral("Offer Letter - %1.pdf").arg(baseName)),
        fileHandle(makeId(QStringLiteral("f1000000"), m_nextFileNumber++),
            QStringLiteral("Offer Letter - %1.docx").arg(baseName)),
    };
    if (signedLetter) {
        files.append(fileHandle(makeId(QStringLiteral("f1000000"), m_nextFileNumber++),
            QStringLiteral("Offer Letter - %1 (signed).pdf").arg(baseName)));
    }
    static const QStringList benefitValues {
        QStringLiteral("gym"), QStringLiteral("lunch"), QStringLiteral("pension"), QStringLiteral("bike")};
    static const QStringList benefitLabels {QStringLiteral("Gym membership"), QStringLiteral("Lunch card"),
        QStringLiteral("Pension plus"), QStringLiteral("Bike leasing")};
    const QJsonArray chosenValues {benefitValues.at(index % 4), benefitValues.at((index + 1) % 4)};
    const QJsonArray chosenLabels {benefitLabels.at(index % 4), benefitLabels.at((index + 1) % 4)};
    QJsonObject benefits = fieldValue(fieldId(FieldBenefits), QStringLiteral("Benefits"), chosenValues);
    benefits.insert(QStringLiteral("valueLabel"), chosenLabels);

    QJsonArray customFields {
        index % 3 == 0 ? selectValue(fieldId(FieldEmploymentType), QStringLiteral("Employment type"),
            QStringLiteral("fixed_term"), QStringLiteral("Fixed-term"))
                       : selectValue(fieldId(FieldEmploymentType), QStringLiteral("Employment type"),
                           QStringLiteral("permanent"), QStringLiteral("Permanent")),
        benefits,
        fieldValue(fieldId(FieldStockOptions), QStringLiteral("Stock options"), 500 * (index % 5)),
        fieldValue(fieldId(FieldBonusTarget), QStringLiteral("Bonus target (%)"),
            QJsonObject {
                {QStringLiteral("type"), QStringLiteral("number-range")},
                {QStringLiteral("minValue"), 5},
                {QStringLiteral("maxValue"), 10 + 5 * (index % 3)},
            }),
        fieldValue(fieldId(FieldOfferExpiry), QStringLiteral("Offer expires"),
            startDateValue(QDateTime::fromString(createdAt, Qt::ISODateWithMs).date().addDays(7))),
    };
    if (index % 2 == 1) {
        customFields.append(fieldValue(fieldId(FieldSigningBonus), QStringLiteral("Signing bonus"),
            QJsonObject {
                {QStringLiteral("value"), 1000 * (1 + index % 10)},
                {QStringLiteral("currencyCode"), currency},
            }));
    }

    QJsonObject version {
        {QStringLiteral("id"), versionId},
        {QStringLiteral("createdAt"), createdAt},
        {QStringLiteral("startDate"), startDate},
        {QStringLiteral("customFields"), customFields},
        {QStringLiteral("fileHandles"), files},
        {QStringLiteral("author"), m_users.value(m_userIds.value(QStringLiteral("priya")))},
        {QStringLiteral("approvalStatus"), QStringLiteral("Approved")},
    };
    if (salary > 0) {
        version.insert(QStringLiteral("salary"),
            QJsonObject {
                {QStringLiteral("currencyCode"), currency},
                {QStringLiteral("value"), salary},
            });
    }
    if (index % 2 == 0) {
        version.insert(QStringLiteral("openingId"), makeId(QStringLiteral("0be00000"), index));
    }
    return version;
}

void SandboxData::buildHire(
    int index, const Person& person, qint64 generation, const QString& createdAt, const QString& updatedAt)
{
    const QString applicationId = makeId(QStringLiteral("aa000000"), index);
    const QString candidateId = makeId(QStringLiteral("cc000000"), index);
    const JobRow& row = jobRow(person.jobKey);
    const LocationRow& location = locationRow(QString::fromLatin1(row.location));
    const QString currency = QString::fromLatin1(location.currency);

    QJsonObject candidate = makeCandidate(candidateId, person, index, !person.email.isEmpty(), createdAt);
    candidate.insert(QStringLiteral("applicationIds"), QJsonArray {applicationId});
    m_candidates.insert(candidateId, candidate);

    const QJsonObject application
        = makeApplication(applicationId, candidateId, person, QStringLiteral("Hired"), createdAt, updatedAt, index);
    m_applications.append(Application {application, applicationId, candidateId, m_jobIds.value(person.jobKey),
        QStringLiteral("Hired"), QDateTime::fromString(createdAt, Qt::ISODateWithMs).toMSecsSinceEpoch(), generation});

    // Hire 4 was hired without an offer in Ashby.
    if (index == 4) {
        return;
    }
    const QDate startDate = QDate(2026, 1, 5).addDays(7 * ((index - 1) % 12));
    const int salary = row.baseSalary + 1500 * (index % 20);
    const QDateTime offerTime = QDateTime::fromString(createdAt, Qt::ISODateWithMs).addDays(20);
    const auto nextVersionId = [this] { return makeId(QStringLiteral("0ffe0000"), m_nextOfferNumber++); };

    const auto storeOffer = [this, &applicationId](const QString& acceptance, const QString& offerStatus,
                                const QString& decidedAt, const QJsonArray& versions, const QJsonObject& latest) {
        const QString offerId = makeId(QStringLiteral("0ff00000"), m_nextOfferNumber++);
        const QJsonObject item {
            {QStringLiteral("id"), offerId},
            {QStringLiteral("applicationId"), applicationId},
            {QStringLiteral("acceptanceStatus"), acceptance},
            {QStringLiteral("offerStatus"), offerStatus},
            {QStringLiteral("decidedAt"), decidedAt},
            {QStringLiteral("latestVersion"), latest},
        };
        m_offers.insert(offerId, QJsonObject {{QStringLiteral("item"), item}, {QStringLiteral("versions"), versions}});
        m_offerIdsByApplication[applicationId].append(offerId);
    };

    if (index == 3) {
        // A first offer was cancelled; the later accepted one is the one that counts.
        const QJsonObject cancelled = makeOfferVersion(nextVersionId(), isoTimestamp(offerTime.addDays(-10)),
            startDateValue(startDate.addDays(-28)), currency, salary - 4000, person.name, false, index);
        storeOffer(QStringLiteral("Cancelled"), QStringLiteral("OfferCancelled"), isoTimestamp(offerTime.addDays(-8)),
            QJsonArray {cancelled}, cancelled);
    }
    if (index == 1) {
        // Three versions; only the newest (latestVersion) has the final salary and start date, and
        // offer.info lists them out of date order.
        const QJsonObject first = makeOfferVersion(nextVersionId(), isoTimestamp(offerTime.addDays(-6)),
            startDateValue(startDate.addDays(28)), currency, salary - 6000, person.name, false, index);
        const QJsonObject second = makeOfferVersion(nextVersionId(), isoTimestamp(offerTime.addDays(-3)),
            startDateValue(startDate.addDays(14)), currency, salary - 2000, person.name, false, index);
        const QJsonObject newest = makeOfferVersion(nextVersionId(), isoTimestamp(offerTime), startDateValue(startDate),
            currency, salary, person.name, true, index);
        storeOffer(QStringLiteral("Accepted"), QStringLiteral("CandidateAccepted"), isoTimestamp(offerTime.addDays(2)),
            QJsonArray {second, newest, first}, newest);
        return;
    }
    // Hire 12: the offer form had no salary and the letter was never e-signed.
    const bool plainOffer = index == 12;
    const QJsonObject version = makeOfferVersion(nextVersionId(), isoTimestamp(offerTime), startDateValue(startDate),
        currency, plainOffer ? 0 : salary, person.name, !plainOffer, index);
    storeOffer(QStringLiteral("Accepted"), QStringLiteral("CandidateAccepted"), isoTimestamp(offerTime.addDays(2)),
        QJsonArray {version}, version);
}

void SandboxData::buildOtherApplication(int index, const Person& person, const QString& status)
{
    const QString applicationId = makeId(QStringLiteral("aa000000"), index);
    const QString candidateId = makeId(QStringLiteral("cc000000"), index);
    const QDate created = QDate(2025, 10, 1).addDays(index % 100);
    const QString createdAt = fixedTimestamp(created.year(), created.month(), created.day(), 11);

    QJsonObject candidate = makeCandidate(candidateId, person, index, true, createdAt);
    candidate.insert(QStringLiteral("applicationIds"), QJsonArray {applicationId});
    m_candidates.insert(candidateId, candidate);

    const QJsonObject application = makeApplication(
        applicationId, candidateId, person, status, createdAt, fixedTimestamp(2025, 12, 1, 10, index % 60), index);
    m_applications.append(Application {application, applicationId, candidateId, m_jobIds.value(person.jobKey), status,
        QDateTime::fromString(createdAt, Qt::ISODateWithMs).toMSecsSinceEpoch(), m_generation});
}
