#pragma once

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

// The demo organisation behind both fakes: Ashby jobs, users, candidates, applications and
// offers, and Bob's employee directory. Everything is generated from small tables with fixed
// ids so a test can name "the internal hire" or "the hire without an offer" by id.
//
// Incremental sync: every application carries the generation in which it last changed. A
// sync token stands for a generation; a pass with that token returns what changed after it.
class SandboxData
{
public:
    struct Application
    {
        QJsonObject json;
        QString id;
        QString candidateId;
        QString jobId;
        QString status;
        qint64 createdMs = 0;
        qint64 generation = 0;
    };

    explicit SandboxData(int hires);

    static QString makeId(const QString& tag, int number);

    const QList<Application>& applications() const { return m_applications; }
    const Application* application(const QString& id) const;
    qint64 generation() const { return m_generation; }

    QJsonObject candidate(const QString& id) const { return m_candidates.value(id); }
    QJsonObject job(const QString& id) const { return m_jobs.value(id); }
    QJsonObject user(const QString& id) const { return m_users.value(id); }
    // job.list / user.list: every job or user, ordered by id (the permission probes of the setup wizard use them).
    QJsonArray jobs() const { return sortedById(m_jobs); }
    QJsonArray users() const { return sortedById(m_users); }
    QJsonObject department(const QString& id) const { return m_departments.value(id); }
    QJsonObject location(const QString& id) const { return m_locations.value(id); }
    QJsonArray customFields(bool includeArchived) const;
    // offer.list items (each with latestVersion) of one application, oldest first.
    QJsonArray offersForApplication(const QString& applicationId) const;
    // offer.info result: the list item plus all versions, deliberately not in date order.
    QJsonObject offer(const QString& offerId) const;
    // File name for a file handle, empty when the handle is unknown.
    QString fileName(const QString& handle) const { return m_files.value(handle); }
    // The size the file of a handle must have when served, or 0 for the usual small document.
    qint64 fileSize(const QString& handle) const { return m_fileSizes.value(handle, 0); }

    QJsonArray bobEmployees() const { return m_bobEmployees; }
    // GET /v1/company/people/fields: built-in and custom field metadata.
    QJsonArray bobFields() const { return m_bobFields; }
    // GET /v1/company/named-lists: every list keyed by name, {name, values: [{id, name, value, archived, children}]}.
    // Without archived items (at any depth) unless includeArchived.
    QJsonObject bobNamedLists(bool includeArchived) const;
    // One list as above, or an empty object when Bob has no list of that name.
    QJsonObject bobNamedList(const QString& name, bool includeArchived) const;

    // Adds a hired application (new candidate, offer, files) in a new generation.
    QString addHire();
    // Adds a hired application like addHire(), with an accepted offer and a unique e-mail, whose resume is served
    // with `resumeBytes` bytes (above Bob's 5 MB document limit for the "too large" case). specialCases() names the
    // latest one as "bigResume".
    QString addBigResumeHire(qint64 resumeBytes);

    QStringList hiredApplicationIds() const;
    // Ids and e-mails of the edge cases, for tests and for the start-up documentation.
    QJsonObject specialCases() const { return m_special; }

private:
    static QJsonArray sortedById(const QHash<QString, QJsonObject>& objects)
    {
        QStringList ids = objects.keys();
        ids.sort();
        QJsonArray out;
        for (const QString& id : ids) {
            out.append(objects.value(id));
        }
        return out;
    }

    struct Person
    {
        QString name;
        QString email; // empty: the candidate has no e-mail at all
        QString emailType;
        QString jobKey;
        bool noHiringManager = false; // no Hiring Manager on the application nor on the job
    };

    void buildOrganisation();
    void buildCustomFieldDefinitions();
    void buildBobDirectory();
    void buildBobCatalog();
    void addListSpecialCases();
    void buildHire(
        int index, const Person& person, qint64 generation, const QString& createdAt, const QString& updatedAt);
    void buildOtherApplication(int index, const Person& person, const QString& status);
    QJsonObject makeCandidate(
        const QString& candidateId, const Person& person, int index, bool withResume, const QString& createdAt);
    QJsonObject makeApplication(const QString& applicationId, const QString& candidateId, const Person& person,
        const QString& status, const QString& createdAt, const QString& updatedAt, int index);
    QJsonObject makeOfferVersion(const QString& versionId, const QString& createdAt, const QString& startDate,
        const QString& currency, int salary, const QString& personName, bool signedLetter, int index);
    QJsonObject fileHandle(const QString& fileId, const QString& name);
    QJsonObject hiringTeamMember(const QString& userKey, const QString& role) const;
    QJsonArray hiringTeamFor(const QString& jobKey, bool applicationLevel, int index) const;
    Person generatedPerson(int index) const;

    int m_hires = 0;
    int m_nextHireIndex = 0;
    int m_nextFileNumber = 1;
    int m_nextOfferNumber = 1;
    qint64 m_generation = 1;

    QList<Application> m_applications;
    QHash<QString, QJsonObject> m_candidates;
    QHash<QString, QJsonObject> m_jobs;
    QHash<QString, QJsonObject> m_users;
    QHash<QString, QJsonObject> m_departments;
    QHash<QString, QJsonObject> m_locations;
    QHash<QString, QString> m_jobIds; // short key ("backend") -> job id
    QHash<QString, QString> m_userIds; // short key ("katherine") -> user id
    QJsonArray m_customFieldDefinitions;
    // offer id -> { item: offer.list item, versions: [...] }
    QHash<QString, QJsonObject> m_offers;
    QHash<QString, QStringList> m_offerIdsByApplication;
    QHash<QString, QString> m_files;
    QHash<QString, qint64> m_fileSizes; // handles served larger than usual
    QJsonArray m_bobEmployees;
    QJsonArray m_bobFields;
    QJsonObject m_bobLists; // list name -> {name, values} with archived items
    QJsonObject m_special;
};
