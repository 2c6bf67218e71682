#include "ManagerMatcher.h"

#include "ledger/Ledger.h"
#include "mapping/MappingEngine.h"

#include <QCoreApplication>

#include <algorithm>

QString ManagerResolution::matchedBy() const
{
    switch (state) {
    case State::ByEmail:
        return QStringLiteral("email");
    case State::ByLegalName:
        return QStringLiteral("legalName");
    case State::Confirmed:
        return QStringLiteral("confirmed");
    case State::NoManager:
    case State::Suggestions:
    case State::Unmatched:
        break;
    }
    return {};
}

QString ManagerResolution::describe(const QString& targetName) const
{
    const auto tr = [](const char* text) { return QCoreApplication::translate("ManagerResolution", text); };
    switch (state) {
    case State::NoManager:
        return tr("No hiring manager in Ashby");
    case State::ByEmail:
        return tr("%1 (matched by e-mail)").arg(ManagerMatcher::displayName(*employee));
    case State::ByLegalName:
        return tr("%1 (matched by legal name)").arg(ManagerMatcher::displayName(*employee));
    case State::Confirmed:
        return tr("%1 (confirmed by you)").arg(ManagerMatcher::displayName(*employee));
    case State::Suggestions:
        // Spelled out per count: the app ships no plural forms, so "%n name(s)" would show as written.
        return suggestions.size() == 1 ? tr("%1: not found in %2, one close name to confirm").arg(ashbyName, targetName)
                                       : tr("%1: not found in %2, %3 close names to confirm")
                                             .arg(ashbyName, targetName, QString::number(suggestions.size()));
    case State::Unmatched:
        return tr("%1: not found in %2, HR sets the manager there").arg(ashbyName, targetName);
    }
    return {};
}

QString ManagerMatcher::displayName(const DirectoryEntry& entry)
{
    return entry.shownName();
}

ManagerResolution ManagerMatcher::resolve(
    const PersonRef& manager, const Directory& directory, const std::optional<ManagerMatch>& confirmed)
{
    ManagerResolution r;
    if (manager.isEmpty()) {
        return r;
    }
    r.ashbyName = manager.displayName();
    if (confirmed && !confirmed->employeeId.isEmpty()) {
        DirectoryEntry e;
        e.id = confirmed->employeeId;
        e.displayName = confirmed->employeeName;
        e.email = confirmed->employeeEmail;
        // Prefer the directory's current view of that employee when it has one.
        for (const auto& entry : directory.entries()) {
            if (entry.id == e.id) {
                e = entry;
                break;
            }
        }
        r.state = ManagerResolution::State::Confirmed;
        r.employee = e;
        return r;
    }
    if (auto byEmail = directory.byEmail(manager.email)) {
        r.state = ManagerResolution::State::ByEmail;
        r.employee = byEmail;
        return r;
    }
    if (auto byName = directory.byLegalName(manager.firstName, manager.lastName)) {
        r.state = ManagerResolution::State::ByLegalName;
        r.employee = byName;
        return r;
    }
    r.suggestions = suggestions(manager, directory);
    r.state = r.suggestions.isEmpty() ? ManagerResolution::State::Unmatched : ManagerResolution::State::Suggestions;
    return r;
}

QList<DirectoryEntry> ManagerMatcher::suggestions(const PersonRef& manager, const Directory& directory, int max)
{
    const QString wanted = MappingEngine::foldForLookup(
        QStringList {manager.firstName, manager.lastName}.join(QLatin1Char(' ')).simplified().isEmpty()
            ? manager.displayName()
            : QStringList {manager.firstName, manager.lastName}.join(QLatin1Char(' ')));
    const QString wantedSurname = MappingEngine::foldForLookup(manager.lastName);
    const QString wantedLocal = manager.email.section(QLatin1Char('@'), 0, 0).toLower();
    if (wanted.isEmpty() || max <= 0) {
        return {};
    }
    struct Candidate
    {
        int score;
        qsizetype index;
    };
    std::vector<Candidate> candidates;
    // Close enough to offer: a typo or two per name (a quarter of the length), the same surname (a married name, a
    // nickname as first name), or the same local part of the e-mail at another domain.
    const int bound = std::max(3, int(wanted.size() / 4) + 1);
    const auto& entries = directory.entries();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const auto& e = entries.at(i);
        const QString full = MappingEngine::foldForLookup(
            e.firstName.isEmpty() && e.surname.isEmpty() ? e.displayName : e.firstName + QLatin1Char(' ') + e.surname);
        int score = MappingEngine::boundedEditDistance(wanted, full, bound);
        const QString display = MappingEngine::foldForLookup(e.displayName);
        if (!display.isEmpty()) {
            score = std::min(score, MappingEngine::boundedEditDistance(wanted, display, bound));
        }
        if (score >= bound && !wantedSurname.isEmpty() && MappingEngine::foldForLookup(e.surname) == wantedSurname) {
            score = bound - 1;
        }
        if (score >= bound && !wantedLocal.isEmpty()
            && e.email.section(QLatin1Char('@'), 0, 0).toLower() == wantedLocal) {
            score = bound - 1;
        }
        if (score < bound) {
            candidates.push_back({score, i});
        }
    }
    std::stable_sort(
        candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) { return a.score < b.score; });
    QList<DirectoryEntry> out;
    for (const auto& c : candidates) {
        if (out.size() >= max) {
            break;
        }
        out.append(entries.at(c.index));
    }
    return out;
}
