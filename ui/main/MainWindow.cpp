#include "MainWindow.h"

#include "ErrorBanner.h"
#include "HireDetailsPane.h"
#include "HiresView.h"
#include "MessageBox.h"
#include "PushStateDelegate.h"
#include "UiLogging.h"
#include "ledger/Ledger.h"
#include "models/HiresFilterProxyModel.h"
#include "models/HiresModel.h"
#include "models/ItemRoles.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QImageReader>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QStatusBar>
#include <QStyle>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace {

// The SVG icons need Qt's svg plugins, which a distribution may package separately; without them the style's own
// icons keep the toolbar recognisable instead of showing blank buttons.
QIcon resourceIcon(const QString& path, QStyle::StandardPixmap fallback, const QWidget* widget)
{
    static const bool svgSupported = QImageReader::supportedImageFormats().contains(QByteArrayLiteral("svg"));
    if (svgSupported) {
        return QIcon(path);
    }
    return fallback == QStyle::SP_CustomBase ? QIcon() : widget->style()->standardIcon(fallback, nullptr, widget);
}

constexpr unsigned bit(PushState state)
{
    return 1U << unsigned(state);
}

constexpr unsigned CheckableStates = bit(PushState::Ready) | bit(PushState::Failed) | bit(PushState::Skipped);
constexpr unsigned PushableStates = bit(PushState::Ready) | bit(PushState::Failed);
constexpr unsigned SkippableStates = bit(PushState::Ready) | bit(PushState::Failed);
constexpr unsigned FailedStates = bit(PushState::Failed);
constexpr unsigned UnknownStates = bit(PushState::Unknown);

// A date edit at this value shows "Any": that bound of the start-date range is open.
const QDate NoBound(2000, 1, 1);

} // namespace

MainWindow::MainWindow(const QStringList& targets, QWidget* parent)
    : QMainWindow(parent)
    , m_model(new HiresModel(targets, this))
    , m_proxy(new HiresFilterProxyModel(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Hirebridge"));
    setWindowIcon(resourceIcon(QStringLiteral(":/icons/hirebridge.svg"), QStyle::SP_CustomBase, this));
    m_proxy->setSourceModel(m_model);

    createActions();
    createToolBar();
    createCentralArea();
    createStatusBar();
    configureColumns();

    connect(m_model, &HiresModel::stateCountsChanged, this, &MainWindow::onStateCountsChanged);
    connect(m_model, &HiresModel::checkedItemsChanged, this, &MainWindow::onCheckedItemsChanged);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &MainWindow::onRowsShownChanged);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &MainWindow::onRowsShownChanged);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &MainWindow::onRowsShownChanged);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &MainWindow::onRowsShownChanged);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &MainWindow::onSelectionChanged);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &MainWindow::onCurrentRowChanged);

    // The row's own actions on a right click, as in the Hires menu.
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto* separator = new QAction(this);
    separator->setSeparator(true);
    auto* separator2 = new QAction(this);
    separator2->setSeparator(true);
    m_view->addActions({m_postHireAction, m_confirmManagerAction, separator, m_tickSelectedAction, m_retryFailedAction,
        m_skipAction, m_arrivedAction, m_sendAgainAction, separator2, m_openAshbyAction, m_openHrisAction});

    updateCountsLabel();
    updatePlaceholder();
    updateActions();
    resize(1100, 720);
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    m_syncAction = new QAction(
        resourceIcon(QStringLiteral(":/icons/sync.svg"), QStyle::SP_BrowserReload, this), tr("&Sync"), this);
    m_syncAction->setObjectName(QStringLiteral("actionSync"));
    m_syncAction->setShortcut(QKeySequence::Refresh);
    m_syncAction->setToolTip(
        tr("Pull hired candidates from Ashby (%1)").arg(m_syncAction->shortcut().toString(QKeySequence::NativeText)));
    connect(m_syncAction, &QAction::triggered, this, &MainWindow::onSyncTriggered);

    m_pushAction = new QAction(
        resourceIcon(QStringLiteral(":/icons/push.svg"), QStyle::SP_ArrowUp, this), tr("&Push ticked"), this);
    m_pushAction->setObjectName(QStringLiteral("actionPush"));
    m_pushAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    connect(m_pushAction, &QAction::triggered, this, &MainWindow::onPushTriggered);

    m_tickSelectedAction = new QAction(tr("&Tick selected"), this);
    m_tickSelectedAction->setObjectName(QStringLiteral("actionTickSelected"));
    m_tickSelectedAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    m_tickSelectedAction->setToolTip(tr("Tick every target of the selected hires that can still be pushed (%1)")
                                         .arg(m_tickSelectedAction->shortcut().toString(QKeySequence::NativeText)));
    connect(m_tickSelectedAction, &QAction::triggered, this, &MainWindow::onTickSelectedTriggered);

    const auto forCurrent = [this](QAction* action, void (MainWindow::*signal)(const QString&)) {
        connect(action, &QAction::triggered, this, [this, signal]() {
            const QString id = currentApplicationId();
            if (!id.isEmpty()) {
                Q_EMIT(this->*signal)(id);
            }
        });
    };
    m_postHireAction = new QAction(tr("&Add to post-hire systems…"), this);
    m_postHireAction->setObjectName(QStringLiteral("actionPostHire"));
    m_postHireAction->setToolTip(tr("Choose the HR systems this hire goes to, then push"));
    forCurrent(m_postHireAction, &MainWindow::postHireRequested);
    m_confirmManagerAction = new QAction(tr("Confirm hiring &manager…"), this);
    m_confirmManagerAction->setObjectName(QStringLiteral("actionConfirmManager"));
    m_confirmManagerAction->setToolTip(tr("Pick the employee who is this hire's manager in each HR system"));
    forCurrent(m_confirmManagerAction, &MainWindow::confirmManagerRequested);
    m_openAshbyAction = new QAction(tr("Open in &Ashby"), this);
    m_openAshbyAction->setObjectName(QStringLiteral("actionOpenAshby"));
    forCurrent(m_openAshbyAction, &MainWindow::openInAshbyRequested);
    m_openHrisAction = new QAction(tr("Open in &HR system"), this);
    m_openHrisAction->setObjectName(QStringLiteral("actionOpenHris"));
    forCurrent(m_openHrisAction, &MainWindow::openInHrisRequested);

    m_skipAction = new QAction(tr("S&kip"), this);
    m_skipAction->setObjectName(QStringLiteral("actionSkip"));
    m_skipAction->setToolTip(tr("Never push the selected hires where they are ready or failed"));
    connect(m_skipAction, &QAction::triggered, this, &MainWindow::onSkipTriggered);

    m_retryFailedAction = new QAction(tr("&Retry failed"), this);
    m_retryFailedAction->setObjectName(QStringLiteral("actionRetryFailed"));
    m_retryFailedAction->setToolTip(tr("Send the selected hires again where they failed"));
    connect(m_retryFailedAction, &QAction::triggered, this, &MainWindow::onRetryFailedTriggered);

    const auto forUnknown = [this](QAction* action, void (MainWindow::*signal)(const QList<QPair<QString, QString>>&)) {
        connect(action, &QAction::triggered, this, [this, signal]() {
            if (m_busy) {
                return;
            }
            const auto items = selectedItemsInStates(UnknownStates);
            if (items.isEmpty()) {
                showStatus(tr("Nothing to settle: select hires whose state is Unknown."));
                return;
            }
            Q_EMIT(this->*signal)(items);
        });
    };
    m_arrivedAction = new QAction(tr("It a&rrived"), this);
    m_arrivedAction->setObjectName(QStringLiteral("actionArrived"));
    m_arrivedAction->setToolTip(tr("The selected unknown hires are in the HR system (you found their attempt id in "
                                   "ATS pending hires): record them as pushed without sending"));
    forUnknown(m_arrivedAction, &MainWindow::arrivedRequested);
    m_sendAgainAction = new QAction(tr("Send a&gain"), this);
    m_sendAgainAction->setObjectName(QStringLiteral("actionSendAgain"));
    m_sendAgainAction->setToolTip(tr("The selected unknown hires are not in the HR system: send them once more, with "
                                     "the same attempt id"));
    forUnknown(m_sendAgainAction, &MainWindow::sendAgainRequested);

    m_detailsAction = new QAction(tr("&Details"), this);
    m_detailsAction->setObjectName(QStringLiteral("actionDetails"));
    m_detailsAction->setCheckable(true);
    m_detailsAction->setChecked(true);
    m_detailsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    m_detailsAction->setToolTip(tr("Show the selected hire's data, payload and history (%1)")
                                    .arg(m_detailsAction->shortcut().toString(QKeySequence::NativeText)));
    connect(m_detailsAction, &QAction::toggled, this, &MainWindow::onDetailsToggled);

    m_mappingAction = new QAction(tr("Field &mapping…"), this);
    m_mappingAction->setObjectName(QStringLiteral("actionMapping"));
    m_mappingAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
    m_mappingAction->setToolTip(tr("Choose which Ashby field fills which Bob field"));
    connect(m_mappingAction, &QAction::triggered, this, &MainWindow::mappingRequested);

    m_auditAction = new QAction(tr("Export &audit log…"), this);
    m_auditAction->setObjectName(QStringLiteral("actionExportAudit"));
    m_auditAction->setToolTip(tr("Save everything sent to Bob, with answers, as a CSV file"));
    connect(m_auditAction, &QAction::triggered, this, &MainWindow::auditExportRequested);

    m_setupAction = new QAction(tr("Run &setup again…"), this);
    m_setupAction->setObjectName(QStringLiteral("actionSetup"));
    connect(m_setupAction, &QAction::triggered, this, &MainWindow::setupRequested);

    m_settingsAction = new QAction(tr("Se&ttings…"), this);
    m_settingsAction->setObjectName(QStringLiteral("actionSettings"));
    m_settingsAction->setShortcut(QKeySequence::Preferences);
    m_settingsAction->setMenuRole(QAction::PreferencesRole);
    connect(m_settingsAction, &QAction::triggered, this, &MainWindow::settingsRequested);

    m_findAction = new QAction(tr("&Filter"), this);
    m_findAction->setObjectName(QStringLiteral("actionFilter"));
    m_findAction->setShortcut(QKeySequence::Find);

    m_quitAction = new QAction(tr("&Quit"), this);
    m_quitAction->setObjectName(QStringLiteral("actionQuit"));
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_aboutAction = new QAction(tr("&About Hirebridge"), this);
    m_aboutAction->setObjectName(QStringLiteral("actionAbout"));
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::onAboutTriggered);

    QMenu* fileMenu = menuBar()->addMenu(tr("&File"));
    fileMenu->setObjectName(QStringLiteral("fileMenu"));
    fileMenu->addAction(m_syncAction);
    fileMenu->addAction(m_pushAction);
    fileMenu->addSeparator();
    fileMenu->addAction(m_mappingAction);
    fileMenu->addAction(m_settingsAction);
    fileMenu->addAction(m_setupAction);
    fileMenu->addAction(m_auditAction);
    fileMenu->addSeparator();
    fileMenu->addAction(m_findAction);
    fileMenu->addSeparator();
    fileMenu->addAction(m_quitAction);
    QMenu* hiresMenu = menuBar()->addMenu(tr("H&ires"));
    hiresMenu->setObjectName(QStringLiteral("hiresMenu"));
    hiresMenu->addAction(m_postHireAction);
    hiresMenu->addAction(m_confirmManagerAction);
    hiresMenu->addSeparator();
    hiresMenu->addAction(m_tickSelectedAction);
    hiresMenu->addAction(m_retryFailedAction);
    hiresMenu->addAction(m_skipAction);
    hiresMenu->addAction(m_arrivedAction);
    hiresMenu->addAction(m_sendAgainAction);
    hiresMenu->addSeparator();
    hiresMenu->addAction(m_openAshbyAction);
    hiresMenu->addAction(m_openHrisAction);
    QMenu* viewMenu = menuBar()->addMenu(tr("&View"));
    viewMenu->setObjectName(QStringLiteral("viewMenu"));
    viewMenu->addAction(m_detailsAction);
    QMenu* helpMenu = menuBar()->addMenu(tr("&Help"));
    helpMenu->setObjectName(QStringLiteral("helpMenu"));
    helpMenu->addAction(m_aboutAction);
}

void MainWindow::createToolBar()
{
    QToolBar* toolBar = addToolBar(tr("Main"));
    toolBar->setObjectName(QStringLiteral("mainToolBar"));
    toolBar->setMovable(false);
    toolBar->setFloatable(false);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->setContextMenuPolicy(Qt::PreventContextMenu);
    toolBar->addAction(m_syncAction);
    toolBar->addAction(m_pushAction);
    toolBar->addSeparator();
    toolBar->addAction(m_tickSelectedAction);
    toolBar->addAction(m_retryFailedAction);
    toolBar->addAction(m_skipAction);
    toolBar->addSeparator();
    toolBar->addAction(m_mappingAction);

    auto* spacer = new QWidget(toolBar);
    spacer->setObjectName(QStringLiteral("toolBarSpacer"));
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    toolBar->addWidget(spacer);
    toolBar->addAction(m_detailsAction);
}

QDateEdit* MainWindow::createDateEdit(const QString& objectName, const QString& accessibleName, QWidget* parent)
{
    auto* edit = new QDateEdit(parent);
    edit->setObjectName(objectName);
    edit->setAccessibleName(accessibleName);
    edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    edit->setCalendarPopup(true);
    edit->setMinimumDate(NoBound);
    edit->setSpecialValueText(tr("Any"));
    edit->setDate(NoBound);
    edit->setToolTip(tr("Step down to “Any” or press Clear for no bound"));
    connect(edit, &QDateEdit::dateChanged, this, &MainWindow::onStartRangeChanged);
    return edit;
}

QWidget* MainWindow::createFilterBar(QWidget* parent)
{
    auto* bar = new QWidget(parent);
    bar->setObjectName(QStringLiteral("filterBar"));
    auto* layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);

    m_filterEdit = new QLineEdit(bar);
    m_filterEdit->setObjectName(QStringLiteral("filterEdit"));
    m_filterEdit->setPlaceholderText(tr("Filter by candidate, job or e-mail"));
    m_filterEdit->setClearButtonEnabled(true);
    m_filterEdit->setAccessibleName(tr("Filter hires"));
    m_filterEdit->setMinimumWidth(fontMetrics().horizontalAdvance(m_filterEdit->placeholderText()) + 60);
    m_filterEdit->setMaximumWidth(420);
    layout->addWidget(m_filterEdit, 1);
    connect(m_filterEdit, &QLineEdit::textChanged, this, &MainWindow::onFilterTextChanged);
    connect(m_findAction, &QAction::triggered, m_filterEdit, [this] {
        m_filterEdit->setFocus(Qt::ShortcutFocusReason);
        m_filterEdit->selectAll();
    });

    layout->addSpacing(8);
    auto* stateLabel = new QLabel(tr("&State:"), bar);
    m_stateFilter = new QComboBox(bar);
    m_stateFilter->setObjectName(QStringLiteral("stateFilter"));
    m_stateFilter->setAccessibleName(tr("Filter by push state"));
    m_stateFilter->setToolTip(tr("Show hires with at least one target in this state"));
    m_stateFilter->addItem(tr("All"), -1);
    for (const PushState state : {PushState::Ready, PushState::Failed, PushState::Unknown, PushState::Pushed,
             PushState::Exists, PushState::Skipped, PushState::Sending}) {
        m_stateFilter->addItem(HiresModel::stateLabel(state), int(state));
    }
    stateLabel->setBuddy(m_stateFilter);
    layout->addWidget(stateLabel);
    layout->addWidget(m_stateFilter);
    connect(m_stateFilter, &QComboBox::currentIndexChanged, this, &MainWindow::onStateFilterChanged);

    layout->addSpacing(8);
    auto* fromLabel = new QLabel(tr("Sta&rt from:"), bar);
    m_startFrom = createDateEdit(QStringLiteral("startFrom"), tr("Earliest start date"), bar);
    fromLabel->setBuddy(m_startFrom);
    auto* toLabel = new QLabel(tr("t&o:"), bar);
    m_startTo = createDateEdit(QStringLiteral("startTo"), tr("Latest start date"), bar);
    toLabel->setBuddy(m_startTo);
    m_clearDatesButton = new QToolButton(bar);
    m_clearDatesButton->setObjectName(QStringLiteral("clearDatesButton"));
    m_clearDatesButton->setText(tr("Clear"));
    m_clearDatesButton->setToolTip(tr("Show every start date"));
    m_clearDatesButton->setAutoRaise(true);
    m_clearDatesButton->setEnabled(false);
    connect(m_clearDatesButton, &QToolButton::clicked, this, &MainWindow::onClearDatesClicked);
    layout->addWidget(fromLabel);
    layout->addWidget(m_startFrom);
    layout->addWidget(toLabel);
    layout->addWidget(m_startTo);
    layout->addWidget(m_clearDatesButton);
    layout->addStretch(0);
    return bar;
}

void MainWindow::createCentralArea()
{
    auto* central = new QWidget(this);
    central->setObjectName(QStringLiteral("centralWidget"));
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->setSpacing(6);

    m_demoBanner = new ErrorBanner(central);
    m_demoBanner->setObjectName(QStringLiteral("demoBanner"));
    m_demoBanner->setInformational(true);
    m_demoBanner->setDismissible(false);
    m_demoBanner->hide();
    layout->addWidget(m_demoBanner);
    m_keychainBanner = new ErrorBanner(central);
    m_keychainBanner->setObjectName(QStringLiteral("keychainBanner"));
    m_keychainBanner->setDismissible(false);
    m_keychainBanner->hide();
    layout->addWidget(m_keychainBanner);
    m_errorBanner = new ErrorBanner(central);
    layout->addWidget(m_errorBanner);
    layout->addWidget(createFilterBar(central));

    m_splitter = new QSplitter(Qt::Horizontal, central);
    m_splitter->setObjectName(QStringLiteral("hiresSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_view = new HiresView(m_splitter);
    m_view->setObjectName(QStringLiteral("hiresView"));
    m_view->setModel(m_proxy);
    m_view->setItemDelegate(new PushStateDelegate(m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setShowGrid(false);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->setCornerButtonEnabled(false);
    m_view->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->verticalHeader()->hide();
    // Fixed row heights keep 100,000 rows cheap: the header never measures rows.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 14);
    m_view->setSortingEnabled(true);
    // The ledger hands hires over by start date; keep that as the first view instead of sorting by name.
    m_view->sortByColumn(HiresModel::StartDate, Qt::AscendingOrder);
    m_splitter->addWidget(m_view);

    m_detailsPane = new HireDetailsPane(m_splitter);
    m_splitter->addWidget(m_detailsPane);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 0);
    m_detailsPane->hide(); // until a hire is selected
    layout->addWidget(m_splitter, 1);

    setCentralWidget(central);
}

void MainWindow::createStatusBar()
{
    m_countsLabel = new QLabel(this);
    m_countsLabel->setObjectName(QStringLiteral("countsLabel"));
    m_countsLabel->setContentsMargins(4, 0, 4, 0);
    statusBar()->addWidget(m_countsLabel, 1);

    m_busyLabel = new QLabel(this);
    m_busyLabel->setObjectName(QStringLiteral("busyLabel"));
    m_progressBar = new QProgressBar(this);
    m_progressBar->setObjectName(QStringLiteral("progressBar"));
    m_progressBar->setFixedWidth(220);
    m_progressBar->setTextVisible(true);
    m_cancelButton = new QPushButton(tr("Cancel"), this);
    m_cancelButton->setObjectName(QStringLiteral("cancelButton"));
    m_cancelButton->setToolTip(tr("Stop after the hires already being sent"));
    connect(m_cancelButton, &QPushButton::clicked, this, &MainWindow::onCancelClicked);

    statusBar()->addPermanentWidget(m_busyLabel);
    statusBar()->addPermanentWidget(m_progressBar);
    statusBar()->addPermanentWidget(m_cancelButton);
    statusBar()->setSizeGripEnabled(true);
    m_busyLabel->hide();
    m_progressBar->hide();
    m_cancelButton->hide();
}

void MainWindow::configureColumns()
{
    QHeaderView* header = m_view->horizontalHeader();
    header->setHighlightSections(false);
    header->setSectionsMovable(true);
    header->setMinimumSectionSize(60);
    header->setStretchLastSection(false);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);

    // Widths from the font, not from the data: measuring 100,000 rows on every change would stall the GUI.
    const QFontMetrics metrics = fontMetrics();
    const auto em = [&](int count) { return metrics.horizontalAdvance(QLatin1Char('M')) * count; };
    header->setSectionResizeMode(HiresModel::Candidate, QHeaderView::Stretch);
    header->setSectionResizeMode(HiresModel::Job, QHeaderView::Stretch);
    header->resizeSection(HiresModel::Department, em(9));
    header->resizeSection(HiresModel::StartDate, metrics.horizontalAdvance(QStringLiteral("0000-00-00")) + 40);
    header->resizeSection(HiresModel::HiringManager, em(15));

    const int indicator = style()->pixelMetric(QStyle::PM_IndicatorWidth, nullptr, m_view);
    QFont pillFont = font();
    pillFont.setWeight(QFont::DemiBold);
    const QFontMetrics pillMetrics(pillFont);
    int stateWidth = 0;
    for (int state = 0; state < HiresModel::StateCount; ++state) {
        stateWidth = std::max(stateWidth, pillMetrics.horizontalAdvance(HiresModel::stateText(PushState(state))));
    }
    for (int column = HiresModel::FirstTargetColumn; column < m_model->columnCount(); ++column) {
        const int headerWidth = metrics.horizontalAdvance(m_model->headerData(column, Qt::Horizontal).toString());
        header->resizeSection(column, std::max(indicator + stateWidth + 48, headerWidth + 40));
    }
    m_view->setMinimumWidth(em(40));
}

void MainWindow::setHireRows(QList<HireRow> rows, const QList<PushRecord>& records)
{
    m_model->setHireRows(std::move(rows), records);
    updatePlaceholder();
    updateActions();
    refreshDetails();
}

void MainWindow::setHireLoader(HireLoader loader)
{
    m_model->setHireLoader(std::move(loader));
}

void MainWindow::setHires(const QList<Hire>& hires, const QList<PushRecord>& records)
{
    m_model->setHires(hires, records);
    updatePlaceholder();
    updateActions();
    refreshDetails();
}

void MainWindow::setDetailsProvider(DetailsProvider provider)
{
    m_detailsProvider = std::move(provider);
    refreshDetails();
}

void MainWindow::setBusy(bool busy, const QString& message)
{
    m_busy = busy;
    m_busyLabel->setText(message);
    m_busyLabel->setVisible(busy && !message.isEmpty());
    if (busy) {
        // Indeterminate until setProgress() says how much there is to do.
        m_progressBar->setRange(0, 0);
        m_progressBar->setValue(0);
        m_cancelButton->setEnabled(true);
        m_cancelButton->setText(tr("Cancel"));
    }
    m_progressBar->setVisible(busy);
    m_cancelButton->setVisible(busy);
    updateActions();
}

void MainWindow::setProgress(int done, int total)
{
    if (total <= 0) {
        m_progressBar->setRange(0, 0);
        return;
    }
    m_progressBar->setRange(0, total);
    m_progressBar->setValue(std::clamp(done, 0, total));
    m_progressBar->setFormat(
        tr("%1 of %2").arg(QLocale().toString(std::clamp(done, 0, total)), QLocale().toString(total)));
}

void MainWindow::showStatus(const QString& text)
{
    statusBar()->showMessage(text, 8000);
}

void MainWindow::showError(const QString& text)
{
    qCWarning(lcUi).noquote() << "shown to the admin:" << text;
    m_errorBanner->showError(text);
}

void MainWindow::showKeychainWarning(const QString& text)
{
    m_keychainBanner->showError(text);
}

void MainWindow::clearKeychainWarning()
{
    m_keychainBanner->hide();
}

void MainWindow::setDemo(bool demo)
{
    m_demo = demo;
    setWindowTitle(demo ? tr("Hirebridge — demo data") : tr("Hirebridge"));
    if (demo) {
        m_demoBanner->showError(tr("Demo data: these hires are made up, and a sandbox on this computer plays Ashby, "
                                   "Bob, BambooHR and Personio. Nothing you do here reaches a real system."));
    } else {
        m_demoBanner->hide();
    }
}

void MainWindow::clearError()
{
    m_errorBanner->hide();
}

void MainWindow::onSyncTriggered()
{
    if (m_busy) {
        return;
    }
    Q_EMIT syncRequested();
}

void MainWindow::onPushTriggered()
{
    if (m_busy) {
        return;
    }
    const QList<QPair<QString, QString>> items
        = m_model->checkedCount() > 0 ? m_model->checkedItems() : selectedPushableItems();
    if (items.isEmpty()) {
        showStatus(tr("Nothing to push: tick a target for a hire, or select hires that are ready or failed."));
        return;
    }
    qCInfo(lcUi) << "push requested for" << items.size() << "items";
    Q_EMIT pushRequested(items);
}

void MainWindow::onCancelClicked()
{
    // Cancelling finishes what is in flight; say so and prevent a second request while that happens.
    m_cancelButton->setEnabled(false);
    m_cancelButton->setText(tr("Cancelling…"));
    Q_EMIT cancelRequested();
}

void MainWindow::onAboutTriggered()
{
    MessageBox::information(this, tr("About Hirebridge"),
        tr("Hirebridge %1\n\nMoves hired candidates from Ashby into HiBob.")
            .arg(QCoreApplication::applicationVersion()));
}

void MainWindow::onFilterTextChanged(const QString& text)
{
    m_proxy->setFilterText(text);
    updatePlaceholder();
    updateCountsLabel();
    // The proxy re-maps: rows filtered away leave the selection without a selectionChanged per row. The current hire
    // either stays (its details too) or is gone (the pane hides); no need to ask the details provider per keystroke.
    updateActions();
    updateDetailsVisibility();
}

void MainWindow::onStateCountsChanged()
{
    updateCountsLabel();
    updateActions(); // "It arrived" and "Send again" show while a hire is unknown
}

void MainWindow::onRowsShownChanged()
{
    updateCountsLabel();
}

void MainWindow::onCheckedItemsChanged()
{
    updateActions();
}

void MainWindow::onSelectionChanged()
{
    updateActions();
    updateDetailsVisibility();
}

QList<QPair<QString, QString>> MainWindow::selectedPushableItems() const
{
    return selectedItemsInStates(PushableStates);
}

QList<int> MainWindow::selectedSourceRows() const
{
    const QModelIndexList selected = m_view->selectionModel()->selectedRows();
    QList<int> rows;
    rows.reserve(selected.size());
    for (const QModelIndex& index : selected) {
        rows.append(m_proxy->mapToSource(index).row());
    }
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    return rows;
}

QList<QPair<QString, QString>> MainWindow::selectedItemsInStates(unsigned stateMask) const
{
    QList<QPair<QString, QString>> items;
    const QStringList targets = m_model->targets();
    const QList<int> rows = selectedSourceRows();
    for (const int row : rows) {
        if ((m_model->stateMaskAt(row) & stateMask) == 0) {
            continue;
        }
        for (const QString& target : targets) {
            const std::optional<PushState> state = m_model->stateAt(row, target);
            if (state && (bit(*state) & stateMask) != 0) {
                items.append({m_model->applicationIdAt(row), target});
            }
        }
    }
    return items;
}

void MainWindow::onTickSelectedTriggered()
{
    const QList<int> rows = selectedSourceRows();
    if (rows.isEmpty()) {
        return;
    }
    const int before = m_model->checkedCount();
    // In an HR system's column: that system for every selected hire; elsewhere every system.
    const QModelIndex current = m_view->currentIndex();
    const QString currentTarget = current.isValid() ? m_model->targetForColumn(current.column()) : QString();
    const QStringList targets = currentTarget.isEmpty() ? m_model->targets() : QStringList {currentTarget};
    for (const QString& target : targets) {
        m_model->setChecked(rows, target, true);
    }
    const int ticked = m_model->checkedCount() - before;
    // Spelled out per count: the app ships no plural forms.
    showStatus(ticked == 1 ? tr("Ticked 1 cell.")
            : ticked > 1   ? tr("Ticked %1 cells.").arg(QLocale().toString(ticked))
                           : tr("Nothing to tick: the selected hires are already ticked, sent or in the target."));
}

void MainWindow::onSkipTriggered()
{
    if (m_busy) {
        return;
    }
    const QList<QPair<QString, QString>> items = selectedItemsInStates(SkippableStates);
    if (items.isEmpty()) {
        showStatus(tr("Nothing to skip: select hires that are ready or failed."));
        return;
    }
    qCInfo(lcUi) << "skip requested for" << items.size() << "items";
    Q_EMIT skipRequested(items);
}

void MainWindow::onRetryFailedTriggered()
{
    if (m_busy) {
        return;
    }
    const QList<QPair<QString, QString>> items = selectedItemsInStates(FailedStates);
    if (items.isEmpty()) {
        showStatus(tr("Nothing to retry: select hires that failed."));
        return;
    }
    qCInfo(lcUi) << "retry requested for" << items.size() << "items";
    Q_EMIT retryFailedRequested(items);
}

QDate MainWindow::boundOf(const QDateEdit* edit) const
{
    return edit->date() == NoBound ? QDate() : edit->date();
}

void MainWindow::onStateFilterChanged()
{
    const int state = m_stateFilter->currentData().toInt();
    m_proxy->setStateFilter(state < 0 ? std::nullopt : std::optional<PushState>(PushState(state)));
    updatePlaceholder();
    updateCountsLabel();
    // The proxy re-maps: rows filtered away leave the selection without a selectionChanged per row.
    updateActions();
    refreshDetails();
}

void MainWindow::onStartRangeChanged()
{
    const QDate from = boundOf(m_startFrom);
    const QDate to = boundOf(m_startTo);
    m_clearDatesButton->setEnabled(from.isValid() || to.isValid());
    m_proxy->setStartDateRange(from, to);
    updatePlaceholder();
    updateCountsLabel();
    // The proxy re-maps: rows filtered away leave the selection without a selectionChanged per row.
    updateActions();
    refreshDetails();
}

void MainWindow::onClearDatesClicked()
{
    const QSignalBlocker blockFrom(m_startFrom);
    const QSignalBlocker blockTo(m_startTo);
    m_startFrom->setDate(NoBound);
    m_startTo->setDate(NoBound);
    onStartRangeChanged();
}

void MainWindow::onCurrentRowChanged(const QModelIndex& current, const QModelIndex& previous)
{
    Q_UNUSED(current)
    Q_UNUSED(previous)
    refreshDetails();
    updateActions();
}

void MainWindow::onDetailsToggled()
{
    refreshDetails();
}

HireDetails MainWindow::detailsFromModel(int sourceRow) const
{
    HireDetails details;
    const auto text = [&](int column) { return m_model->index(sourceRow, column).data().toString(); };
    const QModelIndex first = m_model->index(sourceRow, HiresModel::Candidate);
    details.hire.applicationId = m_model->applicationIdAt(sourceRow);
    details.hire.name = text(HiresModel::Candidate);
    details.hire.email = first.data(ItemRoles::EmailRole).toString();
    details.hire.jobTitle = text(HiresModel::Job);
    details.hire.department = text(HiresModel::Department);
    details.hire.startDate = text(HiresModel::StartDate);
    details.hire.hiringManager.firstName = text(HiresModel::HiringManager);
    details.hire.hiringManager.email
        = m_model->index(sourceRow, HiresModel::HiringManager).data(Qt::ToolTipRole).toString();
    details.hire.warnings = first.data(ItemRoles::WarningsRole).toStringList();
    for (int column = HiresModel::FirstTargetColumn; column < m_model->columnCount(); ++column) {
        const QModelIndex cell = m_model->index(sourceRow, column);
        PushRecord record = PushRecord::ready(details.hire.applicationId, m_model->targetForColumn(column));
        record.state = PushState(cell.data(ItemRoles::PushStateRole).toInt());
        record.remoteId = cell.data(ItemRoles::RemoteIdRole).toString();
        record.reason = cell.data(ItemRoles::ReasonRole).toString();
        details.records.append(record);
    }
    return details;
}

void MainWindow::refreshDetails()
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    const bool wanted = m_detailsAction->isChecked() && current.isValid();
    if (!wanted) {
        updateDetailsVisibility();
        return;
    }
    const int sourceRow = m_proxy->mapToSource(current).row();
    const QString applicationId = m_model->applicationIdAt(sourceRow);
    const HireDetails details = m_detailsProvider ? m_detailsProvider(applicationId) : detailsFromModel(sourceRow);
    m_detailsPane->setDetails(details, m_model->targets());
    updateDetailsVisibility();
}

void MainWindow::updateDetailsVisibility()
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    const bool show = m_detailsAction->isChecked() && current.isValid() && m_view->selectionModel()->hasSelection();
    if (!current.isValid()) {
        m_detailsPane->clear();
    }
    if (show && !m_detailsSized && m_splitter->isVisible()) {
        // A third of the width, within what the pane needs and what leaves the table readable.
        const int em = fontMetrics().horizontalAdvance(QLatin1Char('M'));
        const int width = m_splitter->width();
        const int pane
            = std::clamp(width / 3, m_detailsPane->minimumWidth(), std::max(m_detailsPane->minimumWidth(), em * 40));
        m_splitter->setSizes({std::max(0, width - pane - m_splitter->handleWidth()), pane});
        m_detailsSized = true;
    }
    m_detailsPane->setVisible(show);
}

void MainWindow::updateActions()
{
    m_syncAction->setEnabled(!m_busy);
    const int ticked = m_model->checkedCount();
    const bool anySelected = m_view->selectionModel()->hasSelection();
    unsigned selectedStates = 0;
    if (anySelected) {
        const QList<int> rows = selectedSourceRows();
        for (const int row : rows) {
            selectedStates |= m_model->stateMaskAt(row);
        }
    }
    const bool selectedPushable = (selectedStates & PushableStates) != 0;
    if (ticked > 0) {
        m_pushAction->setText(tr("&Push ticked (%1)").arg(QLocale().toString(ticked)));
        m_pushAction->setToolTip(tr("Send the ticked hires to their targets"));
    } else if (anySelected) {
        m_pushAction->setText(tr("&Push selected"));
        m_pushAction->setToolTip(selectedPushable
                ? tr("Send the selected hires to every target where they are ready or failed")
                : tr("Nothing to push: the selected hires are not ready or failed anywhere"));
    } else {
        m_pushAction->setText(tr("&Push ticked"));
        m_pushAction->setToolTip(tr("Tick a target for a hire, or select hires, to push them"));
    }
    // A row already pushed (or skipped, or waiting for the admin) everywhere has nothing to push.
    m_pushAction->setEnabled(!m_busy && (ticked > 0 || selectedPushable));

    m_tickSelectedAction->setEnabled((selectedStates & CheckableStates) != 0);
    m_skipAction->setEnabled(!m_busy && (selectedStates & SkippableStates) != 0);
    m_retryFailedAction->setEnabled(!m_busy && (selectedStates & FailedStates) != 0);
    const bool anyUnknown = (selectedStates & UnknownStates) != 0;
    m_arrivedAction->setEnabled(!m_busy && anyUnknown);
    m_sendAgainAction->setEnabled(!m_busy && anyUnknown);
    // Only where they mean something: the usual day has no unknown hire.
    m_arrivedAction->setVisible(anyUnknown || m_model->countInState(PushState::Unknown) > 0);
    m_sendAgainAction->setVisible(m_arrivedAction->isVisible());
    const QString current = currentApplicationId();
    m_postHireAction->setEnabled(!m_busy && !current.isEmpty());
    m_confirmManagerAction->setEnabled(!m_busy && !current.isEmpty());
    m_openAshbyAction->setEnabled(!current.isEmpty());
    bool anywhere = false;
    if (!current.isEmpty()) {
        const int row = m_model->rowForApplication(current);
        for (const auto& target : m_model->targets()) {
            const auto state = m_model->stateAt(row, target);
            anywhere |= state && (*state == PushState::Pushed || *state == PushState::Exists);
        }
    }
    m_openHrisAction->setEnabled(anywhere);
}

QString MainWindow::currentApplicationId() const
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid()) {
        return {};
    }
    return m_model->applicationIdAt(m_proxy->mapToSource(current).row());
}

void MainWindow::setTargets(const QStringList& targets)
{
    if (targets == m_model->targets()) {
        return;
    }
    m_model->setTargets(targets);
    configureColumns();
    updateActions();
}

void MainWindow::updateCountsLabel()
{
    const int total = m_model->rowCount();
    const int shown = m_proxy->rowCount();
    QStringList parts;
    parts << (shown == total ? tr("Hires: %1").arg(QLocale().toString(total))
                             : tr("Showing %1 of %2 hires").arg(QLocale().toString(shown), QLocale().toString(total)));
    // Attention first: failures before the calm states.
    for (const PushState state : {PushState::Unknown, PushState::Failed, PushState::Ready, PushState::Sending,
             PushState::Pushed, PushState::Exists, PushState::Skipped}) {
        const int count = m_model->countInState(state);
        if (count > 0) {
            parts << tr("%1: %2", "state: count").arg(HiresModel::stateLabel(state), QLocale().toString(count));
        }
    }
    m_countsLabel->setText(parts.join(QStringLiteral("  ·  ")));
    m_countsLabel->setToolTip(m_model->targets().size() > 1 ? tr("States are counted per hire and target") : QString());
}

void MainWindow::updatePlaceholder()
{
    if (m_model->rowCount() == 0) {
        m_view->setPlaceholderText(tr("No hires yet — press Sync to pull hired candidates from Ashby."));
    } else if (m_filterEdit->text().trimmed().isEmpty()) {
        m_view->setPlaceholderText(tr("No hires match the state and start-date filters."));
    } else {
        m_view->setPlaceholderText(tr("No hires match “%1”.").arg(m_filterEdit->text().trimmed()));
    }
}
