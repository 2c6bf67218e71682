// The malformed-response corpus (tests/data/malformed) end to end: the sandbox answers one request of a real
// hirebridge-cli run with a corpus body (answerOverride), and the run must end with a clear error naming the server,
// without crashing or hanging, and with nothing half-stored: the ledger's hires stay as they were after a bad sync,
// and nobody is created or sent after a bad directory answer.
#include "SandboxProcess.h"

#include <QDir>
#include <QFile>
#include <QTest>

namespace {

QString s(const char* text)
{
    return QString::fromLatin1(text);
}

// The corpus files of one parser that it must refuse (the `valid` controls left out).
QStringList refusedCases(const QString& prefix)
{
    const QDir dir(QStringLiteral(MALFORMED_CORPUS_DIR));
    QStringList files;
    for (const QString& name : dir.entryList({prefix + QStringLiteral("--*")}, QDir::Files, QDir::Name)) {
        if (!name.contains(QLatin1StringView("--valid"))) {
            files << dir.filePath(name);
        }
    }
    return files;
}

// What the admin reads first.
QString firstLine(const QByteArray& text)
{
    return QString::fromUtf8(text).section(QLatin1Char('\n'), 0, 0).left(400);
}

QString lastLine(const QByteArray& text)
{
    return QString::fromUtf8(text).trimmed().section(QLatin1Char('\n'), -1).left(400);
}

QByteArray contentTypeOf(const QString& file)
{
    return file.endsWith(QLatin1StringView(".html")) ? QByteArrayLiteral("text/html")
                                                     : QByteArrayLiteral("application/json");
}

} // namespace

class TestMalformedE2e : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        m_sandbox = std::make_unique<SandboxProcess>();
        QString error;
        QVERIFY2(m_sandbox->start({}, &error), qPrintable(error));
        m_dir = std::make_unique<QTemporaryDir>();
        m_env = m_sandbox->cliEnvironmentAllTargets(m_dir->path() + s("/data"));
        const auto sync = runCli({s("sync")}, m_env);
        QVERIFY2(sync.exitCode == 0, qPrintable(sync.describe()));
        m_hires = runCli({s("hires"), s("--json")}, m_env).out;
        QVERIFY(!m_hires.isEmpty());
        for (const auto& v : QJsonDocument::fromJson(m_hires).array()) {
            const auto o = v.toObject();
            if (m_hireId.isEmpty() && !o.value(s("email")).isNull() && !o.value(s("startDate")).isNull()
                && !o.value(s("email")).toString().startsWith(s("ingrid"), Qt::CaseInsensitive)
                && o.value(s("location")).toString() != QLatin1String("Stockholm")) {
                m_hireId = o.value(s("applicationId")).toString();
            }
        }
        QVERIFY(!m_hireId.isEmpty());
    }
    void cleanupTestCase()
    {
        m_sandbox.reset();
        m_dir.reset();
    }

    // application.list answers with a broken envelope: the sync fails naming Ashby; the hires are as before.
    void ashbyApplicationList_syncFailsAndKeepsTheLedger_data() { corpusRows({s("ashby-envelope"), s("any")}); }
    void ashbyApplicationList_syncFailsAndKeepsTheLedger()
    {
        QFETCH(QString, file);
        answerWith(s("ashby"), QString(), s("/application.list"), file);
        const auto sync = runCli({s("sync")}, m_env);
        m_sandbox->post(s("/faults/reset"));
        QVERIFY2(sync.exitCode == 1, qPrintable(sync.describe()));
        QVERIFY2(sync.err.contains("Ashby"), qPrintable(sync.describe()));
        QCOMPARE(runCli({s("hires"), s("--json")}, m_env).out, m_hires);
        qInfo().noquote() << lastLine(sync.err);
    }

    // The people search that proves a hire is not in Bob yet answers garbage: nothing is sent, the push says why.
    void bobPeopleSearch_pushSendsNothing_data() { corpusRows({s("bob-search"), s("any")}); }
    void bobPeopleSearch_pushSendsNothing()
    {
        QFETCH(QString, file);
        const qsizetype before = m_sandbox->receivedHires().size();
        answerWith(s("bob"), QString(), s("/v1/people/search"), file);
        const auto push = runCli({s("push"), m_hireId, s("--target"), s("bob"), s("--json")}, m_env);
        m_sandbox->post(s("/faults/reset"));
        QVERIFY2(push.exitCode == 1, qPrintable(push.describe()));
        QVERIFY2(push.err.contains("Bob"), qPrintable(push.describe()));
        QCOMPARE(m_sandbox->receivedHires().size(), before);
        QVERIFY(!push.json().object().value(s("results")).toArray().at(0).toObject().value(s("sent")).toBool());
        qInfo().noquote() << firstLine(push.err);
    }

    // BambooHR's employee list (the duplicate check) answers garbage: nobody is created.
    void bambooHrEmployees_pushCreatesNobody_data() { corpusRows({s("bamboohr-employees")}); }
    void bambooHrEmployees_pushCreatesNobody()
    {
        QFETCH(QString, file);
        const qsizetype before = m_sandbox->bamboohrEmployees().size();
        answerWith(s("bamboohr"), s("GET"), s("/v1/employees"), file);
        const auto push = runCli({s("push"), m_hireId, s("--target"), s("bamboohr"), s("--json")}, m_env);
        m_sandbox->post(s("/faults/reset"));
        QVERIFY2(push.exitCode == 1, qPrintable(push.describe()));
        QVERIFY2(push.err.contains("BambooHR"), qPrintable(push.describe()));
        QCOMPARE(m_sandbox->bamboohrEmployees().size(), before);
        qInfo().noquote() << firstLine(push.err);
    }

    // Personio's e-mail look-up answers garbage: nobody is created.
    void personioEmployees_pushCreatesNobody_data() { corpusRows({s("personio-employees")}); }
    void personioEmployees_pushCreatesNobody()
    {
        QFETCH(QString, file);
        const qsizetype before = m_sandbox->personioEmployees().size();
        answerWith(s("personio"), s("GET"), s("/v1/company/employees"), file);
        const auto push = runCli({s("push"), m_hireId, s("--target"), s("personio"), s("--json")}, m_env);
        m_sandbox->post(s("/faults/reset"));
        QVERIFY2(push.exitCode == 1, qPrintable(push.describe()));
        QVERIFY2(push.err.contains("Personio"), qPrintable(push.describe()));
        QCOMPARE(m_sandbox->personioEmployees().size(), before);
        qInfo().noquote() << firstLine(push.err);
    }

private:
    static void corpusRows(const QStringList& prefixes)
    {
        QTest::addColumn<QString>("file");
        for (const QString& prefix : prefixes) {
            for (const QString& file : refusedCases(prefix)) {
                QTest::newRow(qPrintable(QFileInfo(file).fileName())) << file;
            }
        }
    }

    void answerWith(const QString& server, const QString& method, const QString& path, const QString& file)
    {
        QFile f(file);
        QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(file));
        QJsonObject answer {{s("server"), server}, {s("path"), path}, {s("status"), 200},
            {s("contentType"), QString::fromLatin1(contentTypeOf(file))},
            {s("bodyBase64"), QString::fromLatin1(f.readAll().toBase64())}, {s("times"), -1}};
        if (!method.isEmpty()) {
            answer.insert(s("method"), method);
        }
        const auto applied = QJsonDocument::fromJson(m_sandbox->post(s("/faults"), {{s("answerOverride"), answer}}));
        QVERIFY2(applied.object().value(s("error")).isUndefined(), applied.toJson().constData());
    }

    std::unique_ptr<SandboxProcess> m_sandbox;
    std::unique_ptr<QTemporaryDir> m_dir;
    QProcessEnvironment m_env;
    QByteArray m_hires;
    QString m_hireId;
};

QTEST_GUILESS_MAIN(TestMalformedE2e)
#include "test_malformed_e2e.moc"
