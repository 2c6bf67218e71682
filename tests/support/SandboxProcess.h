#pragma once

// Test helpers: start hirebridge-sandbox and run hirebridge-cli against it. Header-only so every test binary can
// use them without another library.

#include <QByteArray>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QTimer>

#include <memory>

class SandboxProcess
{
public:
    ~SandboxProcess() { stop(); }

    // Starts the sandbox and waits (bounded) for its JSON line. Returns false with *error on failure.
    bool start(const QStringList& arguments = {}, QString* error = nullptr)
    {
        const QString bin = QProcessEnvironment::systemEnvironment().value(QStringLiteral("HIREBRIDGE_SANDBOX_BIN"));
        if (bin.isEmpty()) {
            if (error) {
                *error = QStringLiteral("HIREBRIDGE_SANDBOX_BIN is not set");
            }
            return false;
        }
        m_process.setProgram(bin);
        m_process.setArguments(QStringList {QStringLiteral("--exit-on-stdin-close")} + arguments);
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        // The sandbox logs every request to stderr. A pipe nobody drains while a test waits on the CLI fills up
        // (64 KB), and the sandbox then blocks on its next log line and answers nothing: its log goes to a file.
        m_log
            = std::make_unique<QTemporaryFile>(QDir::temp().filePath(QStringLiteral("hirebridge-sandbox-XXXXXX.log")));
        if (m_log->open()) {
            m_log->close();
            m_process.setStandardErrorFile(m_log->fileName());
        } else {
            m_process.setStandardErrorFile(QProcess::nullDevice());
        }
        m_process.start();
        if (!m_process.waitForStarted(10000)) {
            if (error) {
                *error = m_process.errorString();
            }
            return false;
        }
        QElapsedTimer timer;
        timer.start();
        QByteArray buffer;
        while (!buffer.contains('\n') && timer.elapsed() < 15000) {
            if (!m_process.waitForReadyRead(500) && m_process.state() == QProcess::NotRunning) {
                break;
            }
            buffer += m_process.readAllStandardOutput();
        }
        const auto doc = QJsonDocument::fromJson(buffer.left(buffer.indexOf('\n')));
        if (!doc.isObject()) {
            if (error) {
                *error = QStringLiteral("no JSON start-up line from the sandbox: %1 / %2")
                             .arg(QString::fromUtf8(buffer), QString::fromUtf8(logTail()));
            }
            return false;
        }
        m_info = doc.object();
        return true;
    }

    void stop()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.closeWriteChannel();
            m_process.terminate();
            if (!m_process.waitForFinished(3000)) {
                m_process.kill();
                m_process.waitForFinished(2000);
            }
        }
    }

    QString value(const char* key) const { return m_info.value(QString::fromLatin1(key)).toString(); }
    // The end of what the sandbox logged (its stderr), for a failure message.
    QByteArray logTail(qsizetype bytes = 20000) const
    {
        if (!m_log) {
            return {};
        }
        QFile file(m_log->fileName());
        return file.open(QIODevice::ReadOnly) ? file.readAll().right(bytes) : QByteArray();
    }
    QJsonObject info() const { return m_info; }

    // The environment that points hirebridge-cli at this sandbox.
    QProcessEnvironment cliEnvironment(const QString& dataDir) const
    {
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HIREBRIDGE_DATA_DIR"), dataDir);
        env.insert(QStringLiteral("HIREBRIDGE_ASHBY_URL"), value("ashby"));
        env.insert(QStringLiteral("HIREBRIDGE_ASHBY_API_KEY"), value("ashbyApiKey"));
        env.insert(QStringLiteral("HIREBRIDGE_BOB_API_URL"), value("bob"));
        env.insert(QStringLiteral("HIREBRIDGE_BOB_HIRE_URL"), value("bobHireUrl"));
        env.insert(QStringLiteral("HIREBRIDGE_BOB_SERVICE_USER_ID"), value("bobServiceUserId"));
        env.insert(QStringLiteral("HIREBRIDGE_BOB_TOKEN"), value("bobToken"));
        // Settings must not leak in from the developer's own profile.
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), dataDir + QStringLiteral("/config"));
        return env;
    }

    // cliEnvironment() plus the fake BambooHR and Personio, for runs that push to every target. Kept apart so the
    // tests that only know Bob do not start seeing two more configured targets.
    QProcessEnvironment cliEnvironmentAllTargets(const QString& dataDir) const
    {
        auto env = cliEnvironment(dataDir);
        env.insert(QStringLiteral("HIREBRIDGE_BAMBOOHR_URL"), value("bamboohr"));
        env.insert(QStringLiteral("HIREBRIDGE_BAMBOOHR_API_KEY"), value("bamboohrApiKey"));
        env.insert(QStringLiteral("HIREBRIDGE_PERSONIO_URL"), value("personio"));
        env.insert(QStringLiteral("HIREBRIDGE_PERSONIO_CLIENT_ID"), value("personioClientId"));
        env.insert(QStringLiteral("HIREBRIDGE_PERSONIO_CLIENT_SECRET"), value("personioClientSecret"));
        return env;
    }

    // Control / inspection requests (bounded wait).
    QByteArray get(const QString& path) { return request("GET", path, {}); }
    QByteArray post(const QString& path, const QJsonObject& body = {})
    {
        return request("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact));
    }
    QJsonArray receivedHires() { return QJsonDocument::fromJson(get(QStringLiteral("/bob/hires"))).array(); }
    QJsonArray requests() { return QJsonDocument::fromJson(get(QStringLiteral("/requests"))).array(); }
    // What the HRIS fakes received (see the sandbox's main.cpp for the shapes).
    QJsonArray bobPeople() { return QJsonDocument::fromJson(get(QStringLiteral("/bob/people"))).array(); }
    QJsonArray bobDocuments() { return QJsonDocument::fromJson(get(QStringLiteral("/bob/documents"))).array(); }
    QJsonArray bamboohrEmployees()
    {
        return QJsonDocument::fromJson(get(QStringLiteral("/bamboohr/employees"))).array();
    }
    QJsonArray bamboohrFiles() { return QJsonDocument::fromJson(get(QStringLiteral("/bamboohr/files"))).array(); }
    QJsonArray personioEmployees()
    {
        return QJsonDocument::fromJson(get(QStringLiteral("/personio/employees"))).array();
    }
    QJsonArray personioDocuments()
    {
        return QJsonDocument::fromJson(get(QStringLiteral("/personio/documents"))).array();
    }

    // Calls the fake Ashby (RPC) and the fake Bob (GET) directly, with the sandbox's credentials.
    QJsonObject ashby(const QString& endpoint, const QJsonObject& body = {})
    {
        const QByteArray auth = "Basic " + (value("ashbyApiKey") + QStringLiteral(":")).toUtf8().toBase64();
        return QJsonDocument::fromJson(request("POST", QString(), QJsonDocument(body).toJson(QJsonDocument::Compact),
                                           QUrl(value("ashby") + QStringLiteral("/") + endpoint), auth))
            .object();
    }
    QJsonDocument bobGet(const QString& path)
    {
        const QByteArray auth
            = "Basic " + (value("bobServiceUserId") + QStringLiteral(":") + value("bobToken")).toUtf8().toBase64();
        return QJsonDocument::fromJson(request("GET", QString(), {}, QUrl(value("bob") + path), auth));
    }

    // Calls the fake BambooHR (GET, path after the API base, e.g. "/v1/meta/fields") with its API key.
    QJsonDocument bamboohrGet(const QString& path)
    {
        const QByteArray auth = "Basic " + (value("bamboohrApiKey") + QStringLiteral(":x")).toUtf8().toBase64();
        return QJsonDocument::fromJson(request("GET", QString(), {}, QUrl(value("bamboohr") + path), auth));
    }
    // A bearer token from the fake Personio's /v1/auth (the same one for 24 h), empty on failure.
    QString personioToken()
    {
        const QJsonObject credentials {
            {QStringLiteral("client_id"), value("personioClientId")},
            {QStringLiteral("client_secret"), value("personioClientSecret")},
        };
        const QJsonObject answer = QJsonDocument::fromJson(
            request("POST", QString(), QJsonDocument(credentials).toJson(QJsonDocument::Compact),
                QUrl(value("personio") + QStringLiteral("/v1/auth"))))
                                       .object();
        return answer.value(QStringLiteral("data")).toObject().value(QStringLiteral("token")).toString();
    }
    // Calls the fake Personio (GET, e.g. "/v1/company/employees?email=...") with a fresh bearer token.
    QJsonDocument personioGet(const QString& path)
    {
        const QByteArray auth = "Bearer " + personioToken().toUtf8();
        return QJsonDocument::fromJson(request("GET", QString(), {}, QUrl(value("personio") + path), auth));
    }

private:
    QByteArray request(const QByteArray& method, const QString& path, const QByteArray& body, QUrl url = QUrl(),
        const QByteArray& authorization = {})
    {
        QNetworkAccessManager nam;
        QNetworkRequest req(url.isEmpty() ? QUrl(value("control") + path) : url);
        if (!authorization.isEmpty()) {
            req.setRawHeader("Authorization", authorization);
        }
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        // BambooHR answers some routes in XML without it; the other fakes ignore it.
        req.setRawHeader("Accept", "application/json");
        QNetworkReply* reply = nam.sendCustomRequest(req, method, body);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(10000, &loop, &QEventLoop::quit);
        loop.exec();
        const QByteArray data = reply->readAll();
        reply->deleteLater();
        return data;
    }

    QProcess m_process;
    std::unique_ptr<QTemporaryFile> m_log;
    QJsonObject m_info;
};

struct CliResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QJsonDocument json() const { return QJsonDocument::fromJson(out); }
    // Exit code, then the start of stdout and stderr, for a failure message.
    QString describe(qsizetype bytes = 3000) const
    {
        return QStringLiteral("exit %1\nstdout: %2\nstderr: %3")
            .arg(exitCode)
            .arg(QString::fromUtf8(out.left(bytes)), QString::fromUtf8(err.left(bytes)));
    }
};

inline CliResult runCli(const QStringList& arguments, const QProcessEnvironment& env, int timeoutMs = 60000)
{
    CliResult result;
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(QProcessEnvironment::systemEnvironment().value(QStringLiteral("HIREBRIDGE_CLI_BIN")), arguments);
    if (!p.waitForStarted(10000)) {
        result.err = p.errorString().toUtf8();
        return result;
    }
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(2000);
        // What it said until then tells where it was stuck.
        result.out = p.readAllStandardOutput();
        result.err = "timed out after " + QByteArray::number(timeoutMs) + " ms; stderr until then:\n"
            + p.readAllStandardError().right(20000);
        return result;
    }
    result.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    result.out = p.readAllStandardOutput();
    result.err = p.readAllStandardError();
    return result;
}
