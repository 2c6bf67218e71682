#pragma once

#include "FieldTreeModel.h"

#include <QStringList>

class SourceCatalog;

// The Ashby fields a rule can read, grouped by object (Candidate, Application, Offer, Job, Hiring manager), built-in
// fields first, then the account's custom fields (ItemRoles::CustomFieldRole; the text stays the plain label so the
// ui decides how to mark them). Archived custom fields are left out: existing rules still show their labels, new
// rules should not read them. Field rows drag as the private MIME type carrying their source paths.
//
// An account without custom fields gets a last "Custom fields" group with one disabled row saying so, instead of
// leaving the admin to wonder whether the list failed to load.
class SourceFieldsModel : public FieldTreeModel
{
    Q_OBJECT
public:
    enum Column : int { NameColumn, TypeColumn, ColumnCount };
    Q_ENUM(Column)

    explicit SourceFieldsModel(QObject* parent = nullptr);

    void setCatalog(const SourceCatalog& catalog); // model reset

    static QString mimeType(); // application/x-hirebridge-source-field
    // The source paths carried by `data` (a JSON array of strings), empty when it holds none.
    static QStringList pathsFromMimeData(const QMimeData* data);
    static QString typeText(const QString& ashbyType);
    static QString noCustomFieldsText();

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QStringList mimeTypes() const override;
    QMimeData* mimeData(const QModelIndexList& indexes) const override;
    Qt::DropActions supportedDragActions() const override;
};
