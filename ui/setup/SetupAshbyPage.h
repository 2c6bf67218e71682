#pragma once

#include "setup/ConnectionCheck.h"

#include <QWizardPage>

class AshbyCredentialsWidget;
class HttpClient;
struct SetupDraft;

// The Ashby API key. Next checks it (apiKey.info, or module probes) without blocking: the first press starts the
// check and keeps the page, Next is disabled while it runs, the result shows inline, and a good key advances by
// itself. A key that is refused or lacks a permission keeps Next disabled until a field changes or "Check again".
class SetupAshbyPage : public QWizardPage
{
    Q_OBJECT
public:
    SetupAshbyPage(SetupDraft* draft, HttpClient* http, QWidget* parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

    AshbyCredentialsWidget* credentials() const { return m_credentials; }
    ConnectionCheck* connectionCheck() const { return m_check; }
    bool isChecking() const { return m_checking; }

private Q_SLOTS:
    void onChanged();
    void onCheckAgainClicked();
    void onChecked(const ConnectionCheck::AshbyResult& result);

private:
    void startCheck();

    SetupDraft* m_draft;
    ConnectionCheck* m_check;
    AshbyCredentialsWidget* m_credentials;
    bool m_loading = false;
    bool m_checking = false;
    bool m_verified = false;
    bool m_failed = false; // the last check failed on the input: Next waits for an edit or "Check again"
    bool m_advanceWhenDone = false; // the check was started by Next
};
