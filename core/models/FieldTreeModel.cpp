#include "FieldTreeModel.h"

#include "FieldFilterProxyModel.h"
#include "ItemRoles.h"

namespace {

// internalId of a group row; field rows carry their group's row + 1.
constexpr quintptr GroupId = 0;

} // namespace

FieldTreeModel::FieldTreeModel(QObject* parent)
    : QAbstractItemModel(parent)
{
}

QModelIndex FieldTreeModel::indexForField(const QString& id, int column) const
{
    if (id.isEmpty()) {
        return {};
    }
    for (int group = 0; group < m_groups.size(); ++group) {
        const QList<Node>& children = m_groups.at(group).children;
        for (int row = 0; row < children.size(); ++row) {
            if (children.at(row).kind == FieldNodeKind::Field && children.at(row).id == id) {
                return createIndex(row, column, quintptr(group) + 1);
            }
        }
    }
    return {};
}

QString FieldTreeModel::fieldAt(const QModelIndex& index) const
{
    const Node* node = nodeAt(index);
    return node && node->kind == FieldNodeKind::Field ? node->id : QString();
}

FieldNodeKind FieldTreeModel::kindAt(const QModelIndex& index) const
{
    const Node* node = nodeAt(index);
    return node ? node->kind : FieldNodeKind::Placeholder;
}

int FieldTreeModel::fieldCount() const
{
    int count = 0;
    for (const Group& group : m_groups) {
        for (const Node& node : group.children) {
            count += node.kind == FieldNodeKind::Field ? 1 : 0;
        }
    }
    return count;
}

QModelIndex FieldTreeModel::index(int row, int column, const QModelIndex& parent) const
{
    if (row < 0 || column < 0 || column >= columnCount(parent)) {
        return {};
    }
    if (!parent.isValid()) {
        return row < m_groups.size() ? createIndex(row, column, GroupId) : QModelIndex();
    }
    if (parent.internalId() != GroupId || parent.row() >= m_groups.size()) {
        return {};
    }
    return row < m_groups.at(parent.row()).children.size() ? createIndex(row, column, quintptr(parent.row()) + 1)
                                                           : QModelIndex();
}

QModelIndex FieldTreeModel::parent(const QModelIndex& child) const
{
    if (!child.isValid() || child.internalId() == GroupId) {
        return {};
    }
    return createIndex(int(child.internalId() - 1), 0, GroupId);
}

int FieldTreeModel::rowCount(const QModelIndex& parent) const
{
    if (!parent.isValid()) {
        return int(m_groups.size());
    }
    if (parent.column() != 0 || parent.internalId() != GroupId || parent.row() >= m_groups.size()) {
        return 0;
    }
    return int(m_groups.at(parent.row()).children.size());
}

const FieldTreeModel::Node* FieldTreeModel::nodeAt(const QModelIndex& index) const
{
    if (!index.isValid() || index.model() != this) {
        return nullptr;
    }
    if (index.internalId() == GroupId) {
        return index.row() < m_groups.size() ? &m_groups.at(index.row()).header : nullptr;
    }
    const qsizetype group = qsizetype(index.internalId() - 1);
    if (group >= m_groups.size() || index.row() >= m_groups.at(group).children.size()) {
        return nullptr;
    }
    return &m_groups.at(group).children.at(index.row());
}

QVariant FieldTreeModel::commonData(const Node& node, const QModelIndex& index, int role) const
{
    Q_UNUSED(index)
    switch (role) {
    case ItemRoles::NodeKindRole:
        return int(node.kind);
    case ItemRoles::FilterRole:
        return node.filterKey;
    case ItemRoles::CustomFieldRole:
        return node.custom;
    case ItemRoles::RequiredFieldRole:
        return node.required;
    case ItemRoles::FieldTypeRole:
        return node.type;
    case Qt::ToolTipRole:
        return node.toolTip.isEmpty() ? QVariant() : QVariant(node.toolTip);
    default:
        break;
    }
    return {};
}

FieldTreeModel::Group FieldTreeModel::makeGroup(const QString& label)
{
    Group group;
    group.header.kind = FieldNodeKind::Group;
    group.header.label = label;
    group.header.filterKey = FieldFilterProxyModel::fold(label);
    return group;
}

FieldTreeModel::Node FieldTreeModel::makePlaceholder(const QString& text)
{
    Node node;
    node.kind = FieldNodeKind::Placeholder;
    node.label = text;
    node.toolTip = text;
    return node;
}
