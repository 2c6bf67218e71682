#pragma once

#include "SandboxReply.h"

#include <QByteArray>
#include <QJsonArray>
#include <QList>
#include <QString>

class FaultInjector;
class QHttpServerRequest;
class SandboxData;

// Bob's public API (people search, fields metadata, named lists) and the Hire API URL. Every route needs
// Basic auth with the service user; a failure is 401 with an empty body, as Bob sends it.
// Hire events are kept verbatim and duplicates are accepted: de-duplication is the client's job.
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
    QString pendingHiresHtml() const;
    void clearReceivedHires() { m_hires.clear(); }

private:
    struct ReceivedHire
    {
        QString id;
        QString receivedAt;
        QByteArray body;
    };

    SandboxReply peopleSearch(const QHttpServerRequest& request) const;
    // GET /v1/company/named-lists (listName empty) or /v1/company/named-lists/{listName}, ?includeArchived=.
    SandboxReply namedLists(const QHttpServerRequest& request, const QString& listName) const;
    SandboxReply hire(const QHttpServerRequest& request);
    static SandboxReply error(int status, const QString& key, const QString& message);

    SandboxData& m_data;
    FaultInjector& m_faults;
    QList<ReceivedHire> m_hires;
    int m_nextHireNumber = 1;
};
