#include "SetupAshbyPage.h"

#include "settings/AshbyCredentialsWidget.h"
#include "settings/InlineStatus.h"
#include "setup/SetupDraft.h"
#include "setup/SetupLogging.h"

#include <QPushButton>
#include <QVBoxLayout>
#include <QWizard>

SetupAshbyPage::SetupAshbyPage(SetupDraft* draft, HttpClient* http, QWidget* parent)
    : QWizardPage(parent)
    , m_draft(draft)
    , m_check(new ConnectionCheck(http, this))
    , m_credentials(new AshbyCredentialsWidget(this))
{
    setObjectName(QStringLiteral("setupAshbyPage"));
    setTitle(tr("Connect Ashby"));
    setSubTitle(tr("Hirebridge reads your hired candidates from Ashby with an API key that can only read."));
    m_credentials->checkButton()->setText(tr("Check again"));
    m_credentials->checkButton()->setVisible(false);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_credentials);

    connect(m_credentials, &AshbyCredentialsWidget::changed, this, &SetupAshbyPage::onChanged);
    connect(m_credentials, &AshbyCredentialsWidget::checkRequested, this, &SetupAshbyPage::onCheckAgainClicked);
    connect(m_check, &ConnectionCheck::ashbyChecked, this, &SetupAshbyPage::onChecked);
}

void SetupAshbyPage::initializePage()
{
    m_loading = true;
    m_credentials->load(m_draft->config.ashby);
    m_loading = false;
    m_verified = m_draft->ashbyVerified;
    m_failed = false;
    m_credentials->checkButton()->setVisible(false);
    if (m_verified) {
        m_credentials->status()->showOk(tr("This key was checked and works."));
    }
}

bool SetupAshbyPage::isComplete() const
{
    return m_credentials->isFilledIn() && !m_checking && !m_failed;
}

bool SetupAshbyPage::validatePage()
{
    if (m_verified) {
        m_draft->config.ashby = m_credentials->config();
        return true;
    }
    if (!m_checking) {
        m_advanceWhenDone = true;
        startCheck();
    }
    return false;
}

void SetupAshbyPage::startCheck()
{
    m_checking = true;
    m_failed = false;
    m_credentials->checkButton()->setVisible(false);
    m_credentials->showChecking();
    Q_EMIT completeChanged();
    m_check->checkAshby(m_credentials->config());
}

void SetupAshbyPage::onCheckAgainClicked()
{
    if (!m_checking) {
        m_advanceWhenDone = false;
        startCheck();
    }
}

void SetupAshbyPage::onChanged()
{
    if (m_loading) {
        return;
    }
    // Whatever was checked no longer describes the fields.
    m_check->cancel();
    m_checking = false;
    m_verified = false;
    m_failed = false;
    m_draft->ashbyVerified = false;
    m_credentials->checkButton()->setVisible(false);
    m_credentials->clearStatus();
    Q_EMIT completeChanged();
}

void SetupAshbyPage::onChecked(const ConnectionCheck::AshbyResult& result)
{
    m_checking = false;
    m_credentials->showResult(result);
    if (result.ok()) {
        m_verified = true;
        m_draft->config.ashby = m_credentials->config();
        m_draft->ashbyVerified = true;
        m_draft->ashbyKeyTitle = result.keyTitle;
        Q_EMIT completeChanged();
        if (m_advanceWhenDone && wizard() && wizard()->currentPage() == this) {
            wizard()->next();
        }
        return;
    }
    // A refused key or a missing permission is fixed by editing or in Ashby; a network problem may pass by itself.
    const auto kind = result.error.kind;
    m_failed = !result.missingPermissions.isEmpty() || kind == ApiError::Kind::Unauthorized
        || kind == ApiError::Kind::InvalidUrl;
    m_credentials->checkButton()->setVisible(true);
    Q_EMIT completeChanged();
}
