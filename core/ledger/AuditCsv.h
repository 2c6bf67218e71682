#pragma once

#include "ledger/PushState.h"

#include <QList>
#include <QString>

class QIODevice;

// The audit log as CSV (RFC 4180: comma separated, CRLF, fields quoted when they hold a comma, quote or line break),
// UTF-8 with a header row, so it opens in a spreadsheet. A cell starting with = + - @ is prefixed with ' so a
// spreadsheet never runs it as a formula (a candidate name is untrusted input).
namespace AuditCsv {
QByteArray toCsv(const QList<AuditEntry>& entries);
bool write(const QList<AuditEntry>& entries, const QString& filePath, QString* error);
} // namespace AuditCsv
