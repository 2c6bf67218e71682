#pragma once

#include "notify/Recipient.h"

#include <QList>
#include <QWidget>

class Directory;
class DirectoryModel;
class FieldFilterProxyModel;
class QBoxLayout;
class QItemSelection;
class QLabel;
class QLineEdit;
class QListView;
class QModelIndex;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QTableView;
class RecipientsModel;

// Who is told about new hires: the list of recipients, and two ways to add one: search Bob's people as you type, or
// type a name and an e-mail address. Written once for the setup wizard and the Settings dialog.
//
// The editor never touches the network: the first time the admin searches Bob while no directory is set it emits
// directoryRequested(); the host fetches the people and calls setDirectory() (setDirectoryLoading() and
// setDirectoryError() say how that goes). Saving is the host's job too: read recipients() when changed() fires.
class RecipientsEditor : public QWidget
{
    Q_OBJECT
public:
    explicit RecipientsEditor(QWidget* parent = nullptr);
    ~RecipientsEditor() override;

    void setRecipients(const QList<Recipient>& recipients);
    QList<Recipient> recipients() const;

    // Bob's employees for search-as-you-type (copied). Ends loading and clears an earlier error.
    void setDirectory(const Directory& directory);
    void setDirectoryLoading(bool loading);
    // Why the people in Bob could not be loaded; shown with a Retry button. An empty text clears it.
    void setDirectoryError(const QString& message);

Q_SIGNALS:
    // The list changed by the admin (add or remove), not by setRecipients().
    void changed();
    // The admin started searching Bob while no directory is set (once), or pressed Retry after an error.
    void directoryRequested();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private Q_SLOTS:
    void onRemoveClicked();
    void onRecipientsSelectionChanged();
    void onRecipientsChanged();
    void onSearchTextEdited(const QString& text);
    void onSearchReturnPressed();
    void onDirectoryActivated(const QModelIndex& index);
    void onAddFromBobClicked();
    void onRetryDirectoryClicked();
    void onResultsCurrentChanged();
    void onTypedTextEdited();
    void onAddTypedClicked();

private:
    enum class Tone { Neutral, Error, Success };

    QWidget* createListPanel();
    QWidget* createAddPanel();
    QWidget* createBobTab();
    QWidget* createTypedTab();
    void addFromDirectoryRow(const QModelIndex& proxyIndex);
    void selectFirstAvailableResult();
    void updateEmptyState();
    void updateResultsState();
    void updateTypedState();
    void setMessage(QLabel* label, const QString& text, Tone tone);
    void applyTone(QLabel* label);
    // What is wrong with a typed address, in words an HR admin can act on; empty when it is fine.
    QString emailProblem(const QString& email) const;

    RecipientsModel* m_model = nullptr;
    DirectoryModel* m_directoryModel = nullptr;
    FieldFilterProxyModel* m_directoryProxy = nullptr;

    QBoxLayout* m_columns = nullptr;
    QLabel* m_introLabel = nullptr;
    QLabel* m_listTitle = nullptr;
    QStackedWidget* m_listStack = nullptr;
    QTableView* m_recipientsView = nullptr;
    QLabel* m_emptyLabel = nullptr;
    QPushButton* m_removeButton = nullptr;

    QTabWidget* m_addTabs = nullptr;
    QLineEdit* m_directorySearch = nullptr;
    QStackedWidget* m_resultsStack = nullptr;
    QListView* m_directoryResults = nullptr;
    QLabel* m_resultsPlaceholder = nullptr;
    QLabel* m_directoryMessage = nullptr;
    QPushButton* m_retryDirectoryButton = nullptr;
    QPushButton* m_addFromBobButton = nullptr;

    QLineEdit* m_typedName = nullptr;
    QLineEdit* m_typedEmail = nullptr;
    QLabel* m_typedMessage = nullptr;
    QPushButton* m_addTypedButton = nullptr;

    bool m_directorySet = false;
    bool m_directoryLoading = false;
    bool m_directoryRequested = false;
    QString m_directoryError;
};
