#pragma once

#include "Hire.h"
#include "hris/Directory.h"
#include "hris/ManagerMatcher.h"

#include <QDialog>

#include <optional>

class DirectoryModel;
class FieldFilterProxyModel;
class QItemSelection;
class QLabel;
class QLineEdit;
class QListView;
class QModelIndex;
class QPushButton;
class QStackedWidget;

// The admin says who an Ashby hiring manager is in one HR system: the close names ManagerMatcher found come first,
// and a search over the whole cached directory covers everyone else (a married name, a nickname). Nothing is guessed:
// Confirm stays off until the admin picks a person. Inactive employees can be picked (a hire may still report to
// someone on leave) and are marked. The caller stores chosen() per Ashby user, so it applies to every hire with this
// manager.
class ManagerMatchDialog : public QDialog
{
    Q_OBJECT
public:
    ManagerMatchDialog(const QString& targetName, const PersonRef& manager, const ManagerResolution& resolution,
        const Directory& directory, QWidget* parent = nullptr);
    ~ManagerMatchDialog() override;

    // The picked employee once the dialog was accepted; nullopt before, after Cancel, or when nobody was picked.
    std::optional<DirectoryEntry> chosen() const { return m_chosen; }

public Q_SLOTS:
    void accept() override;
    void done(int result) override;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private Q_SLOTS:
    void onSearchTextEdited(const QString& text);
    void onSuggestionsSelectionChanged(const QItemSelection& selected);
    void onResultsSelectionChanged(const QItemSelection& selected);
    void onViewDoubleClicked(const QModelIndex& index);
    void onConfirmClicked();

private:
    QListView* createListView(const QString& objectName, const QString& accessibleName);
    void updateResultsState();
    void updateConfirmState();
    std::optional<DirectoryEntry> selectedEntry() const;
    std::optional<DirectoryEntry> entryAt(const QModelIndex& index) const;

    QString m_targetName;
    QString m_currentMatchId; // the employee the resolution already points at, marked in the lists
    bool m_directoryEmpty = false;
    std::optional<DirectoryEntry> m_chosen;

    DirectoryModel* m_suggestionsModel = nullptr;
    DirectoryModel* m_directoryModel = nullptr;
    FieldFilterProxyModel* m_directoryProxy = nullptr;

    QLabel* m_headerLabel = nullptr;
    QLabel* m_foundLabel = nullptr;
    QLabel* m_emptyDirectoryLabel = nullptr;
    QWidget* m_pickPanel = nullptr;
    QLabel* m_suggestionsTitle = nullptr;
    QStackedWidget* m_suggestionsStack = nullptr;
    QListView* m_suggestionsView = nullptr;
    QLabel* m_noSuggestionsLabel = nullptr;
    QLineEdit* m_search = nullptr;
    QStackedWidget* m_resultsStack = nullptr;
    QListView* m_resultsView = nullptr;
    QLabel* m_resultsPlaceholder = nullptr;
    QLabel* m_rememberLabel = nullptr;
    QPushButton* m_cancelButton = nullptr;
    QPushButton* m_confirmButton = nullptr;
};
