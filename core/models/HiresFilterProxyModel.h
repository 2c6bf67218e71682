#pragma once

#include <QSortFilterProxyModel>
#include <QStringList>

class HiresModel;

// Filters the hires by candidate, job and e-mail (case-insensitive; every word typed must appear) and sorts by the
// model's precomputed ranks. Talks to HiresModel directly when it is the source, so neither filtering nor sorting
// 100,000 rows creates a QVariant per row.
class HiresFilterProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit HiresFilterProxyModel(QObject* parent = nullptr);

    void setSourceModel(QAbstractItemModel* sourceModel) override;

    QString filterText() const { return m_filterText; }
    void setFilterText(const QString& text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

private:
    HiresModel* m_hires = nullptr;
    QString m_filterText;
    QStringList m_terms; // case-folded words of m_filterText
};
