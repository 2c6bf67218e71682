#include "app/AppController.h"
#include "http/Redaction.h"
#include "main/MainWindow.h"
#include "secrets/FallbackSecretStore.h"
#include "secrets/InMemorySecretStore.h"
#include "secrets/KeychainSecretStore.h"
#include "setup/SetupDraft.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLocale>
#include <QProcessEnvironment>
#include <QSettings>
#include <QTranslator>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Hirebridge"));
    QApplication::setApplicationName(QStringLiteral("Hirebridge"));
    QApplication::setApplicationDisplayName(QStringLiteral("Hirebridge"));
    QApplication::setApplicationVersion(QStringLiteral(HIREBRIDGE_VERSION));
    QApplication::setDesktopFileName(QStringLiteral(HIREBRIDGE_APP_ID));
    Redaction::installMessageHandler();

    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("hirebridge"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        QApplication::installTranslator(&translator);
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Moves hired candidates from Ashby into HiBob."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demo(
        QStringLiteral("demo"), QApplication::translate("main", "Open on the built-in sandbox with demo data."));
    const QCommandLineOption setup(QStringLiteral("setup"), QApplication::translate("main", "Run the setup wizard."));
    parser.addOption(demo);
    parser.addOption(setup);
    parser.process(app);

    MainWindow window(QStringList {QStringLiteral("bob")});
    window.resize(1180, 720);
    window.show();

    if (parser.isSet(demo)) {
        // The demo never touches the user's keychain: a locked login keyring would raise an unlock prompt.
        auto* secrets = new InMemorySecretStore(&app);
        auto* controller = new AppController(&window, secrets, &app);
        controller->startDemoSandbox();
        return QApplication::exec();
    }

    // Secrets go to the keychain; when it refuses, they are kept for this run only, and the window says so.
    auto* keychain = new KeychainSecretStore(QStringLiteral(HIREBRIDGE_APP_ID), &app);
    auto* secrets = new FallbackSecretStore(keychain, &app);
    QObject::connect(secrets, &FallbackSecretStore::keychainUnavailable, &window, [&window](const QString& reason) {
        window.showKeychainWarning(QApplication::translate("main",
            "The system keychain is unavailable (%1). Secrets are kept in memory "
            "for this run only and never written to disk; you will be asked again "
            "next time.")
                                       .arg(reason));
    });
    auto* controller = new AppController(&window, secrets, &app);
    const auto env = QProcessEnvironment::systemEnvironment();
    const bool fromEnvironment = env.contains(QStringLiteral("HIREBRIDGE_ASHBY_API_KEY"))
        || env.contains(QStringLiteral("HIREBRIDGE_BOB_TOKEN"));
    QSettings settings;
    controller->startWithSettings();
    if (parser.isSet(setup) || (!SetupDraft::isSetupComplete(settings) && !fromEnvironment)) {
        controller->runSetup();
    }
    return QApplication::exec();
}
