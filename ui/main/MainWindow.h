#pragma once

#include "Hire.h"
#include "HireDetails.h"
#include "ledger/PushState.h"

#include <QList>
#include <QMainWindow>
#include <QPair>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

class ErrorBanner;
class HireDetailsPane;
struct HireRow;
class HiresFilterProxyModel;
class HiresModel;
class HiresView;
class QAction;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QProgressBar;
class QModelIndex;
class QPushButton;
class QSplitter;
class QToolButton;

// The hires dashboard. It only shows state and turns clicks into requests (syncRequested, pushRequested,
// cancelRequested); whoever owns the ledger and the network does the work and reports back through setBusy,
// setProgress, showStatus, showError and model()->updateRecord().
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(const QStringList& targets, QWidget* parent = nullptr);
    ~MainWindow() override;

    HiresModel* model() const { return m_model; }
    // The HR systems set up now (one state column each); the table is emptied: fill it again afterwards.
    void setTargets(const QStringList& targets);
    // The application id of the current row, empty when none.
    QString currentApplicationId() const;

    // What the ledger lists (hireRows(), pushRecords()): no hire's JSON is read to show the table. The few things
    // only a full hire knows (tooltips: its warnings, the hiring manager's e-mail) come from the loader when asked.
    void setHireRows(QList<HireRow> rows, const QList<PushRecord>& records);
    using HireLoader = std::function<std::optional<Hire>(const QString& applicationId)>;
    void setHireLoader(HireLoader loader);
    void setHires(const QList<Hire>& hires, const QList<PushRecord>& records);

    // Fills the details pane for the current hire; called whenever the current row changes while the pane is shown.
    // Without a provider the pane shows what the table knows.
    using DetailsProvider = std::function<HireDetails(const QString& applicationId)>;
    void setDetailsProvider(DetailsProvider provider);

    // While busy, Sync and Push are disabled and the progress bar and Cancel button are shown. The progress bar
    // shows an indeterminate busy indicator until setProgress() gives it a total.
    void setBusy(bool busy, const QString& message = {});
    bool isBusy() const { return m_busy; }
    void setProgress(int done, int total);

    void showStatus(const QString& text);
    void showError(const QString& text); // inline, non-modal, dismissible
    void clearError();
    // Stays until clearKeychainWarning(): secrets are kept for this run only while the keychain is unavailable.
    void showKeychainWarning(const QString& text);
    void clearKeychainWarning();
    // The demo: the title and a banner say so, for as long as the window shows demo data.
    void setDemo(bool demo);
    bool isDemo() const { return m_demo; }

Q_SIGNALS:
    void syncRequested();
    // (applicationId, target) pairs: the ticked cells or, when nothing is ticked, the selected rows for every
    // target whose record is ready or failed.
    void pushRequested(const QList<QPair<QString, QString>>& items);
    // The selected rows' (applicationId, target) pairs whose record is ready or failed: the admin skips them.
    void skipRequested(const QList<QPair<QString, QString>>& items);
    // The selected rows' (applicationId, target) pairs whose record failed: send them again.
    void retryFailedRequested(const QList<QPair<QString, QString>>& items);
    // The selected rows' pairs whose record is unknown (the answer was lost): the admin found them in the HR system
    // ("It arrived"), or did not and sends them once more ("Send again").
    void arrivedRequested(const QList<QPair<QString, QString>>& items);
    void sendAgainRequested(const QList<QPair<QString, QString>>& items);
    void cancelRequested();
    void mappingRequested();
    void setupRequested();
    void settingsRequested();
    void auditExportRequested();
    // For the current hire: choose its HR systems in a dialog, confirm its hiring manager, open it in Ashby or in the
    // HR systems it was pushed to.
    void postHireRequested(const QString& applicationId);
    void confirmManagerRequested(const QString& applicationId);
    void openInAshbyRequested(const QString& applicationId);
    void openInHrisRequested(const QString& applicationId);

private Q_SLOTS:
    void onSyncTriggered();
    void onPushTriggered();
    void onCancelClicked();
    void onAboutTriggered();
    void onFilterTextChanged(const QString& text);
    void onStateCountsChanged();
    void onRowsShownChanged();
    void onCheckedItemsChanged();
    void onSelectionChanged();
    void onTickSelectedTriggered();
    void onSkipTriggered();
    void onRetryFailedTriggered();
    void onStateFilterChanged();
    void onStartRangeChanged();
    void onClearDatesClicked();
    void onCurrentRowChanged(const QModelIndex& current, const QModelIndex& previous);
    void onDetailsToggled();

private:
    void createActions();
    void createToolBar();
    void createCentralArea();
    QWidget* createFilterBar(QWidget* parent);
    QDateEdit* createDateEdit(const QString& objectName, const QString& accessibleName, QWidget* parent);
    QDate boundOf(const QDateEdit* edit) const;
    void refreshDetails();
    void updateDetailsVisibility();
    HireDetails detailsFromModel(int sourceRow) const;
    QList<int> selectedSourceRows() const;
    QList<QPair<QString, QString>> selectedItemsInStates(unsigned stateMask) const;
    void createStatusBar();
    void configureColumns();
    void updateActions();
    void updateCountsLabel();
    void updatePlaceholder();
    QList<QPair<QString, QString>> selectedPushableItems() const;

    HiresModel* m_model = nullptr;
    HiresFilterProxyModel* m_proxy = nullptr;
    HiresView* m_view = nullptr;
    ErrorBanner* m_errorBanner = nullptr;
    QLineEdit* m_filterEdit = nullptr;
    QComboBox* m_stateFilter = nullptr;
    QDateEdit* m_startFrom = nullptr;
    QDateEdit* m_startTo = nullptr;
    QToolButton* m_clearDatesButton = nullptr;
    QSplitter* m_splitter = nullptr;
    HireDetailsPane* m_detailsPane = nullptr;
    DetailsProvider m_detailsProvider;
    QAction* m_tickSelectedAction = nullptr;
    QAction* m_postHireAction = nullptr;
    QAction* m_confirmManagerAction = nullptr;
    QAction* m_openAshbyAction = nullptr;
    QAction* m_openHrisAction = nullptr;
    QAction* m_skipAction = nullptr;
    QAction* m_retryFailedAction = nullptr;
    QAction* m_arrivedAction = nullptr;
    QAction* m_sendAgainAction = nullptr;
    QAction* m_detailsAction = nullptr;
    QAction* m_syncAction = nullptr;
    QAction* m_pushAction = nullptr;
    QAction* m_findAction = nullptr;
    QAction* m_mappingAction = nullptr;
    QAction* m_setupAction = nullptr;
    QAction* m_settingsAction = nullptr;
    QAction* m_auditAction = nullptr;
    ErrorBanner* m_keychainBanner = nullptr;
    ErrorBanner* m_demoBanner = nullptr;
    bool m_demo = false;
    QAction* m_quitAction = nullptr;
    QAction* m_aboutAction = nullptr;
    QLabel* m_countsLabel = nullptr;
    QLabel* m_busyLabel = nullptr;
    QProgressBar* m_progressBar = nullptr;
    QPushButton* m_cancelButton = nullptr;
    bool m_busy = false;
    bool m_detailsSized = false; // the pane got its first width; afterwards the splitter keeps the admin's choice
};
