#pragma once

#include <QDateTime>
#include <QString>

// One e-mail in the ledger's notifications table (schema v3): queued before it is sent, so a relay that is down
// loses nothing. A row stays after it was sent (sentAt set) as the record of what went to whom.
struct QueuedNotification
{
    qint64 id = 0;
    QDateTime createdAt; // UTC
    QString recipient; // one address
    QString subject;
    QString textBody;
    QString htmlBody;
    int attempts = 0;
    QString lastError; // of the latest failed attempt; empty once sent
    QDateTime sentAt; // invalid while pending

    bool isSent() const { return sentAt.isValid(); }
};
