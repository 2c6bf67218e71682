#include "mapping/SourceCatalog.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

namespace {

QString s(const char* text)
{
    return QString::fromUtf8(text);
}

Hire fullHire()
{
    Hire h;
    h.applicationId = s("app-1");
    h.candidateId = s("cand-1");
    h.offerId = s("off-1");
    h.name = s("Zoë Ångström-Núñez");
    h.firstName = s("Zoë");
    h.lastName = s("Ångström-Núñez");
    h.email = s("zoe@example.org");
    h.phone = s("+49 30 1234");
    h.profileUrl = s("https://app.ashbyhq.com/candidates/cand-1");
    h.jobTitle = s("Backend Engineer");
    h.department = s("Platform");
    h.location = s("Zürich");
    h.employmentType = s("FullTime");
    h.startDate = s("2026-03-02");
    h.salary = Salary {95000, s("EUR")};
    h.hiringManager = PersonRef {s("u1"), s("Ingrid"), s("Berg"), s("ingrid@acme.example")};
    return h;
}

CustomFieldValue custom(const char* type, const QJsonValue& value, const QJsonValue& label = QJsonValue::Undefined)
{
    CustomFieldValue v;
    v.id = s("cf-1");
    v.title = s("Field");
    v.objectType = s("Candidate");
    v.fieldType = s(type);
    v.value = value;
    v.valueLabel = label;
    return v;
}

} // namespace

class TestSourceCatalog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void builtinFields_everyPath_hasLabelGroupAndType()
    {
        const auto fields = SourceCatalog::builtinFields();
        QCOMPARE(fields.size(), 20);
        const QStringList groups {s("Candidate"), s("Application"), s("Offer"), s("Job"), s("Hiring manager")};
        for (const auto& f : fields) {
            QVERIFY2(!f.label.isEmpty(), qPrintable(f.path));
            QVERIFY2(groups.contains(f.group), qPrintable(f.path));
            QVERIFY2(!f.ashbyType.isEmpty(), qPrintable(f.path));
            QVERIFY(!f.custom);
            QVERIFY(SourceCatalog::builtinAccessor(f.path) != nullptr);
        }
    }

    void resolve_builtinPath_returnsHireValue_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QJsonValue>("expected");
        QTest::newRow("candidate.name") << s("candidate.name") << QJsonValue(s("Zoë Ångström-Núñez"));
        QTest::newRow("candidate.firstName") << s("candidate.firstName") << QJsonValue(s("Zoë"));
        QTest::newRow("candidate.lastName") << s("candidate.lastName") << QJsonValue(s("Ångström-Núñez"));
        QTest::newRow("candidate.email") << s("candidate.email") << QJsonValue(s("zoe@example.org"));
        QTest::newRow("candidate.phone") << s("candidate.phone") << QJsonValue(s("+49 30 1234"));
        QTest::newRow("candidate.id") << s("candidate.id") << QJsonValue(s("cand-1"));
        QTest::newRow("candidate.profileUrl")
            << s("candidate.profileUrl") << QJsonValue(s("https://app.ashbyhq.com/candidates/cand-1"));
        QTest::newRow("application.id") << s("application.id") << QJsonValue(s("app-1"));
        QTest::newRow("job.title") << s("job.title") << QJsonValue(s("Backend Engineer"));
        QTest::newRow("job.department") << s("job.department") << QJsonValue(s("Platform"));
        QTest::newRow("job.location") << s("job.location") << QJsonValue(s("Zürich"));
        QTest::newRow("job.employmentType") << s("job.employmentType") << QJsonValue(s("FullTime"));
        QTest::newRow("offer.id") << s("offer.id") << QJsonValue(s("off-1"));
        QTest::newRow("offer.startDate") << s("offer.startDate") << QJsonValue(s("2026-03-02"));
        QTest::newRow("offer.salary.value") << s("offer.salary.value") << QJsonValue(95000);
        QTest::newRow("offer.salary.currencyCode") << s("offer.salary.currencyCode") << QJsonValue(s("EUR"));
        QTest::newRow("hiringManager.name") << s("hiringManager.name") << QJsonValue(s("Ingrid Berg"));
        QTest::newRow("hiringManager.firstName") << s("hiringManager.firstName") << QJsonValue(s("Ingrid"));
        QTest::newRow("hiringManager.lastName") << s("hiringManager.lastName") << QJsonValue(s("Berg"));
        QTest::newRow("hiringManager.email") << s("hiringManager.email") << QJsonValue(s("ingrid@acme.example"));
    }
    void resolve_builtinPath_returnsHireValue()
    {
        QFETCH(QString, path);
        QFETCH(QJsonValue, expected);
        QCOMPARE(SourceCatalog::resolve(fullHire(), path), expected);
        // An empty hire has nothing there: undefined, never "" (which would blank the target field).
        QVERIFY(SourceCatalog::resolve(Hire {}, path).isUndefined());
    }

    void resolve_unknownPath_isUndefined()
    {
        QVERIFY(SourceCatalog::resolve(fullHire(), s("candidate.shoeSize")).isUndefined());
        QVERIFY(SourceCatalog::resolve(fullHire(), s("custom.nope")).isUndefined());
    }

    void resolve_customValue_dependsOnType_data()
    {
        QTest::addColumn<CustomFieldValue>("value");
        QTest::addColumn<QJsonValue>("expected");
        QTest::newRow("String") << custom("String", s("text")) << QJsonValue(s("text"));
        QTest::newRow("LongText") << custom("LongText", s("long\ntext")) << QJsonValue(s("long\ntext"));
        QTest::newRow("Number") << custom("Number", 5) << QJsonValue(5);
        QTest::newRow("Boolean") << custom("Boolean", true) << QJsonValue(true);
        QTest::newRow("Date") << custom("Date", s("2025-06-02T00:00:00.000Z"))
                              << QJsonValue(s("2025-06-02T00:00:00.000Z"));
        QTest::newRow("ValueSelect label")
            << custom("ValueSelect", s("opt-a"), s("Option A")) << QJsonValue(s("Option A"));
        QTest::newRow("ValueSelect no label") << custom("ValueSelect", s("opt-a")) << QJsonValue(s("opt-a"));
        QTest::newRow("MultiValueSelect labels") << custom("MultiValueSelect", QJsonArray {s("a"), s("b")},
            QJsonArray {s("A"), s("B")}) << QJsonValue(QJsonArray {s("A"), s("B")});
        QTest::newRow("MultiValueSelect no labels")
            << custom("MultiValueSelect", QJsonArray {s("a")}) << QJsonValue(QJsonArray {s("a")});
        QTest::newRow("MultiValueSelect empty") << custom("MultiValueSelect", QJsonArray {}) << QJsonValue();
        QTest::newRow("Currency") << custom(
            "Currency", QJsonObject {{s("value"), 100000}, {s("currencyCode"), s("EUR")}, {s("extra"), 1}})
                                  << QJsonValue(QJsonObject {{s("value"), 100000}, {s("currencyCode"), s("EUR")}});
        QTest::newRow("untyped with label") << custom("", s("x"), s("Label")) << QJsonValue(s("Label"));
        QTest::newRow("untyped number") << custom("", 3) << QJsonValue(3);
        QTest::newRow("null") << custom("String", QJsonValue::Null) << QJsonValue();
        QTest::newRow("empty text") << custom("String", s("")) << QJsonValue();
    }
    void resolve_customValue_dependsOnType()
    {
        QFETCH(CustomFieldValue, value);
        QFETCH(QJsonValue, expected);
        Hire h;
        h.customFields = {value};
        const QJsonValue got = SourceCatalog::resolve(h, SourceCatalog::customPath(value.id));
        if (expected.isUndefined() || expected.isNull()) {
            QVERIFY(got.isUndefined());
        } else {
            QCOMPARE(got, expected);
        }
    }

    void fromDefinitions_definitions_customFieldsWithGroups()
    {
        const QJsonArray definitions {
            QJsonObject {{s("id"), s("d1")}, {s("title"), s("Relocation package")}, {s("objectType"), s("Offer")},
                {s("fieldType"), s("Boolean")}, {s("isArchived"), false}},
            QJsonObject {{s("id"), s("d2")}, {s("title"), s("Languages")}, {s("objectType"), s("Candidate")},
                {s("fieldType"), s("MultiValueSelect")}, {s("isArchived"), true},
                {s("selectableValues"),
                    QJsonArray {QJsonObject {{s("label"), s("German")}, {s("value"), s("de")}},
                        QJsonObject {{s("value"), s("fr")}}}}},
            QJsonObject {{s("id"), s("d3")}, {s("title"), s("Cost centre")}, {s("objectType"), s("Offer_Version")},
                {s("fieldType"), s("String")}},
        };
        QString error;
        const auto catalog = SourceCatalog::fromDefinitions(definitions, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(catalog.hasCustomFields());
        QCOMPARE(catalog.fields().size(), 23);
        QCOMPARE(catalog.definitions().size(), 3);
        const auto d1 = catalog.field(s("custom.d1"));
        QVERIFY(d1);
        QCOMPARE(d1->label, s("Relocation package"));
        QCOMPARE(d1->group, s("Offer"));
        QCOMPARE(d1->ashbyType, s("Boolean"));
        QVERIFY(d1->custom);
        QVERIFY(!d1->archived);
        const auto d2 = catalog.field(s("custom.d2"));
        QVERIFY(d2);
        QCOMPARE(d2->group, s("Candidate"));
        QVERIFY(d2->archived);
        QCOMPARE(d2->options, (QStringList {s("German"), s("fr")}));
        QCOMPARE(catalog.field(s("custom.d3"))->group, s("Offer"));
        QVERIFY(catalog.field(s("candidate.email")));
        QVERIFY(!catalog.field(s("custom.d9")));
    }

    void fromDefinitions_malformedEntries_skippedAndNamed()
    {
        const QJsonArray definitions {s("not an object"), QJsonObject {{s("id"), 5}},
            QJsonObject {{s("id"), s("ok")}, {s("title"), s("Fine")}, {s("fieldType"), s("String")}},
            QJsonObject {{s("id"), s("bad")}, {s("isArchived"), s("yes")}}};
        QString error;
        const auto catalog = SourceCatalog::fromDefinitions(definitions, &error);
        QCOMPARE(catalog.fields().size(), 21);
        QVERIFY(catalog.field(s("custom.ok")));
        QVERIFY2(error.contains(s("custom field definition 0")), qPrintable(error));
        QVERIFY2(error.contains(s("custom field definition 1: \"id\" is a number")), qPrintable(error));
        QVERIFY2(error.contains(s("custom field definition 3: \"isArchived\" is a string")), qPrintable(error));
    }

    void hasCustomFields_noDefinitions_false()
    {
        const auto catalog = SourceCatalog::fromDefinitions({});
        QVERIFY(!catalog.hasCustomFields());
        QCOMPARE(catalog.fields().size(), 20);
        QVERIFY(SourceCatalog().field(s("job.title")));
    }
};

QTEST_GUILESS_MAIN(TestSourceCatalog)
#include "test_sourcecatalog.moc"
