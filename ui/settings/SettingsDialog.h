#pragma once

#include "hris/Directory.h"
#include "http/ApiError.h"
#include "setup/ConnectionCheck.h"
#include "setup/SetupDraft.h"

#include <QDialog>
#include <QPointer>

#include <memory>

class AshbyCredentialsWidget;
class BambooHrClient;
class BambooHrCredentialsWidget;
class BobClient;
class BobCredentialsWidget;
class HttpClient;
class InlineStatus;
class PersonioClient;
class PersonioCredentialsWidget;
class QDialogButtonBox;
class QSettings;
class QTabWidget;
class RecipientsEditor;
class SecretStore;
class SmtpSettingsWidget;

// Settings: the same credential widgets as the setup wizard (Ashby, Bob), the optional second HR systems (BambooHR,
// Personio: one tab each, set up, checked or removed here only), and Notifications (recipients and the mail server).
// "Check connection" works as in the wizard, inline and without blocking. OK saves like the wizard's Finish:
// non-secret values into QSettings, secrets through the SecretStore; the dialog closes when the save is done.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    enum Tab { AshbyTab, BobTab, BambooHrTab, PersonioTab, NotificationsTab };

    // A BambooHR or Personio check gives up after this long (the admin is waiting in front of the tab).
    static constexpr int kHrisCheckTimeoutMs = 20000;

    // `http` and `secrets` are not owned. The draft carries the current values, secrets included (read them with
    // SetupDraftStore::loadSecrets first).
    SettingsDialog(const SetupDraft& draft, HttpClient* http, SecretStore* secrets, QWidget* parent = nullptr);
    ~SettingsDialog() override;

    void setSettings(QSettings* settings) { m_settings = settings; }
    void showTab(Tab tab);
    // The values as in the fields now (secrets included, in memory).
    SetupDraft draft() const;

    AshbyCredentialsWidget* ashbyWidget() const { return m_ashby; }
    BobCredentialsWidget* bobWidget() const { return m_bob; }
    BambooHrCredentialsWidget* bambooHrWidget() const { return m_bambooHr; }
    PersonioCredentialsWidget* personioWidget() const { return m_personio; }
    RecipientsEditor* recipientsEditor() const { return m_recipients; }
    SmtpSettingsWidget* smtpWidget() const { return m_smtp; }
    QTabWidget* tabs() const { return m_tabs; }

public Q_SLOTS:
    void accept() override;

Q_SIGNALS:
    void saved(const SetupDraftStore::SaveResult& result);

private Q_SLOTS:
    void onAshbyCheckRequested();
    void onBobCheckRequested();
    void onAshbyChecked(const ConnectionCheck::AshbyResult& result);
    void onBobChecked(const ConnectionCheck::BobResult& result);
    void onBambooHrCheckRequested();
    void onPersonioCheckRequested();
    void onBambooHrChanged();
    void onPersonioChanged();
    void onDirectoryRequested();
    void onSaved(const SetupDraftStore::SaveResult& result);

private:
    void clearRefusedSave();

    SetupDraft m_draft;
    HttpClient* m_http;
    ConnectionCheck* m_check;
    SetupDraftStore* m_store;
    QSettings* m_settings = nullptr;
    std::unique_ptr<QSettings> m_ownSettings;
    QTabWidget* m_tabs;
    AshbyCredentialsWidget* m_ashby;
    BobCredentialsWidget* m_bob;
    BambooHrCredentialsWidget* m_bambooHr;
    PersonioCredentialsWidget* m_personio;
    RecipientsEditor* m_recipients;
    SmtpSettingsWidget* m_smtp;
    InlineStatus* m_saveStatus;
    QDialogButtonBox* m_buttons;
    QPointer<BobClient> m_directoryClient;
    HttpClient* m_hrisCheckHttp; // same network access manager as m_http, short retry policy: a check must not hang
    // The throw-away clients of the running checks (null when none). A result from any other client is stale.
    QPointer<BambooHrClient> m_bambooHrCheck;
    QPointer<PersonioClient> m_personioCheck;
    bool m_saving = false;
};
