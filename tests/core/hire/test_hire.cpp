#include "Hire.h"

#include <QTest>

class TestHire : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void calendarDate_anyInput_takesDatePartWithoutShift_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("date") << QStringLiteral("2026-03-02") << QStringLiteral("2026-03-02");
        // A midnight UTC date-time stays on its calendar day whatever the local zone.
        QTest::newRow("utc midnight") << QStringLiteral("2025-06-02T00:00:00.000Z") << QStringLiteral("2025-06-02");
        QTest::newRow("late evening") << QStringLiteral("2025-06-02T23:30:00.000-08:00")
                                      << QStringLiteral("2025-06-02");
        QTest::newRow("invalid day") << QStringLiteral("2025-02-30") << QString();
        QTest::newRow("garbage") << QStringLiteral("next monday") << QString();
        QTest::newRow("empty") << QString() << QString();
    }
    void calendarDate_anyInput_takesDatePartWithoutShift()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QCOMPARE(calendarDate(input), expected);
    }

    void splitName_fullName_splitsAtFirstSpace_data()
    {
        QTest::addColumn<QString>("full");
        QTest::addColumn<QString>("first");
        QTest::addColumn<QString>("last");
        QTest::newRow("two words") << QStringLiteral("Zoë Ångström-Núñez") << QStringLiteral("Zoë")
                                   << QStringLiteral("Ångström-Núñez");
        QTest::newRow("three words") << QStringLiteral("Maria de la Cruz") << QStringLiteral("Maria")
                                     << QStringLiteral("de la Cruz");
        QTest::newRow("mononym") << QStringLiteral("Teller") << QStringLiteral("Teller") << QString();
        QTest::newRow("extra spaces") << QStringLiteral("  Li   Wei ") << QStringLiteral("Li") << QStringLiteral("Wei");
    }
    void splitName_fullName_splitsAtFirstSpace()
    {
        QFETCH(QString, full);
        QFETCH(QString, first);
        QFETCH(QString, last);
        QString f;
        QString l;
        splitName(full, &f, &l);
        QCOMPARE(f, first);
        QCOMPARE(l, last);
    }

    void normalizedEmail_mixedCase_trimmedAndLowered()
    {
        QCOMPARE(
            normalizedEmail(QStringLiteral("  Zoe.Angstrom@Example.ORG ")), QStringLiteral("zoe.angstrom@example.org"));
    }

    void toJson_roundTrip_keepsEverything()
    {
        Hire h;
        h.applicationId = QStringLiteral("app-1");
        h.candidateId = QStringLiteral("cand-1");
        h.name = QStringLiteral("李小龙");
        h.email = QStringLiteral("li@example.org");
        h.startDate = QStringLiteral("2026-01-05");
        h.salary = Salary {630000, QStringLiteral("SEK")};
        h.hiringManager = PersonRef {QStringLiteral("u1"), QStringLiteral("Ingrid"), QStringLiteral("Berg"),
            QStringLiteral("ingrid@acme.example")};
        h.customFields.append(CustomFieldValue {QStringLiteral("cf1"), QStringLiteral("Visa"),
            QStringLiteral("Candidate"), QStringLiteral("Boolean"), QJsonValue(true), QJsonValue()});
        h.files.append(FileRef {QStringLiteral("resume"), QStringLiteral("cv.pdf"), QStringLiteral("h1")});
        h.warnings << QStringLiteral("no offer");
        const auto back = Hire::fromJson(h.toJson());
        QVERIFY(back.has_value());
        QCOMPARE(back->applicationId, h.applicationId);
        QCOMPARE(back->name, h.name);
        QCOMPARE(back->salary->currencyCode, QStringLiteral("SEK"));
        QCOMPARE(back->hiringManager, h.hiringManager);
        QCOMPARE(back->customFields.size(), 1);
        QCOMPARE(back->files, h.files);
        QCOMPARE(back->warnings, h.warnings);
    }

    void fromJson_noApplicationId_fails()
    {
        QString error;
        QVERIFY(!Hire::fromJson(QJsonObject {{QStringLiteral("name"), QStringLiteral("x")}}, &error).has_value());
        QVERIFY(error.contains(QStringLiteral("applicationId")));
    }
};

QTEST_GUILESS_MAIN(TestHire)
#include "test_hire.moc"
