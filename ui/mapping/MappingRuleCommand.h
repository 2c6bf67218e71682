#pragma once

#include "mapping/MappingProfile.h"

#include <QPointer>
#include <QUndoCommand>

#include <optional>

class MappingRulesModel;

// One undoable change of the edited rules: map a source onto a target (adding or replacing a rule), remove a rule,
// edit a rule's transform or default, or replace every rule (revert). Consecutive edits of one rule while typing
// merge into one step, so Ctrl+Z undoes a word, not a letter.
class MappingRuleCommand : public QUndoCommand
{
public:
    static MappingRuleCommand* map(MappingRulesModel* model, const QString& source, const QString& target);
    static MappingRuleCommand* remove(MappingRulesModel* model, int row);
    static MappingRuleCommand* edit(MappingRulesModel* model, int row, const MappingRule& after, bool typing);
    static MappingRuleCommand* replaceAll(MappingRulesModel* model, const MappingProfile& after, const QString& text);

    void redo() override;
    void undo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand* other) override;

    // The rule row the command touched last, for the editor to select.
    int row() const { return m_row; }

private:
    enum class Kind { Map, Remove, Edit, ReplaceAll };
    MappingRuleCommand(Kind kind, MappingRulesModel* model);

    Kind m_kind;
    QPointer<MappingRulesModel> m_model;
    int m_row = -1;
    QString m_source;
    QString m_target;
    std::optional<MappingRule> m_before; // Map: the replaced rule; Remove: the removed rule; Edit: the old rule
    MappingRule m_after;
    MappingProfile m_profileBefore;
    MappingProfile m_profileAfter;
    bool m_typing = false;
};
