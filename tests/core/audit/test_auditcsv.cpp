#include "ledger/AuditCsv.h"

#include <QTest>

class TestAuditCsv : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void toCsv_awkwardValues_quotedEscapedAndDefused()
    {
        AuditEntry e;
        e.id = 7;
        e.at = QDateTime(QDate(2026, 11, 26), QTime(9, 30), Qt::UTC);
        e.target = QStringLiteral("bob");
        e.applicationId = QStringLiteral("app-1");
        e.action = QStringLiteral("send");
        e.attemptId = QStringLiteral("att");
        e.httpStatus = 200;
        e.payloadHash = QStringLiteral("ab12");
        e.detail = QStringLiteral("Zoë \"Z\" Ångström, line\nbreak");
        AuditEntry formula = e;
        formula.id = 8;
        formula.httpStatus = 0;
        formula.detail = QStringLiteral("=HYPERLINK(\"x\")");
        const QString csv = QString::fromUtf8(AuditCsv::toCsv({e, formula}));
        const QStringList lines = csv.split(QStringLiteral("\r\n"));
        QVERIFY(lines.first().startsWith(QStringLiteral("id,time (UTC),target")));
        QVERIFY2(csv.contains(QStringLiteral(
                     "7,2026-11-26T09:30:00.000Z,bob,app-1,send,att,200,ab12,\"Zoë \"\"Z\"\" Ångström, line\nbreak\"")),
            qPrintable(csv));
        QVERIFY2(csv.contains(
                     QStringLiteral("8,2026-11-26T09:30:00.000Z,bob,app-1,send,att,,ab12,\"'=HYPERLINK(\"\"x\"\")\"")),
            qPrintable(csv));
        QVERIFY(csv.endsWith(QStringLiteral("\r\n")));
    }

    void toCsv_empty_headerOnly() { QCOMPARE(AuditCsv::toCsv({}).count('\n'), 1); }
};

QTEST_GUILESS_MAIN(TestAuditCsv)
#include "test_auditcsv.moc"
