#include "notify/Notifier.h"

#include "ledger/Ledger.h"
#include "notify/NotifyLogging.h"
#include "notify/SmtpSender.h"

#include <QTimer>

Q_LOGGING_CATEGORY(lcNotify, "hirebridge.notify", QtInfoMsg)

Notifier::Notifier(Ledger* ledger, const SmtpConfig& config, const QList<Recipient>& recipients, QObject* parent)
    : QObject(parent)
    , m_ledger(ledger)
    , m_config(config)
    , m_recipients(recipients)
{
}

Notifier::~Notifier()
{
    // The sender's destructor aborts a mail in flight; it stays queued in the ledger for the next retryPending().
    delete m_sender;
}

void Notifier::setConfig(const SmtpConfig& config)
{
    m_config = config;
    if (m_sender && !m_sending) {
        delete m_sender;
        m_sender = nullptr;
    }
}

void Notifier::setRecipients(const QList<Recipient>& recipients)
{
    m_recipients = recipients;
}

bool Notifier::ledgerUsable() const
{
    return m_ledger && m_ledger->isOpen();
}

int Notifier::pendingCount() const
{
    return ledgerUsable() ? m_ledger->pendingNotificationCount() : 0;
}

void Notifier::notify(const PushReport& report)
{
    Batch batch;
    if (!PushReportMail::hasNews(report) || m_recipients.isEmpty() || !m_config.isConfigured()) {
        qCDebug(lcNotify) << "Nothing to notify (report with news:" << PushReportMail::hasNews(report)
                          << "recipients:" << m_recipients.size() << "SMTP configured:" << m_config.isConfigured()
                          << ")";
        m_batches.append(batch);
        schedule();
        return;
    }
    const QString subject = PushReportMail::subject(report);
    const QString textBody = PushReportMail::text(report);
    const QString htmlBody = PushReportMail::html(report);

    QList<QueuedNotification> queue;
    QStringList seen;
    for (const auto& recipient : std::as_const(m_recipients)) {
        const QString address = recipient.email.trimmed();
        if (seen.contains(address, Qt::CaseInsensitive)) {
            continue; // one e-mail per person, however often the list names them
        }
        seen.append(address);
        if (!Recipient::isValidEmail(address)) {
            ++batch.failed;
            batch.errors.append(QStringLiteral("%1: not a valid e-mail address (fix it in Settings > Notifications)")
                                    .arg(address.isEmpty() ? recipient.name : address));
            continue;
        }
        QueuedNotification mail;
        mail.recipient = address;
        mail.subject = subject;
        mail.textBody = textBody;
        mail.htmlBody = htmlBody;
        queue.append(mail);
    }
    if (!queue.isEmpty() && ledgerUsable()) {
        QString error;
        if (!m_ledger->enqueueNotifications(queue, &error)) {
            // Still worth trying now: the push happened and the recipients should hear of it.
            qCWarning(lcNotify).noquote() << "Cannot queue the notification mails, sending without a queue:" << error;
            for (auto& mail : queue) {
                mail.id = 0;
            }
        }
    }
    for (const auto& queued : std::as_const(queue)) {
        batch.mails.append(Mail {queued.id, queued.recipient, queued.subject, queued.textBody, queued.htmlBody});
        if (queued.id > 0) {
            m_queuedIds.insert(queued.id);
        }
    }
    qCInfo(lcNotify).noquote() << "Notifying" << batch.mails.size() << "recipient(s):" << subject;
    m_batches.append(batch);
    schedule();
}

void Notifier::retryPending()
{
    Batch batch;
    if (ledgerUsable() && m_config.isConfigured()) {
        const auto pending = m_ledger->pendingNotifications();
        for (const auto& queued : pending) {
            if (m_queuedIds.contains(queued.id)) {
                continue;
            }
            batch.mails.append(Mail {queued.id, queued.recipient, queued.subject, queued.textBody, queued.htmlBody});
            m_queuedIds.insert(queued.id);
        }
        if (!batch.mails.isEmpty()) {
            qCInfo(lcNotify) << "Retrying" << batch.mails.size() << "queued notification mail(s)";
        }
    }
    m_batches.append(batch);
    schedule();
}

void Notifier::schedule()
{
    if (m_scheduled || m_sending) {
        return;
    }
    m_scheduled = true;
    QTimer::singleShot(0, this, &Notifier::onProcess);
}

void Notifier::onProcess()
{
    m_scheduled = false;
    if (m_sending) {
        return;
    }
    while (!m_batches.isEmpty()) {
        Batch& batch = m_batches.first();
        if (batch.next < batch.mails.size()) {
            const Mail& mail = batch.mails.at(batch.next);
            if (!m_sender) {
                m_sender = new SmtpSender(m_config, this);
                connect(m_sender, &SmtpSender::finished, this, &Notifier::onSenderFinished);
            }
            MailMessage message;
            message.to = QStringList {mail.recipient};
            message.subject = mail.subject;
            message.textBody = mail.textBody;
            message.htmlBody = mail.htmlBody;
            m_sending = true;
            m_sender->send(message);
            return;
        }
        const Batch done = m_batches.takeFirst();
        if (done.sent + done.failed > 0) {
            qCInfo(lcNotify) << "Notification mails sent:" << done.sent << "failed:" << done.failed;
        }
        Q_EMIT finished(done.sent, done.failed, done.errors);
        // A slot connected to finished() may have called notify() again, or deleted this object with deleteLater():
        // continue from the event loop rather than here.
        if (!m_batches.isEmpty()) {
            schedule();
        }
        return;
    }
}

void Notifier::onSenderFinished(const SmtpResult& result)
{
    m_sending = false;
    if (m_batches.isEmpty()) {
        return;
    }
    Batch& batch = m_batches.first();
    if (batch.next >= batch.mails.size()) {
        return;
    }
    const Mail mail = batch.mails.at(batch.next++);
    m_queuedIds.remove(mail.id);
    QString error;
    if (result.ok) {
        ++batch.sent;
        qCInfo(lcNotify).noquote() << "Sent" << mail.subject << "to" << mail.recipient;
        if (mail.id > 0 && ledgerUsable() && !m_ledger->markNotificationSent(mail.id, &error)) {
            qCWarning(lcNotify).noquote() << "Sent, but cannot mark it in the ledger (it may be sent again):" << error;
        }
    } else {
        ++batch.failed;
        batch.errors.append(QStringLiteral("%1: %2").arg(mail.recipient, result.message));
        qCWarning(lcNotify).noquote() << "Cannot send" << mail.subject << "to" << mail.recipient << "-"
                                      << result.message;
        if (mail.id > 0 && ledgerUsable() && !m_ledger->markNotificationFailed(mail.id, result.message, &error)) {
            qCWarning(lcNotify).noquote() << "Cannot record the failure in the ledger:" << error;
        }
    }
    // A config change while this mail was in flight: the next mail uses the new one.
    if (m_sender && !m_sender->isBusy()) {
        m_sender->deleteLater();
        m_sender = nullptr;
    }
    schedule();
}
