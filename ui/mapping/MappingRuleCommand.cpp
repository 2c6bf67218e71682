#include "MappingRuleCommand.h"

#include "models/MappingRulesModel.h"

#include <QCoreApplication>

namespace {

QString trc(const char* text)
{
    return QCoreApplication::translate("MappingRuleCommand", text);
}

} // namespace

MappingRuleCommand::MappingRuleCommand(Kind kind, MappingRulesModel* model)
    : m_kind(kind)
    , m_model(model)
{
}

MappingRuleCommand* MappingRuleCommand::map(MappingRulesModel* model, const QString& source, const QString& target)
{
    auto* command = new MappingRuleCommand(Kind::Map, model);
    command->m_source = source;
    command->m_target = target;
    command->setText(trc("map %1 to %2").arg(model->sourceLabel(source), model->targetLabel(target)));
    return command;
}

MappingRuleCommand* MappingRuleCommand::remove(MappingRulesModel* model, int row)
{
    auto* command = new MappingRuleCommand(Kind::Remove, model);
    command->m_row = row;
    command->setText(trc("remove the rule for %1").arg(model->targetLabel(model->ruleAt(row).target)));
    return command;
}

MappingRuleCommand* MappingRuleCommand::edit(MappingRulesModel* model, int row, const MappingRule& after, bool typing)
{
    auto* command = new MappingRuleCommand(Kind::Edit, model);
    command->m_row = row;
    command->m_before = model->ruleAt(row);
    command->m_after = after;
    command->m_typing = typing;
    command->setText(trc("change the transform of %1").arg(model->targetLabel(after.target)));
    return command;
}

MappingRuleCommand* MappingRuleCommand::replaceAll(
    MappingRulesModel* model, const MappingProfile& after, const QString& text)
{
    auto* command = new MappingRuleCommand(Kind::ReplaceAll, model);
    command->m_profileBefore = model->profile();
    command->m_profileAfter = after;
    command->setText(text);
    return command;
}

void MappingRuleCommand::redo()
{
    if (!m_model) {
        return;
    }
    switch (m_kind) {
    case Kind::Map:
        m_before = m_model->applyMap(m_source, m_target);
        m_row = m_model->ruleForTarget(m_target);
        break;
    case Kind::Remove:
        m_before = m_model->removeRuleAt(m_row);
        break;
    case Kind::Edit:
        m_model->applyRule(m_row, m_after);
        break;
    case Kind::ReplaceAll:
        m_model->setProfile(m_profileAfter);
        break;
    }
}

void MappingRuleCommand::undo()
{
    if (!m_model) {
        return;
    }
    switch (m_kind) {
    case Kind::Map:
        if (m_before) {
            m_model->applyRule(m_row, *m_before);
        } else {
            m_model->removeRuleAt(m_row);
        }
        break;
    case Kind::Remove:
        if (m_before) {
            m_model->insertRuleAt(m_row, *m_before);
        }
        break;
    case Kind::Edit:
        if (m_before) {
            m_model->applyRule(m_row, *m_before);
        }
        break;
    case Kind::ReplaceAll:
        m_model->setProfile(m_profileBefore);
        break;
    }
}

int MappingRuleCommand::id() const
{
    return m_kind == Kind::Edit ? 1 : -1;
}

bool MappingRuleCommand::mergeWith(const QUndoCommand* other)
{
    const auto* next = static_cast<const MappingRuleCommand*>(other);
    if (next->m_kind != Kind::Edit || !m_typing || !next->m_typing || next->m_row != m_row) {
        return false;
    }
    m_after = next->m_after;
    return true;
}
