#pragma once

// Test helper: reads one stored e-mail (a Maildir file written by aiosmtpd, or SmtpSender::buildMime output) back
// into headers and decoded text, independently of the code that wrote it. Header-only.

#include <QByteArray>
#include <QList>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

class MailFile
{
public:
    struct Part
    {
        QList<std::pair<QString, QString>> headers;
        QByteArray rawBody; // as transferred
        QString body; // decoded (quoted-printable / base64, UTF-8)
        QString header(const QString& name) const
        {
            for (const auto& [key, value] : headers) {
                if (key.compare(name, Qt::CaseInsensitive) == 0) {
                    return value;
                }
            }
            return {};
        }
    };

    static MailFile parse(const QByteArray& bytes)
    {
        MailFile mail;
        QByteArray normalized = bytes;
        normalized.replace("\r\n", "\n");
        mail.m_top = parsePart(normalized);
        const QString contentType = mail.m_top.header(QStringLiteral("Content-Type"));
        const QRegularExpression boundaryRe(QStringLiteral("boundary=\"?([^\";]+)\"?"));
        const auto match = boundaryRe.match(contentType);
        if (contentType.startsWith(QLatin1StringView("multipart/"), Qt::CaseInsensitive) && match.hasMatch()) {
            const QByteArray delimiter = "--" + match.captured(1).toLatin1();
            const QList<QByteArray> chunks = mail.m_top.rawBody.split('\n');
            QList<QByteArray> current;
            bool inPart = false;
            for (const auto& line : chunks) {
                if (line == delimiter || line == delimiter + "--") {
                    if (inPart) {
                        mail.m_parts.append(parsePart(current.join('\n')));
                    }
                    current.clear();
                    inPart = line == delimiter;
                    continue;
                }
                if (inPart) {
                    current.append(line);
                }
            }
        } else {
            mail.m_parts.append(mail.m_top);
        }
        return mail;
    }

    QString header(const QString& name) const { return m_top.header(name); }
    QString decodedHeader(const QString& name) const { return decodeWords(header(name)); }
    QList<Part> parts() const { return m_parts; }
    std::optional<Part> part(const QString& mimeType) const
    {
        for (const auto& part : m_parts) {
            if (part.header(QStringLiteral("Content-Type")).startsWith(mimeType, Qt::CaseInsensitive)) {
                return part;
            }
        }
        return std::nullopt;
    }
    QString text() const { return part(QStringLiteral("text/plain")).value_or(Part {}).body; }
    QString html() const { return part(QStringLiteral("text/html")).value_or(Part {}).body; }

    // RFC 2047 encoded words (B and Q), whitespace between adjacent words dropped.
    static QString decodeWords(const QString& value)
    {
        const QRegularExpression wordRe(QStringLiteral("=\\?([^?]+)\\?([BbQq])\\?([^?]*)\\?="));
        QString result;
        qsizetype position = 0;
        bool previousWasWord = false;
        auto it = wordRe.globalMatch(value);
        while (it.hasNext()) {
            const auto match = it.next();
            const QString between = value.mid(position, match.capturedStart() - position);
            if (!(previousWasWord && between.trimmed().isEmpty())) {
                result += between;
            }
            QByteArray bytes;
            if (match.captured(2).compare(QLatin1StringView("B"), Qt::CaseInsensitive) == 0) {
                bytes = QByteArray::fromBase64(match.captured(3).toLatin1());
            } else {
                QByteArray q = match.captured(3).toLatin1();
                q.replace('_', ' ');
                bytes = decodeQuotedPrintable(q);
            }
            result += QString::fromUtf8(bytes);
            position = match.capturedEnd();
            previousWasWord = true;
        }
        result += value.mid(position);
        return result;
    }

    static QByteArray decodeQuotedPrintable(const QByteArray& encoded)
    {
        QByteArray out;
        for (qsizetype i = 0; i < encoded.size(); ++i) {
            const char c = encoded.at(i);
            if (c == '=' && i + 1 < encoded.size() && encoded.at(i + 1) == '\n') {
                ++i; // soft line break
            } else if (c == '=' && i + 2 < encoded.size()) {
                bool ok = false;
                const int value = encoded.mid(i + 1, 2).toInt(&ok, 16);
                if (ok) {
                    out += char(value);
                    i += 2;
                } else {
                    out += c;
                }
            } else {
                out += c;
            }
        }
        return out;
    }

private:
    static Part parsePart(const QByteArray& bytes)
    {
        Part part;
        const qsizetype split = bytes.indexOf("\n\n");
        const QByteArray head = split < 0 ? bytes : bytes.left(split);
        part.rawBody = split < 0 ? QByteArray() : bytes.mid(split + 2);
        for (const auto& line : head.split('\n')) {
            if ((line.startsWith(' ') || line.startsWith('\t')) && !part.headers.isEmpty()) {
                part.headers.last().second += QString::fromUtf8(line.mid(1));
                continue;
            }
            const qsizetype colon = line.indexOf(':');
            if (colon > 0) {
                part.headers.append(
                    {QString::fromUtf8(line.left(colon)).trimmed(), QString::fromUtf8(line.mid(colon + 1)).trimmed()});
            }
        }
        const QString encoding = part.header(QStringLiteral("Content-Transfer-Encoding")).toLower();
        if (encoding == QLatin1StringView("quoted-printable")) {
            part.body = QString::fromUtf8(decodeQuotedPrintable(part.rawBody));
        } else if (encoding == QLatin1StringView("base64")) {
            part.body = QString::fromUtf8(QByteArray::fromBase64(part.rawBody));
        } else {
            part.body = QString::fromUtf8(part.rawBody);
        }
        return part;
    }

    Part m_top;
    QList<Part> m_parts;
};
