#pragma once

#include "setup/ConnectionCheck.h"
#include "setup/CredentialsCheckPage.h"

class AshbyCredentialsWidget;

// The Ashby API key. Next checks it (apiKey.info, or module probes) without blocking: the first press starts the
// check and keeps the page, Next is disabled while it runs, the result shows inline, and a good key advances by
// itself. A key that is refused or lacks a permission keeps Next disabled until a field changes or "Check again".
class SetupAshbyPage : public CredentialsCheckPage
{
    Q_OBJECT
public:
    SetupAshbyPage(SetupDraft* draft, HttpClient* http, QWidget* parent = nullptr);

    AshbyCredentialsWidget* credentials() const { return m_credentials; }

protected:
    void loadFields() override;
    void storeFields() override;
    bool fieldsFilledIn() const override;
    bool draftVerified() const override;
    void setDraftVerified(bool verified) override;
    void runCheck() override;
    void clearResult() override;
    QString verifiedText() const override;
    InlineStatus* status() const override;
    QPushButton* checkAgainButton() const override;

private Q_SLOTS:
    void onChecked(const ConnectionCheck::AshbyResult& result);

private:
    AshbyCredentialsWidget* m_credentials;
};
