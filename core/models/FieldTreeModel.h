#pragma once

#include "FieldNodeKind.h"

#include <QAbstractItemModel>
#include <QList>
#include <QString>

// Two-level tree shared by the mapping editor's field trees: groups (Ashby objects, target categories) holding
// field rows. Subclasses fill m_groups inside a reset and add their own columns, roles, and drag or drop.
class FieldTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    explicit FieldTreeModel(QObject* parent = nullptr);

    // The row of a field (column `column`), or an invalid index when the tree does not show it.
    QModelIndex indexForField(const QString& id, int column = 0) const;
    // The field id (source path / target field id) of a field row, empty for groups and placeholders.
    QString fieldAt(const QModelIndex& index) const;
    FieldNodeKind kindAt(const QModelIndex& index) const;
    int fieldCount() const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;

protected:
    struct Node
    {
        FieldNodeKind kind = FieldNodeKind::Field;
        QString id; // source path or target field id
        QString label;
        QString type; // raw type
        QString typeText; // for the admin
        QString toolTip;
        QString filterKey; // FieldFilterProxyModel::fold() of label, id, type and group
        bool custom = false;
        bool required = false;
    };
    struct Group
    {
        Node header;
        QList<Node> children;
    };

    const Node* nodeAt(const QModelIndex& index) const;
    // Roles every field tree answers the same way; returns an invalid QVariant for the others.
    QVariant commonData(const Node& node, const QModelIndex& index, int role) const;
    static Group makeGroup(const QString& label);
    static Node makePlaceholder(const QString& text);

    QList<Group> m_groups;
};
