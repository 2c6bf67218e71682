#include "Directory.h"

#include "Hire.h"

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
