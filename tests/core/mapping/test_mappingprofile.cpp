#include "mapping/MappingProfile.h"
#include "mapping/TargetCatalog.h"
#include "mappingprofile_fixtures.inc"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

namespace {

QString s(const char* text)
{
    return QString::fromUtf8(text);
}

QJsonObject json(const char* text)
{
    QJsonParseError error;
    const auto doc = QJsonDocument::fromJson(QByteArray(text), &error);
    if (error.error != QJsonParseError::NoError) {
        qFatal("fixture is not JSON: %s", qPrintable(error.errorString()));
    }
    return doc.object();
}

MappingProfile richProfile()
{
    MappingProfile p = MappingProfile::defaultFor(s("bob"));
    MappingRule r;
    r.source = s("custom.cf-bonus");
    r.target = s("payroll.custom.Bonus_1");
    r.transform.kind = Transform::Kind::Currency;
    r.transform.currencyPart = s("text");
    r.transform.decimals = 2;
    p.rules.append(r);
    MappingRule c;
    c.target = s("work.custom.Source_2");
    c.transform.kind = Transform::Kind::Constant;
    c.transform.constant = s("Ashby");
    p.rules.append(c);
    MappingRule l;
    l.source = s("custom.cf-level");
    l.target = s("work.custom.Level_3");
    l.transform.kind = Transform::Kind::ListLookup;
    l.transform.listOutput = s("id");
    l.defaultValue = s("Junior");
    p.rules.append(l);
    MappingRule j;
    j.source = s("custom.cf-languages");
    j.target = s("work.custom.Languages_4");
    j.transform.kind = Transform::Kind::Join;
    j.transform.separator = s(" / ");
    j.defaultValue = s("");
    p.rules.append(j);
    MappingRule d;
    d.source = s("custom.cf-signed");
    d.target = s("work.custom.Signed_5");
    d.transform.kind = Transform::Kind::DateFormat;
    d.transform.format = s("dd.MM.yyyy");
    p.rules.append(d);
    return p;
}

} // namespace

class TestMappingProfile : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void defaultFor_bob_sevenRules()
    {
        const auto p = MappingProfile::defaultFor(s("bob"));
        QCOMPARE(p.target, s("bob"));
        QCOMPARE(p.version, MappingProfile::kCurrentVersion);
        const QList<QPair<QString, QString>> expected {{s("candidate.firstName"), s("root.firstName")},
            {s("candidate.lastName"), s("root.surname")}, {s("candidate.email"), s("root.email")},
            {s("offer.startDate"), s("work.startDate")}, {s("job.title"), s("work.title")},
            {s("job.department"), s("work.department")}, {s("job.location"), s("work.site")}};
        QCOMPARE(p.rules.size(), expected.size());
        for (qsizetype i = 0; i < expected.size(); ++i) {
            QCOMPARE(p.rules.at(i).source, expected.at(i).first);
            QCOMPARE(p.rules.at(i).target, expected.at(i).second);
        }
        QCOMPARE(p.rules.at(3).transform.kind, Transform::Kind::DateFormat);
        QCOMPARE(p.ruleForTarget(s("work.site")), 6);
        QCOMPARE(p.ruleForTarget(s("nope")), -1);
        QVERIFY(MappingProfile::defaultFor(s("workday")).rules.isEmpty());
    }

    void defaultFor_bambooHrAndPersonio_mapTheCoreFieldsToTheirNames()
    {
        const auto bamboo = MappingProfile::defaultFor(s("bamboohr"));
        QCOMPARE(bamboo.target, s("bamboohr"));
        QCOMPARE(bamboo.ruleForTarget(s("workEmail")), 2);
        QCOMPARE(bamboo.rules.at(bamboo.ruleForTarget(s("hireDate"))).transform.kind, Transform::Kind::DateFormat);
        QVERIFY(bamboo.ruleForTarget(s("department")) >= 0);
        const auto personio = MappingProfile::defaultFor(s("personio"));
        QCOMPARE(personio.rules.at(personio.ruleForTarget(s("email"))).source, s("candidate.email"));
        QCOMPARE(personio.rules.at(personio.ruleForTarget(s("hire_date"))).source, s("offer.startDate"));
        QVERIFY(personio.ruleForTarget(s("office")) >= 0);
        // Every required field of each target is mapped by its default.
        for (const auto& p : {bamboo, personio}) {
            for (const auto& id : TargetCatalog::requiredFields(p.target, true)) {
                QVERIFY2(p.ruleForTarget(id) >= 0, qPrintable(p.target + s(": ") + id));
            }
        }
    }

    void toJson_fromJson_roundTrip()
    {
        const auto p = richProfile();
        const QJsonObject o = p.toJson();
        QCOMPARE(o.value(s("schema")).toString(), s("hirebridge.mapping"));
        QCOMPARE(o.value(s("version")).toInt(), 1);
        QString error;
        const auto back = MappingProfile::fromJson(QJsonDocument::fromJson(QJsonDocument(o).toJson()).object(), &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(*back, p);
        // Only what differs from the defaults is written.
        QVERIFY(!o.value(s("rules")).toArray().at(0).toObject().contains(s("transform")));
    }

    void transform_kindNames_roundTrip()
    {
        using K = Transform::Kind;
        for (K kind : {K::None, K::DateFormat, K::FirstName, K::LastName, K::ListLookup, K::Constant, K::Number,
                 K::Currency, K::Join}) {
            QCOMPARE(Transform::kindFromName(Transform::kindName(kind)), std::optional<K>(kind));
            Transform t;
            t.kind = kind;
            QVERIFY(!t.describe().isEmpty());
        }
        QCOMPARE(Transform::kindName(K::ListLookup), s("list"));
        QVERIFY(!Transform::kindFromName(s("guess")));
    }

    void fromJson_version0_loadsAsRules()
    {
        QString error;
        const auto p = MappingProfile::fromJson(json(kVersion0), &error);
        QVERIFY2(p, qPrintable(error));
        QCOMPARE(p->version, MappingProfile::kCurrentVersion);
        QCOMPARE(p->target, s("bob"));
        QCOMPARE(p->rules.size(), 3);
        const int site = p->ruleForTarget(s("work.site"));
        QVERIFY(site >= 0);
        QCOMPARE(p->rules.at(site).source, s("job.location"));
        QCOMPARE(p->rules.at(site).transform.kind, Transform::Kind::None);
        QCOMPARE(p->rules.at(p->ruleForTarget(s("identification.custom.Ashby ID_1"))).source, s("candidate.id"));
    }

    void fromJson_duplicateTargets_laterReplaces()
    {
        const auto p = MappingProfile::fromJson(json(kDuplicates), nullptr);
        QVERIFY(p);
        QCOMPARE(p->rules.size(), 2);
        QCOMPARE(p->rules.at(0).target, s("work.site"));
        QCOMPARE(p->rules.at(0).source, s("job.department"));
    }

    void fromJson_malformed_errorNamesRuleAndField_data()
    {
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<QString>("expected");
        QTest::newRow("newer") << s(kVersion2) << s("mapping version 2 is newer than this Hirebridge understands");
        QTest::newRow("schema") << s(kOtherSchema) << s("not a Hirebridge mapping (\"schema\" is \"something.else\")");
        QTest::newRow("rule not object") << s(kRuleNotObject) << s("rule 2: is a number, not an object");
        QTest::newRow("no target") << s(kRuleNoTarget) << s("rule 2: \"target\" is missing");
        QTest::newRow("bad kind") << s(kRuleBadKind)
                                  << s("rule 1: \"target\" is missing"); // the first bad rule is named
        QTest::newRow("decimals") << s(kRuleBadDecimals)
                                  << s("rule 1 (x): transform \"decimals\" is 1.5, not a whole number");
        QTest::newRow("default number") << s(kRuleDefaultNumber)
                                        << s("rule 1 (work.site): \"default\" is a number, not a string");
        QTest::newRow("no source") << s(kRuleNoSource) << s("rule 1 (work.site): \"source\" is missing");
        QTest::newRow("source number") << s(kRuleSourceNumber)
                                       << s("rule 1 (work.site): \"source\" is a number, not a string");
        QTest::newRow("list output") << s(kRuleListOutput)
                                     << s("rule 1 (work.site): transform \"listOutput\" is \"label\"");
        QTest::newRow("rules object") << s(kRulesNotArray) << s("mapping \"rules\" is an object, not an array");
        QTest::newRow("version text") << s(kVersionText) << s("mapping \"version\" is a string");
        QTest::newRow("version 0 bad") << s(kVersion0Bad)
                                       << s("mapping field \"root.firstName\": the source is a number");
        QTest::newRow("empty") << s("{}") << s("mapping \"fields\" is missing, not an object");
    }
    void fromJson_malformed_errorNamesRuleAndField()
    {
        QFETCH(QString, fixture);
        QFETCH(QString, expected);
        QString error;
        QVERIFY(!MappingProfile::fromJson(json(fixture.toUtf8().constData()), &error));
        QVERIFY2(error.startsWith(expected), qPrintable(error));
    }

    void fromJson_unknownTransform_named()
    {
        QJsonObject o = richProfile().toJson();
        QJsonArray rules = o.value(s("rules")).toArray();
        QJsonObject rule = rules.at(3).toObject();
        rule.insert(s("transform"), QJsonObject {{s("kind"), s("sometime")}});
        rules.replace(3, rule);
        o.insert(s("rules"), rules);
        QString error;
        QVERIFY(!MappingProfile::fromJson(o, &error));
        QCOMPARE(error, s("rule 4 (work.startDate): unknown transform \"sometime\""));
    }

    void saveLoad_file_roundTrip()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(s("sub/") + MappingProfile::fileName(s("bob")));
        QCOMPARE(MappingProfile::fileName(s("bob")), s("mapping-bob.json"));
        const auto p = richProfile();
        QString error;
        QVERIFY2(p.save(path, &error), qPrintable(error));
        // It may hold constants such as salary bands: the owner's alone.
        QCOMPARE(
            QFile::permissions(path) & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions());
        const auto back = MappingProfile::load(path, &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(*back, p);
    }

    void load_badFiles_errorNamesFile()
    {
        QTemporaryDir dir;
        QString error;
        QVERIFY(!MappingProfile::load(dir.filePath(s("missing.json")), &error));
        QVERIFY2(error.contains(s("missing.json")), qPrintable(error));
        const QString broken = dir.filePath(s("broken.json"));
        QFile file(broken);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"schema\": \"hirebridge.mapping\", \"ver");
        file.close();
        QVERIFY(!MappingProfile::load(broken, &error));
        QVERIFY2(error.contains(s("broken.json")) && error.contains(s("not valid JSON")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestMappingProfile)
#include "test_mappingprofile.moc"
