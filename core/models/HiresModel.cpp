#include "HiresModel.h"

#include <QCollator>
#include <QCollatorSortKey>
#include <QDate>
#include <QLoggingCategory>

#include <algorithm>
#include <numeric>

Q_LOGGING_CATEGORY(lcHiresModel, "hirebridge.models", QtInfoMsg)

namespace {

// Order used when sorting by a target column: what needs the admin's attention first.
int stateSortRank(PushState state)
{
    switch (state) {
    case PushState::Failed:
        return 0;
    case PushState::Ready:
        return 1;
    case PushState::Sending:
        return 2;
    case PushState::Exists:
        return 3;
    case PushState::Skipped:
        return 4;
    case PushState::Pushed:
        return 5;
    }
    return 6;
}

} // namespace

HiresModel::HiresModel(const QStringList& targets, QObject* parent)
    : QAbstractTableModel(parent)
    , m_targets(targets)
{
}

bool HiresModel::isTargetColumn(int column) const
{
    return column >= FirstTargetColumn && column < FirstTargetColumn + m_targets.size();
}

QString HiresModel::targetForColumn(int column) const
{
    return isTargetColumn(column) ? m_targets.at(column - FirstTargetColumn) : QString();
}

int HiresModel::columnForTarget(const QString& target) const
{
    const qsizetype index = m_targets.indexOf(target);
    return index < 0 ? -1 : FirstTargetColumn + int(index);
}

QString HiresModel::targetDisplayName(const QString& target)
{
    if (target == QLatin1String("bob")) {
        return tr("Bob");
    }
    if (target == QLatin1String("bamboohr")) {
        return tr("BambooHR");
    }
    if (target == QLatin1String("personio")) {
        return tr("Personio");
    }
    return target;
}

void HiresModel::setHires(const QList<Hire>& hires, const QList<PushRecord>& records)
{
    beginResetModel();
    m_rows.clear();
    m_rows.reserve(hires.size());
    m_rowByApplication.clear();
    m_rowByApplication.reserve(hires.size());
    m_sortRanks.fill({});
    m_checkedCount = 0;

    for (const Hire& hire : hires) {
        if (m_rowByApplication.contains(hire.applicationId)) {
            qCWarning(lcHiresModel) << "duplicate hire ignored:" << hire.applicationId;
            continue;
        }
        Row row;
        row.applicationId = hire.applicationId;
        row.candidate = !hire.name.isEmpty()
            ? hire.name
            : QStringList {hire.firstName, hire.lastName}.join(QLatin1Char(' ')).trimmed();
        row.email = hire.email;
        row.job = hire.jobTitle;
        row.department = hire.department;
        row.startDate = hire.startDate;
        row.hiringManager = hire.hiringManager.displayName();
        row.hiringManagerEmail = hire.hiringManager.email;
        row.warnings = hire.warnings;
        row.filterKey = QStringList {row.candidate, row.job, row.email}.join(QLatin1Char('\n')).toCaseFolded();
        if (const QDate start = QDate::fromString(row.startDate, Qt::ISODate); start.isValid()) {
            row.startDay = start.toJulianDay();
        }
        m_rowByApplication.insert(row.applicationId, int(m_rows.size()));
        m_rows.append(std::move(row));
    }

    // A hire without a record for a target is shown as ready: the ledger creates exactly that record on upsert.
    m_cells = QList<Cell>(m_rows.size() * m_targets.size());
    for (const PushRecord& record : records) {
        const int row = m_rowByApplication.value(record.applicationId, -1);
        const qsizetype targetIndex = m_targets.indexOf(record.target);
        if (row < 0 || targetIndex < 0) {
            continue;
        }
        Cell& cell = cellAt(row, int(targetIndex));
        cell.state = record.state;
        cell.attempts = record.attempts;
        cell.remoteId = record.remoteId;
        cell.reason = record.reason;
    }

    m_stateCounts.fill(0);
    for (const Cell& cell : std::as_const(m_cells)) {
        ++m_stateCounts[std::size_t(cell.state)];
    }
    endResetModel();
    Q_EMIT stateCountsChanged();
    Q_EMIT checkedItemsChanged();
}

void HiresModel::updateRecord(const PushRecord& record)
{
    const int row = m_rowByApplication.value(record.applicationId, -1);
    const int column = columnForTarget(record.target);
    if (row < 0 || column < 0) {
        qCDebug(lcHiresModel) << "record for an unknown hire or target ignored:" << record.applicationId
                              << record.target;
        return;
    }
    Cell& cell = cellAt(row, column - FirstTargetColumn);
    const PushState previous = cell.state;
    cell.state = record.state;
    cell.attempts = record.attempts;
    cell.remoteId = record.remoteId;
    cell.reason = record.reason;
    // A tick only means "push this", which makes no sense once the record is on its way or done.
    const bool untick = cell.checked && !isCheckableState(cell.state);
    if (untick) {
        cell.checked = false;
        --m_checkedCount;
    }
    const QModelIndex changed = index(row, column);
    Q_EMIT dataChanged(changed, changed);
    if (previous != record.state) {
        --m_stateCounts[std::size_t(previous)];
        ++m_stateCounts[std::size_t(record.state)];
        Q_EMIT stateCountsChanged();
    }
    if (untick) {
        Q_EMIT checkedItemsChanged();
    }
}

QList<QPair<QString, QString>> HiresModel::checkedItems() const
{
    QList<QPair<QString, QString>> items;
    if (m_checkedCount == 0) {
        return items;
    }
    items.reserve(m_checkedCount);
    const int targetCount = int(m_targets.size());
    for (int row = 0; row < m_rows.size(); ++row) {
        for (int t = 0; t < targetCount; ++t) {
            if (cellAt(row, t).checked) {
                items.append({m_rows.at(row).applicationId, m_targets.at(t)});
            }
        }
    }
    return items;
}

void HiresModel::clearChecks()
{
    if (m_checkedCount == 0) {
        return;
    }
    const int targetCount = int(m_targets.size());
    for (int row = 0; row < m_rows.size(); ++row) {
        for (int t = 0; t < targetCount; ++t) {
            Cell& cell = cellAt(row, t);
            if (cell.checked) {
                cell.checked = false;
                const QModelIndex changed = index(row, FirstTargetColumn + t);
                Q_EMIT dataChanged(changed, changed, {Qt::CheckStateRole});
            }
        }
    }
    m_checkedCount = 0;
    Q_EMIT checkedItemsChanged();
}

void HiresModel::setChecked(const QList<int>& rows, const QString& target, bool checked)
{
    const int column = columnForTarget(target);
    if (column < 0) {
        return;
    }
    bool changedAny = false;
    for (const int row : rows) {
        if (row < 0 || row >= m_rows.size()) {
            continue;
        }
        Cell& cell = cellAt(row, column - FirstTargetColumn);
        if (cell.checked == checked || !isCheckableState(cell.state)) {
            continue;
        }
        cell.checked = checked;
        m_checkedCount += checked ? 1 : -1;
        changedAny = true;
        const QModelIndex changed = index(row, column);
        Q_EMIT dataChanged(changed, changed, {Qt::CheckStateRole});
    }
    if (changedAny) {
        Q_EMIT checkedItemsChanged();
    }
}

int HiresModel::rowForApplication(const QString& applicationId) const
{
    return m_rowByApplication.value(applicationId, -1);
}

QString HiresModel::applicationIdAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).applicationId : QString();
}

std::optional<PushState> HiresModel::stateAt(int row, const QString& target) const
{
    const qsizetype targetIndex = m_targets.indexOf(target);
    if (row < 0 || row >= m_rows.size() || targetIndex < 0) {
        return std::nullopt;
    }
    return cellAt(row, int(targetIndex)).state;
}

quint8 HiresModel::stateMaskAt(int row) const
{
    if (row < 0 || row >= m_rows.size()) {
        return 0;
    }
    quint8 mask = 0;
    const int targetCount = int(m_targets.size());
    for (int t = 0; t < targetCount; ++t) {
        mask |= quint8(1U << unsigned(cellAt(row, t).state));
    }
    return mask;
}

bool HiresModel::isCheckableState(PushState state)
{
    return state == PushState::Ready || state == PushState::Failed || state == PushState::Skipped;
}

QString HiresModel::stateText(PushState state)
{
    // The ellipsis says "still going" in a cell; counts and sentences use the plain label.
    return state == PushState::Sending ? tr("Sending…") : stateLabel(state);
}

QString HiresModel::stateLabel(PushState state)
{
    switch (state) {
    case PushState::Ready:
        return tr("Ready");
    case PushState::Sending:
        return tr("Sending");
    case PushState::Pushed:
        return tr("Pushed");
    case PushState::Failed:
        return tr("Failed");
    case PushState::Exists:
        return tr("Exists");
    case PushState::Skipped:
        return tr("Skipped");
    }
    return QString();
}

int HiresModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int HiresModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : FirstTargetColumn + int(m_targets.size());
}

QVariant HiresModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid()) {
        return {};
    }
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    const Row& row = m_rows.at(index.row());
    switch (role) {
    case ItemRoles::ApplicationIdRole:
        return row.applicationId;
    case ItemRoles::FilterRole:
        return row.filterKey;
    case ItemRoles::EmailRole:
        return row.email;
    case ItemRoles::WarningsRole:
        return row.warnings;
    case ItemRoles::SortRole:
        return sortRankAt(index.row(), index.column());
    default:
        break;
    }
    if (isTargetColumn(index.column())) {
        return targetData(index.row(), index.column() - FirstTargetColumn, role);
    }
    return hireData(row, index.column(), role);
}

QVariant HiresModel::hireData(const Row& row, int column, int role) const
{
    if (role == Qt::DisplayRole) {
        switch (column) {
        case Candidate:
            return row.candidate;
        case Job:
            return row.job;
        case Department:
            return row.department;
        case StartDate:
            return row.startDate;
        case HiringManager:
            return row.hiringManager;
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (column) {
        case Candidate: {
            QStringList lines {row.candidate};
            lines << (row.email.isEmpty() ? tr("No e-mail address") : row.email);
            lines << row.warnings;
            return lines.join(QLatin1Char('\n'));
        }
        case StartDate:
            return row.startDate.isEmpty() ? tr("No accepted offer yet, so no start date") : QVariant();
        case HiringManager:
            return row.hiringManagerEmail.isEmpty() ? QVariant() : QVariant(row.hiringManagerEmail);
        default:
            return {};
        }
    }
    return {};
}

QVariant HiresModel::targetData(int row, int targetIndex, int role) const
{
    const Cell& cell = cellAt(row, targetIndex);
    switch (role) {
    case Qt::DisplayRole:
        return stateText(cell.state);
    case Qt::ToolTipRole:
        return cellToolTip(cell);
    case Qt::CheckStateRole:
        // No check state at all for records that cannot be pushed, so no checkbox is offered.
        if (!isCheckableState(cell.state)) {
            return {};
        }
        return cell.checked ? Qt::Checked : Qt::Unchecked;
    case ItemRoles::PushStateRole:
        return int(cell.state);
    case ItemRoles::TargetRole:
        return m_targets.at(targetIndex);
    case ItemRoles::ReasonRole:
        return cell.reason;
    case ItemRoles::RemoteIdRole:
        return cell.remoteId;
    default:
        return {};
    }
}

QString HiresModel::cellToolTip(const Cell& cell) const
{
    QStringList lines;
    if (!cell.reason.isEmpty()) {
        lines << cell.reason;
    }
    if (!cell.remoteId.isEmpty()) {
        lines << tr("Id in target: %1").arg(cell.remoteId);
    }
    if (cell.state == PushState::Failed && cell.attempts > 0) {
        lines << tr("Attempts: %1").arg(cell.attempts);
    }
    return lines.join(QLatin1Char('\n'));
}

bool HiresModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (role != Qt::CheckStateRole || !index.isValid() || !isTargetColumn(index.column())) {
        return false;
    }
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    Cell& cell = cellAt(index.row(), index.column() - FirstTargetColumn);
    if (!isCheckableState(cell.state)) {
        return false;
    }
    const bool checked = value.toInt() == Qt::Checked;
    if (cell.checked != checked) {
        cell.checked = checked;
        m_checkedCount += checked ? 1 : -1;
        Q_EMIT dataChanged(index, index, {Qt::CheckStateRole});
        Q_EMIT checkedItemsChanged();
    }
    return true;
}

Qt::ItemFlags HiresModel::flags(const QModelIndex& index) const
{
    if (!index.isValid()) {
        return Qt::NoItemFlags;
    }
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    Qt::ItemFlags result = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
    if (isTargetColumn(index.column())
        && isCheckableState(cellAt(index.row(), index.column() - FirstTargetColumn).state)) {
        result |= Qt::ItemIsUserCheckable;
    }
    return result;
}

QVariant HiresModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount()) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    if (role == Qt::DisplayRole) {
        switch (section) {
        case Candidate:
            return tr("Candidate");
        case Job:
            return tr("Job");
        case Department:
            return tr("Department");
        case StartDate:
            return tr("Start date");
        case HiringManager:
            return tr("Hiring manager");
        default:
            return targetDisplayName(targetForColumn(section));
        }
    }
    if (role == Qt::ToolTipRole && isTargetColumn(section)) {
        return tr("Push state in %1; tick a hire to push it there").arg(targetDisplayName(targetForColumn(section)));
    }
    if (role == ItemRoles::TargetRole && isTargetColumn(section)) {
        return targetForColumn(section);
    }
    return {};
}

int HiresModel::sortRankAt(int row, int column) const
{
    if (row < 0 || row >= m_rows.size()) {
        return 0;
    }
    if (isTargetColumn(column)) {
        return stateSortRank(cellAt(row, column - FirstTargetColumn).state);
    }
    if (column < 0 || column >= FirstTargetColumn) {
        return 0;
    }
    if (m_sortRanks[column].size() != m_rows.size()) {
        buildSortRanks(column);
    }
    return m_sortRanks[column].at(row);
}

void HiresModel::buildSortRanks(int column) const
{
    const int count = int(m_rows.size());
    const auto text = [this, column](int row) -> const QString& {
        const Row& r = m_rows.at(row);
        switch (column) {
        case Job:
            return r.job;
        case Department:
            return r.department;
        case StartDate:
            return r.startDate;
        case HiringManager:
            return r.hiringManager;
        default:
            return r.candidate;
        }
    };

    QList<int> order(count);
    std::iota(order.begin(), order.end(), 0);
    QList<int> ranks(count);
    // Rows with nothing to show sort after the rest, whichever text column it is.
    const auto emptyLast = [&](int a, int b) { return text(a).isEmpty() < text(b).isEmpty(); };

    if (column == StartDate) {
        // ISO dates order correctly as plain strings; no collation needed.
        std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
            if (text(a).isEmpty() != text(b).isEmpty()) {
                return emptyLast(a, b);
            }
            return text(a) < text(b);
        });
        for (int i = 0, rank = 0; i < count; ++i) {
            if (i > 0 && text(order.at(i)) != text(order.at(i - 1))) {
                rank = i;
            }
            ranks[order.at(i)] = rank;
        }
    } else {
        // The C locale (common in services and test runs) collates by code point, which would sort "Łukasz" after
        // "Zoë"; nobody reads names that way, so use a real locale instead.
        QCollator collator(QLocale().language() == QLocale::C ? QLocale(QLocale::English) : QLocale());
        collator.setCaseSensitivity(Qt::CaseInsensitive);
        collator.setNumericMode(true);
        std::vector<QCollatorSortKey> keys;
        keys.reserve(std::size_t(count));
        for (int row = 0; row < count; ++row) {
            keys.push_back(collator.sortKey(text(row)));
        }
        std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
            if (text(a).isEmpty() != text(b).isEmpty()) {
                return emptyLast(a, b);
            }
            return keys[std::size_t(a)].compare(keys[std::size_t(b)]) < 0;
        });
        for (int i = 0, rank = 0; i < count; ++i) {
            if (i > 0 && keys[std::size_t(order.at(i))].compare(keys[std::size_t(order.at(i - 1))]) != 0) {
                rank = i;
            }
            ranks[order.at(i)] = rank;
        }
    }
    m_sortRanks[column] = ranks;
}
