#include "bobhireevent_fixtures.inc"
#include "hris/Directory.h"
#include "hris/bob/BobClient.h"
#include "hris/bob/BobHireEvent.h"

#include <QTest>

namespace {

QString s(const char* text)
{
    return QString::fromLatin1(text);
}

Hire hire()
{
    Hire h;
    h.applicationId = s("app-1");
    h.candidateId = s("cand-1");
    h.offerId = s("off-1");
    h.name = QStringLiteral("Zoë Ångström-Núñez");
    h.firstName = QStringLiteral("Zoë");
    h.lastName = QStringLiteral("Ångström-Núñez");
    h.email = s("zoe@example.org");
    h.startDate = s("2026-03-02");
    h.jobTitle = s("Backend Engineer");
    h.department = s("Platform");
    h.location = s("Berlin");
    h.profileUrl = s("https://app.ashbyhq.com/candidates/cand-1");
    h.hiringManager = PersonRef {s("u1"), s("Ingrid"), s("Berg"), s("ingrid.berg@acme.example")};
    return h;
}

Directory directory()
{
    Directory d;
    d.add(DirectoryEntry {
        s("10"), s("Ingrid.Berg@ACME.example"), s("Ingrid"), s("Berg-Lund"), s("Ingrid Berg-Lund"), true});
    d.add(DirectoryEntry {s("20"), s("lena@acme.example"), s("Lena"), s("Fischer"), s("Lena Fischer"), true});
    d.add(DirectoryEntry {s("30"), s("kim1@acme.example"), s("Kim"), s("Park"), s("Kim Park"), true});
    d.add(DirectoryEntry {s("31"), s("kim2@acme.example"), s("Kim"), s("Park"), s("Kim Park"), true});
    return d;
}

} // namespace

class TestBobHireEvent : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void build_fullHire_followsSchema()
    {
        const Directory d = directory();
        BobHireEvent::Input in {hire(), &d, s("att-1"), QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::UTC), {},
            std::nullopt, false, std::nullopt, {}};
        const auto e = BobHireEvent::build(in);
        QCOMPARE(e.value(s("schema")).toString(), s("hirebridge.hire/v1"));
        const auto source = e.value(s("source")).toObject();
        QCOMPARE(source.value(s("system")).toString(), s("ashby"));
        QCOMPARE(source.value(s("applicationId")).toString(), s("app-1"));
        QCOMPARE(source.value(s("candidateId")).toString(), s("cand-1"));
        QCOMPARE(source.value(s("offerId")).toString(), s("off-1"));
        QCOMPARE(source.value(s("link")).toString(), hire().profileUrl);
        QCOMPARE(source.value(s("attemptId")).toString(), s("att-1"));
        const auto fields = e.value(s("fields")).toObject();
        QCOMPARE(fields.value(s("root.firstName")).toString(), QStringLiteral("Zoë"));
        QCOMPARE(fields.value(s("root.surname")).toString(), QStringLiteral("Ångström-Núñez"));
        QCOMPARE(fields.value(s("work.startDate")).toString(), s("2026-03-02"));
        QCOMPARE(fields.value(s("work.site")).toString(), s("Berlin"));
        QCOMPARE(e.value(s("sentAt")).toString(), s("2026-01-02T03:04:05.000Z"));
        QVERIFY(e.value(s("documents")).isArray());
    }

    void build_noOffer_offerIdNullAndNoStartDate()
    {
        Hire h = hire();
        h.offerId.clear();
        h.startDate.clear();
        const auto e = BobHireEvent::build(BobHireEvent::Input {
            h, nullptr, s("a"), QDateTime::currentDateTimeUtc(), {}, std::nullopt, false, std::nullopt, {}});
        QVERIFY(e.value(s("source")).toObject().value(s("offerId")).isNull());
        QVERIFY(!e.value(s("fields")).toObject().contains(s("work.startDate")));
    }

    void manager_matchedByEmailCaseInsensitive_usesBobIdAndName()
    {
        const Directory d = directory();
        const auto m = BobHireEvent::manager(hire(), &d).toObject();
        QCOMPARE(m.value(s("id")).toString(), s("10"));
        QCOMPARE(m.value(s("matchedBy")).toString(), s("email"));
        QCOMPARE(m.value(s("name")).toString(), s("Ingrid Berg-Lund"));
    }

    void manager_matchedByExactLegalName_whenEmailUnknown()
    {
        Hire h = hire();
        h.hiringManager = PersonRef {s("u2"), s("Lena"), s("Fischer"), s("lena.f@other.example")};
        const Directory d = directory();
        const auto m = BobHireEvent::manager(h, &d).toObject();
        QCOMPARE(m.value(s("id")).toString(), s("20"));
        QCOMPARE(m.value(s("matchedBy")).toString(), s("legalName"));
    }

    void manager_ambiguousOrUnknown_neverGuessed()
    {
        Hire h = hire();
        h.hiringManager = PersonRef {s("u3"), s("Kim"), s("Park"), s("kim@other.example")};
        const Directory d = directory();
        auto m = BobHireEvent::manager(h, &d).toObject();
        QVERIFY(m.value(s("id")).isNull());
        QCOMPARE(m.value(s("name")).toString(), s("Kim Park"));
        h.hiringManager = PersonRef();
        QVERIFY(BobHireEvent::manager(h, &d).isNull());
    }

    void parseSearch_variousBodies_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<int>("count");
        QTest::newRow("ok") << QByteArray(kFixture0) << true << 2;
        QTest::newRow("empty") << QByteArray(kFixture1) << true << 0;
        QTest::newRow("no email category") << QByteArray(kFixture2) << true << 1;
        QTest::newRow("html") << QByteArray("<html>502</html>") << false << 0;
        QTest::newRow("truncated") << QByteArray(kFixture3) << false << 0;
        QTest::newRow("no employees") << QByteArray(kFixture4) << false << 0;
        QTest::newRow("email wrong type") << QByteArray(kFixture5) << false << 0;
        QTest::newRow("no id") << QByteArray(kFixture6) << false << 0;
    }
    void parseSearch_variousBodies()
    {
        QFETCH(QByteArray, body);
        QFETCH(bool, ok);
        QFETCH(int, count);
        Directory d;
        QString error;
        QCOMPARE(BobClient::parseSearch(body, &d, &error), ok);
        if (ok) {
            QCOMPARE(int(d.size()), count);
        } else {
            QVERIFY(!error.isEmpty());
        }
    }

    void parseSearch_employeeWithoutEmail_marksTheSnapshotIncomplete()
    {
        // A rehire whose e-mail the service user cannot see must not look like a new person.
        const QByteArray body(kHiddenEmails);
        Directory d;
        QString error;
        QVERIFY2(BobClient::parseSearch(body, &d, &error), qPrintable(error));
        QCOMPARE(int(d.size()), 4);
        QVERIFY(!d.isComplete());
        QVERIFY2(d.incompleteReason().contains(s("3 of 4")), qPrintable(d.incompleteReason()));

        Directory complete;
        QVERIFY(BobClient::parseSearch(QByteArray(kAllEmails), &complete, &error));
        QVERIFY(complete.isComplete());
    }

    void directory_byEmail_trimmedCaseInsensitive()
    {
        const Directory d = directory();
        QCOMPARE(d.byEmail(s("  ingrid.berg@acme.EXAMPLE "))->id, s("10"));
        QVERIFY(!d.byEmail(QString()));
    }
};

QTEST_GUILESS_MAIN(TestBobHireEvent)
#include "test_bobhireevent.moc"
