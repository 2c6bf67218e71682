#pragma once

#include "Hire.h"
#include "ledger/PushState.h"

#include <QList>
#include <QMainWindow>
#include <QPair>
#include <QString>
#include <QStringList>

class ErrorBanner;
class HiresFilterProxyModel;
class HiresModel;
class HiresView;
class QAction;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

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

    void setHires(const QList<Hire>& hires, const QList<PushRecord>& records);

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

Q_SIGNALS:
    void syncRequested();
    // (applicationId, target) pairs: the ticked cells or, when nothing is ticked, the selected rows for every
    // target whose record is ready or failed.
    void pushRequested(const QList<QPair<QString, QString>>& items);
    void cancelRequested();
    void mappingRequested();
    void setupRequested();
    void settingsRequested();
    void auditExportRequested();

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

private:
    void createActions();
    void createToolBar();
    void createCentralArea();
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
    QAction* m_syncAction = nullptr;
    QAction* m_pushAction = nullptr;
    QAction* m_findAction = nullptr;
    QAction* m_mappingAction = nullptr;
    QAction* m_setupAction = nullptr;
    QAction* m_settingsAction = nullptr;
    QAction* m_auditAction = nullptr;
    ErrorBanner* m_keychainBanner = nullptr;
    QAction* m_quitAction = nullptr;
    QAction* m_aboutAction = nullptr;
    QLabel* m_countsLabel = nullptr;
    QLabel* m_busyLabel = nullptr;
    QProgressBar* m_progressBar = nullptr;
    QPushButton* m_cancelButton = nullptr;
    bool m_busy = false;
};
