// End-to-end: hirebridge-cli against hirebridge-sandbox, by the contract of design §6.
#include "SandboxProcess.h"

#include <QDirIterator>
#include <QFile>
#include <QSet>
#include <QTest>

namespace {

QString s(const char* text)
{
    return QString::fromLatin1(text);
}

QSet<QString> applicationIdsOf(const QJsonArray& events)
{
    QSet<QString> ids;
    for (const auto& e : events) {
        ids.insert(e.toObject()
                       .value(s("body"))
                       .toObject()
                       .value(s("source"))
                       .toObject()
                       .value(s("applicationId"))
                       .toString());
    }
    return ids;
}

QString dump(const CliResult& r)
{
    return QStringLiteral("exit %1\nstdout: %2\nstderr: %3")
        .arg(r.exitCode)
        .arg(QString::fromUtf8(r.out.left(3000)), QString::fromUtf8(r.err.left(3000)));
}

} // namespace

class TestCliE2e : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        m_sandbox = std::make_unique<SandboxProcess>();
        QString error;
        QVERIFY2(m_sandbox->start({}, &error), qPrintable(error));
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_env = m_sandbox->cliEnvironment(m_dir->path() + s("/data"));
    }
    void cleanup()
    {
        m_sandbox.reset();
        m_dir.reset();
    }

    void syncThenPush_sandbox_everyReadyHireReachesBobExactlyOnce()
    {
        const auto state = QJsonDocument::fromJson(m_sandbox->get(s("/state"))).object();
        const int hired = state.value(s("hired")).toInt();
        QVERIFY(hired >= 25);

        auto sync = runCli({s("sync"), s("--json")}, m_env);
        QVERIFY2(sync.exitCode == 0, qPrintable(dump(sync)));
        const auto syncJson = sync.json().object();
        QCOMPARE(syncJson.value(s("hiresStored")).toInt(), hired);
        QVERIFY(syncJson.value(s("pages")).toInt() >= 3);
        QCOMPARE(syncJson.value(s("incremental")).toBool(), false);

        auto hires = runCli({s("hires"), s("--json")}, m_env);
        QCOMPARE(hires.exitCode, 0);
        const auto list = hires.json().array();
        QCOMPARE(list.size(), hired);
        int withoutEmail = 0;
        for (const auto& v : list) {
            const auto o = v.toObject();
            for (const auto* key : {"applicationId", "candidateId", "name", "email", "startDate", "job", "targets"}) {
                QVERIFY2(o.contains(s(key)), key);
            }
            QCOMPARE(
                o.value(s("targets")).toObject().value(s("bob")).toObject().value(s("state")).toString(), s("ready"));
            withoutEmail += o.value(s("email")).isNull() ? 1 : 0;
        }
        QCOMPARE(withoutEmail, 1);

        auto push = runCli({s("push"), s("--all-ready"), s("--target"), s("bob"), s("--json")}, m_env);
        // The candidate without an e-mail fails validation: the run finishes with exit code 1.
        QVERIFY2(push.exitCode == 1, qPrintable(dump(push)));
        const auto results = push.json().object().value(s("results")).toArray();
        QCOMPARE(results.size(), hired);
        int exists = 0;
        int pushed = 0;
        int failed = 0;
        for (const auto& v : results) {
            const QString st = v.toObject().value(s("state")).toString();
            exists += st == QLatin1String("exists");
            pushed += st == QLatin1String("pushed");
            failed += st == QLatin1String("failed");
        }
        QCOMPARE(exists, 1);
        QCOMPARE(failed, 1);
        QCOMPARE(pushed, hired - 2);

        const auto received = m_sandbox->receivedHires();
        QCOMPARE(received.size(), hired - 2);
        QCOMPARE(applicationIdsOf(received).size(), hired - 2);
        const auto event = received.first().toObject().value(s("body")).toObject();
        QCOMPARE(event.value(s("schema")).toString(), s("hirebridge.hire/v1"));
        QVERIFY(event.value(s("fields")).toObject().contains(s("root.email")));

        // The audit log says what was sent to whom, with the answer and the payload hash.
        const QString csvPath = m_dir->filePath(s("audit.csv"));
        auto audit = runCli({s("audit"), s("export"), csvPath}, m_env);
        QVERIFY2(audit.exitCode == 0, qPrintable(dump(audit)));
        QFile csv(csvPath);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QString csvText = QString::fromUtf8(csv.readAll());
        QCOMPARE(csvText.count(s(",send,")), hired - 2);
        QCOMPARE(csvText.count(s(",exists,")), 1);

        // A second push sends nothing: pushed and exists are final, the permanent failure waits to be named.
        auto again = runCli({s("push"), s("--all-ready"), s("--json")}, m_env);
        QVERIFY2(again.exitCode == 0, qPrintable(dump(again)));
        QCOMPARE(m_sandbox->receivedHires().size(), hired - 2);

        // A second sync uses the sync token and finds nothing new; a new hire in Ashby then arrives alone.
        auto sync2 = runCli({s("sync"), s("--json")}, m_env);
        QVERIFY2(sync2.exitCode == 0, qPrintable(dump(sync2)));
        QCOMPARE(sync2.json().object().value(s("incremental")).toBool(), true);
        QCOMPARE(sync2.json().object().value(s("hiresStored")).toInt(), 0);
        m_sandbox->post(s("/ashby/hire"));
        auto sync3 = runCli({s("sync"), s("--json")}, m_env);
        QVERIFY2(sync3.exitCode == 0, qPrintable(dump(sync3)));
        QCOMPARE(sync3.json().object().value(s("incremental")).toBool(), true);
        QCOMPARE(sync3.json().object().value(s("hiresStored")).toInt(), 1);
        auto push3 = runCli({s("push"), s("--all-ready"), s("--json")}, m_env);
        QVERIFY2(push3.exitCode == 0, qPrintable(dump(push3)));
        QCOMPARE(m_sandbox->receivedHires().size(), hired - 1);
    }

    void push_dryRun_sendsNothingAndShowsPayload()
    {
        QCOMPARE(runCli({s("sync")}, m_env).exitCode, 0);
        auto dry = runCli({s("push"), s("--all-ready"), s("--dry-run"), s("--json")}, m_env);
        QVERIFY2(dry.exitCode == 1, qPrintable(dump(dry))); // the hire without e-mail still fails validation
        QCOMPARE(m_sandbox->receivedHires().size(), 0);
        bool sawPayload = false;
        for (const auto& v : dry.json().object().value(s("results")).toArray()) {
            sawPayload |= v.toObject().value(s("payload")).isObject();
        }
        QVERIFY(sawPayload);
        auto hires = runCli({s("hires"), s("--json")}, m_env);
        for (const auto& v : hires.json().array()) {
            QCOMPARE(
                v.toObject().value(s("targets")).toObject().value(s("bob")).toObject().value(s("state")).toString(),
                s("ready"));
        }
    }

    void sync_malformedPage_failsAndLeavesLedgerAsItWas()
    {
        m_sandbox->post(s("/faults"), QJsonObject {{s("ashbyMalformedPage"), 2}});
        auto sync = runCli({s("sync")}, m_env);
        QVERIFY2(sync.exitCode == 1, qPrintable(dump(sync)));
        QVERIFY2(sync.err.contains("Ashby") && sync.err.contains("page 2"), qPrintable(dump(sync)));
        auto hires = runCli({s("hires"), s("--json")}, m_env);
        QCOMPARE(hires.json().array().size(), 0);
        // Nothing was half-written: the next sync is a full one and stores everything.
        auto again = runCli({s("sync"), s("--json")}, m_env);
        QVERIFY2(again.exitCode == 0, qPrintable(dump(again)));
        QCOMPARE(again.json().object().value(s("incremental")).toBool(), false);
    }

    void sync_repeatedCursor_exit1WithClearErrorAndNothingStored()
    {
        m_sandbox->post(s("/faults"), QJsonObject {{s("ashbyRepeatCursor"), true}});
        auto sync = runCli({s("sync"), s("--json")}, m_env, 60000);
        m_sandbox->post(s("/faults/reset"));
        QVERIFY2(sync.exitCode == 1, qPrintable(dump(sync)));
        QVERIFY2(sync.err.contains("cursor of an earlier page"), qPrintable(dump(sync)));
        QCOMPARE(runCli({s("hires"), s("--json")}, m_env).json().array().size(), 0);
    }

    void hires_namesWithTerminalEscapes_printedWithoutControlCharacters()
    {
        m_sandbox->post(s("/faults"), QJsonObject {{s("ashbyHostileNames"), true}});
        QCOMPARE(runCli({s("sync")}, m_env).exitCode, 0);
        m_sandbox->post(s("/faults/reset"));
        const auto forbidden = [](const QByteArray& text) {
            const QString decoded = QString::fromUtf8(text);
            for (const QChar c : decoded) {
                const bool control = c.category() == QChar::Other_Control && c != QLatin1Char('\n')
                    && c != QLatin1Char('\t') && c != QLatin1Char('\r');
                if (control || c.unicode() == 0x202E) {
                    return true;
                }
            }
            return false;
        };
        auto hires = runCli({s("hires")}, m_env);
        QCOMPARE(hires.exitCode, 0);
        QVERIFY2(hires.out.contains("evil"), qPrintable(dump(hires))); // the rest of the name is kept
        QVERIFY2(!forbidden(hires.out) && !forbidden(hires.err), "a control character reached the terminal");
        auto push = runCli({s("push"), s("--all-ready")}, m_env);
        QVERIFY2(!forbidden(push.out) && !forbidden(push.err), "a control character reached the terminal");
        // JSON keeps the data as it is (escaped by the JSON writer).
        auto json = runCli({s("hires"), s("--json")}, m_env);
        QVERIFY(json.json().array().at(0).toObject().value(s("name")).toString().contains(QChar(0x1b)));
    }

    void sync_connectionCutMidPage_retriedAndComplete()
    {
        // The sandbox closes the connection half-way through page 2 once; the read is retried.
        m_sandbox->post(s("/faults"), QJsonObject {{s("ashbyTruncatedPage"), 2}});
        auto sync = runCli({s("sync"), s("--json")}, m_env);
        QVERIFY2(sync.exitCode == 0, qPrintable(dump(sync)));
        const int hired = QJsonDocument::fromJson(m_sandbox->get(s("/state"))).object().value(s("hired")).toInt();
        QCOMPARE(sync.json().object().value(s("hiresStored")).toInt(), hired);
    }

    void sync_wrongTypeInOneHire_namesTheHireAndStoresTheOthers()
    {
        const auto ids = QJsonDocument::fromJson(m_sandbox->get(s("/state"))).object().value(s("ids")).toArray();
        const QString bad = ids.at(3).toString();
        m_sandbox->post(s("/faults"), QJsonObject {{s("ashbyWrongType"), bad}});
        auto sync = runCli({s("sync"), s("--json")}, m_env);
        QVERIFY2(sync.exitCode == 1, qPrintable(dump(sync)));
        QVERIFY2(sync.err.contains(bad.toUtf8()) && sync.err.contains("name"), qPrintable(dump(sync)));
        QCOMPARE(sync.json().object().value(s("hiresStored")).toInt(), ids.size() - 1);
        // The token stays where it was, so the unreadable hire is fetched again next time.
        m_sandbox->post(s("/faults/reset"));
        auto again = runCli({s("sync"), s("--json")}, m_env);
        QVERIFY2(again.exitCode == 0, qPrintable(dump(again)));
        auto hires = runCli({s("hires"), s("--json")}, m_env);
        QCOMPARE(hires.json().array().size(), ids.size());
    }

    void push_bobAnswers401_exit3AndRecordsStayReady()
    {
        QCOMPARE(runCli({s("sync")}, m_env).exitCode, 0);
        m_sandbox->post(s("/faults"), QJsonObject {{s("bobHireStatus"), 401}});
        auto push = runCli({s("push"), s("--all-ready"), s("--json")}, m_env);
        QVERIFY2(push.exitCode == 3, qPrintable(dump(push)));
        QVERIFY2(push.err.contains("Bob"), qPrintable(dump(push)));
        auto hires = runCli({s("hires"), s("--json")}, m_env);
        int ready = 0;
        for (const auto& v : hires.json().array()) {
            ready += v.toObject().value(s("targets")).toObject().value(s("bob")).toObject().value(s("state")).toString()
                == QLatin1String("ready");
        }
        QCOMPARE(ready, hires.json().array().size() - 1); // all but the hire without e-mail
        QCOMPARE(m_sandbox->receivedHires().size(), 0);
    }

    // The Hire API cannot be asked whether an event arrived: after a gateway error the hire is `unknown`, push exits
    // 1, nothing is re-sent on its own, and `resolve` settles it either way.
    void push_gatewayErrorAfterBobStoredTheEvent_unknownUntilResolved()
    {
        QCOMPARE(runCli({s("sync")}, m_env).exitCode, 0);
        const auto list = runCli({s("hires"), s("--json")}, m_env).json().array();
        QStringList ids;
        for (const auto& v : list) {
            if (!v.toObject().value(s("email")).toString().isEmpty() && ids.size() < 2) {
                ids << v.toObject().value(s("applicationId")).toString();
            }
        }
        QCOMPARE(ids.size(), 2);
        const auto stateOf = [&](const QString& id) {
            for (const auto& v : runCli({s("hires"), s("--json")}, m_env).json().array()) {
                if (v.toObject().value(s("applicationId")).toString() == id) {
                    return v.toObject().value(s("targets")).toObject().value(s("bob")).toObject();
                }
            }
            return QJsonObject();
        };
        for (const QString& id : ids) {
            m_sandbox->post(s("/faults"), QJsonObject {{s("createErrorAfterHandling"), 504}});
            auto push = runCli({s("push"), id, s("--json")}, m_env);
            QVERIFY2(push.exitCode == 1, qPrintable(dump(push)));
            const auto item = push.json().object().value(s("results")).toArray().at(0).toObject();
            QCOMPARE(item.value(s("state")).toString(), s("unknown"));
            QVERIFY2(item.value(s("reason")).toString().contains(s("pending hires")), qPrintable(dump(push)));
            QCOMPARE(stateOf(id).value(s("state")).toString(), s("unknown"));
            QVERIFY(!stateOf(id).value(s("attemptId")).toString().isEmpty());
        }
        const auto sentForThem = [&] {
            int n = 0;
            for (const auto& e : m_sandbox->receivedHires()) {
                const QString app = e.toObject()
                                        .value(s("body"))
                                        .toObject()
                                        .value(s("source"))
                                        .toObject()
                                        .value(s("applicationId"))
                                        .toString();
                n += ids.contains(app) ? 1 : 0;
            }
            return n;
        };
        QCOMPARE(sentForThem(), 2); // Bob stored both; the answers were lost
        // Neither --all-ready nor naming them sends them again.
        runCli({s("push"), s("--all-ready")}, m_env);
        QCOMPARE(runCli({s("push"), ids.at(0)}, m_env).exitCode, 1);
        QCOMPARE(sentForThem(), 2);

        // The admin found the first in Bob: recorded as pushed, nothing sent.
        const QString attempt = stateOf(ids.at(0)).value(s("attemptId")).toString();
        auto received = runCli({s("resolve"), ids.at(0), s("--target"), s("bob"), s("--received"), s("--json")}, m_env);
        QVERIFY2(received.exitCode == 0, qPrintable(dump(received)));
        QCOMPARE(stateOf(ids.at(0)).value(s("state")).toString(), s("pushed"));
        QVERIFY(!attempt.isEmpty());
        QCOMPARE(sentForThem(), 2);
        // The second is sent once more, with the attempt id the admin looked for: Bob shows one pending hire for it.
        const QString attempt2 = stateOf(ids.at(1)).value(s("attemptId")).toString();
        auto resend = runCli({s("resolve"), ids.at(1), s("--target"), s("bob"), s("--resend"), s("--json")}, m_env);
        QVERIFY2(resend.exitCode == 0, qPrintable(dump(resend)));
        QCOMPARE(stateOf(ids.at(1)).value(s("state")).toString(), s("pushed"));
        QCOMPARE(stateOf(ids.at(1)).value(s("attemptId")).toString(), attempt2);
        QCOMPARE(sentForThem(), 3);
        // Settled records have nothing left to resolve: a usage error.
        QCOMPARE(runCli({s("resolve"), ids.at(1), s("--target"), s("bob"), s("--received")}, m_env).exitCode, 2);
        QCOMPARE(runCli({s("resolve"), ids.at(1)}, m_env).exitCode, 2);
    }

    // A file.info link that points anywhere but a public host (here another loopback host than the sandbox's Ashby)
    // is neither fetched nor handed to Bob: the hire goes without it, and the warning names the host.
    void push_documentLinkToALocalHost_notForwardedAndNamed()
    {
        QCOMPARE(runCli({s("sync")}, m_env).exitCode, 0);
        QString id;
        for (const auto& v : runCli({s("hires"), s("--json")}, m_env).json().array()) {
            if (id.isEmpty() && !v.toObject().value(s("email")).toString().isEmpty()) {
                id = v.toObject().value(s("applicationId")).toString();
            }
        }
        m_sandbox->post(s("/faults"), QJsonObject {{s("ashbyFileUrlBase"), s("https://127.0.0.2:9")}});
        auto push = runCli({s("push"), id, s("--json")}, m_env);
        m_sandbox->post(s("/faults/reset"));
        QVERIFY2(push.exitCode == 0, qPrintable(dump(push)));
        const auto item = push.json().object().value(s("results")).toArray().at(0).toObject();
        const QString warnings = QJsonDocument(item.value(s("warnings")).toArray()).toJson();
        QVERIFY2(warnings.contains(s("127.0.0.2")), qPrintable(dump(push)));
        const auto events = m_sandbox->receivedHires();
        QCOMPARE(events.size(), 1);
        const auto documents = events.at(0).toObject().value(s("body")).toObject().value(s("documents")).toArray();
        for (const auto& d : documents) {
            QVERIFY2(!d.toObject().value(s("url")).toString().contains(s("127.0.0.2")), "a refused link was forwarded");
        }
        QVERIFY(documents.isEmpty());
    }

    void credentials_wrong_exit3()
    {
        auto env = m_env;
        env.insert(s("HIREBRIDGE_ASHBY_API_KEY"), s("wrong-key"));
        auto sync = runCli({s("sync")}, env);
        QVERIFY2(sync.exitCode == 3, qPrintable(dump(sync)));
        QCOMPARE(runCli({s("sync")}, m_env).exitCode, 0);
        auto bobEnv = m_env;
        bobEnv.insert(s("HIREBRIDGE_BOB_TOKEN"), s("wrong-token"));
        auto push = runCli({s("push"), s("--all-ready")}, bobEnv);
        QVERIFY2(push.exitCode == 3, qPrintable(dump(push)));
        QCOMPARE(m_sandbox->receivedHires().size(), 0);
    }

    void unreachableServer_exit3()
    {
        auto env = m_env;
        env.insert(s("HIREBRIDGE_ASHBY_URL"), s("http://127.0.0.1:9"));
        auto sync = runCli({s("sync")}, env);
        QVERIFY2(sync.exitCode == 3, qPrintable(dump(sync)));
    }

    void check_goodCredentials_exit0AndNoHirePosted()
    {
        auto check = runCli({s("check"), s("--json")}, m_env);
        QVERIFY2(check.exitCode == 0, qPrintable(dump(check)));
        QCOMPARE(check.json().object().value(s("ashby")).toObject().value(s("ok")).toBool(), true);
        QCOMPARE(check.json().object().value(s("bob")).toObject().value(s("ok")).toBool(), true);
        for (const auto& r : m_sandbox->requests()) {
            QVERIFY(!r.toObject().value(s("path")).toString().startsWith(s("/hire")));
        }
        auto env = m_env;
        env.insert(s("HIREBRIDGE_BOB_TOKEN"), s("wrong-token"));
        QCOMPARE(runCli({s("check")}, env).exitCode, 3);
    }

    void usage_badArgumentsOrConfig_exit2_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("variable");
        QTest::addColumn<QString>("value");
        QTest::newRow("no command") << QStringList {} << QString() << QString();
        QTest::newRow("unknown command") << QStringList {s("frobnicate")} << QString() << QString();
        QTest::newRow("push without ids") << QStringList {s("push")} << QString() << QString();
        QTest::newRow("push ids and all-ready")
            << QStringList {s("push"), s("x"), s("--all-ready")} << QString() << QString();
        QTest::newRow("unknown target") << QStringList {s("push"), s("--all-ready"), s("--target"), s("workday")}
                                        << QString() << QString();
        QTest::newRow("full on push") << QStringList {s("push"), s("--all-ready"), s("--full")} << QString()
                                      << QString();
        QTest::newRow("plain http remote")
            << QStringList {s("sync")} << s("HIREBRIDGE_ASHBY_URL") << s("http://api.example.com");
        QTest::newRow("not a url") << QStringList {s("sync")} << s("HIREBRIDGE_ASHBY_URL") << s("::nope::");
        QTest::newRow("bad mode") << QStringList {s("check")} << s("HIREBRIDGE_BOB_MODE") << s("sideways");
        QTest::newRow("unknown id") << QStringList {s("push"), s("no-such-application")} << QString() << QString();
    }
    void usage_badArgumentsOrConfig_exit2()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, variable);
        QFETCH(QString, value);
        auto env = m_env;
        if (!variable.isEmpty()) {
            env.insert(variable, value);
        }
        auto r = runCli(args, env);
        QVERIFY2(r.exitCode == 2, qPrintable(dump(r)));
        QVERIFY(!r.err.isEmpty());
    }

    void secrets_neverInDataDirLogsOrOutput()
    {
        auto env = m_env;
        // Debug logging on: request dumps must still be redacted.
        env.insert(s("QT_LOGGING_RULES"), s("hirebridge.*=true"));
        QList<CliResult> runs;
        runs << runCli({s("check"), s("--json")}, env) << runCli({s("sync"), s("--json")}, env)
             << runCli({s("hires"), s("--json")}, env) << runCli({s("push"), s("--all-ready"), s("--json")}, env);
        const QList<QByteArray> secrets {
            m_sandbox->value("ashbyApiKey").toUtf8(),
            m_sandbox->value("bobToken").toUtf8(),
            (m_sandbox->value("ashbyApiKey") + s(":")).toUtf8().toBase64(),
            (m_sandbox->value("bobServiceUserId") + s(":") + m_sandbox->value("bobToken")).toUtf8().toBase64(),
        };
        for (const auto& r : runs) {
            for (const auto& secret : secrets) {
                QVERIFY2(!r.out.contains(secret) && !r.err.contains(secret), qPrintable(dump(r)));
            }
        }
        QVERIFY(runs.at(1).err.size() > 0);
        QDirIterator it(m_dir->path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        int files = 0;
        while (it.hasNext()) {
            QFile f(it.next());
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray content = f.readAll();
            ++files;
            for (const auto& secret : secrets) {
                QVERIFY2(!content.contains(secret), qPrintable(f.fileName()));
            }
        }
        QVERIFY(files > 0);
    }

    void twoProcesses_pushAtOnce_noDuplicate()
    {
        m_sandbox->post(s("/faults"), QJsonObject {{s("latencyMs"), 40}});
        QCOMPARE(runCli({s("sync")}, m_env).exitCode, 0);
        QProcess a;
        QProcess b;
        for (auto* p : {&a, &b}) {
            p->setProcessEnvironment(m_env);
            p->start(
                QProcessEnvironment::systemEnvironment().value(s("HIREBRIDGE_CLI_BIN")), {s("push"), s("--all-ready")});
        }
        QVERIFY(a.waitForFinished(60000));
        QVERIFY(b.waitForFinished(60000));
        const auto received = m_sandbox->receivedHires();
        QCOMPARE(applicationIdsOf(received).size(), received.size());
        const int hired = QJsonDocument::fromJson(m_sandbox->get(s("/state"))).object().value(s("hired")).toInt();
        QCOMPARE(received.size(), hired - 2);
    }

private:
    std::unique_ptr<SandboxProcess> m_sandbox;
    std::unique_ptr<QTemporaryDir> m_dir;
    QProcessEnvironment m_env;
};

QTEST_GUILESS_MAIN(TestCliE2e)
#include "test_cli_e2e.moc"
