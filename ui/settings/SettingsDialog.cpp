#include "SettingsDialog.h"

#include "AshbyCredentialsWidget.h"
#include "BambooHrCredentialsWidget.h"
#include "BobCredentialsWidget.h"
#include "InlineStatus.h"
#include "PersonioCredentialsWidget.h"
#include "SmtpSettingsWidget.h"
#include "hris/bamboohr/BambooHrClient.h"
#include "hris/bob/BobClient.h"
#include "hris/personio/PersonioClient.h"
#include "http/HttpClient.h"
#include "recipients/RecipientsEditor.h"
#include "setup/SetupLogging.h"

#include <QDialogButtonBox>
#include <QGroupBox>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace {

// A tab whose content scrolls when the dialog is small (800×600) instead of squeezing the guide beside the fields.
QScrollArea* scrollingTab(QWidget* content, const QString& name, QWidget* parent)
{
    auto* page = new QWidget;
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(content);
    auto* scroll = new QScrollArea(parent);
    scroll->setObjectName(name);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(page);
    return scroll;
}

} // namespace

SettingsDialog::SettingsDialog(const SetupDraft& draft, HttpClient* http, SecretStore* secrets, QWidget* parent)
    : QDialog(parent)
    , m_draft(draft)
    , m_http(http)
    , m_check(new ConnectionCheck(http, this))
    , m_store(new SetupDraftStore(secrets, this))
    , m_tabs(new QTabWidget(this))
    , m_ashby(new AshbyCredentialsWidget(this))
    , m_bob(new BobCredentialsWidget(this))
    , m_bambooHr(new BambooHrCredentialsWidget(this))
    , m_personio(new PersonioCredentialsWidget(this))
    , m_recipients(new RecipientsEditor(this))
    , m_smtp(new SmtpSettingsWidget(this))
    , m_saveStatus(new InlineStatus(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
    , m_hrisCheckHttp(new HttpClient(http->networkAccessManager(), this))
{
    // One retry at most, quickly (as ConnectionCheck does for Ashby and Bob); 401/403 are never retried anyway.
    RetryPolicy policy = http->retryPolicy();
    policy.maxAttempts = 2;
    policy.baseDelayMs = 300;
    policy.maxDelayMs = 1000;
    policy.maxRetryAfterMs = 2000;
    m_hrisCheckHttp->setRetryPolicy(policy);
    m_hrisCheckHttp->setMaxParallelPerHost(http->maxParallelPerHost());

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

    m_tabs->addTab(scrollingTab(m_bambooHr, QStringLiteral("bambooHrScroll"), m_tabs), tr("BambooHR"));
    m_tabs->setTabToolTip(BambooHrTab, tr("Optional: send hires to BambooHR too"));
    m_tabs->addTab(scrollingTab(m_personio, QStringLiteral("personioScroll"), m_tabs), tr("Personio"));
    m_tabs->setTabToolTip(PersonioTab, tr("Optional: send hires to Personio too"));

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
    m_bambooHr->load(m_draft.config.bamboohr);
    m_personio->load(m_draft.config.personio);
    m_recipients->setRecipients(m_draft.recipients);
    m_smtp->load(m_draft.smtp);
    m_smtp->setTestRecipient(m_draft.adminEmail);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    connect(m_ashby, &AshbyCredentialsWidget::checkRequested, this, &SettingsDialog::onAshbyCheckRequested);
    connect(m_bob, &BobCredentialsWidget::checkRequested, this, &SettingsDialog::onBobCheckRequested);
    connect(m_ashby, &AshbyCredentialsWidget::changed, m_ashby, &AshbyCredentialsWidget::clearStatus);
    connect(m_bob, &BobCredentialsWidget::changed, m_bob, &BobCredentialsWidget::clearStatus);
    connect(m_bambooHr, &BambooHrCredentialsWidget::checkRequested, this, &SettingsDialog::onBambooHrCheckRequested);
    connect(m_personio, &PersonioCredentialsWidget::checkRequested, this, &SettingsDialog::onPersonioCheckRequested);
    connect(m_bambooHr, &BambooHrCredentialsWidget::changed, this, &SettingsDialog::onBambooHrChanged);
    connect(m_personio, &PersonioCredentialsWidget::changed, this, &SettingsDialog::onPersonioChanged);
    connect(m_check, &ConnectionCheck::ashbyChecked, this, &SettingsDialog::onAshbyChecked);
    connect(m_check, &ConnectionCheck::bobChecked, this, &SettingsDialog::onBobChecked);
    connect(m_recipients, &RecipientsEditor::directoryRequested, this, &SettingsDialog::onDirectoryRequested);
    connect(m_store, &SetupDraftStore::saved, this, &SettingsDialog::onSaved);
}

SettingsDialog::~SettingsDialog()
{
    // A running check answers into the tabs' widgets: drop it before they go.
    delete m_bambooHrCheck;
    delete m_personioCheck;
}

void SettingsDialog::showTab(Tab tab)
{
    m_tabs->setCurrentIndex(int(tab));
}

SetupDraft SettingsDialog::draft() const
{
    SetupDraft d = m_draft;
    d.config.ashby = m_ashby->config();
    d.config.bob = m_bob->config();
    d.config.bamboohr = m_bambooHr->config();
    d.config.personio = m_personio->config();
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

void SettingsDialog::onBambooHrCheckRequested()
{
    if (m_bambooHrCheck) {
        return; // one check at a time; the button is disabled meanwhile anyway
    }
    const QString problem
        = m_bambooHr->isUsed() ? m_bambooHr->problem() : tr("Enter BambooHR's company domain and an API key first.");
    if (!problem.isEmpty()) {
        m_bambooHr->showProblem(problem);
        return;
    }
    m_bambooHr->showChecking();
    // A throw-away client: check() proves the address and key without side effects, and nothing is cached beyond
    // this check. Deleting it (timeout, edit, dialog closed) drops its answer.
    auto* client = new BambooHrClient(m_hrisCheckHttp, m_bambooHr->config(), this);
    m_bambooHrCheck = client;
    auto finish = [this, client](const ApiError& error) {
        if (m_bambooHrCheck != client) {
            return; // replaced or abandoned: the fields have changed since
        }
        m_bambooHrCheck = nullptr;
        client->deleteLater();
        qCInfo(lcSetup) << "BambooHR check:" << (error.isError() ? error.toString() : QStringLiteral("ok"));
        m_bambooHr->showResult(error);
    };
    QTimer::singleShot(kHrisCheckTimeoutMs, client, [finish] {
        finish(ApiError::make(ApiError::Kind::Timeout, tr("no answer in time"), BambooHrClient::serverName()));
    });
    client->check([finish](const ApiError& error, const QString&) { finish(error); });
}

void SettingsDialog::onPersonioCheckRequested()
{
    if (m_personioCheck) {
        return;
    }
    const QString problem
        = m_personio->isUsed() ? m_personio->problem() : tr("Enter Personio's client ID and client secret first.");
    if (!problem.isEmpty()) {
        m_personio->showProblem(problem);
        return;
    }
    m_personio->showChecking();
    // check() asks for a fresh token and reads the attribute list: no side effects. The token dies with the client.
    auto* client = new PersonioClient(m_hrisCheckHttp, m_personio->config(), this);
    m_personioCheck = client;
    auto finish = [this, client](const ApiError& error) {
        if (m_personioCheck != client) {
            return;
        }
        m_personioCheck = nullptr;
        client->deleteLater();
        qCInfo(lcSetup) << "Personio check:" << (error.isError() ? error.toString() : QStringLiteral("ok"));
        m_personio->showResult(error);
    };
    QTimer::singleShot(kHrisCheckTimeoutMs, client, [finish] {
        finish(ApiError::make(ApiError::Kind::Timeout, tr("no answer in time"), PersonioClient::serverName()));
    });
    client->check([finish](const ApiError& error, const QString&) { finish(error); });
}

void SettingsDialog::onBambooHrChanged()
{
    // A result for values no longer in the fields would mislead: drop the running check and its status.
    if (m_bambooHrCheck) {
        m_bambooHrCheck->deleteLater();
        m_bambooHrCheck = nullptr;
    }
    m_bambooHr->clearStatus();
    clearRefusedSave();
}

void SettingsDialog::onPersonioChanged()
{
    if (m_personioCheck) {
        m_personioCheck->deleteLater();
        m_personioCheck = nullptr;
    }
    m_personio->clearStatus();
    clearRefusedSave();
}

void SettingsDialog::clearRefusedSave()
{
    // "Nothing was saved: …" described fields the admin is now changing.
    if (!m_saving && m_saveStatus->state() == InlineStatus::State::Error) {
        m_saveStatus->clear();
    }
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
    // Half-filled HR system fields would save a target that cannot work: say what is missing where it is missing.
    const QString bambooHrProblem = m_bambooHr->problem();
    const QString personioProblem = m_personio->problem();
    if (!bambooHrProblem.isEmpty() || !personioProblem.isEmpty()) {
        const bool bambooHr = !bambooHrProblem.isEmpty();
        showTab(bambooHr ? BambooHrTab : PersonioTab);
        if (bambooHr) {
            m_bambooHr->showProblem(bambooHrProblem);
        } else {
            m_personio->showProblem(personioProblem);
        }
        m_saveStatus->showError(tr("Nothing was saved: %1").arg(bambooHr ? bambooHrProblem : personioProblem));
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
