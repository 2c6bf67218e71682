#include "RecipientsEditor.h"

#include "MessageBox.h"
#include "RecipientsDelegate.h"
#include "hris/Directory.h"
#include "mapping/FieldTagDelegate.h"
#include "models/DirectoryModel.h"
#include "models/FieldFilterProxyModel.h"
#include "models/ItemRoles.h"
#include "models/RecipientsModel.h"

#include <QBoxLayout>
#include <QEvent>
#include <QFormLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>

#include <algorithm>

namespace {

// Wide enough for the list and the add panel side by side; below this they stack.
constexpr int SideBySideWidth = 760;
const char* const ToneProperty = "hirebridgeTone";

QLabel* createPlaceholderLabel(QWidget* parent, const QString& objectName)
{
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setAlignment(Qt::AlignCenter);
    label->setMargin(16);
    label->setFrameShape(QFrame::StyledPanel);
    label->setBackgroundRole(QPalette::Base);
    label->setForegroundRole(QPalette::PlaceholderText);
    label->setAutoFillBackground(true);
    label->setTextFormat(Qt::PlainText);
    return label;
}

QLabel* createMessageLabel(QWidget* parent, const QString& objectName)
{
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->hide();
    return label;
}

} // namespace

RecipientsEditor::RecipientsEditor(QWidget* parent)
    : QWidget(parent)
    , m_model(new RecipientsModel(this))
    , m_directoryModel(new DirectoryModel(this))
    , m_directoryProxy(new FieldFilterProxyModel(this))
{
    setObjectName(QStringLiteral("recipientsEditor"));
    m_directoryProxy->setSourceModel(m_directoryModel);
    m_directoryProxy->setSortLocaleAware(true);
    m_directoryProxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_directoryProxy->sort(0);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);

    m_introLabel = new QLabel(
        tr("After every push, each person on this list gets one e-mail saying who was added to Bob, who was "
           "already there and what failed."),
        this);
    m_introLabel->setObjectName(QStringLiteral("recipientsIntroLabel"));
    m_introLabel->setWordWrap(true);
    layout->addWidget(m_introLabel);

    m_columns = new QBoxLayout(QBoxLayout::TopToBottom);
    m_columns->setSpacing(12);
    // Stacked, the search results get the extra height; side by side, the list gets the extra width for e-mails.
    m_columns->addWidget(createListPanel(), 2);
    m_columns->addWidget(createAddPanel(), 3);
    layout->addLayout(m_columns, 1);

    connect(m_model, &RecipientsModel::recipientsChanged, this, &RecipientsEditor::onRecipientsChanged);
    connect(m_recipientsView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &RecipientsEditor::onRecipientsSelectionChanged);
    connect(m_directoryResults->selectionModel(), &QItemSelectionModel::currentChanged, this,
        &RecipientsEditor::onResultsCurrentChanged);

    onRecipientsChanged();
    updateResultsState();
    updateTypedState();
}

RecipientsEditor::~RecipientsEditor() = default;

QWidget* RecipientsEditor::createListPanel()
{
    auto* panel = new QWidget(this);
    panel->setObjectName(QStringLiteral("recipientsListPanel"));
    auto* layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);

    auto* titleRow = new QHBoxLayout;
    m_listTitle = new QLabel(panel);
    m_listTitle->setObjectName(QStringLiteral("recipientsTitle"));
    QFont titleFont = m_listTitle->font();
    titleFont.setWeight(QFont::DemiBold);
    m_listTitle->setFont(titleFont);
    titleRow->addWidget(m_listTitle, 1);
    m_removeButton = new QPushButton(tr("Remove"), panel);
    m_removeButton->setObjectName(QStringLiteral("removeRecipientButton"));
    m_removeButton->setToolTip(tr("Stop sending the summary to the selected people (Delete)"));
    titleRow->addWidget(m_removeButton);
    layout->addLayout(titleRow);

    m_listStack = new QStackedWidget(panel);
    m_listStack->setObjectName(QStringLiteral("recipientsStack"));
    m_recipientsView = new QTableView(m_listStack);
    m_recipientsView->setObjectName(QStringLiteral("recipientsView"));
    m_recipientsView->setAccessibleName(tr("People who get the summary"));
    m_recipientsView->setModel(m_model);
    m_recipientsView->setItemDelegate(new RecipientsDelegate(RecipientsDelegate::Kind::Recipients, m_recipientsView));
    m_recipientsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_recipientsView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_recipientsView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_recipientsView->setShowGrid(false);
    m_recipientsView->setWordWrap(false);
    m_recipientsView->setTextElideMode(Qt::ElideMiddle); // keeps the domain of a long address readable
    m_recipientsView->setAlternatingRowColors(true);
    m_recipientsView->setCornerButtonEnabled(false);
    m_recipientsView->verticalHeader()->hide();
    m_recipientsView->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_recipientsView->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 14);
    QHeaderView* header = m_recipientsView->horizontalHeader();
    header->setHighlightSections(false);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    // Names are short, addresses long: the address takes the room that is left, so it is elided only when it must be.
    header->setSectionResizeMode(RecipientsModel::NameColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(RecipientsModel::EmailColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(RecipientsModel::SourceColumn, QHeaderView::Fixed);
    QFont tagFont = font();
    tagFont.setPointSizeF(std::max(7.0, tagFont.pointSizeF() * 0.85));
    tagFont.setWeight(QFont::DemiBold);
    const QFontMetrics tagMetrics(tagFont);
    int tagWidth
        = fontMetrics().horizontalAdvance(m_model->headerData(RecipientsModel::SourceColumn, Qt::Horizontal).toString())
        + 24;
    for (const Recipient::Source source :
        {Recipient::Source::BobDirectory, Recipient::Source::Typed, Recipient::Source::SetupAdmin}) {
        tagWidth = std::max(tagWidth, tagMetrics.horizontalAdvance(RecipientsModel::sourceText(source)) + 34);
    }
    header->resizeSection(RecipientsModel::SourceColumn, tagWidth);
    m_recipientsView->installEventFilter(this);
    m_listStack->addWidget(m_recipientsView);

    m_emptyLabel = createPlaceholderLabel(m_listStack, QStringLiteral("recipientsEmptyLabel"));
    m_emptyLabel->setText(tr("Nobody will be told about new hires yet. Add yourself or your HR team."));
    m_emptyLabel->setForegroundRole(QPalette::Text);
    m_listStack->addWidget(m_emptyLabel);
    layout->addWidget(m_listStack, 1);

    connect(m_removeButton, &QPushButton::clicked, this, &RecipientsEditor::onRemoveClicked);
    return panel;
}

QWidget* RecipientsEditor::createAddPanel()
{
    m_addTabs = new QTabWidget(this);
    m_addTabs->setObjectName(QStringLiteral("addRecipientTabs"));
    m_addTabs->setDocumentMode(false);
    m_addTabs->addTab(createBobTab(), tr("Add from Bob"));
    m_addTabs->addTab(createTypedTab(), tr("Add by e-mail"));
    m_addTabs->setTabToolTip(0, tr("Find a colleague among the people in Bob"));
    m_addTabs->setTabToolTip(1, tr("Type the e-mail address of someone, for example a shared HR mailbox"));
    return m_addTabs;
}

QWidget* RecipientsEditor::createBobTab()
{
    auto* tab = new QWidget(this);
    tab->setObjectName(QStringLiteral("addFromBobTab"));
    auto* layout = new QVBoxLayout(tab);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->setSpacing(6);

    m_directorySearch = new QLineEdit(tab);
    m_directorySearch->setObjectName(QStringLiteral("directorySearch"));
    m_directorySearch->setPlaceholderText(tr("Search Bob by name or e-mail"));
    m_directorySearch->setAccessibleName(tr("Search the people in Bob"));
    m_directorySearch->setClearButtonEnabled(true);
    m_directorySearch->installEventFilter(this);
    layout->addWidget(m_directorySearch);

    m_resultsStack = new QStackedWidget(tab);
    m_resultsStack->setObjectName(QStringLiteral("directoryResultsStack"));
    m_directoryResults = new QListView(m_resultsStack);
    m_directoryResults->setObjectName(QStringLiteral("directoryResults"));
    m_directoryResults->setAccessibleName(tr("People in Bob"));
    m_directoryResults->setModel(m_directoryProxy);
    m_directoryResults->setItemDelegate(
        new RecipientsDelegate(RecipientsDelegate::Kind::Directory, m_directoryResults));
    m_directoryResults->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_directoryResults->setSelectionMode(QAbstractItemView::SingleSelection);
    m_directoryResults->setUniformItemSizes(true);
    m_directoryResults->setAlternatingRowColors(true);
    m_resultsStack->addWidget(m_directoryResults);
    m_resultsPlaceholder = createPlaceholderLabel(m_resultsStack, QStringLiteral("directoryResultsPlaceholder"));
    m_resultsStack->addWidget(m_resultsPlaceholder);
    layout->addWidget(m_resultsStack, 1);

    m_directoryMessage = createMessageLabel(tab, QStringLiteral("directoryMessage"));
    layout->addWidget(m_directoryMessage);

    auto* buttons = new QHBoxLayout;
    m_retryDirectoryButton = new QPushButton(tr("Try again"), tab);
    m_retryDirectoryButton->setObjectName(QStringLiteral("retryDirectoryButton"));
    m_retryDirectoryButton->setToolTip(tr("Ask Bob for the list of people again"));
    m_retryDirectoryButton->hide();
    buttons->addWidget(m_retryDirectoryButton);
    buttons->addStretch(1);
    m_addFromBobButton = new QPushButton(tr("Add person"), tab);
    m_addFromBobButton->setObjectName(QStringLiteral("addFromBobButton"));
    m_addFromBobButton->setToolTip(tr("Add the selected person (Enter or double-click works too)"));
    buttons->addWidget(m_addFromBobButton);
    layout->addLayout(buttons);

    connect(m_directorySearch, &QLineEdit::textEdited, this, &RecipientsEditor::onSearchTextEdited);
    m_directoryResults->installEventFilter(this); // Return adds (eventFilter), as a double-click does
    connect(m_directoryResults, &QAbstractItemView::activated, this, &RecipientsEditor::onDirectoryActivated);
    connect(m_addFromBobButton, &QPushButton::clicked, this, &RecipientsEditor::onAddFromBobClicked);
    connect(m_retryDirectoryButton, &QPushButton::clicked, this, &RecipientsEditor::onRetryDirectoryClicked);
    return tab;
}

QWidget* RecipientsEditor::createTypedTab()
{
    auto* tab = new QWidget(this);
    tab->setObjectName(QStringLiteral("addByEmailTab"));
    auto* layout = new QVBoxLayout(tab);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->setSpacing(6);

    auto* hint = new QLabel(tr("For someone who is not in Bob, or a shared mailbox such as hr@yourcompany.com."), tab);
    hint->setObjectName(QStringLiteral("typedHintLabel"));
    hint->setWordWrap(true);
    layout->addWidget(hint);

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    m_typedName = new QLineEdit(tab);
    m_typedName->setObjectName(QStringLiteral("typedName"));
    m_typedName->setPlaceholderText(tr("Optional, for example Anna Berg"));
    m_typedName->setAccessibleName(tr("Name"));
    form->addRow(tr("&Name:"), m_typedName);
    m_typedEmail = new QLineEdit(tab);
    m_typedEmail->setObjectName(QStringLiteral("typedEmail"));
    m_typedEmail->setPlaceholderText(tr("anna.berg@yourcompany.com"));
    m_typedEmail->setAccessibleName(tr("E-mail address"));
    m_typedEmail->setInputMethodHints(Qt::ImhEmailCharactersOnly);
    form->addRow(tr("&E-mail:"), m_typedEmail);
    layout->addLayout(form);

    m_typedMessage = createMessageLabel(tab, QStringLiteral("typedEmailMessage"));
    layout->addWidget(m_typedMessage);

    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    m_addTypedButton = new QPushButton(tr("Add"), tab);
    m_addTypedButton->setObjectName(QStringLiteral("addTypedButton"));
    m_addTypedButton->setToolTip(tr("Add this address to the list"));
    buttons->addWidget(m_addTypedButton);
    layout->addLayout(buttons);
    layout->addStretch(1);

    connect(m_typedName, &QLineEdit::textEdited, this, &RecipientsEditor::onTypedTextEdited);
    connect(m_typedEmail, &QLineEdit::textEdited, this, &RecipientsEditor::onTypedTextEdited);
    m_typedName->installEventFilter(this); // Return adds (eventFilter)
    m_typedEmail->installEventFilter(this);
    connect(m_addTypedButton, &QPushButton::clicked, this, &RecipientsEditor::onAddTypedClicked);
    return tab;
}

void RecipientsEditor::setRecipients(const QList<Recipient>& recipients)
{
    const QSignalBlocker blocker(this); // changed() is for the admin's edits only
    m_model->setRecipients(recipients);
}

QList<Recipient> RecipientsEditor::recipients() const
{
    return m_model->recipients();
}

void RecipientsEditor::setDirectory(const Directory& directory)
{
    m_directorySet = true;
    m_directoryLoading = false;
    m_directoryError.clear();
    m_directoryModel->setDirectory(directory);
    m_directoryModel->setRecipients(m_model->recipients());
    m_directoryProxy->setFilterText(m_directorySearch->text());
    updateResultsState();
    selectFirstAvailableResult();
}

void RecipientsEditor::setDirectoryLoading(bool loading)
{
    m_directoryLoading = loading;
    if (loading) {
        m_directoryError.clear();
    }
    updateResultsState();
}

void RecipientsEditor::setDirectoryError(const QString& message)
{
    m_directoryError = message;
    if (!message.isEmpty()) {
        m_directoryLoading = false;
    }
    updateResultsState();
}

bool RecipientsEditor::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::KeyPress) {
        auto* key = static_cast<QKeyEvent*>(event);
        // Return adds, and is used up here: a line edit or list passes it on, and the dialog around the editor
        // would take it as its default button (Save) and close.
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            if (watched == m_typedName || watched == m_typedEmail) {
                onAddTypedClicked();
                return true;
            }
            if (watched == m_directorySearch) {
                onSearchReturnPressed();
                return true;
            }
            if (watched == m_directoryResults) {
                addFromDirectoryRow(m_directoryResults->currentIndex());
                return true;
            }
        }
        if (watched == m_recipientsView && (key->key() == Qt::Key_Delete || key->key() == Qt::Key_Backspace)
            && key->modifiers() == Qt::NoModifier) {
            onRemoveClicked();
            return true;
        }
        // Arrow keys in the search field walk the results, so the keyboard never has to leave the field.
        if (watched == m_directorySearch && (key->key() == Qt::Key_Down || key->key() == Qt::Key_Up)
            && m_resultsStack->currentWidget() == m_directoryResults) {
            const int rows = m_directoryProxy->rowCount();
            int row = m_directoryResults->currentIndex().row();
            const int step = key->key() == Qt::Key_Down ? 1 : -1;
            for (int next = row + step; next >= 0 && next < rows; next += step) {
                if (m_directoryProxy->index(next, 0).flags() & Qt::ItemIsEnabled) {
                    row = next;
                    break;
                }
            }
            if (row >= 0 && row < rows) {
                m_directoryResults->setCurrentIndex(m_directoryProxy->index(row, 0));
            }
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void RecipientsEditor::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange) {
        applyTone(m_typedMessage);
        applyTone(m_directoryMessage);
    }
}

void RecipientsEditor::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    const auto direction = width() >= SideBySideWidth ? QBoxLayout::LeftToRight : QBoxLayout::TopToBottom;
    if (m_columns->direction() != direction) {
        m_columns->setDirection(direction);
        const bool sideBySide = direction == QBoxLayout::LeftToRight;
        m_columns->setStretch(0, sideBySide ? 5 : 2);
        m_columns->setStretch(1, sideBySide ? 4 : 3);
    }
}

void RecipientsEditor::onRemoveClicked()
{
    QList<int> rows;
    const QModelIndexList selected = m_recipientsView->selectionModel()->selectedRows();
    for (const QModelIndex& index : selected) {
        rows.append(index.row());
    }
    if (rows.isEmpty() && m_recipientsView->currentIndex().isValid()) {
        rows.append(m_recipientsView->currentIndex().row());
    }
    if (rows.isEmpty()) {
        return;
    }
    std::sort(rows.begin(), rows.end(), std::greater<>());

    for (const int row : std::as_const(rows)) {
        const Recipient& recipient = m_model->recipientAt(row);
        if (recipient.source != Recipient::Source::SetupAdmin) {
            continue;
        }
        const QString who
            = recipient.name.isEmpty() ? recipient.email : tr("%1 (%2)").arg(recipient.name, recipient.email);
        const auto answer = MessageBox::question(this, tr("Remove the set-up admin?"),
            tr("%1 set up Hirebridge and was added to this list then. If you remove them, they will no longer get "
               "the e-mail after each push.\n\nRemove them anyway?")
                .arg(who),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
        if (answer != QMessageBox::Yes) {
            return;
        }
        break; // one question covers the selection
    }

    const int nextRow = rows.constLast();
    for (const int row : std::as_const(rows)) {
        m_model->removeRecipientAt(row);
    }
    // "Added …" described the list before this removal.
    setMessage(m_directoryMessage, {}, Tone::Neutral);
    setMessage(m_typedMessage, {}, Tone::Neutral);
    // The selection stays where the removed person was (the next one moves up), not on the first row.
    m_recipientsView->selectionModel()->clearSelection();
    if (m_model->rowCount() > 0) {
        const QModelIndex next = m_model->index(std::min(nextRow, m_model->rowCount() - 1), 0);
        m_recipientsView->selectionModel()->setCurrentIndex(
            next, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    }
    Q_EMIT changed();
}

void RecipientsEditor::onRecipientsSelectionChanged()
{
    m_removeButton->setEnabled(m_recipientsView->selectionModel()->hasSelection());
}

void RecipientsEditor::onRecipientsChanged()
{
    const int count = m_model->rowCount();
    m_listTitle->setText(
        count == 0 ? tr("People who get the summary") : tr("People who get the summary (%1)").arg(count));
    m_directoryModel->setRecipients(m_model->recipients());
    updateEmptyState();
    updateTypedState();
    onRecipientsSelectionChanged();
    onResultsCurrentChanged(); // someone removed from the list can be added again
}

void RecipientsEditor::onSearchTextEdited(const QString& text)
{
    if (!m_directorySet && !m_directoryLoading && !m_directoryRequested && !text.trimmed().isEmpty()) {
        m_directoryRequested = true;
        Q_EMIT directoryRequested();
    }
    m_directoryProxy->setFilterText(text);
    setMessage(m_directoryMessage, {}, Tone::Neutral);
    updateResultsState();
    selectFirstAvailableResult();
}

void RecipientsEditor::onSearchReturnPressed()
{
    const QModelIndex current = m_directoryResults->currentIndex();
    if (current.isValid() && m_resultsStack->currentWidget() == m_directoryResults) {
        addFromDirectoryRow(current);
    }
}

void RecipientsEditor::onDirectoryActivated(const QModelIndex& index)
{
    addFromDirectoryRow(index);
}

void RecipientsEditor::onAddFromBobClicked()
{
    addFromDirectoryRow(m_directoryResults->currentIndex());
}

void RecipientsEditor::onRetryDirectoryClicked()
{
    m_directoryError.clear();
    m_directoryRequested = true;
    updateResultsState();
    Q_EMIT directoryRequested();
}

void RecipientsEditor::onResultsCurrentChanged()
{
    const QModelIndex current = m_directoryResults->currentIndex();
    m_addFromBobButton->setEnabled(current.isValid() && (current.flags() & Qt::ItemIsEnabled)
        && !current.data(ItemRoles::AlreadyRecipientRole).toBool());
}

void RecipientsEditor::addFromDirectoryRow(const QModelIndex& proxyIndex)
{
    if (!proxyIndex.isValid() || proxyIndex.model() != m_directoryProxy) {
        return;
    }
    const int row = m_directoryProxy->mapToSource(proxyIndex).row();
    const Recipient recipient = m_directoryModel->recipientAt(row);
    const QString reason = m_directoryModel->unavailableReason(row);
    if (!reason.isEmpty()) {
        setMessage(m_directoryMessage, tr("%1 cannot be added: %2.").arg(recipient.name, reason), Tone::Error);
        return;
    }
    switch (m_model->addRecipient(recipient)) {
    case RecipientsModel::AddResult::Added:
        setMessage(m_directoryMessage, tr("Added %1.").arg(recipient.name), Tone::Success);
        m_recipientsView->scrollToBottom();
        Q_EMIT changed();
        break;
    case RecipientsModel::AddResult::Duplicate:
        setMessage(m_directoryMessage, tr("%1 is already on the list.").arg(recipient.name), Tone::Neutral);
        break;
    case RecipientsModel::AddResult::InvalidEmail:
        setMessage(m_directoryMessage,
            tr("%1 cannot be added: their e-mail in Bob is not a valid address.").arg(recipient.name), Tone::Error);
        break;
    }
    onResultsCurrentChanged();
}

void RecipientsEditor::selectFirstAvailableResult()
{
    if (m_directoryProxy->rowCount() == 0) {
        m_directoryResults->setCurrentIndex({});
        onResultsCurrentChanged();
        return;
    }
    for (int row = 0; row < m_directoryProxy->rowCount(); ++row) {
        const QModelIndex index = m_directoryProxy->index(row, 0);
        if (index.flags() & Qt::ItemIsEnabled) {
            m_directoryResults->setCurrentIndex(index);
            m_directoryResults->scrollTo(index);
            onResultsCurrentChanged();
            return;
        }
    }
    m_directoryResults->setCurrentIndex({});
    onResultsCurrentChanged();
}

void RecipientsEditor::onTypedTextEdited()
{
    updateTypedState();
}

void RecipientsEditor::onAddTypedClicked()
{
    updateTypedState();
    if (!m_addTypedButton->isEnabled()) {
        return; // the message already says why
    }
    Recipient recipient;
    recipient.name = m_typedName->text();
    recipient.email = m_typedEmail->text();
    recipient.source = Recipient::Source::Typed;
    const RecipientsModel::AddResult result = m_model->addRecipient(recipient);
    if (result != RecipientsModel::AddResult::Added) {
        updateTypedState();
        return;
    }
    const Recipient& added = m_model->recipients().constLast();
    m_typedName->clear();
    m_typedEmail->clear();
    updateTypedState();
    setMessage(m_typedMessage,
        added.name.isEmpty() ? tr("Added %1.").arg(added.email) : tr("Added %1 (%2).").arg(added.name, added.email),
        Tone::Success);
    m_recipientsView->scrollToBottom();
    m_typedEmail->setFocus(Qt::OtherFocusReason);
    Q_EMIT changed();
}

void RecipientsEditor::updateEmptyState()
{
    m_listStack->setCurrentWidget(m_model->rowCount() == 0 ? static_cast<QWidget*>(m_emptyLabel) : m_recipientsView);
}

void RecipientsEditor::updateResultsState()
{
    const QString search = m_directorySearch->text().trimmed();
    QString placeholder;
    if (!m_directoryError.isEmpty()) {
        placeholder = tr("The people in Bob could not be loaded.\n%1").arg(m_directoryError);
    } else if (m_directoryLoading || (m_directoryRequested && !m_directorySet)) {
        placeholder = tr("Loading the people in Bob…");
    } else if (!m_directorySet) {
        placeholder = tr("Type a name or e-mail address to find someone in Bob.");
    } else if (m_directoryModel->rowCount() == 0) {
        placeholder = tr("Bob did not list anybody. You can still add people by e-mail.");
    } else if (m_directoryProxy->rowCount() == 0) {
        placeholder = tr("Nobody in Bob matches “%1”. Check the spelling, or add them by e-mail.").arg(search);
    }
    m_resultsPlaceholder->setText(placeholder);
    m_resultsStack->setCurrentWidget(
        placeholder.isEmpty() ? static_cast<QWidget*>(m_directoryResults) : m_resultsPlaceholder);
    m_retryDirectoryButton->setVisible(!m_directoryError.isEmpty());
    onResultsCurrentChanged();
}

void RecipientsEditor::updateTypedState()
{
    const QString email = m_typedEmail->text().trimmed();
    QString problem;
    if (!email.isEmpty()) {
        problem = emailProblem(email);
        if (problem.isEmpty() && m_model->containsEmail(email)) {
            problem = tr("%1 is already on the list.").arg(email);
        }
    }
    m_addTypedButton->setEnabled(!email.isEmpty() && problem.isEmpty());
    if (!problem.isEmpty()) {
        setMessage(m_typedMessage, problem, Tone::Error);
    } else if (m_typedMessage->property(ToneProperty).toInt() == int(Tone::Error)) {
        setMessage(m_typedMessage, {}, Tone::Neutral);
    }
}

QString RecipientsEditor::emailProblem(const QString& email) const
{
    if (Recipient::isValidEmail(email)) {
        return {};
    }
    for (const QChar c : email) {
        if (c.isSpace()) {
            return tr("Remove the space: an e-mail address has none.");
        }
        if (QStringView(u"<>()[],;:\"\\").contains(c)) {
            return tr("Type only the address, without “%1”.").arg(c);
        }
    }
    const qsizetype at = email.indexOf(QLatin1Char('@'));
    if (at < 0) {
        return tr("The address needs an @, as in anna@yourcompany.com.");
    }
    if (at != email.lastIndexOf(QLatin1Char('@'))) {
        return tr("The address has more than one @.");
    }
    const QString local = email.left(at);
    const QString domain = email.mid(at + 1);
    if (local.isEmpty()) {
        return tr("Something is missing before the @.");
    }
    if (domain.isEmpty()) {
        return tr("Something is missing after the @, as in yourcompany.com.");
    }
    if (!domain.contains(QLatin1Char('.'))) {
        return tr("The part after the @ needs a dot, as in yourcompany.com.");
    }
    if (local.startsWith(QLatin1Char('.')) || local.endsWith(QLatin1Char('.'))
        || local.contains(QStringLiteral(".."))) {
        return tr("The part before the @ has a dot in the wrong place.");
    }
    const QStringList labels = domain.split(QLatin1Char('.'));
    for (const QString& label : labels) {
        if (label.isEmpty()) {
            return tr("The part after the @ has a dot in the wrong place.");
        }
        if (label.startsWith(QLatin1Char('-')) || label.endsWith(QLatin1Char('-'))) {
            return tr("The part after the @ has a hyphen in the wrong place.");
        }
    }
    if (labels.constLast().size() < 2) {
        return tr("The address ends too early, after “.%1”.").arg(labels.constLast());
    }
    if (email.size() > 254 || local.size() > 64) {
        return tr("The address is too long.");
    }
    return tr("This does not look like an e-mail address.");
}

void RecipientsEditor::setMessage(QLabel* label, const QString& text, Tone tone)
{
    label->setText(text);
    label->setProperty(ToneProperty, int(tone));
    label->setVisible(!text.isEmpty());
    applyTone(label);
}

void RecipientsEditor::applyTone(QLabel* label)
{
    QPalette palette = this->palette();
    switch (Tone(label->property(ToneProperty).toInt())) {
    case Tone::Error:
        palette.setColor(QPalette::WindowText, FieldTagDelegate::accentColor(FieldTagDelegate::Accent::Error, palette));
        break;
    case Tone::Success:
        palette.setColor(
            QPalette::WindowText, FieldTagDelegate::accentColor(FieldTagDelegate::Accent::Success, palette));
        break;
    case Tone::Neutral:
        break;
    }
    label->setPalette(palette);
}
