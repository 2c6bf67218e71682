#include "SourceFieldsModel.h"

#include "FieldFilterProxyModel.h"
#include "ItemRoles.h"
#include "mapping/SourceCatalog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMimeData>

#include <algorithm>
#include <iterator>

SourceFieldsModel::SourceFieldsModel(QObject* parent)
    : FieldTreeModel(parent)
{
}

void SourceFieldsModel::setCatalog(const SourceCatalog& catalog)
{
    beginResetModel();
    m_groups.clear();
    bool anyCustom = false;
    for (const SourceField& field : catalog.fields()) {
        if (field.archived) {
            continue;
        }
        anyCustom = anyCustom || field.custom;
        const QString groupLabel = field.group.isEmpty() ? tr("Other") : field.group;
        auto group = std::find_if(
            m_groups.begin(), m_groups.end(), [&](const Group& g) { return g.header.label == groupLabel; });
        if (group == m_groups.end()) {
            m_groups.append(makeGroup(groupLabel));
            group = std::prev(m_groups.end());
        }
        Node node;
        node.id = field.path;
        node.label = field.label.isEmpty() ? field.path : field.label;
        node.type = field.ashbyType;
        node.typeText = typeText(field.ashbyType);
        node.custom = field.custom;
        QStringList tip {tr("%1 › %2").arg(groupLabel, node.label), tr("Path: %1").arg(field.path),
            tr("Type: %1").arg(node.typeText)};
        if (field.custom) {
            tip << tr("Custom field of your Ashby account");
        }
        if (!field.options.isEmpty()) {
            const QStringList shown = field.options.mid(0, 8);
            tip << tr("Values: %1%2")
                       .arg(shown.join(QStringLiteral(", ")),
                           field.options.size() > shown.size() ? QStringLiteral(", …") : QString());
        }
        node.toolTip = tip.join(QLatin1Char('\n'));
        node.filterKey = FieldFilterProxyModel::fold(
            QStringList {node.label, field.path, node.typeText, groupLabel, field.custom ? tr("custom") : QString()}
                .join(QLatin1Char(' ')));
        group->children.append(node);
    }
    if (!anyCustom) {
        Group custom = makeGroup(tr("Custom fields"));
        custom.children.append(makePlaceholder(noCustomFieldsText()));
        m_groups.append(custom);
    }
    endResetModel();
}

QString SourceFieldsModel::mimeType()
{
    return QStringLiteral("application/x-hirebridge-source-field");
}

QStringList SourceFieldsModel::pathsFromMimeData(const QMimeData* data)
{
    if (!data || !data->hasFormat(mimeType())) {
        return {};
    }
    // Drops can come from another process: read defensively.
    const QJsonDocument document = QJsonDocument::fromJson(data->data(mimeType()));
    QStringList paths;
    const QJsonArray array = document.array();
    for (const QJsonValue& value : array) {
        const QString path = value.toString();
        if (!path.isEmpty() && path.size() <= 512 && !paths.contains(path)) {
            paths.append(path);
        }
    }
    return paths;
}

QString SourceFieldsModel::typeText(const QString& ashbyType)
{
    if (ashbyType == QLatin1String("String")) {
        return tr("Text");
    }
    if (ashbyType == QLatin1String("LongText")) {
        return tr("Long text");
    }
    if (ashbyType == QLatin1String("Number")) {
        return tr("Number");
    }
    if (ashbyType == QLatin1String("Date")) {
        return tr("Date");
    }
    if (ashbyType == QLatin1String("Boolean")) {
        return tr("Yes / no");
    }
    if (ashbyType == QLatin1String("ValueSelect")) {
        return tr("Choice");
    }
    if (ashbyType == QLatin1String("MultiValueSelect")) {
        return tr("Multiple choice");
    }
    if (ashbyType == QLatin1String("Currency")) {
        return tr("Money");
    }
    if (ashbyType == QLatin1String("Email")) {
        return tr("E-mail");
    }
    if (ashbyType == QLatin1String("Phone")) {
        return tr("Phone");
    }
    if (ashbyType == QLatin1String("Url")) {
        return tr("Link");
    }
    return ashbyType;
}

QString SourceFieldsModel::noCustomFieldsText()
{
    return tr("Your Ashby account has no custom fields.");
}

int SourceFieldsModel::columnCount(const QModelIndex& parent) const
{
    Q_UNUSED(parent)
    return ColumnCount;
}

QVariant SourceFieldsModel::data(const QModelIndex& index, int role) const
{
    const Node* node = nodeAt(index);
    if (!node) {
        return {};
    }
    if (role == Qt::DisplayRole) {
        if (index.column() == NameColumn) {
            return node->label;
        }
        return node->kind == FieldNodeKind::Field ? node->typeText : QString();
    }
    if (role == Qt::AccessibleTextRole && index.column() == NameColumn && node->custom) {
        return tr("%1, custom field").arg(node->label);
    }
    if (role == ItemRoles::SourcePathRole) {
        return node->kind == FieldNodeKind::Field ? node->id : QString();
    }
    return commonData(*node, index, role);
}

QVariant SourceFieldsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole) {
        switch (section) {
        case NameColumn:
            return tr("Ashby field");
        case TypeColumn:
            return tr("Type");
        }
    }
    return FieldTreeModel::headerData(section, orientation, role);
}

Qt::ItemFlags SourceFieldsModel::flags(const QModelIndex& index) const
{
    const Node* node = nodeAt(index);
    if (!node) {
        return Qt::NoItemFlags;
    }
    switch (node->kind) {
    case FieldNodeKind::Group:
        return Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    case FieldNodeKind::Field:
        return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled | Qt::ItemNeverHasChildren;
    case FieldNodeKind::Placeholder:
        return Qt::ItemNeverHasChildren; // disabled: it explains, it cannot be mapped
    }
    return Qt::NoItemFlags;
}

QStringList SourceFieldsModel::mimeTypes() const
{
    return {mimeType()};
}

QMimeData* SourceFieldsModel::mimeData(const QModelIndexList& indexes) const
{
    QJsonArray paths;
    for (const QModelIndex& index : indexes) {
        const QString path = fieldAt(index);
        if (!path.isEmpty() && !paths.contains(path)) {
            paths.append(path);
        }
    }
    if (paths.isEmpty()) {
        return nullptr;
    }
    auto* data = new QMimeData;
    data->setData(mimeType(), QJsonDocument(paths).toJson(QJsonDocument::Compact));
    return data;
}

Qt::DropActions SourceFieldsModel::supportedDragActions() const
{
    return Qt::CopyAction;
}
