#include "AppController.h"

#include "ServiceClients.h"
#include "app/DemoSandbox.h"
#include "ashby/AshbyClient.h"
#include "hris/HrisConnector.h"
#include "hris/ManagerMatcher.h"
#include "hris/bob/BobClient.h"
#include "hris/bob/BobHireEvent.h"
#include "http/HttpClient.h"
#include "http/Redaction.h"
#include "ledger/AuditCsv.h"
#include "ledger/Ledger.h"
#include "main/HireDetails.h"
#include "main/MainWindow.h"
#include "main/ManagerMatchDialog.h"
#include "main/PostHireSystemsDialog.h"
#include "mapping/MappingEditor.h"
#include "mapping/MappingEditorDialog.h"
#include "models/HiresModel.h"
#include "notify/Notifier.h"
#include "notify/PushReport.h"
#include "notify/Recipient.h"
#include "notify/SmtpConfig.h"
#include "push/PushBatch.h"
#include "push/PushRun.h"
#include "secrets/SecretStore.h"
#include "settings/ProfileStore.h"
#include "settings/SettingsDialog.h"
#include "setup/SetupDraft.h"
#include "setup/SetupWizard.h"
#include "sync/HireSync.h"

#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QStandardPaths>

AppController::AppController(MainWindow* window, SecretStore* secrets, QObject* parent)
    : QObject(parent)
    , m_window(window)
    , m_secrets(secrets)
{
    connect(m_window, &MainWindow::syncRequested, this, &AppController::onSyncRequested);
    connect(m_window, &MainWindow::pushRequested, this, &AppController::onPushRequested);
    connect(m_window, &MainWindow::cancelRequested, this, &AppController::onCancelRequested);
    connect(m_window, &MainWindow::mappingRequested, this, &AppController::onMappingRequested);
    connect(m_window, &MainWindow::setupRequested, this, &AppController::runSetup);
    connect(m_window, &MainWindow::settingsRequested, this, &AppController::openSettings);
    connect(m_window, &MainWindow::auditExportRequested, this, &AppController::exportAudit);
    connect(m_window, &MainWindow::retryFailedRequested, this, &AppController::onPushRequested);
    connect(m_window, &MainWindow::skipRequested, this, &AppController::onSkipRequested);
    connect(m_window, &MainWindow::arrivedRequested, this, &AppController::onArrivedRequested);
    connect(m_window, &MainWindow::sendAgainRequested, this, &AppController::onSendAgainRequested);
    m_window->setDetailsProvider([this](const QString& applicationId) { return details(applicationId); });
    m_window->setHireLoader([this](const QString& id) { return m_ledger ? m_ledger->hire(id) : std::nullopt; });
    connect(m_window, &MainWindow::postHireRequested, this, &AppController::onPostHireRequested);
    connect(m_window, &MainWindow::confirmManagerRequested, this, &AppController::onConfirmManagerRequested);
    connect(m_window, &MainWindow::openInAshbyRequested, this, &AppController::onOpenInAshbyRequested);
    connect(m_window, &MainWindow::openInHrisRequested, this, &AppController::onOpenInHrisRequested);
    m_urlOpener = [](const QUrl& url) { return QDesktopServices::openUrl(url); };
}

AppController::~AppController()
{
    if (m_sync) {
        m_sync->cancel();
    }
    if (m_push) {
        m_push->cancel();
    }
}

void AppController::startWithSettings()
{
    // Setup or Settings just saved: what the banner said about the old configuration no longer holds (it is said
    // again below if it still does).
    m_window->clearError();
    resetClients();
    QSettings settings;
    QStringList errors;
    m_config = Config::load(settings, QProcessEnvironment::systemEnvironment(), &errors);
    m_window->setTargets(m_config.targets());
    openAndShow();
    if (!errors.isEmpty()) {
        m_window->showError(tr("Configuration problem: %1").arg(errors.join(QStringLiteral("; "))));
        return;
    }
    // Keychain reads are asynchronous: a locked keyring may show a system prompt, and the window must stay usable.
    auto pending = std::make_shared<int>(4);
    auto finishedOne = [this, pending]() {
        if (--*pending > 0) {
            return;
        }
        if (m_config.ashby.apiKey.isEmpty() || m_config.bob.token.isEmpty()) {
            m_window->showError(tr("Hirebridge is not set up yet: the Ashby API key or the Bob token is missing. "
                                   "Use File → Run setup again…, or try the demo with 'hirebridge --demo'."));
        }
        createClients();
        setUpNotifier();
    };
    auto readInto = [this, finishedOne](const char* key, QString* target, bool fromEnv) {
        if (fromEnv) {
            finishedOne();
            return;
        }
        m_secrets->read(QString::fromLatin1(key), [this, target, finishedOne](const SecretStore::Result& r) {
            if (r.status == SecretStore::Status::Ok) {
                *target = r.value;
            } else if (r.status != SecretStore::Status::NotFound) {
                m_window->showError(tr("The system keychain is unavailable (%1). Secrets are kept for this run only "
                                       "and never written in plain text.")
                                        .arg(r.message));
            }
            finishedOne();
        });
    };
    readInto(SecretKey::AshbyApiKey, &m_config.ashby.apiKey, m_config.ashby.apiKeyFromEnvironment);
    readInto(SecretKey::BobToken, &m_config.bob.token, m_config.bob.tokenFromEnvironment);
    readInto(SecretKey::BambooHrApiKey, &m_config.bamboohr.apiKey,
        m_config.bamboohr.apiKeyFromEnvironment || !m_config.targets().contains(QStringLiteral("bamboohr")));
    readInto(SecretKey::PersonioClientSecret, &m_config.personio.clientSecret,
        m_config.personio.clientSecretFromEnvironment || !m_config.targets().contains(QStringLiteral("personio")));
}

void AppController::startDemo(const QJsonObject& endpoints)
{
    auto str = [&endpoints](const char* key) { return endpoints.value(QString::fromLatin1(key)).toString(); };
    // Clients made for the real profile (the app started with settings, then the admin chose the demo) must not be
    // reused: they would sync the real Ashby with the real key, or with none.
    resetClients();
    m_demo = true;
    m_demoDir = std::make_unique<QTemporaryDir>();
    m_config = Config();
    m_config.dataDir = m_demoDir->path();
    m_config.ashby.baseUrl = QUrl(str("ashby"));
    m_config.ashby.apiKey = str("ashbyApiKey");
    m_config.bob.apiUrl = QUrl(str("bob"));
    m_config.bob.hireUrl = QUrl(str("bobHireUrl"));
    m_config.bob.serviceUserId = str("bobServiceUserId");
    m_config.bob.token = str("bobToken");
    if (!str("bamboohr").isEmpty()) {
        m_config.bamboohr.url = QUrl(str("bamboohr"));
        m_config.bamboohr.apiKey = str("bamboohrApiKey");
        Redaction::registerSecret(m_config.bamboohr.apiKey);
    }
    if (!str("personio").isEmpty()) {
        m_config.personio.url = QUrl(str("personio"));
        m_config.personio.clientId = str("personioClientId");
        m_config.personio.clientSecret = str("personioClientSecret");
        Redaction::registerSecret(m_config.personio.clientSecret);
    }
    Redaction::registerSecret(m_config.ashby.apiKey);
    Redaction::registerSecret(m_config.bob.token);
    m_window->setTargets(m_config.targets());
    m_window->clearError(); // "not set up yet" is about the real profile, not the demo
    m_window->setDemo(true);
    openAndShow();
    createClients();
    onSyncRequested();
}

void AppController::openAndShow()
{
    m_detailsEngines.clear();
    m_ledger = std::make_unique<Ledger>();
    QString error;
    if (!m_ledger->open(m_config.dataDir, &error)) {
        m_window->showError(tr("The local ledger could not be opened: %1").arg(error));
        m_ledger.reset();
        return;
    }
    reloadView();
}

void AppController::createClients()
{
    if (m_http) {
        return;
    }
    const auto clients = ServiceClients::create(m_config, this);
    m_nam = clients.nam;
    m_http = clients.http;
    m_ashby = clients.ashby;
    m_bob = clients.bob;
    m_connectors.clear();
    for (const auto& target : m_config.targets()) {
        if (auto* c = clients.connector(target)) {
            m_connectors.insert(target, c);
        }
    }
}

void AppController::reloadView()
{
    if (!m_ledger) {
        return;
    }
    m_directories.clear(); // a push may have stored newer snapshots
    Ledger::Dashboard shown = m_ledger->dashboard();
    updateManagerNotes(shown.rows);
    m_window->setHireRows(std::move(shown.rows), shown.records);
}

bool AppController::busy() const
{
    return m_sync || m_push;
}

void AppController::onSyncRequested()
{
    if (busy() || !m_ledger || !m_ashby) {
        return;
    }
    if (const auto e = HttpClient::checkUrl(m_config.ashby.baseUrl, AshbyClient::serverName()); e.isError()) {
        m_window->showError(e.toString());
        return;
    }
    HireSync::Options options;
    options.targets = m_config.targets();
    m_sync = new HireSync(m_ashby, m_ledger.get(), options, this);
    m_window->setBusy(true, tr("Syncing hires from Ashby…"));
    connect(m_sync, &HireSync::progress, m_window, [this](int done, int total, const QString& message) {
        m_window->setProgress(done, total);
        m_window->showStatus(message);
    });
    connect(m_sync, &HireSync::finished, this, [this](const HireSync::Result& r) {
        m_sync->deleteLater();
        m_detailsEngines.clear(); // Ashby's custom field definitions may have changed
        m_sync = nullptr;
        m_window->setBusy(false, QString());
        reloadView();
        if (r.error.isError()) {
            m_window->showError(tr("Sync failed, nothing was changed: %1").arg(r.error.toString()));
        } else if (!r.hireErrors.isEmpty()) {
            QStringList lines;
            for (const auto& e : r.hireErrors) {
                lines << e.toString();
            }
            m_window->showError(
                tr("Hires that could not be read from Ashby: %1").arg(lines.join(QStringLiteral("; "))));
        }
        if (!r.error.isError()) {
            m_window->showStatus(tr("Sync finished — hires read from Ashby: %1").arg(r.hiresStored));
        }
    });
    m_sync->start();
}

void AppController::onPushRequested(const QList<QPair<QString, QString>>& items)
{
    requestPush(items, false);
}

void AppController::onSendAgainRequested(const QList<QPair<QString, QString>>& items)
{
    // The admin looked in the HR system and the hire is not there: sent once more, with the same attempt id.
    requestPush(items, true);
}

void AppController::onArrivedRequested(const QList<QPair<QString, QString>>& items)
{
    if (busy() || !m_ledger) {
        return;
    }
    QStringList errors;
    for (const auto& [applicationId, target] : items) {
        QString error;
        if (!PushRun::markReceived(m_ledger.get(), applicationId, target, &error)) {
            errors << error;
        }
    }
    reloadView();
    if (!errors.isEmpty()) {
        m_window->showError(errors.join(QLatin1Char('\n')));
    }
}

void AppController::requestPush(const QList<QPair<QString, QString>>& items, bool resend)
{
    if (busy() || !m_ledger || !m_bob || items.isEmpty()) {
        return;
    }
    QHash<QString, QStringList> idsByTarget;
    QStringList unconfigured;
    for (const auto& [applicationId, target] : items) {
        if (!m_connectors.contains(target)) {
            if (!unconfigured.contains(target)) {
                unconfigured << target;
            }
            continue;
        }
        if (!idsByTarget[target].contains(applicationId)) {
            idsByTarget[target] << applicationId;
        }
    }
    if (!unconfigured.isEmpty()) {
        m_window->showError(tr("Not set up, so not pushed: %1. Add the connection in Settings.")
                                .arg(unconfigured.join(QStringLiteral(", "))));
    }
    if (idsByTarget.isEmpty()) {
        return;
    }
    if (idsByTarget.contains(QStringLiteral("bob")) && m_config.bob.mode == BobMode::HireApi) {
        if (const auto e = HttpClient::checkUrl(m_config.bob.hireUrl, BobClient::serverName()); e.isError()) {
            m_window->showError(e.toString());
            return;
        }
    }
    QStringList missing;
    for (auto it = idsByTarget.cbegin(); it != idsByTarget.cend(); ++it) {
        if (!ProfileStore::cachedTargetCatalog(*m_ledger, it.key())) {
            missing << it.key();
        }
    }
    pushWhenCataloguesReady(idsByTarget, missing, resend);
}

void AppController::pushWhenCataloguesReady(QHash<QString, QStringList> idsByTarget, QStringList missing, bool resend)
{
    if (missing.isEmpty()) {
        startPushRun(idsByTarget, resend);
        return;
    }
    // First push to a target: fetch its field list once so list values are checked before anything is sent.
    const QString target = missing.takeFirst();
    HrisConnector* connector = m_connectors.value(target);
    m_window->setBusy(true, tr("Reading %1's field list…").arg(connector->displayName()));
    connector->fetchCatalog(
        [this, idsByTarget, missing, target, resend](const ApiError& error, const TargetCatalog& catalog) {
            m_window->setBusy(false, QString());
            if (!error.isError()) {
                QString storeError;
                ProfileStore::storeTargetCatalog(*m_ledger, catalog, &storeError);
                m_detailsEngines.clear();
            } else if (error.isConnectionOrAuth()) {
                m_window->showError(tr("Push stopped: %1").arg(error.toString()));
                return;
            }
            pushWhenCataloguesReady(idsByTarget, missing, resend);
        });
}

void AppController::startPushRun(const QHash<QString, QStringList>& idsByTarget, bool resend)
{
    if (busy()) {
        return;
    }
    ProfileStore store(m_config.dataDir);
    QList<PushBatch::Part> parts;
    QStringList blocking;
    m_engines.clear();
    // In the order of the dashboard's columns.
    for (const auto& target : m_config.targets()) {
        if (!idsByTarget.contains(target)) {
            continue;
        }
        QString profileError;
        const auto profile = store.loadProfile(target, &profileError);
        if (!profile) {
            m_window->showError(tr("The field mapping cannot be read, nothing was sent: %1").arg(profileError));
            return;
        }
        auto engine = ProfileStore::engineFromCache(*profile, *m_ledger, m_config.bob.mode);
        for (const auto& issue : engine->validateProfile()) {
            if (issue.severity == MappingIssue::Severity::Error) {
                blocking << QStringLiteral("%1: %2").arg(m_connectors.value(target)->displayName(), issue.message);
            }
        }
        PushBatch::Part part;
        part.connector = m_connectors.value(target);
        part.engine = engine.get();
        part.options.applicationIds = idsByTarget.value(target);
        part.options.resend = resend;
        parts << part;
        m_engines[target] = std::move(engine);
    }
    if (!blocking.isEmpty()) {
        m_window->showError(tr("The field mapping has errors, nothing was sent. Open Field mapping to fix: %1")
                                .arg(blocking.join(QStringLiteral("; "))));
        return;
    }
    m_push = new PushBatch(m_ledger.get(), parts, m_ashby, this);
    m_window->setBusy(true, tr("Pushing…"));
    connect(m_push, &PushBatch::progress, m_window, [this](int done, int total, const QString& message) {
        m_window->setProgress(done, total);
        m_window->showStatus(message);
    });
    connect(m_push, &PushBatch::itemFinished, this, [this](const PushRun::Item& item) {
        if (const auto record = m_ledger->pushRecord(item.applicationId, item.target)) {
            m_window->model()->updateRecord(*record);
        }
    });
    connect(m_push, &PushBatch::finished, this, [this](const PushRun::Result& r, const QHash<QString, ApiError>&) {
        m_push->deleteLater();
        m_push = nullptr;
        m_window->setBusy(false, QString());
        reloadView();
        int pushed = 0;
        int exists = 0;
        for (const auto& item : r.items) {
            pushed += item.sent && item.ok ? 1 : 0;
            exists += item.state == PushState::Exists ? 1 : 0;
        }
        if (m_notifier) {
            QSettings settings;
            m_notifier->setRecipients(Recipients::load(settings));
            m_notifier->notify(PushRun::report(r, *m_ledger, m_config.targetWebUrls()));
        }
        m_window->showStatus(tr("Push finished: %1 sent, %2 already employees, %3 failed.")
                                 .arg(pushed)
                                 .arg(exists)
                                 .arg(r.failedCount()));
        if (r.error.isError()) {
            m_window->showError(tr("Push stopped: %1").arg(r.error.toString()));
        } else if (r.failedCount() > 0) {
            // A few reasons in full, then a count: the rest is one filter away, not a wall of red.
            constexpr int kShown = 3;
            QStringList lines;
            int failed = 0;
            for (const auto& item : r.items) {
                if (item.ok) {
                    continue;
                }
                if (++failed <= kShown) {
                    lines << QStringLiteral("%1 (%2): %3")
                                 .arg(item.name, HiresModel::targetDisplayName(item.target), item.reason);
                }
            }
            if (failed > kShown) {
                lines << tr("… and %1 more. Choose State: Failed to see them all; each hire's details say why.")
                             .arg(failed - kShown);
            }
            m_window->showError(lines.join(QLatin1Char('\n')));
        }
    });
    m_push->start();
}

void AppController::onCancelRequested()
{
    if (m_sync) {
        m_sync->cancel();
    }
    if (m_push) {
        m_push->cancel();
    }
}

void AppController::onMappingRequested()
{
    if (!m_ledger) {
        return;
    }
    if (m_mappingDialog) {
        m_mappingDialog->raise();
        m_mappingDialog->activateWindow();
        return;
    }
    ProfileStore store(m_config.dataDir);
    QString error;
    const auto profile = store.loadProfile(QStringLiteral("bob"), &error);
    if (!profile) {
        m_window->showError(tr("The field mapping cannot be read: %1").arg(error));
        return;
    }
    m_mappingDialog = new MappingEditorDialog(m_window);
    m_mappingDialog->setAttribute(Qt::WA_DeleteOnClose);
    m_mappingDialog->setTargets(m_config.targets(), QStringLiteral("bob"));
    connect(m_mappingDialog, &MappingEditorDialog::targetRequested, this, &AppController::loadMappingTarget);
    MappingEditor* editor = m_mappingDialog->editor();
    editor->setDirectMode(m_config.bob.mode == BobMode::Direct);
    loadEditorCatalogs();
    editor->setProfile(*profile);
    editor->setPreviewHires(m_ledger->hires());
    connect(editor, &MappingEditor::saveRequested, this, [this](const MappingProfile& edited) {
        QString saveError;
        if (!ProfileStore(m_config.dataDir).saveProfile(edited, &saveError)) {
            m_window->showError(tr("The field mapping could not be saved: %1").arg(saveError));
            return;
        }
        if (m_mappingDialog) {
            m_mappingDialog->editor()->markSaved();
        }
        m_detailsEngines.clear();
        m_window->showStatus(tr("Field mapping saved."));
    });
    connect(editor, &MappingEditor::refreshCatalogRequested, this, &AppController::refreshCatalog);
    m_mappingDialog->resize(1280, 820);
    m_mappingDialog->show();
    if (!ProfileStore::cachedTargetCatalog(*m_ledger, QStringLiteral("bob"))) {
        refreshCatalog(); // first open: Bob's own field list, custom fields and named lists
    }
}

void AppController::loadEditorCatalogs()
{
    if (!m_mappingDialog || !m_ledger) {
        return;
    }
    const QString target = m_mappingDialog->currentTarget();
    const auto catalog = ProfileStore::cachedTargetCatalog(*m_ledger, target);
    TargetCatalog builtin = target == QLatin1String("bamboohr") ? TargetCatalog::bambooHrBuiltin()
        : target == QLatin1String("personio")                   ? TargetCatalog::personioBuiltin()
                                                                : TargetCatalog::bobBuiltin();
    m_mappingDialog->editor()->setCatalogs(ProfileStore::cachedSourceCatalog(*m_ledger), catalog ? *catalog : builtin);
}

void AppController::loadMappingTarget(const QString& target)
{
    if (!m_mappingDialog || !m_ledger) {
        return;
    }
    QString error;
    const auto profile = ProfileStore(m_config.dataDir).loadProfile(target, &error);
    if (!profile) {
        m_window->showError(tr("The field mapping cannot be read: %1").arg(error));
        return;
    }
    MappingEditor* editor = m_mappingDialog->editor();
    // BambooHR and Personio create employees directly: list values must match, as in Bob's direct mode.
    editor->setDirectMode(target != QLatin1String("bob") || m_config.bob.mode == BobMode::Direct);
    loadEditorCatalogs();
    editor->setProfile(*profile);
    if (!ProfileStore::cachedTargetCatalog(*m_ledger, target)) {
        refreshCatalog();
    }
}

void AppController::refreshCatalog()
{
    if (!m_ledger) {
        return;
    }
    const QString target = m_mappingDialog ? m_mappingDialog->currentTarget() : QStringLiteral("bob");
    HrisConnector* connector = m_connectors.value(target);
    if (!connector) {
        return;
    }
    const QString name = connector->displayName();
    m_window->showStatus(tr("Reading %1's field list…").arg(name));
    connector->fetchCatalog([this, name](const ApiError& error, const TargetCatalog& catalog) {
        if (error.isError()) {
            m_window->showError(tr("%1's field list could not be read: %2").arg(name, error.toString()));
            return;
        }
        QString storeError;
        if (!ProfileStore::storeTargetCatalog(*m_ledger, catalog, &storeError)) {
            m_window->showError(tr("%1's field list could not be cached: %2").arg(name, storeError));
        }
        m_detailsEngines.clear();
        m_window->showStatus(tr("%1's field list is up to date.").arg(name));
        if (m_mappingDialog && m_mappingDialog->currentTarget() == catalog.target) {
            loadEditorCatalogs();
        }
    });
}

Directory AppController::cachedDirectory(const QString& target) const
{
    if (!m_ledger) {
        return {};
    }
    // Parsed once per reload, not on every row the admin clicks: a directory can hold thousands of employees.
    const auto known = m_directories.constFind(target);
    if (known != m_directories.constEnd()) {
        return *known;
    }
    const auto cached = m_ledger->catalog(Directory::cacheKey(target));
    const Directory directory = cached ? Directory::fromJson(cached->json) : Directory();
    m_directories.insert(target, directory);
    return directory;
}

void AppController::updateManagerNotes(const QList<HireRow>& rows)
{
    // A handful of managers across thousands of hires: one hire read per manager, resolved per cached directory.
    QHash<QString, QString> firstHireOfManager;
    for (const auto& row : rows) {
        if (!row.hiringManager.isEmpty() && !firstHireOfManager.contains(row.hiringManager)) {
            firstHireOfManager.insert(row.hiringManager, row.applicationId);
        }
    }
    QList<QPair<QString, Directory>> directories;
    for (const auto& target : m_config.targets()) {
        Directory d = cachedDirectory(target);
        if (d.size() > 0) {
            directories.append({target, d});
        }
    }
    QHash<QString, QString> notes;
    QSet<QString> toConfirm;
    if (!directories.isEmpty()) {
        for (auto it = firstHireOfManager.cbegin(); it != firstHireOfManager.cend(); ++it) {
            const auto hire = m_ledger->hire(it.value());
            if (!hire) {
                continue;
            }
            QStringList lines;
            for (const auto& [target, directory] : std::as_const(directories)) {
                const auto confirmed = hire->hiringManager.id.isEmpty()
                    ? std::nullopt
                    : m_ledger->managerMatch(target, hire->hiringManager.id);
                const ManagerResolution r = ManagerMatcher::resolve(hire->hiringManager, directory, confirmed);
                lines << QStringLiteral("%1: %2").arg(
                    HiresModel::targetDisplayName(target), r.describe(HiresModel::targetDisplayName(target)));
                if (r.state == ManagerResolution::State::Suggestions) {
                    toConfirm.insert(it.key());
                }
            }
            notes.insert(it.key(), lines.join(QLatin1Char('\n')));
        }
    }
    m_window->model()->setManagerNotes(notes, toConfirm);
}

void AppController::onPostHireRequested(const QString& applicationId)
{
    if (!m_ledger || busy()) {
        return;
    }
    const auto hire = m_ledger->hire(applicationId);
    if (!hire) {
        return;
    }
    QList<PostHireTarget> targets;
    for (const auto& target : m_config.targets()) {
        const PushRecord record
            = m_ledger->pushRecord(applicationId, target).value_or(PushRecord::ready(applicationId, target));
        targets.append(PostHireTarget {
            target, HiresModel::targetDisplayName(target), record.state, record.reason, false, record.remoteId});
    }
    auto* dialog = new PostHireSystemsDialog(hire->name, hire->jobTitle, targets, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, applicationId]() {
        QList<QPair<QString, QString>> items;
        for (const auto& target : dialog->chosenTargets()) {
            items.append({applicationId, target});
        }
        onPushRequested(items);
    });
    dialog->open();
}

void AppController::onConfirmManagerRequested(const QString& applicationId)
{
    if (!m_ledger) {
        return;
    }
    const auto hire = m_ledger->hire(applicationId);
    if (!hire) {
        return;
    }
    if (hire->hiringManager.isEmpty()) {
        m_window->showStatus(tr("%1 has no hiring manager in Ashby.").arg(hire->name));
        return;
    }
    if (hire->hiringManager.id.isEmpty()) {
        m_window->showError(
            tr("Ashby gave no user id for %1's hiring manager, so a match cannot be remembered.").arg(hire->name));
        return;
    }
    // The first HR system where the admin is needed (close names, or nobody found); Bob when all are matched.
    const QStringList targets = m_config.targets();
    QString target = targets.value(0, QStringLiteral("bob"));
    for (const auto& t : targets) {
        const auto confirmed = m_ledger->managerMatch(t, hire->hiringManager.id);
        const auto r = ManagerMatcher::resolve(hire->hiringManager, cachedDirectory(t), confirmed);
        if (r.state == ManagerResolution::State::Suggestions || r.state == ManagerResolution::State::Unmatched) {
            target = t;
            break;
        }
    }
    HrisConnector* connector = m_connectors.value(target);
    if (cachedDirectory(target).size() == 0 && connector) {
        // No list yet: read it once (it is kept), then ask.
        m_window->showStatus(tr("Reading %1's employee list…").arg(connector->displayName()));
        const Hire copy = *hire;
        connector->fetchDirectory([this, copy, target](const ApiError& error, const Directory& directory) {
            if (error.isError()) {
                m_window->showError(tr("The employee list could not be read: %1").arg(error.toString()));
            } else if (m_ledger) {
                m_ledger->storeCatalog(
                    Directory::cacheKey(target), directory.toJson(), QDateTime::currentDateTimeUtc());
                m_directories.insert(target, directory);
            }
            openManagerDialog(copy, target);
        });
        return;
    }
    openManagerDialog(*hire, target);
}

void AppController::openManagerDialog(const Hire& hire, const QString& target)
{
    if (!m_ledger) {
        return;
    }
    const Directory directory = cachedDirectory(target);
    const auto confirmed = m_ledger->managerMatch(target, hire.hiringManager.id);
    const ManagerResolution resolution = ManagerMatcher::resolve(hire.hiringManager, directory, confirmed);
    auto* dialog = new ManagerMatchDialog(
        HiresModel::targetDisplayName(target), hire.hiringManager, resolution, directory, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const PersonRef manager = hire.hiringManager;
    connect(dialog, &QDialog::accepted, this, [this, dialog, manager, target]() {
        const auto chosen = dialog->chosen();
        if (!chosen || !m_ledger) {
            return;
        }
        QString error;
        const ManagerMatch match {
            target, manager.id, chosen->id, ManagerMatcher::displayName(*chosen), chosen->email, QDateTime()};
        if (!m_ledger->confirmManagerMatch(match, &error)) {
            m_window->showError(tr("The match could not be saved: %1").arg(error));
            return;
        }
        m_window->showStatus(
            tr("%1 is %2 in %3 from now on.")
                .arg(manager.displayName(), match.employeeName, HiresModel::targetDisplayName(target)));
        m_detailsEngines.clear();
        reloadView();
    });
    dialog->open();
}

void AppController::onOpenInAshbyRequested(const QString& applicationId)
{
    const auto hire = m_ledger ? m_ledger->hire(applicationId) : std::nullopt;
    const QUrl url(hire ? hire->profileUrl : QString());
    if (!url.isValid() || url.isEmpty()
        || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http"))) {
        m_window->showError(tr("Ashby gave no link to this candidate."));
        return;
    }
    m_urlOpener(url);
}

void AppController::onOpenInHrisRequested(const QString& applicationId)
{
    if (!m_ledger) {
        return;
    }
    const auto urls = m_config.targetWebUrls();
    for (const auto& target : m_config.targets()) {
        const auto record = m_ledger->pushRecord(applicationId, target);
        if (!record || (record->state != PushState::Pushed && record->state != PushState::Exists)) {
            continue;
        }
        const QUrl url(urls.value(target));
        if (url.isValid() && !url.isEmpty()) {
            m_urlOpener(url);
            return;
        }
    }
    m_window->showError(tr("No web address is known for the HR systems this hire is in."));
}

void AppController::setUpNotifier()
{
    if (m_demo || !m_ledger || m_notifier) {
        return;
    }
    QSettings settings;
    const SmtpConfig smtp = SmtpConfig::load(settings);
    if (!smtp.isConfigured()) {
        return;
    }
    auto create = [this, smtp](const QString& password) {
        SmtpConfig config = smtp;
        config.password = password;
        QSettings current;
        m_notifier = new Notifier(m_ledger.get(), config, Recipients::load(current), this);
        connect(m_notifier, &Notifier::finished, this, [this](int sent, int, const QStringList& errors) {
            if (!errors.isEmpty()) {
                m_window->showError(tr("Notification e-mails could not be sent; they are kept and sent after the next "
                                       "push: %1")
                                        .arg(errors.join(QStringLiteral("; "))));
            } else if (sent > 0) {
                m_window->showStatus(tr("Notification e-mails sent: %1").arg(sent));
            }
        });
        if (m_notifier->pendingCount() > 0) {
            m_notifier->retryPending();
        }
    };
    if (m_config.smtpPasswordFromEnvironment) {
        create(m_config.smtpPassword);
        return;
    }
    if (smtp.username.isEmpty()) {
        create(QString());
        return;
    }
    m_secrets->read(QString::fromLatin1(SecretKey::SmtpPassword),
        [create](const SecretStore::Result& r) { create(r.status == SecretStore::Status::Ok ? r.value : QString()); });
}

void AppController::resetClients()
{
    // New settings mean new clients; a run in progress keeps the old ones until it ends (they are its children).
    for (HrisConnector* c : std::as_const(m_connectors)) {
        if (c != m_bob) {
            c->deleteLater(); // BambooHR, Personio: would otherwise keep the old key, secret and token alive
        }
    }
    m_connectors.clear();
    for (QObject* o : std::initializer_list<QObject*> {m_ashby, m_bob, m_http, m_nam}) {
        if (o) {
            o->deleteLater();
        }
    }
    m_ashby = nullptr;
    m_bob = nullptr;
    m_http = nullptr;
    m_nam = nullptr;
    if (m_notifier && !m_notifier->isBusy()) {
        m_notifier->deleteLater();
        m_notifier = nullptr;
    }
}

HttpClient* AppController::checkClient()
{
    if (!m_checkHttp) {
        auto* nam = new QNetworkAccessManager(this);
        m_checkHttp = new HttpClient(nam, this);
    }
    return m_checkHttp;
}

void AppController::runSetup()
{
    if (m_setupWindow || busy()) {
        if (m_setupWindow) {
            m_setupWindow->raise();
            m_setupWindow->activateWindow();
        }
        return;
    }
    auto* store = new SetupDraftStore(m_secrets, this);
    QSettings settings;
    store->loadSecrets(SetupDraft::fromSettings(settings), [this, store](const SetupDraft& draft, const QStringList&) {
        store->deleteLater();
        auto* wizard = new SetupWizard(draft, checkClient(), m_secrets, m_window);
        wizard->setAttribute(Qt::WA_DeleteOnClose);
        wizard->setWindowModality(Qt::WindowModal);
        m_setupWindow = wizard;
        connect(wizard, &SetupWizard::demoRequested, this, [this, wizard]() {
            wizard->close();
            startDemoSandbox();
        });
        connect(wizard, &SetupWizard::saved, this, [this](const SetupDraftStore::SaveResult& result) {
            if (!result.errors.isEmpty()) {
                m_window->showError(result.errors.join(QLatin1Char(' ')));
            }
        });
        connect(wizard, &QDialog::accepted, this, &AppController::startWithSettings);
        wizard->show();
    });
}

void AppController::openSettings()
{
    if (m_setupWindow || m_demo) {
        if (m_demo) {
            m_window->showStatus(tr("The demo uses made-up settings; run Hirebridge without --demo to set it up."));
        }
        return;
    }
    auto* store = new SetupDraftStore(m_secrets, this);
    QSettings settings;
    store->loadSecrets(SetupDraft::fromSettings(settings), [this, store](const SetupDraft& draft, const QStringList&) {
        store->deleteLater();
        auto* dialog = new SettingsDialog(draft, checkClient(), m_secrets, m_window);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        m_setupWindow = dialog;
        connect(dialog, &SettingsDialog::saved, this, [this](const SetupDraftStore::SaveResult& result) {
            if (!result.errors.isEmpty()) {
                m_window->showError(result.errors.join(QLatin1Char(' ')));
            }
        });
        connect(dialog, &QDialog::accepted, this, [this]() {
            if (!busy()) {
                startWithSettings();
            }
        });
        dialog->show();
    });
}

void AppController::startDemoSandbox()
{
    if (m_demo || busy()) {
        return;
    }
    auto* sandbox = new DemoSandbox(this);
    m_window->setBusy(true, tr("Starting the demo sandbox…"));
    // Order matters: clear the start-up busy state before the first sync starts.
    connect(sandbox, &DemoSandbox::ready, m_window, [this]() { m_window->setBusy(false, QString()); });
    connect(sandbox, &DemoSandbox::failed, m_window, [this](const QString& message) {
        m_window->setBusy(false, QString());
        m_window->showError(message);
    });
    connect(sandbox, &DemoSandbox::ready, this, [this](const QJsonObject& endpoints) {
        resetClients();
        startDemo(endpoints);
    });
    sandbox->start();
}

void AppController::exportAudit()
{
    if (!m_ledger) {
        return;
    }
    const QString suggested
        = QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
              .filePath(QStringLiteral("hirebridge-audit-%1.csv").arg(QDate::currentDate().toString(Qt::ISODate)));
    const QString file
        = QFileDialog::getSaveFileName(m_window, tr("Export audit log"), suggested, tr("CSV files (*.csv)"));
    if (file.isEmpty()) {
        return;
    }
    exportAuditTo(file);
}

bool AppController::exportAuditTo(const QString& file)
{
    QString error;
    const auto entries = m_ledger->audit();
    if (!AuditCsv::write(entries, file, &error)) {
        m_window->showError(
            tr("The audit log could not be saved to %1: %2").arg(QDir::toNativeSeparators(file), error));
        return false;
    }
    m_window->showStatus(
        tr("Audit log saved: %1 entries in %2").arg(entries.size()).arg(QDir::toNativeSeparators(file)));
    return true;
}

void AppController::onSkipRequested(const QList<QPair<QString, QString>>& items)
{
    if (busy() || !m_ledger) {
        return;
    }
    QStringList errors;
    for (const auto& [applicationId, target] : items) {
        QString error;
        // From the state the admin saw: a record another process moved meanwhile is left alone, and said so.
        const HiresModel* model = m_window->model();
        const auto seen = model->stateAt(model->rowForApplication(applicationId), target);
        if (!seen) {
            continue;
        }
        if (!m_ledger->setState(applicationId, target, *seen, PushState::Skipped, tr("Skipped by the admin"), &error)) {
            errors << error;
        }
    }
    reloadView();
    if (!errors.isEmpty()) {
        m_window->showError(errors.join(QLatin1Char('\n')));
    }
}

HireDetails AppController::details(const QString& applicationId) const
{
    HireDetails d;
    if (!m_ledger) {
        return d;
    }
    const auto hire = m_ledger->hire(applicationId);
    if (!hire) {
        return d;
    }
    d.hire = *hire;
    for (const auto& target : m_config.targets()) {
        if (const auto record = m_ledger->pushRecord(applicationId, target)) {
            d.records.append(*record);
        }
    }
    d.audit = m_ledger->audit(applicationId);
    d.documents = m_ledger->documents(applicationId);
    // The payload exactly as a push would render it now, per HR system: the saved profile over the cached catalogues
    // and directories. Engines are built once and kept until the mapping, a catalogue or the settings change, not on
    // every row the admin visits.
    for (const auto& target : m_config.targets()) {
        auto& engine = m_detailsEngines[target];
        QStringList issues;
        if (!engine) {
            QString profileError;
            const auto profile = ProfileStore(m_config.dataDir).loadProfile(target, &profileError);
            if (!profile) {
                d.payloadTargets << target;
                d.issuesByTarget.insert(target, {profileError});
                continue;
            }
            engine = ProfileStore::engineFromCache(*profile, *m_ledger, m_config.bob.mode);
        }
        const MappingResult mapped = engine->map(*hire);
        PayloadInput in;
        in.hire = *hire;
        in.attemptId = QStringLiteral("preview");
        in.sentAt = QDateTime::currentDateTimeUtc();
        in.fields = mapped.fields;
        const auto confirmed
            = hire->hiringManager.id.isEmpty() ? std::nullopt : m_ledger->managerMatch(target, hire->hiringManager.id);
        const ManagerResolution manager
            = ManagerMatcher::resolve(hire->hiringManager, cachedDirectory(target), confirmed);
        in.manager = manager.employee;
        in.managerMatchedBy = manager.matchedBy();
        QJsonObject payload;
        if (HrisConnector* connector = m_connectors.value(target)) {
            in.documents = PushRun::previewDocuments(*hire, connector->documentRules()); // as a dry run sends them
            payload = connector->buildPayload(in);
        } else if (target == QLatin1String("bob")) {
            BobHireEvent::Input event;
            event.hire = *hire;
            event.attemptId = in.attemptId;
            event.sentAt = in.sentAt;
            event.fields = mapped.fields;
            payload = BobHireEvent::build(event);
        }
        for (const auto& issue : mapped.issues) {
            issues << (issue.severity == MappingIssue::Severity::Error ? tr("Error: %1") : tr("Warning: %1"))
                          .arg(issue.message);
        }
        d.payloadTargets << target;
        d.payloads.insert(target, payload);
        d.issuesByTarget.insert(target, issues);
    }
    if (!d.payloadTargets.isEmpty()) {
        d.payload = d.payloads.value(d.payloadTargets.first());
        d.issues = d.issuesByTarget.value(d.payloadTargets.first());
    }
    return d;
}
