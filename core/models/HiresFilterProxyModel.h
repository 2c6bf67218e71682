#pragma once

#include "ledger/PushState.h"

#include <QDate>
#include <QSortFilterProxyModel>
#include <QStringList>

#include <optional>

class HiresModel;

// Filters the hires by candidate, job and e-mail (case-insensitive; every word typed must appear), by push state (a
// row matches when any of its targets is in that state) and by start-date range (inclusive; a hire without a start
// date is hidden as soon as either bound is set), and sorts by the model's precomputed ranks. Talks to HiresModel
// directly when it is the source, so neither filtering nor sorting 100,000 rows creates a QVariant per row.
class HiresFilterProxyModel : public QSortFilterProxyModel
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

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

private:
    HiresModel* m_hires = nullptr;
    QString m_filterText;
    QStringList m_terms; // case-folded words of m_filterText
    std::optional<PushState> m_state;
    QDate m_from;
    QDate m_to;
    qint64 m_fromDay = 0; // julian days of the valid bounds, compared without building a QDate per row
    qint64 m_toDay = 0;
};
