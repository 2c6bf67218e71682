#include "app/AppController.h"
#include "app/DemoSandbox.h"
#include "http/Redaction.h"
#include "main/MainWindow.h"
#include "secrets/InMemorySecretStore.h"
#include "secrets/KeychainSecretStore.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
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
    parser.addOption(demo);
    parser.process(app);

    MainWindow window(QStringList {QStringLiteral("bob")});
    window.resize(1180, 720);
    window.show();

    if (parser.isSet(demo)) {
        // The demo never touches the user's keychain: a locked login keyring would raise an unlock prompt.
        auto* secrets = new InMemorySecretStore(&app);
        auto* controller = new AppController(&window, secrets, &app);
        auto* sandbox = new DemoSandbox(&app);
        window.setBusy(true, QApplication::translate("main", "Starting the demo sandbox…"));
        // Order matters: clear the start-up busy state before the controller starts its first sync.
        QObject::connect(sandbox, &DemoSandbox::ready, &window, [&window]() { window.setBusy(false, QString()); });
        QObject::connect(sandbox, &DemoSandbox::failed, &window, [&window](const QString& message) {
            window.setBusy(false, QString());
            window.showError(message);
        });
        QObject::connect(sandbox, &DemoSandbox::ready, controller, &AppController::startDemo);
        sandbox->start();
    } else {
        auto* secrets = new KeychainSecretStore(QStringLiteral(HIREBRIDGE_APP_ID), &app);
        auto* controller = new AppController(&window, secrets, &app);
        controller->startWithSettings();
    }
    return QApplication::exec();
}
