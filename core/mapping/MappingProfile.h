#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

// What to do with a source value before it is sent.
struct Transform
{
    enum class Kind {
        None,
        DateFormat, // date/date-time → calendar date in `format` (Qt date format, default "yyyy-MM-dd"), no zone shift
        FirstName, // full name → first word
        LastName, // full name → everything after the first word
        ListLookup, // label → the target list's item (its name, or its id when listOutput == "id"); exact after
                    // trimming, case and diacritics folding; otherwise an error with the closest labels
        Constant, // always `constant`, the source is ignored
        Number, // number or numeric text → number rounded to `decimals` (-1: as is)
        Currency, // Ashby currency {value, currencyCode} → `currencyPart`: "value" | "code" | "text" ("95000 EUR")
        Join, // multi-select / list → one text joined with `separator` (default ", ")
    };

    Kind kind = Kind::None;
    QString format; // DateFormat
    QString constant; // Constant
    QString listOutput = QStringLiteral("name"); // ListLookup: "name" | "id"
    int decimals = -1; // Number
    QString currencyPart = QStringLiteral("value"); // Currency
    QString separator = QStringLiteral(", "); // Join

    static QString kindName(Kind kind); // "none", "date", "firstName", "lastName", "list", "constant", "number",
                                        // "currency", "join"
    static std::optional<Kind> kindFromName(const QString& name);
    QString describe() const; // human text for the editor and previews: "date as dd.MM.yyyy", "look up in list"
    QJsonObject toJson() const;
    static std::optional<Transform> fromJson(const QJsonObject& object, QString* error);
    friend bool operator==(const Transform&, const Transform&) = default;
};

// source path → target field id, with an optional transform and a default used when the source value is empty.
struct MappingRule
{
    QString source; // SourceField::path; empty for a Constant
    QString target; // TargetField::id
    Transform transform;
    std::optional<QString> defaultValue;

    QJsonObject toJson() const;
    static std::optional<MappingRule> fromJson(const QJsonObject& object, QString* error);
    friend bool operator==(const MappingRule&, const MappingRule&) = default;
};

// Per target, a versioned JSON document of rules. Stored as <data dir>/mapping-<target>.json.
//   { "schema": "hirebridge.mapping", "version": 1, "target": "bob", "rules": [ {source, target, transform?,
//     default?} ] }
// Version 0 (no "schema"/"version": {"target": "bob", "fields": {"<target id>": "<source path>"}}) still loads.
class MappingProfile
{
public:
    static constexpr int kCurrentVersion = 1;

    QString target = QStringLiteral("bob");
    int version = kCurrentVersion;
    QList<MappingRule> rules;

    // The built-in default: first name, surname, e-mail, start date, job title, department, site.
    static MappingProfile defaultFor(const QString& target);

    // At most one rule per target field: later rules replace earlier ones on load.
    int ruleForTarget(const QString& targetId) const; // index or -1

    QJsonObject toJson() const;
    static std::optional<MappingProfile> fromJson(const QJsonObject& object, QString* error);
    static std::optional<MappingProfile> load(const QString& filePath, QString* error);
    bool save(const QString& filePath, QString* error) const; // atomic (QSaveFile)
    static QString fileName(const QString& target) { return QStringLiteral("mapping-%1.json").arg(target); }

    friend bool operator==(const MappingProfile&, const MappingProfile&) = default;
};
