#include "mapping/TargetCatalog.h"
#include "targetcatalog_fixtures.inc"

#include <QJsonDocument>
#include <QTest>

namespace {

QString s(const char* text)
{
    return QString::fromUtf8(text);
}

QByteArray b(const char* text)
{
    return QByteArray(text);
}

} // namespace

class TestTargetCatalog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fromBob_fieldsAndLists_parsed()
    {
        QString error;
        const auto catalog = TargetCatalog::fromBob(b(kFields), b(kListsValues), &error);
        QVERIFY2(catalog, qPrintable(error));
        QCOMPARE(catalog->target, s("bob"));
        QVERIFY(catalog->fetchedAt.isValid());
        QCOMPARE(catalog->fields.size(), 6); // the duplicate id keeps the first entry
        const TargetField* first = catalog->field(s("root.firstName"));
        QVERIFY(first);
        QCOMPARE(first->name, s("First name"));
        QCOMPARE(first->type, s("text"));
        QCOMPARE(first->category, s("root"));
        QCOMPARE(first->categoryDisplayName, s("Basic info"));
        QCOMPARE(first->jsonPath, s("firstName"));
        QCOMPARE(first->maxLength, 50);
        QCOMPARE(catalog->field(s("root.surname"))->maxLength, 50);
        const TargetField* department = catalog->field(s("work.department"));
        QCOMPARE(department->listId, s("department"));
        QVERIFY(department->historical);
        QCOMPARE(department->maxLength, 0);
        QCOMPARE(catalog->field(s("category_1645574919835.field_1"))->listId, s("77"));
    }

    void fromBob_customDetection_idOrCategory()
    {
        const auto catalog = TargetCatalog::fromBob(b(kFields), {}, nullptr);
        QVERIFY(catalog);
        QVERIFY(catalog->field(s("identification.custom.Ashby candidate ID_7QmPz"))->custom);
        QVERIFY(catalog->field(s("category_1645574919835.field_1"))->custom);
        QVERIFY(!catalog->field(s("work.site"))->custom);
        QVERIFY(catalog->hasCustomFields());
        QVERIFY(catalog->lists.isEmpty()); // an empty lists body means no lists, not an error
    }

    void fromBob_listShapes_valuesItemsAndBareArray()
    {
        const auto catalog = TargetCatalog::fromBob(b(kFields), b(kListsValues), nullptr);
        QVERIFY(catalog);
        const auto* site = catalog->list(s("site"));
        QVERIFY(site);
        QCOMPARE(site->size(), 2);
        QCOMPARE(site->at(0).id, s("2178554"));
        QCOMPARE(site->at(1).id, s("2178560")); // a number becomes its text
        QVERIFY(site->at(1).archived);
        const auto* department = catalog->list(s("department"));
        QCOMPARE(department->at(0).children.size(), 1);
        QCOMPARE(department->at(0).children.at(0).name, s("Platform"));
        QCOMPARE(department->at(0).children.at(0).id, s("11"));
        const auto* bare = catalog->list(s("77"));
        QCOMPARE(bare->at(0).name, s("Small")); // "value" stands in for a missing name
        QVERIFY(!catalog->list(s("title")));
    }

    void fromBob_singleListBody_accepted()
    {
        const auto catalog = TargetCatalog::fromBob(b(kFields), b(kOneList), nullptr);
        QVERIFY(catalog);
        QCOMPARE(catalog->list(s("site"))->at(0).id, s("1"));
    }

    void fromBob_malformed_errorNamesWhatAndWhere_data()
    {
        QTest::addColumn<QByteArray>("fields");
        QTest::addColumn<QByteArray>("lists");
        QTest::addColumn<QString>("expected");
        QTest::newRow("id number") << b(kFieldsIdNumber) << QByteArray()
                                   << s("fields metadata item 1: \"id\" is missing");
        QTest::newRow("object") << b(kFieldsObject) << QByteArray() << s("fields metadata is an object, not an array");
        QTest::newRow("truncated") << b(kFieldsTruncated) << QByteArray() << s("fields metadata is not valid JSON");
        QTest::newRow("not object") << b(kFieldsNotObject) << QByteArray()
                                    << s("fields metadata item 0: is a string, not an object");
        QTest::newRow("typeData") << b(kFieldsTypeData) << QByteArray()
                                  << s("fields metadata item 0 (work.site): \"typeData\" is a string");
        QTest::newRow("name number") << b(kFieldsNameNumber) << QByteArray()
                                     << s("fields metadata item 0 (work.site): \"name\" is a number");
        QTest::newRow("empty body") << QByteArray() << QByteArray() << s("fields metadata is not valid JSON");
        QTest::newRow("list item id") << b(kFields) << b(kListItemNoId)
                                      << s("named list \"site\" item 0: \"id\" is missing");
        QTest::newRow("children") << b(kFields) << b(kListChildren)
                                  << s("named list \"department\" item 0: \"children\" is an object");
        QTest::newRow("no array") << b(kFields) << b(kListNoArray)
                                  << s("named list \"site\": has neither \"values\" nor \"items\"");
        QTest::newRow("archived text") << b(kFields) << b(kListArchivedText)
                                       << s("named list \"site\" item 0: \"archived\" is a string");
        QTest::newRow("list number") << b(kFields) << b(kListNotObject)
                                     << s("named list \"site\": is a number, not an object");
        QTest::newRow("lists truncated") << b(kFields) << b("{\"site\": [") << s("named lists is not valid JSON");
    }
    void fromBob_malformed_errorNamesWhatAndWhere()
    {
        QFETCH(QByteArray, fields);
        QFETCH(QByteArray, lists);
        QFETCH(QString, expected);
        QString error;
        QVERIFY(!TargetCatalog::fromBob(fields, lists, &error));
        QVERIFY2(error.startsWith(expected), qPrintable(error));
    }

    void fromBob_idNumber_named()
    {
        QString error;
        QVERIFY(
            !TargetCatalog::fromBob(b("[{\"id\": \"a\"}, {\"id\": \"b\"}, {\"id\": \"c\"}, {\"id\": 4}]"), {}, &error));
        QCOMPARE(error, s("fields metadata item 3: \"id\" is a number"));
    }

    void fromBob_hugeBody_refusedWithoutParsing()
    {
        QByteArray huge(TargetCatalog::kMaxBodySize + 1, ' ');
        QString error;
        QVERIFY(!TargetCatalog::fromBob(huge, {}, &error));
        QVERIFY2(error.contains(s("too large")), qPrintable(error));
    }

    void fromBob_deepNesting_refused()
    {
        QByteArray lists = "{\"department\": [";
        for (int i = 0; i < 40; ++i) {
            lists += "{\"id\": " + QByteArray::number(i) + ", \"name\": \"n\", \"children\": [";
        }
        for (int i = 0; i < 40; ++i) {
            lists += "]}";
        }
        lists += "]}";
        QString error;
        QVERIFY(!TargetCatalog::fromBob(b(kFields), lists, &error));
        QVERIFY2(error.contains(s("nested deeper")), qPrintable(error));
    }

    void requiredFields_mode_fiveDirectEmailOnlyHireApi()
    {
        QCOMPARE(TargetCatalog::requiredFields(s("bob"), true),
            (QStringList {
                s("root.firstName"), s("root.surname"), s("root.email"), s("work.site"), s("work.startDate")}));
        QCOMPARE(TargetCatalog::requiredFields(s("bob"), false), (QStringList {s("root.email")}));
        QVERIFY(TargetCatalog::requiredFields(s("other"), true).isEmpty());
    }

    void markRequired_directThenHireApi_followsMode()
    {
        auto catalog = TargetCatalog::bobBuiltin();
        catalog.markRequired(true);
        QVERIFY(catalog.field(s("work.site"))->required);
        QVERIFY(catalog.field(s("work.startDate"))->required);
        QVERIFY(catalog.field(s("root.email"))->required);
        QVERIFY(!catalog.field(s("work.title"))->required);
        catalog.markRequired(false);
        QVERIFY(!catalog.field(s("work.site"))->required);
        QVERIFY(!catalog.field(s("root.firstName"))->required);
        QVERIFY(catalog.field(s("root.email"))->required);
    }

    void toJson_fromJson_roundTrip()
    {
        auto catalog = TargetCatalog::fromBob(b(kFields), b(kListsValues), nullptr);
        QVERIFY(catalog);
        catalog->markRequired(true);
        const QJsonObject json = catalog->toJson();
        // Through text, as the ledger stores it.
        const QJsonObject reread = QJsonDocument::fromJson(QJsonDocument(json).toJson()).object();
        QString error;
        const auto back = TargetCatalog::fromJson(reread, &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(back->target, catalog->target);
        QCOMPARE(back->fetchedAt, catalog->fetchedAt);
        QCOMPARE(back->fields.size(), catalog->fields.size());
        for (qsizetype i = 0; i < catalog->fields.size(); ++i) {
            const auto& a = catalog->fields.at(i);
            const auto& c = back->fields.at(i);
            QCOMPARE(c.id, a.id);
            QCOMPARE(c.name, a.name);
            QCOMPARE(c.category, a.category);
            QCOMPARE(c.categoryDisplayName, a.categoryDisplayName);
            QCOMPARE(c.type, a.type);
            QCOMPARE(c.listId, a.listId);
            QCOMPARE(c.jsonPath, a.jsonPath);
            QCOMPARE(c.custom, a.custom);
            QCOMPARE(c.required, a.required);
            QCOMPARE(c.maxLength, a.maxLength);
            QCOMPARE(c.historical, a.historical);
        }
        QCOMPARE(back->lists.keys().size(), catalog->lists.keys().size());
        const auto* department = back->list(s("department"));
        QCOMPARE(department->at(0).children.at(0).name, s("Platform"));
        QVERIFY(back->list(s("site"))->at(1).archived);
    }

    void fromJson_wrongTypes_errors()
    {
        QString error;
        QVERIFY(!TargetCatalog::fromJson(QJsonObject {{s("target"), 3}}, &error));
        QVERIFY2(error.contains(s("\"target\" is a number")), qPrintable(error));
        QVERIFY(!TargetCatalog::fromJson(QJsonObject {{s("target"), s("bob")}, {s("fields"), s("x")}}, &error));
        QVERIFY2(error.contains(s("\"fields\" is a string")), qPrintable(error));
    }

    void bobBuiltin_commonFields_listTyped()
    {
        const auto catalog = TargetCatalog::bobBuiltin();
        for (const char* id : {"root.firstName", "root.surname", "root.email", "root.displayName", "work.startDate",
                 "work.title", "work.department", "work.site", "work.reportsTo"}) {
            QVERIFY2(catalog.field(s(id)), id);
        }
        QCOMPARE(catalog.field(s("work.site"))->listId, s("site"));
        QCOMPARE(catalog.field(s("work.title"))->listId, s("title"));
        QCOMPARE(catalog.field(s("work.department"))->listId, s("department"));
        QCOMPARE(catalog.field(s("work.reportsTo"))->type, s("employee-reference"));
        QCOMPARE(catalog.field(s("work.startDate"))->type, s("date"));
        QVERIFY(TargetCatalog::isListType(s("hierarchy-list")));
        QVERIFY(!TargetCatalog::isListType(s("text")));
    }
};

QTEST_GUILESS_MAIN(TestTargetCatalog)
#include "test_targetcatalog.moc"
