// The audit log export (AuditCsv::toCsv) on entries made of untrusted text (candidate names, server answers). Read back
// with an RFC 4180 reader, every row has nine cells holding exactly what was written, and no cell starts like a
// spreadsheet formula unless it is quoted with the leading '.

#include "FuzzSupport.h"
#include "ledger/AuditCsv.h"

#include <QList>
#include <QStringList>
#include <QTimeZone>

#include <fuzzer/FuzzedDataProvider.h>

namespace {

constexpr int kColumns = 9;

QString text(FuzzedDataProvider& provider)
{
    const std::string bytes = provider.ConsumeRandomLengthString(200);
    return QString::fromUtf8(bytes.data(), qsizetype(bytes.size()));
}

// What the writer promises for one cell: a leading = + - @ TAB or CR is neutralised with a quote.
QString expectedCell(const QString& value)
{
    if (!value.isEmpty() && QStringLiteral("=+-@\t\r").contains(value.front())) {
        return QLatin1Char('\'') + value;
    }
    return value;
}

// RFC 4180: records end with CRLF; a quoted field may hold commas, quotes (doubled) and line breaks.
QList<QStringList> readCsv(const QString& csv)
{
    QList<QStringList> records;
    QStringList record;
    QString field;
    bool quoted = false;
    bool fieldStarted = false;
    for (qsizetype i = 0; i < csv.size(); ++i) {
        const QChar c = csv.at(i);
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < csv.size() && csv.at(i + 1) == QLatin1Char('"')) {
                    field += c;
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field += c;
            }
            continue;
        }
        if (c == QLatin1Char('"')) {
            fuzz::require(!fieldStarted, "a quote inside an unquoted cell", csv.mid(i - 20, 40));
            quoted = true;
            fieldStarted = true;
        } else if (c == QLatin1Char(',')) {
            record << field;
            field.clear();
            fieldStarted = false;
        } else if (c == QLatin1Char('\r')) {
            fuzz::require(i + 1 < csv.size() && csv.at(i + 1) == QLatin1Char('\n'), "a bare CR outside quotes");
            record << field;
            records << record;
            record.clear();
            field.clear();
            fieldStarted = false;
            ++i;
        } else {
            fuzz::require(c != QLatin1Char('\n'), "a bare LF outside quotes");
            field += c;
            fieldStarted = true;
        }
    }
    fuzz::require(!quoted, "an unterminated quoted cell");
    fuzz::require(record.isEmpty() && field.isEmpty(), "the last record does not end with CRLF");
    return records;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    fuzz::init();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    FuzzedDataProvider provider(data, size);
    QList<AuditEntry> entries;
    const int count = provider.ConsumeIntegralInRange(0, 6);
    for (int i = 0; i < count; ++i) {
        AuditEntry e;
        e.id = provider.ConsumeIntegral<qint64>();
        // Years 1 to 9999: what the ledger can hold.
        e.at = QDateTime::fromMSecsSinceEpoch(
            provider.ConsumeIntegralInRange<qint64>(-62135596800000LL, 253402300799999LL), QTimeZone::utc());
        e.target = text(provider);
        e.applicationId = text(provider);
        e.action = text(provider);
        e.attemptId = text(provider);
        e.httpStatus = provider.ConsumeIntegral<int>();
        e.payloadHash = text(provider);
        e.detail = text(provider);
        entries << e;
    }
    const QByteArray csv = AuditCsv::toCsv(entries);
    const QString decoded = QString::fromUtf8(csv);
    fuzz::require(decoded.toUtf8() == csv, "the CSV is not UTF-8");
    const QList<QStringList> records = readCsv(decoded);
    fuzz::require(records.size() == entries.size() + 1, "rows lost or added",
        QStringLiteral("%1 records for %2 entries").arg(records.size()).arg(entries.size()));
    for (qsizetype r = 0; r < records.size(); ++r) {
        fuzz::require(records.at(r).size() == kColumns, "a row without nine cells", records.at(r).join(u'|'));
        for (const QString& cell : records.at(r)) {
            fuzz::require(cell.isEmpty() || !QStringLiteral("=+-@\t\r").contains(cell.front()),
                "a cell starting like a formula", cell);
        }
    }
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const AuditEntry& e = entries.at(i);
        const QStringList& cells = records.at(i + 1);
        const QStringList expected {expectedCell(QString::number(e.id)),
            expectedCell(e.at.toUTC().toString(Qt::ISODateWithMs)), expectedCell(e.target),
            expectedCell(e.applicationId), expectedCell(e.action), expectedCell(e.attemptId),
            e.httpStatus > 0 ? QString::number(e.httpStatus) : QString(), expectedCell(e.payloadHash),
            expectedCell(e.detail)};
        for (int c = 0; c < kColumns; ++c) {
            fuzz::require(cells.at(c) == expected.at(c), "a cell read back differs from what was written",
                QStringLiteral("column %1: wrote \"%2\", read \"%3\"").arg(c).arg(expected.at(c), cells.at(c)));
        }
    }
    return 0;
}
