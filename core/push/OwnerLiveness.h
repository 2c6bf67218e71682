#pragma once

#include <QDateTime>
#include <QString>

// Who holds a record in `sending`, and whether that holder still runs (design §5: a record whose holder died is
// reconciled). An owner id is "<host>/<pid>/<process start>/<run uuid>": one per push run, so a run of this very
// process that ended (or failed to record its result) does not look alive to the next run.
namespace OwnerLiveness {

// A new owner id for one push run of this process.
QString newRunOwnerId();
// While a run of this process works, its owner id is alive; register() when it starts, release() when it ends.
void registerRun(const QString& ownerId);
void releaseRun(const QString& ownerId);

// Whether the owner of a record last changed at `updatedAt` may still be sending it. Dead: a run of this process
// that ended; a local pid that is gone or now belongs to another process (its start time differs); any owner
// (another host, an unreadable id) once the record is older than a run can last (kMaxRunSeconds).
bool isAlive(
    const QString& ownerId, const QDateTime& updatedAt, const QDateTime& now = QDateTime::currentDateTimeUtc());
constexpr qint64 kMaxRunSeconds = 6 * 3600;

// This process's start time as the system counts it (Linux: clock ticks after boot); 0 when unknown.
qint64 processStartTime(qint64 pid);

} // namespace OwnerLiveness
