// The notification e-mail (SmtpSender::buildMime) from untrusted text: candidate names in the subject and bodies, the
// admin's sender name, recipients that passed Recipient::isValidEmail. What it promises (SmtpSender.h): CRLF line
// ends, no line over 998 bytes, no header injected from the caller's text, RFC 2047 subject and display name,
// quoted-printable UTF-8 bodies. Everything written is decoded again and compared with what was given.

#include "FuzzSupport.h"
#include "notify/Recipient.h"
#include "notify/SmtpConfig.h"
#include "notify/SmtpSender.h"

#include <QList>
#include <QRegularExpression>
#include <QStringList>
#include <QTimeZone>

#include <fuzzer/FuzzedDataProvider.h>
#include <utility>

namespace {

QString text(FuzzedDataProvider& provider, size_t maxBytes)
{
    const std::string bytes = provider.ConsumeRandomLengthString(maxBytes);
    return QString::fromUtf8(bytes.data(), qsizetype(bytes.size()));
}

// What buildMime does to a header value from the caller.
QString singleLine(QString value)
{
    value.replace(QLatin1Char('\r'), QLatin1Char(' '));
    value.replace(QLatin1Char('\n'), QLatin1Char(' '));
    value.replace(QLatin1Char('\t'), QLatin1Char(' '));
    return value.trimmed();
}

// RFC 2047 "B" words of UTF-8; whitespace between two adjacent encoded words is not part of the text.
QString decodeWords(const QByteArray& value)
{
    static const QRegularExpression word(QStringLiteral(R"(=\?UTF-8\?B\?([A-Za-z0-9+/=]*)\?=)"));
    const QString text = QString::fromLatin1(value);
    QByteArray out;
    qsizetype position = 0;
    bool previousWasWord = false;
    auto it = word.globalMatch(text);
    while (it.hasNext()) {
        const auto match = it.next();
        const QString between = text.mid(position, match.capturedStart() - position);
        if (!(previousWasWord && between.trimmed().isEmpty())) {
            out += between.toLatin1();
        }
        fuzz::require(match.capturedLength() <= 75, "an encoded word over 75 characters", match.captured());
        const QByteArray decoded = QByteArray::fromBase64(match.captured(1).toLatin1());
        fuzz::require(
            QString::fromUtf8(decoded).toUtf8() == decoded, "an encoded word splits a character", match.captured());
        out += decoded;
        position = match.capturedEnd();
        previousWasWord = true;
    }
    out += text.mid(position).toLatin1();
    return QString::fromUtf8(out);
}

QByteArray unfold(QByteArray value)
{
    return value.replace("\r\n", "");
}

// Quoted-printable with CRLF line ends and soft breaks ("=" at the end of a line) back to text with "\n".
QString decodeQuotedPrintable(const QByteArray& body)
{
    fuzz::require(body.endsWith("\r\n"), "a body that does not end with CRLF");
    QList<QByteArray> lines = body.split('\n');
    lines.removeLast(); // after the final CRLF
    QByteArray out;
    for (QByteArray line : lines) {
        fuzz::require(line.endsWith('\r'), "a body line without CRLF");
        line.chop(1);
        fuzz::require(line.size() <= 76, "a quoted-printable line over 76 characters", QString::fromLatin1(line));
        fuzz::require(!line.startsWith('.') && !line.startsWith("From "),
            "a body line starting with '.' or 'From ' (changed by dot-stuffing or an mbox)", QString::fromLatin1(line));
        fuzz::require(!line.endsWith(' ') && !line.endsWith('\t'), "trailing white space in quoted-printable");
        const bool soft = line.endsWith('=');
        if (soft) {
            line.chop(1);
        }
        for (qsizetype i = 0; i < line.size(); ++i) {
            const auto c = static_cast<unsigned char>(line.at(i));
            fuzz::require(c == '\t' || (c >= 32 && c <= 126), "a raw byte in quoted-printable", QString::number(c));
            if (c == '=') {
                static const QRegularExpression hex(QStringLiteral("^[0-9A-F]{2}$"));
                const QByteArray digits = line.mid(i + 1, 2);
                fuzz::require(
                    hex.match(QString::fromLatin1(digits)).hasMatch(), "a bad =XX escape", QString::fromLatin1(line));
                out += char(digits.toInt(nullptr, 16));
                i += 2;
            } else {
                out += char(c);
            }
        }
        if (!soft) {
            out += '\n';
        }
    }
    return QString::fromUtf8(out);
}

QString normalizedBody(QString text)
{
    text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    text.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    return text + QLatin1Char('\n');
}

struct Header
{
    QByteArray name;
    QByteArray value; // folded, as written
};

// *blankFold: a folded line of white space only, which RFC 5322 3.2.2 forbids (header() folds at each space, so a run
// of spaces in a subject makes such lines).
QList<Header> readHeaders(const QByteArray& block, bool* blankFold)
{
    QList<Header> headers;
    QList<QByteArray> lines = block.split('\n');
    lines.removeLast(); // after the final CRLF
    for (QByteArray line : lines) {
        line.chop(1); // the CR, checked before
        if (line.startsWith(' ') || line.startsWith('\t')) {
            fuzz::require(!headers.isEmpty(), "a continuation line before any header");
            *blankFold = *blankFold || line.trimmed().isEmpty();
            headers.last().value += "\r\n" + line;
            continue;
        }
        const qsizetype colon = line.indexOf(':');
        fuzz::require(colon > 0, "a header line without a name", QString::fromLatin1(line.left(200)));
        headers.append({line.left(colon), line.mid(colon + 2)});
    }
    return headers;
}

QByteArray headerValue(const QList<Header>& headers, const char* name)
{
    for (const auto& h : headers) {
        if (h.name == name) {
            return h.value;
        }
    }
    fuzz::fail("a header is missing", QString::fromLatin1(name));
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
    SmtpConfig config;
    config.host = QStringLiteral("smtp.example.com");
    config.fromName = text(provider, 120);
    config.fromAddress = text(provider, 80);
    if (!Recipient::isValidEmail(config.fromAddress.trimmed())) {
        config.fromAddress = QStringLiteral("hirebridge@example.com");
    }
    if (!SmtpSender::configProblem(config).isEmpty()) {
        return 0; // SmtpSender::send refuses such a config before building anything
    }
    MailMessage message;
    const int recipients = provider.ConsumeIntegralInRange(1, 3);
    for (int i = 0; i < recipients; ++i) {
        const QString address = text(provider, 80);
        // send() checks the trimmed address and passes it on as given.
        message.to << (Recipient::isValidEmail(address.trimmed()) ? address : QStringLiteral("ada@example.com"));
    }
    message.subject = text(provider, 1200);
    message.messageId = text(provider, 80);
    message.textBody = text(provider, 3000);
    if (provider.ConsumeBool()) {
        message.htmlBody = text(provider, 3000);
    }
    const qint64 minutes = provider.ConsumeIntegralInRange<qint64>(-14 * 60, 14 * 60);
    const qint64 msecs = provider.ConsumeIntegralInRange<qint64>(0, 253402214400000LL); // 1970 to 9999-12-31
    const QDateTime date = QDateTime::fromMSecsSinceEpoch(msecs, QTimeZone(int(minutes * 60)));

    const QByteArray mime = SmtpSender::buildMime(config, message, date);

    // Line ends and lengths.
    fuzz::require(mime.endsWith("\r\n"), "the message does not end with CRLF");
    const QList<QByteArray> lines = mime.split('\n');
    for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
        fuzz::require(lines.at(i).endsWith('\r'), "a bare LF", QString::fromLatin1(lines.at(i).left(200)));
        fuzz::require(!lines.at(i).chopped(1).contains('\r'), "a bare CR", QString::fromLatin1(lines.at(i).left(200)));
        fuzz::require(lines.at(i).size() - 1 <= 998, "a line over 998 bytes", QString::number(lines.at(i).size()));
    }

    // Exactly the headers buildMime writes, in order: nothing injected from the caller's text.
    const qsizetype end = mime.indexOf("\r\n\r\n");
    fuzz::require(end > 0, "no end of the headers");
    const QByteArray block = mime.left(end + 2);
    for (const char c : block) {
        fuzz::require(static_cast<unsigned char>(c) < 0x80, "a non-ASCII byte in the headers");
    }
    bool blankFold = false;
    const QList<Header> headers = readHeaders(block, &blankFold);
    fuzz::require(!blankFold, "a folded header line of white space only (RFC 5322 3.2.2)");
    QList<QByteArray> names;
    for (const auto& h : headers) {
        names << h.name;
    }
    QList<QByteArray> expected {"Date", "From", "To", "Subject", "Message-ID", "MIME-Version", "Auto-Submitted",
        "X-Auto-Response-Suppress", "Content-Type"};
    if (message.htmlBody.isEmpty()) {
        expected << "Content-Transfer-Encoding";
    }
    fuzz::require(names == expected, "unexpected headers", QString::fromLatin1(names.join(' ')));

    static const QRegularExpression dateFormat(
        QStringLiteral(R"(^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) )"
                       R"(\d{4} \d\d:\d\d:\d\d [+-]\d{4}$)"));
    const QString dateText = QString::fromLatin1(headerValue(headers, "Date"));
    fuzz::require(dateFormat.match(dateText).hasMatch(), "a Date that is not RFC 5322", dateText);

    // An addr-spec is never RFC 2047 encoded: each recipient is in To in its ASCII form (IDNA domain).
    QList<QByteArray> to;
    for (const auto& address : std::as_const(message.to)) {
        const QByteArray ascii = SmtpSender::asciiAddress(singleLine(address));
        fuzz::require(!ascii.isEmpty(), "a valid recipient without an ASCII form", address);
        to << ascii;
    }
    const QByteArray toValue = unfold(headerValue(headers, "To"));
    fuzz::require(toValue == to.join(", "), "To is not the recipients' addresses", QString::fromLatin1(toValue));
    const QString subject = decodeWords(unfold(headerValue(headers, "Subject")));
    fuzz::require(subject == singleLine(message.subject), "Subject does not decode to the subject",
        subject + QStringLiteral(" | ") + singleLine(message.subject));

    const QByteArray from = unfold(headerValue(headers, "From"));
    const QByteArray angle = '<' + SmtpSender::asciiAddress(singleLine(config.fromAddress)) + '>';
    fuzz::require(from.endsWith(angle), "From does not end with the sender address", QString::fromLatin1(from));
    QByteArray shown = from.chopped(angle.size()).trimmed();
    QString name;
    if (shown.startsWith('"')) {
        fuzz::require(shown.endsWith('"') && shown.size() >= 2, "an unterminated quoted display name");
        shown = shown.mid(1, shown.size() - 2);
        for (qsizetype i = 0; i < shown.size(); ++i) {
            if (shown.at(i) == '\\') {
                ++i;
                fuzz::require(i < shown.size(), "a display name ending in a backslash");
            } else {
                fuzz::require(shown.at(i) != '"', "an unescaped quote in the display name");
            }
            name += QLatin1Char(shown.at(i));
        }
    } else {
        name = decodeWords(shown);
    }
    fuzz::require(name == singleLine(config.fromName), "From does not decode to the sender name",
        name + QStringLiteral(" | ") + singleLine(config.fromName));

    static const QRegularExpression messageId(QStringLiteral(R"(^<[!-;=?-~]+@[!-;=?-~]+>$)"));
    const QString id = QString::fromLatin1(headerValue(headers, "Message-ID"));
    fuzz::require(messageId.match(id).hasMatch(), "a Message-ID that is not <printable@printable>", id);

    // Bodies.
    const QByteArray body = mime.mid(end + 4);
    if (message.htmlBody.isEmpty()) {
        fuzz::require(decodeQuotedPrintable(body) == normalizedBody(message.textBody), "the text body changed");
        return 0;
    }
    const QByteArray contentType = unfold(headerValue(headers, "Content-Type"));
    const qsizetype b = contentType.indexOf("boundary=\"");
    fuzz::require(b > 0, "multipart without a boundary", QString::fromLatin1(contentType));
    const QByteArray boundary = contentType.mid(b + 10, contentType.indexOf('"', b + 10) - b - 10);
    const QByteArray delimiter = "--" + boundary + "\r\n";
    const QByteArray close = "--" + boundary + "--\r\n";
    fuzz::require(body.count(boundary) == 3, "the boundary occurs in a body", QString::fromLatin1(boundary));
    fuzz::require(body.endsWith(close), "multipart does not end with the close delimiter");
    const qsizetype first = body.indexOf(delimiter);
    const qsizetype second = body.indexOf(delimiter, first + delimiter.size());
    fuzz::require(first >= 0 && second > first, "multipart without two parts");
    const QByteArray textPart = body.mid(first + delimiter.size(), second - first - delimiter.size());
    const QByteArray htmlPart
        = body.mid(second + delimiter.size(), body.size() - close.size() - second - delimiter.size());
    for (const auto& [part, original] :
        {std::pair {textPart, message.textBody}, std::pair {htmlPart, message.htmlBody}}) {
        const qsizetype partEnd = part.indexOf("\r\n\r\n");
        fuzz::require(partEnd > 0, "a part without headers");
        fuzz::require(decodeQuotedPrintable(part.mid(partEnd + 4)) == normalizedBody(original), "a body changed");
    }
    return 0;
}
