#pragma once

#include "FieldTreeModel.h"

#include <QHash>
#include <QPointer>

class MappingRulesModel;
class TargetCatalog;

// The fields of the target (Bob), grouped by category (categoryDisplayName), with the source currently mapped onto
// each field in the "Mapped from" column. Required fields carry ItemRoles::RequiredFieldRole and custom fields
// ItemRoles::CustomFieldRole; the text stays the plain name so the ui decides how to mark them.
//
// Field rows accept drops of the source model's MIME type and hand them to MappingRulesModel::requestMap() (the
// editor's map handler turns that into an undoable command). Drops on categories, between rows or on the empty
// area are refused. A target without custom fields gets a last "Custom fields" category with one disabled row.
class TargetFieldsModel : public FieldTreeModel
{
    Q_OBJECT
public:
    enum Column : int { NameColumn, MappedFromColumn, TypeColumn, ColumnCount };
    Q_ENUM(Column)

    // `rules` is observed (rulesChanged) for the "Mapped from" column and receives the drops; it is not owned.
    explicit TargetFieldsModel(MappingRulesModel* rules, QObject* parent = nullptr);

    void setCatalog(const TargetCatalog& catalog); // model reset
    QString targetName() const { return m_targetName; }

    static QString typeText(const QString& bobType);
    static QString noCustomFieldsText(const QString& targetName);

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QStringList mimeTypes() const override;
    Qt::DropActions supportedDropActions() const override;
    bool canDropMimeData(
        const QMimeData* data, Qt::DropAction action, int row, int column, const QModelIndex& parent) const override;
    bool dropMimeData(
        const QMimeData* data, Qt::DropAction action, int row, int column, const QModelIndex& parent) override;

private Q_SLOTS:
    void onRulesChanged();

private:
    QString mappedFromText(const QString& targetId) const;

    QPointer<MappingRulesModel> m_rules;
    QString m_targetName; // "Bob"
    QHash<QString, int> m_ruleByTarget; // target field id → rule row
};
