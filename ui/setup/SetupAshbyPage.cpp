#include "SetupAshbyPage.h"

#include "settings/AshbyCredentialsWidget.h"
#include "settings/InlineStatus.h"
#include "setup/SetupDraft.h"

#include <QPushButton>
#include <QVBoxLayout>

SetupAshbyPage::SetupAshbyPage(SetupDraft* draft, HttpClient* http, QWidget* parent)
    : CredentialsCheckPage(draft, http, parent)
    , m_credentials(new AshbyCredentialsWidget(this))
{
    setObjectName(QStringLiteral("setupAshbyPage"));
    setTitle(tr("Connect Ashby"));
    setSubTitle(tr("Hirebridge reads your hired candidates from Ashby with an API key that can only read."));
    m_credentials->checkButton()->setText(tr("Check again"));
    m_credentials->checkButton()->setVisible(false);
    m_credentials->setInWizard(true);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_credentials);

    connect(m_credentials, &AshbyCredentialsWidget::changed, this, &SetupAshbyPage::onFieldsChanged);
    connect(m_credentials, &AshbyCredentialsWidget::checkRequested, this, &SetupAshbyPage::onCheckAgainClicked);
    connect(m_check, &ConnectionCheck::ashbyChecked, this, &SetupAshbyPage::onChecked);
}

void SetupAshbyPage::loadFields()
{
    m_credentials->load(m_draft->config.ashby);
}

void SetupAshbyPage::storeFields()
{
    m_draft->config.ashby = m_credentials->config();
}

bool SetupAshbyPage::fieldsFilledIn() const
{
    return m_credentials->isFilledIn();
}

bool SetupAshbyPage::draftVerified() const
{
    return m_draft->ashbyVerified;
}

void SetupAshbyPage::setDraftVerified(bool verified)
{
    m_draft->ashbyVerified = verified;
}

void SetupAshbyPage::runCheck()
{
    m_credentials->showChecking();
    m_check->checkAshby(m_credentials->config());
}

void SetupAshbyPage::clearResult()
{
    m_credentials->clearStatus();
}

QString SetupAshbyPage::verifiedText() const
{
    return tr("This key was checked and works.");
}

InlineStatus* SetupAshbyPage::status() const
{
    return m_credentials->status();
}

QPushButton* SetupAshbyPage::checkAgainButton() const
{
    return m_credentials->checkButton();
}

void SetupAshbyPage::onChecked(const ConnectionCheck::AshbyResult& result)
{
    m_credentials->showResult(result);
    if (result.ok()) {
        m_draft->ashbyKeyTitle = result.keyTitle;
    }
    // A refused key or a missing permission is fixed by editing or in Ashby; a network problem may pass by itself.
    const auto kind = result.error.kind;
    checkFinished(result.ok(),
        !result.missingPermissions.isEmpty() || kind == ApiError::Kind::Unauthorized
            || kind == ApiError::Kind::InvalidUrl);
}
