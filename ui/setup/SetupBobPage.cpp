#include "SetupBobPage.h"

#include "settings/BobCredentialsWidget.h"
#include "settings/InlineStatus.h"
#include "setup/SetupDraft.h"
#include "setup/SetupLogging.h"

#include <QPushButton>
#include <QVBoxLayout>
#include <QWizard>

SetupBobPage::SetupBobPage(SetupDraft* draft, HttpClient* http, QWidget* parent)
    : QWizardPage(parent)
    , m_draft(draft)
    , m_check(new ConnectionCheck(http, this))
    , m_credentials(new BobCredentialsWidget(this))
{
    setObjectName(QStringLiteral("setupBobPage"));
    setTitle(tr("Connect Bob"));
    setSubTitle(
        tr("Hirebridge sends new hires to Bob as a service user: a login for programs, created by a Bob admin."));
    m_credentials->checkButton()->setText(tr("Check again"));
    m_credentials->checkButton()->setVisible(false);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_credentials);

    connect(m_credentials, &BobCredentialsWidget::changed, this, &SetupBobPage::onChanged);
    connect(m_credentials, &BobCredentialsWidget::checkRequested, this, &SetupBobPage::onCheckAgainClicked);
    connect(m_check, &ConnectionCheck::bobChecked, this, &SetupBobPage::onChecked);
}

void SetupBobPage::initializePage()
{
    m_loading = true;
    m_credentials->load(m_draft->config.bob);
    m_loading = false;
    m_verified = m_draft->bobVerified;
    m_failed = false;
    m_credentials->checkButton()->setVisible(false);
    if (m_verified) {
        m_credentials->status()->showOk(tr("This service user was checked and works."));
    }
}

bool SetupBobPage::isComplete() const
{
    return m_credentials->isFilledIn() && !m_checking && !m_failed;
}

bool SetupBobPage::validatePage()
{
    if (m_verified) {
        m_draft->config.bob = m_credentials->config();
        return true;
    }
    if (!m_checking) {
        m_advanceWhenDone = true;
        startCheck();
    }
    return false;
}

void SetupBobPage::startCheck()
{
    m_checking = true;
    m_failed = false;
    m_credentials->checkButton()->setVisible(false);
    m_credentials->showChecking();
    Q_EMIT completeChanged();
    m_check->checkBob(m_credentials->config());
}

void SetupBobPage::onCheckAgainClicked()
{
    if (!m_checking) {
        m_advanceWhenDone = false;
        startCheck();
    }
}

void SetupBobPage::onChanged()
{
    if (m_loading) {
        return;
    }
    // Whatever was checked no longer describes the fields.
    m_check->cancel();
    m_checking = false;
    m_verified = false;
    m_failed = false;
    m_draft->bobVerified = false;
    m_credentials->checkButton()->setVisible(false);
    m_credentials->clearStatus();
    Q_EMIT completeChanged();
}

void SetupBobPage::onChecked(const ConnectionCheck::BobResult& result)
{
    m_checking = false;
    m_credentials->showResult(result);
    if (result.ok()) {
        m_verified = true;
        m_draft->config.bob = m_credentials->config();
        m_draft->bobVerified = true;
        m_draft->bobEmployeeCount = result.employeeCount;
        m_draft->bobConsequences = result.consequences;
        Q_EMIT completeChanged();
        if (m_advanceWhenDone && wizard() && wizard()->currentPage() == this) {
            wizard()->next();
        }
        return;
    }
    // Refused credentials or a missing permission are fixed by editing or in Bob; a network problem may pass.
    const auto kind = result.error.kind;
    m_failed = (!result.error.isError() && !result.peopleReadable) || kind == ApiError::Kind::Unauthorized
        || kind == ApiError::Kind::InvalidUrl;
    m_draft->bobConsequences = result.consequences;
    m_credentials->checkButton()->setVisible(true);
    Q_EMIT completeChanged();
}
