#include "MappingRulesModel.h"

#include "FieldNodeKind.h"
#include "ItemRoles.h"
#include "mapping/SourceCatalog.h"
#include "mapping/TargetCatalog.h"

#include <algorithm>

namespace {

bool isDateType(const QString& type)
{
    return type == QLatin1String("date") || type == QLatin1String("short-date");
}

} // namespace

MappingRulesModel::MappingRulesModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void MappingRulesModel::setProfile(const MappingProfile& profile)
{
    beginResetModel();
    m_profile = profile;
    endResetModel();
    Q_EMIT rulesChanged();
}

void MappingRulesModel::setCatalogs(const SourceCatalog* sources, const TargetCatalog* targets)
{
    m_sources = sources;
    m_targets = targets;
    if (!m_profile.rules.isEmpty()) {
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    }
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1); // "Bob field" names the target
}

std::optional<MappingRule> MappingRulesModel::applyMap(const QString& sourcePath, const QString& targetId)
{
    MappingRule rule;
    rule.source = sourcePath;
    rule.target = targetId;
    rule.transform = suggestedTransform(sourcePath, targetId);
    const int existing = ruleForTarget(targetId);
    if (existing < 0) {
        insertRuleAt(rowCount(), rule);
        return std::nullopt;
    }
    const MappingRule previous = m_profile.rules.at(existing);
    // The default belongs to the target field ("Remote" when no site), so it survives a new source.
    rule.defaultValue = previous.defaultValue;
    applyRule(existing, rule);
    return previous;
}

void MappingRulesModel::applyRule(int row, const MappingRule& rule)
{
    if (row < 0 || row >= rowCount()) {
        return;
    }
    m_profile.rules[row] = rule;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    Q_EMIT rulesChanged();
}

void MappingRulesModel::insertRuleAt(int row, const MappingRule& rule)
{
    row = std::clamp(row, 0, rowCount());
    beginInsertRows({}, row, row);
    m_profile.rules.insert(row, rule);
    endInsertRows();
    Q_EMIT rulesChanged();
}

MappingRule MappingRulesModel::removeRuleAt(int row)
{
    if (row < 0 || row >= rowCount()) {
        return {};
    }
    beginRemoveRows({}, row, row);
    const MappingRule removed = m_profile.rules.takeAt(row);
    endRemoveRows();
    Q_EMIT rulesChanged();
    return removed;
}

int MappingRulesModel::ruleForTarget(const QString& targetId) const
{
    // The last rule wins, as when the profile is loaded.
    for (int row = rowCount() - 1; row >= 0; --row) {
        if (m_profile.rules.at(row).target == targetId) {
            return row;
        }
    }
    return -1;
}

void MappingRulesModel::requestMap(const QString& sourcePath, const QString& targetId)
{
    if (sourcePath.isEmpty() || targetId.isEmpty()) {
        return;
    }
    if (m_mapHandler) {
        m_mapHandler(sourcePath, targetId);
    } else {
        applyMap(sourcePath, targetId);
    }
}

QString MappingRulesModel::sourceLabel(const QString& sourcePath) const
{
    if (sourcePath.isEmpty()) {
        return tr("Constant");
    }
    if (m_sources) {
        if (const std::optional<SourceField> field = m_sources->field(sourcePath)) {
            // "Hiring manager's e-mail" already says its group.
            if (field->group.isEmpty() || field->label.startsWith(field->group, Qt::CaseInsensitive)) {
                return field->label;
            }
            return tr("%1 › %2", "source group › field").arg(field->group, field->label);
        }
    }
    return sourcePath;
}

QString MappingRulesModel::targetLabel(const QString& targetId) const
{
    if (m_targets) {
        if (const TargetField* field = m_targets->field(targetId)) {
            return field->name.isEmpty() ? targetId : field->name;
        }
    }
    return targetId;
}

QString MappingRulesModel::transformText(const MappingRule& rule, const TargetField* target)
{
    QString text = rule.transform.kind == Transform::Kind::None ? QString() : rule.transform.describe();
    if (text.isEmpty()) {
        // The engine looks list values up even without a transform; "as is" would hide that.
        text = target && TargetCatalog::isListType(target->type) ? tr("look up in list") : tr("as is");
    }
    if (rule.defaultValue && !rule.defaultValue->isEmpty()) {
        text = tr("%1 · if empty: “%2”", "transform · default").arg(text, *rule.defaultValue);
    }
    return text;
}

Transform MappingRulesModel::suggestedTransform(const QString& sourcePath, const QString& targetId) const
{
    Transform transform;
    const std::optional<SourceField> source = m_sources ? m_sources->field(sourcePath) : std::nullopt;
    const TargetField* target = m_targets ? m_targets->field(targetId) : nullptr;
    const QString sourceType = source ? source->ashbyType : QString();
    const QString targetType = target ? target->type : QString();

    if (TargetCatalog::isListType(targetType)) {
        transform.kind = Transform::Kind::ListLookup;
    } else if (sourceType == QLatin1String("Currency") || sourcePath.endsWith(QLatin1String(".salary"))) {
        transform.kind = Transform::Kind::Currency;
        transform.currencyPart = targetType == QLatin1String("currency") || targetType == QLatin1String("number")
            ? QStringLiteral("value")
            : QStringLiteral("text");
    } else if (sourceType == QLatin1String("MultiValueSelect")) {
        transform.kind = Transform::Kind::Join;
    } else if (isDateType(targetType) && sourceType == QLatin1String("Date")) {
        // Ashby may send a date-time; the target wants the calendar date.
        transform.kind = Transform::Kind::DateFormat;
        transform.format = QStringLiteral("yyyy-MM-dd");
    } else if (sourcePath.endsWith(QLatin1String(".name"))) {
        const QString lowerTarget = targetId.toLower();
        if (lowerTarget.endsWith(QLatin1String("firstname"))) {
            transform.kind = Transform::Kind::FirstName;
        } else if (lowerTarget.endsWith(QLatin1String("surname")) || lowerTarget.endsWith(QLatin1String("lastname"))) {
            transform.kind = Transform::Kind::LastName;
        }
    }
    return transform;
}

int MappingRulesModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_profile.rules.size());
}

int MappingRulesModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MappingRulesModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const MappingRule& rule = m_profile.rules.at(index.row());
    const TargetField* target = m_targets ? m_targets->field(rule.target) : nullptr;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case SourceColumn:
            if (rule.transform.kind == Transform::Kind::Constant) {
                return tr("Constant “%1”").arg(rule.transform.constant);
            }
            return sourceLabel(rule.source);
        case TransformColumn:
            return transformText(rule, target);
        case TargetColumn:
            return targetLabel(rule.target);
        }
        break;
    case Qt::ToolTipRole:
        switch (index.column()) {
        case SourceColumn:
            return rule.source.isEmpty() ? tr("No source: the value is a constant")
                                         : tr("Ashby field %1").arg(rule.source);
        case TransformColumn:
            return transformText(rule, target);
        case TargetColumn:
            if (!target) {
                return tr("%1 (not in the target's field list)").arg(rule.target);
            }
            return target->categoryDisplayName.isEmpty() ? rule.target
                                                         : tr("%1 in %2").arg(rule.target, target->categoryDisplayName);
        }
        break;
    case ItemRoles::SourcePathRole:
        return rule.source;
    case ItemRoles::TargetFieldRole:
        return rule.target;
    case ItemRoles::RuleRowRole:
        return index.row();
    case ItemRoles::RequiredFieldRole:
        return index.column() == TargetColumn && target && target->required;
    case ItemRoles::CustomFieldRole:
        if (index.column() == TargetColumn) {
            return target && target->custom;
        }
        if (index.column() == SourceColumn && m_sources) {
            const std::optional<SourceField> source = m_sources->field(rule.source);
            return source && source->custom;
        }
        return false;
    case ItemRoles::NodeKindRole:
        return int(FieldNodeKind::Field); // a rule paints like a field row in the delegates
    default:
        break;
    }
    return {};
}

QVariant MappingRulesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case SourceColumn:
        return tr("Ashby field");
    case TransformColumn:
        return tr("Transform");
    case TargetColumn:
        return m_targets && !m_targets->target.isEmpty() && m_targets->target != QLatin1String("bob")
            ? tr("Target field")
            : tr("Bob field");
    }
    return {};
}

Qt::ItemFlags MappingRulesModel::flags(const QModelIndex& index) const
{
    if (!index.isValid()) {
        return Qt::NoItemFlags;
    }
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}
