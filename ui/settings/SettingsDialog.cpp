#include "SettingsDialog.h"

#include "AshbyCredentialsWidget.h"
#include "BobCredentialsWidget.h"
#include "InlineStatus.h"
#include "SmtpSettingsWidget.h"
#include "hris/bob/BobClient.h"
#include "recipients/RecipientsEditor.h"
#include "setup/SetupLogging.h"

#include <QDialogButtonBox>
#include <QGroupBox>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QTabWidget>
#include <QVBoxLayout>

SettingsDialog::SettingsDialog(const SetupDraft& draft, HttpClient* http, SecretStore* secrets, QWidget* parent)
    : QDialog(parent)
    , m_draft(draft)
    , m_http(http)
    , m_check(new ConnectionCheck(http, this))
    , m_store(new SetupDraftStore(secrets, this))
    , m_tabs(new QTabWidget(this))
    , m_ashby(new AshbyCredentialsWidget(this))
    , m_bob(new BobCredentialsWidget(this))
    , m_recipients(new RecipientsEditor(this))
    , m_smtp(new SmtpSettingsWidget(this))
    , m_saveStatus(new InlineStatus(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Hirebridge settings"));
    m_tabs->setObjectName(QStringLiteral("settingsTabs"));
    m_recipients->setObjectName(QStringLiteral("recipientsEditor"));
    m_saveStatus->setObjectName(QStringLiteral("settingsSaveStatus"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("okButton"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Save"));
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));

    auto* ashbyPage = new QWidget(m_tabs);
    auto* ashbyLayout = new QVBoxLayout(ashbyPage);
    ashbyLayout->addWidget(m_ashby);
    m_tabs->addTab(ashbyPage, tr("Ashby"));

    auto* bobPage = new QWidget(m_tabs);
    auto* bobLayout = new QVBoxLayout(bobPage);
    bobLayout->addWidget(m_bob);
    m_tabs->addTab(bobPage, tr("Bob"));

    auto* notifyContent = new QWidget;
    auto* notifyLayout = new QVBoxLayout(notifyContent);
    auto* peopleBox = new QGroupBox(tr("People told after every transfer"), notifyContent);
    auto* peopleLayout = new QVBoxLayout(peopleBox);
    peopleLayout->addWidget(m_recipients);
    m_recipients->setMinimumHeight(260);
    auto* mailBox = new QGroupBox(tr("Your company's mail server"), notifyContent);
    auto* mailLayout = new QVBoxLayout(mailBox);
    mailLayout->addWidget(m_smtp);
    notifyLayout->addWidget(peopleBox, 1);
    notifyLayout->addWidget(mailBox);
    auto* notifyScroll = new QScrollArea(m_tabs);
    notifyScroll->setObjectName(QStringLiteral("notificationsScroll"));
    notifyScroll->setWidgetResizable(true);
    notifyScroll->setFrameShape(QFrame::NoFrame);
    notifyScroll->setWidget(notifyContent);
    m_tabs->addTab(notifyScroll, tr("Notifications"));

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_saveStatus);
    layout->addWidget(m_buttons);

    m_ashby->load(m_draft.config.ashby);
    m_bob->load(m_draft.config.bob);
    m_recipients->setRecipients(m_draft.recipients);
    m_smtp->load(m_draft.smtp);
    m_smtp->setTestRecipient(m_draft.adminEmail);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    connect(m_ashby, &AshbyCredentialsWidget::checkRequested, this, &SettingsDialog::onAshbyCheckRequested);
    connect(m_bob, &BobCredentialsWidget::checkRequested, this, &SettingsDialog::onBobCheckRequested);
    connect(m_ashby, &AshbyCredentialsWidget::changed, m_ashby, &AshbyCredentialsWidget::clearStatus);
    connect(m_bob, &BobCredentialsWidget::changed, m_bob, &BobCredentialsWidget::clearStatus);
    connect(m_check, &ConnectionCheck::ashbyChecked, this, &SettingsDialog::onAshbyChecked);
    connect(m_check, &ConnectionCheck::bobChecked, this, &SettingsDialog::onBobChecked);
    connect(m_recipients, &RecipientsEditor::directoryRequested, this, &SettingsDialog::onDirectoryRequested);
    connect(m_store, &SetupDraftStore::saved, this, &SettingsDialog::onSaved);
}

SettingsDialog::~SettingsDialog() = default;

void SettingsDialog::showTab(Tab tab)
{
    m_tabs->setCurrentIndex(int(tab));
}

SetupDraft SettingsDialog::draft() const
{
    SetupDraft d = m_draft;
    d.config.ashby = m_ashby->config();
    d.config.bob = m_bob->config();
    d.recipients = m_recipients->recipients();
    d.smtp = m_smtp->config();
    return d;
}

void SettingsDialog::onAshbyCheckRequested()
{
    m_ashby->showChecking();
    m_ashby->checkButton()->setEnabled(false);
    m_check->checkAshby(m_ashby->config());
}

void SettingsDialog::onBobCheckRequested()
{
    m_bob->showChecking();
    m_bob->checkButton()->setEnabled(false);
    m_check->checkBob(m_bob->config());
}

void SettingsDialog::onAshbyChecked(const ConnectionCheck::AshbyResult& result)
{
    m_ashby->checkButton()->setEnabled(true);
    m_ashby->showResult(result);
}

void SettingsDialog::onBobChecked(const ConnectionCheck::BobResult& result)
{
    m_bob->checkButton()->setEnabled(true);
    m_bob->showResult(result);
}

void SettingsDialog::onDirectoryRequested()
{
    if (m_directoryClient) {
        return;
    }
    const BobConfig config = m_bob->config();
    if (config.serviceUserId.isEmpty() || config.token.isEmpty()) {
        m_recipients->setDirectoryError(tr("Enter Bob's service user on the Bob tab to search Bob's people."));
        return;
    }
    m_directoryClient = new BobClient(m_http, config, this);
    m_recipients->setDirectoryLoading(true);
    BobClient* client = m_directoryClient;
    client->searchPeople([this, client](const ApiError& error, const Directory& directory) {
        client->deleteLater();
        if (error.isError()) {
            m_recipients->setDirectoryLoading(false);
            m_recipients->setDirectoryError(tr("Bob's people could not be loaded: %1").arg(error.message));
            return;
        }
        m_recipients->setDirectory(directory);
    });
}

void SettingsDialog::accept()
{
    if (m_saving) {
        return;
    }
    m_saving = true;
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    m_saveStatus->showBusy(tr("Saving…"));
    QSettings* settings = m_settings;
    if (!settings) {
        m_ownSettings = std::make_unique<QSettings>();
        settings = m_ownSettings.get();
    }
    m_store->save(draft(), *settings, false);
}

void SettingsDialog::onSaved(const SetupDraftStore::SaveResult& result)
{
    m_saving = false;
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(true);
    Q_EMIT saved(result);
    if (!result.ok) {
        m_saveStatus->showError(
            tr("Not everything could be saved:") + QLatin1Char('\n') + result.errors.join(QLatin1Char('\n')));
        return;
    }
    qCInfo(lcSetup) << "settings saved" << (result.secretsInMemoryOnly ? "(secrets in memory only)" : "");
    m_saveStatus->clear();
    QDialog::accept();
}
