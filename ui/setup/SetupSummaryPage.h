#pragma once

#include "setup/SetupDraft.h"

#include <QWizardPage>

#include <memory>

class InlineStatus;
class QLabel;
class QSettings;
class SecretStore;

// What is configured, where the secrets will be kept, and the next step. Finish saves (asynchronously, like the
// checks): the first press starts the save and keeps the page; when it is done the wizard closes by itself. When
// the keychain refused, the page says so inline and waits for one more press on Finish, so the admin reads that
// the secrets last only for this run.
class SetupSummaryPage : public QWizardPage
{
    Q_OBJECT
public:
    SetupSummaryPage(SetupDraft* draft, SecretStore* secrets, QWidget* parent = nullptr);
    ~SetupSummaryPage() override;

    void setSettings(QSettings* settings) { m_settings = settings; }

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

    InlineStatus* saveStatus() const { return m_status; }
    bool isSaved() const { return m_saved; }

Q_SIGNALS:
    void saved(const SetupDraftStore::SaveResult& result);

private Q_SLOTS:
    void onSaved(const SetupDraftStore::SaveResult& result);

private:
    QString summaryHtml() const;

    SetupDraft* m_draft;
    SecretStore* m_secrets;
    SetupDraftStore* m_store;
    QSettings* m_settings = nullptr;
    std::unique_ptr<QSettings> m_ownSettings;
    QLabel* m_summary;
    InlineStatus* m_status;
    bool m_saving = false;
    bool m_saved = false;
};
