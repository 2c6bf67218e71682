#include "MappingEditor.h"

#include "FieldTagDelegate.h"
#include "MappingRuleCommand.h"
#include "RulesView.h"
#include "TransformEditor.h"
#include "models/FieldFilterProxyModel.h"
#include "models/FieldNodeKind.h"
#include "models/HiresModel.h"
#include "models/ItemRoles.h"
#include "models/MappingRulesModel.h"
#include "models/SourceFieldsModel.h"
#include "models/TargetFieldsModel.h"

#include <QAction>
#include <QComboBox>
#include <QCoreApplication>
#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QJsonDocument>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QResizeEvent>
#include <QSplitter>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QUndoStack>
#include <QVBoxLayout>

namespace {

QLabel* sectionTitle(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    QFont font = label->font();
    font.setWeight(QFont::DemiBold);
    label->setFont(font);
    return label;
}

QString valueText(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Double: {
        const double number = value.toDouble();
        return number == double(qint64(number)) ? QString::number(qint64(number)) : QString::number(number, 'g', 15);
    }
    case QJsonValue::Bool:
        return value.toBool() ? QCoreApplication::translate("MappingEditor", "yes")
                              : QCoreApplication::translate("MappingEditor", "no");
    case QJsonValue::Array: {
        QStringList parts;
        const QJsonArray array = value.toArray();
        for (const QJsonValue& item : array) {
            parts << valueText(item);
        }
        return parts.join(QStringLiteral(", "));
    }
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return {};
}

QString hireTitle(const Hire& hire)
{
    QString name = hire.name.trimmed();
    if (name.isEmpty()) {
        name = QStringList {hire.firstName, hire.lastName}.join(QLatin1Char(' ')).trimmed();
    }
    if (name.isEmpty()) {
        name = hire.applicationId;
    }
    return hire.jobTitle.isEmpty() ? name
                                   : QCoreApplication::translate("MappingEditor", "%1 — %2").arg(name, hire.jobTitle);
}

} // namespace

MappingEditor::MappingEditor(QWidget* parent)
    : QWidget(parent)
    , m_rulesModel(new MappingRulesModel(this))
    , m_sourceModel(new SourceFieldsModel(this))
    , m_targetModel(new TargetFieldsModel(m_rulesModel, this))
    , m_sourceProxy(new FieldFilterProxyModel(this))
    , m_targetProxy(new FieldFilterProxyModel(this))
    , m_undoStack(new QUndoStack(this))
    , m_ageTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("mappingEditor"));
    setWindowTitle(tr("Field mapping[*]"));
    m_sourceProxy->setSourceModel(m_sourceModel);
    m_targetProxy->setSourceModel(m_targetModel);
    m_undoStack->setObjectName(QStringLiteral("mappingUndoStack"));
    m_targetCatalog = TargetCatalog::bobBuiltin();
    m_targetCatalog.markRequired(m_directMode);
    m_rulesModel->setCatalogs(&m_sourceCatalog, &m_targetCatalog);
    m_targetModel->setCatalog(m_targetCatalog);
    m_sourceModel->setCatalog(m_sourceCatalog);
    // Drops arrive in the model; route them through the undo stack like the Map button.
    m_rulesModel->setMapHandler([this](const QString& source, const QString& target) { pushMap(source, target); });

    createWidgets();

    connect(m_rulesModel, &MappingRulesModel::rulesChanged, this, &MappingEditor::onRulesChanged);
    connect(m_undoStack, &QUndoStack::indexChanged, this, &MappingEditor::onUndoStackIndexChanged);
    connect(m_ageTimer, &QTimer::timeout, this, &MappingEditor::onAgeTimerTimeout);
    m_ageTimer->start(30 * 1000);

    m_sourceView->expandAll();
    m_targetView->expandAll();
    updateLegend();
    updateHeader();
    refreshChecksAndPreview();
    updateTransformEditor();
    updateModified();
    updateActions();
}

MappingEditor::~MappingEditor()
{
    // The handler captures `this`; the model outlives nothing here but say so explicitly.
    m_rulesModel->setMapHandler({});
    m_undoStack->disconnect(this);
}

void MappingEditor::createWidgets()
{
    // Header: which target, how fresh its field list is, and the way to refresh it.
    m_titleLabel = new QLabel(this);
    m_titleLabel->setObjectName(QStringLiteral("titleLabel"));
    QFont titleFont = m_titleLabel->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    titleFont.setWeight(QFont::DemiBold);
    m_titleLabel->setFont(titleFont);
    m_catalogLabel = new QLabel(this);
    m_catalogLabel->setObjectName(QStringLiteral("catalogLabel"));
    m_catalogLabel->setForegroundRole(QPalette::PlaceholderText);
    m_catalogLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_refreshButton = new QPushButton(this);
    m_refreshButton->setObjectName(QStringLiteral("refreshCatalogButton"));
    m_refreshButton->setIcon(style()->standardIcon(QStyle::SP_BrowserReload, nullptr, this));
    connect(m_refreshButton, &QPushButton::clicked, this, &MappingEditor::onRefreshClicked);

    auto* header = new QHBoxLayout;
    header->setSpacing(12);
    header->addWidget(m_titleLabel);
    header->addWidget(m_catalogLabel, 1);
    header->addWidget(m_refreshButton);

    m_fieldsSplitter = new QSplitter(Qt::Horizontal, this);
    m_fieldsSplitter->setObjectName(QStringLiteral("fieldsSplitter"));
    m_fieldsSplitter->setChildrenCollapsible(false);
    m_fieldsSplitter->addWidget(createSourcePane());
    m_fieldsSplitter->addWidget(createRulesPane());
    m_fieldsSplitter->addWidget(createTargetPane());
    m_fieldsSplitter->setStretchFactor(0, 3);
    m_fieldsSplitter->setStretchFactor(1, 4);
    m_fieldsSplitter->setStretchFactor(2, 3);
    m_fieldsSplitter->setSizes({300, 400, 300});

    m_bottomSplitter = new QSplitter(Qt::Horizontal, this);
    m_bottomSplitter->setObjectName(QStringLiteral("bottomSplitter"));
    m_bottomSplitter->setChildrenCollapsible(false);
    m_bottomSplitter->addWidget(createChecksPane());
    m_bottomSplitter->addWidget(createPreviewPane());
    m_bottomSplitter->setStretchFactor(0, 2);
    m_bottomSplitter->setStretchFactor(1, 3);
    m_bottomSplitter->setSizes({400, 600});

    m_mainSplitter = new QSplitter(Qt::Vertical, this);
    m_mainSplitter->setObjectName(QStringLiteral("mainSplitter"));
    m_mainSplitter->setChildrenCollapsible(false);
    m_mainSplitter->addWidget(m_fieldsSplitter);
    m_mainSplitter->addWidget(m_bottomSplitter);
    m_mainSplitter->setStretchFactor(0, 3);
    m_mainSplitter->setStretchFactor(1, 2);
    m_mainSplitter->setSizes({600, 400});
    m_mainSplitter->installEventFilter(this);

    // Footer: save state and the two decisions.
    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("statusLabel"));
    m_revertButton = new QPushButton(tr("Re&vert"), this);
    m_revertButton->setObjectName(QStringLiteral("revertButton"));
    m_revertButton->setToolTip(tr("Go back to the last saved mapping (this can be undone)"));
    m_saveButton = new QPushButton(tr("&Save mapping"), this);
    m_saveButton->setObjectName(QStringLiteral("saveButton"));
    m_saveButton->setDefault(true);
    m_saveButton->setShortcut(QKeySequence::Save);
    m_saveButton->setToolTip(tr("Save the mapping; the next push uses it (%1)")
                                 .arg(QKeySequence(QKeySequence::Save).toString(QKeySequence::NativeText)));
    connect(m_revertButton, &QPushButton::clicked, this, &MappingEditor::onRevertClicked);
    connect(m_saveButton, &QPushButton::clicked, this, &MappingEditor::onSaveClicked);
    auto* footer = new QHBoxLayout;
    footer->setSpacing(8);
    footer->addWidget(m_statusLabel, 1);
    footer->addWidget(m_revertButton);
    footer->addWidget(m_saveButton);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 8, 10, 8);
    layout->setSpacing(8);
    layout->addLayout(header);
    layout->addWidget(m_mainSplitter, 1);
    layout->addLayout(footer);

    // Keyboard: Ctrl+M maps, Delete removes the selected rule, Ctrl+Z / Ctrl+Shift+Z undo and redo.
    m_mapAction = new QAction(tr("&Map"), this);
    m_mapAction->setObjectName(QStringLiteral("actionMap"));
    m_mapAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_M));
    m_mapAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_mapAction, &QAction::triggered, this, &MappingEditor::onMapTriggered);
    addAction(m_mapAction);

    m_removeAction = new QAction(tr("&Remove rule"), this);
    m_removeAction->setObjectName(QStringLiteral("actionRemoveRule"));
    m_removeAction->setShortcuts({QKeySequence(QKeySequence::Delete), QKeySequence(Qt::Key_Backspace)});
    m_removeAction->setShortcutContext(Qt::WidgetShortcut);
    connect(m_removeAction, &QAction::triggered, this, &MappingEditor::onRemoveTriggered);
    m_rulesView->addAction(m_removeAction);

    m_undoAction = new QAction(tr("&Undo"), this);
    m_undoAction->setObjectName(QStringLiteral("actionUndo"));
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_undoAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_undoAction, &QAction::triggered, m_undoStack, &QUndoStack::undo);
    addAction(m_undoAction);

    m_redoAction = new QAction(tr("&Redo"), this);
    m_redoAction->setObjectName(QStringLiteral("actionRedo"));
    m_redoAction->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    m_redoAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_redoAction, &QAction::triggered, m_undoStack, &QUndoStack::redo);
    addAction(m_redoAction);

    m_undoButton->setDefaultAction(m_undoAction);
    m_redoButton->setDefaultAction(m_redoAction);
    m_removeButton->setDefaultAction(m_removeAction);
    m_undoAction->setIcon(style()->standardIcon(QStyle::SP_ArrowBack, nullptr, this));
    m_redoAction->setIcon(style()->standardIcon(QStyle::SP_ArrowForward, nullptr, this));
    m_removeAction->setIcon(style()->standardIcon(QStyle::SP_DialogDiscardButton, nullptr, this));

    setTabOrder(m_sourceSearch, m_sourceView);
    setTabOrder(m_sourceView, m_mapButton);
    setTabOrder(m_mapButton, m_rulesView);
    setTabOrder(m_rulesView, m_transformEditor);
    setTabOrder(m_transformEditor, m_targetSearch);
    setTabOrder(m_targetSearch, m_targetView);
}

void MappingEditor::configureTree(QTreeView* view)
{
    view->setUniformRowHeights(true);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setAlternatingRowColors(false);
    view->setAllColumnsShowFocus(true);
    view->setIndentation(14);
    view->setAnimated(false);
    view->header()->setStretchLastSection(false);
    view->header()->setSectionsMovable(false);
    view->header()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    view->header()->setHighlightSections(false);
}

QWidget* MappingEditor::createSourcePane()
{
    auto* pane = new QWidget(this);
    pane->setObjectName(QStringLiteral("sourcePane"));
    auto* layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 4, 0);
    layout->setSpacing(6);

    m_sourceSearch = new QLineEdit(pane);
    m_sourceSearch->setObjectName(QStringLiteral("sourceSearch"));
    m_sourceSearch->setPlaceholderText(tr("Search Ashby fields"));
    m_sourceSearch->setClearButtonEnabled(true);
    m_sourceSearch->setAccessibleName(tr("Search Ashby fields"));
    m_sourceSearch->installEventFilter(this);
    connect(m_sourceSearch, &QLineEdit::textChanged, this, &MappingEditor::onSourceSearchChanged);

    m_sourceView = new QTreeView(pane);
    m_sourceView->setObjectName(QStringLiteral("sourceView"));
    m_sourceView->setAccessibleName(tr("Ashby fields"));
    configureTree(m_sourceView);
    m_sourceView->setModel(m_sourceProxy);
    m_sourceView->setItemDelegate(new FieldTagDelegate(-1, m_sourceView));
    m_sourceView->setDragEnabled(true);
    m_sourceView->setDragDropMode(QAbstractItemView::DragOnly);
    m_sourceView->setDefaultDropAction(Qt::CopyAction);
    m_sourceView->header()->setSectionResizeMode(SourceFieldsModel::NameColumn, QHeaderView::Stretch);
    m_sourceView->header()->setSectionResizeMode(SourceFieldsModel::TypeColumn, QHeaderView::ResizeToContents);
    m_sourceView->installEventFilter(this);
    m_sourceView->setToolTip(tr("Drag a field onto a %1 field, or select both and press Map").arg(targetName()));
    connect(m_sourceView->selectionModel(), &QItemSelectionModel::currentChanged, this,
        &MappingEditor::onFieldCurrentChanged);

    layout->addWidget(sectionTitle(tr("Ashby fields"), pane));
    layout->addWidget(m_sourceSearch);
    layout->addWidget(m_sourceView, 1);
    return pane;
}

QWidget* MappingEditor::createRulesPane()
{
    auto* pane = new QWidget(this);
    pane->setObjectName(QStringLiteral("rulesPane"));
    auto* layout = new QVBoxLayout(pane);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->setSpacing(6);

    m_mapButton = new QPushButton(tr("Map"), pane);
    m_mapButton->setObjectName(QStringLiteral("mapButton"));
    m_mapButton->setIcon(style()->standardIcon(QStyle::SP_ArrowRight, nullptr, this));
    m_mapButton->setToolTip(tr("Map the selected Ashby field onto the selected field on the right (Ctrl+M)"));
    connect(m_mapButton, &QPushButton::clicked, this, &MappingEditor::onMapTriggered);

    m_removeButton = new QToolButton(pane);
    m_removeButton->setObjectName(QStringLiteral("removeButton"));
    m_removeButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_undoButton = new QToolButton(pane);
    m_undoButton->setObjectName(QStringLiteral("undoButton"));
    m_undoButton->setToolButtonStyle(Qt::ToolButtonIconOnly);
    m_redoButton = new QToolButton(pane);
    m_redoButton->setObjectName(QStringLiteral("redoButton"));
    m_redoButton->setToolButtonStyle(Qt::ToolButtonIconOnly);

    m_rulesCountLabel = new QLabel(pane);
    m_rulesCountLabel->setObjectName(QStringLiteral("rulesCountLabel"));
    m_rulesCountLabel->setForegroundRole(QPalette::PlaceholderText);

    auto* titleRow = new QHBoxLayout;
    titleRow->setSpacing(6);
    titleRow->addWidget(sectionTitle(tr("Rules"), pane));
    titleRow->addWidget(m_rulesCountLabel, 1);
    titleRow->addWidget(m_undoButton);
    titleRow->addWidget(m_redoButton);

    auto* buttonRow = new QHBoxLayout;
    buttonRow->setSpacing(6);
    buttonRow->addWidget(m_mapButton);
    buttonRow->addWidget(m_removeButton);
    buttonRow->addStretch(1);

    m_rulesView = new RulesView(pane);
    m_rulesView->setObjectName(QStringLiteral("rulesView"));
    // Tab moves between panes, as in the trees; the arrow keys walk the cells.
    m_rulesView->setTabKeyNavigation(false);
    m_rulesView->setAccessibleName(tr("Mapping rules"));
    m_rulesView->setModel(m_rulesModel);
    m_rulesView->setItemDelegate(new FieldTagDelegate(-1, m_rulesView));
    m_rulesView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_rulesView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_rulesView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_rulesView->setAlternatingRowColors(true);
    m_rulesView->setShowGrid(false);
    m_rulesView->setWordWrap(false);
    m_rulesView->setCornerButtonEnabled(false);
    m_rulesView->verticalHeader()->hide();
    m_rulesView->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_rulesView->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    m_rulesView->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_rulesView->horizontalHeader()->setHighlightSections(false);
    m_rulesView->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_rulesView->setPlaceholderText(
        tr("No rules yet. Drag an Ashby field onto a field on the right, or select both and press Map."));
    connect(m_rulesView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &MappingEditor::onRuleSelectionChanged);

    m_transformEditor = new TransformEditor(pane);
    connect(m_transformEditor, &TransformEditor::ruleEdited, this, &MappingEditor::onRuleEdited);
    auto* editorFrame = new QFrame(pane);
    editorFrame->setObjectName(QStringLiteral("transformFrame"));
    editorFrame->setFrameShape(QFrame::StyledPanel);
    auto* editorLayout = new QVBoxLayout(editorFrame);
    editorLayout->setContentsMargins(10, 8, 10, 8);
    editorLayout->addWidget(m_transformEditor);

    layout->addLayout(titleRow);
    layout->addLayout(buttonRow);
    layout->addWidget(m_rulesView, 1);
    layout->addWidget(editorFrame);
    return pane;
}

QWidget* MappingEditor::createTargetPane()
{
    auto* pane = new QWidget(this);
    pane->setObjectName(QStringLiteral("targetPane"));
    auto* layout = new QVBoxLayout(pane);
    layout->setContentsMargins(4, 0, 0, 0);
    layout->setSpacing(6);

    m_targetSearch = new QLineEdit(pane);
    m_targetSearch->setObjectName(QStringLiteral("targetSearch"));
    m_targetSearch->setClearButtonEnabled(true);
    m_targetSearch->installEventFilter(this);
    connect(m_targetSearch, &QLineEdit::textChanged, this, &MappingEditor::onTargetSearchChanged);

    m_targetView = new QTreeView(pane);
    m_targetView->setObjectName(QStringLiteral("targetView"));
    configureTree(m_targetView);
    m_targetView->setModel(m_targetProxy);
    m_targetView->setItemDelegate(new FieldTagDelegate(TargetFieldsModel::MappedFromColumn, m_targetView));
    m_targetView->setAcceptDrops(true);
    m_targetView->viewport()->setAcceptDrops(true);
    m_targetView->setDragDropMode(QAbstractItemView::DropOnly);
    m_targetView->setDropIndicatorShown(true);
    // Drops land on a field, never between two: the model refuses the rest.
    m_targetView->setDragDropOverwriteMode(true);
    m_targetView->setDefaultDropAction(Qt::CopyAction);
    m_targetView->header()->setSectionResizeMode(TargetFieldsModel::NameColumn, QHeaderView::Interactive);
    m_targetView->installEventFilter(this);
    m_targetView->header()->setSectionResizeMode(TargetFieldsModel::MappedFromColumn, QHeaderView::Stretch);
    m_targetView->header()->setSectionHidden(TargetFieldsModel::TypeColumn, true);
    connect(m_targetView->selectionModel(), &QItemSelectionModel::currentChanged, this,
        &MappingEditor::onFieldCurrentChanged);

    // When a tree is narrow its tags shrink to dots; the legend keeps them readable.
    m_legendLabel = new QLabel(pane);
    m_legendLabel->setObjectName(QStringLiteral("legendLabel"));
    m_legendLabel->setTextFormat(Qt::RichText);
    m_legendLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);

    m_targetPaneTitle = sectionTitle(QString(), pane);
    layout->addWidget(m_targetPaneTitle);
    layout->addWidget(m_targetSearch);
    layout->addWidget(m_targetView, 1);
    layout->addWidget(m_legendLabel);
    return pane;
}

QWidget* MappingEditor::createChecksPane()
{
    auto* pane = new QWidget(this);
    pane->setObjectName(QStringLiteral("checksPane"));
    auto* layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 4, 4, 0);
    layout->setSpacing(6);

    m_checksSummary = new QLabel(pane);
    m_checksSummary->setObjectName(QStringLiteral("checksSummary"));
    auto* titleRow = new QHBoxLayout;
    titleRow->addWidget(sectionTitle(tr("Checks"), pane));
    titleRow->addWidget(m_checksSummary, 1);

    m_validationList = new QListWidget(pane);
    m_validationList->setObjectName(QStringLiteral("validationList"));
    m_validationList->setAccessibleName(tr("Problems found in the mapping"));
    m_validationList->setWordWrap(true);
    m_validationList->setTextElideMode(Qt::ElideNone);
    m_validationList->setSpacing(1);
    m_validationList->setUniformItemSizes(false);
    m_validationList->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    connect(m_validationList, &QListWidget::currentRowChanged, this, &MappingEditor::onIssueSelected);

    layout->addLayout(titleRow);
    layout->addWidget(m_validationList, 1);
    return pane;
}

QWidget* MappingEditor::createPreviewPane()
{
    auto* pane = new QWidget(this);
    pane->setObjectName(QStringLiteral("previewPane"));
    auto* layout = new QVBoxLayout(pane);
    layout->setContentsMargins(4, 4, 0, 0);
    layout->setSpacing(6);

    m_previewHire = new QComboBox(pane);
    m_previewHire->setObjectName(QStringLiteral("previewHire"));
    m_previewHire->setAccessibleName(tr("Hire to preview"));
    m_previewHire->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_previewHire->setMinimumContentsLength(18);
    m_previewHire->setPlaceholderText(tr("No synced hires to preview"));
    connect(m_previewHire, &QComboBox::currentIndexChanged, this, &MappingEditor::onPreviewHireChanged);

    auto* titleRow = new QHBoxLayout;
    titleRow->setSpacing(8);
    titleRow->addWidget(sectionTitle(tr("Preview"), pane));
    titleRow->addWidget(m_previewHire, 1);

    m_previewSources = new QTableWidget(0, 4, pane);
    m_previewSources->setObjectName(QStringLiteral("previewSources"));
    m_previewSources->setTabKeyNavigation(false); // Tab leaves the table; arrows walk it
    m_previewSources->setAccessibleName(tr("Values that would be sent"));
    m_previewSources->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_previewSources->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_previewSources->setAlternatingRowColors(true);
    m_previewSources->setShowGrid(false);
    m_previewSources->setWordWrap(false);
    m_previewSources->verticalHeader()->hide();
    m_previewSources->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_previewSources->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_previewSources->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_previewSources->horizontalHeader()->setHighlightSections(false);
    m_previewSources->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);

    m_previewJson = new QPlainTextEdit(pane);
    m_previewJson->setObjectName(QStringLiteral("previewJson"));
    m_previewJson->setTabChangesFocus(true);
    m_previewJson->setAccessibleName(tr("Payload sent for this hire"));
    m_previewJson->setReadOnly(true);
    m_previewJson->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_previewJson->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));

    m_previewTabs = new QTabWidget(pane);
    m_previewTabs->setObjectName(QStringLiteral("previewTabs"));
    m_previewTabs->setDocumentMode(true);
    m_previewTabs->addTab(m_previewSources, tr("Values sent"));
    m_previewTabs->addTab(m_previewJson, tr("Payload JSON"));

    layout->addLayout(titleRow);
    layout->addWidget(m_previewTabs, 1);
    return pane;
}

void MappingEditor::setCatalogs(const SourceCatalog& sources, const TargetCatalog& targets)
{
    m_sourceCatalog = sources;
    m_targetCatalog = targets;
    m_hasSources = true;
    m_targetCatalog.markRequired(m_directMode);
    m_rulesModel->setCatalogs(&m_sourceCatalog, &m_targetCatalog);
    m_sourceModel->setCatalog(m_sourceCatalog);
    m_targetModel->setCatalog(m_targetCatalog);
    m_sourceView->expandAll();
    m_targetView->expandAll();
    updateHeader();
    updateTransformEditor();
    refreshChecksAndPreview();
    updateActions();
}

void MappingEditor::setProfile(const MappingProfile& profile)
{
    m_undoStack->clear();
    m_rulesModel->setProfile(profile);
    m_savedProfile = profile;
    updateHeader();
    updateModified();
}

MappingProfile MappingEditor::profile() const
{
    return m_rulesModel->profile();
}

bool MappingEditor::isModified() const
{
    return m_rulesModel->profile() != m_savedProfile;
}

void MappingEditor::markSaved()
{
    m_savedProfile = m_rulesModel->profile();
    m_undoStack->setClean();
    updateModified();
}

void MappingEditor::setPreviewHires(const QList<Hire>& hires)
{
    const int current = m_previewHire->currentIndex();
    const QString previous
        = current >= 0 && current < m_previewHires.size() ? m_previewHires.at(current).applicationId : QString();
    m_previewHires = hires;
    {
        const QSignalBlocker blocker(m_previewHire);
        m_previewHire->clear();
        int select = hires.isEmpty() ? -1 : 0;
        for (int i = 0; i < hires.size(); ++i) {
            m_previewHire->addItem(hireTitle(hires.at(i)), hires.at(i).applicationId);
            if (hires.at(i).applicationId == previous) {
                select = i;
            }
        }
        m_previewHire->setCurrentIndex(select);
    }
    m_previewHire->setEnabled(!hires.isEmpty());
    refreshChecksAndPreview();
}

void MappingEditor::setDirectMode(bool directMode)
{
    if (directMode == m_directMode) {
        return;
    }
    m_directMode = directMode;
    m_targetCatalog.markRequired(m_directMode);
    m_targetModel->setCatalog(m_targetCatalog);
    m_targetView->expandAll();
    updateHeader();
    refreshChecksAndPreview();
}

QString MappingEditor::targetName() const
{
    return HiresModel::targetDisplayName(
        m_targetCatalog.target.isEmpty() ? m_rulesModel->profile().target : m_targetCatalog.target);
}

QString MappingEditor::ageText(const QDateTime& fetchedAt, const QDateTime& now)
{
    const qint64 seconds = fetchedAt.secsTo(now);
    if (seconds < 60) {
        return tr("just now");
    }
    // Spelled out per count: the app ships no English plural forms, so "%n minute(s)" would show as written.
    if (seconds < 3600) {
        const int minutes = int(seconds / 60);
        return minutes == 1 ? tr("1 minute ago") : tr("%1 minutes ago").arg(minutes);
    }
    if (seconds < 86400) {
        const int hours = int(seconds / 3600);
        return hours == 1 ? tr("1 hour ago") : tr("%1 hours ago").arg(hours);
    }
    const int days = int(seconds / 86400);
    return days == 1 ? tr("1 day ago") : tr("%1 days ago").arg(days);
}

void MappingEditor::updateHeader()
{
    const QString target = targetName();
    m_titleLabel->setText(tr("Ashby → %1").arg(target));
    QString fetched;
    if (m_targetCatalog.fetchedAt.isValid()) {
        fetched = tr("%1 fields fetched %2")
                      .arg(target, ageText(m_targetCatalog.fetchedAt, QDateTime::currentDateTimeUtc()));
    } else {
        fetched = tr("%1 fields not fetched yet: showing the fields every %1 account has").arg(target);
    }
    int custom = 0;
    for (const TargetField& field : m_targetCatalog.fields) {
        custom += field.custom ? 1 : 0;
    }
    QStringList parts {fetched, tr("%1 fields, %2 custom").arg(m_targetCatalog.fields.size()).arg(custom)};
    if (m_directMode) {
        parts << tr("direct mode");
    }
    m_catalogLabel->setText(parts.join(QStringLiteral("  ·  ")));
    m_catalogLabel->setToolTip(m_targetCatalog.fetchedAt.isValid()
            ? tr("Fetched %1").arg(QLocale().toString(m_targetCatalog.fetchedAt.toLocalTime(), QLocale::LongFormat))
            : QString());
    m_refreshButton->setText(tr("Refresh %1 fields").arg(target));
    m_refreshButton->setToolTip(tr("Fetch %1's field list and named lists again").arg(target));
    m_targetPaneTitle->setText(tr("%1 fields").arg(target));
    m_targetSearch->setPlaceholderText(tr("Search %1 fields").arg(target));
    m_targetSearch->setAccessibleName(tr("Search %1 fields").arg(target));
    m_targetView->setAccessibleName(tr("%1 fields").arg(target));
}

void MappingEditor::onAgeTimerTimeout()
{
    updateHeader();
}

void MappingEditor::updateActions()
{
    const bool canMap = !currentSourcePath().isEmpty() && !currentTargetId().isEmpty();
    m_mapAction->setEnabled(canMap);
    m_mapButton->setEnabled(canMap);
    if (canMap) {
        m_mapButton->setToolTip(
            tr("Map %1 onto %2 (Ctrl+M)")
                .arg(m_rulesModel->sourceLabel(currentSourcePath()), m_rulesModel->targetLabel(currentTargetId())));
    } else {
        m_mapButton->setToolTip(tr("Select an Ashby field and a %1 field, then press Map (Ctrl+M)").arg(targetName()));
    }
    m_removeAction->setEnabled(currentRuleRow() >= 0);
    m_undoAction->setEnabled(m_undoStack->canUndo());
    m_redoAction->setEnabled(m_undoStack->canRedo());
    m_undoAction->setToolTip(
        m_undoStack->canUndo() ? tr("Undo %1 (Ctrl+Z)").arg(m_undoStack->undoText()) : tr("Nothing to undo"));
    m_redoAction->setToolTip(
        m_undoStack->canRedo() ? tr("Redo %1 (Ctrl+Shift+Z)").arg(m_undoStack->redoText()) : tr("Nothing to redo"));
}

void MappingEditor::updateModified()
{
    const bool modified = isModified();
    m_saveButton->setEnabled(modified);
    m_revertButton->setEnabled(modified);
    const int rules = m_rulesModel->rowCount();
    m_rulesCountLabel->setText(rules == 1 ? tr("1 rule") : tr("%1 rules").arg(rules));
    m_statusLabel->setText(modified ? tr("Unsaved changes") : tr("All changes saved"));
    setWindowModified(modified);
    if (modified != m_lastModified) {
        m_lastModified = modified;
        Q_EMIT modifiedChanged(modified);
    }
}

int MappingEditor::currentRuleRow() const
{
    const QModelIndexList rows = m_rulesView->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : rows.constFirst().row();
}

QString MappingEditor::currentSourcePath() const
{
    return m_sourceModel->fieldAt(m_sourceProxy->mapToSource(m_sourceView->currentIndex()));
}

QString MappingEditor::currentTargetId() const
{
    return m_targetModel->fieldAt(m_targetProxy->mapToSource(m_targetView->currentIndex()));
}

void MappingEditor::pushMap(const QString& source, const QString& target)
{
    if (source.isEmpty() || target.isEmpty()) {
        return;
    }
    const int existing = m_rulesModel->ruleForTarget(target);
    if (existing >= 0 && m_rulesModel->ruleAt(existing).source == source) {
        selectRule(existing); // already mapped so: nothing to undo
        return;
    }
    auto* command = MappingRuleCommand::map(m_rulesModel, source, target);
    m_undoStack->push(command);
    selectRule(command->row());
}

void MappingEditor::selectRule(int row)
{
    if (row < 0 || row >= m_rulesModel->rowCount()) {
        m_rulesView->clearSelection();
        return;
    }
    const QModelIndex index = m_rulesModel->index(row, 0);
    m_rulesView->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_rulesView->scrollTo(index);
}

void MappingEditor::onMapTriggered()
{
    const QString source = currentSourcePath();
    const QString target = currentTargetId();
    if (source.isEmpty() || target.isEmpty()) {
        return;
    }
    pushMap(source, target);
}

void MappingEditor::onRemoveTriggered()
{
    const int row = currentRuleRow();
    if (row < 0) {
        return;
    }
    m_undoStack->push(MappingRuleCommand::remove(m_rulesModel, row));
    // Keep the keyboard in the list: the next rule (or the new last one) is selected.
    selectRule(std::min(row, m_rulesModel->rowCount() - 1));
}

void MappingEditor::onSaveClicked()
{
    if (!isModified()) {
        return;
    }
    Q_EMIT saveRequested(profile());
}

void MappingEditor::onRevertClicked()
{
    if (!isModified()) {
        return;
    }
    m_undoStack->push(MappingRuleCommand::replaceAll(m_rulesModel, m_savedProfile, tr("revert to the saved mapping")));
}

void MappingEditor::onRefreshClicked()
{
    Q_EMIT refreshCatalogRequested();
}

void MappingEditor::onSourceSearchChanged(const QString& text)
{
    m_sourceProxy->setFilterText(text);
    m_sourceView->expandAll();
}

void MappingEditor::onTargetSearchChanged(const QString& text)
{
    m_targetProxy->setFilterText(text);
    m_targetView->expandAll();
}

void MappingEditor::onFieldCurrentChanged()
{
    updateActions();
}

void MappingEditor::onRuleSelectionChanged()
{
    updateTransformEditor();
    updateActions();
}

void MappingEditor::updateTransformEditor()
{
    const int row = currentRuleRow();
    if (row < 0) {
        m_transformEditor->setRule(std::nullopt);
        return;
    }
    const MappingRule& rule = m_rulesModel->ruleAt(row);
    const QString from
        = rule.transform.kind == Transform::Kind::Constant ? tr("Fixed value") : m_rulesModel->sourceLabel(rule.source);
    const TargetField* target = m_targetCatalog.field(rule.target);
    m_transformEditor->setRule(rule, tr("%1  →  %2").arg(from, m_rulesModel->targetLabel(rule.target)),
        target && TargetCatalog::isListType(target->type));
}

void MappingEditor::onRuleEdited(const MappingRule& rule, bool typing)
{
    const int row = currentRuleRow();
    if (row < 0 || m_rulesModel->ruleAt(row) == rule) {
        return;
    }
    m_undoStack->push(MappingRuleCommand::edit(m_rulesModel, row, rule, typing));
}

void MappingEditor::onRulesChanged()
{
    updateTransformEditor();
    refreshChecksAndPreview();
    updateModified();
    updateActions();
}

void MappingEditor::onUndoStackIndexChanged()
{
    updateActions();
}

void MappingEditor::onPreviewHireChanged(int index)
{
    Q_UNUSED(index)
    refreshChecksAndPreview();
}

void MappingEditor::refreshChecksAndPreview()
{
    MappingEngine::Options options;
    options.directMode = m_directMode;
    const MappingProfile current = m_rulesModel->profile();
    const MappingEngine engine(current, &m_targetCatalog, m_hasSources ? &m_sourceCatalog : nullptr, options);
    m_issues = engine.validateProfile();

    const int hireIndex = m_previewHire->currentIndex();
    if (hireIndex >= 0 && hireIndex < m_previewHires.size()) {
        const MappingResult result = engine.map(m_previewHires.at(hireIndex));
        m_issues.append(result.issues);
        renderPreview(&result);
    } else {
        renderPreview(nullptr);
    }
    // Errors first, then warnings, each in rule order.
    std::stable_sort(m_issues.begin(), m_issues.end(), [](const MappingIssue& a, const MappingIssue& b) {
        return a.severity == MappingIssue::Severity::Error && b.severity != MappingIssue::Severity::Error;
    });
    renderIssues();
}

QString MappingEditor::readableIssue(const MappingIssue& issue) const
{
    // The engine's message leads with ids ("hire aa00…013 (Jonas Silva): rule 7 (job.location → work.site): …"),
    // which the CLI and the audit need. Here it leads with the person and the field in words.
    QString problem = issue.message;
    QString person;
    if (!issue.applicationId.isEmpty()) {
        for (const Hire& hire : std::as_const(m_previewHires)) {
            if (hire.applicationId == issue.applicationId) {
                const QString prefix = MappingEngine::describeHire(hire) + QStringLiteral(": ");
                if (problem.startsWith(prefix)) {
                    problem = problem.mid(prefix.size());
                }
                person = hire.name.trimmed();
                break;
            }
        }
    }
    const MappingProfile profile = m_rulesModel->profile();
    if (issue.rule >= 0 && issue.rule < profile.rules.size()) {
        const QString prefix
            = MappingEngine::describeRule(issue.rule, profile.rules.at(issue.rule)) + QStringLiteral(": ");
        if (problem.startsWith(prefix)) {
            problem = problem.mid(prefix.size());
        }
    }
    QString field;
    if (const TargetField* target = m_targetCatalog.field(issue.targetField)) {
        field = target->name;
    }
    if (field.isEmpty() || problem.contains(field)) {
        return person.isEmpty() ? problem : tr("%1: %2").arg(person, problem);
    }
    return person.isEmpty() ? tr("%1: %2").arg(field, problem) : tr("%1 · %2: %3").arg(person, field, problem);
}

void MappingEditor::renderIssues()
{
    const QSignalBlocker blocker(m_validationList);
    m_validationList->clear();
    const QPalette palette = m_validationList->palette();
    int errors = 0;
    int warnings = 0;
    for (const MappingIssue& issue : std::as_const(m_issues)) {
        const bool error = issue.severity == MappingIssue::Severity::Error;
        (error ? errors : warnings)++;
        QString text = readableIssue(issue);
        if (!issue.suggestions.isEmpty() && !text.contains(issue.suggestions.constFirst())) {
            text += QLatin1Char('\n') + tr("Closest entries: %1").arg(issue.suggestions.join(QStringLiteral(", ")));
        }
        auto* item = new QListWidgetItem(
            style()->standardIcon(error ? QStyle::SP_MessageBoxCritical : QStyle::SP_MessageBoxWarning, nullptr, this),
            text, m_validationList);
        item->setForeground(FieldTagDelegate::accentColor(
            error ? FieldTagDelegate::Accent::Error : FieldTagDelegate::Accent::Warning, palette));
        item->setData(Qt::UserRole, issue.rule);
        item->setData(Qt::UserRole + 1, issue.targetField);
        // The ids (application, rule, field paths) stay one hover away, for a ticket or the CLI.
        item->setToolTip((error ? tr("Error: %1") : tr("Warning: %1")).arg(issue.message));
        item->setData(Qt::AccessibleTextRole, item->toolTip());
    }
    if (m_issues.isEmpty()) {
        auto* item = new QListWidgetItem(style()->standardIcon(QStyle::SP_DialogApplyButton, nullptr, this),
            tr("No problems found: every required field is mapped and the values fit."), m_validationList);
        item->setForeground(FieldTagDelegate::accentColor(FieldTagDelegate::Accent::Success, palette));
        item->setFlags(Qt::ItemIsEnabled);
        item->setData(Qt::UserRole, -1);
    }
    QStringList summary;
    if (errors > 0) {
        summary << (errors == 1 ? tr("1 error") : tr("%1 errors").arg(errors));
    }
    if (warnings > 0) {
        summary << (warnings == 1 ? tr("1 warning") : tr("%1 warnings").arg(warnings));
    }
    m_checksSummary->setText(summary.join(QStringLiteral(", ")));
    QPalette summaryPalette = m_checksSummary->palette();
    summaryPalette.setColor(QPalette::WindowText,
        FieldTagDelegate::accentColor(
            errors > 0 ? FieldTagDelegate::Accent::Error : FieldTagDelegate::Accent::Warning, palette));
    m_checksSummary->setPalette(summaryPalette);
}

void MappingEditor::renderPreview(const MappingResult* result)
{
    const QString target = targetName();
    m_previewSources->setHorizontalHeaderLabels(
        {tr("%1 field").arg(target), tr("Value sent"), tr("From Ashby"), tr("Transform")});
    m_previewSources->setRowCount(0);
    if (!result) {
        m_previewJson->setPlainText(m_previewHires.isEmpty()
                ? tr("Sync hires from Ashby to preview what would be sent.")
                : tr("Pick a hire to preview what would be sent."));
        return;
    }
    m_previewJson->setPlainText(QString::fromUtf8(QJsonDocument(result->fields).toJson(QJsonDocument::Indented)));

    const QPalette palette = m_previewSources->palette();
    QList<QStringList> rows;
    QSet<QString> shown;
    for (const MappedValue& value : result->provenance) {
        shown.insert(value.targetField);
        QString from = value.sourcePath.isEmpty() ? tr("Fixed value") : m_rulesModel->sourceLabel(value.sourcePath);
        QString text = valueText(value.value);
        if (value.fromDefault) {
            text = tr("%1 (default: Ashby has no value)").arg(text);
        }
        const int row = m_previewSources->rowCount();
        m_previewSources->insertRow(row);
        const int ruleRow = m_rulesModel->ruleForTarget(value.targetField);
        const QString transform = ruleRow >= 0
            ? MappingRulesModel::transformText(m_rulesModel->ruleAt(ruleRow), m_targetCatalog.field(value.targetField))
            : value.transform;
        const QStringList cells {m_rulesModel->targetLabel(value.targetField), text, from, transform};
        for (int column = 0; column < cells.size(); ++column) {
            auto* item = new QTableWidgetItem(cells.at(column));
            item->setToolTip(cells.at(column));
            if (column == 1 && value.fromDefault) {
                item->setForeground(palette.color(QPalette::PlaceholderText));
            }
            m_previewSources->setItem(row, column, item);
        }
    }
    // Fields the hire cannot fill are listed too: the admin sees the hole where the value would be.
    for (const MappingIssue& issue : result->issues) {
        if (issue.targetField.isEmpty() || shown.contains(issue.targetField)
            || issue.severity != MappingIssue::Severity::Error) {
            continue;
        }
        shown.insert(issue.targetField);
        const int row = m_previewSources->rowCount();
        m_previewSources->insertRow(row);
        const int ruleRow = m_rulesModel->ruleForTarget(issue.targetField);
        const QStringList cells {m_rulesModel->targetLabel(issue.targetField), tr("not sent"),
            issue.sourcePath.isEmpty() ? QString() : m_rulesModel->sourceLabel(issue.sourcePath),
            ruleRow >= 0 ? MappingRulesModel::transformText(
                m_rulesModel->ruleAt(ruleRow), m_targetCatalog.field(issue.targetField))
                         : QString()};
        for (int column = 0; column < cells.size(); ++column) {
            auto* item = new QTableWidgetItem(cells.at(column));
            item->setToolTip(issue.message);
            if (column == 1) {
                item->setForeground(FieldTagDelegate::accentColor(FieldTagDelegate::Accent::Error, palette));
                QFont font = item->font();
                font.setItalic(true);
                item->setFont(font);
            }
            m_previewSources->setItem(row, column, item);
        }
    }
}

void MappingEditor::onIssueSelected(int row)
{
    QListWidgetItem* item = m_validationList->item(row);
    if (!item) {
        return;
    }
    const int rule = item->data(Qt::UserRole).toInt();
    const QString targetField = item->data(Qt::UserRole + 1).toString();
    if (rule >= 0 && rule < m_rulesModel->rowCount()) {
        selectRule(rule);
        return;
    }
    const int ruleOnTarget = m_rulesModel->ruleForTarget(targetField);
    if (ruleOnTarget >= 0) {
        selectRule(ruleOnTarget);
        return;
    }
    // An unmapped required field: show it on the right so it can be mapped at once.
    const QModelIndex field = m_targetProxy->mapFromSource(m_targetModel->indexForField(targetField));
    if (field.isValid()) {
        m_targetView->setCurrentIndex(field);
        m_targetView->scrollTo(field);
    }
}

void MappingEditor::focusFirstField(QTreeView* view)
{
    QAbstractItemModel* model = view->model();
    const QModelIndex current = view->currentIndex();
    if (current.isValid() && current.data(ItemRoles::NodeKindRole).toInt() == int(FieldNodeKind::Field)) {
        view->setFocus(Qt::TabFocusReason);
        return;
    }
    for (int group = 0; group < model->rowCount(); ++group) {
        const QModelIndex parent = model->index(group, 0);
        for (int row = 0; row < model->rowCount(parent); ++row) {
            const QModelIndex index = model->index(row, 0, parent);
            if (index.data(ItemRoles::NodeKindRole).toInt() == int(FieldNodeKind::Field)) {
                view->setCurrentIndex(index);
                view->scrollTo(index);
                view->setFocus(Qt::TabFocusReason);
                return;
            }
        }
    }
    view->setFocus(Qt::TabFocusReason);
}

bool MappingEditor::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::Resize && watched == m_mainSplitter && !m_sized && m_mainSplitter->width() > 0) {
        // Proportions instead of pixels, once the splitters know their real size: the side trees get room for names
        // and tags at 1024 pixels, and the rules do not sprawl at 1600.
        m_sized = true;
        const int width = m_mainSplitter->width();
        const int height = m_mainSplitter->height();
        m_fieldsSplitter->setSizes({width * 28 / 100, width * 40 / 100, width * 32 / 100});
        m_bottomSplitter->setSizes({width * 40 / 100, width * 60 / 100});
        m_mainSplitter->setSizes({height * 60 / 100, height * 40 / 100});
    }
    if (watched == m_targetView && event->type() == QEvent::Resize) {
        // The field name (with its tags) gets most of the width; "Mapped from" takes the rest.
        // The viewport is resized after its view: take the new size from the event.
        const int width = static_cast<QResizeEvent*>(event)->size().width() - 2 * m_targetView->frameWidth();
        m_targetView->header()->resizeSection(TargetFieldsModel::NameColumn, std::max(120, width * 58 / 100));
    }
    if (watched == m_sourceView && event->type() == QEvent::Resize) {
        // A narrow tree keeps the names and their tags; the type is still in each field's tooltip.
        m_sourceView->setColumnHidden(
            SourceFieldsModel::TypeColumn, static_cast<QResizeEvent*>(event)->size().width() < 320);
    }
    if ((watched == m_sourceSearch || watched == m_targetSearch) && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        // From the search box straight into the matches: Down or Enter selects the first field found.
        if (key->key() == Qt::Key_Down || key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            focusFirstField(watched == m_sourceSearch ? m_sourceView : m_targetView);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void MappingEditor::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange) {
        if (m_validationList) {
            updateLegend();
            refreshChecksAndPreview();
        }
    }
}

void MappingEditor::updateLegend()
{
    const QPalette palette = m_legendLabel->palette();
    const auto entry = [&](FieldTagDelegate::Accent accent, const QString& text) {
        return QStringLiteral("<span style=\"color:%1\">&#9679;</span>&nbsp;%2")
            .arg(FieldTagDelegate::accentColor(accent, palette).name(), text.toHtmlEscaped());
    };
    m_legendLabel->setText(entry(FieldTagDelegate::Accent::Required, tr("required"))
        + QStringLiteral("&nbsp;&nbsp;&nbsp;") + entry(FieldTagDelegate::Accent::Custom, tr("custom field")));
}
