#include "ManagerMatchDialog.h"

#include "models/DirectoryModel.h"
#include "models/FieldFilterProxyModel.h"
#include "models/ItemRoles.h"

#include <QAbstractProxyModel>
#include <QApplication>
#include <QBoxLayout>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPainter>
#include <QPushButton>
#include <QSet>
#include <QStackedWidget>
#include <QStyledItemDelegate>

#include <algorithm>

namespace {

constexpr int NoteGap = 10;
// Enough rows of close names to compare them at a glance; the search list below takes the rest of the height.
constexpr int MaxSuggestionRowsShown = 6;
constexpr int MinimumWidth = 400;
constexpr int DefaultWidth = 560;
constexpr int DefaultHeight = 560;

QLabel* createPlaceholderLabel(QWidget* parent, const QString& objectName)
{
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setAlignment(Qt::AlignCenter);
    label->setMargin(12);
    label->setFrameShape(QFrame::StyledPanel);
    label->setBackgroundRole(QPalette::Base);
    label->setForegroundRole(QPalette::Text);
    label->setAutoFillBackground(true);
    label->setTextFormat(Qt::PlainText);
    return label;
}

QLabel* createSectionTitle(const QString& text, QWidget* parent, const QString& objectName)
{
    auto* label = new QLabel(text, parent);
    label->setObjectName(objectName);
    QFont font = label->font();
    font.setWeight(QFont::DemiBold);
    label->setFont(font);
    return label;
}

// The DirectoryModel row behind a view index, through any proxies.
const DirectoryEntry* sourceEntry(const QModelIndex& index)
{
    QModelIndex source = index;
    while (const auto* proxy = qobject_cast<const QAbstractProxyModel*>(source.model())) {
        source = proxy->mapToSource(source);
    }
    const auto* model = qobject_cast<const DirectoryModel*>(source.model());
    if (!model || !source.isValid()) {
        return nullptr;
    }
    return &model->entryAt(source.row());
}

// One employee per row: the name, the e-mail dimmed beside it, and on the right "inactive" and "current match" notes.
// The notes are painted before the e-mail so a long address gives way, not the words that decide the pick.
class PersonRowDelegate : public QStyledItemDelegate
{
public:
    PersonRowDelegate(const QString& currentMatchId, QObject* parent)
        : QStyledItemDelegate(parent)
        , m_currentMatchId(currentMatchId)
    {
    }

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        // Rows are picked whole; a focus frame around the text would suggest it can be edited.
        opt.state &= ~QStyle::State_HasFocus;
        const QString name = opt.text;
        opt.text.clear();
        const QWidget* widget = opt.widget;
        QStyle* style = widget ? widget->style() : QApplication::style();
        style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

        const DirectoryEntry* entry = sourceEntry(index);
        const bool selected = opt.state & QStyle::State_Selected;
        const QString email = index.data(ItemRoles::EmailRole).toString();
        QStringList notes;
        if (entry && !m_currentMatchId.isEmpty() && entry->id == m_currentMatchId) {
            notes.append(QCoreApplication::translate("ManagerMatchDialog", "current match"));
        }
        if (entry && !entry->active) {
            notes.append(QCoreApplication::translate("ManagerMatchDialog", "(inactive)"));
        }

        const QRect textRect = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, widget).adjusted(4, 0, -4, 0);
        QFont noteFont = opt.font;
        noteFont.setItalic(true);
        const QFontMetrics noteMetrics(noteFont);
        const QString noteText = noteMetrics.elidedText(
            notes.join(QStringLiteral(", ")), Qt::ElideRight, std::max(0, textRect.width() / 2));
        const int noteWidth = noteText.isEmpty() ? 0 : noteMetrics.horizontalAdvance(noteText);

        const QColor textColor = opt.palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
        QColor dimColor = opt.palette.color(QPalette::PlaceholderText);
        if (selected) {
            dimColor = textColor;
            dimColor.setAlphaF(0.8f);
        }

        painter->save();
        int available = textRect.width() - (noteWidth > 0 ? noteWidth + NoteGap : 0);
        const QString shownName = opt.fontMetrics.elidedText(name, Qt::ElideRight, std::max(0, available));
        painter->setFont(opt.font);
        painter->setPen(textColor);
        painter->drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter, shownName);
        const int nameWidth = opt.fontMetrics.horizontalAdvance(shownName);
        available -= nameWidth + NoteGap;
        if (!email.isEmpty() && available > opt.fontMetrics.horizontalAdvance(QStringLiteral("a…@"))) {
            QRect emailRect = textRect;
            emailRect.setLeft(textRect.left() + nameWidth + NoteGap);
            emailRect.setWidth(available);
            painter->setPen(dimColor);
            painter->drawText(emailRect, Qt::AlignLeft | Qt::AlignVCenter,
                opt.fontMetrics.elidedText(email, Qt::ElideMiddle, available));
        }
        if (!noteText.isEmpty()) {
            painter->setFont(noteFont);
            painter->setPen(dimColor);
            painter->drawText(textRect, Qt::AlignRight | Qt::AlignVCenter, noteText);
        }
        painter->restore();
    }

    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        QSize size = QStyledItemDelegate::sizeHint(option, index);
        size.setHeight(std::max(size.height(), option.fontMetrics.height() + 12));
        return size;
    }

private:
    QString m_currentMatchId;
};

// The current match first (the admin may be correcting it), then the close names, each person once.
Directory suggestionList(const PersonRef& manager, const ManagerResolution& resolution, const Directory& directory)
{
    QList<DirectoryEntry> entries;
    if (resolution.employee) {
        entries.append(*resolution.employee);
    }
    // resolve() only lists close names when nothing matched; a matched manager still gets them to choose from.
    const QList<DirectoryEntry> close
        = resolution.suggestions.isEmpty() ? ManagerMatcher::suggestions(manager, directory) : resolution.suggestions;
    entries.append(close);

    Directory list;
    QSet<QString> seen;
    for (const DirectoryEntry& entry : std::as_const(entries)) {
        const QString key = entry.id.isEmpty() ? QStringLiteral("e:") + normalizedEmail(entry.email) : entry.id;
        if (seen.contains(key)) {
            continue;
        }
        seen.insert(key);
        list.add(entry);
    }
    return list;
}

} // namespace

ManagerMatchDialog::ManagerMatchDialog(const QString& targetName, const PersonRef& manager,
    const ManagerResolution& resolution, const Directory& directory, QWidget* parent)
    : QDialog(parent)
    , m_targetName(targetName)
    , m_directoryEmpty(directory.size() == 0)
    , m_suggestionsModel(new DirectoryModel(this))
    , m_directoryModel(new DirectoryModel(this))
    , m_directoryProxy(new FieldFilterProxyModel(this))
{
    setObjectName(QStringLiteral("managerMatchDialog"));
    const QString managerName = manager.displayName().isEmpty() ? manager.email.trimmed() : manager.displayName();
    setWindowTitle(tr("Confirm hiring manager in %1").arg(targetName));

    if (resolution.employee) {
        m_currentMatchId = resolution.employee->id;
    }
    m_suggestionsModel->setPurpose(DirectoryModel::Purpose::Managers);
    m_suggestionsModel->setDirectory(suggestionList(manager, resolution, directory));
    m_directoryModel->setPurpose(DirectoryModel::Purpose::Managers);
    m_directoryModel->setDirectory(directory);
    m_directoryProxy->setSourceModel(m_directoryModel);
    m_directoryProxy->setSortLocaleAware(true);
    m_directoryProxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_directoryProxy->sort(0);

    auto* layout = new QVBoxLayout(this);
    layout->setSpacing(10);

    m_headerLabel = new QLabel(this);
    m_headerLabel->setObjectName(QStringLiteral("managerHeaderLabel"));
    m_headerLabel->setWordWrap(true);
    m_headerLabel->setTextFormat(Qt::PlainText);
    QFont headerFont = m_headerLabel->font();
    headerFont.setPointSizeF(headerFont.pointSizeF() * 1.2);
    headerFont.setWeight(QFont::DemiBold);
    m_headerLabel->setFont(headerFont);
    m_headerLabel->setText(managerName.isEmpty() ? tr("This hire has no hiring manager in Ashby")
                                                 : tr("Who is %1 in %2?").arg(managerName, targetName));
    layout->addWidget(m_headerLabel);

    auto* facts = new QFormLayout;
    facts->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    facts->setRowWrapPolicy(QFormLayout::WrapLongRows);
    facts->setHorizontalSpacing(12);
    facts->setVerticalSpacing(4);
    // The name is in the header; the address gets a line of its own so it is never broken at a hyphen mid-way.
    auto* ashbyLabel = new QLabel(this);
    ashbyLabel->setObjectName(QStringLiteral("managerAshbyLabel"));
    ashbyLabel->setWordWrap(true);
    ashbyLabel->setTextFormat(Qt::PlainText);
    // The admin may want to paste the address into a search in the HR system.
    ashbyLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    const QString email = manager.email.trimmed();
    ashbyLabel->setText(email.isEmpty() ? tr("none") : email);
    facts->addRow(tr("E-mail in Ashby:"), ashbyLabel);
    m_foundLabel = new QLabel(resolution.describe(targetName), this);
    m_foundLabel->setObjectName(QStringLiteral("managerFoundLabel"));
    m_foundLabel->setWordWrap(true);
    m_foundLabel->setTextFormat(Qt::PlainText);
    facts->addRow(tr("Match in %1:").arg(targetName), m_foundLabel);
    layout->addLayout(facts);

    m_emptyDirectoryLabel = createPlaceholderLabel(this, QStringLiteral("managerEmptyDirectoryLabel"));
    m_emptyDirectoryLabel->setText(
        tr("No employee list cached for %1 yet: push once or refresh the directory.").arg(targetName));
    layout->addWidget(m_emptyDirectoryLabel, 1);

    m_pickPanel = new QWidget(this);
    m_pickPanel->setObjectName(QStringLiteral("managerPickPanel"));
    auto* pickLayout = new QVBoxLayout(m_pickPanel);
    pickLayout->setContentsMargins(0, 4, 0, 0);
    pickLayout->setSpacing(6);

    m_suggestionsTitle
        = createSectionTitle(resolution.employee ? tr("Current match and close names") : tr("Close names"), m_pickPanel,
            QStringLiteral("managerSuggestionsTitle"));
    pickLayout->addWidget(m_suggestionsTitle);
    m_suggestionsStack = new QStackedWidget(m_pickPanel);
    m_suggestionsStack->setObjectName(QStringLiteral("managerSuggestionsStack"));
    m_suggestionsView = createListView(QStringLiteral("managerSuggestions"), tr("Close names in %1").arg(targetName));
    m_suggestionsView->setParent(m_suggestionsStack);
    m_suggestionsView->setModel(m_suggestionsModel);
    m_suggestionsStack->addWidget(m_suggestionsView);
    m_noSuggestionsLabel = createPlaceholderLabel(m_suggestionsStack, QStringLiteral("managerNoSuggestionsLabel"));
    m_noSuggestionsLabel->setForegroundRole(QPalette::PlaceholderText);
    m_noSuggestionsLabel->setText(
        tr("Nobody in %1 has a name close to %2. Search for them below.").arg(targetName, managerName));
    m_suggestionsStack->addWidget(m_noSuggestionsLabel);
    const bool hasSuggestions = m_suggestionsModel->rowCount() > 0;
    m_suggestionsStack->setCurrentWidget(
        hasSuggestions ? static_cast<QWidget*>(m_suggestionsView) : m_noSuggestionsLabel);
    if (hasSuggestions) {
        // Exactly as tall as its rows: the close names are few, and the search list below wants the height.
        const int rows = std::min(m_suggestionsModel->rowCount(), MaxSuggestionRowsShown);
        const int height = rows * m_suggestionsView->sizeHintForRow(0) + 2 * m_suggestionsView->frameWidth() + 2;
        m_suggestionsView->setFixedHeight(height);
        m_suggestionsStack->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
        m_suggestionsStack->setFixedHeight(height);
    } else {
        m_suggestionsStack->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
        m_suggestionsStack->setMaximumHeight(m_noSuggestionsLabel->sizeHint().height());
    }
    pickLayout->addWidget(m_suggestionsStack);

    pickLayout->addSpacing(6);
    pickLayout->addWidget(
        createSectionTitle(tr("Everyone in %1").arg(targetName), m_pickPanel, QStringLiteral("managerSearchTitle")));
    m_search = new QLineEdit(m_pickPanel);
    m_search->setObjectName(QStringLiteral("managerSearch"));
    m_search->setPlaceholderText(tr("Search %1 by name or e-mail").arg(targetName));
    m_search->setAccessibleName(tr("Search the employees in %1").arg(targetName));
    m_search->setClearButtonEnabled(true);
    m_search->installEventFilter(this);
    pickLayout->addWidget(m_search);

    m_resultsStack = new QStackedWidget(m_pickPanel);
    m_resultsStack->setObjectName(QStringLiteral("managerSearchResultsStack"));
    m_resultsView = createListView(QStringLiteral("managerSearchResults"), tr("Employees in %1").arg(targetName));
    m_resultsView->setParent(m_resultsStack);
    m_resultsView->setModel(m_directoryProxy);
    m_resultsView->setUniformItemSizes(true); // the directory can hold thousands of people
    // Small enough for a small screen, tall enough to show that the list scrolls.
    const int rowHeight = std::max(m_resultsView->sizeHintForRow(0), fontMetrics().height() + 12);
    m_resultsView->setMinimumHeight(3 * rowHeight + 2 * m_resultsView->frameWidth());
    m_resultsStack->addWidget(m_resultsView);
    m_resultsPlaceholder = createPlaceholderLabel(m_resultsStack, QStringLiteral("managerSearchPlaceholder"));
    m_resultsPlaceholder->setForegroundRole(QPalette::PlaceholderText);
    m_resultsStack->addWidget(m_resultsPlaceholder);
    pickLayout->addWidget(m_resultsStack, 1);
    layout->addWidget(m_pickPanel, 1);

    m_rememberLabel = new QLabel(this);
    m_rememberLabel->setObjectName(QStringLiteral("managerRememberLabel"));
    m_rememberLabel->setWordWrap(true);
    m_rememberLabel->setTextFormat(Qt::PlainText);
    m_rememberLabel->setForegroundRole(QPalette::PlaceholderText);
    m_rememberLabel->setText(
        tr("Hirebridge remembers your choice for %1 and uses it for every hire with this hiring manager in %2.")
            .arg(managerName, targetName));
    layout->addWidget(m_rememberLabel);

    auto* buttons = new QDialogButtonBox(this);
    buttons->setObjectName(QStringLiteral("managerButtons"));
    m_confirmButton = buttons->addButton(tr("Confirm match"), QDialogButtonBox::AcceptRole);
    m_confirmButton->setObjectName(QStringLiteral("confirmManagerButton"));
    m_confirmButton->setToolTip(
        tr("Use the selected person as the manager in %1 (double-click works too)").arg(targetName));
    m_confirmButton->setDefault(true);
    m_cancelButton = buttons->addButton(tr("Cancel"), QDialogButtonBox::RejectRole);
    m_cancelButton->setObjectName(QStringLiteral("cancelManagerButton"));
    m_cancelButton->setAutoDefault(false);
    layout->addWidget(buttons);

    m_emptyDirectoryLabel->setVisible(m_directoryEmpty);
    m_pickPanel->setVisible(!m_directoryEmpty);
    m_rememberLabel->setVisible(!m_directoryEmpty && !managerName.isEmpty());
    m_search->setEnabled(!m_directoryEmpty);

    // Clicked, not the box's accepted(): the box would accept even with nobody picked.
    connect(m_confirmButton, &QPushButton::clicked, this, &ManagerMatchDialog::onConfirmClicked);
    connect(m_cancelButton, &QPushButton::clicked, this, &ManagerMatchDialog::reject);
    connect(m_search, &QLineEdit::textEdited, this, &ManagerMatchDialog::onSearchTextEdited);
    connect(m_suggestionsView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &ManagerMatchDialog::onSuggestionsSelectionChanged);
    connect(m_resultsView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &ManagerMatchDialog::onResultsSelectionChanged);
    // doubleClicked, not activated: some styles activate on a single click, which would confirm too eagerly.
    connect(m_suggestionsView, &QAbstractItemView::doubleClicked, this, &ManagerMatchDialog::onViewDoubleClicked);
    connect(m_resultsView, &QAbstractItemView::doubleClicked, this, &ManagerMatchDialog::onViewDoubleClicked);

    // A matched manager is shown picked, so Confirm turns an automatic match into a remembered one in one click;
    // close names are never picked for the admin.
    if (resolution.employee && hasSuggestions && !m_directoryEmpty) {
        m_suggestionsView->setCurrentIndex(m_suggestionsModel->index(0));
    }
    if (m_directoryEmpty) {
        m_cancelButton->setFocus(Qt::OtherFocusReason); // the only thing left to do
    } else if (hasSuggestions) {
        m_suggestionsView->setFocus(Qt::OtherFocusReason);
    } else {
        m_search->setFocus(Qt::OtherFocusReason);
    }

    updateResultsState();
    updateConfirmState();
    // Wrapped labels need more height the narrower the dialog gets, which a top-level minimum size ignores: the
    // height they need at the narrowest width is the floor, so no width the admin picks can clip a line.
    setMinimumSize(MinimumWidth, layout->minimumHeightForWidth(MinimumWidth));
    // With people to pick from, room for a screenful of search hits; without, just the message.
    const int height = layout->heightForWidth(DefaultWidth);
    resize(DefaultWidth, m_directoryEmpty ? height : std::max(height, DefaultHeight));
}

ManagerMatchDialog::~ManagerMatchDialog() = default;

QListView* ManagerMatchDialog::createListView(const QString& objectName, const QString& accessibleName)
{
    auto* view = new QListView(this);
    view->setObjectName(objectName);
    view->setAccessibleName(accessibleName);
    view->setItemDelegate(new PersonRowDelegate(m_currentMatchId, view));
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setAlternatingRowColors(true);
    view->setTextElideMode(Qt::ElideMiddle);
    return view;
}

void ManagerMatchDialog::accept()
{
    // The dialog's only "yes" is a person: Enter with nobody picked must not close it as if confirmed.
    const std::optional<DirectoryEntry> entry = m_directoryEmpty ? std::nullopt : selectedEntry();
    if (!entry) {
        return;
    }
    m_chosen = entry;
    QDialog::accept();
}

void ManagerMatchDialog::done(int result)
{
    if (result != QDialog::Accepted) {
        m_chosen.reset();
    }
    QDialog::done(result);
}

bool ManagerMatchDialog::eventFilter(QObject* watched, QEvent* event)
{
    // Arrow keys in the search field walk the results, so typing and picking never leave the keyboard's home row.
    if (watched == m_search && event->type() == QEvent::KeyPress && m_resultsStack->currentWidget() == m_resultsView) {
        auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_Down || key->key() == Qt::Key_Up) {
            const int rows = m_directoryProxy->rowCount();
            const int current = m_resultsView->currentIndex().row();
            const int next = std::clamp(current + (key->key() == Qt::Key_Down ? 1 : -1), 0, std::max(0, rows - 1));
            if (rows > 0) {
                m_resultsView->setCurrentIndex(m_directoryProxy->index(next, 0));
            }
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

void ManagerMatchDialog::onSearchTextEdited(const QString& text)
{
    m_directoryProxy->setFilterText(text);
    updateResultsState();
    // Typing is a pick in progress: the first hit is highlighted so Enter confirms it, and it is visible which one.
    if (!text.trimmed().isEmpty() && m_directoryProxy->rowCount() > 0) {
        const QModelIndex first = m_directoryProxy->index(0, 0);
        m_resultsView->setCurrentIndex(first);
        m_resultsView->scrollTo(first);
    } else {
        m_resultsView->selectionModel()->clear();
    }
    updateConfirmState();
}

void ManagerMatchDialog::onSuggestionsSelectionChanged(const QItemSelection& selected)
{
    // One person at a time across both lists: a pick in one list drops the other's.
    if (!selected.isEmpty()) {
        m_resultsView->selectionModel()->clearSelection();
    }
    updateConfirmState();
}

void ManagerMatchDialog::onResultsSelectionChanged(const QItemSelection& selected)
{
    if (!selected.isEmpty()) {
        m_suggestionsView->selectionModel()->clearSelection();
    }
    updateConfirmState();
}

void ManagerMatchDialog::onViewDoubleClicked(const QModelIndex& index)
{
    auto* view = qobject_cast<QListView*>(sender());
    if (!view || !index.isValid()) {
        return;
    }
    view->setCurrentIndex(index);
    accept();
}

void ManagerMatchDialog::onConfirmClicked()
{
    accept();
}

void ManagerMatchDialog::updateResultsState()
{
    QString placeholder;
    if (m_directoryProxy->rowCount() == 0 && !m_directoryEmpty) {
        placeholder = tr("Nobody in %1 matches “%2”. Check the spelling, or try the e-mail address.")
                          .arg(m_targetName, m_search->text().trimmed());
    }
    m_resultsPlaceholder->setText(placeholder);
    m_resultsStack->setCurrentWidget(
        placeholder.isEmpty() ? static_cast<QWidget*>(m_resultsView) : m_resultsPlaceholder);
}

void ManagerMatchDialog::updateConfirmState()
{
    const std::optional<DirectoryEntry> entry = selectedEntry();
    m_confirmButton->setEnabled(!m_directoryEmpty && entry.has_value());
}

std::optional<DirectoryEntry> ManagerMatchDialog::selectedEntry() const
{
    for (const QListView* view : {m_suggestionsView, m_resultsView}) {
        const QModelIndexList rows = view->selectionModel()->selectedIndexes();
        if (!rows.isEmpty()) {
            return entryAt(rows.constFirst());
        }
    }
    return std::nullopt;
}

std::optional<DirectoryEntry> ManagerMatchDialog::entryAt(const QModelIndex& index) const
{
    if (const DirectoryEntry* entry = sourceEntry(index)) {
        return *entry;
    }
    return std::nullopt;
}
