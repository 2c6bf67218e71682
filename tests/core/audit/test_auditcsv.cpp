#include "ledger/AuditCsv.h"

#include <QFile>
#include <QTemporaryDir>
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

    void toCsv_formulaStarts_allNeutralised_data()
    {
        QTest::addColumn<QString>("detail");
        QTest::addColumn<QString>("expected");
        QTest::newRow("=") << QStringLiteral("=1+1") << QStringLiteral("'=1+1");
        QTest::newRow("+") << QStringLiteral("+1") << QStringLiteral("'+1");
        QTest::newRow("-") << QStringLiteral("-1") << QStringLiteral("'-1");
        QTest::newRow("@") << QStringLiteral("@SUM(A1)") << QStringLiteral("'@SUM(A1)");
        QTest::newRow("tab") << QStringLiteral("\t=1") << QStringLiteral("'\t=1");
        QTest::newRow("cr") << QStringLiteral("\r=1") << QStringLiteral("\"'\r=1\"");
        QTest::newRow("plain") << QStringLiteral("sent") << QStringLiteral("sent");
    }

    void toCsv_formulaStarts_allNeutralised()
    {
        QFETCH(QString, detail);
        QFETCH(QString, expected);
        AuditEntry e;
        e.detail = detail;
        const QString csv = QString::fromUtf8(AuditCsv::toCsv({e}));
        QVERIFY2(csv.endsWith(QLatin1Char(',') + expected + QStringLiteral("\r\n")), qPrintable(csv));
    }

    void write_file_isOwnerOnly()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("audit.csv"));
        QString error;
        QVERIFY2(AuditCsv::write({}, path, &error), qPrintable(error));
        QCOMPARE(QFile::permissions(path)
                & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup | QFileDevice::WriteOther),
            QFileDevice::Permissions());
    }
};

QTEST_GUILESS_MAIN(TestAuditCsv)
#include "test_auditcsv.moc"
