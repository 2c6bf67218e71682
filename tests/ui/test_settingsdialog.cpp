#include "GuiTestSupport.h"
#include "SandboxProcess.h"
#include "http/HttpClient.h"
#include "secrets/InMemorySecretStore.h"
#include "settings/BambooHrCredentialsWidget.h"
#include "settings/InlineStatus.h"
#include "settings/PersonioCredentialsWidget.h"
#include "settings/SettingsDialog.h"
#include "setup/SetupDraft.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStyle>
#include <QStyleFactory>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <optional>

// The Settings dialog's BambooHR and Personio tabs, clicked offscreen against the sandbox: check, save, remove.
class TestSettingsDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanupTestCase();

    void tabBar_fiveTabs_readableAt800x600();
    void bambooHr_check_okThenWrongKeyFails_secondClickIgnored();
    void personio_check_okThenWrongSecretFails();
    void save_hrisValuesInSettingsAndSecretStore_thenRemove_keysGone();
    void save_halfFilled_refusedOnItsTab();
    void bambooHr_companyDomain_showsApiAddress();
    void screenshots_hrisTabs_lightAndDark();

private:
    std::unique_ptr<SettingsDialog> makeDialog(const SetupDraft& draft, SecretStore* secrets);
    SetupDraft bobOnlyDraft() const;
    void fillBambooHr(SettingsDialog* dialog, const QString& address, const QString& key);
    void fillPersonio(SettingsDialog* dialog, const QString& clientId, const QString& secret);
    void replaceText(QLineEdit* edit, const QString& text);
    int requestCount(const QString& server);
    QString settingsFileText() const;
    void saveScreenshot(QWidget* widget, const QString& name);

    SandboxProcess m_sandbox;
    QTemporaryDir m_settingsDir;
    QNetworkAccessManager m_nam;
    std::unique_ptr<HttpClient> m_http;
    QString m_screenshotDir;
};

void TestSettingsDialog::initTestCase()
{
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_settingsDir.isValid());
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
    QString error;
    QVERIFY2(m_sandbox.start({}, &error), qPrintable(error));
    m_http = std::make_unique<HttpClient>(&m_nam);
    m_screenshotDir = GuiTest::screenshotDir();
}

void TestSettingsDialog::init()
{
    QSettings().clear();
    m_sandbox.post(QStringLiteral("/faults/reset"));
    QApplication::setPalette(QApplication::style()->standardPalette());
}

void TestSettingsDialog::cleanupTestCase()
{
    m_http.reset();
    m_sandbox.stop();
}

SetupDraft TestSettingsDialog::bobOnlyDraft() const
{
    SetupDraft draft = SetupDraft::fromSettings(QSettings());
    draft.config.ashby.baseUrl = QUrl(m_sandbox.value("ashby"));
    draft.config.ashby.apiKey = m_sandbox.value("ashbyApiKey");
    draft.config.bob.apiUrl = QUrl(m_sandbox.value("bob"));
    draft.config.bob.hireUrl = QUrl(m_sandbox.value("bobHireUrl"));
    draft.config.bob.serviceUserId = m_sandbox.value("bobServiceUserId");
    draft.config.bob.token = m_sandbox.value("bobToken");
    draft.adminEmail = QStringLiteral("ingrid.berg@nordlicht.example");
    return draft;
}

std::unique_ptr<SettingsDialog> TestSettingsDialog::makeDialog(const SetupDraft& draft, SecretStore* secrets)
{
    auto dialog = std::make_unique<SettingsDialog>(draft, m_http.get(), secrets);
    dialog->resize(800, 600);
    dialog->show();
    if (!QTest::qWaitForWindowExposed(dialog.get())) {
        qWarning("settings dialog not exposed");
    }
    return dialog;
}

void TestSettingsDialog::replaceText(QLineEdit* edit, const QString& text)
{
    QVERIFY(edit);
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Delete);
    QTest::keyClicks(edit, text);
}

void TestSettingsDialog::fillBambooHr(SettingsDialog* dialog, const QString& address, const QString& key)
{
    dialog->showTab(SettingsDialog::BambooHrTab);
    auto* keyEdit = dialog->findChild<QLineEdit*>(QStringLiteral("bambooHrApiKeyEdit"));
    QVERIFY(keyEdit);
    QCOMPARE(keyEdit->echoMode(), QLineEdit::Password);
    replaceText(dialog->findChild<QLineEdit*>(QStringLiteral("bambooHrAddressEdit")), address);
    replaceText(keyEdit, key);
}

void TestSettingsDialog::fillPersonio(SettingsDialog* dialog, const QString& clientId, const QString& secret)
{
    dialog->showTab(SettingsDialog::PersonioTab);
    auto* secretEdit = dialog->findChild<QLineEdit*>(QStringLiteral("personioClientSecretEdit"));
    QVERIFY(secretEdit);
    QCOMPARE(secretEdit->echoMode(), QLineEdit::Password);
    replaceText(dialog->findChild<QLineEdit*>(QStringLiteral("personioClientIdEdit")), clientId);
    replaceText(secretEdit, secret);
    auto* advanced = dialog->findChild<QToolButton*>(QStringLiteral("personioAdvancedButton"));
    QVERIFY(advanced);
    if (!advanced->isChecked()) {
        QTest::mouseClick(advanced, Qt::LeftButton);
    }
    auto* url = dialog->findChild<QLineEdit*>(QStringLiteral("personioUrlEdit"));
    QVERIFY(url && url->isVisible());
    replaceText(url, m_sandbox.value("personio"));
}

int TestSettingsDialog::requestCount(const QString& server)
{
    int count = 0;
    for (const auto& entry : m_sandbox.requests()) {
        count += entry.toObject().value(QStringLiteral("server")).toString() == server ? 1 : 0;
    }
    return count;
}

QString TestSettingsDialog::settingsFileText() const
{
    QSettings settings;
    settings.sync();
    QFile file(settings.fileName());
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    return QString::fromUtf8(file.readAll());
}

void TestSettingsDialog::saveScreenshot(QWidget* widget, const QString& name)
{
    QApplication::processEvents();
    QTest::qWait(30);
    const QString path = QDir(m_screenshotDir).filePath(name + QStringLiteral(".png"));
    QVERIFY2(widget->grab().save(path), qPrintable(path));
    qInfo().noquote() << "screenshot:" << path;
}

void TestSettingsDialog::tabBar_fiveTabs_readableAt800x600()
{
    InMemorySecretStore secrets;
    auto dialog = makeDialog(bobOnlyDraft(), &secrets);
    QTabBar* bar = dialog->tabs()->tabBar();
    QCOMPARE(bar->count(), 5);
    QCOMPARE(bar->tabText(SettingsDialog::BambooHrTab), QStringLiteral("BambooHR"));
    QCOMPARE(bar->tabText(SettingsDialog::PersonioTab), QStringLiteral("Personio"));
    QCOMPARE(bar->tabText(SettingsDialog::NotificationsTab), QStringLiteral("Notifications"));
    // Every tab fully inside the bar: no scroll arrows, no elided names.
    int right = 0;
    for (int i = 0; i < bar->count(); ++i) {
        const QRect rect = bar->tabRect(i);
        QVERIFY2(rect.width() >= bar->fontMetrics().horizontalAdvance(bar->tabText(i)), qPrintable(bar->tabText(i)));
        right = std::max(right, rect.right());
    }
    QVERIFY(right < dialog->tabs()->width());
    // Nothing set up yet: both say so in words, and there is nothing to remove.
    QVERIFY(dialog->bambooHrWidget()->stateLabel()->text().startsWith(QStringLiteral("Not in use")));
    QVERIFY(dialog->personioWidget()->stateLabel()->text().startsWith(QStringLiteral("Not in use")));
    QVERIFY(!dialog->bambooHrWidget()->removeButton()->isEnabled());
    QVERIFY(!dialog->personioWidget()->removeButton()->isEnabled());
}

void TestSettingsDialog::bambooHr_check_okThenWrongKeyFails_secondClickIgnored()
{
    InMemorySecretStore secrets;
    auto dialog = makeDialog(bobOnlyDraft(), &secrets);
    auto* widget = dialog->bambooHrWidget();
    auto* check = dialog->findChild<QPushButton*>(QStringLiteral("bambooHrCheckButton"));
    QVERIFY(check);

    // Nothing typed: the check says what to fill in and sends nothing.
    const int before = requestCount(QStringLiteral("bamboohr"));
    dialog->showTab(SettingsDialog::BambooHrTab);
    QTest::mouseClick(check, Qt::LeftButton);
    QCOMPARE(widget->status()->state(), InlineStatus::State::Error);
    QVERIFY(widget->status()->text().contains(QStringLiteral("company domain")));

    fillBambooHr(dialog.get(), m_sandbox.value("bamboohr"), m_sandbox.value("bamboohrApiKey"));
    QVERIFY(widget->stateLabel()->text().contains(QStringLiteral("added when you press Save")));
    // Slow answers: the dialog stays responsive and a second click while checking sends nothing more.
    m_sandbox.post(QStringLiteral("/faults"), {{QStringLiteral("latencyMs"), 400}});
    QTest::mouseClick(check, Qt::LeftButton);
    QCOMPARE(widget->status()->state(), InlineStatus::State::Busy);
    QVERIFY(!check->isEnabled());
    QTest::mouseClick(check, Qt::LeftButton);
    Q_EMIT widget->checkRequested();
    QTRY_COMPARE_WITH_TIMEOUT(widget->status()->state(), InlineStatus::State::Ok, 15000);
    QVERIFY(check->isEnabled());
    QVERIFY2(widget->status()->text().startsWith(QStringLiteral("Connected to BambooHR")),
        qPrintable(widget->status()->text()));
    QCOMPARE(requestCount(QStringLiteral("bamboohr")), before + 1);
    m_sandbox.post(QStringLiteral("/faults/reset"));

    // A wrong key: a clear failure that names what to do.
    replaceText(dialog->findChild<QLineEdit*>(QStringLiteral("bambooHrApiKeyEdit")), QStringLiteral("wrong-key-123"));
    QCOMPARE(widget->status()->state(), InlineStatus::State::Idle); // editing clears the old result
    QTest::mouseClick(check, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(widget->status()->state(), InlineStatus::State::Error, 15000);
    QVERIFY2(
        widget->status()->text().contains(QStringLiteral("refused the API key")), qPrintable(widget->status()->text()));
    QVERIFY(!widget->status()->text().contains(QStringLiteral("wrong-key-123"))); // never shows the secret
    saveScreenshot(dialog.get(), QStringLiteral("settings-bamboohr-wrongkey-light-800x600"));

    // An edit during a running check drops it: no stale result shows up afterwards.
    m_sandbox.post(QStringLiteral("/faults"), {{QStringLiteral("latencyMs"), 300}});
    QTest::mouseClick(check, Qt::LeftButton);
    QCOMPARE(widget->status()->state(), InlineStatus::State::Busy);
    QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("bambooHrApiKeyEdit")), QStringLiteral("4"));
    QCOMPARE(widget->status()->state(), InlineStatus::State::Idle);
    QVERIFY(check->isEnabled());
    QTest::qWait(800);
    QCOMPARE(widget->status()->state(), InlineStatus::State::Idle);
}

void TestSettingsDialog::personio_check_okThenWrongSecretFails()
{
    InMemorySecretStore secrets;
    auto dialog = makeDialog(bobOnlyDraft(), &secrets);
    auto* widget = dialog->personioWidget();
    auto* check = dialog->findChild<QPushButton*>(QStringLiteral("personioCheckButton"));
    QVERIFY(check);

    fillPersonio(dialog.get(), m_sandbox.value("personioClientId"), m_sandbox.value("personioClientSecret"));
    QTest::mouseClick(check, Qt::LeftButton);
    QCOMPARE(widget->status()->state(), InlineStatus::State::Busy);
    QTRY_COMPARE_WITH_TIMEOUT(widget->status()->state(), InlineStatus::State::Ok, 15000);
    QVERIFY2(widget->status()->text().startsWith(QStringLiteral("Connected to Personio")),
        qPrintable(widget->status()->text()));

    replaceText(
        dialog->findChild<QLineEdit*>(QStringLiteral("personioClientSecretEdit")), QStringLiteral("wrong-secret-456"));
    QTest::mouseClick(check, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(widget->status()->state(), InlineStatus::State::Error, 15000);
    QVERIFY2(widget->status()->text().contains(QStringLiteral("refused the client ID or secret")),
        qPrintable(widget->status()->text()));
    QVERIFY(!widget->status()->text().contains(QStringLiteral("wrong-secret-456")));
    saveScreenshot(dialog.get(), QStringLiteral("settings-personio-wrongsecret-light-800x600"));
}

void TestSettingsDialog::save_hrisValuesInSettingsAndSecretStore_thenRemove_keysGone()
{
    InMemorySecretStore secrets;
    {
        auto dialog = makeDialog(bobOnlyDraft(), &secrets);
        fillBambooHr(dialog.get(), m_sandbox.value("bamboohr"), m_sandbox.value("bamboohrApiKey"));
        fillPersonio(dialog.get(), m_sandbox.value("personioClientId"), m_sandbox.value("personioClientSecret"));
        QSignalSpy saved(dialog.get(), &SettingsDialog::saved);
        QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("okButton")), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, 5000);
        QVERIFY(saved.at(0).at(0).value<SetupDraftStore::SaveResult>().ok);
        QTRY_VERIFY(!dialog->isVisible());
    }
    {
        QSettings settings;
        QCOMPARE(settings.value(QString::fromLatin1(SettingsKey::BambooHrUrl)).toString(), m_sandbox.value("bamboohr"));
        QCOMPARE(settings.value(QString::fromLatin1(SettingsKey::PersonioUrl)).toString(), m_sandbox.value("personio"));
        QCOMPARE(settings.value(QString::fromLatin1(SettingsKey::PersonioClientId)).toString(),
            m_sandbox.value("personioClientId"));
    }
    QCOMPARE(secrets.value(QString::fromLatin1(SecretKey::BambooHrApiKey)), m_sandbox.value("bamboohrApiKey"));
    QCOMPARE(
        secrets.value(QString::fromLatin1(SecretKey::PersonioClientSecret)), m_sandbox.value("personioClientSecret"));
    QString text = settingsFileText();
    QVERIFY2(text.contains(m_sandbox.value("personioClientId")), qPrintable(text));
    QVERIFY(!text.contains(m_sandbox.value("bamboohrApiKey")));
    QVERIFY(!text.contains(m_sandbox.value("personioClientSecret")));
    // What the app reloads after OK (AppController::startWithSettings): both targets, secrets from the store.
    QStringList errors;
    const Config reloaded = Config::load(QSettings(), QProcessEnvironment(), &errors);
    QVERIFY(errors.isEmpty());
    QCOMPARE(reloaded.targets(),
        QStringList({QStringLiteral("bob"), QStringLiteral("bamboohr"), QStringLiteral("personio")}));

    // Reopened as AppController does: settings plus the secrets from the store fill the fields.
    SetupDraftStore store(&secrets);
    std::optional<SetupDraft> loaded;
    store.loadSecrets(
        SetupDraft::fromSettings(QSettings()), [&](const SetupDraft& d, const QStringList&) { loaded = d; });
    QTRY_VERIFY(loaded.has_value());
    auto dialog = makeDialog(*loaded, &secrets);
    auto* bambooHr = dialog->bambooHrWidget();
    auto* personio = dialog->personioWidget();
    QCOMPARE(dialog->findChild<QLineEdit*>(QStringLiteral("bambooHrAddressEdit"))->text(), m_sandbox.value("bamboohr"));
    QCOMPARE(
        dialog->findChild<QLineEdit*>(QStringLiteral("bambooHrApiKeyEdit"))->text(), m_sandbox.value("bamboohrApiKey"));
    QCOMPARE(dialog->findChild<QLineEdit*>(QStringLiteral("personioClientIdEdit"))->text(),
        m_sandbox.value("personioClientId"));
    QCOMPARE(dialog->findChild<QLineEdit*>(QStringLiteral("personioUrlEdit"))->text(), m_sandbox.value("personio"));
    QVERIFY(bambooHr->stateLabel()->text().startsWith(QStringLiteral("In use")));
    QVERIFY(personio->stateLabel()->text().startsWith(QStringLiteral("In use")));

    // Remove both: the fields empty, the state says what Save will do, Save removes keys and secrets.
    dialog->showTab(SettingsDialog::BambooHrTab);
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("bambooHrRemoveButton")), Qt::LeftButton);
    QVERIFY(dialog->findChild<QLineEdit*>(QStringLiteral("bambooHrAddressEdit"))->text().isEmpty());
    QVERIFY(dialog->findChild<QLineEdit*>(QStringLiteral("bambooHrApiKeyEdit"))->text().isEmpty());
    QVERIFY(bambooHr->stateLabel()->text().contains(QStringLiteral("removed when you press Save")));
    dialog->showTab(SettingsDialog::PersonioTab);
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("personioRemoveButton")), Qt::LeftButton);
    QVERIFY(dialog->findChild<QLineEdit*>(QStringLiteral("personioClientIdEdit"))->text().isEmpty());
    QVERIFY(personio->stateLabel()->text().contains(QStringLiteral("removed when you press Save")));
    QSignalSpy saved(dialog.get(), &SettingsDialog::saved);
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("okButton")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, 5000);
    QTRY_VERIFY(!dialog->isVisible());
    {
        QSettings settings;
        QVERIFY(!settings.contains(QString::fromLatin1(SettingsKey::BambooHrUrl)));
        QVERIFY(!settings.contains(QString::fromLatin1(SettingsKey::PersonioUrl)));
        QVERIFY(!settings.contains(QString::fromLatin1(SettingsKey::PersonioClientId)));
        QVERIFY(settings.contains(QString::fromLatin1(SettingsKey::BobServiceUserId)));
    }
    text = settingsFileText();
    QVERIFY2(
        !text.contains(QStringLiteral("bamboohr")) && !text.contains(QStringLiteral("personio")), qPrintable(text));
    QVERIFY(secrets.value(QString::fromLatin1(SecretKey::BambooHrApiKey)).isEmpty());
    QVERIFY(secrets.value(QString::fromLatin1(SecretKey::PersonioClientSecret)).isEmpty());
    QVERIFY(!secrets.value(QString::fromLatin1(SecretKey::BobToken)).isEmpty());
    QCOMPARE(Config::load(QSettings(), QProcessEnvironment(), &errors).targets(), QStringList {QStringLiteral("bob")});
}

void TestSettingsDialog::save_halfFilled_refusedOnItsTab()
{
    InMemorySecretStore secrets;
    auto dialog = makeDialog(bobOnlyDraft(), &secrets);
    dialog->showTab(SettingsDialog::NotificationsTab);
    dialog->showTab(SettingsDialog::PersonioTab);
    replaceText(dialog->findChild<QLineEdit*>(QStringLiteral("personioClientIdEdit")), QStringLiteral("client-1"));
    dialog->showTab(SettingsDialog::AshbyTab);
    QSignalSpy saved(dialog.get(), &SettingsDialog::saved);
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("okButton")), Qt::LeftButton);
    QTest::qWait(100);
    QCOMPARE(saved.count(), 0);
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->tabs()->currentIndex(), int(SettingsDialog::PersonioTab));
    QCOMPARE(dialog->personioWidget()->status()->state(), InlineStatus::State::Error);
    QVERIFY2(dialog->personioWidget()->status()->text().contains(QStringLiteral("client secret")),
        qPrintable(dialog->personioWidget()->status()->text()));
    QVERIFY(!QSettings().contains(QString::fromLatin1(SettingsKey::PersonioClientId)));
    auto* saveStatus = dialog->findChild<InlineStatus*>(QStringLiteral("settingsSaveStatus"));
    QVERIFY(saveStatus);
    QCOMPARE(saveStatus->state(), InlineStatus::State::Error);

    // Completing the fields clears the refusal; Save then stores Personio with its default address.
    QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("personioClientSecretEdit")), QStringLiteral("s-1"));
    QCOMPARE(saveStatus->state(), InlineStatus::State::Idle);
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("okButton")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, 5000);
    QTRY_VERIFY(!dialog->isVisible());
    QCOMPARE(
        QSettings().value(QString::fromLatin1(SettingsKey::PersonioClientId)).toString(), QStringLiteral("client-1"));
    QStringList errors;
    QCOMPARE(Config::load(QSettings(), QProcessEnvironment(), &errors).personio.url,
        QUrl(QStringLiteral("https://api.personio.de")));
}

void TestSettingsDialog::bambooHr_companyDomain_showsApiAddress()
{
    InMemorySecretStore secrets;
    auto dialog = makeDialog(bobOnlyDraft(), &secrets);
    fillBambooHr(dialog.get(), QStringLiteral("nordlicht"), QStringLiteral("some-key"));
    auto* hint = dialog->findChild<QLabel*>(QStringLiteral("bambooHrAddressHint"));
    QVERIFY(hint);
    QVERIFY2(hint->text().contains(QStringLiteral("https://api.bamboohr.com/api/gateway.php/nordlicht")),
        qPrintable(hint->text()));
    QCOMPARE(dialog->draft().config.bamboohr.url,
        QUrl(QStringLiteral("https://api.bamboohr.com/api/gateway.php/nordlicht")));
    replaceText(dialog->findChild<QLineEdit*>(QStringLiteral("bambooHrAddressEdit")), QStringLiteral("Nord Licht"));
    QVERIFY2(hint->text().contains(QStringLiteral("neither")), qPrintable(hint->text()));
    QVERIFY(!dialog->bambooHrWidget()->problem().isEmpty());
}

void TestSettingsDialog::screenshots_hrisTabs_lightAndDark()
{
    InMemorySecretStore secrets;
    for (const bool dark : {false, true}) {
        QApplication::setPalette(dark ? GuiTest::darkPalette() : QApplication::style()->standardPalette());
        const QString theme = dark ? QStringLiteral("dark") : QStringLiteral("light");
        auto dialog = makeDialog(bobOnlyDraft(), &secrets);
        // What an admin sees first: nothing set up.
        dialog->showTab(SettingsDialog::BambooHrTab);
        saveScreenshot(dialog.get(), QStringLiteral("settings-bamboohr-empty-%1-800x600").arg(theme));
        dialog->showTab(SettingsDialog::PersonioTab);
        saveScreenshot(dialog.get(), QStringLiteral("settings-personio-empty-%1-800x600").arg(theme));
        // A company domain, as most admins will type it (not checked: it points at the real BambooHR).
        fillBambooHr(dialog.get(), QStringLiteral("acme"), QStringLiteral("a-key"));
        saveScreenshot(dialog.get(), QStringLiteral("settings-bamboohr-domain-%1-800x600").arg(theme));
        fillBambooHr(dialog.get(), m_sandbox.value("bamboohr"), m_sandbox.value("bamboohrApiKey"));
        QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("bambooHrCheckButton")), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(dialog->bambooHrWidget()->status()->state(), InlineStatus::State::Ok, 15000);
        fillPersonio(dialog.get(), m_sandbox.value("personioClientId"), QStringLiteral("wrong-secret"));
        QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("personioCheckButton")), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(dialog->personioWidget()->status()->state(), InlineStatus::State::Error, 15000);
        for (const QSize size : {QSize(800, 600), QSize(1400, 900)}) {
            dialog->resize(size);
            for (const auto tab : {SettingsDialog::BambooHrTab, SettingsDialog::PersonioTab}) {
                dialog->showTab(tab);
                const QString name
                    = tab == SettingsDialog::BambooHrTab ? QStringLiteral("bamboohr") : QStringLiteral("personio");
                saveScreenshot(dialog.get(),
                    QStringLiteral("settings-%1-%2-%3x%4").arg(name, theme).arg(size.width()).arg(size.height()));
            }
        }
        dialog->reject();

        // Set up before, then Remove pressed: the line that says what Save will do.
        SetupDraft configured = bobOnlyDraft();
        configured.config.bamboohr.url = QUrl(QStringLiteral("https://api.bamboohr.com/api/gateway.php/acme"));
        configured.config.bamboohr.apiKey = QStringLiteral("a-key");
        configured.config.personio.clientId = QStringLiteral("client-1");
        configured.config.personio.clientSecret = QStringLiteral("a-secret");
        auto removing = makeDialog(configured, &secrets);
        for (const auto tab : {SettingsDialog::BambooHrTab, SettingsDialog::PersonioTab}) {
            removing->showTab(tab);
            const QString name
                = tab == SettingsDialog::BambooHrTab ? QStringLiteral("bamboohr") : QStringLiteral("personio");
            saveScreenshot(removing.get(), QStringLiteral("settings-%1-inuse-%2-800x600").arg(name, theme));
            QTest::mouseClick(removing->findChild<QPushButton*>(name == QLatin1String("bamboohr")
                                      ? QStringLiteral("bambooHrRemoveButton")
                                      : QStringLiteral("personioRemoveButton")),
                Qt::LeftButton);
            saveScreenshot(removing.get(), QStringLiteral("settings-%1-removed-%2-800x600").arg(name, theme));
        }
        removing->reject();
    }
    QApplication::setPalette(QApplication::style()->standardPalette());
}

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    app.setOrganizationName(QStringLiteral("HirebridgeTest"));
    app.setApplicationName(QStringLiteral("HirebridgeSettings"));
    TestSettingsDialog test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_settingsdialog.moc"
