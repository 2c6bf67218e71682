#include "CredentialsCheckPage.h"

#include "settings/InlineStatus.h"
#include "setup/ConnectionCheck.h"

#include <QPushButton>
#include <QWizard>

CredentialsCheckPage::CredentialsCheckPage(SetupDraft* draft, HttpClient* http, QWidget* parent)
    : QWizardPage(parent)
    , m_draft(draft)
    , m_check(new ConnectionCheck(http, this))
{
}

void CredentialsCheckPage::initializePage()
{
    m_loading = true;
    loadFields();
    m_loading = false;
    m_verified = draftVerified();
    m_failed = false;
    checkAgainButton()->setVisible(false);
    if (m_verified) {
        status()->showOk(verifiedText());
    }
}

bool CredentialsCheckPage::isComplete() const
{
    return fieldsFilledIn() && !m_checking && !m_failed;
}

bool CredentialsCheckPage::validatePage()
{
    if (m_verified) {
        storeFields();
        return true;
    }
    if (!m_checking) {
        m_advanceWhenDone = true;
        startCheck();
    }
    return false;
}

void CredentialsCheckPage::startCheck()
{
    m_checking = true;
    m_failed = false;
    checkAgainButton()->setVisible(false);
    Q_EMIT completeChanged();
    runCheck();
}

void CredentialsCheckPage::onCheckAgainClicked()
{
    if (!m_checking) {
        m_advanceWhenDone = false;
        startCheck();
    }
}

void CredentialsCheckPage::onFieldsChanged()
{
    if (m_loading) {
        return;
    }
    // Whatever was checked no longer describes the fields.
    m_check->cancel();
    m_checking = false;
    m_verified = false;
    m_failed = false;
    setDraftVerified(false);
    checkAgainButton()->setVisible(false);
    clearResult();
    Q_EMIT completeChanged();
}

void CredentialsCheckPage::checkFinished(bool ok, bool failedOnInput)
{
    m_checking = false;
    if (ok) {
        m_verified = true;
        storeFields();
        setDraftVerified(true);
        Q_EMIT completeChanged();
        if (m_advanceWhenDone && wizard() && wizard()->currentPage() == this) {
            wizard()->next();
        }
        return;
    }
    m_failed = failedOnInput;
    checkAgainButton()->setVisible(true);
    Q_EMIT completeChanged();
}
