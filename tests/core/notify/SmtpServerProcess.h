#pragma once

// Test helper: a real SMTP server on loopback, Debian's python3-aiosmtpd, storing what it receives in a Maildir
// (aiosmtpd.handlers.Mailbox: one file per message in <dir>/new, with X-MailFrom and X-RcptTo headers added).
// Header-only; usable from any test binary (include "SmtpServerProcess.h" from tests/core/notify).

#include "MailFile.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>

class SmtpServerProcess
{
public:
    SmtpServerProcess() = default;
    ~SmtpServerProcess() { stop(); }
    SmtpServerProcess(const SmtpServerProcess&) = delete;
    SmtpServerProcess& operator=(const SmtpServerProcess&) = delete;

    // A port nothing listens on right now (bound to port 0, read, closed).
    static quint16 freePort()
    {
        QTcpServer server;
        if (!server.listen(QHostAddress::LocalHost, 0)) {
            return 0;
        }
        const quint16 port = server.serverPort();
        server.close();
        return port;
    }

    // The interpreter with aiosmtpd: $HIREBRIDGE_SMTP_PYTHON, else Debian's /usr/bin/python3, else python3 on PATH
    // (a pyenv python3 first on PATH usually lacks the Debian package). Empty when none has it.
    static QString python()
    {
        QStringList candidates;
        const QString fromEnv
            = QProcessEnvironment::systemEnvironment().value(QStringLiteral("HIREBRIDGE_SMTP_PYTHON"));
        if (!fromEnv.isEmpty()) {
            candidates.append(fromEnv);
        }
        candidates << QStringLiteral("/usr/bin/python3") << QStringLiteral("python3");
        for (const auto& candidate : std::as_const(candidates)) {
            QProcess probe;
            probe.start(candidate, {QStringLiteral("-c"), QStringLiteral("import aiosmtpd")});
            if (probe.waitForFinished(15000) && probe.exitStatus() == QProcess::NormalExit && probe.exitCode() == 0) {
                return candidate;
            }
            probe.kill();
            probe.waitForFinished(1000);
        }
        return {};
    }

    // Starts `python3 -m aiosmtpd -n -l 127.0.0.1:<port> -c <handler> <maildir>` and waits (bounded) until the port
    // accepts connections. port 0: a free one. `handler` defaults to aiosmtpd.handlers.Mailbox; `pythonPath` is
    // added to PYTHONPATH (for a handler module written by the test).
    bool start(quint16 port = 0, QString* error = nullptr, const QString& handler = {}, const QString& pythonPath = {})
    {
        stop();
        const auto fail = [error](const QString& message) {
            if (error) {
                *error = message;
            }
            return false;
        };
        if (!m_dir.isValid()) {
            return fail(QStringLiteral("no temporary directory"));
        }
        if (m_python.isEmpty()) {
            m_python = python();
        }
        if (m_python.isEmpty()) {
            return fail(QStringLiteral("no python3 with aiosmtpd (install python3-aiosmtpd or set "
                                       "HIREBRIDGE_SMTP_PYTHON)"));
        }
        m_port = port != 0 ? port : freePort();
        if (m_port == 0) {
            return fail(QStringLiteral("no free port"));
        }
        auto env = QProcessEnvironment::systemEnvironment();
        if (!pythonPath.isEmpty()) {
            const QString current = env.value(QStringLiteral("PYTHONPATH"));
            env.insert(
                QStringLiteral("PYTHONPATH"), current.isEmpty() ? pythonPath : pythonPath + QLatin1Char(':') + current);
        }
        m_process.setProcessEnvironment(env);
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start(m_python,
            {QStringLiteral("-m"), QStringLiteral("aiosmtpd"), QStringLiteral("-n"), QStringLiteral("-l"),
                QStringLiteral("127.0.0.1:%1").arg(m_port), QStringLiteral("-c"),
                handler.isEmpty() ? QStringLiteral("aiosmtpd.handlers.Mailbox") : handler, maildir()});
        if (!m_process.waitForStarted(10000)) {
            return fail(QStringLiteral("cannot start %1: %2").arg(m_python, m_process.errorString()));
        }
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 20000) {
            if (m_process.state() == QProcess::NotRunning) {
                return fail(QStringLiteral("aiosmtpd exited: %1").arg(QString::fromUtf8(m_process.readAll())));
            }
            QTcpSocket probe;
            probe.connectToHost(QHostAddress::LocalHost, m_port);
            if (probe.waitForConnected(500)) {
                probe.abort();
                return true;
            }
            QThread::msleep(100);
        }
        stop();
        return fail(QStringLiteral("aiosmtpd did not listen on port %1 within 20 s").arg(m_port));
    }

    void stop()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.terminate();
            if (!m_process.waitForFinished(5000)) {
                m_process.kill();
                m_process.waitForFinished(3000);
            }
        }
    }

    quint16 port() const { return m_port; }
    QString maildir() const { return m_dir.filePath(QStringLiteral("maildir")); }
    QString output() { return QString::fromUtf8(m_process.readAll()); }

    // Every message received so far, oldest first (Maildir file names start with the delivery time).
    QList<MailFile> messages() const
    {
        QList<MailFile> result;
        for (const auto& sub : {QStringLiteral("new"), QStringLiteral("cur")}) {
            QDir dir(QDir(maildir()).filePath(sub));
            const auto files = dir.entryInfoList(QDir::Files, QDir::Time | QDir::Reversed);
            for (const auto& info : files) {
                QFile file(info.absoluteFilePath());
                if (file.open(QIODevice::ReadOnly)) {
                    result.append(MailFile::parse(file.readAll()));
                }
            }
        }
        return result;
    }

    // Waits (bounded) until at least `count` messages are stored: aiosmtpd answers 250 after writing the file, but
    // stay tolerant of slow disks.
    QList<MailFile> waitForMessages(int count, int timeoutMs = 10000) const
    {
        QElapsedTimer timer;
        timer.start();
        auto result = messages();
        while (result.size() < count && timer.elapsed() < timeoutMs) {
            QThread::msleep(50);
            result = messages();
        }
        return result;
    }

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    QString m_python;
    quint16 m_port = 0;
};
