#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

// ready → sending → pushed, or failed (reason, attempts), exists (already an employee), skipped; unknown when a send
// may or may not have arrived and the target cannot be asked (Bob's Hire API): never re-sent until the admin decides.
// Unknown comes last: the values are stored by name, and counted by the models up to Unknown.
enum class PushState { Ready, Sending, Pushed, Failed, Exists, Skipped, Unknown };

QString pushStateName(PushState state); // "ready", "sending", ...
std::optional<PushState> pushStateFromName(const QString& name);

struct PushRecord
{
    QString applicationId;
    QString target; // "bob", "bamboohr", "personio"
    PushState state = PushState::Ready;
    QString remoteId; // employee / event id in the target, when known
    QString reason; // why failed / skipped / exists, human readable
    bool transient = false; // failed for a transient reason (network, 429, 5xx, timeout): --all-ready retries it
    int attempts = 0;
    QString attemptId; // fresh id per send, also sent in the Hire API event for reconciliation
    QString ownerId; // process holding the record while it is sending
    QDateTime updatedAt;

    // The record of a hire that has none yet for this target: ready, nothing sent.
    static PushRecord ready(const QString& applicationId, const QString& target)
    {
        PushRecord r;
        r.applicationId = applicationId;
        r.target = target;
        return r;
    }
};

// One line of the append-only audit log: what was sent to whom, when, with what answer.
struct AuditEntry
{
    qint64 id = 0;
    QDateTime at; // UTC
    QString target;
    QString applicationId;
    QString action; // "send", "exists", "reconcile", "state", ...
    QString attemptId;
    int httpStatus = 0;
    QString payloadHash; // SHA-256 hex of the exact bytes sent
    QString detail;
};
