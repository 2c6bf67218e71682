#pragma once

#include <Qt>

// Custom data roles shared by the core item models and the ui delegates/proxies. Values start at Qt::UserRole so
// they never collide with Qt's own roles; append new roles at the end (tests and saved view state may rely on them).
namespace ItemRoles {
enum Role : int {
    ApplicationIdRole = Qt::UserRole + 1, // QString, every column
    PushStateRole, // int of PushState, target columns only
    TargetRole, // QString target id ("bob", ...), target columns only
    SortRole, // int rank: comparing two ranks orders rows the way the column should sort
    FilterRole, // QString, case-folded "candidate job e-mail" used by the filter, every column
    ReasonRole, // QString, why a record failed / was skipped / exists, target columns only
    RemoteIdRole, // QString, the id in the target when known, target columns only
    EmailRole, // QString, candidate e-mail, every column
    WarningsRole, // QStringList, assembly notes, every column
    // Mapping editor models (MappingRulesModel, SourceFieldsModel, TargetFieldsModel).
    NodeKindRole, // int of FieldNodeKind: group/category header, field, or explanatory placeholder row; every column
    SourcePathRole, // QString, Ashby source path: source tree fields, rules (empty for a constant)
    TargetFieldRole, // QString, target field id: target tree fields, rules
    CustomFieldRole, // bool, the field is one of the account's custom fields
    RequiredFieldRole, // bool, target field the current mode requires
    MappedSourceRole, // QString, target tree: source path of the rule writing this field; empty when unmapped
    FieldTypeRole, // QString, the raw field type (Ashby fieldType / Bob type)
    RuleRowRole, // int, rules: the rule's row; target tree: the row of the rule writing the field or -1
    // Recipients editor models (RecipientsModel, DirectoryModel); both also answer EmailRole with the person's
    // e-mail, and DirectoryModel answers FilterRole with the folded name and e-mail.
    RecipientSourceRole, // int of Recipient::Source, recipients: every column
    EmployeeIdRole, // QString, Bob employee id: directory rows, recipients picked from Bob's directory
    AlreadyRecipientRole, // bool, directory: this person is already a recipient
    UnavailableReasonRole, // QString, directory: why this person cannot be added (no e-mail, inactive); else empty
};
} // namespace ItemRoles
