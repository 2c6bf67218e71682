// End-to-end: hirebridge-cli pushes the sandbox's hires to Bob, BambooHR and Personio with different targets ticked
// per hire; each target receives exactly the ticked hires, once, with their documents.
#include "SandboxProcess.h"

#include <QHash>
#include <QSet>
#include <QTest>

namespace {

QString s(const char* text)
{
    return QString::fromLatin1(text);
}

QString dump(const CliResult& r)
{
    return QStringLiteral("exit %1\nstdout: %2\nstderr: %3")
        .arg(r.exitCode)
        .arg(QString::fromUtf8(r.out.left(4000)), QString::fromUtf8(r.err.left(4000)));
}

QSet<QString> bobEventIds(const QJsonArray& events)
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

// The e-mails of the employees a fake created (seeded ones left out), lower-cased, with how often each came.
QHash<QString, int> createdEmails(const QJsonArray& employees, const char* container, const char* emailKey)
{
    QHash<QString, int> count;
    for (const auto& v : employees) {
        const auto o = v.toObject();
        if (o.value(s("seeded")).toBool()) {
            continue;
        }
        QJsonValue email = o.value(QLatin1StringView(container)).toObject().value(QLatin1StringView(emailKey));
        if (email.isObject()) {
            email = email.toObject().value(s("value")); // Personio attributes are {label, value, ...}
        }
        count[email.toString().trimmed().toLower()] += 1;
    }
    return count;
}

struct Hire
{
    QString id;
    QString email;
    QString name;
};

} // namespace

class TestMultiTargetE2e : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        m_sandbox = std::make_unique<SandboxProcess>();
        QString error;
        QVERIFY2(m_sandbox->start({}, &error), qPrintable(error));
        m_dir = std::make_unique<QTemporaryDir>();
        m_env = m_sandbox->cliEnvironmentAllTargets(m_dir->path() + s("/data"));
    }
    void cleanup()
    {
        m_sandbox.reset();
        m_dir.reset();
    }

    void differentTicksPerHire_eachTargetGetsExactlyItsHiresOnceWithDocuments()
    {
        const auto sync = runCli({s("sync")}, m_env);
        QVERIFY2(sync.exitCode == 0, qPrintable(dump(sync)));
        const auto check = runCli({s("check"), s("--json")}, m_env);
        QVERIFY2(check.exitCode == 0, qPrintable(dump(check)));
        for (const auto* t : {"ashby", "bob", "bamboohr", "personio"}) {
            QVERIFY2(check.json().object().value(QLatin1StringView(t)).toObject().value(s("ok")).toBool(), t);
        }

        // Hires with an e-mail and a start date that are in none of the targets yet.
        const auto hires = runCli({s("hires"), s("--json")}, m_env).json().array();
        QList<Hire> fresh;
        QString existingId;
        for (const auto& v : hires) {
            const auto o = v.toObject();
            const QString email = o.value(s("email")).toString();
            if (email.compare(s("ingrid.berg@nordlicht.example"), Qt::CaseInsensitive) == 0) {
                existingId = o.value(s("applicationId")).toString();
                continue;
            }
            if (!email.isEmpty() && !o.value(s("startDate")).isNull()
                && o.value(s("location")).toString() != QLatin1String("Stockholm")) {
                fresh.append({o.value(s("applicationId")).toString(), email.toLower(), o.value(s("name")).toString()});
            }
        }
        QVERIFY(fresh.size() >= 5);
        QVERIFY(!existingId.isEmpty());
        const Hire a = fresh.at(0); // Bob only
        const Hire b = fresh.at(1); // Bob and BambooHR
        const Hire c = fresh.at(2); // Personio only
        const Hire d = fresh.at(3); // all three
        const Hire e = fresh.at(4); // all three

        const QList<QPair<QStringList, QString>> pushes {{{a.id}, s("bob")}, {{b.id}, s("bob,bamboohr")},
            {{c.id}, s("personio")}, {{d.id, e.id, existingId}, s("bob,bamboohr,personio")}};
        for (const auto& [ids, targets] : pushes) {
            auto push
                = runCli(QStringList {s("push")} + ids + QStringList {s("--target"), targets, s("--json")}, m_env);
            QVERIFY2(push.exitCode == 0, qPrintable(dump(push)));
            const auto results = push.json().object().value(s("results")).toArray();
            QCOMPARE(results.size(), int(ids.size() * targets.count(QLatin1Char(',')) + ids.size()));
            for (const auto& v : results) {
                const auto o = v.toObject();
                QVERIFY2(o.value(s("ok")).toBool(), qPrintable(dump(push)));
                const bool existing = o.value(s("applicationId")).toString() == existingId;
                QCOMPARE(o.value(s("state")).toString(), existing ? s("exists") : s("pushed"));
                QVERIFY(!o.value(s("remoteId")).toString().isEmpty());
                if (o.value(s("target")).toString() != QLatin1String("bob") && !existing) {
                    // Every document reached the target: none failed or is left pending.
                    const auto docs = o.value(s("documents")).toArray();
                    QVERIFY2(!docs.isEmpty(), qPrintable(dump(push)));
                    for (const auto& doc : docs) {
                        QCOMPARE(doc.toObject().value(s("state")).toString(), s("uploaded"));
                    }
                }
            }
        }

        // A second run of every push sends nothing new.
        for (const auto& [ids, targets] : pushes) {
            auto again
                = runCli(QStringList {s("push")} + ids + QStringList {s("--target"), targets, s("--json")}, m_env);
            QVERIFY2(again.exitCode == 0, qPrintable(dump(again)));
            for (const auto& v : again.json().object().value(s("results")).toArray()) {
                QCOMPARE(v.toObject().value(s("sent")).toBool(), false);
            }
        }

        // Bob got the events of a, b, d and e, once each, with fresh document links.
        const auto events = m_sandbox->receivedHires();
        QCOMPARE(events.size(), 4);
        QCOMPARE(bobEventIds(events), (QSet<QString> {a.id, b.id, d.id, e.id}));
        for (const auto& v : events) {
            const auto documents = v.toObject().value(s("body")).toObject().value(s("documents")).toArray();
            QVERIFY(!documents.isEmpty());
            for (const auto& doc : documents) {
                QVERIFY(doc.toObject().value(s("url")).toString().startsWith(s("http://127.0.0.1:")));
            }
        }

        // BambooHR created b, d and e once each; Personio c, d and e.
        const auto bamboo = createdEmails(m_sandbox->bamboohrEmployees(), "fields", "workEmail");
        QCOMPARE(bamboo, (QHash<QString, int> {{b.email, 1}, {d.email, 1}, {e.email, 1}}));
        const auto personio = createdEmails(m_sandbox->personioEmployees(), "attributes", "email");
        QCOMPARE(personio, (QHash<QString, int> {{c.email, 1}, {d.email, 1}, {e.email, 1}}));

        // Their documents arrived once each, attached to the employees we created (not to the existing one).
        QSet<QString> bambooCreatedIds;
        for (const auto& v : m_sandbox->bamboohrEmployees()) {
            if (!v.toObject().value(s("seeded")).toBool()) {
                bambooCreatedIds.insert(QString::number(v.toObject().value(s("id")).toInteger()));
            }
        }
        const auto bambooFiles = m_sandbox->bamboohrFiles();
        QVERIFY(bambooFiles.size() >= 3);
        QSet<QString> filesSeen;
        for (const auto& v : bambooFiles) {
            const auto o = v.toObject();
            QVERIFY(bambooCreatedIds.contains(QString::number(o.value(s("employeeId")).toInteger())));
            QVERIFY(o.value(s("size")).toInteger() > 0);
            const QString key = QStringLiteral("%1/%2")
                                    .arg(o.value(s("employeeId")).toInteger())
                                    .arg(o.value(s("originalFileName")).toString());
            QVERIFY2(!filesSeen.contains(key), qPrintable(key));
            filesSeen.insert(key);
        }
        const auto personioDocs = m_sandbox->personioDocuments();
        QVERIFY(personioDocs.size() >= 3);
        QSet<QString> docsSeen;
        for (const auto& v : personioDocs) {
            const auto o = v.toObject();
            const QString key = QStringLiteral("%1/%2")
                                    .arg(o.value(s("employeeId")).toInteger())
                                    .arg(o.value(s("fileName")).toString());
            QVERIFY2(!docsSeen.contains(key), qPrintable(key));
            docsSeen.insert(key);
        }

        // hires --json shows each target's state per hire.
        const auto after = runCli({s("hires"), s("--json")}, m_env).json().array();
        for (const auto& v : after) {
            const auto o = v.toObject();
            const auto t = o.value(s("targets")).toObject();
            if (o.value(s("applicationId")).toString() == c.id) {
                QCOMPARE(t.value(s("personio")).toObject().value(s("state")).toString(), s("pushed"));
                QCOMPARE(t.value(s("bob")).toObject().value(s("state")).toString(), s("ready"));
                QCOMPARE(t.value(s("bamboohr")).toObject().value(s("state")).toString(), s("ready"));
            }
            if (o.value(s("applicationId")).toString() == existingId) {
                for (const auto* target : {"bob", "bamboohr", "personio"}) {
                    QCOMPARE(t.value(QLatin1StringView(target)).toObject().value(s("state")).toString(), s("exists"));
                }
            }
        }
    }

    void bobDirectMode_createsPeopleAndUploadsDocuments_tooLargeResumeIsNamed()
    {
        QVERIFY(
            !QJsonDocument::fromJson(m_sandbox->post(s("/ashby/hire"), QJsonObject {{s("bigResume"), true}})).isNull());
        auto env = m_env;
        env.insert(s("HIREBRIDGE_BOB_MODE"), s("direct"));
        const auto sync = runCli({s("sync")}, env);
        QVERIFY2(sync.exitCode == 0, qPrintable(dump(sync)));
        const auto hires = runCli({s("hires"), s("--json")}, env).json().array();
        QString bigId;
        QString normalId;
        for (const auto& v : hires) {
            const auto o = v.toObject();
            if (o.value(s("name")).toString().contains(QStringLiteral("Großmann"))) {
                bigId = o.value(s("applicationId")).toString();
            } else if (normalId.isEmpty() && !o.value(s("email")).isNull() && !o.value(s("startDate")).isNull()
                && !o.value(s("email")).toString().startsWith(s("ingrid"), Qt::CaseInsensitive)
                && o.value(s("location")).toString() != QLatin1String("Stockholm")) {
                normalId = o.value(s("applicationId")).toString();
            }
        }
        QVERIFY(!bigId.isEmpty());
        QVERIFY(!normalId.isEmpty());

        auto push = runCli({s("push"), normalId, bigId, s("--target"), s("bob"), s("--json")}, env);
        // The 6 MB resume is refused before upload: the person exists, the item reports the missing document.
        QVERIFY2(push.exitCode == 1, qPrintable(dump(push)));
        QVERIFY2(push.err.contains("too large for Bob"), qPrintable(dump(push)));
        for (const auto& v : push.json().object().value(s("results")).toArray()) {
            const auto o = v.toObject();
            QVERIFY2(o.value(s("state")).toString() == QLatin1String("pushed"), qPrintable(dump(push)));
            QCOMPARE(o.value(s("ok")).toBool(), o.value(s("applicationId")).toString() == normalId);
        }
        QCOMPARE(m_sandbox->receivedHires().size(), 0); // direct mode never posts to the Hire URL
        const auto people = m_sandbox->bobPeople();
        QCOMPARE(people.size(), 2);
        QSet<QString> peopleIds;
        for (const auto& p : people) {
            peopleIds.insert(p.toObject().value(s("id")).toString());
            QVERIFY(!p.toObject().value(s("work")).toObject().value(s("site")).toString().isEmpty());
        }
        const auto documents = m_sandbox->bobDocuments();
        QVERIFY(!documents.isEmpty());
        for (const auto& d : documents) {
            QVERIFY(peopleIds.contains(d.toObject().value(s("personId")).toString()));
            QVERIFY(d.toObject().value(s("size")).toInteger() <= 5 * 1024 * 1024);
        }

        // A re-run creates nobody again; the too-large resume stays failed with its reason.
        auto again = runCli({s("push"), normalId, bigId, s("--target"), s("bob"), s("--json")}, env);
        QCOMPARE(again.exitCode, 1);
        QCOMPARE(m_sandbox->bobPeople().size(), 2);
        const auto list = runCli({s("hires"), s("--json")}, env).json().array();
        for (const auto& v : list) {
            if (v.toObject().value(s("applicationId")).toString() != bigId) {
                continue;
            }
            const auto docs = v.toObject()
                                  .value(s("targets"))
                                  .toObject()
                                  .value(s("bob"))
                                  .toObject()
                                  .value(s("documents"))
                                  .toArray();
            bool resumeFailed = false;
            for (const auto& doc : docs) {
                const auto o = doc.toObject();
                if (o.value(s("kind")).toString() == QLatin1String("resume")) {
                    resumeFailed = o.value(s("state")).toString() == QLatin1String("failed")
                        && o.value(s("reason")).toString().contains(s("5"));
                }
            }
            QVERIFY2(resumeFailed, qPrintable(QString::fromUtf8(QJsonDocument(docs).toJson())));
        }
    }

    // An upload whose answer was lost is never sent blindly again (issue #9, item 4). A gateway error after the
    // file was stored: the target is asked and the file found, one copy. Before it was stored: not found, left
    // `uploading` for the next push, which looks again and uploads it once. Personio cannot list an employee's
    // documents: the admin is told to look instead of getting a second copy.
    void interruptedUploads_areCheckedBeforeAnotherCopy()
    {
        const auto sync = runCli({s("sync")}, m_env);
        QVERIFY2(sync.exitCode == 0, qPrintable(dump(sync)));
        QStringList fresh;
        for (const auto& v : runCli({s("hires"), s("--json")}, m_env).json().array()) {
            const auto o = v.toObject();
            if (!o.value(s("email")).isNull() && !o.value(s("startDate")).isNull()
                && !o.value(s("email")).toString().startsWith(s("ingrid"), Qt::CaseInsensitive)
                && o.value(s("location")).toString() != QLatin1String("Stockholm")) {
                fresh << o.value(s("applicationId")).toString();
            }
        }
        QVERIFY(fresh.size() >= 4);
        const auto documentsOf = [](const CliResult& push) {
            return push.json().object().value(s("results")).toArray().at(0).toObject().value(s("documents")).toArray();
        };
        const auto remoteIdOf = [](const CliResult& push) {
            return push.json().object().value(s("results")).toArray().at(0).toObject().value(s("remoteId")).toString();
        };
        // How many files each BambooHR employee holds under each name.
        const auto bambooCopies = [this](const QString& employeeId) {
            QHash<QString, int> copies;
            for (const auto& v : m_sandbox->bamboohrFiles()) {
                const auto o = v.toObject();
                if (QString::number(o.value(s("employeeId")).toInteger()) == employeeId) {
                    copies[o.value(s("originalFileName")).toString()] += 1;
                }
            }
            return copies;
        };

        // Stored, then 502: found on the employee, not sent again.
        m_sandbox->post(s("/faults"), QJsonObject {{s("uploadErrorAfterHandling"), 502}});
        const auto a = runCli({s("push"), fresh.at(0), s("--target"), s("bamboohr"), s("--json")}, m_env);
        QVERIFY2(a.exitCode == 0, qPrintable(dump(a)));
        QVERIFY(documentsOf(a).size() >= 2);
        for (const auto& doc : documentsOf(a)) {
            QCOMPARE(doc.toObject().value(s("state")).toString(), s("uploaded"));
        }
        auto copies = bambooCopies(remoteIdOf(a));
        QCOMPARE(copies.size(), documentsOf(a).size());
        for (const int n : std::as_const(copies)) {
            QCOMPARE(n, 1);
        }

        // 502 before anything was stored: not found, so left for the next push, which uploads it once.
        m_sandbox->post(s("/faults"), QJsonObject {{s("uploadErrorBeforeHandling"), 502}});
        const auto b = runCli({s("push"), fresh.at(1), s("--target"), s("bamboohr"), s("--json")}, m_env);
        QVERIFY2(b.exitCode == 1, qPrintable(dump(b)));
        int waiting = 0;
        for (const auto& doc : documentsOf(b)) {
            const auto o = doc.toObject();
            if (o.value(s("state")).toString() == QLatin1String("uploading")) {
                ++waiting;
                QVERIFY2(o.value(s("reason")).toString().contains(s("looks again")), qPrintable(dump(b)));
            }
        }
        QCOMPARE(waiting, 1);
        QCOMPARE(bambooCopies(remoteIdOf(b)).size(), documentsOf(b).size() - 1);
        const auto again = runCli({s("push"), fresh.at(1), s("--target"), s("bamboohr"), s("--json")}, m_env);
        QVERIFY2(again.exitCode == 0, qPrintable(dump(again)));
        copies = bambooCopies(remoteIdOf(b));
        QCOMPARE(copies.size(), documentsOf(again).size());
        for (const int n : std::as_const(copies)) {
            QCOMPARE(n, 1);
        }

        // Personio cannot be asked: the document is reported for the admin to check, and not sent a second time.
        m_sandbox->post(s("/faults"), QJsonObject {{s("uploadErrorAfterHandling"), 502}});
        const auto c = runCli({s("push"), fresh.at(2), s("--target"), s("personio"), s("--json")}, m_env);
        QVERIFY2(c.exitCode == 1, qPrintable(dump(c)));
        QVERIFY2(c.err.contains("cannot list an employee's documents"), qPrintable(dump(c)));
        const auto allReady = runCli({s("push"), s("--all-ready"), s("--target"), s("personio"), s("--json")}, m_env);
        QHash<QString, int> personioCopies;
        for (const auto& v : m_sandbox->personioDocuments()) {
            const auto o = v.toObject();
            if (QString::number(o.value(s("employeeId")).toInteger()) == remoteIdOf(c)) {
                personioCopies[o.value(s("fileName")).toString()] += 1;
            }
        }
        QCOMPARE(personioCopies.size(), documentsOf(c).size());
        for (const int n : std::as_const(personioCopies)) {
            QCOMPARE(n, 1);
        }
        Q_UNUSED(allReady);

        // Bob direct mode lists an employee's documents too: stored, then 504 → found, one copy.
        auto direct = m_env;
        direct.insert(s("HIREBRIDGE_BOB_MODE"), s("direct"));
        m_sandbox->post(s("/faults"), QJsonObject {{s("uploadErrorAfterHandling"), 504}});
        const auto d = runCli({s("push"), fresh.at(3), s("--target"), s("bob"), s("--json")}, direct);
        QVERIFY2(d.exitCode == 0, qPrintable(dump(d)));
        QHash<QString, int> bobCopies;
        for (const auto& v : m_sandbox->bobDocuments()) {
            const auto o = v.toObject();
            if (o.value(s("personId")).toString() == remoteIdOf(d)) {
                bobCopies[o.value(s("name")).toString()] += 1;
            }
        }
        QCOMPARE(bobCopies.size(), documentsOf(d).size());
        for (const int n : std::as_const(bobCopies)) {
            QCOMPARE(n, 1);
        }
    }

private:
    std::unique_ptr<SandboxProcess> m_sandbox;
    std::unique_ptr<QTemporaryDir> m_dir;
    QProcessEnvironment m_env;
};

QTEST_GUILESS_MAIN(TestMultiTargetE2e)
#include "test_multitarget_e2e.moc"
