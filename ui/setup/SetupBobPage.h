#pragma once

#include "setup/ConnectionCheck.h"
#include "setup/CredentialsCheckPage.h"

class BobCredentialsWidget;

// Bob's service user, token and Hire API URL (or direct mode). Next checks them like the Ashby page does: URL
// syntax (https unless loopback), fields metadata (the credentials), people search (the duplicate check); never the
// Hire URL itself. Refused credentials or a missing permission keep Next disabled until an edit or "Check again";
// each missing permission is listed with what it costs.
class SetupBobPage : public CredentialsCheckPage
{
    Q_OBJECT
public:
    SetupBobPage(SetupDraft* draft, HttpClient* http, QWidget* parent = nullptr);

    BobCredentialsWidget* credentials() const { return m_credentials; }

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
    void onChecked(const ConnectionCheck::BobResult& result);

private:
    BobCredentialsWidget* m_credentials;
};
