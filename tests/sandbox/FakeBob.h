#pragma once

#include "SandboxReply.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

class FaultInjector;
class QHttpServerRequest;
class SandboxData;

// Bob's public API (people search and create, fields metadata, named lists, documents) and the Hire API URL. Every
// route needs Basic auth with the service user; a failure is 401 with an empty body, as Bob sends it.
// Hire events are kept verbatim and duplicates are accepted: de-duplication is the client's job. Direct mode
// (POST /v1/people) validates like Bob does (hibob-api.md §3.2, §9) and refuses a duplicate e-mail.
class FakeBob
{
public:
    static const QString serviceUserId;
    static const QString token;
    // A second service user whose permission group lacks People's data: people search answers 403; the fields
    // metadata (which needs no permission) still works. Its Hire URL is not installed.
    static const QString limitedServiceUserId;
    static const QString limitedToken;

    FakeBob(SandboxData& data, FaultInjector& faults);

    SandboxReply handle(const QHttpServerRequest& request);

    QJsonArray receivedHires() const;
    // Received hire events counted once per source.attemptId (a repeat after an interruption carries the same
    // attempt id, so Bob can recognise it); an event without one counts on its own.
    int distinctPendingHireCount() const;
    // The "ATS pending hires" page; moreSections (HTML) is appended after Bob's own sections.
    QString pendingHiresHtml(const QString& moreSections = QString()) const;
    void clearReceivedHires() { m_hires.clear(); }

    // People created through POST /v1/people (with the reportsTo they were given) and the documents received.
    QJsonArray createdPeople() const;
    QJsonArray documents() const;
    int createdPeopleCount() const { return int(m_people.size()); }
    int documentCount() const { return int(m_documents.size()); }
    // Forgets the people created through the API and every document.
    void clearPeople();

private:
    struct ReceivedHire
    {
        QString id;
        QString receivedAt;
        QByteArray body;
    };

    struct CreatedPerson
    {
        QJsonObject employee; // as people search returns it
        QJsonObject body; // what the client sent
        QString reportsTo; // the manager's employee id, empty when none was given
        QString createdAt;
        qint64 visibleAtMs = 0; // m_clock time from which people search shows the person
    };
    struct Document
    {
        int id = 0;
        QString personId;
        QString folder; // shared | confidential
        QString kind; // upload | url
        QString name;
        QString url;
        QByteArray contentType;
        qint64 size = 0;
        QString sha256;
        QString receivedAt;
    };

    SandboxReply peopleSearch(const QHttpServerRequest& request) const;
    SandboxReply listDocuments(const QString& personId) const;
    SandboxReply createPerson(const QHttpServerRequest& request);
    // POST /v1/docs/people/{id}/{shared|confidential}[/upload]; `rest` is the path after /v1/docs/people/.
    SandboxReply addDocument(const QHttpServerRequest& request, const QString& rest);
    // A seeded or created employee (visible to search or not yet), or an empty object.
    QJsonObject findEmployee(const QString& id) const;
    bool emailTaken(const QString& email) const;
    // The name of the non-archived item of a named list that `value` names exactly (or whose id it is, when ids
    // are accepted); empty when none.
    QString listItemName(const QString& listName, const QJsonValue& value) const;
    // GET /v1/company/named-lists (listName empty) or /v1/company/named-lists/{listName}, ?includeArchived=.
    SandboxReply namedLists(const QHttpServerRequest& request, const QString& listName) const;
    SandboxReply hire(const QHttpServerRequest& request);
    static SandboxReply error(int status, const QString& key, const QString& message);

    SandboxData& m_data;
    FaultInjector& m_faults;
    QList<ReceivedHire> m_hires;
    int m_nextHireNumber = 1;
    QElapsedTimer m_clock;
    QList<CreatedPerson> m_people;
    QList<Document> m_documents;
    qint64 m_nextPersonId = 0;
    int m_nextDocumentId = 0;
};
