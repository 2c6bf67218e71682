#include "AuditCsv.h"

#include <QSaveFile>
#include <QStringList>

namespace {

QString cell(QString value)
{
    // A spreadsheet runs a cell that starts like a formula (or a TAB / CR that hides one): a quote keeps it text.
    if (!value.isEmpty() && QStringLiteral("=+-@\t\r").contains(value.front())) {
        value.prepend(QLatin1Char('\''));
    }
    if (value.contains(QLatin1Char(',')) || value.contains(QLatin1Char('"')) || value.contains(QLatin1Char('\n'))
        || value.contains(QLatin1Char('\r'))) {
        value.replace(QLatin1String("\""), QLatin1String("\"\""));
        return QLatin1Char('"') + value + QLatin1Char('"');
    }
    return value;
}

} // namespace

QByteArray AuditCsv::toCsv(const QList<AuditEntry>& entries)
{
    QString out = QStringLiteral("id,time (UTC),target,application id,action,attempt id,HTTP status,payload SHA-256,"
                                 "detail\r\n");
    for (const auto& e : entries) {
        const QStringList cells {QString::number(e.id), e.at.toUTC().toString(Qt::ISODateWithMs), e.target,
            e.applicationId, e.action, e.attemptId, e.httpStatus > 0 ? QString::number(e.httpStatus) : QString(),
            e.payloadHash, e.detail};
        QStringList escaped;
        escaped.reserve(cells.size());
        for (const auto& c : cells) {
            escaped << cell(c);
        }
        out += escaped.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    }
    return out.toUtf8();
}

bool AuditCsv::write(const QList<AuditEntry>& entries, const QString& filePath, QString* error)
{
    QSaveFile file(filePath);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error) {
            *error = file.errorString();
        }
        return false;
    }
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner); // it names hires and what was sent
    file.write(toCsv(entries));
    if (!file.commit()) {
        if (error) {
            *error = file.errorString();
        }
        return false;
    }
    return true;
}
