// End-to-end: a mapping profile exported, extended with custom fields, imported and pushed through the CLI against
// the sandbox; list values arrive in the form Bob's named lists hold them.
#include "SandboxProcess.h"

#include <QFile>
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

const QString kPronouns = QStringLiteral("about.custom.Pronouns_Q1");
const QString kCandidateId = QStringLiteral("identification.custom.Ashby candidate ID_7QmPz");
const QString kRelocation = QStringLiteral("category_1645574919835.field_1645575004671");

} // namespace

class TestMappingE2e : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_sandbox.start({}, &error), qPrintable(error));
        QVERIFY(m_dir.isValid());
        m_env = m_sandbox.cliEnvironment(m_dir.path() + s("/data"));
        const auto sync = runCli({s("sync")}, m_env);
        QVERIFY2(sync.exitCode == 0, qPrintable(dump(sync)));
        // Ashby's custom field definitions by title, as an admin would pick them in the editor.
        const auto defs = m_sandbox.ashby(s("customField.list"), QJsonObject {{s("includeArchived"), true}});
        for (const auto& d : defs.value(s("results")).toArray()) {
            m_fieldIds.insert(d.toObject().value(s("title")).toString(), d.toObject().value(s("id")).toString());
        }
        QVERIFY(m_fieldIds.contains(s("Pronouns")));
        QVERIFY(m_fieldIds.contains(s("Relocation package")));
    }

    void exportEditImportPush_customFieldsAndListValuesArriveInBobsForm()
    {
        const QString file = m_dir.filePath(s("bob-mapping.json"));
        auto exported = runCli({s("mapping"), s("export"), file}, m_env);
        QVERIFY2(exported.exitCode == 0, qPrintable(dump(exported)));
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QJsonObject profile = QJsonDocument::fromJson(f.readAll()).object();
        f.close();
        QCOMPARE(profile.value(s("schema")).toString(), s("hirebridge.mapping"));
        QJsonArray rules = profile.value(s("rules")).toArray();
        QCOMPARE(rules.size(), 7); // the built-in default
        rules.append(
            QJsonObject {{s("source"), s("custom.") + m_fieldIds.value(s("Pronouns"))}, {s("target"), kPronouns}});
        rules.append(QJsonObject {{s("source"), s("candidate.id")}, {s("target"), kCandidateId}});
        rules.append(QJsonObject {
            {s("source"), s("custom.") + m_fieldIds.value(s("Relocation package"))}, {s("target"), kRelocation}});
        profile.insert(s("rules"), rules);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(QJsonDocument(profile).toJson());
        f.close();
        auto imported = runCli({s("mapping"), s("import"), file, s("--target"), s("bob")}, m_env);
        QVERIFY2(imported.exitCode == 0, qPrintable(dump(imported)));

        // Preview shows where every value comes from, before anything is sent.
        const QString newYorkHire = s("aa000000-0000-4000-8000-000000000010");
        auto preview = runCli({s("preview"), newYorkHire, s("--json")}, m_env);
        QVERIFY2(preview.exitCode == 0, qPrintable(dump(preview)));
        const auto previewJson = preview.json().object();
        QCOMPARE(previewJson.value(s("fields")).toObject().value(s("work.site")).toString(), s("new york"));
        bool sawProvenance = false;
        for (const auto& p : previewJson.value(s("provenance")).toArray()) {
            sawProvenance |= p.toObject().value(s("field")).toString() == kCandidateId
                && p.toObject().value(s("source")).toString() == s("candidate.id");
        }
        QVERIFY(sawProvenance);

        auto push = runCli({s("push"), s("--all-ready"), s("--json")}, m_env);
        QVERIFY2(push.exitCode == 1, qPrintable(dump(push))); // only the hire without e-mail fails
        QSet<QString> relocationLabels;
        const auto lists = m_sandbox.bobGet(s("/v1/company/named-lists")).object();
        for (const auto& item : lists.value(s("relocationPackage")).toObject().value(s("values")).toArray()) {
            relocationLabels.insert(item.toObject().value(s("name")).toString());
        }
        QVERIFY(!relocationLabels.isEmpty());

        const auto events = m_sandbox.receivedHires();
        QCOMPARE(events.size(), 28);
        int withPronouns = 0;
        int withRelocation = 0;
        for (const auto& e : events) {
            const auto body = e.toObject().value(s("body")).toObject();
            const auto fields = body.value(s("fields")).toObject();
            const QString candidateId = body.value(s("source")).toObject().value(s("candidateId")).toString();
            const QString applicationId = body.value(s("source")).toObject().value(s("applicationId")).toString();
            QCOMPARE(fields.value(kCandidateId).toString(), candidateId);
            // The candidate's own value in Ashby, read directly.
            const auto candidate = m_sandbox.ashby(s("candidate.info"), QJsonObject {{s("id"), candidateId}})
                                       .value(s("results"))
                                       .toObject();
            QString pronouns;
            for (const auto& cf : candidate.value(s("customFields")).toArray()) {
                if (cf.toObject().value(s("id")).toString() == m_fieldIds.value(s("Pronouns"))) {
                    pronouns = cf.toObject().value(s("value")).toString();
                }
            }
            QCOMPARE(fields.value(kPronouns).toString(), pronouns);
            withPronouns += pronouns.isEmpty() ? 0 : 1;
            if (fields.contains(kRelocation)) {
                ++withRelocation;
                QVERIFY2(relocationLabels.contains(fields.value(kRelocation).toString()),
                    qPrintable(fields.value(kRelocation).toString()));
            }
            if (applicationId == newYorkHire) {
                QCOMPARE(fields.value(s("work.site")).toString(), s("new york"));
            }
        }
        QVERIFY(withPronouns > 0);
        QVERIFY(withRelocation > 0);
    }

    void import_malformedProfile_refusedAndSavedMappingKept()
    {
        const QString file = m_dir.filePath(s("broken.json"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"schema":"hirebridge.mapping","version":1,"target":"bob","rules":[{"source":"candidate.id"}]})");
        f.close();
        auto imported = runCli({s("mapping"), s("import"), file}, m_env);
        QCOMPARE(imported.exitCode, 1);
        QVERIFY2(imported.err.contains("rule 1") && imported.err.contains("target"), qPrintable(dump(imported)));
        const QString out = m_dir.filePath(s("again.json"));
        QCOMPARE(runCli({s("mapping"), s("export"), out}, m_env).exitCode, 0);
        QFile again(out);
        QVERIFY(again.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(again.readAll()).object().value(s("rules")).toArray().size(), 10);
    }

    void import_profileWithErrors_savedButExit1()
    {
        // The required e-mail is not mapped: an error, which a script must see in the exit code.
        const QString exported = m_dir.filePath(s("current.json"));
        QCOMPARE(runCli({s("mapping"), s("export"), exported}, m_env).exitCode, 0);
        QFile in(exported);
        QVERIFY(in.open(QIODevice::ReadOnly));
        QJsonObject profile = QJsonDocument::fromJson(in.readAll()).object();
        QJsonArray kept;
        int removed = 0;
        for (const auto& rule : profile.value(s("rules")).toArray()) {
            if (rule.toObject().value(s("target")).toString() == QLatin1String("root.email")) {
                ++removed;
                continue;
            }
            kept.append(rule);
        }
        QCOMPARE(removed, 1);
        profile.insert(s("rules"), kept);
        const QString file = m_dir.filePath(s("no-email.json"));
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(QJsonDocument(profile).toJson());
        out.close();
        auto imported = runCli({s("mapping"), s("import"), file}, m_env);
        QVERIFY2(imported.exitCode == 1, qPrintable(dump(imported)));
        QVERIFY2(imported.err.contains("error:") && imported.err.contains("saved"), qPrintable(dump(imported)));
        // Saved all the same, as it says.
        const QString again = m_dir.filePath(s("after.json"));
        QCOMPARE(runCli({s("mapping"), s("export"), again}, m_env).exitCode, 0);
        QFile back(again);
        QVERIFY(back.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(back.readAll()).object().value(s("rules")).toArray().size(), kept.size());
    }

private:
    SandboxProcess m_sandbox;
    QTemporaryDir m_dir;
    QProcessEnvironment m_env;
    QHash<QString, QString> m_fieldIds;
};

QTEST_GUILESS_MAIN(TestMappingE2e)
#include "test_mapping_e2e.moc"
