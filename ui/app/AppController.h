#pragma once

#include "hris/Directory.h"
#include "mapping/MappingEngine.h"
#include "push/PushRun.h"
#include "settings/Config.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTemporaryDir>

#include <functional>
#include <map>
#include <memory>

class AshbyClient;
class BobClient;
class HireSync;
class HttpClient;
class Ledger;
struct HireRow;
class MainWindow;
class MappingEditorDialog;
class Notifier;
struct HireDetails;
class HrisConnector;
class PushBatch;
class PushRun;
class QNetworkAccessManager;
class SecretStore;

// Wires the main window to the core: sync and push runs, the ledger, secrets. One run at a time; the window stays
// responsive because every request is asynchronous.
class AppController : public QObject
{
    Q_OBJECT
public:
    AppController(MainWindow* window, SecretStore* secrets, QObject* parent = nullptr);
    ~AppController() override;

    // Real profile: settings + environment, secrets from the keychain.
    void startWithSettings();
    // First start (nothing set up and nothing in the environment): the setup wizard, then startWithSettings().
    void runSetup();
    // `hirebridge --demo`, or "Try with demo data" in the wizard: the bundled sandbox and a throw-away profile.
    void startDemoSandbox();
    void openSettings();
    void exportAudit();
    void onSkipRequested(const QList<QPair<QString, QString>>& items);
    void onArrivedRequested(const QList<QPair<QString, QString>>& items);
    void onSendAgainRequested(const QList<QPair<QString, QString>>& items);
    // What the details pane shows: the hire, its records, the payload the mapping renders now, the audit history.
    HireDetails details(const QString& applicationId) const;
    bool exportAuditTo(const QString& file); // the dialog-free part, for tests
    // Opens links (Ashby, the HR systems); tests replace it so no browser starts.
    using UrlOpener = std::function<bool(const QUrl& url)>;
    void setUrlOpener(UrlOpener opener) { m_urlOpener = std::move(opener); }
    // The cached directory of a target (from the last push or a refresh), empty when none.
    Directory cachedDirectory(const QString& target) const;
    Ledger* ledgerForTests() const { return m_ledger.get(); }
    // Demo profile: the sandbox's endpoints and made-up credentials in memory, a throw-away data directory.
    void startDemo(const QJsonObject& endpoints);

    Ledger* ledger() const { return m_ledger.get(); }

private:
    void openAndShow();
    void createClients();
    void resetClients();
    // A private HttpClient for the wizard's and Settings' checks, independent of the configured clients.
    HttpClient* checkClient();
    void reloadView();
    void onSyncRequested();
    void onPushRequested(const QList<QPair<QString, QString>>& items);
    void requestPush(const QList<QPair<QString, QString>>& items, bool resend);
    void onCancelRequested();
    void onMappingRequested();
    // Recipients and SMTP from settings, the SMTP password from the SecretStore; then sends what earlier runs kept.
    void setUpNotifier();
    // ids per target ("bob" → [application ids]): fetches missing field catalogues first, then pushes.
    void startPushRun(const QHash<QString, QStringList>& idsByTarget, bool resend);
    void pushWhenCataloguesReady(QHash<QString, QStringList> idsByTarget, QStringList missing, bool resend);
    void refreshCatalog();
    void loadEditorCatalogs();
    void loadMappingTarget(const QString& target);
    void onPostHireRequested(const QString& applicationId);
    void onConfirmManagerRequested(const QString& applicationId);
    void openManagerDialog(const Hire& hire, const QString& target);
    void onOpenInAshbyRequested(const QString& applicationId);
    void onOpenInHrisRequested(const QString& applicationId);
    // The hiring-manager column's notes: how each manager is matched in every target with a cached directory.
    void updateManagerNotes(const QList<HireRow>& rows);
    bool busy() const;

    MainWindow* m_window;
    SecretStore* m_secrets;
    Config m_config;
    std::unique_ptr<QTemporaryDir> m_demoDir;
    std::unique_ptr<Ledger> m_ledger;
    QNetworkAccessManager* m_nam = nullptr;
    HttpClient* m_http = nullptr;
    AshbyClient* m_ashby = nullptr;
    BobClient* m_bob = nullptr;
    QPointer<HireSync> m_sync;
    QPointer<PushBatch> m_push;
    QHash<QString, HrisConnector*> m_connectors; // configured targets
    QPointer<MappingEditorDialog> m_mappingDialog;
    Notifier* m_notifier = nullptr;
    HttpClient* m_checkHttp = nullptr;
    QPointer<QWidget> m_setupWindow;
    bool m_demo = false;
    UrlOpener m_urlOpener;
    mutable QHash<QString, Directory> m_directories; // parsed cached directories, by target; cleared on reload
    std::map<QString, std::unique_ptr<MappingEngine>> m_engines; // live as long as the push that uses them
    mutable std::map<QString, std::unique_ptr<MappingEngine>>
        m_detailsEngines; // the details pane's, rebuilt after a change
};
