#include "DemoSandbox.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QProcessEnvironment>
#include <QTimer>

DemoSandbox::DemoSandbox(QObject* parent)
    : QObject(parent)
{
    connect(&m_process, &QProcess::readyReadStandardOutput, this, &DemoSandbox::onReadyRead);
    connect(&m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError) {
        if (!m_reported) {
            m_reported = true;
            Q_EMIT failed(tr("The demo sandbox could not be started: %1").arg(m_process.errorString()));
        }
    });
    connect(&m_process, &QProcess::finished, this, [this](int code, QProcess::ExitStatus) {
        if (!m_reported) {
            m_reported = true;
            Q_EMIT failed(tr("The demo sandbox stopped at start-up (exit code %1): %2")
                              .arg(code)
                              .arg(QString::fromUtf8(m_process.readAllStandardError()).trimmed()));
        }
    });
}

DemoSandbox::~DemoSandbox()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.closeWriteChannel();
        m_process.terminate();
        if (!m_process.waitForFinished(2000)) {
            m_process.kill();
            m_process.waitForFinished(1000);
        }
    }
}

QString DemoSandbox::findExecutable()
{
    const QString fromEnv = QProcessEnvironment::systemEnvironment().value(QStringLiteral("HIREBRIDGE_SANDBOX_BIN"));
    if (!fromEnv.isEmpty() && QFileInfo(fromEnv).isExecutable()) {
        return fromEnv;
    }
    const QDir dir(QCoreApplication::applicationDirPath());
    // Installed next to the app, in libexec, or in the build tree (app/gui → tests/sandbox).
    for (const auto& candidate :
        {QStringLiteral("hirebridge-sandbox"), QStringLiteral("../libexec/hirebridge/hirebridge-sandbox"),
            QStringLiteral("../../tests/sandbox/hirebridge-sandbox")}) {
        const QString path = QDir::cleanPath(dir.absoluteFilePath(candidate));
        if (QFileInfo(path).isExecutable()) {
            return path;
        }
    }
    return {};
}

void DemoSandbox::start()
{
    const QString program = findExecutable();
    if (program.isEmpty()) {
        m_reported = true;
        QTimer::singleShot(0, this, [this]() {
            Q_EMIT failed(tr("The demo sandbox (hirebridge-sandbox) was not found next to the application."));
        });
        return;
    }
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    // Its request log is not read: discarded, rather than buffered in this process for the whole session.
    m_process.setStandardErrorFile(QProcess::nullDevice());
    m_process.start(
        program, {QStringLiteral("--exit-on-stdin-close"), QStringLiteral("--latency-ms"), QStringLiteral("60")});
}

void DemoSandbox::onReadyRead()
{
    m_buffer += m_process.readAllStandardOutput();
    const auto newline = m_buffer.indexOf('\n');
    if (newline < 0 || m_reported) {
        return;
    }
    m_reported = true;
    const auto doc = QJsonDocument::fromJson(m_buffer.left(newline));
    if (!doc.isObject()) {
        Q_EMIT failed(tr("The demo sandbox printed an unreadable start-up line."));
        return;
    }
    Q_EMIT ready(doc.object());
}
