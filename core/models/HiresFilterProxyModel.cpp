#include "HiresFilterProxyModel.h"

#include "HiresModel.h"
#include "ItemRoles.h"

#include <algorithm>
#include <limits>
#include <numeric>

namespace {

QStringList searchTerms(const QString& text)
{
    QStringList terms;
    const QString folded = HiresModel::foldedForSearch(text);
    qsizetype start = -1;
    for (qsizetype i = 0; i <= folded.size(); ++i) {
        const bool space = i == folded.size() || folded.at(i).isSpace();
        if (space && start >= 0) {
            terms.append(folded.sliced(start, i - start));
            start = -1;
        } else if (!space && start < 0) {
            start = i;
        }
    }
    return terms;
}

// Whether every row `next` accepts is also accepted by `previous`: each earlier word is part of some new word
// ("ann" → "anna", "anna" → "anna b"). Then only the rows shown now need checking.
bool narrows(const QStringList& next, const QStringList& previous)
{
    return std::all_of(previous.begin(), previous.end(), [&next](const QString& before) {
        return std::any_of(next.begin(), next.end(), [&before](const QString& now) { return now.contains(before); });
    });
}

} // namespace

HiresFilterProxyModel::HiresFilterProxyModel(QObject* parent)
    : QAbstractProxyModel(parent)
{
}

void HiresFilterProxyModel::setSourceModel(QAbstractItemModel* sourceModel)
{
    if (sourceModel == this->sourceModel()) {
        return;
    }
    beginResetModel();
    for (const auto& connection : std::as_const(m_sourceConnections)) {
        disconnect(connection);
    }
    m_sourceConnections.clear();
    QAbstractProxyModel::setSourceModel(sourceModel);
    m_hires = qobject_cast<HiresModel*>(sourceModel);
    if (sourceModel) {
        const auto keep = [this](const QMetaObject::Connection& connection) { m_sourceConnections.append(connection); };
        keep(connect(sourceModel, &QAbstractItemModel::modelAboutToBeReset, this,
            &HiresFilterProxyModel::onSourceAboutToBeReset));
        keep(connect(sourceModel, &QAbstractItemModel::modelReset, this, &HiresFilterProxyModel::onSourceReset));
        keep(connect(sourceModel, &QAbstractItemModel::dataChanged, this, &HiresFilterProxyModel::onSourceDataChanged));
        keep(connect(sourceModel, &QAbstractItemModel::headerDataChanged, this,
            &HiresFilterProxyModel::onSourceHeaderDataChanged));
        keep(connect(sourceModel, &QObject::destroyed, this, &HiresFilterProxyModel::onSourceDestroyed));
        // HiresModel only ever resets or changes cells. Any other source that inserts, removes or moves rows or
        // columns is mapped afresh: correct, if not as frugal as a reset-only source.
        const auto aboutToChange = [this] { onSourceAboutToBeReset(); };
        const auto changed = [this] { onSourceReset(); };
        keep(connect(sourceModel, &QAbstractItemModel::rowsAboutToBeInserted, this, aboutToChange));
        keep(connect(sourceModel, &QAbstractItemModel::rowsInserted, this, changed));
        keep(connect(sourceModel, &QAbstractItemModel::rowsAboutToBeRemoved, this, aboutToChange));
        keep(connect(sourceModel, &QAbstractItemModel::rowsRemoved, this, changed));
        keep(connect(sourceModel, &QAbstractItemModel::rowsAboutToBeMoved, this, aboutToChange));
        keep(connect(sourceModel, &QAbstractItemModel::rowsMoved, this, changed));
        keep(connect(sourceModel, &QAbstractItemModel::columnsAboutToBeInserted, this, aboutToChange));
        keep(connect(sourceModel, &QAbstractItemModel::columnsInserted, this, changed));
        keep(connect(sourceModel, &QAbstractItemModel::columnsAboutToBeRemoved, this, aboutToChange));
        keep(connect(sourceModel, &QAbstractItemModel::columnsRemoved, this, changed));
        keep(connect(sourceModel, &QAbstractItemModel::columnsAboutToBeMoved, this, aboutToChange));
        keep(connect(sourceModel, &QAbstractItemModel::columnsMoved, this, changed));
        keep(connect(sourceModel, &QAbstractItemModel::layoutAboutToBeChanged, this, aboutToChange));
        keep(connect(sourceModel, &QAbstractItemModel::layoutChanged, this, changed));
    }
    rebuildFromSource();
    endResetModel();
}

void HiresFilterProxyModel::setFilterText(const QString& text)
{
    if (text == m_filterText) {
        return;
    }
    m_filterText = text;
    QStringList terms = searchTerms(text);
    if (terms == m_terms) {
        return;
    }
    const bool narrower = narrows(terms, m_terms);
    m_terms = std::move(terms);
    if (!sourceModel()) {
        return;
    }
    if (!narrower) {
        refilter();
        return;
    }
    std::vector<int> rows;
    rows.reserve(m_shownRows.size());
    for (const int row : m_shownRows) {
        if (matchesTerms(row)) {
            rows.push_back(row);
        }
    }
    showRows(std::move(rows), QAbstractItemModel::NoLayoutChangeHint);
}

void HiresFilterProxyModel::setStateFilter(std::optional<PushState> state)
{
    if (state == m_state) {
        return;
    }
    m_state = state;
    refilter();
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
    refilter();
}

void HiresFilterProxyModel::sort(int column, Qt::SortOrder order)
{
    if (column == m_sortColumn && order == m_sortOrder) {
        return; // the rows are kept in this order as they change
    }
    m_sortColumn = column;
    m_sortOrder = order;
    if (!sourceModel()) {
        return;
    }
    buildSortedRows();
    std::vector<int> rows;
    rows.reserve(m_shownRows.size());
    for (const int row : m_sortedRows) {
        if (m_proxyRowOf[std::size_t(row)] >= 0) {
            rows.push_back(row);
        }
    }
    showRows(std::move(rows), QAbstractItemModel::VerticalSortHint);
}

bool HiresFilterProxyModel::acceptsRow(int sourceRow) const
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
    return matchesTerms(sourceRow);
}

bool HiresFilterProxyModel::matchesTerms(int sourceRow) const
{
    if (m_terms.isEmpty()) {
        return true;
    }
    QString folded;
    QStringView text;
    if (m_hires) {
        text = m_hires->searchTextAt(sourceRow);
    } else {
        folded = HiresModel::foldedForSearch(sourceModel()->index(sourceRow, 0).data(ItemRoles::FilterRole).toString());
        text = folded;
    }
    return std::all_of(
        m_terms.begin(), m_terms.end(), [text](const QString& term) { return text.contains(QStringView(term)); });
}

void HiresFilterProxyModel::buildSortedRows()
{
    const int count = sourceModel() ? sourceModel()->rowCount() : 0;
    m_sortedRows.resize(std::size_t(count));
    std::iota(m_sortedRows.begin(), m_sortedRows.end(), 0);
    if (m_sortColumn < 0 || count == 0 || m_sortColumn >= sourceModel()->columnCount()) {
        return;
    }
    const bool descending = m_sortOrder == Qt::DescendingOrder;
    if (!m_hires) {
        std::vector<QVariant> keys(static_cast<std::size_t>(count));
        for (int row = 0; row < count; ++row) {
            keys[std::size_t(row)] = sourceModel()->index(row, m_sortColumn).data(ItemRoles::SortRole);
        }
        std::stable_sort(m_sortedRows.begin(), m_sortedRows.end(), [&](int a, int b) {
            const auto order = QVariant::compare(keys[std::size_t(a)], keys[std::size_t(b)]);
            return descending ? order == QPartialOrdering::Greater : order == QPartialOrdering::Less;
        });
        return;
    }
    // The model ranks rows with small integers (0..rows for text columns, a handful for states): a counting sort
    // orders 100,000 of them in one pass, ties in source order.
    std::vector<int> keys(static_cast<std::size_t>(count));
    int lowest = std::numeric_limits<int>::max();
    int highest = std::numeric_limits<int>::min();
    for (int row = 0; row < count; ++row) {
        const int key = m_hires->sortRankAt(row, m_sortColumn);
        keys[std::size_t(row)] = key;
        lowest = std::min(lowest, key);
        highest = std::max(highest, key);
    }
    if (qint64(highest) - lowest > 4LL * count + 64) {
        std::stable_sort(m_sortedRows.begin(), m_sortedRows.end(), [&](int a, int b) {
            return descending ? keys[std::size_t(b)] < keys[std::size_t(a)]
                              : keys[std::size_t(a)] < keys[std::size_t(b)];
        });
        return;
    }
    std::vector<int> next(std::size_t(highest - lowest) + 1, 0);
    for (const int key : keys) {
        ++next[std::size_t(key - lowest)];
    }
    int position = 0;
    const auto place = [&](std::size_t bucket) {
        const int size = next[bucket];
        next[bucket] = position;
        position += size;
    };
    if (descending) {
        for (std::size_t bucket = next.size(); bucket-- > 0;) {
            place(bucket);
        }
    } else {
        for (std::size_t bucket = 0; bucket < next.size(); ++bucket) {
            place(bucket);
        }
    }
    for (int row = 0; row < count; ++row) {
        m_sortedRows[std::size_t(next[std::size_t(keys[std::size_t(row)] - lowest)]++)] = row;
    }
}

void HiresFilterProxyModel::showRows(std::vector<int> rows, QAbstractItemModel::LayoutChangeHint hint)
{
    if (rows == m_shownRows) {
        return;
    }
    Q_EMIT layoutAboutToBeChanged({}, hint);
    // Selection, current row and every other persistent index follow their source row, or become invalid when
    // it is filtered away.
    const QModelIndexList before = persistentIndexList();
    std::vector<int> sourceRows;
    sourceRows.reserve(std::size_t(before.size()));
    for (const QModelIndex& index : before) {
        sourceRows.push_back(m_shownRows[std::size_t(index.row())]);
    }
    m_shownRows = std::move(rows);
    std::fill(m_proxyRowOf.begin(), m_proxyRowOf.end(), -1);
    for (std::size_t proxyRow = 0; proxyRow < m_shownRows.size(); ++proxyRow) {
        m_proxyRowOf[std::size_t(m_shownRows[proxyRow])] = int(proxyRow);
    }
    QModelIndexList after;
    after.reserve(before.size());
    for (qsizetype i = 0; i < before.size(); ++i) {
        const int proxyRow = m_proxyRowOf[std::size_t(sourceRows[std::size_t(i)])];
        after.append(proxyRow < 0 ? QModelIndex() : createIndex(proxyRow, before.at(i).column()));
    }
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged({}, hint);
}

void HiresFilterProxyModel::refilter()
{
    if (!sourceModel()) {
        return;
    }
    std::vector<int> rows;
    rows.reserve(m_sortedRows.size());
    for (const int row : m_sortedRows) {
        if (acceptsRow(row)) {
            rows.push_back(row);
        }
    }
    showRows(std::move(rows), QAbstractItemModel::NoLayoutChangeHint);
}

void HiresFilterProxyModel::rebuildFromSource()
{
    buildSortedRows();
    m_shownRows.clear();
    m_shownRows.reserve(m_sortedRows.size());
    for (const int row : m_sortedRows) {
        if (acceptsRow(row)) {
            m_shownRows.push_back(row);
        }
    }
    m_proxyRowOf.assign(m_sortedRows.size(), -1);
    for (std::size_t proxyRow = 0; proxyRow < m_shownRows.size(); ++proxyRow) {
        m_proxyRowOf[std::size_t(m_shownRows[proxyRow])] = int(proxyRow);
    }
}

void HiresFilterProxyModel::onSourceAboutToBeReset()
{
    if (!m_resetting) {
        m_resetting = true;
        beginResetModel();
    }
}

void HiresFilterProxyModel::onSourceReset()
{
    rebuildFromSource();
    if (m_resetting) {
        m_resetting = false;
        endResetModel();
    }
}

void HiresFilterProxyModel::onSourceDestroyed()
{
    // The base class has already let go of the model. No reset signal: a model usually goes when its window does, and
    // whoever listens may be half destroyed by now (QSortFilterProxyModel is silent here too).
    m_hires = nullptr;
    m_sourceConnections.clear();
    m_sortedRows.clear();
    m_shownRows.clear();
    m_proxyRowOf.clear();
}

void HiresFilterProxyModel::onSourceDataChanged(
    const QModelIndex& topLeft, const QModelIndex& bottomRight, const QList<int>& roles)
{
    if (!topLeft.isValid() || !bottomRight.isValid() || topLeft.parent().isValid()) {
        return;
    }
    const int top = topLeft.row();
    const int bottom = bottomRight.row();
    // A tick changes neither what is shown nor its order.
    const bool checkOnly = !roles.isEmpty()
        && std::all_of(roles.begin(), roles.end(), [](int role) { return role == Qt::CheckStateRole; });
    const auto touches = [&](int column) { return column >= topLeft.column() && column <= bottomRight.column(); };
    bool filterTouched = false;
    if (!checkOnly && m_hires) {
        // Only the state filter reads cells that change; the text and dates of a hire change by a reset.
        for (int column = HiresModel::FirstTargetColumn; m_state && column < m_hires->columnCount(); ++column) {
            filterTouched = filterTouched || touches(column);
        }
    } else if (!checkOnly) {
        filterTouched = !m_terms.isEmpty();
    }
    const bool sortTouched = !checkOnly && m_sortColumn >= 0 && touches(m_sortColumn);
    if (sortTouched) {
        // Rows whose rank changed move: one layout change, as the shown rows stay the same.
        buildSortedRows();
        std::vector<int> rows;
        rows.reserve(m_shownRows.size());
        for (const int row : m_sortedRows) {
            if (m_proxyRowOf[std::size_t(row)] >= 0) {
                rows.push_back(row);
            }
        }
        showRows(std::move(rows), QAbstractItemModel::VerticalSortHint);
    }
    if (filterTouched || sortTouched) {
        if (bottom - top >= 64) {
            refilter(); // a wide change: one pass over every row beats a search per row
        } else {
            // A record that changes state enters or leaves the shown rows as a plain insert or removal, so views
            // and the selection treat it like any other row that comes or goes.
            for (int row = top; row <= bottom; ++row) {
                const bool shown = m_proxyRowOf[std::size_t(row)] >= 0;
                if (acceptsRow(row) != shown) {
                    shown ? hideRow(row) : revealRow(row);
                }
            }
        }
    }

    int first = std::numeric_limits<int>::max();
    int last = -1;
    for (int row = top; row <= bottom && row < int(m_proxyRowOf.size()); ++row) {
        const int proxyRow = m_proxyRowOf[std::size_t(row)];
        if (proxyRow >= 0) {
            first = std::min(first, proxyRow);
            last = std::max(last, proxyRow);
        }
    }
    if (last >= 0) {
        Q_EMIT dataChanged(index(first, topLeft.column()), index(last, bottomRight.column()), roles);
    }
}

void HiresFilterProxyModel::hideRow(int sourceRow)
{
    const int proxyRow = m_proxyRowOf[std::size_t(sourceRow)];
    beginRemoveRows({}, proxyRow, proxyRow);
    m_shownRows.erase(m_shownRows.begin() + proxyRow);
    m_proxyRowOf[std::size_t(sourceRow)] = -1;
    for (std::size_t later = std::size_t(proxyRow); later < m_shownRows.size(); ++later) {
        m_proxyRowOf[std::size_t(m_shownRows[later])] = int(later);
    }
    endRemoveRows();
}

void HiresFilterProxyModel::revealRow(int sourceRow)
{
    // The shown rows are in m_sortedRows' order: the new one goes after every shown row sorted before it.
    int proxyRow = 0;
    for (const int row : m_sortedRows) {
        if (row == sourceRow) {
            break;
        }
        proxyRow += m_proxyRowOf[std::size_t(row)] >= 0 ? 1 : 0;
    }
    beginInsertRows({}, proxyRow, proxyRow);
    m_shownRows.insert(m_shownRows.begin() + proxyRow, sourceRow);
    for (std::size_t later = std::size_t(proxyRow); later < m_shownRows.size(); ++later) {
        m_proxyRowOf[std::size_t(m_shownRows[later])] = int(later);
    }
    endInsertRows();
}

void HiresFilterProxyModel::onSourceHeaderDataChanged(Qt::Orientation orientation, int first, int last)
{
    if (orientation == Qt::Horizontal) {
        Q_EMIT headerDataChanged(orientation, first, last);
    } else if (!m_shownRows.empty()) {
        Q_EMIT headerDataChanged(orientation, 0, rowCount() - 1);
    }
}

QModelIndex HiresFilterProxyModel::mapToSource(const QModelIndex& proxyIndex) const
{
    if (!proxyIndex.isValid() || !sourceModel() || proxyIndex.model() != this || proxyIndex.row() >= rowCount()) {
        return {};
    }
    return sourceModel()->index(m_shownRows[std::size_t(proxyIndex.row())], proxyIndex.column());
}

QModelIndex HiresFilterProxyModel::mapFromSource(const QModelIndex& sourceIndex) const
{
    if (!sourceIndex.isValid() || sourceIndex.model() != sourceModel() || sourceIndex.parent().isValid()
        || sourceIndex.row() >= int(m_proxyRowOf.size())) {
        return {};
    }
    const int proxyRow = m_proxyRowOf[std::size_t(sourceIndex.row())];
    return proxyRow < 0 ? QModelIndex() : createIndex(proxyRow, sourceIndex.column());
}

QModelIndex HiresFilterProxyModel::index(int row, int column, const QModelIndex& parent) const
{
    if (parent.isValid() || row < 0 || column < 0 || row >= rowCount() || column >= columnCount()) {
        return {};
    }
    return createIndex(row, column);
}

QModelIndex HiresFilterProxyModel::parent(const QModelIndex& child) const
{
    Q_UNUSED(child)
    return {};
}

QModelIndex HiresFilterProxyModel::sibling(int row, int column, const QModelIndex& index) const
{
    Q_UNUSED(index)
    return this->index(row, column);
}

int HiresFilterProxyModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_shownRows.size());
}

int HiresFilterProxyModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() || !sourceModel() ? 0 : sourceModel()->columnCount();
}

bool HiresFilterProxyModel::hasChildren(const QModelIndex& parent) const
{
    return !parent.isValid() && rowCount() > 0 && columnCount() > 0;
}

QVariant HiresFilterProxyModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (!sourceModel()) {
        return {};
    }
    if (orientation == Qt::Horizontal) {
        return sourceModel()->headerData(section, orientation, role);
    }
    if (section < 0 || section >= rowCount()) {
        return {};
    }
    return sourceModel()->headerData(m_shownRows[std::size_t(section)], orientation, role);
}
