#pragma once

#include "setup/ConnectionCheck.h"

#include <QWizardPage>

class BobCredentialsWidget;
class HttpClient;
struct SetupDraft;

// Bob's service user, token and Hire API URL (or direct mode). Next checks them like the Ashby page does: URL
// syntax (https unless loopback), fields metadata (the credentials), people search (the duplicate check); never the
// Hire URL itself. Refused credentials or a missing permission keep Next disabled until an edit or "Check again";
// each missing permission is listed with what it costs.
class SetupBobPage : public QWizardPage
{
    Q_OBJECT
public:
    SetupBobPage(SetupDraft* draft, HttpClient* http, QWidget* parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

    BobCredentialsWidget* credentials() const { return m_credentials; }
    ConnectionCheck* connectionCheck() const { return m_check; }
    bool isChecking() const { return m_checking; }

private Q_SLOTS:
    void onChanged();
    void onCheckAgainClicked();
    void onChecked(const ConnectionCheck::BobResult& result);

private:
    void startCheck();

    SetupDraft* m_draft;
    ConnectionCheck* m_check;
    BobCredentialsWidget* m_credentials;
    bool m_loading = false;
    bool m_checking = false;
    bool m_verified = false;
    bool m_failed = false; // the last check failed on the input: Next waits for an edit or "Check again"
    bool m_advanceWhenDone = false; // the check was started by Next
};
