#include "TargetFieldsModel.h"

#include "FieldFilterProxyModel.h"
#include "HiresModel.h"
#include "ItemRoles.h"
#include "MappingRulesModel.h"
#include "SourceFieldsModel.h"
#include "mapping/TargetCatalog.h"

#include <QMimeData>

#include <algorithm>
#include <iterator>

TargetFieldsModel::TargetFieldsModel(MappingRulesModel* rules, QObject* parent)
    : FieldTreeModel(parent)
    , m_rules(rules)
    , m_targetName(HiresModel::targetDisplayName(QStringLiteral("bob")))
{
    if (m_rules) {
        connect(m_rules, &MappingRulesModel::rulesChanged, this, &TargetFieldsModel::onRulesChanged);
        // Labels of the mapped sources change with the catalogues.
        connect(m_rules, &QAbstractItemModel::dataChanged, this, &TargetFieldsModel::onRulesChanged);
    }
    onRulesChanged();
}

void TargetFieldsModel::setCatalog(const TargetCatalog& catalog)
{
    beginResetModel();
    m_groups.clear();
    m_targetName = HiresModel::targetDisplayName(catalog.target.isEmpty() ? QStringLiteral("bob") : catalog.target);
    bool anyCustom = false;
    for (const TargetField& field : catalog.fields) {
        anyCustom = anyCustom || field.custom;
        const QString categoryLabel = !field.categoryDisplayName.isEmpty() ? field.categoryDisplayName
            : !field.category.isEmpty()                                    ? field.category
                                                                           : tr("Other");
        auto group = std::find_if(
            m_groups.begin(), m_groups.end(), [&](const Group& g) { return g.header.label == categoryLabel; });
        if (group == m_groups.end()) {
            m_groups.append(makeGroup(categoryLabel));
            group = std::prev(m_groups.end());
        }
        Node node;
        node.id = field.id;
        node.label = field.name.isEmpty() ? field.id : field.name;
        node.type = field.type;
        node.typeText = typeText(field.type);
        node.custom = field.custom;
        node.required = field.required;
        QStringList tip {tr("%1 › %2").arg(categoryLabel, node.label), tr("Field id: %1").arg(field.id),
            tr("Type: %1").arg(node.typeText)};
        if (!field.listId.isEmpty()) {
            tip << tr("Values from the list “%1”").arg(field.listId);
        }
        if (field.required) {
            tip << tr("Required: a hire without a value here is not sent");
        }
        if (field.maxLength > 0) {
            tip << tr("At most %n characters", nullptr, field.maxLength);
        }
        if (field.custom) {
            tip << tr("Custom field of your %1 account").arg(m_targetName);
        }
        node.toolTip = tip.join(QLatin1Char('\n'));
        node.filterKey = FieldFilterProxyModel::fold(QStringList {node.label, field.id, node.typeText, categoryLabel,
            field.custom ? tr("custom") : QString(), field.required ? tr("required") : QString()}
                                                         .join(QLatin1Char(' ')));
        group->children.append(node);
    }
    if (!anyCustom) {
        Group custom = makeGroup(tr("Custom fields"));
        custom.children.append(makePlaceholder(noCustomFieldsText(m_targetName)));
        m_groups.append(custom);
    }
    endResetModel();
}

QString TargetFieldsModel::typeText(const QString& bobType)
{
    if (bobType == QLatin1String("text")) {
        return tr("Text");
    }
    if (bobType == QLatin1String("text-area")) {
        return tr("Long text");
    }
    if (bobType == QLatin1String("number")) {
        return tr("Number");
    }
    if (bobType == QLatin1String("date") || bobType == QLatin1String("short-date")) {
        return tr("Date");
    }
    if (bobType == QLatin1String("boolean")) {
        return tr("Yes / no");
    }
    if (bobType == QLatin1String("time")) {
        return tr("Time");
    }
    if (bobType == QLatin1String("list")) {
        return tr("List");
    }
    if (bobType == QLatin1String("multi-list")) {
        return tr("Multi-list");
    }
    if (bobType == QLatin1String("hierarchy-list")) {
        return tr("Hierarchy list");
    }
    if (bobType == QLatin1String("currency")) {
        return tr("Money");
    }
    if (bobType == QLatin1String("employee-reference")) {
        return tr("Employee");
    }
    if (bobType == QLatin1String("document")) {
        return tr("Document");
    }
    return bobType;
}

QString TargetFieldsModel::noCustomFieldsText(const QString& targetName)
{
    return tr("%1 shows no custom fields for this account.").arg(targetName);
}

int TargetFieldsModel::columnCount(const QModelIndex& parent) const
{
    Q_UNUSED(parent)
    return ColumnCount;
}

QVariant TargetFieldsModel::data(const QModelIndex& index, int role) const
{
    const Node* node = nodeAt(index);
    if (!node) {
        return {};
    }
    const bool field = node->kind == FieldNodeKind::Field;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return node->label;
        case MappedFromColumn:
            return field ? mappedFromText(node->id) : QString();
        case TypeColumn:
            return field ? node->typeText : QString();
        }
        return {};
    case Qt::AccessibleTextRole:
        if (index.column() == NameColumn && field) {
            QStringList parts {node->label};
            if (node->required) {
                parts << tr("required");
            }
            if (node->custom) {
                parts << tr("custom field");
            }
            return parts.join(QStringLiteral(", "));
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == MappedFromColumn && field) {
            const QString mapped = mappedFromText(node->id);
            return mapped.isEmpty() ? tr("Not mapped: drop an Ashby field here") : mapped;
        }
        return commonData(*node, index, role);
    case ItemRoles::TargetFieldRole:
        return field ? node->id : QString();
    case ItemRoles::MappedSourceRole: {
        const int row = field ? m_ruleByTarget.value(node->id, -1) : -1;
        return row >= 0 && m_rules ? m_rules->ruleAt(row).source : QString();
    }
    case ItemRoles::RuleRowRole:
        return field ? m_ruleByTarget.value(node->id, -1) : -1;
    default:
        break;
    }
    return commonData(*node, index, role);
}

QVariant TargetFieldsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole) {
        switch (section) {
        case NameColumn:
            return tr("%1 field").arg(m_targetName);
        case MappedFromColumn:
            return tr("Mapped from");
        case TypeColumn:
            return tr("Type");
        }
    }
    return FieldTreeModel::headerData(section, orientation, role);
}

Qt::ItemFlags TargetFieldsModel::flags(const QModelIndex& index) const
{
    const Node* node = nodeAt(index);
    if (!node) {
        return Qt::NoItemFlags;
    }
    switch (node->kind) {
    case FieldNodeKind::Group:
        return Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    case FieldNodeKind::Field:
        return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDropEnabled | Qt::ItemNeverHasChildren;
    case FieldNodeKind::Placeholder:
        return Qt::ItemNeverHasChildren;
    }
    return Qt::NoItemFlags;
}

QStringList TargetFieldsModel::mimeTypes() const
{
    return {SourceFieldsModel::mimeType()};
}

Qt::DropActions TargetFieldsModel::supportedDropActions() const
{
    return Qt::CopyAction;
}

bool TargetFieldsModel::canDropMimeData(
    const QMimeData* data, Qt::DropAction action, int row, int column, const QModelIndex& parent) const
{
    Q_UNUSED(column)
    // Only "on a field": row -1 means the drop is on `parent` itself, not between its children.
    if (!m_rules || row != -1 || (action != Qt::CopyAction && action != Qt::MoveAction)) {
        return false;
    }
    if (fieldAt(parent).isEmpty()) {
        return false;
    }
    return !SourceFieldsModel::pathsFromMimeData(data).isEmpty();
}

bool TargetFieldsModel::dropMimeData(
    const QMimeData* data, Qt::DropAction action, int row, int column, const QModelIndex& parent)
{
    if (!canDropMimeData(data, action, row, column, parent)) {
        return false;
    }
    // One rule per target field: of several dragged sources the first is mapped.
    m_rules->requestMap(SourceFieldsModel::pathsFromMimeData(data).constFirst(), fieldAt(parent));
    return true;
}

void TargetFieldsModel::onRulesChanged()
{
    m_ruleByTarget.clear();
    if (m_rules) {
        const QList<MappingRule>& rules = m_rules->rules();
        for (int row = 0; row < rules.size(); ++row) {
            m_ruleByTarget.insert(rules.at(row).target, row); // the last rule on a target wins
        }
    }
    for (int group = 0; group < m_groups.size(); ++group) {
        const int count = int(m_groups.at(group).children.size());
        if (count > 0) {
            const QModelIndex parent = index(group, 0);
            Q_EMIT dataChanged(index(0, 0, parent), index(count - 1, ColumnCount - 1, parent));
        }
    }
}

QString TargetFieldsModel::mappedFromText(const QString& targetId) const
{
    const int row = m_ruleByTarget.value(targetId, -1);
    if (row < 0 || !m_rules || row >= m_rules->rowCount()) {
        return {};
    }
    const MappingRule& rule = m_rules->ruleAt(row);
    if (rule.transform.kind == Transform::Kind::Constant) {
        return tr("Constant “%1”").arg(rule.transform.constant);
    }
    return m_rules->sourceLabel(rule.source);
}
