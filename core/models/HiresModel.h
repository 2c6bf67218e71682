#pragma once

#include "Hire.h"
#include "ItemRoles.h"
#include "ledger/PushState.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <array>
#include <limits>
#include <optional>

// The hires dashboard: one row per hire, the hire's own columns, then one column per configured target holding the
// push record's state and the admin's tick. Rows are flat structs with every display string prepared once in
// setHires(), so data() never parses anything and 100,000 rows stay cheap to filter and sort.
class HiresModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column : int {
        Candidate,
        Job,
        Department,
        StartDate,
        HiringManager,
        FirstTargetColumn // one column per target from here on, in the order given to the constructor
    };
    Q_ENUM(Column)

    static constexpr int StateCount = int(PushState::Skipped) + 1;

    explicit HiresModel(const QStringList& targets, QObject* parent = nullptr);

    QStringList targets() const { return m_targets; }
    bool isTargetColumn(int column) const;
    QString targetForColumn(int column) const; // empty for a hire column
    int columnForTarget(const QString& target) const; // -1 when the target is not configured
    static QString targetDisplayName(const QString& target);

    // Replaces everything (model reset). Ticks are cleared: they belong to the rows that were shown.
    void setHires(const QList<Hire>& hires, const QList<PushRecord>& records);
    // Applies one changed push record and notifies only its cell. Unknown hires or targets are ignored.
    void updateRecord(const PushRecord& record);

    // (applicationId, target) of every ticked cell, in row order.
    QList<QPair<QString, QString>> checkedItems() const;
    int checkedCount() const { return m_checkedCount; }
    void clearChecks();
    // Ticks or unticks `target` for the given rows; rows whose record is not tickable are left alone.
    void setChecked(const QList<int>& rows, const QString& target, bool checked);

    int rowForApplication(const QString& applicationId) const; // -1 when unknown
    QString applicationIdAt(int row) const;
    std::optional<PushState> stateAt(int row, const QString& target) const;
    int countInState(PushState state) const { return m_stateCounts[std::size_t(state)]; }

    // Direct access for the proxy: avoids a QVariant per row when filtering or sorting 100,000 rows.
    const QString& filterKeyAt(int row) const { return m_rows[row].filterKey; }
    // Julian day of the start date, or NoStartDay when the hire has none (or an unreadable one); parsed once.
    static constexpr qint64 NoStartDay = std::numeric_limits<qint64>::min();
    qint64 startDayAt(int row) const { return m_rows[row].startDay; }
    // Bit (1 << int(state)) is set when at least one target of the row is in that state.
    quint8 stateMaskAt(int row) const;
    int sortRankAt(int row, int column) const;

    // Whether the admin may tick a record in this state for pushing.
    static bool isCheckableState(PushState state);
    // Capitalised, translated state text for the admin ("Ready", "Pushed", ...).
    static QString stateText(PushState state);
    // The same without the ellipsis of "Sending…", for counts and sentences.
    static QString stateLabel(PushState state);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void checkedItemsChanged();
    void stateCountsChanged();

private:
    struct Cell
    {
        PushState state = PushState::Ready;
        bool checked = false;
        int attempts = 0;
        QString remoteId;
        QString reason;
    };

    struct Row
    {
        QString applicationId;
        QString candidate;
        QString email;
        QString job;
        QString department;
        QString startDate; // YYYY-MM-DD as Ashby sent it
        QString hiringManager;
        QString hiringManagerEmail;
        QStringList warnings;
        QString filterKey; // case-folded candidate, job and e-mail
        qint64 startDay = NoStartDay;
    };

    const Cell& cellAt(int row, int targetIndex) const { return m_cells[row * m_targets.size() + targetIndex]; }
    Cell& cellAt(int row, int targetIndex) { return m_cells[row * m_targets.size() + targetIndex]; }
    QVariant hireData(const Row& row, int column, int role) const;
    QVariant targetData(int row, int targetIndex, int role) const;
    QString cellToolTip(const Cell& cell) const;
    void buildSortRanks(int column) const;

    QStringList m_targets;
    QList<Row> m_rows;
    QList<Cell> m_cells; // row-major, m_targets.size() cells per row: one allocation instead of one per row
    QHash<QString, int> m_rowByApplication;
    std::array<int, StateCount> m_stateCounts {};
    int m_checkedCount = 0;
    // Collation is too slow to run inside every comparison of a 100,000-row sort, so each text column is ranked once
    // (lazily, on first sort) and the proxy compares integers.
    mutable std::array<QList<int>, FirstTargetColumn> m_sortRanks;
};
