#include "notify/SmtpSender.h"

#include "http/Redaction.h"
#include "notify/NotifyLogging.h"
#include "notify/Recipient.h"

#include <QHostAddress>
#include <QRegularExpression>
#include <QThread>
#include <QUrl>
#include <QUuid>

#include <algorithm>
#include <cstring>
#include <curl/curl.h>
#include <mutex>

namespace {

void ensureCurlInitialised()
{
    static std::once_flag once;
    std::call_once(once, [] {
        const CURLcode rc = curl_global_init(CURL_GLOBAL_DEFAULT);
        if (rc != CURLE_OK) {
            qCWarning(lcNotify) << "curl_global_init failed:" << curl_easy_strerror(rc);
        }
    });
}

const QByteArray kCrlf = QByteArrayLiteral("\r\n");

bool isPrintableAscii(const QString& text)
{
    return std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c.unicode() >= 0x20 && c.unicode() < 0x7f; });
}

// Header values never carry a line break from the caller (no header injection).
QString singleLine(QString text)
{
    text.replace(QLatin1Char('\r'), QLatin1Char(' '));
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    text.replace(QLatin1Char('\t'), QLatin1Char(' '));
    return text.trimmed();
}

// RFC 2047 "B" encoded words, split between code points, folded with CRLF + space so no line passes 76 characters;
// `used` is how much of the first line is taken already ("Subject: ").
QByteArray encodedWords(const QString& text, qsizetype used = 1)
{
    // 45 bytes → 60 Base64 characters → 72 with the markers, plus the folding space.
    qsizetype limit = std::clamp<qsizetype>((76 - used - 12) / 4 * 3, 3, 45);
    QList<QByteArray> words;
    QByteArray chunk;
    const auto flush = [&] {
        if (!chunk.isEmpty()) {
            words.append(QByteArrayLiteral("=?UTF-8?B?") + chunk.toBase64() + QByteArrayLiteral("?="));
            chunk.clear();
        }
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        qsizetype length = 1;
        if (text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            length = 2;
        }
        const QByteArray bytes = text.mid(i, length).toUtf8();
        if (!chunk.isEmpty() && chunk.size() + bytes.size() > limit) {
            flush();
            limit = 45;
        }
        chunk += bytes;
        i += length - 1;
    }
    flush();
    return words.join(QByteArrayLiteral("\r\n "));
}

// "Name: value" folded at spaces so lines stay short; non-ASCII, anything looking like an encoded word, or a run of
// spaces (which folding could turn into a line of white space only, RFC 5322 3.2.2) is RFC 2047 encoded.
QByteArray header(const char* name, const QString& value)
{
    const QString clean = singleLine(value);
    QByteArray line = QByteArray(name) + QByteArrayLiteral(": ");
    if (!isPrintableAscii(clean) || clean.contains(QLatin1StringView("=?"))
        || clean.contains(QLatin1StringView("  "))) {
        return line + encodedWords(clean, line.size()) + kCrlf;
    }
    qsizetype lineLength = line.size();
    const QStringList words = clean.split(QLatin1Char(' '));
    bool first = true;
    for (const auto& word : words) {
        const QByteArray bytes = word.toLatin1();
        if (!first) {
            if (lineLength + 1 + bytes.size() > 78) {
                line += QByteArrayLiteral("\r\n ");
                lineLength = 1;
            } else {
                line += ' ';
                ++lineLength;
            }
        }
        if (bytes.size() > 900) { // one absurdly long "word": encoded words keep the line limit
            line += encodedWords(word, lineLength);
            lineLength = 75;
        } else {
            line += bytes;
            lineLength += bytes.size();
        }
        first = false;
    }
    return line + kCrlf;
}

// The recipients' addresses for the To header: an addr-spec is never RFC 2047 encoded, so each goes in its ASCII
// form, folded between addresses.
QByteArray toHeader(const QStringList& addresses)
{
    QByteArray line = QByteArrayLiteral("To:");
    qsizetype lineLength = line.size();
    bool first = true;
    for (const auto& address : addresses) {
        const QByteArray ascii = SmtpSender::asciiAddress(address);
        if (ascii.isEmpty()) {
            continue; // refused by send() before it gets here
        }
        if (!first) {
            line += ',';
            ++lineLength;
        }
        if (!first && lineLength + 1 + ascii.size() > 78) {
            line += QByteArrayLiteral("\r\n");
            lineLength = 0;
        }
        line += ' ' + ascii;
        lineLength += 1 + ascii.size();
        first = false;
    }
    return line + kCrlf;
}

// A display name and an address: "Name" <a@b.c> or =?UTF-8?B?...?= <a@b.c>.
QByteArray mailbox(const QString& name, const QString& address)
{
    const QString cleanName = singleLine(name);
    const QByteArray angle = '<' + SmtpSender::asciiAddress(singleLine(address)) + '>';
    if (cleanName.isEmpty()) {
        return angle;
    }
    if (!isPrintableAscii(cleanName) || cleanName.contains(QLatin1StringView("=?"))) {
        return encodedWords(cleanName, 6) + ' ' + angle; // after "From: "
    }
    QString quoted = cleanName;
    quoted.replace(QLatin1Char('\\'), QLatin1StringView("\\\\"));
    quoted.replace(QLatin1Char('"'), QLatin1StringView("\\\""));
    return '"' + quoted.toLatin1() + QByteArrayLiteral("\" ") + angle;
}

// RFC 2822 date with English names whatever the locale: "Tue, 13 Jan 2026 10:00:00 +0100".
QByteArray rfc2822Date(const QDateTime& when)
{
    static const char* const days[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    static const char* const months[]
        = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const QDateTime time = when.isValid() ? when : QDateTime::currentDateTime();
    const int offset = time.offsetFromUtc();
    const int absOffset = offset < 0 ? -offset : offset;
    return QString::asprintf("%s, %02d %s %04d %02d:%02d:%02d %c%02d%02d", days[time.date().dayOfWeek() - 1],
        time.date().day(), months[time.date().month() - 1], time.date().year(), time.time().hour(),
        time.time().minute(), time.time().second(), offset < 0 ? '-' : '+', absOffset / 3600, (absOffset % 3600) / 60)
        .toLatin1();
}

// Quoted-printable UTF-8 (RFC 2045) with CRLF line ends; encoded lines are at most 76 characters. A '.' or "From "
// at the start of a line is encoded too, so neither SMTP dot-stuffing nor an mbox can change the text.
QByteArray quotedPrintable(const QString& text)
{
    QString normalized = text;
    normalized.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    normalized.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    const QStringList lines = normalized.split(QLatin1Char('\n'));
    QByteArray out;
    for (const auto& line : lines) {
        const QByteArray bytes = line.toUtf8();
        qsizetype lineLength = 0;
        for (qsizetype i = 0; i < bytes.size(); ++i) {
            const auto c = static_cast<unsigned char>(bytes.at(i));
            const bool last = i + 1 == bytes.size();
            bool literal = (c >= 33 && c <= 126 && c != '=') || ((c == ' ' || c == '\t') && !last);
            if (lineLength == 0 && (c == '.' || (c == 'F' && bytes.mid(i).startsWith("From ")))) {
                literal = false;
            }
            const qsizetype tokenLength = literal ? 1 : 3;
            if (lineLength + tokenLength > 75) {
                out += QByteArrayLiteral("=\r\n");
                lineLength = 0;
                if (c == '.' || (c == 'F' && bytes.mid(i).startsWith("From "))) {
                    literal = false;
                }
            }
            if (literal) {
                out += char(c);
                lineLength += 1;
            } else {
                out += '=' + QByteArray::number(c, 16).toUpper().rightJustified(2, '0');
                lineLength += 3;
            }
        }
        out += kCrlf;
    }
    return out;
}

QString domainOf(const QString& address)
{
    const QByteArray ascii = SmtpSender::asciiAddress(address.trimmed());
    const QString domain = QString::fromLatin1(ascii.mid(ascii.lastIndexOf('@') + 1));
    return !ascii.isEmpty() && !domain.isEmpty() && !domain.contains(QLatin1Char('>'))
        ? domain
        : QStringLiteral("hirebridge.invalid");
}

// --- the blocking part, on a worker thread -------------------------------------------------------------------

struct Upload
{
    QByteArray data;
    qsizetype offset = 0;
};

size_t readMime(char* buffer, size_t size, size_t count, void* userData)
{
    auto* upload = static_cast<Upload*>(userData);
    const qsizetype room = qsizetype(size * count);
    const qsizetype length = std::min(room, upload->data.size() - upload->offset);
    if (length <= 0) {
        return 0;
    }
    std::memcpy(buffer, upload->data.constData() + upload->offset, size_t(length));
    upload->offset += length;
    return size_t(length);
}

int abortWhenCancelled(void* userData, curl_off_t, curl_off_t, curl_off_t, curl_off_t)
{
    return static_cast<std::atomic_bool*>(userData)->load() ? 1 : 0;
}

struct CurlDeleter
{
    void operator()(CURL* curl) const { curl_easy_cleanup(curl); }
};
struct ListDeleter
{
    void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

QString describe(const SmtpConfig& config)
{
    return QStringLiteral("%1:%2").arg(config.host).arg(config.port);
}

SmtpResult classify(const SmtpConfig& config, CURLcode rc, long code, const QString& detail, bool cancelled)
{
    SmtpResult result;
    result.smtpCode = int(code);
    const QString server = describe(config);
    const QString why = detail.isEmpty() ? QString::fromUtf8(curl_easy_strerror(rc)) : detail;
    if (rc == CURLE_OK) {
        result.ok = true;
        result.message = QStringLiteral("The mail server %1 accepted the message").arg(server);
        return result;
    }
    if (cancelled || rc == CURLE_ABORTED_BY_CALLBACK) {
        result.transient = true;
        result.message = QStringLiteral("Sending through %1 was cancelled").arg(server);
        return result;
    }
    if (code >= 400 && code < 600) {
        result.transient = code < 500;
        result.message = code < 500
            ? QStringLiteral("The mail server %1 refused the message for now (SMTP %2): %3; it will be tried again")
                  .arg(server)
                  .arg(code)
                  .arg(why)
            : QStringLiteral("The mail server %1 refused the message (SMTP %2): %3").arg(server).arg(code).arg(why);
        if (code == 535 || code == 534 || code == 530) {
            result.message += QStringLiteral(" - check the SMTP user name and password");
        }
        return result;
    }
    switch (rc) {
    case CURLE_COULDNT_RESOLVE_HOST:
        result.transient = true;
        result.message
            = QStringLiteral("Cannot find the mail server \"%1\": check the host name (%2)").arg(config.host, why);
        break;
    case CURLE_COULDNT_CONNECT:
        result.transient = true;
        result.message
            = QStringLiteral("Cannot connect to the mail server %1: is the host and port right and the server "
                             "running? (%2)")
                  .arg(server, why);
        break;
    case CURLE_OPERATION_TIMEDOUT:
        result.transient = true;
        result.message = QStringLiteral("The mail server %1 did not answer within %2 seconds (%3)")
                             .arg(server)
                             .arg(config.timeoutSeconds)
                             .arg(why);
        break;
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
        result.transient = true;
        result.message = QStringLiteral("The connection to the mail server %1 broke off (%2)").arg(server, why);
        break;
    case CURLE_LOGIN_DENIED:
        result.message = QStringLiteral("The mail server %1 refused the user name or password (%2)").arg(server, why);
        break;
    case CURLE_USE_SSL_FAILED:
        result.message = QStringLiteral("The mail server %1 does not offer STARTTLS: choose \"TLS\" if it expects an "
                                        "encrypted connection from the start (%2)")
                             .arg(server, why);
        break;
    case CURLE_PEER_FAILED_VERIFICATION:
        result.message
            = QStringLiteral("The mail server %1 presented a certificate that is not trusted (%2)").arg(server, why);
        break;
    case CURLE_SSL_CONNECT_ERROR:
        result.transient = true;
        result.message = QStringLiteral("The encrypted connection to the mail server %1 failed: check that the "
                                        "security setting matches the port (STARTTLS: 587, TLS: 465) (%2)")
                             .arg(server, why);
        break;
    default:
        result.transient = false;
        result.message = QStringLiteral("Sending through the mail server %1 failed: %2").arg(server, why);
        break;
    }
    return result;
}

QString hostForUrl(const QString& host)
{
    QHostAddress address;
    if (address.setAddress(host) && address.protocol() == QAbstractSocket::IPv6Protocol) {
        return QStringLiteral("[%1]").arg(host);
    }
    return host;
}

SmtpResult performSend(const SmtpConfig& config, const QStringList& to, const QByteArray& mime,
    const std::shared_ptr<std::atomic_bool>& cancel)
{
    std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
    if (!curl) {
        return SmtpResult {false, true, QStringLiteral("Cannot start libcurl (curl_easy_init failed)"), 0};
    }
    CURL* handle = curl.get();
    const QByteArray url = QStringLiteral("%1://%2:%3")
                               .arg(config.security == SmtpConfig::Security::ImplicitTls ? QStringLiteral("smtps")
                                                                                         : QStringLiteral("smtp"),
                                   hostForUrl(config.host))
                               .arg(config.port)
                               .toUtf8();
    const QByteArray from = '<' + SmtpSender::asciiAddress(config.fromAddress.trimmed()) + '>';
    const QByteArray username = config.username.toUtf8();
    const QByteArray password = config.password.toUtf8();
    std::unique_ptr<curl_slist, ListDeleter> recipients;
    for (const auto& address : to) {
        const QByteArray rcpt = '<' + SmtpSender::asciiAddress(address.trimmed()) + '>';
        curl_slist* appended = curl_slist_append(recipients.get(), rcpt.constData());
        if (!appended) {
            return SmtpResult {false, true, QStringLiteral("Out of memory building the recipient list"), 0};
        }
        (void)recipients.release();
        recipients.reset(appended);
    }
    Upload upload {mime, 0};
    char errorBuffer[CURL_ERROR_SIZE] = {};
    const long timeout = std::max(1, config.timeoutSeconds);

    curl_easy_setopt(handle, CURLOPT_ERRORBUFFER, errorBuffer);
    curl_easy_setopt(handle, CURLOPT_URL, url.constData());
#if LIBCURL_VERSION_NUM >= 0x075500
    curl_easy_setopt(handle, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
#endif
    curl_easy_setopt(handle, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(handle, CURLOPT_CONNECTTIMEOUT, timeout);
    curl_easy_setopt(handle, CURLOPT_TIMEOUT, timeout);
    switch (config.security) {
    case SmtpConfig::Security::StartTls:
    case SmtpConfig::Security::ImplicitTls:
        curl_easy_setopt(handle, CURLOPT_USE_SSL, long(CURLUSESSL_ALL));
        break;
    case SmtpConfig::Security::None:
        curl_easy_setopt(handle, CURLOPT_USE_SSL, long(CURLUSESSL_NONE));
        break;
    }
    if (!config.username.isEmpty()) {
        curl_easy_setopt(handle, CURLOPT_USERNAME, username.constData());
        curl_easy_setopt(handle, CURLOPT_PASSWORD, password.constData());
    }
    curl_easy_setopt(handle, CURLOPT_MAIL_FROM, from.constData());
    curl_easy_setopt(handle, CURLOPT_MAIL_RCPT, recipients.get());
    curl_easy_setopt(handle, CURLOPT_READFUNCTION, &readMime);
    curl_easy_setopt(handle, CURLOPT_READDATA, &upload);
    curl_easy_setopt(handle, CURLOPT_INFILESIZE_LARGE, curl_off_t(mime.size()));
    curl_easy_setopt(handle, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(handle, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(handle, CURLOPT_XFERINFOFUNCTION, &abortWhenCancelled);
    curl_easy_setopt(handle, CURLOPT_XFERINFODATA, cancel.get());

    const CURLcode rc = curl_easy_perform(handle);
    long code = 0;
    curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &code);
    const QString detail = QString::fromUtf8(errorBuffer).trimmed();
    SmtpResult result = classify(config, rc, code, detail, cancel->load());
    result.message = Redaction::redactSecrets(result.message);
    return result;
}

} // namespace

SmtpSender::SmtpSender(const SmtpConfig& config, QObject* parent)
    : QObject(parent)
    , m_config(config)
    , m_cancel(std::make_shared<std::atomic_bool>(false))
{
    ensureCurlInitialised();
    if (!m_config.password.isEmpty()) {
        Redaction::registerSecret(m_config.password);
    }
}

SmtpSender::~SmtpSender()
{
    m_cancel->store(true); // libcurl's progress callback aborts within about a second
    for (const auto& running : std::as_const(m_running)) {
        running.thread->disconnect(this);
        running.thread->wait();
        delete running.thread;
    }
    m_running.clear();
}

bool SmtpSender::isLoopbackHost(const QString& host)
{
    const QString name = host.trimmed().toLower();
    if (name == QLatin1StringView("localhost") || name.endsWith(QLatin1StringView(".localhost"))) {
        return true;
    }
    QHostAddress address;
    return address.setAddress(name) && address.isLoopback();
}

QByteArray SmtpSender::asciiAddress(const QString& address)
{
    const qsizetype at = address.lastIndexOf(QLatin1Char('@'));
    const QString local = address.left(std::max<qsizetype>(at, 0));
    if (at <= 0 || !isPrintableAscii(local)) {
        return {};
    }
    const QString domain = address.mid(at + 1);
    if (isPrintableAscii(domain)) {
        return address.toLatin1();
    }
    const QByteArray ace = QUrl::toAce(domain, QUrl::AceTransitionalProcessing);
    if (ace.isEmpty()) {
        return {};
    }
    return local.toLatin1() + '@' + ace;
}

QString SmtpSender::configProblem(const SmtpConfig& config)
{
    const QString host = config.host.trimmed();
    if (host.isEmpty()) {
        return QStringLiteral("No mail server (SMTP host) is set");
    }
    for (const QChar c : host) {
        if (c.isSpace() || QStringView(u"/@?#\\").contains(c)) {
            return QStringLiteral("The SMTP host \"%1\" is not a host name: give only the name, like "
                                  "smtp.example.com")
                .arg(host);
        }
    }
    if (config.port <= 0 || config.port > 65535) {
        return QStringLiteral("The SMTP port %1 is not a port number (1-65535)").arg(config.port);
    }
    if (config.fromAddress.trimmed().isEmpty()) {
        return QStringLiteral("No sender address (From) is set");
    }
    if (!Recipient::isValidEmail(config.fromAddress.trimmed())) {
        return QStringLiteral("The sender address \"%1\" is not a valid e-mail address").arg(config.fromAddress);
    }
    if (config.security == SmtpConfig::Security::None && !isLoopbackHost(host)) {
        return QStringLiteral("Refusing to send mail to %1 without encryption: choose STARTTLS or TLS (plain SMTP is "
                              "allowed only for a mail server on this computer)")
            .arg(host);
    }
    return {};
}

void SmtpSender::send(const MailMessage& message)
{
    const auto refuse = [this](const QString& why) {
        qCWarning(lcNotify).noquote() << "Not sending:" << why;
        const SmtpResult result {false, false, why, 0};
        QMetaObject::invokeMethod(
            this, [this, result] { Q_EMIT finished(result); }, Qt::QueuedConnection);
    };
    if (const QString problem = configProblem(m_config); !problem.isEmpty()) {
        refuse(problem);
        return;
    }
    if (message.to.isEmpty()) {
        refuse(QStringLiteral("The message has no recipient"));
        return;
    }
    for (const auto& address : message.to) {
        if (!Recipient::isValidEmail(address.trimmed())) {
            refuse(QStringLiteral("\"%1\" is not a valid e-mail address").arg(singleLine(address)));
            return;
        }
    }
    const QByteArray mime = buildMime(m_config, message);
    qCDebug(lcNotify).noquote() << "Sending" << message.subject << "to" << message.to.join(QLatin1StringView(", "))
                                << "through" << describe(m_config);
    auto result = std::make_shared<SmtpResult>();
    QThread* thread = QThread::create([config = m_config, to = message.to, mime, cancel = m_cancel, result] {
        *result = performSend(config, to, mime, cancel);
    });
    thread->setObjectName(QStringLiteral("smtp-send"));
    // QThread::finished is emitted by the worker thread: queued to this object's thread.
    connect(
        thread, &QThread::finished, this, [this, thread] { onThreadFinished(thread); }, Qt::QueuedConnection);
    m_running.append(Running {thread, result});
    thread->start();
}

void SmtpSender::onThreadFinished(QThread* thread)
{
    const auto it = std::find_if(
        m_running.begin(), m_running.end(), [thread](const Running& running) { return running.thread == thread; });
    if (it == m_running.end()) {
        return;
    }
    const SmtpResult result = *it->result;
    m_running.erase(it);
    thread->wait();
    thread->deleteLater();
    if (result.ok) {
        qCDebug(lcNotify).noquote() << result.message;
    } else {
        qCInfo(lcNotify).noquote() << "Sending failed:" << result.message;
    }
    Q_EMIT finished(result);
}

QByteArray SmtpSender::buildMime(const SmtpConfig& config, const MailMessage& message, const QDateTime& date)
{
    QStringList to;
    for (const auto& address : message.to) {
        to.append(singleLine(address));
    }
    QString messageId = singleLine(message.messageId);
    if (messageId.startsWith(QLatin1Char('<')) && messageId.endsWith(QLatin1Char('>'))) {
        messageId = messageId.mid(1, messageId.size() - 2);
    }
    // id-left "@" id-right, printable ASCII without space or angle brackets (RFC 5322 3.6.4); else one of ours.
    static const QRegularExpression validId(QStringLiteral("^[!-;=?-~]+@[!-;=?-~]+$"));
    if (!validId.match(messageId).hasMatch()) {
        messageId = QStringLiteral("%1@%2").arg(
            QUuid::createUuid().toString(QUuid::WithoutBraces), domainOf(config.fromAddress));
    }

    QByteArray mime;
    mime += QByteArrayLiteral("Date: ") + rfc2822Date(date) + kCrlf;
    mime += QByteArrayLiteral("From: ") + mailbox(config.fromName, config.fromAddress) + kCrlf;
    mime += toHeader(to);
    mime += header("Subject", message.subject);
    mime += QByteArrayLiteral("Message-ID: <") + messageId.toLatin1() + '>' + kCrlf;
    mime += QByteArrayLiteral("MIME-Version: 1.0") + kCrlf;
    // An automatic report: no out-of-office replies to the sender (RFC 3834; the X- header is Exchange's).
    mime += QByteArrayLiteral("Auto-Submitted: auto-generated") + kCrlf;
    mime += QByteArrayLiteral("X-Auto-Response-Suppress: All") + kCrlf;

    const QByteArray textPart = QByteArrayLiteral("Content-Type: text/plain; charset=UTF-8") + kCrlf
        + QByteArrayLiteral("Content-Transfer-Encoding: quoted-printable") + kCrlf + kCrlf
        + quotedPrintable(message.textBody);
    if (message.htmlBody.isEmpty()) {
        return mime + textPart;
    }
    // "=_" never occurs in quoted-printable output, so the boundary cannot collide with the bodies.
    const QByteArray boundary
        = QByteArrayLiteral("=_hirebridge_") + QUuid::createUuid().toString(QUuid::Id128).toLatin1();
    mime += QByteArrayLiteral("Content-Type: multipart/alternative;\r\n boundary=\"") + boundary + '"' + kCrlf;
    mime += kCrlf;
    mime += QByteArrayLiteral("This is a message in MIME format: plain text and HTML.") + kCrlf;
    mime += QByteArrayLiteral("--") + boundary + kCrlf;
    mime += textPart;
    mime += QByteArrayLiteral("--") + boundary + kCrlf;
    mime += QByteArrayLiteral("Content-Type: text/html; charset=UTF-8") + kCrlf;
    mime += QByteArrayLiteral("Content-Transfer-Encoding: quoted-printable") + kCrlf + kCrlf;
    mime += quotedPrintable(message.htmlBody);
    mime += QByteArrayLiteral("--") + boundary + QByteArrayLiteral("--") + kCrlf;
    return mime;
}
