#pragma once

#include "Hire.h"
#include "mapping/MappingEngine.h"
#include "mapping/MappingProfile.h"
#include "mapping/SourceCatalog.h"
#include "mapping/TargetCatalog.h"

#include <QList>
#include <QWidget>

class FieldFilterProxyModel;
class MappingRulesModel;
class QAction;
class QComboBox;
class QItemSelection;
class QLabel;
class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QPlainTextEdit;
class QPushButton;
class QSplitter;
class QTableWidget;
class QTabWidget;
class QTimer;
class QToolButton;
class QTreeView;
class QUndoStack;
class RulesView;
class SourceFieldsModel;
class TargetFieldsModel;
class TransformEditor;

// The field-mapping editor: Ashby fields on the left, the rules in the middle with the selected rule's transform
// below them, the target's fields on the right; underneath, the checks of the profile and a live preview of one
// hire rendered through it. Drag and drop lives in the models; everything also works from the keyboard (select a
// source and a target, Ctrl+M; Delete removes a rule). Every change goes through an undo stack.
//
// The editor never touches files or the network: Save emits saveRequested() (the host writes the profile and calls
// markSaved() when that worked) and Refresh emits refreshCatalogRequested() (the host fetches and calls
// setCatalogs()).
class MappingEditor : public QWidget
{
    Q_OBJECT
public:
    explicit MappingEditor(QWidget* parent = nullptr);
    ~MappingEditor() override;

    // Copies both catalogues. Rules keep working while a catalogue is missing fields; they show ids then.
    void setCatalogs(const SourceCatalog& sources, const TargetCatalog& targets);
    // Replaces the edited profile, clears the undo history and takes it as the saved state.
    void setProfile(const MappingProfile& profile);
    MappingProfile profile() const;
    bool isModified() const;
    // The current profile is what is stored now (after the host wrote what saveRequested() gave it).
    void markSaved();
    MappingProfile savedProfile() const { return m_savedProfile; }

    // Hires offered in the preview picker (the most recent first is a good order). The selection is kept by
    // application id when possible.
    void setPreviewHires(const QList<Hire>& hires);
    // Bob direct mode requires more fields (site and start date); the marks and the checks follow.
    void setDirectMode(bool directMode);
    bool directMode() const { return m_directMode; }

    QUndoStack* undoStack() const { return m_undoStack; }
    MappingRulesModel* rulesModel() const { return m_rulesModel; }
    // What the checks list shows now: the profile's problems and the previewed hire's.
    QList<MappingIssue> issues() const { return m_issues; }

Q_SIGNALS:
    void saveRequested(const MappingProfile& profile);
    void refreshCatalogRequested();
    void modifiedChanged(bool modified);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void changeEvent(QEvent* event) override;

private Q_SLOTS:
    void onMapTriggered();
    void onRemoveTriggered();
    void onSaveClicked();
    void onRevertClicked();
    void onRefreshClicked();
    void onSourceSearchChanged(const QString& text);
    void onTargetSearchChanged(const QString& text);
    void onFieldCurrentChanged();
    void onRuleSelectionChanged();
    void onRuleEdited(const MappingRule& rule, bool typing);
    void onRulesChanged();
    void onPreviewHireChanged(int index);
    void onIssueSelected(int row);
    void onUndoStackIndexChanged();
    void onAgeTimerTimeout();

private:
    void createWidgets();
    QWidget* createSourcePane();
    QWidget* createRulesPane();
    QWidget* createTargetPane();
    QWidget* createChecksPane();
    QWidget* createPreviewPane();
    void configureTree(QTreeView* view);
    void pushMap(const QString& source, const QString& target);
    void selectRule(int row);
    int currentRuleRow() const;
    QString currentSourcePath() const;
    QString currentTargetId() const;
    void focusFirstField(QTreeView* view);
    void updateHeader();
    void updateLegend();
    void updateActions();
    void updateModified();
    void updateTransformEditor();
    void refreshChecksAndPreview();
    void renderIssues();
    QString readableIssue(const MappingIssue& issue) const;
    void renderPreview(const MappingResult* result);
    static QString ageText(const QDateTime& fetchedAt, const QDateTime& now);
    QString targetName() const;

    SourceCatalog m_sourceCatalog;
    TargetCatalog m_targetCatalog;
    MappingProfile m_savedProfile;
    QList<Hire> m_previewHires;
    QList<MappingIssue> m_issues;
    bool m_directMode = false;
    bool m_lastModified = false;
    bool m_hasSources = false;
    bool m_sized = false;

    MappingRulesModel* m_rulesModel = nullptr;
    SourceFieldsModel* m_sourceModel = nullptr;
    TargetFieldsModel* m_targetModel = nullptr;
    FieldFilterProxyModel* m_sourceProxy = nullptr;
    FieldFilterProxyModel* m_targetProxy = nullptr;
    QUndoStack* m_undoStack = nullptr;

    QLabel* m_titleLabel = nullptr;
    QLabel* m_catalogLabel = nullptr;
    QPushButton* m_refreshButton = nullptr;
    QSplitter* m_mainSplitter = nullptr;
    QSplitter* m_fieldsSplitter = nullptr;
    QSplitter* m_bottomSplitter = nullptr;
    QLineEdit* m_sourceSearch = nullptr;
    QTreeView* m_sourceView = nullptr;
    QLineEdit* m_targetSearch = nullptr;
    QTreeView* m_targetView = nullptr;
    QLabel* m_targetPaneTitle = nullptr;
    QLabel* m_legendLabel = nullptr;
    RulesView* m_rulesView = nullptr;
    QLabel* m_rulesCountLabel = nullptr;
    QPushButton* m_mapButton = nullptr;
    QToolButton* m_removeButton = nullptr;
    QToolButton* m_undoButton = nullptr;
    QToolButton* m_redoButton = nullptr;
    TransformEditor* m_transformEditor = nullptr;
    QLabel* m_checksSummary = nullptr;
    QListWidget* m_validationList = nullptr;
    QComboBox* m_previewHire = nullptr;
    QTabWidget* m_previewTabs = nullptr;
    QTableWidget* m_previewSources = nullptr;
    QPlainTextEdit* m_previewJson = nullptr;
    QLabel* m_statusLabel = nullptr;
    QPushButton* m_revertButton = nullptr;
    QPushButton* m_saveButton = nullptr;
    QAction* m_mapAction = nullptr;
    QAction* m_removeAction = nullptr;
    QAction* m_undoAction = nullptr;
    QAction* m_redoAction = nullptr;
    QTimer* m_ageTimer = nullptr;
};
