#include "Cli.h"
#include "http/Redaction.h"

#include <QCoreApplication>
#include <QTimer>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Hirebridge"));
    QCoreApplication::setApplicationName(QStringLiteral("Hirebridge"));
    QCoreApplication::setApplicationVersion(QStringLiteral(HIREBRIDGE_VERSION));
    Redaction::installMessageHandler();

    Cli cli;
    const QStringList arguments = QCoreApplication::arguments();
    QTimer::singleShot(0, &cli, [&cli, arguments]() { cli.run(arguments); });
    return QCoreApplication::exec();
}
