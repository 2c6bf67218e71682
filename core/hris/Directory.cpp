#include "Directory.h"

#include "Hire.h"

#include <QJsonArray>
#include <QStringList>

QString DirectoryEntry::shownName() const
{
    const QString display = displayName.simplified();
    if (!display.isEmpty()) {
        return display;
    }
    const QString legal
        = QStringList {firstName.simplified(), surname.simplified()}.join(QLatin1Char(' ')).simplified();
    return legal.isEmpty() ? email.trimmed() : legal;
}

void Directory::add(const DirectoryEntry& entry)
{
    const QString key = normalizedEmail(entry.email);
    if (!key.isEmpty() && !m_byEmail.contains(key)) {
        m_byEmail.insert(key, m_entries.size());
    }
    m_entries.append(entry);
}

void Directory::addAlias(const QString& email, qsizetype index)
{
    const QString key = normalizedEmail(email);
    if (key.isEmpty() || index < 0 || index >= m_entries.size() || m_byAlias.contains(key)) {
        return;
    }
    m_byAlias.insert(key, index);
}

std::optional<DirectoryEntry> Directory::byEmail(const QString& email) const
{
    const QString key = normalizedEmail(email);
    if (key.isEmpty()) {
        return std::nullopt;
    }
    auto it = m_byEmail.constFind(key);
    if (it == m_byEmail.constEnd()) {
        it = m_byAlias.constFind(key);
        if (it == m_byAlias.constEnd()) {
            return std::nullopt;
        }
    }
    return m_entries.at(*it);
}

void Directory::markIncomplete(const QString& reason)
{
    if (m_complete) {
        m_complete = false;
        m_incompleteReason = reason;
    }
}

std::optional<DirectoryEntry> Directory::byLegalName(const QString& firstName, const QString& surname) const
{
    const QString first = firstName.simplified();
    const QString last = surname.simplified();
    if (first.isEmpty() || last.isEmpty()) {
        return std::nullopt;
    }
    std::optional<DirectoryEntry> found;
    for (const auto& e : m_entries) {
        if (e.firstName.simplified() == first && e.surname.simplified() == last) {
            if (found) {
                return std::nullopt; // two people with that name: not a match, never a guess
            }
            found = e;
        }
    }
    return found;
}

QJsonObject Directory::toJson() const
{
    QJsonArray entries;
    for (const auto& e : m_entries) {
        entries.append(QJsonObject {{QStringLiteral("id"), e.id}, {QStringLiteral("email"), e.email},
            {QStringLiteral("firstName"), e.firstName}, {QStringLiteral("surname"), e.surname},
            {QStringLiteral("displayName"), e.displayName}, {QStringLiteral("active"), e.active}});
    }
    return {{QStringLiteral("entries"), entries}, {QStringLiteral("complete"), m_complete},
        {QStringLiteral("incompleteReason"), m_incompleteReason}};
}

Directory Directory::fromJson(const QJsonObject& object)
{
    Directory d;
    for (const auto& v : object.value(QLatin1StringView("entries")).toArray()) {
        const QJsonObject o = v.toObject();
        DirectoryEntry e;
        e.id = o.value(QLatin1StringView("id")).toString();
        if (e.id.isEmpty()) {
            continue; // nothing to link to
        }
        e.email = o.value(QLatin1StringView("email")).toString();
        e.firstName = o.value(QLatin1StringView("firstName")).toString();
        e.surname = o.value(QLatin1StringView("surname")).toString();
        e.displayName = o.value(QLatin1StringView("displayName")).toString();
        e.active = o.value(QLatin1StringView("active")).toBool(true);
        d.add(e);
    }
    if (!object.value(QLatin1StringView("complete")).toBool(true)) {
        d.markIncomplete(object.value(QLatin1StringView("incompleteReason")).toString());
    }
    return d;
}
