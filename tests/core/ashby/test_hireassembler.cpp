#include "ashby/HireAssembler.h"
#include "hireassembler_fixtures.inc"

#include <QJsonDocument>
#include <QTest>

namespace {

QString s(const char* text)
{
    return QString::fromLatin1(text);
}

QJsonObject obj(const char* json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

QJsonArray arr(const char* json)
{
    return QJsonDocument::fromJson(QByteArray(json)).array();
}

HireAssembler::Input baseInput()
{
    HireAssembler::Input in;
    in.application = obj(kFixture0);
    in.candidate = obj(kFixture1);
    in.offers = arr(kFixture2);
    in.job = obj(kFixture3);
    in.departmentName = s("Platform");
    in.locationName = s("Stockholm");
    in.hiringManager = HireAssembler::hiringManagerFrom(in.application.value(s("hiringTeam")).toArray());
    in.definitions.insert(
        s("cf-visa"), CustomFieldDefinition {s("cf-visa"), s("Requires visa"), s("Candidate"), s("Boolean")});
    return in;
}

} // namespace

class TestHireAssembler : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void assemble_fullHire_takesEveryPiece()
    {
        QString error;
        const auto hire = HireAssembler::assemble(baseInput(), &error);
        QVERIFY2(hire, qPrintable(error));
        QCOMPARE(hire->applicationId, s("app-1"));
        QCOMPARE(hire->candidateId, s("cand-1"));
        QCOMPARE(hire->firstName, QStringLiteral("Zoë"));
        QCOMPARE(hire->lastName, QStringLiteral("Ångström-Núñez"));
        QCOMPARE(hire->email, s("Zoe.Angstrom@Example.org"));
        QCOMPARE(hire->offerId, s("off-1"));
        QCOMPARE(hire->startDate, s("2025-06-02"));
        QCOMPARE(hire->salary->value, 630000.0);
        QCOMPARE(hire->jobTitle, s("Backend Engineer"));
        QCOMPARE(hire->department, s("Platform"));
        QCOMPARE(hire->location, s("Stockholm"));
        QCOMPARE(hire->hiringManager.email, s("ingrid.berg@acme.example"));
        QCOMPARE(hire->customFields.size(), 4);
        QCOMPARE(hire->customFields.first().fieldType, s("Boolean"));
        QCOMPARE(hire->files.size(), 2);
        QCOMPARE(hire->files.at(1).handle, s("h-signed"));
        QVERIFY(hire->warnings.isEmpty());
    }

    void assemble_noOffer_warnsAndLeavesOfferFieldsEmpty()
    {
        auto in = baseInput();
        in.offers = QJsonArray();
        QString error;
        const auto hire = HireAssembler::assemble(in, &error);
        QVERIFY(hire);
        QVERIFY(hire->offerId.isEmpty());
        QVERIFY(hire->startDate.isEmpty());
        QVERIFY(!hire->salary);
        QCOMPARE(hire->warnings.size(), 1);
        QVERIFY(hire->warnings.first().contains(s("offer")));
    }

    void assemble_noEmail_warns()
    {
        auto in = baseInput();
        in.candidate.remove(s("primaryEmailAddress"));
        QString error;
        const auto hire = HireAssembler::assemble(in, &error);
        QVERIFY(hire);
        QVERIFY(hire->email.isEmpty());
        QVERIFY(hire->warnings.join(QLatin1Char(' ')).contains(s("e-mail")));
    }

    void assemble_wrongTypes_failWithFieldName_data()
    {
        QTest::addColumn<QString>("where");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("expectedInError");
        QTest::newRow("candidate name number") << s("candidate") << s("name") << s("\"name\" is a number");
        QTest::newRow("candidate id number") << s("candidate") << s("id") << s("\"id\" is a number");
        QTest::newRow("email object number") << s("candidate") << s("primaryEmailAddress") << s("primaryEmailAddress");
        QTest::newRow("job title number") << s("job") << s("title") << s("job.info");
        QTest::newRow("application id number") << s("application") << s("id") << s("application.id");
    }
    void assemble_wrongTypes_failWithFieldName()
    {
        QFETCH(QString, where);
        QFETCH(QString, key);
        QFETCH(QString, expectedInError);
        auto in = baseInput();
        QJsonObject* target = where == QLatin1String("candidate") ? &in.candidate
            : where == QLatin1String("job")                       ? &in.job
                                                                  : &in.application;
        target->insert(key, 42);
        QString error;
        QVERIFY(!HireAssembler::assemble(in, &error));
        QVERIFY2(error.contains(expectedInError), qPrintable(error));
    }

    void assemble_badStartDate_fails()
    {
        auto in = baseInput();
        auto offers = in.offers;
        auto offer = offers.at(1).toObject();
        auto version = offer.value(s("latestVersion")).toObject();
        version.insert(s("startDate"), s("soon"));
        offer.insert(s("latestVersion"), version);
        offers.replace(1, offer);
        in.offers = offers;
        QString error;
        QVERIFY(!HireAssembler::assemble(in, &error));
        QVERIFY2(error.contains(s("startDate")) && error.contains(s("app-1")), qPrintable(error));
    }

    void acceptedOffer_severalAccepted_takesMostRecent()
    {
        const auto offers = arr(kFixture4);
        QCOMPARE(HireAssembler::acceptedOffer(offers)->value(s("id")).toString(), s("b"));
        QVERIFY(!HireAssembler::acceptedOffer(arr(kFixture5)));
    }

    void hiringManagerFrom_roleCaseInsensitive_found()
    {
        const auto team = arr(kFixture6);
        QCOMPARE(HireAssembler::hiringManagerFrom(team).id, s("m"));
        QVERIFY(HireAssembler::hiringManagerFrom(arr("[]")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestHireAssembler)
#include "test_hireassembler.moc"
