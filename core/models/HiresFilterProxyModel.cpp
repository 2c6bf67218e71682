#include "HiresFilterProxyModel.h"

#include "HiresModel.h"
#include "ItemRoles.h"

HiresFilterProxyModel::HiresFilterProxyModel(QObject* parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(ItemRoles::SortRole);
    setFilterRole(ItemRoles::FilterRole);
}

void HiresFilterProxyModel::setSourceModel(QAbstractItemModel* sourceModel)
{
    m_hires = qobject_cast<HiresModel*>(sourceModel);
    QSortFilterProxyModel::setSourceModel(sourceModel);
}

void HiresFilterProxyModel::setFilterText(const QString& text)
{
    if (text == m_filterText) {
        return;
    }
    m_filterText = text;
    const QStringList terms = text.toCaseFolded().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (terms == m_terms) {
        return;
    }
    m_terms = terms;
    // Rows only: the columns never depend on the filter, so there is no need to re-check them.
    invalidateRowsFilter();
}

bool HiresFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    if (m_terms.isEmpty()) {
        return true;
    }
    const QString key = m_hires ? m_hires->filterKeyAt(sourceRow)
                                : sourceModel()->index(sourceRow, 0, sourceParent).data(filterRole()).toString();
    for (const QString& term : m_terms) {
        if (!key.contains(term)) {
            return false;
        }
    }
    return true;
}

bool HiresFilterProxyModel::lessThan(const QModelIndex& left, const QModelIndex& right) const
{
    if (m_hires) {
        return m_hires->sortRankAt(left.row(), left.column()) < m_hires->sortRankAt(right.row(), right.column());
    }
    return QSortFilterProxyModel::lessThan(left, right);
}
