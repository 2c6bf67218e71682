#include "GuiTestSupport.h"
#include "MessageBox.h"
#include "SandboxProcess.h"
#include "app/AppController.h"
#include "http/HttpClient.h"
#include "ledger/Ledger.h"
#include "main/ErrorBanner.h"
#include "main/HireDetails.h"
#include "main/MainWindow.h"
#include "recipients/RecipientsEditor.h"
#include "secrets/FallbackSecretStore.h"
#include "secrets/InMemorySecretStore.h"
#include "settings/AshbyCredentialsWidget.h"
#include "settings/BobCredentialsWidget.h"
#include "settings/Config.h"
#include "settings/GuidePanel.h"
#include "settings/InlineStatus.h"
#include "settings/SettingsDialog.h"
#include "setup/SetupAshbyPage.h"
#include "setup/SetupBobPage.h"
#include "setup/SetupRecipientsPage.h"
#include "setup/SetupSummaryPage.h"
#include "setup/SetupTestCandidatePage.h"
#include "setup/SetupWelcomePage.h"
#include "setup/SetupWizard.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStyleFactory>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>
#include <QToolButton>

// Walks the setup wizard offscreen against the sandbox, by clicks and key presses into the real widgets.
class TestSetupWizard : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void happyPath_allPages_savesSettingsAndSecretsApart();
    void ashbyKeyMissingPermission_namesPermission_nextDisabled();
    void wrongBobToken_inlineError_nextDisabledUntilEdited();
    void badHireUrl_inlineError_noRequest();
    void keychainUnavailable_bannerSignal_secretInMemoryOnly();
    void settingsDialog_tabs_checkAndSave();
    void keyboardOnly_returnOnEveryPageGoesForward();
    void bobGuide_followsBobsProcedureStepByStep();
    void guide_at800x600_scrollsToItsLastLine();
    void cancel_withTypedToken_asksBeforeDiscarding();
    void keychainUnavailable_firstPagesSayForThisRunOnly();
    void finishingSetup_inTheApp_takesEffectAtOnce();
    void demo_fromTheWelcomePage_saysItIsTheDemo();

private:
    std::unique_ptr<SetupWizard> makeWizard(SecretStore* secrets);
    void clickNext(SetupWizard* wizard);
    void fillAshby(SetupWizard* wizard, const QString& key);
    void fillBob(SetupWizard* wizard, const QString& token, const QString& hireUrl = {});
    void walkToSummary(SetupWizard* wizard);
    void screenshot(QWidget* widget, const QString& name);
    QString settingsFileText() const;

    SandboxProcess m_sandbox;
    QTemporaryDir m_settingsDir;
    QNetworkAccessManager m_nam;
    std::unique_ptr<HttpClient> m_http;
    QString m_screenshotDir;
    const QString m_adminEmail = QStringLiteral("ingrid.berg@nordlicht.example");
};

void TestSetupWizard::initTestCase()
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

void TestSetupWizard::init()
{
    QSettings().clear();
    m_sandbox.post(QStringLiteral("/faults/reset"));
    m_sandbox.post(QStringLiteral("/bob/hires/reset"));
}

void TestSetupWizard::cleanup()
{
    MessageBox::setNextAnswer(QMessageBox::NoButton);
}

void TestSetupWizard::cleanupTestCase()
{
    m_http.reset();
    m_sandbox.stop();
}

std::unique_ptr<SetupWizard> TestSetupWizard::makeWizard(SecretStore* secrets)
{
    auto wizard = std::make_unique<SetupWizard>(SetupDraft::fromSettings(QSettings()), m_http.get(), secrets);
    wizard->setSandboxControlUrl(QUrl(m_sandbox.value("control")));
    wizard->resize(800, 600);
    wizard->show();
    wizard->activateWindow();
    if (!QTest::qWaitForWindowExposed(wizard.get())) {
        qWarning("wizard not exposed");
    }
    return wizard;
}

void TestSetupWizard::clickNext(SetupWizard* wizard)
{
    QAbstractButton* next = wizard->button(QWizard::NextButton);
    QVERIFY(next->isVisible());
    QVERIFY(next->isEnabled());
    QTest::mouseClick(next, Qt::LeftButton);
}

void TestSetupWizard::fillAshby(SetupWizard* wizard, const QString& key)
{
    QCOMPARE(wizard->currentId(), int(SetupWizard::AshbyPageId));
    auto* page = wizard->ashbyPage();
    auto* keyEdit = page->findChild<QLineEdit*>(QStringLiteral("ashbyApiKeyEdit"));
    QVERIFY(keyEdit);
    QCOMPARE(keyEdit->echoMode(), QLineEdit::Password);
    // Next waits for a key.
    QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
    keyEdit->clear();
    QTest::keyClicks(keyEdit, QStringLiteral("  ") + key + QStringLiteral(" ")); // pasted with stray spaces
    auto* advanced = page->findChild<QToolButton*>(QStringLiteral("ashbyAdvancedButton"));
    QVERIFY(advanced);
    if (!advanced->isChecked()) {
        QTest::mouseClick(advanced, Qt::LeftButton);
    }
    auto* url = page->findChild<QLineEdit*>(QStringLiteral("ashbyBaseUrlEdit"));
    QVERIFY(url && url->isVisible());
    url->clear();
    QTest::keyClicks(url, m_sandbox.value("ashby"));
}

void TestSetupWizard::fillBob(SetupWizard* wizard, const QString& token, const QString& hireUrl)
{
    QCOMPARE(wizard->currentId(), int(SetupWizard::BobPageId));
    auto* page = wizard->bobPage();
    QVERIFY(page->findChild<QRadioButton*>(QStringLiteral("bobModeHireApiRadio"))->isChecked());
    auto* id = page->findChild<QLineEdit*>(QStringLiteral("bobServiceUserIdEdit"));
    auto* tokenEdit = page->findChild<QLineEdit*>(QStringLiteral("bobTokenEdit"));
    auto* hire = page->findChild<QLineEdit*>(QStringLiteral("bobHireUrlEdit"));
    QVERIFY(id && tokenEdit && hire);
    QCOMPARE(tokenEdit->echoMode(), QLineEdit::Password);
    id->clear();
    tokenEdit->clear();
    hire->clear();
    QTest::keyClicks(id, m_sandbox.value("bobServiceUserId"));
    QTest::keyClicks(tokenEdit, token);
    QTest::keyClicks(hire, hireUrl.isEmpty() ? m_sandbox.value("bobHireUrl") : hireUrl);
    auto* advanced = page->findChild<QToolButton*>(QStringLiteral("bobAdvancedButton"));
    if (!advanced->isChecked()) {
        QTest::mouseClick(advanced, Qt::LeftButton);
    }
    auto* api = page->findChild<QLineEdit*>(QStringLiteral("bobApiUrlEdit"));
    QVERIFY(api && api->isVisible());
    api->clear();
    QTest::keyClicks(api, m_sandbox.value("bob"));
}

void TestSetupWizard::walkToSummary(SetupWizard* wizard)
{
    QCOMPARE(wizard->currentId(), int(SetupWizard::WelcomePageId));
    clickNext(wizard);
    fillAshby(wizard, m_sandbox.value("ashbyApiKey"));
    clickNext(wizard);
    QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(SetupWizard::BobPageId), 15000);
    fillBob(wizard, m_sandbox.value("bobToken"));
    clickNext(wizard);
    QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(SetupWizard::RecipientsPageId), 15000);
    auto* email = wizard->recipientsPage()->findChild<QLineEdit*>(QStringLiteral("adminEmailEdit"));
    QVERIFY(email);
    QTest::keyClicks(email, m_adminEmail);
    QTRY_VERIFY_WITH_TIMEOUT(wizard->recipientsPage()->isDirectoryLoaded(), 15000);
    clickNext(wizard);
    QCOMPARE(wizard->currentId(), int(SetupWizard::TestCandidatePageId));
    clickNext(wizard); // the test candidate is optional
    QCOMPARE(wizard->currentId(), int(SetupWizard::SummaryPageId));
}

void TestSetupWizard::screenshot(QWidget* widget, const QString& name)
{
    for (const auto& [size, label] :
        {std::pair {QSize(800, 600), QStringLiteral("small")}, std::pair {QSize(1280, 860), QStringLiteral("large")}}) {
        widget->resize(size);
        QApplication::processEvents();
        QTest::qWait(30);
        const QString path = QDir(m_screenshotDir).filePath(QStringLiteral("%1-%2.png").arg(name, label));
        QVERIFY2(widget->grab().save(path), qPrintable(path));
        qInfo().noquote() << "screenshot:" << path;
    }
    widget->resize(800, 600);
    QApplication::processEvents();
}

QString TestSetupWizard::settingsFileText() const
{
    QSettings settings;
    settings.sync();
    QFile file(settings.fileName());
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    return QString::fromUtf8(file.readAll());
}

void TestSetupWizard::happyPath_allPages_savesSettingsAndSecretsApart()
{
    InMemorySecretStore secrets;
    auto wizard = makeWizard(&secrets);
    QSignalSpy savedSpy(wizard.get(), &SetupWizard::saved);
    QSignalSpy demoSpy(wizard.get(), &SetupWizard::demoRequested);

    // Welcome
    screenshot(wizard.get(), QStringLiteral("setup-welcome"));
    auto* demo = wizard->welcomePage()->findChild<QPushButton*>(QStringLiteral("demoButton"));
    QVERIFY(demo);
    QTest::mouseClick(demo, Qt::LeftButton);
    QCOMPARE(demoSpy.count(), 1);
    clickNext(wizard.get());

    // Ashby: the check runs inline; Next is disabled while it does, then the page advances by itself.
    fillAshby(wizard.get(), m_sandbox.value("ashbyApiKey"));
    screenshot(wizard.get(), QStringLiteral("setup-ashby"));
    clickNext(wizard.get());
    QCOMPARE(wizard->currentId(), int(SetupWizard::AshbyPageId));
    QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
    QCOMPARE(wizard->ashbyPage()->credentials()->status()->state(), InlineStatus::State::Busy);
    QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(SetupWizard::BobPageId), 15000);
    QCOMPARE(wizard->draft()->config.ashby.apiKey, m_sandbox.value("ashbyApiKey")); // trimmed

    // Bob
    fillBob(wizard.get(), m_sandbox.value("bobToken"));
    screenshot(wizard.get(), QStringLiteral("setup-bob"));
    clickNext(wizard.get());
    QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
    QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(SetupWizard::RecipientsPageId), 15000);
    QCOMPARE(m_sandbox.receivedHires().size(), 0); // the check never posts to the Hire URL

    // Recipients: the admin's work e-mail, matched in Bob's directory.
    auto* page = wizard->recipientsPage();
    QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
    auto* email = page->findChild<QLineEdit*>(QStringLiteral("adminEmailEdit"));
    QTest::keyClicks(email, m_adminEmail);
    QTRY_VERIFY_WITH_TIMEOUT(page->isDirectoryLoaded(), 15000);
    auto* match = page->findChild<QLabel*>(QStringLiteral("adminMatchLabel"));
    QTRY_VERIFY2(match->text().startsWith(QStringLiteral("Found you in Bob")), qPrintable(match->text()));
    QCOMPARE(page->editor()->recipients().size(), 1);
    QCOMPARE(page->editor()->recipients().first().source, Recipient::Source::SetupAdmin);
    QVERIFY(!page->editor()->recipients().first().bobEmployeeId.isEmpty());
    screenshot(wizard.get(), QStringLiteral("setup-recipients"));
    clickNext(wizard.get());

    // Test candidate
    QCOMPARE(wizard->currentId(), int(SetupWizard::TestCandidatePageId));
    screenshot(wizard.get(), QStringLiteral("setup-testcandidate-before"));
    auto* send = wizard->testCandidatePage()->findChild<QPushButton*>(QStringLiteral("sendTestCandidateButton"));
    QVERIFY(send && send->isEnabled());
    QTest::mouseClick(send, Qt::LeftButton);
    auto* sent = wizard->testCandidatePage()->findChild<QPlainTextEdit*>(QStringLiteral("testSentView"));
    auto* answer = wizard->testCandidatePage()->findChild<QPlainTextEdit*>(QStringLiteral("testAnswerView"));
    QTRY_VERIFY_WITH_TIMEOUT(!answer->toPlainText().isEmpty(), 15000);
    QVERIFY(sent->toPlainText().contains(QStringLiteral("Candidate (Hirebridge)")));
    QVERIFY(sent->toPlainText().contains(QStringLiteral("\"test\": true")));
    QVERIFY(answer->toPlainText().startsWith(QStringLiteral("HTTP 200")));
    auto* link = wizard->testCandidatePage()->findChild<QLabel*>(QStringLiteral("pendingHiresLink"));
    QVERIFY(link->isVisible());
    QVERIFY(link->text().contains(m_sandbox.value("control") + QStringLiteral("/pending-hires")));
    const QJsonArray received = m_sandbox.receivedHires();
    QCOMPARE(received.size(), 1);
    QCOMPARE(received.at(0).toObject().value(QStringLiteral("body")).toObject().value(QStringLiteral("test")), true);
    screenshot(wizard.get(), QStringLiteral("setup-testcandidate"));
    clickNext(wizard.get());

    // Summary, then Finish saves and closes.
    QCOMPARE(wizard->currentId(), int(SetupWizard::SummaryPageId));
    auto* summary = wizard->summaryPage()->findChild<QLabel*>(QStringLiteral("summaryLabel"));
    QVERIFY(summary->text().contains(secrets.description().toHtmlEscaped()));
    screenshot(wizard.get(), QStringLiteral("setup-summary"));
    QTest::mouseClick(wizard->button(QWizard::FinishButton), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(savedSpy.count(), 1, 5000);
    QTRY_VERIFY(!wizard->isVisible());
    QCOMPARE(wizard->result(), int(QDialog::Accepted));

    // Secrets only in the store; everything else in the settings file.
    QCOMPARE(secrets.value(QStringLiteral("ashby/apiKey")), m_sandbox.value("ashbyApiKey"));
    QCOMPARE(secrets.value(QStringLiteral("bob/token")), m_sandbox.value("bobToken"));
    const QString text = settingsFileText();
    QVERIFY2(text.contains(m_sandbox.value("bobServiceUserId")), qPrintable(text));
    QVERIFY(text.contains(m_adminEmail));
    QVERIFY(!text.contains(m_sandbox.value("ashbyApiKey")));
    QVERIFY(!text.contains(m_sandbox.value("bobToken")));
    QVERIFY(SetupDraft::isSetupComplete(QSettings()));
    const SetupDraft result = wizard->takeResult();
    QCOMPARE(result.config.bob.serviceUserId, m_sandbox.value("bobServiceUserId"));
    QVERIFY(result.testHireSent);
}

void TestSetupWizard::ashbyKeyMissingPermission_namesPermission_nextDisabled()
{
    InMemorySecretStore secrets;
    auto wizard = makeWizard(&secrets);
    clickNext(wizard.get());
    fillAshby(wizard.get(), m_sandbox.value("ashbyLimitedApiKey"));
    clickNext(wizard.get());
    InlineStatus* status = wizard->ashbyPage()->credentials()->status();
    QTRY_COMPARE_WITH_TIMEOUT(status->state(), InlineStatus::State::Error, 15000);
    QVERIFY2(status->text().contains(QStringLiteral("Offers: read")), qPrintable(status->text()));
    QVERIFY(status->isVisible());
    QCOMPARE(wizard->currentId(), int(SetupWizard::AshbyPageId));
    QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
    auto* again = wizard->ashbyPage()->findChild<QPushButton*>(QStringLiteral("ashbyCheckButton"));
    QVERIFY(again && again->isVisible());
    screenshot(wizard.get(), QStringLiteral("setup-ashby-missingpermission"));

    // Editing resets: Next is back, the message is gone.
    auto* keyEdit = wizard->ashbyPage()->findChild<QLineEdit*>(QStringLiteral("ashbyApiKeyEdit"));
    keyEdit->selectAll();
    QTest::keyClick(keyEdit, Qt::Key_Delete);
    QTest::keyClicks(keyEdit, m_sandbox.value("ashbyApiKey"));
    QCOMPARE(status->state(), InlineStatus::State::Idle);
    QVERIFY(wizard->button(QWizard::NextButton)->isEnabled());
    clickNext(wizard.get());
    QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(SetupWizard::BobPageId), 15000);
}

void TestSetupWizard::wrongBobToken_inlineError_nextDisabledUntilEdited()
{
    InMemorySecretStore secrets;
    auto wizard = makeWizard(&secrets);
    clickNext(wizard.get());
    fillAshby(wizard.get(), m_sandbox.value("ashbyApiKey"));
    clickNext(wizard.get());
    QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(SetupWizard::BobPageId), 15000);
    fillBob(wizard.get(), QStringLiteral("wrong-token"));
    clickNext(wizard.get());
    InlineStatus* status = wizard->bobPage()->credentials()->status();
    QTRY_COMPARE_WITH_TIMEOUT(status->state(), InlineStatus::State::Error, 15000);
    QVERIFY2(status->text().contains(QStringLiteral("Bob refused the service user ID or token")),
        qPrintable(status->text()));
    QCOMPARE(wizard->currentId(), int(SetupWizard::BobPageId));
    QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
    screenshot(wizard.get(), QStringLiteral("setup-bob-wrongtoken"));

    auto* tokenEdit = wizard->bobPage()->findChild<QLineEdit*>(QStringLiteral("bobTokenEdit"));
    tokenEdit->selectAll();
    QTest::keyClick(tokenEdit, Qt::Key_Delete);
    QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled()); // empty token
    QTest::keyClicks(tokenEdit, m_sandbox.value("bobToken"));
    QVERIFY(wizard->button(QWizard::NextButton)->isEnabled());
    clickNext(wizard.get());
    QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(SetupWizard::RecipientsPageId), 15000);
}

void TestSetupWizard::badHireUrl_inlineError_noRequest()
{
    InMemorySecretStore secrets;
    auto wizard = makeWizard(&secrets);
    clickNext(wizard.get());
    fillAshby(wizard.get(), m_sandbox.value("ashbyApiKey"));
    clickNext(wizard.get());
    QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(SetupWizard::BobPageId), 15000);
    fillBob(wizard.get(), m_sandbox.value("bobToken"), QStringLiteral("http://hire.hibob.example/SERVICE-4711"));
    m_sandbox.post(QStringLiteral("/reset-log"));
    clickNext(wizard.get());
    InlineStatus* status = wizard->bobPage()->credentials()->status();
    QTRY_COMPARE_WITH_TIMEOUT(status->state(), InlineStatus::State::Error, 5000);
    QVERIFY2(status->text().contains(QStringLiteral("https://")), qPrintable(status->text()));
    QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
    QCOMPARE(m_sandbox.requests().size(), 0);
}

void TestSetupWizard::keychainUnavailable_bannerSignal_secretInMemoryOnly()
{
    InMemorySecretStore keychain;
    keychain.setBehaviour(InMemorySecretStore::Behaviour::Unavailable);
    FallbackSecretStore secrets(&keychain);
    QSignalSpy unavailable(&secrets, &FallbackSecretStore::keychainUnavailable);
    auto wizard = makeWizard(&secrets);
    walkToSummary(wizard.get());
    QTest::mouseClick(wizard->button(QWizard::FinishButton), Qt::LeftButton);
    InlineStatus* status = wizard->summaryPage()->saveStatus();
    QTRY_COMPARE_WITH_TIMEOUT(status->state(), InlineStatus::State::Warning, 5000);
    QCOMPARE(unavailable.count(), 1);
    QVERIFY(status->text().contains(QStringLiteral("only until Hirebridge quits")));
    // The admin reads the warning; the wizard waits for one more Finish.
    QVERIFY(wizard->isVisible());
    auto* summary = wizard->summaryPage()->findChild<QLabel*>(QStringLiteral("summaryLabel"));
    QVERIFY(summary->text().contains(QStringLiteral("memory only")));
    screenshot(wizard.get(), QStringLiteral("setup-summary-keychainunavailable"));
    QTest::mouseClick(wizard->button(QWizard::FinishButton), Qt::LeftButton);
    QTRY_VERIFY(!wizard->isVisible());
    QCOMPARE(wizard->result(), int(QDialog::Accepted));

    // Kept in memory for this run; never in the keychain, never in the settings file.
    QVERIFY(keychain.value(QStringLiteral("bob/token")).isNull());
    QVERIFY(secrets.isInMemoryOnly(QStringLiteral("bob/token")));
    bool read = false;
    secrets.read(QStringLiteral("bob/token"), [&](const SecretStore::Result& r) {
        read = true;
        QCOMPARE(r.value, m_sandbox.value("bobToken"));
    });
    QTRY_VERIFY(read);
    const QString text = settingsFileText();
    QVERIFY(!text.isEmpty());
    QVERIFY(!text.contains(m_sandbox.value("bobToken")));
    QVERIFY(!text.contains(m_sandbox.value("ashbyApiKey")));
}

void TestSetupWizard::settingsDialog_tabs_checkAndSave()
{
    InMemorySecretStore secrets;
    SetupDraft draft = SetupDraft::fromSettings(QSettings());
    draft.config.ashby.baseUrl = QUrl(m_sandbox.value("ashby"));
    draft.config.ashby.apiKey = m_sandbox.value("ashbyApiKey");
    draft.config.bob.apiUrl = QUrl(m_sandbox.value("bob"));
    draft.config.bob.hireUrl = QUrl(m_sandbox.value("bobHireUrl"));
    draft.config.bob.serviceUserId = m_sandbox.value("bobServiceUserId");
    draft.config.bob.token = m_sandbox.value("bobToken");
    draft.adminEmail = m_adminEmail;
    Recipient admin;
    admin.name = QStringLiteral("Ingrid Berg");
    admin.email = m_adminEmail;
    admin.source = Recipient::Source::SetupAdmin;
    draft.recipients = {admin};
    SettingsDialog dialog(draft, m_http.get(), &secrets);
    dialog.resize(800, 600);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));

    dialog.showTab(SettingsDialog::AshbyTab);
    QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("ashbyCheckButton")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(dialog.ashbyWidget()->status()->state(), InlineStatus::State::Ok, 15000);
    screenshot(&dialog, QStringLiteral("settings-ashby"));

    dialog.showTab(SettingsDialog::BobTab);
    QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("bobCheckButton")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(dialog.bobWidget()->status()->state(), InlineStatus::State::Ok, 15000);
    screenshot(&dialog, QStringLiteral("settings-bob"));

    dialog.showTab(SettingsDialog::NotificationsTab);
    auto* host = dialog.findChild<QLineEdit*>(QStringLiteral("smtpHostEdit"));
    QTest::keyClicks(host, QStringLiteral("smtp.nordlicht.example"));
    QTest::keyClicks(dialog.findChild<QLineEdit*>(QStringLiteral("smtpFromAddressEdit")),
        QStringLiteral("hirebridge@nordlicht.example"));
    QTest::keyClicks(dialog.findChild<QLineEdit*>(QStringLiteral("smtpPasswordEdit")), QStringLiteral("smtp-pw-42"));
    screenshot(&dialog, QStringLiteral("settings-notifications"));

    QSignalSpy saved(&dialog, &SettingsDialog::saved);
    QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("okButton")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, 5000);
    QTRY_VERIFY(!dialog.isVisible());
    QCOMPARE(secrets.value(QStringLiteral("smtp/password")), QStringLiteral("smtp-pw-42"));
    const QString text = settingsFileText();
    QVERIFY(text.contains(QStringLiteral("smtp.nordlicht.example")));
    QVERIFY(!text.contains(QStringLiteral("smtp-pw-42")));
    QVERIFY(!SetupDraft::isSetupComplete(QSettings())); // Settings alone does not finish the setup
}

namespace {

QWidget* focused()
{
    return QApplication::focusWidget();
}

void typeAndReturn(const QString& text)
{
    QWidget* field = focused();
    QVERIFY(field);
    QTest::keyClicks(field, text);
    QTest::keyClick(field, Qt::Key_Return);
}

} // namespace

void TestSetupWizard::keyboardOnly_returnOnEveryPageGoesForward()
{
    // The sandbox's addresses are known settings (as a re-run of the setup would have them); everything else is
    // typed, and each page is left with Return.
    QSettings settings;
    settings.setValue(QString::fromLatin1(SettingsKey::AshbyUrl), m_sandbox.value("ashby"));
    settings.setValue(QString::fromLatin1(SettingsKey::BobApiUrl), m_sandbox.value("bob"));
    settings.sync();
    InMemorySecretStore secrets;
    auto wizard = makeWizard(&secrets);
    QSignalSpy demoSpy(wizard.get(), &SetupWizard::demoRequested);
    QApplication::setActiveWindow(wizard.get());

    // Welcome: Return is Next, not "Try with demo data".
    QCOMPARE(wizard->currentId(), int(SetupWizard::WelcomePageId));
    QCOMPARE(focused(), wizard->button(QWizard::NextButton));
    QTest::keyClick(focused(), Qt::Key_Return);
    QCOMPARE(demoSpy.count(), 0);
    QCOMPARE(wizard->currentId(), int(SetupWizard::AshbyPageId));

    // Ashby: the cursor is in the key field.
    QCOMPARE(focused()->objectName(), QStringLiteral("ashbyApiKeyEdit"));
    typeAndReturn(m_sandbox.value("ashbyApiKey"));
    QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(SetupWizard::BobPageId), 15000);

    // Bob: service user ID, then Tab to the token and the Hire URL.
    QCOMPARE(focused()->objectName(), QStringLiteral("bobServiceUserIdEdit"));
    QTest::keyClicks(focused(), m_sandbox.value("bobServiceUserId"));
    QTest::keyClick(focused(), Qt::Key_Tab);
    QCOMPARE(focused()->objectName(), QStringLiteral("bobTokenEdit"));
    QTest::keyClicks(focused(), m_sandbox.value("bobToken"));
    for (int i = 0; i < 4 && focused()->objectName() != QLatin1String("bobHireUrlEdit"); ++i) {
        QTest::keyClick(focused(), Qt::Key_Tab); // past the token's Show button
    }
    QCOMPARE(focused()->objectName(), QStringLiteral("bobHireUrlEdit"));
    typeAndReturn(m_sandbox.value("bobHireUrl"));
    QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(SetupWizard::RecipientsPageId), 15000);

    // Recipients: the admin's e-mail.
    QCOMPARE(focused()->objectName(), QStringLiteral("adminEmailEdit"));
    QTest::keyClicks(focused(), m_adminEmail);
    QTRY_VERIFY_WITH_TIMEOUT(wizard->recipientsPage()->isDirectoryLoaded(), 15000);
    QTRY_VERIFY(wizard->button(QWizard::NextButton)->isEnabled());
    QTest::keyClick(focused(), Qt::Key_Return);
    QTRY_COMPARE(wizard->currentId(), int(SetupWizard::TestCandidatePageId));

    // The test candidate is optional: Return goes on.
    QTest::keyClick(focused(), Qt::Key_Return);
    QTRY_COMPARE(wizard->currentId(), int(SetupWizard::SummaryPageId));

    // Summary: Return is Finish and saves.
    QSignalSpy savedSpy(wizard.get(), &SetupWizard::saved);
    QTest::keyClick(focused(), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(savedSpy.count(), 1, 15000);
    QTRY_VERIFY(!wizard->isVisible());
    QCOMPARE(wizard->result(), int(QDialog::Accepted));
}

void TestSetupWizard::bobGuide_followsBobsProcedureStepByStep()
{
    // Bob's procedure for a Hire API integration with a service user (issue #10), kept here in its order.
    const QStringList procedure {
        QStringLiteral("In Bob, open System settings (the menu icon, top left) → Integrations and search for Hire "
                       "API."),
        QStringLiteral("Click Manage, then Add integration, and name it, for example \"hirebridge\"."),
        QStringLiteral("For authentication choose Service user, and enter a service user name and a display name."),
        QStringLiteral("Click Generate token. Before you close, copy the service user ID, the token and the API URL "
                       "into the fields on the left (the API URL under Advanced, only if it is not "
                       "https://api.hibob.com)."),
        QStringLiteral("Click Done, then copy the integration's Hire URL into Hire API URL."),
        QStringLiteral("Give the service user's permission group read access to people (Basic info and Work, for all "
                       "employees including the status Hired): Hirebridge uses it to avoid adding someone twice."),
        QStringLiteral("Press Next: Hirebridge checks the connection. It sends nothing to Bob yet."),
    };
    QStringList shown;
    for (const QString& step : BobCredentialsWidget::guideSteps(true)) {
        QTextDocument text;
        text.setHtml(step);
        shown << text.toPlainText();
    }
    QCOMPARE(shown, procedure);
    QVERIFY(
        BobCredentialsWidget::guideSteps(false).constLast().startsWith(QStringLiteral("Press <b>Check connection")));

    // The wizard's page shows them, and direct mode adds its own short list.
    InMemorySecretStore secrets;
    auto wizard = makeWizard(&secrets);
    clickNext(wizard.get());
    fillAshby(wizard.get(), m_sandbox.value("ashbyApiKey"));
    clickNext(wizard.get());
    QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(SetupWizard::BobPageId), 15000);
    auto* guide = wizard->bobPage()->findChild<GuidePanel*>();
    QVERIFY(guide);
    QTextDocument last;
    last.setHtml(BobCredentialsWidget::guideSteps(true).constLast());
    QVERIFY(guide->plainText().contains(last.toPlainText()));
    QVERIFY(!guide->plainText().contains(QStringLiteral("Direct mode only")));
    QTest::mouseClick(
        wizard->bobPage()->findChild<QRadioButton*>(QStringLiteral("bobModeDirectRadio")), Qt::LeftButton);
    QVERIFY(guide->plainText().contains(QStringLiteral("Direct mode only")));
    MessageBox::setNextAnswer(QMessageBox::Discard); // the typed key is not saved
}

void TestSetupWizard::guide_at800x600_scrollsToItsLastLine()
{
    InMemorySecretStore secrets;
    auto wizard = makeWizard(&secrets); // 800 x 600
    clickNext(wizard.get());
    fillAshby(wizard.get(), m_sandbox.value("ashbyApiKey"));
    clickNext(wizard.get());
    QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(SetupWizard::BobPageId), 15000);
    QTest::mouseClick(
        wizard->bobPage()->findChild<QRadioButton*>(QStringLiteral("bobModeDirectRadio")), Qt::LeftButton);
    QApplication::processEvents();
    auto* guide = wizard->bobPage()->findChild<GuidePanel*>();
    QVERIFY(guide && guide->isVisible());
    QScrollArea* scroll = guide->scrollArea();
    QWidget* content = scroll->widget();
    // Whatever does not fit can be scrolled to: the scroll range covers the whole text.
    QTRY_COMPARE(scroll->verticalScrollBar()->maximum(), qMax(0, content->height() - scroll->viewport()->height()));
    auto* warning = content->findChild<QLabel*>(QStringLiteral("guideWarning"));
    QVERIFY(warning);
    QVERIFY(warning->heightForWidth(warning->width()) <= warning->height()); // laid out in full, not cut
    scroll->ensureWidgetVisible(warning, 0, 0);
    QApplication::processEvents();
    const QPoint bottom = warning->mapTo(scroll->viewport(), QPoint(0, warning->height()));
    QVERIFY2(bottom.y() <= scroll->viewport()->height(),
        qPrintable(QStringLiteral("%1 > %2").arg(bottom.y()).arg(scroll->viewport()->height())));
    screenshot(wizard.get(), QStringLiteral("setup-bob-direct"));
    MessageBox::setNextAnswer(QMessageBox::Discard);
}

// The app as a new admin first sees it: started with empty settings, no secrets, saying "not set up yet".
struct NotSetUpApp
{
    InMemorySecretStore secrets;
    MainWindow window {QStringList {QStringLiteral("bob")}};
    AppController controller {&window, &secrets};
    ErrorBanner* banner = nullptr;

    NotSetUpApp()
    {
        window.resize(1000, 700);
        window.show();
        controller.startWithSettings();
        banner = window.findChild<ErrorBanner*>(QStringLiteral("errorBanner"));
    }
};

void TestSetupWizard::finishingSetup_inTheApp_takesEffectAtOnce()
{
    NotSetUpApp app;
    MainWindow& window = app.window;
    AppController& controller = app.controller;
    ErrorBanner* banner = app.banner;
    QVERIFY(banner);
    QTRY_VERIFY(banner->isVisible());
    QVERIFY2(banner->text().contains(QStringLiteral("not set up yet")), qPrintable(banner->text()));

    controller.runSetup();
    SetupWizard* wizard = nullptr;
    QTRY_VERIFY((wizard = window.findChild<SetupWizard*>()) != nullptr);
    QTRY_VERIFY(wizard->isVisible());
    walkToSummary(wizard);
    QTest::mouseClick(wizard->button(QWizard::FinishButton), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!window.findChild<SetupWizard*>(), 15000); // accepted, saved, closed
    // The configuration was read again at once: no "not set up yet" after Finish, no restart needed.
    QTRY_VERIFY(!banner->isVisible());
    QVERIFY(!window.isDemo());
}

void TestSetupWizard::demo_fromTheWelcomePage_saysItIsTheDemo()
{
    // A new admin without accounts: "not set up yet", then the demo from the wizard's Welcome page.
    NotSetUpApp app;
    MainWindow& window = app.window;
    AppController& controller = app.controller;
    ErrorBanner* banner = app.banner;
    QTRY_VERIFY(banner->isVisible());
    auto* demoBanner = window.findChild<ErrorBanner*>(QStringLiteral("demoBanner"));
    QVERIFY(demoBanner);
    QVERIFY(!demoBanner->isVisible());
    QCOMPARE(window.windowTitle(), QStringLiteral("Hirebridge"));

    controller.startDemo(m_sandbox.info()); // what DemoSandbox hands over once its sandbox runs
    QVERIFY(window.isDemo());
    QVERIFY2(window.windowTitle().contains(QStringLiteral("demo")), qPrintable(window.windowTitle()));
    QVERIFY(demoBanner->isVisible());
    QVERIFY(demoBanner->text().startsWith(QStringLiteral("Demo data")));
    QVERIFY(!banner->isVisible()); // "not set up yet" is about the real profile
    auto* view = window.findChild<QTableView*>(QStringLiteral("hiresView"));
    QVERIFY(view);
    QTRY_VERIFY2_WITH_TIMEOUT(view->model()->rowCount() > 0, qPrintable(banner->text()), 30000); // its first sync
    // The details pane previews what a push sends, documents included (Bob's Hire API carries their links).
    std::optional<Hire> withFiles;
    for (const Hire& hire : controller.ledger()->hires()) {
        if (hire.files.size() >= 2) {
            withFiles = hire;
            break;
        }
    }
    QVERIFY(withFiles);
    const HireDetails details = controller.details(withFiles->applicationId);
    const QJsonArray documents
        = details.payloads.value(QStringLiteral("bob")).value(QStringLiteral("documents")).toArray();
    QCOMPARE(documents.size(), withFiles->files.size());
    for (qsizetype i = 0; i < documents.size(); ++i) {
        QCOMPARE(documents.at(i).toObject().value(QStringLiteral("name")).toString(), withFiles->files.at(i).name);
        QCOMPARE(documents.at(i).toObject().value(QStringLiteral("kind")).toString(), withFiles->files.at(i).kind);
    }
    const QString path = QDir(m_screenshotDir).filePath(QStringLiteral("demo-window.png"));
    QVERIFY(window.grab().save(path));
}

void TestSetupWizard::keychainUnavailable_firstPagesSayForThisRunOnly()
{
    InMemorySecretStore keychain;
    keychain.setBehaviour(InMemorySecretStore::Behaviour::Unavailable);
    FallbackSecretStore secrets(&keychain);
    // The app reads its secrets before it opens the setup: that is when it learns there is no keychain.
    bool read = false;
    secrets.read(QStringLiteral("ashby/apiKey"), [&read](const SecretStore::Result&) { read = true; });
    QTRY_VERIFY(read);
    QVERIFY(secrets.isKeychainUnavailable());
    auto wizard = makeWizard(&secrets);
    auto* storage = wizard->welcomePage()->findChild<QLabel*>(QStringLiteral("welcomeStorageLabel"));
    QVERIFY(storage);
    QVERIFY2(storage->text().contains(QStringLiteral("no system keychain")), qPrintable(storage->text()));
    QVERIFY(!storage->text().contains(QStringLiteral("kept in your system keychain")));
    clickNext(wizard.get());
    auto* hint = wizard->ashbyPage()->findChild<QLabel*>(QStringLiteral("ashbyKeyStorageHint"));
    QVERIFY(hint);
    QVERIFY2(hint->text().contains(QStringLiteral("only until Hirebridge quits")), qPrintable(hint->text()));

    // With a keychain the same pages promise it.
    InMemorySecretStore working;
    FallbackSecretStore fine(&working);
    auto other = makeWizard(&fine);
    QVERIFY(other->welcomePage()
                ->findChild<QLabel*>(QStringLiteral("welcomeStorageLabel"))
                ->text()
                .contains(QStringLiteral("kept in your system keychain")));
}

void TestSetupWizard::cancel_withTypedToken_asksBeforeDiscarding()
{
    InMemorySecretStore secrets;
    {
        // Nothing secret typed: Cancel closes without asking (the hook would keep it open if it were asked).
        auto untouched = makeWizard(&secrets);
        MessageBox::setNextAnswer(QMessageBox::Cancel);
        QTest::mouseClick(untouched->button(QWizard::CancelButton), Qt::LeftButton);
        QVERIFY(!untouched->isVisible());
        MessageBox::setNextAnswer(QMessageBox::NoButton);
    }
    auto wizard = makeWizard(&secrets);
    clickNext(wizard.get());
    fillAshby(wizard.get(), m_sandbox.value("ashbyApiKey"));
    MessageBox::setNextAnswer(QMessageBox::Cancel);
    QTest::mouseClick(wizard->button(QWizard::CancelButton), Qt::LeftButton);
    QVERIFY(wizard->isVisible()); // asked, and the admin kept what was typed
    MessageBox::setNextAnswer(QMessageBox::Discard);
    QTest::keyClick(wizard.get(), Qt::Key_Escape); // Escape asks as well; this time the admin discards
    QVERIFY(!wizard->isVisible());
}

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    app.setOrganizationName(QStringLiteral("HirebridgeTest"));
    app.setApplicationName(QStringLiteral("Hirebridge"));
    TestSetupWizard test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_setupwizard.moc"
