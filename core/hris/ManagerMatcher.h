#pragma once

#include "Hire.h"
#include "hris/Directory.h"

#include <QList>
#include <QString>

#include <optional>

struct ManagerMatch;

// How Ashby's hiring manager relates to the employees of one target (issue: never guess a manager).
struct ManagerResolution
{
    enum class State {
        NoManager, // the hire has no hiring manager in Ashby
        ByEmail, // same e-mail (trimmed, case-insensitive)
        ByLegalName, // exactly one employee with the same first name and surname
        Confirmed, // the admin picked the employee earlier (remembered per Ashby user)
        Suggestions, // no match, but close names to offer the admin
        Unmatched, // nobody close: HR sets the manager in the HRIS
    };
    State state = State::NoManager;
    std::optional<DirectoryEntry> employee; // set for ByEmail, ByLegalName, Confirmed
    QList<DirectoryEntry> suggestions; // best first, for Suggestions
    QString ashbyName;

    bool matched() const { return employee.has_value(); }
    // "email", "legalName", "confirmed", or empty: what the Hire API event's manager.matchedBy says.
    QString matchedBy() const;
    // One line for the dashboard and the push report: "Lena Fischer (by e-mail)", "Unmatched: Lena Fischer".
    QString describe(const QString& targetName) const;
};

// Matches a hire's hiring manager to an employee: the admin's remembered choice first, then e-mail, then exact legal
// name; otherwise up to five close names (folded case and diacritics, small edit distance, or the same surname) are
// offered for the admin to confirm.
class ManagerMatcher
{
public:
    static ManagerResolution resolve(
        const PersonRef& manager, const Directory& directory, const std::optional<ManagerMatch>& confirmed);
    static QList<DirectoryEntry> suggestions(const PersonRef& manager, const Directory& directory, int max = 5);
    static QString displayName(const DirectoryEntry& entry);
};
