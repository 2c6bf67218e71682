#pragma once

#include "Hire.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// One Ashby field a mapping rule can read. Paths are stable ids stored in mapping profiles:
//   candidate.name | candidate.firstName | candidate.lastName | candidate.email | candidate.phone | candidate.id |
//   candidate.profileUrl | application.id | job.title | job.department | job.location | job.employmentType |
//   offer.id | offer.startDate | offer.salary.value | offer.salary.currencyCode |
//   hiringManager.name | hiringManager.firstName | hiringManager.lastName | hiringManager.email |
//   custom.<definition id>   (Ashby custom field ids are unique across object types)
struct SourceField
{
    QString path;
    QString label; // "First name", "Relocation package"
    QString group; // "Candidate" | "Application" | "Offer" | "Job" | "Hiring manager"
    QString ashbyType; // String, LongText, Number, Date, Boolean, ValueSelect, MultiValueSelect, Currency, ...
    bool custom = false;
    bool archived = false;
    QStringList options; // labels of a (Multi)ValueSelect
};

// The fields of Ashby a mapping can use: the built-in ones plus the account's custom field definitions
// (customField.list results, archived ones included so old values still resolve).
class SourceCatalog
{
public:
    static QList<SourceField> builtinFields();
    // `definitions` is the customField.list results array. Unreadable entries are skipped (and named in *error).
    static SourceCatalog fromDefinitions(const QJsonArray& definitions, QString* error = nullptr);

    const QList<SourceField>& fields() const { return m_fields; }
    std::optional<SourceField> field(const QString& path) const;
    bool hasCustomFields() const;
    QJsonArray definitions() const { return m_definitions; } // for caching

    // The value of `path` on a hire: a string, number, bool, array (multi-select) or object (currency); undefined
    // when the hire has no value there. Select values resolve to their labels.
    static QJsonValue resolve(const Hire& hire, const QString& path);
    static QString customPath(const QString& definitionId) { return QStringLiteral("custom.") + definitionId; }

    // For callers that resolve one path for many hires (the mapping engine): the accessor of a built-in path,
    // nullptr for custom or unknown paths.
    using Accessor = QJsonValue (*)(const Hire&);
    static Accessor builtinAccessor(const QString& path);
    // One custom value as resolve() gives it. `fieldType` stands in when the value carries none (definition
    // unknown when the hire was assembled); without either the JSON type decides.
    static QJsonValue customValue(const CustomFieldValue& value, const QString& fieldType = {});
    // "Candidate" → "Candidate", "Offer_Version" → "Offer", "Application" → "Application", ...
    static QString groupForObjectType(const QString& objectType);

private:
    QList<SourceField> m_fields;
    QHash<QString, qsizetype> m_byPath;
    QJsonArray m_definitions;
};
