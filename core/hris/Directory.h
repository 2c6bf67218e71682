#pragma once

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

// One employee of a target as seen in its directory snapshot (Bob people search, BambooHR directory, ...).
struct DirectoryEntry
{
    QString id;
    QString email;
    QString firstName;
    QString surname;
    QString displayName;
    bool active = true;
};

// The target's employees, taken once per run, looked up by normalised e-mail and by exact legal name.
class Directory
{
public:
    void add(const DirectoryEntry& entry);
    std::optional<DirectoryEntry> byEmail(const QString& email) const;
    // Exact legal name: first name and surname equal after trimming (case-sensitive, diacritics kept).
    std::optional<DirectoryEntry> byLegalName(const QString& firstName, const QString& surname) const;
    qsizetype size() const { return m_entries.size(); }
    const QList<DirectoryEntry>& entries() const { return m_entries; }

private:
    QList<DirectoryEntry> m_entries;
    QHash<QString, qsizetype> m_byEmail;
};
