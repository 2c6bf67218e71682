#include "SetupWizard.h"

#include "SetupAshbyPage.h"
#include "SetupBobPage.h"
#include "SetupRecipientsPage.h"
#include "SetupSummaryPage.h"
#include "SetupTestCandidatePage.h"
#include "SetupWelcomePage.h"

#include <QAbstractButton>

SetupWizard::SetupWizard(const SetupDraft& draft, HttpClient* http, SecretStore* secrets, QWidget* parent)
    : QWizard(parent)
    , m_draft(draft)
    , m_welcome(new SetupWelcomePage(this))
    , m_ashby(new SetupAshbyPage(&m_draft, http, this))
    , m_bob(new SetupBobPage(&m_draft, http, this))
    , m_recipients(new SetupRecipientsPage(&m_draft, http, this))
    , m_testCandidate(new SetupTestCandidatePage(&m_draft, http, this))
    , m_summary(new SetupSummaryPage(&m_draft, secrets, this))
{
    setObjectName(QStringLiteral("setupWizard"));
    setWindowTitle(tr("Set up Hirebridge"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnStartPage, true);
    setOption(QWizard::NoCancelButtonOnLastPage, false);
    setMinimumSize(760, 560);

    setPage(WelcomePageId, m_welcome);
    setPage(AshbyPageId, m_ashby);
    setPage(BobPageId, m_bob);
    setPage(RecipientsPageId, m_recipients);
    setPage(TestCandidatePageId, m_testCandidate);
    setPage(SummaryPageId, m_summary);
    setStartId(WelcomePageId);

    for (const auto which : {QWizard::BackButton, QWizard::NextButton, QWizard::CommitButton, QWizard::FinishButton,
             QWizard::CancelButton, QWizard::HelpButton}) {
        static const char* const names[]
            = {"backButton", "nextButton", "commitButton", "finishButton", "cancelButton", "helpButton"};
        button(which)->setObjectName(QString::fromLatin1(names[int(which)]));
    }
    setButtonText(QWizard::FinishButton, tr("&Finish and save"));

    connect(m_welcome, &SetupWelcomePage::demoRequested, this, &SetupWizard::demoRequested);
    connect(m_summary, &SetupSummaryPage::saved, this, &SetupWizard::saved);
}

SetupWizard::~SetupWizard() = default;

void SetupWizard::setSettings(QSettings* settings)
{
    m_summary->setSettings(settings);
}

void SetupWizard::setSandboxControlUrl(const QUrl& url)
{
    m_testCandidate->setSandboxControlUrl(url);
}

SetupDraft SetupWizard::takeResult()
{
    SetupDraft result = m_draft;
    m_draft = SetupDraft();
    return result;
}
