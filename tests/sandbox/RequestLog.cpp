#include "RequestLog.h"

#include <QJsonObject>

void RequestLog::append(const QString& server, const QString& method, const QString& path, int status)
{
    m_entries.append(Entry {server, method, path, status});
}

QJsonArray RequestLog::toJson() const
{
    QJsonArray array;
    for (const Entry& entry : m_entries) {
        array.append(QJsonObject {
            {QStringLiteral("server"), entry.server},
            {QStringLiteral("method"), entry.method},
            {QStringLiteral("path"), entry.path},
            {QStringLiteral("status"), entry.status},
        });
    }
    return array;
}

void RequestLog::clear()
{
    m_entries.clear();
}
