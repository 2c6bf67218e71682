#include "http/Redaction.h"
#include "notify/PushReport.h"

#include <QTest>

namespace {

PushReport::Line line(const QString& id, const QString& name, const QString& state, const QString& reason = {})
{
    PushReport::Line l;
    l.applicationId = id;
    l.name = name;
    l.jobTitle = QStringLiteral("Engineer");
    l.startDate = QStringLiteral("2026-03-02");
    l.target = QStringLiteral("bob");
    l.state = state;
    l.reason = reason;
    l.ashbyUrl = QStringLiteral("https://app.ashbyhq.com/candidates/%1").arg(id);
    l.targetUrl = QStringLiteral("https://app.hibob.com/employee-profile/%1").arg(id);
    return l;
}

PushReport report(int pushed, int exists, int failed)
{
    PushReport r;
    r.finishedAt = QDateTime(QDate(2026, 1, 13), QTime(10, 0), Qt::UTC);
    int n = 0;
    const auto add = [&r, &n](const QString& state, const QString& reason) {
        ++n;
        r.lines.append(line(QStringLiteral("app-%1").arg(n), QStringLiteral("Person %1").arg(n), state, reason));
    };
    for (int i = 0; i < pushed; ++i) {
        add(QStringLiteral("pushed"), {});
    }
    for (int i = 0; i < exists; ++i) {
        add(QStringLiteral("exists"), QStringLiteral("employee 42 has this e-mail"));
    }
    for (int i = 0; i < failed; ++i) {
        add(QStringLiteral("failed"), QStringLiteral("Bob answered 400: work.startDate is required"));
    }
    return r;
}

} // namespace

class TestPushReportMail : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void subject_counts_data()
    {
        QTest::addColumn<int>("pushed");
        QTest::addColumn<int>("exists");
        QTest::addColumn<int>("failed");
        QTest::addColumn<QString>("subject");
        QTest::newRow("all three") << 28 << 1 << 1
                                   << QStringLiteral("Hirebridge: 28 hires sent to Bob, 1 already there, 1 failed");
        QTest::newRow("one sent") << 1 << 0 << 0 << QStringLiteral("Hirebridge: 1 hire sent to Bob");
        QTest::newRow("sent and failed") << 3 << 0 << 1 << QStringLiteral("Hirebridge: 3 hires sent to Bob, 1 failed");
        QTest::newRow("only failures") << 0 << 0 << 2 << QStringLiteral("Hirebridge: 0 hires sent to Bob, 2 failed");
        QTest::newRow("only existing") << 0 << 2 << 0
                                       << QStringLiteral("Hirebridge: 0 hires sent to Bob, 2 already there");
    }
    void subject_counts()
    {
        QFETCH(int, pushed);
        QFETCH(int, exists);
        QFETCH(int, failed);
        QFETCH(QString, subject);
        const PushReport r = report(pushed, exists, failed);
        QCOMPARE(PushReportMail::subject(r), subject);
        QVERIFY(PushReportMail::hasNews(r));
    }

    void subject_twoTargets_countsHiresOnce()
    {
        PushReport r = report(2, 0, 0);
        PushReport::Line personio = r.lines.at(0);
        personio.target = QStringLiteral("personio");
        r.lines.append(personio);
        QCOMPARE(PushReportMail::subject(r), QStringLiteral("Hirebridge: 2 hires sent to Bob and Personio"));
        QVERIFY(PushReportMail::text(r).contains(QLatin1StringView("(Personio)")));
        QVERIFY(PushReportMail::text(r).contains(QLatin1StringView("Personio: https://app.hibob.com")));
    }

    void hasNews_onlySkippedOrEmpty_isFalse()
    {
        PushReport r;
        QVERIFY(r.isEmpty());
        QVERIFY(!PushReportMail::hasNews(r));
        r.lines.append(line(QStringLiteral("a1"), QStringLiteral("Ada"), QStringLiteral("skipped")));
        QVERIFY(!PushReportMail::hasNews(r));
        QVERIFY(!PushReportMail::text(r).contains(QLatin1StringView("Ada")));
    }

    void text_sectionsWithLinksAndReasons()
    {
        const PushReport r = report(2, 1, 1);
        const QString text = PushReportMail::text(r);
        const qsizetype sent = text.indexOf(QLatin1StringView("Sent to Bob (2)"));
        const qsizetype exists = text.indexOf(QLatin1StringView("Already in Bob (1)"));
        const qsizetype failed = text.indexOf(QLatin1StringView("Failed (1)"));
        QVERIFY2(sent >= 0 && exists >= 0 && failed >= 0, qPrintable(text));
        QVERIFY2(failed < sent && sent < exists, "failures come first, so nobody misses them");
        QVERIFY(text.contains(QLatin1StringView("- Person 1 - Engineer, starts 2026-03-02")));
        QVERIFY(text.contains(QLatin1StringView("Ashby: https://app.ashbyhq.com/candidates/app-1")));
        QVERIFY(text.contains(QLatin1StringView("Bob: https://app.hibob.com/employee-profile/app-1")));
        QVERIFY(text.contains(QLatin1StringView("Reason: Bob answered 400: work.startDate is required")));
        QVERIFY(text.contains(QLatin1StringView("Note: employee 42 has this e-mail")));
        QVERIFY(text.contains(QLatin1StringView("2026-01-13")));
        QVERIFY(!text.contains(QLatin1Char('\r')));
    }

    void unknownHires_listedFirstWithWhatToCheck()
    {
        PushReport r = report(1, 0, 1);
        r.lines.append(line(QStringLiteral("u1"), QStringLiteral("Uma Unknown"), QStringLiteral("unknown"),
            QStringLiteral("Bob may have received it: look in ATS pending hires for attempt 7f3a")));
        QVERIFY(PushReportMail::subject(r).contains(QLatin1StringView("1 to check")));
        const QString text = PushReportMail::text(r);
        const qsizetype unknown = text.indexOf(QLatin1StringView("May have arrived in Bob: please check (1)"));
        const qsizetype failed = text.indexOf(QLatin1StringView("Failed (1)"));
        QVERIFY2(unknown >= 0 && failed > unknown, qPrintable(text));
        QVERIFY(text.contains(
            QLatin1StringView("Reason: Bob may have received it: look in ATS pending hires for attempt 7f3a")));
        QVERIFY(text.contains(QLatin1StringView("Send again")));
        QVERIFY(PushReportMail::html(r).contains(QLatin1StringView("Uma Unknown")));
    }

    void html_escapesNamesAndReasons()
    {
        PushReport r;
        PushReport::Line evil = line(QStringLiteral("a1"), QStringLiteral("<script>alert(1)</script> Tom & \"Jerry\""),
            QStringLiteral("failed"), QStringLiteral("<b>bad</b> & worse"));
        evil.jobTitle = QStringLiteral("R&D <Lead>");
        r.lines.append(evil);
        const QString html = PushReportMail::html(r);
        QVERIFY(!html.contains(QLatin1StringView("<script>")));
        QVERIFY(!html.contains(QLatin1StringView("<b>bad")));
        QVERIFY(!html.contains(QLatin1StringView("<Lead>")));
        QVERIFY2(html.contains(QLatin1StringView("&lt;script&gt;alert(1)&lt;/script&gt; Tom &amp; &quot;Jerry&quot;")),
            qPrintable(html));
        QVERIFY(html.contains(QLatin1StringView("&lt;b&gt;bad&lt;/b&gt; &amp; worse")));
        QVERIFY(html.contains(QLatin1StringView("R&amp;D &lt;Lead&gt;")));
        // The plain text keeps the name as it is.
        QVERIFY(PushReportMail::text(r).contains(QLatin1StringView("<script>alert(1)</script> Tom & \"Jerry\"")));
    }

    void html_unicodeAndRightToLeftNames()
    {
        PushReport r;
        const QString hebrew = QStringLiteral("שרה לוי");
        const QString zoe = QStringLiteral("Zoë Ångström 🌸");
        r.lines.append(line(QStringLiteral("a1"), hebrew, QStringLiteral("pushed")));
        r.lines.append(line(QStringLiteral("a2"), zoe, QStringLiteral("pushed")));
        const QString html = PushReportMail::html(r);
        QVERIFY(html.contains(QStringLiteral("<bdi>%1</bdi>").arg(hebrew)));
        QVERIFY(html.contains(QStringLiteral("<bdi>%1</bdi>").arg(zoe)));
        QVERIFY(html.contains(QLatin1StringView("<meta charset=\"utf-8\">")));
        const QString text = PushReportMail::text(r);
        QVERIFY(text.contains(hebrew));
        QVERIFY(text.contains(zoe));
    }

    void links_onlyHttp()
    {
        PushReport r;
        PushReport::Line l = line(QStringLiteral("a1"), QStringLiteral("Ada"), QStringLiteral("pushed"));
        l.ashbyUrl = QStringLiteral("javascript:alert(1)");
        l.targetUrl = QStringLiteral("https://app.hibob.com/x?a=1&b=2");
        r.lines.append(l);
        const QString html = PushReportMail::html(r);
        QVERIFY(!html.contains(QLatin1StringView("javascript:")));
        QVERIFY(!html.contains(QLatin1StringView("Open in Ashby")));
        QVERIFY2(html.contains(QLatin1StringView("<a href=\"https://app.hibob.com/x?a=1&amp;b=2\">Open in Bob</a>")),
            qPrintable(html));
        QVERIFY(!PushReportMail::text(r).contains(QLatin1StringView("javascript:")));

        PushReport withLinks = report(1, 0, 0);
        const QString linked = PushReportMail::html(withLinks);
        QVERIFY(linked.contains(
            QLatin1StringView("<a href=\"https://app.ashbyhq.com/candidates/app-1\">Open in Ashby</a>")));
        QVERIFY(linked.contains(
            QLatin1StringView("<a href=\"https://app.hibob.com/employee-profile/app-1\">Open in Bob</a>")));
    }

    void missingFields_readable()
    {
        PushReport r;
        PushReport::Line l;
        l.applicationId = QStringLiteral("a9");
        l.state = QStringLiteral("pushed");
        r.lines.append(l);
        const QString text = PushReportMail::text(r);
        QVERIFY2(text.contains(QLatin1StringView("(no name, application a9) - no start date")), qPrintable(text));
    }

    void reasons_neverCarryRegisteredSecrets()
    {
        Redaction::registerSecret(QStringLiteral("tok-SECRET-123456"));
        PushReport r;
        r.lines.append(line(QStringLiteral("a1"), QStringLiteral("Ada"), QStringLiteral("failed"),
            QStringLiteral("401 for token tok-SECRET-123456")));
        QVERIFY(!PushReportMail::text(r).contains(QLatin1StringView("tok-SECRET-123456")));
        QVERIFY(!PushReportMail::html(r).contains(QLatin1StringView("tok-SECRET-123456")));
    }
};

QTEST_GUILESS_MAIN(TestPushReportMail)
#include "test_pushreportmail.moc"
