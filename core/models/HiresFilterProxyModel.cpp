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

void HiresFilterProxyModel::setStateFilter(std::optional<PushState> state)
{
    if (state == m_state) {
        return;
    }
    m_state = state;
    // A full re-map, not invalidateRowsFilter(): a state or date keeps rows scattered all over the table, and
    // removing them range by range costs ten times as much as mapping 100,000 rows afresh.
    invalidate();
}

void HiresFilterProxyModel::setStartDateRange(const QDate& from, const QDate& to)
{
    const QDate validFrom = from.isValid() ? from : QDate();
    const QDate validTo = to.isValid() ? to : QDate();
    if (validFrom == m_from && validTo == m_to) {
        return;
    }
    m_from = validFrom;
    m_to = validTo;
    m_fromDay = m_from.isValid() ? m_from.toJulianDay() : 0;
    m_toDay = m_to.isValid() ? m_to.toJulianDay() : 0;
    invalidate();
}

bool HiresFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    // Cheapest checks first: integers before the text search. State and dates need a HiresModel source.
    if (m_hires && m_state && (m_hires->stateMaskAt(sourceRow) & (1U << unsigned(*m_state))) == 0) {
        return false;
    }
    if (m_hires && (m_from.isValid() || m_to.isValid())) {
        const qint64 day = m_hires->startDayAt(sourceRow);
        if (day == HiresModel::NoStartDay || (m_from.isValid() && day < m_fromDay)
            || (m_to.isValid() && day > m_toDay)) {
            return false;
        }
    }
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
