#pragma once

#include <QJsonArray>
#include <QList>
#include <QString>

// Every request a fake received (server "ashby", "bob", "bamboohr" or "personio"), so tests can count
// calls (design §10: no more requests than the APIs require). Control routes under /_sandbox are not
// recorded: they are the test's own bookkeeping, not traffic of the client under test.
class RequestLog
{
public:
    void append(const QString& server, const QString& method, const QString& path, int status);
    QJsonArray toJson() const;
    void clear();

private:
    struct Entry
    {
        QString server;
        QString method;
        QString path;
        int status = 0;
    };
    QList<Entry> m_entries;
};
