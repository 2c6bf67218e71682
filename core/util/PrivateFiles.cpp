#include "util/PrivateFiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace {

constexpr QFileDevice::Permissions kOwnerFile
    = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser | QFileDevice::WriteUser;
constexpr QFileDevice::Permissions kOwnerDir = kOwnerFile | QFileDevice::ExeOwner | QFileDevice::ExeUser;

} // namespace

namespace PrivateFiles {

bool makeDir(const QString& path, QString* error)
{
    const QFileInfo info(path);
    if (info.isDir()) {
        return true;
    }
    if (!QDir().mkpath(path)) {
        if (error) {
            *error = QStringLiteral("cannot create the folder %1").arg(QDir::toNativeSeparators(path));
        }
        return false;
    }
    if (!QFile::setPermissions(path, kOwnerDir)) {
        if (error) {
            *error = QStringLiteral("cannot make the folder %1 private").arg(QDir::toNativeSeparators(path));
        }
        return false;
    }
    return true;
}

bool restrictToOwner(const QString& path)
{
    if (!QFileInfo::exists(path)) {
        return true;
    }
    if ((QFile::permissions(path) & ~kOwnerFile) == 0) {
        return true;
    }
    return QFile::setPermissions(path, QFile::permissions(path) & kOwnerFile);
}

bool createPrivate(const QString& path, QString* error)
{
    if (QFileInfo::exists(path)) {
        if (!restrictToOwner(path)) {
            if (error) {
                *error = QStringLiteral("cannot make %1 private").arg(QDir::toNativeSeparators(path));
            }
            return false;
        }
        return true;
    }
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, kOwnerFile)) {
        if (QFileInfo::exists(path)) {
            return restrictToOwner(path); // another process or thread created it a moment ago
        }
        if (error) {
            *error = QStringLiteral("cannot create %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        }
        return false;
    }
    return true;
}

} // namespace PrivateFiles
