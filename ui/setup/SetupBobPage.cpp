#include "SetupBobPage.h"

#include "settings/BobCredentialsWidget.h"
#include "settings/InlineStatus.h"
#include "setup/SetupDraft.h"

#include <QPushButton>
#include <QVBoxLayout>

SetupBobPage::SetupBobPage(SetupDraft* draft, HttpClient* http, QWidget* parent)
    : CredentialsCheckPage(draft, http, parent)
    , m_credentials(new BobCredentialsWidget(this))
{
    setObjectName(QStringLiteral("setupBobPage"));
    setTitle(tr("Connect Bob"));
    setSubTitle(
        tr("Hirebridge sends new hires to Bob as a service user: a login for programs, created by a Bob admin."));
    m_credentials->checkButton()->setText(tr("Check again"));
    m_credentials->checkButton()->setVisible(false);
    m_credentials->setInWizard(true);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_credentials);

    connect(m_credentials, &BobCredentialsWidget::changed, this, &SetupBobPage::onFieldsChanged);
    connect(m_credentials, &BobCredentialsWidget::checkRequested, this, &SetupBobPage::onCheckAgainClicked);
    connect(m_check, &ConnectionCheck::bobChecked, this, &SetupBobPage::onChecked);
}

void SetupBobPage::loadFields()
{
    m_credentials->load(m_draft->config.bob);
}

void SetupBobPage::storeFields()
{
    m_draft->config.bob = m_credentials->config();
}

bool SetupBobPage::fieldsFilledIn() const
{
    return m_credentials->isFilledIn();
}

bool SetupBobPage::draftVerified() const
{
    return m_draft->bobVerified;
}

void SetupBobPage::setDraftVerified(bool verified)
{
    m_draft->bobVerified = verified;
}

void SetupBobPage::runCheck()
{
    m_credentials->showChecking();
    m_check->checkBob(m_credentials->config());
}

void SetupBobPage::clearResult()
{
    m_credentials->clearStatus();
}

QString SetupBobPage::verifiedText() const
{
    return tr("This service user was checked and works.");
}

InlineStatus* SetupBobPage::status() const
{
    return m_credentials->status();
}

QPushButton* SetupBobPage::checkAgainButton() const
{
    return m_credentials->checkButton();
}

void SetupBobPage::onChecked(const ConnectionCheck::BobResult& result)
{
    m_credentials->showResult(result);
    m_draft->bobConsequences = result.consequences;
    if (result.ok()) {
        m_draft->bobEmployeeCount = result.employeeCount;
    }
    // Refused credentials or a missing permission are fixed by editing or in Bob; a network problem may pass.
    const auto kind = result.error.kind;
    checkFinished(result.ok(),
        (!result.error.isError() && !result.peopleReadable) || kind == ApiError::Kind::Unauthorized
            || kind == ApiError::Kind::InvalidUrl);
}
