#pragma once

#include "setup/SetupDraft.h"

#include <QUrl>
#include <QWizard>

class HttpClient;
class QSettings;
class SecretStore;
class SetupAshbyPage;
class SetupBobPage;
class SetupRecipientsPage;
class SetupSummaryPage;
class SetupTestCandidatePage;
class SetupWelcomePage;

// First-run setup: Welcome → Ashby key → Bob service user → recipients → test candidate → summary. Every
// credential is checked before Next (asynchronously, inline, without nested event loops); pressing Finish saves
// the draft: non-secret values into QSettings, secrets through the SecretStore (the app passes its
// FallbackSecretStore). The wizard can be re-run: it starts from the draft it is given.
class SetupWizard : public QWizard
{
    Q_OBJECT
public:
    enum PageId { WelcomePageId, AshbyPageId, BobPageId, RecipientsPageId, TestCandidatePageId, SummaryPageId };

    // `http` and `secrets` are not owned and must outlive the wizard.
    SetupWizard(const SetupDraft& draft, HttpClient* http, SecretStore* secrets, QWidget* parent = nullptr);
    ~SetupWizard() override;

    // Where Finish saves; default: a QSettings() made at save time (the application's organisation and name).
    void setSettings(QSettings* settings);
    // The sandbox's control URL ("…/_sandbox"): the test candidate page then links to the received record.
    void setSandboxControlUrl(const QUrl& url);

    SetupDraft* draft() { return &m_draft; }
    // The configuration as entered (secrets included, in memory). Call after the wizard was accepted.
    SetupDraft takeResult();

    SetupWelcomePage* welcomePage() const { return m_welcome; }
    SetupAshbyPage* ashbyPage() const { return m_ashby; }
    SetupBobPage* bobPage() const { return m_bob; }
    SetupRecipientsPage* recipientsPage() const { return m_recipients; }
    SetupTestCandidatePage* testCandidatePage() const { return m_testCandidate; }
    SetupSummaryPage* summaryPage() const { return m_summary; }

public Q_SLOTS:
    // Cancel, Escape and the close button: when a key or token was typed in and not saved, asks first (Bob shows a
    // token only once).
    void reject() override;

Q_SIGNALS:
    // "Try with demo data" on the welcome page: the app starts its demo profile (the wizard stays open; the app
    // usually closes it).
    void demoRequested();
    // Finish saved the draft (settings written; secrets in the store or, with a refusing keychain, in memory).
    void saved(const SetupDraftStore::SaveResult& result);

protected:
    void showEvent(QShowEvent* event) override;

private:
    // Each page starts in its first empty field, or on the button that goes on: typing and Return work at once.
    void focusPageEntry();
    bool hasUnsavedSecrets() const;

    SetupDraft m_draft;
    const SetupDraft m_initial; // as given: what Cancel would go back to
    bool m_saved = false;
    SetupWelcomePage* m_welcome;
    SetupAshbyPage* m_ashby;
    SetupBobPage* m_bob;
    SetupRecipientsPage* m_recipients;
    SetupTestCandidatePage* m_testCandidate;
    SetupSummaryPage* m_summary;
};
