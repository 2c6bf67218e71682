#pragma once

#include "hris/Directory.h"
#include "http/ApiError.h"

#include <QPointer>
#include <QWizardPage>

class BobClient;
class HttpClient;
class QLabel;
class QLineEdit;
class RecipientsEditor;
struct SetupDraft;

// Who is told after every push. The admin running the setup is the default recipient: their work e-mail is asked
// for here and matched in Bob's directory (fetched once, in the background, with the Bob page's credentials), so
// the list shows their Bob name. Colleagues are added with the shared RecipientsEditor.
class SetupRecipientsPage : public QWizardPage
{
    Q_OBJECT
public:
    SetupRecipientsPage(SetupDraft* draft, HttpClient* http, QWidget* parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

    RecipientsEditor* editor() const { return m_editor; }
    bool isDirectoryLoaded() const { return m_directoryLoaded; }

private Q_SLOTS:
    void onAdminEmailEdited();
    void onDirectoryRequested();

private:
    void fetchDirectory();
    void onDirectoryFetched(const ApiError& error, const Directory& directory);
    void updateAdminRecipient();

    SetupDraft* m_draft;
    HttpClient* m_http;
    QLineEdit* m_adminEmail;
    QLabel* m_adminMatch;
    RecipientsEditor* m_editor;
    QPointer<BobClient> m_bob;
    Directory m_directory;
    bool m_directoryLoaded = false;
    QString m_directoryKey; // the Bob credentials the directory was fetched with (not the token itself)
};
