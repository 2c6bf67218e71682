#pragma once

#include <QHash>
#include <QJsonObject>
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

    // "Zoë Ångström" from the display name, else first name and surname, else the e-mail.
    QString shownName() const;
};

// The target's employees, taken once per run, looked up by normalised e-mail and by exact legal name.
class Directory
{
public:
    void add(const DirectoryEntry& entry);
    // A second address of the entry at `index` (BambooHR's homeEmail) that byEmail() also finds. A primary e-mail
    // always wins over an alias, so one person's home address cannot hide another person's work address.
    void addAlias(const QString& email, qsizetype index);
    std::optional<DirectoryEntry> byEmail(const QString& email) const;
    // Exact legal name: first name and surname equal after trimming (case-sensitive, diacritics kept).
    std::optional<DirectoryEntry> byLegalName(const QString& firstName, const QString& surname) const;
    qsizetype size() const { return m_entries.size(); }
    const QList<DirectoryEntry>& entries() const { return m_entries; }

    // false when the target hid something the duplicate check needs (BambooHR lists workEmail in _restrictedFields):
    // a miss in byEmail() then proves nothing, so the push must not create hires it cannot verify.
    bool isComplete() const { return m_complete; }
    QString incompleteReason() const { return m_incompleteReason; }
    void markIncomplete(const QString& reason);

    // For the ledger's cache (the dashboard matches hiring managers offline): entries, aliases are dropped.
    QJsonObject toJson() const;
    static Directory fromJson(const QJsonObject& object);
    static QString cacheKey(const QString& target) { return QStringLiteral("directory:") + target; }

private:
    QList<DirectoryEntry> m_entries;
    QHash<QString, qsizetype> m_byEmail;
    QHash<QString, qsizetype> m_byAlias;
    bool m_complete = true;
    QString m_incompleteReason;
};
