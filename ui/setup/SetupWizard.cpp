#include "SetupWizard.h"

#include "MessageBox.h"
#include "SetupAshbyPage.h"
#include "SetupBobPage.h"
#include "SetupRecipientsPage.h"
#include "SetupSummaryPage.h"
#include "SetupTestCandidatePage.h"
#include "SetupWelcomePage.h"
#include "secrets/FallbackSecretStore.h"
#include "settings/AshbyCredentialsWidget.h"

#include <QAbstractButton>
#include <QLineEdit>

SetupWizard::SetupWizard(const SetupDraft& draft, HttpClient* http, SecretStore* secrets, QWidget* parent)
    : QWizard(parent)
    , m_draft(draft)
    , m_initial(draft)
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
    connect(m_summary, &SetupSummaryPage::saved, this,
        [this](const SetupDraftStore::SaveResult& result) { m_saved = m_saved || result.ok; });
    connect(this, &QWizard::currentIdChanged, this, &SetupWizard::focusPageEntry);

    // Without a keychain the first pages must not promise one (known by now: the app read its secrets first).
    if (auto* fallback = qobject_cast<FallbackSecretStore*>(secrets)) {
        const auto tell = [this](const QString& reason) {
            m_welcome->setKeychainUnavailable(reason);
            m_ashby->credentials()->setKeychainUnavailable();
        };
        if (fallback->isKeychainUnavailable()) {
            tell(fallback->unavailableReason());
        }
        connect(fallback, &FallbackSecretStore::keychainUnavailable, this, tell);
    }
}

void SetupWizard::showEvent(QShowEvent* event)
{
    QWizard::showEvent(event);
    focusPageEntry(); // the first page was entered while the wizard was still hidden, when focus does not stick
}

void SetupWizard::focusPageEntry()
{
    QWizardPage* page = currentPage();
    if (!page) {
        return;
    }
    // Qt gave the focus to the page's first focusable widget (a radio button, the demo button): move it to the
    // first empty field in Tab order.
    QWidget* widget = page;
    for (int i = 0; i < 500; ++i) {
        widget = widget->nextInFocusChain();
        if (!widget || widget == page) {
            break;
        }
        auto* edit = qobject_cast<QLineEdit*>(widget);
        if (edit && page->isAncestorOf(edit) && edit->isVisible() && edit->isEnabled() && !edit->isReadOnly()
            && (edit->focusPolicy() & Qt::TabFocus) && edit->text().isEmpty()) {
            edit->setFocus(Qt::TabFocusReason);
            return;
        }
    }
    QAbstractButton* forward = button(nextId() == -1 ? QWizard::FinishButton : QWizard::NextButton);
    if (forward && forward->isVisible() && forward->isEnabled()) {
        forward->setFocus(Qt::TabFocusReason);
    }
}

bool SetupWizard::hasUnsavedSecrets() const
{
    if (m_saved) {
        return false;
    }
    const auto typed = [this](const char* objectName, const QString& initial) {
        const auto* edit = findChild<QLineEdit*>(QString::fromLatin1(objectName));
        return edit && !edit->text().isEmpty() && edit->text() != initial;
    };
    return typed("ashbyApiKeyEdit", m_initial.config.ashby.apiKey) || typed("bobTokenEdit", m_initial.config.bob.token)
        || m_draft.config.ashby.apiKey != m_initial.config.ashby.apiKey
        || m_draft.config.bob.token != m_initial.config.bob.token;
}

void SetupWizard::reject()
{
    if (hasUnsavedSecrets()) {
        const auto answer = MessageBox::question(this, tr("Discard the setup?"),
            tr("The key or token you entered has not been saved. Bob shows a token only once: if you discard it, a "
               "Bob admin has to generate a new one.\n\nDiscard what you entered?"),
            QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Discard) {
            return;
        }
    }
    QWizard::reject();
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
