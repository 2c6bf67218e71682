#include "HiresModel.h"

#include "ledger/Ledger.h"

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
    case PushState::Unknown:
        return 0;
    case PushState::Failed:
        return 1;
    case PushState::Ready:
        return 2;
    case PushState::Sending:
        return 3;
    case PushState::Exists:
        return 4;
    case PushState::Skipped:
        return 5;
    case PushState::Pushed:
        return 6;
    }
    return 7;
}

bool isAscii(QStringView text)
{
    return std::all_of(text.begin(), text.end(), [](QChar c) { return c.unicode() < 0x80; });
}

// Letters that carry their mark in the letter itself, so decomposition does not take it off; Polish, Nordic,
// Croatian, Maltese and Turkish names need them.
QStringView baseLetters(char16_t c)
{
    switch (c) {
    case u'ł':
    case u'Ł':
        return u"l";
    case u'ø':
    case u'Ø':
        return u"o";
    case u'đ':
    case u'Đ':
        return u"d";
    case u'ħ':
    case u'Ħ':
        return u"h";
    case u'ı':
        return u"i";
    case u'æ':
    case u'Æ':
        return u"ae";
    case u'œ':
    case u'Œ':
        return u"oe";
    case u'ß':
    case u'ẞ':
        return u"ss";
    case u'þ':
    case u'Þ':
        return u"th";
    default:
        return {};
    }
}

// Decomposes (compatibility decomposition also turns ligatures and full-width letters into plain ones), drops the
// marks that split off, maps the letters that keep their mark, and folds case: correct for any text, but slow.
QString foldSlowly(QStringView text)
{
    const QString decomposed = text.toString().normalized(QString::NormalizationForm_KD);
    QString folded;
    folded.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        if (c.category() == QChar::Mark_NonSpacing) {
            continue;
        }
        if (const QStringView base = baseLetters(c.unicode()); !base.isEmpty()) {
            folded += base;
        } else {
            folded += c;
        }
    }
    return folded.toCaseFolded();
}

// The Latin letters of European names (up to Latin Extended-B) folded one by one, once: every name in those scripts
// then folds without decomposing anything.
constexpr char16_t FirstOtherChar = 0x250;

const std::array<QString, FirstOtherChar>& latinFolds()
{
    static const std::array<QString, FirstOtherChar> folds = [] {
        std::array<QString, FirstOtherChar> table;
        for (char16_t c = 0; c < FirstOtherChar; ++c) {
            table[c] = foldSlowly(QStringView(&c, 1));
        }
        return table;
    }();
    return folds;
}

} // namespace

HiresModel::HiresModel(const QStringList& targets, QObject* parent)
    : QAbstractTableModel(parent)
    , m_targets(targets)
    , m_searchStart(1, 0)
{
    m_strings.append(QString());
    m_textIds.insert(QString(), 0);
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

QString HiresModel::foldedForSearch(QStringView text)
{
    QString folded;
    folded.reserve(text.size());
    for (const QChar c : text) {
        if (c.unicode() < 0x80) {
            folded += c.unicode() >= u'A' && c.unicode() <= u'Z' ? QChar(c.unicode() + (u'a' - u'A')) : c;
        } else if (c.unicode() < FirstOtherChar) {
            folded += latinFolds()[c.unicode()];
        } else {
            // Another script, or a combining mark that belongs to the letter before it: the whole text the slow way.
            return foldSlowly(text);
        }
    }
    return folded;
}

HiresModel::TextId HiresModel::intern(const QString& text) const
{
    if (text.isEmpty()) {
        return 0;
    }
    const auto found = m_textIds.constFind(text);
    if (found != m_textIds.constEnd()) {
        return *found;
    }
    const auto id = TextId(m_strings.size());
    m_strings.append(text);
    m_textIds.insert(text, id);
    return id;
}

void HiresModel::setHireRows(QList<HireRow> rows, const QList<PushRecord>& records)
{
    beginRows(rows.size());
    for (HireRow& hire : rows) {
        appendRow(std::move(hire.applicationId), std::move(hire.name), std::move(hire.email), hire.jobTitle,
            hire.department, hire.startDate, hire.hiringManager);
    }
    rows = {}; // the moved-from rows still hold the repeating texts: free them before the cells are built
    endRows(records);
}

void HiresModel::setHires(const QList<Hire>& hires, const QList<PushRecord>& records)
{
    beginRows(hires.size());
    for (const Hire& hire : hires) {
        const QString candidate = !hire.name.isEmpty()
            ? hire.name
            : QStringList {hire.firstName, hire.lastName}.join(QLatin1Char(' ')).trimmed();
        if (Row* row = appendRow(hire.applicationId, candidate, hire.email, hire.jobTitle, hire.department,
                hire.startDate, hire.hiringManager.displayName())) {
            row->hiringManagerEmail = intern(hire.hiringManager.email);
            row->warnings = hire.warnings;
            row->detailsKnown = true;
        }
    }
    endRows(records);
}

void HiresModel::setHireLoader(HireLoader loader)
{
    m_hireLoader = std::move(loader);
}

void HiresModel::beginRows(qsizetype expected)
{
    beginResetModel();
    m_rows.clear();
    m_rows.reserve(std::size_t(expected));
    m_rowByApplication.clear();
    m_rowByApplication.reserve(expected);
    m_strings = QStringList {QString()};
    m_textIds.clear();
    m_textIds.insert(QString(), 0);
    m_foldedTexts.assign(1, QString());
    m_startDays.assign(1, NoStartDay);
    m_searchText.clear();
    // Candidate, job and e-mail of a typical hire: one allocation for most data sets, growth for the rest.
    m_searchText.reserve(expected * 56);
    m_searchStart.assign(1, 0);
    m_searchStart.reserve(std::size_t(expected) + 1);
    m_sortRanks.fill({});
    m_checkedCount = 0;
}

HiresModel::Row* HiresModel::appendRow(QString applicationId, QString candidate, QString email, const QString& job,
    const QString& department, const QString& startDate, const QString& hiringManager)
{
    if (m_rowByApplication.contains(applicationId)) {
        qCWarning(lcHiresModel) << "duplicate hire ignored:" << applicationId;
        return nullptr;
    }
    Row row;
    row.applicationId = std::move(applicationId);
    row.candidate = std::move(candidate);
    row.email = std::move(email);
    row.job = intern(job);
    row.department = intern(department);
    row.startDate = intern(startDate);
    row.hiringManager = intern(hiringManager);
    if (m_foldedTexts.size() < std::size_t(m_strings.size())) {
        m_foldedTexts.resize(std::size_t(m_strings.size()));
        m_startDays.resize(std::size_t(m_strings.size()), UnparsedDay);
    }
    // The same few hundred dates come back row after row: parse each once.
    if (row.startDate != 0) {
        qint64& day = m_startDays[row.startDate];
        if (day == UnparsedDay) {
            const QDate start = QDate::fromString(startDate, Qt::ISODate);
            day = start.isValid() ? start.toJulianDay() : NoStartDay;
        }
        row.startDay = day;
    }

    appendSearchText(QStringView(row.candidate));
    m_searchText += QLatin1Char('\n');
    appendSearchText(row.job);
    m_searchText += QLatin1Char('\n');
    appendSearchText(QStringView(row.email));
    m_searchStart.push_back(m_searchText.size());

    m_rowByApplication.insert(row.applicationId, int(m_rows.size()));
    m_rows.push_back(std::move(row));
    return &m_rows.back();
}

void HiresModel::appendSearchText(QStringView text)
{
    if (!isAscii(text)) {
        m_searchText += foldedForSearch(text);
        return;
    }
    const qsizetype at = m_searchText.size();
    m_searchText.resize(at + text.size());
    std::transform(text.begin(), text.end(), m_searchText.begin() + at,
        [](QChar c) { return c.unicode() >= u'A' && c.unicode() <= u'Z' ? QChar(c.unicode() + (u'a' - u'A')) : c; });
}

void HiresModel::appendSearchText(TextId id)
{
    // Job titles repeat: fold each once.
    QString& folded = m_foldedTexts[id];
    if (folded.isNull()) {
        folded = foldedForSearch(textOf(id));
        if (folded.isNull()) {
            folded = QStringLiteral("");
        }
    }
    m_searchText += folded;
}

void HiresModel::endRows(const QList<PushRecord>& records)
{
    m_foldedTexts = {};
    m_startDays = {};
    m_searchText.squeeze();

    // A hire without a record for a target is shown as ready: the ledger creates exactly that record on upsert.
    m_cells = QList<Cell>(qsizetype(m_rows.size()) * m_targets.size());
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

const HiresModel::Row& HiresModel::rowWithDetails(int row) const
{
    const Row& r = m_rows[std::size_t(row)];
    if (!r.detailsKnown && m_hireLoader) {
        // Also when the hire cannot be loaded: one failed read is enough, not one per tooltip.
        r.detailsKnown = true;
        if (const std::optional<Hire> hire = m_hireLoader(r.applicationId)) {
            r.hiringManagerEmail = intern(hire->hiringManager.email);
            r.warnings = hire->warnings;
        }
    }
    return r;
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
    for (int row = 0; row < int(m_rows.size()); ++row) {
        for (int t = 0; t < targetCount; ++t) {
            if (cellAt(row, t).checked) {
                items.append({m_rows[std::size_t(row)].applicationId, m_targets.at(t)});
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
    for (int row = 0; row < int(m_rows.size()); ++row) {
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
        if (row < 0 || row >= int(m_rows.size())) {
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
    return row >= 0 && row < int(m_rows.size()) ? m_rows[std::size_t(row)].applicationId : QString();
}

std::optional<PushState> HiresModel::stateAt(int row, const QString& target) const
{
    const qsizetype targetIndex = m_targets.indexOf(target);
    if (row < 0 || row >= int(m_rows.size()) || targetIndex < 0) {
        return std::nullopt;
    }
    return cellAt(row, int(targetIndex)).state;
}

quint8 HiresModel::stateMaskAt(int row) const
{
    if (row < 0 || row >= int(m_rows.size())) {
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
    case PushState::Unknown:
        return tr("Unknown");
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
    const Row& row = m_rows[std::size_t(index.row())];
    switch (role) {
    case ItemRoles::ApplicationIdRole:
        return row.applicationId;
    case ItemRoles::FilterRole:
        return searchTextAt(index.row()).toString();
    case ItemRoles::EmailRole:
        return row.email;
    case ItemRoles::WarningsRole:
        return rowWithDetails(index.row()).warnings;
    case ItemRoles::SortRole:
        return sortRankAt(index.row(), index.column());
    default:
        break;
    }
    if (isTargetColumn(index.column())) {
        return targetData(index.row(), index.column() - FirstTargetColumn, role);
    }
    return hireData(index.row(), index.column(), role);
}

HiresModel::TextId HiresModel::textIdOf(const Row& row, int column)
{
    switch (column) {
    case Job:
        return row.job;
    case Department:
        return row.department;
    case StartDate:
        return row.startDate;
    case HiringManager:
        return row.hiringManager;
    default:
        return 0; // the candidate is the row's own text, not a shared one
    }
}

const QString& HiresModel::hireText(const Row& row, int column) const
{
    return column == Candidate ? row.candidate : textOf(textIdOf(row, column));
}

void HiresModel::setTargets(const QStringList& targets)
{
    if (targets == m_targets) {
        return;
    }
    beginRows(0);
    m_targets = targets;
    endRows({});
}

void HiresModel::setManagerNotes(const QHash<QString, QString>& notesByName, const QSet<QString>& needConfirming)
{
    m_managerNotes = notesByName;
    m_managersToConfirm = needConfirming;
    if (!m_rows.empty()) {
        Q_EMIT dataChanged(
            index(0, HiringManager), index(int(m_rows.size()) - 1, HiringManager), {Qt::DisplayRole, Qt::ToolTipRole});
    }
}

QVariant HiresModel::hireData(int rowIndex, int column, int role) const
{
    const Row& row = m_rows[std::size_t(rowIndex)];
    if (role == Qt::DisplayRole) {
        if (column == HiringManager && row.hiringManager != 0
            && m_managersToConfirm.contains(textOf(row.hiringManager))) {
            return tr("%1 · confirm").arg(textOf(row.hiringManager));
        }
        return column >= 0 && column < FirstTargetColumn ? QVariant(hireText(row, column)) : QVariant();
    }
    if (role == Qt::ToolTipRole) {
        switch (column) {
        case Candidate: {
            QStringList lines {row.candidate};
            lines << (row.email.isEmpty() ? tr("No e-mail address") : row.email);
            lines << rowWithDetails(rowIndex).warnings;
            return lines.join(QLatin1Char('\n'));
        }
        case StartDate:
            return row.startDate == 0 ? tr("No accepted offer yet, so no start date") : QVariant();
        case HiringManager: {
            QStringList lines;
            const QString& email = textOf(rowWithDetails(rowIndex).hiringManagerEmail);
            if (!email.isEmpty()) {
                lines << email;
            }
            const QString note = m_managerNotes.value(textOf(row.hiringManager));
            if (!note.isEmpty()) {
                lines << note;
            }
            return lines.isEmpty() ? QVariant() : QVariant(lines.join(QLatin1Char('\n')));
        }
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
    if (row < 0 || row >= int(m_rows.size())) {
        return 0;
    }
    if (isTargetColumn(column)) {
        return stateSortRank(cellAt(row, column - FirstTargetColumn).state);
    }
    if (column < 0 || column >= FirstTargetColumn) {
        return 0;
    }
    if (m_sortRanks[column].size() != qsizetype(m_rows.size())) {
        buildSortRanks(column);
    }
    return m_sortRanks[column].at(row);
}

void HiresModel::buildSortRanks(int column) const
{
    // Ranks are dense: equal texts share one, and rows with nothing to show rank after the rest, whichever text
    // column it is. Only the candidate differs on (nearly) every row; the other columns repeat, so their few
    // distinct texts are ordered once and every row takes its text's rank.
    const int count = int(m_rows.size());
    std::vector<QStringView> texts; // what to order: one per row (candidate) or one per distinct text
    std::vector<TextId> ids; // the TextId of each entry of `texts` (repeating columns only)
    if (column == Candidate) {
        texts.reserve(std::size_t(count));
        for (const Row& row : m_rows) {
            texts.push_back(row.candidate);
        }
    } else {
        std::vector<bool> used(std::size_t(m_strings.size()), false);
        for (const Row& row : m_rows) {
            used[textIdOf(row, column)] = true;
        }
        for (TextId id = 0; id < TextId(used.size()); ++id) {
            if (used[id]) {
                ids.push_back(id);
                texts.push_back(textOf(id));
            }
        }
    }

    std::vector<int> order(texts.size());
    std::iota(order.begin(), order.end(), 0);
    std::vector<int> denseRank(texts.size());
    const auto isEmpty = [&](int i) { return texts[std::size_t(i)].isEmpty(); };
    if (column == StartDate) {
        // ISO dates order correctly as plain strings; no collation needed.
        std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
            if (isEmpty(a) != isEmpty(b)) {
                return isEmpty(b);
            }
            return texts[std::size_t(a)] < texts[std::size_t(b)];
        });
        for (std::size_t i = 0, rank = 0; i < order.size(); ++i) {
            if (i > 0
                && (isEmpty(order[i]) != isEmpty(order[i - 1])
                    || texts[std::size_t(order[i])] != texts[std::size_t(order[i - 1])])) {
                ++rank;
            }
            denseRank[std::size_t(order[i])] = int(rank);
        }
    } else {
        // The C locale (common in services and test runs) collates by code point, which would sort "Łukasz" after
        // "Zoë"; nobody reads names that way, so use a real locale instead.
        QCollator collator(QLocale().language() == QLocale::C ? QLocale(QLocale::English) : QLocale());
        collator.setCaseSensitivity(Qt::CaseInsensitive);
        collator.setNumericMode(true);
        std::vector<QCollatorSortKey> keys;
        keys.reserve(texts.size());
        for (const QStringView text : texts) {
            keys.push_back(collator.sortKey(text.toString()));
        }
        std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
            if (isEmpty(a) != isEmpty(b)) {
                return isEmpty(b);
            }
            return keys[std::size_t(a)].compare(keys[std::size_t(b)]) < 0;
        });
        for (std::size_t i = 0, rank = 0; i < order.size(); ++i) {
            if (i > 0
                && (isEmpty(order[i]) != isEmpty(order[i - 1])
                    || keys[std::size_t(order[i])].compare(keys[std::size_t(order[i - 1])]) != 0)) {
                ++rank;
            }
            denseRank[std::size_t(order[i])] = int(rank);
        }
    }

    QList<int> ranks(count);
    if (column == Candidate) {
        std::copy(denseRank.begin(), denseRank.end(), ranks.begin());
    } else {
        std::vector<int> rankOfText(std::size_t(m_strings.size()), 0);
        for (std::size_t i = 0; i < ids.size(); ++i) {
            rankOfText[ids[i]] = denseRank[i];
        }
        for (int row = 0; row < count; ++row) {
            ranks[row] = rankOfText[textIdOf(m_rows[std::size_t(row)], column)];
        }
    }
    m_sortRanks[column] = ranks;
}
