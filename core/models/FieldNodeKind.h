#pragma once

// What a row of the mapping editor's field trees is (ItemRoles::NodeKindRole).
enum class FieldNodeKind : int {
    Group, // an Ashby object ("Candidate") or a target category ("Work"): not draggable, not a drop target
    Field, // a field a rule can read or write
    Placeholder, // a disabled explanatory row, e.g. "Your Ashby account has no custom fields."
};
