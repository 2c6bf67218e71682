#pragma once

#include "Hire.h"
#include "ItemRoles.h"
#include "ledger/PushState.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QPair>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <array>
#include <functional>
#include <limits>
#include <optional>
#include <vector>

struct HireRow;

// The hires dashboard: one row per hire, the hire's own columns, then one column per configured target holding the
// push record's state and the admin's tick. Rows are flat structs prepared once in setHireRows()/setHires(), so data()
// never parses anything and 100,000 rows stay cheap to filter and sort. Texts that repeat across hires (job,
// department, start date, hiring manager) are kept once each; the search text of every row is folded once into one
// shared buffer.
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

    static constexpr int StateCount = int(PushState::Unknown) + 1;

    explicit HiresModel(const QStringList& targets, QObject* parent = nullptr);

    QStringList targets() const { return m_targets; }
    // Other targets (Settings changed which HR systems are set up): the model is emptied; fill it again.
    void setTargets(const QStringList& targets);
    // How each hiring manager (by the name the column shows) is matched in the targets, one line per target, for the
    // column's tooltip; managers in `needConfirming` have close names to confirm and say so in the cell.
    void setManagerNotes(const QHash<QString, QString>& notesByName, const QSet<QString>& needConfirming);
    bool isTargetColumn(int column) const;
    QString targetForColumn(int column) const; // empty for a hire column
    int columnForTarget(const QString& target) const; // -1 when the target is not configured
    static QString targetDisplayName(const QString& target);

    // Replaces everything (model reset). Ticks are cleared: they belong to the rows that were shown.
    // setHireRows() is what the dashboard uses: the ledger's list columns, no JSON parsed. What only a full hire
    // knows (its warnings and the hiring manager's e-mail, shown in tooltips) is then asked of the hire loader the
    // first time a row needs it. setHires() takes full hires and needs no loader.
    void setHireRows(QList<HireRow> rows, const QList<PushRecord>& records);
    void setHires(const QList<Hire>& hires, const QList<PushRecord>& records);
    using HireLoader = std::function<std::optional<Hire>(const QString& applicationId)>;
    void setHireLoader(HireLoader loader);
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
    // The row's candidate, job and e-mail, folded by foldedForSearch() and separated by '\n'.
    QStringView searchTextAt(int row) const
    {
        return QStringView(m_searchText)
            .sliced(
                m_searchStart[std::size_t(row)], m_searchStart[std::size_t(row) + 1] - m_searchStart[std::size_t(row)]);
    }
    // Lower case without diacritics ("Zoë Ångström" → "zoe angstrom", "Łukasz" → "lukasz"): what the admin types
    // is folded the same way, so a name is found however it is typed.
    static QString foldedForSearch(QStringView text);
    // Julian day of the start date, or NoStartDay when the hire has none (or an unreadable one); parsed once.
    static constexpr qint64 NoStartDay = std::numeric_limits<qint64>::min();
    qint64 startDayAt(int row) const { return m_rows[std::size_t(row)].startDay; }
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

    // Index into m_strings; 0 is the empty text.
    using TextId = quint32;

    struct Row
    {
        QString applicationId;
        QString candidate;
        QString email;
        TextId job = 0;
        TextId department = 0;
        TextId startDate = 0; // YYYY-MM-DD as Ashby sent it
        TextId hiringManager = 0;
        // Known from setHires(), or filled by the hire loader the first time a tooltip asks (hence mutable).
        mutable TextId hiringManagerEmail = 0;
        mutable bool detailsKnown = false;
        mutable QStringList warnings;
        qint64 startDay = NoStartDay;
    };

    // A reset in three steps: beginRows(), appendRow() per hire (nullptr for a duplicate, which is left out), then
    // endRows() with the push records.
    void beginRows(qsizetype expected);
    Row* appendRow(QString applicationId, QString candidate, QString email, const QString& job,
        const QString& department, const QString& startDate, const QString& hiringManager);
    void endRows(const QList<PushRecord>& records);
    void appendSearchText(TextId id);
    void appendSearchText(QStringView text);

    const Row& rowWithDetails(int row) const;
    TextId intern(const QString& text) const;
    const QString& textOf(TextId id) const { return m_strings.at(qsizetype(id)); }
    static TextId textIdOf(const Row& row, int column); // 0 for the candidate column
    const QString& hireText(const Row& row, int column) const;
    const Cell& cellAt(int row, int targetIndex) const { return m_cells[row * m_targets.size() + targetIndex]; }
    Cell& cellAt(int row, int targetIndex) { return m_cells[row * m_targets.size() + targetIndex]; }
    QVariant hireData(int row, int column, int role) const;
    QVariant targetData(int row, int targetIndex, int role) const;
    QString cellToolTip(const Cell& cell) const;
    void buildSortRanks(int column) const;

    QStringList m_targets;
    std::vector<Row> m_rows;
    // Distinct texts of the repeating columns, and where each is. Mutable: the hire loader may add e-mails later.
    mutable QStringList m_strings;
    mutable QHash<QString, TextId> m_textIds;
    QString m_searchText; // every row's folded search text, one after the other
    // While rows are built: the folded form and the parsed day of each of m_strings, so repeating jobs and dates
    // are folded or parsed once.
    std::vector<QString> m_foldedTexts;
    static constexpr qint64 UnparsedDay = std::numeric_limits<qint64>::max();
    std::vector<qint64> m_startDays;
    std::vector<qsizetype> m_searchStart; // row r's text is [m_searchStart[r], m_searchStart[r + 1])
    QList<Cell> m_cells; // row-major, m_targets.size() cells per row: one allocation instead of one per row
    QHash<QString, int> m_rowByApplication;
    QHash<QString, QString> m_managerNotes;
    QSet<QString> m_managersToConfirm;
    HireLoader m_hireLoader;
    std::array<int, StateCount> m_stateCounts {};
    int m_checkedCount = 0;
    // Collation is too slow to run inside every comparison of a 100,000-row sort, so each text column is ranked once
    // (lazily, on first sort) and the proxy compares integers.
    mutable std::array<QList<int>, FirstTargetColumn> m_sortRanks;
};
