#include "OwnerLiveness.h"

#include <QCoreApplication>
#include <QFile>
#include <QHostInfo>
#include <QMutex>
#include <QSet>
#include <QUuid>

#include <cerrno>
#include <csignal>
#include <sys/types.h>

namespace {

QMutex g_mutex;
QSet<QString>& liveRuns()
{
    static QSet<QString> runs;
    return runs;
}

bool pidExists(qint64 pid)
{
    return ::kill(pid_t(pid), 0) == 0 || errno == EPERM;
}

} // namespace

namespace OwnerLiveness {

qint64 processStartTime(qint64 pid)
{
    // /proc/<pid>/stat: field 22 is the start time; the command name (field 2) may hold spaces, so count from ')'.
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly)) {
        return 0;
    }
    const QByteArray text = stat.readAll();
    const qsizetype close = text.lastIndexOf(')');
    if (close < 0) {
        return 0;
    }
    const QList<QByteArray> fields = text.mid(close + 2).split(' ');
    // After ')' come field 3 (state) onwards: field 22 is at index 19.
    return fields.size() > 19 ? fields.at(19).toLongLong() : 0;
}

QString newRunOwnerId()
{
    const qint64 pid = QCoreApplication::applicationPid();
    return QStringLiteral("%1/%2/%3/%4")
        .arg(QHostInfo::localHostName())
        .arg(pid)
        .arg(processStartTime(pid))
        .arg(QUuid::createUuid().toString(QUuid::WithoutBraces));
}

void registerRun(const QString& ownerId)
{
    QMutexLocker lock(&g_mutex);
    liveRuns().insert(ownerId);
}

void releaseRun(const QString& ownerId)
{
    QMutexLocker lock(&g_mutex);
    liveRuns().remove(ownerId);
}

bool isAlive(const QString& ownerId, const QDateTime& updatedAt, const QDateTime& now)
{
    if (updatedAt.isValid() && updatedAt.secsTo(now) > kMaxRunSeconds) {
        return false; // no run lasts this long: whoever it was is gone (or its host was renamed)
    }
    const QStringList parts = ownerId.split(QLatin1Char('/'));
    if (parts.size() != 3 && parts.size() != 4) {
        return false;
    }
    if (parts.at(0) != QHostInfo::localHostName()) {
        return true; // cannot check another machine within a run's lifetime
    }
    bool ok = false;
    const qint64 pid = parts.at(1).toLongLong(&ok);
    if (!ok || pid <= 0) {
        return false;
    }
    const bool hasStart = parts.size() == 4;
    const qint64 start = hasStart ? parts.at(2).toLongLong() : 0;
    if (pid == QCoreApplication::applicationPid()
        && (!hasStart || start == processStartTime(pid) || processStartTime(pid) == 0)) {
        QMutexLocker lock(&g_mutex);
        return liveRuns().contains(ownerId); // a run of this process: alive while it works
    }
    if (!pidExists(pid)) {
        return false;
    }
    if (hasStart && start > 0) {
        const qint64 actual = processStartTime(pid);
        return actual == 0 || actual == start; // another process that got the same pid is not the owner
    }
    return true;
}

} // namespace OwnerLiveness
