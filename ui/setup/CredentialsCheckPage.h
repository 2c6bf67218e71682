#pragma once

#include <QWizardPage>

class ConnectionCheck;
class HttpClient;
class InlineStatus;
class QPushButton;
struct SetupDraft;

// The check-before-Next shared by the credential pages, without nested event loops: the first press on Next starts
// the connection check and keeps the page, Next is disabled while it runs, the result shows inline, and good
// credentials advance by themselves. Credentials that are refused or lack a permission keep Next disabled until a
// field changes or "Check again" is pressed; a network problem leaves Next enabled (it may pass by itself).
// Subclasses supply the fields and the check; they call checkFinished() when their ConnectionCheck answers.
class CredentialsCheckPage : public QWizardPage
{
    Q_OBJECT
public:
    CredentialsCheckPage(SetupDraft* draft, HttpClient* http, QWidget* parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

    ConnectionCheck* connectionCheck() const { return m_check; }
    bool isChecking() const { return m_checking; }

protected:
    virtual void loadFields() = 0; // draft → widgets
    virtual void storeFields() = 0; // widgets → draft
    virtual bool fieldsFilledIn() const = 0;
    virtual bool draftVerified() const = 0;
    virtual void setDraftVerified(bool verified) = 0;
    virtual void runCheck() = 0; // show "checking" and start the ConnectionCheck on the widgets' values
    virtual void clearResult() = 0;
    virtual QString verifiedText() const = 0;
    virtual InlineStatus* status() const = 0;
    virtual QPushButton* checkAgainButton() const = 0;

    // Connected by subclasses to their widget's changed() and checkRequested().
    void onFieldsChanged();
    void onCheckAgainClicked();
    // `failedOnInput`: refused credentials, a missing permission or a bad URL (fixed by editing), not a network fault.
    void checkFinished(bool ok, bool failedOnInput);

    SetupDraft* m_draft;
    ConnectionCheck* m_check;

private:
    void startCheck();

    bool m_loading = false;
    bool m_checking = false;
    bool m_verified = false;
    bool m_failed = false; // the last check failed on the input: Next waits for an edit or "Check again"
    bool m_advanceWhenDone = false; // the check was started by Next
};
