#pragma once

#include "notify/SmtpConfig.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <QStringList>

#include <atomic>
#include <memory>

class QThread;

// One e-mail message, plain text and HTML alternatives.
struct MailMessage
{
    QStringList to; // addresses
    QString subject;
    QString textBody;
    QString htmlBody; // optional: without it the message is text/plain only
    QString messageId; // optional; generated when empty (without angle brackets)
};

struct SmtpResult
{
    bool ok = false;
    bool transient = false; // worth retrying later (connection, timeout, 4xx reply)
    QString message; // human readable, never contains the password
    int smtpCode = 0; // the relay's last reply code when known (250, 421, 550, ...)
};

Q_DECLARE_METATYPE(SmtpResult)

// Sends mail through libcurl's SMTP (STARTTLS or implicit TLS, AUTH login). curl_easy_perform blocks, so each send
// runs on its own worker thread (QThread::create) and finished() is emitted on the sender's thread; the GUI thread
// never waits for a relay. Every send() yields exactly one finished(), always asynchronously (also when the message is
// refused before anything is sent: not configured, an invalid address, Security::None towards a non-loopback host).
// Sends may overlap; finished() then comes in the order they end.
class SmtpSender : public QObject
{
    Q_OBJECT
public:
    explicit SmtpSender(const SmtpConfig& config, QObject* parent = nullptr);
    // Aborts running sends (libcurl's progress callback) and waits for their threads; no finished() after this.
    ~SmtpSender() override;

    void send(const MailMessage& message);
    bool isBusy() const { return !m_running.isEmpty(); }

    // Builds the MIME text (headers, multipart/alternative, quoted-printable UTF-8 bodies, RFC 2047 subject and
    // display name, CRLF line endings, no line over 998 bytes). Public for tests; `date` defaults to now.
    static QByteArray buildMime(const SmtpConfig& config, const MailMessage& message, const QDateTime& date = {});
    // Why this config cannot send at all (empty when it can): not configured, invalid sender, plain SMTP to a host
    // that is not loopback. The Settings dialog can show it beside the fields.
    static QString configProblem(const SmtpConfig& config);
    static bool isLoopbackHost(const QString& host);
    // The address as it goes into headers and the SMTP envelope: the domain in its ASCII (IDNA) form, the local part
    // as given. Empty when it has no ASCII form: a non-ASCII local part would need SMTPUTF8, which is not asked for.
    static QByteArray asciiAddress(const QString& address);

Q_SIGNALS:
    void finished(const SmtpResult& result);

private:
    struct Running
    {
        QThread* thread = nullptr;
        std::shared_ptr<SmtpResult> result; // written by the thread, read here after it ended
    };
    void onThreadFinished(QThread* thread);

    SmtpConfig m_config;
    std::shared_ptr<std::atomic_bool> m_cancel;
    QList<Running> m_running;
};
