#pragma once

#include "ledger/PushState.h"

#include <QAbstractProxyModel>
#include <QDate>
#include <QList>
#include <QMetaObject>
#include <QStringList>

#include <optional>
#include <vector>

class HiresModel;

// Filters the hires by candidate, job and e-mail (case- and accent-insensitive; every word typed must appear), by
// push state (a row matches when any of its targets is in that state) and by start-date range (inclusive; a hire
// without a start date is hidden as soon as either bound is set), and sorts by the model's precomputed ranks.
//
// A flat proxy that keeps the shown rows in one vector rather than a QSortFilterProxyModel: that one removes the
// rows a keystroke filters away range by range, which alone costs more than a frame over 100,000 rows. Here a
// filter or sort change computes the new row vector in one pass and announces it as one layout change (selection
// and current row follow, rows filtered away leave the selection), and typing more of a word only re-checks the
// rows still shown. Talks to HiresModel directly when it is the source, so no QVariant is built per row.
class HiresFilterProxyModel : public QAbstractProxyModel
{
    Q_OBJECT
public:
    explicit HiresFilterProxyModel(QObject* parent = nullptr);

    void setSourceModel(QAbstractItemModel* sourceModel) override;

    QString filterText() const { return m_filterText; }
    void setFilterText(const QString& text);

    std::optional<PushState> stateFilter() const { return m_state; }
    void setStateFilter(std::optional<PushState> state); // nullopt: every state
    QDate startFrom() const { return m_from; }
    QDate startTo() const { return m_to; }
    void setStartDateRange(const QDate& from, const QDate& to); // an invalid date is no bound

    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }
    // Column -1 shows the rows in the source's order. Ties keep the source's order.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    QModelIndex mapToSource(const QModelIndex& proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex& sourceIndex) const override;
    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    QModelIndex sibling(int row, int column, const QModelIndex& index) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    bool hasChildren(const QModelIndex& parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    bool acceptsRow(int sourceRow) const;
    bool matchesTerms(int sourceRow) const;
    // Puts every source row, shown or not, into m_sortedRows in sort order.
    void buildSortedRows();
    // Shows exactly `rows` (source rows, in display order) as one layout change.
    void showRows(std::vector<int> rows, QAbstractItemModel::LayoutChangeHint hint);
    // Re-checks every row against the filters.
    void refilter();
    // One source row leaves or joins the shown rows (after a state change), announced as a removal or insertion.
    void hideRow(int sourceRow);
    void revealRow(int sourceRow);
    void rebuildFromSource();

private Q_SLOTS:
    void onSourceAboutToBeReset();
    void onSourceReset();
    void onSourceDestroyed();
    void onSourceDataChanged(const QModelIndex& topLeft, const QModelIndex& bottomRight, const QList<int>& roles);
    void onSourceHeaderDataChanged(Qt::Orientation orientation, int first, int last);

private:
    HiresModel* m_hires = nullptr;
    QList<QMetaObject::Connection> m_sourceConnections;
    QString m_filterText;
    QStringList m_terms; // folded words of m_filterText
    std::optional<PushState> m_state;
    QDate m_from;
    QDate m_to;
    qint64 m_fromDay = 0; // julian days of the valid bounds, compared without building a QDate per row
    qint64 m_toDay = 0;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;

    std::vector<int> m_sortedRows; // every source row, in sort order
    std::vector<int> m_shownRows; // proxy row → source row
    std::vector<int> m_proxyRowOf; // source row → proxy row, -1 when filtered away
    bool m_resetting = false;
};
