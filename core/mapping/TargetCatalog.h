#pragma once

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

struct ListItem
{
    QString id; // compared as strings (Bob sends numbers and strings)
    QString name;
    bool archived = false;
    QList<ListItem> children; // hierarchy lists
};

// One field of the target HRIS, from its own metadata (Bob: GET /v1/company/people/fields).
struct TargetField
{
    QString id; // "root.firstName", "work.site", "identification.custom.Ashby candidate ID_7QmPz"
    QString name; // label shown in the HRIS
    QString category; // category id ("root", "work", "category_1645…")
    QString categoryDisplayName;
    QString type; // Bob types: text, text-area, number, date, short-date, boolean, time, list, multi-list,
                  // hierarchy-list, currency, employee-reference, document
    QString listId; // named list for list types
    QString jsonPath;
    bool custom = false;
    bool required = false; // required for the current mode (see TargetCatalog::markRequired)
    int maxLength = 0; // 0 = no known limit (Bob: 50 for first name and surname)
    bool historical = false;
};

// A target's field catalogue with its named lists, cached in the ledger with the time it was fetched.
class TargetCatalog
{
public:
    QString target; // "bob"
    QDateTime fetchedAt;
    QList<TargetField> fields;
    QHash<QString, QList<ListItem>> lists; // by list id / name ("site", "department", "title")

    // Parses Bob's fields metadata (a JSON array) and named lists (an object keyed by list name whose values hold
    // `values` or `items` or are a bare array, nested `children`; an empty body means no lists). Item ids arrive as
    // numbers or strings and are kept as strings; a duplicate field id keeps the first entry. Custom fields: id
    // contains ".custom." or the category starts with "category_". Returns nullopt with *error naming what is wrong.
    static std::optional<TargetCatalog> fromBob(
        const QByteArray& fieldsBody, const QByteArray& namedListsBody, QString* error);
    // Parses BambooHR's GET /v1/meta/fields (a JSON array of {id, name, type, alias}) and GET /v1/meta/lists (an
    // array of {fieldId, alias, multiple, options: [{id, name, archived}]}; an empty body means no lists). A field's
    // id is its alias when it has one, else its numeric id as text: the create body takes either. List fields get
    // listId = that id, and their options are stored under it. Returns nullopt with *error naming what is wrong.
    static std::optional<TargetCatalog> fromBambooHr(
        const QByteArray& fieldsBody, const QByteArray& listsBody, QString* error);
    // Parses Personio's GET /v1/company/employees/attributes ({"success": true, "data": [{key, label, type,
    // options}]}): id = key, name = label; list and tags attributes keep their options as a list under the key.
    static std::optional<TargetCatalog> fromPersonio(const QByteArray& attributesBody, QString* error);
    // Bob's required fields: direct mode needs first name, surname, e-mail, site and start date (Bob rejects a create
    // without them); the Hire API requires nothing (Bob's docs), so only the e-mail is, for the duplicate check.
    // BambooHR and Personio (any mode): first name, last name and the e-mail (BambooHR itself only needs the names,
    // but without a work e-mail our duplicate check has nothing to look up).
    static QStringList requiredFields(const QString& target, bool directMode);
    void markRequired(bool directMode);

    const TargetField* field(const QString& id) const;
    const QList<ListItem>* list(const QString& listId) const;
    bool hasCustomFields() const;

    QJsonObject toJson() const;
    static std::optional<TargetCatalog> fromJson(const QJsonObject& object, QString* error);
    // The fields every Bob tenant has, for when the catalogue has not been fetched yet. Its lists are empty.
    static TargetCatalog bobBuiltin();
    // The same for BambooHR (fields meta/fields is known to leave out) and Personio (the standard attributes).
    static TargetCatalog bambooHrBuiltin();
    static TargetCatalog personioBuiltin();

    // list, multi-list and hierarchy-list: the types whose values must name an entry of a named list.
    static bool isListType(const QString& type);
    // Bodies above this size are refused before parsing (Bob's metadata is a few hundred kilobytes).
    static constexpr qsizetype kMaxBodySize = 32 * 1024 * 1024;
};
