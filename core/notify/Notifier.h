#pragma once

#include "notify/PushReport.h"
#include "notify/Recipient.h"
#include "notify/SmtpConfig.h"

#include <QList>
#include <QObject>
#include <QSet>
#include <QStringList>

class Ledger;
class SmtpSender;
struct SmtpResult;

// After every push run: one e-mail per recipient (plain text + HTML), addressed to that recipient only. Each e-mail
// is queued in the ledger first (notifications table, schema v3) and marked sent once the relay accepted it; a mail
// that failed stays queued with its error and is sent again by retryPending(). Push records are never touched.
//
// finished() comes exactly once per notify()/retryPending() call, always asynchronously, after every mail of that
// call was tried (calls are worked through one after the other, one mail at a time). Nothing is queued and
// finished(0, 0, {}) follows when the report has nothing to tell (PushReportMail::hasNews), there are no
// recipients, or SMTP is not configured (SmtpConfig::isConfigured). An invalid recipient address is not queued but
// counted as failed with an error. With a null or closed ledger the mails are sent without a queue (a failure is
// then reported but cannot be retried).
//
// The ledger must outlive the Notifier and belong to its thread. Two processes retrying the same queue at the same
// moment could both send a mail (no claim across processes): let only the GUI (or only the CLI) call retryPending.
class Notifier : public QObject
{
    Q_OBJECT
public:
    Notifier(Ledger* ledger, const SmtpConfig& config, const QList<Recipient>& recipients, QObject* parent = nullptr);
    ~Notifier() override;

    // Take effect for mails sent from now on (the password too, e.g. after the keychain answered).
    void setConfig(const SmtpConfig& config);
    void setRecipients(const QList<Recipient>& recipients);
    SmtpConfig config() const { return m_config; }
    QList<Recipient> recipients() const { return m_recipients; }

    // Queues the report for every recipient and starts sending.
    void notify(const PushReport& report);
    // Sends what earlier runs (or earlier processes) could not deliver.
    void retryPending();
    // Mails queued in the ledger and not sent yet (including those this Notifier is about to send).
    int pendingCount() const;
    bool isBusy() const { return !m_batches.isEmpty(); }

Q_SIGNALS:
    // Once per notify()/retryPending() when every mail of that call has been tried. `errors`: one line per failed
    // mail, "recipient: why".
    void finished(int sent, int failed, const QStringList& errors);

private:
    struct Mail
    {
        qint64 id = 0; // 0: not queued in the ledger
        QString recipient;
        QString subject;
        QString textBody;
        QString htmlBody;
    };
    struct Batch
    {
        QList<Mail> mails;
        qsizetype next = 0;
        int sent = 0;
        int failed = 0;
        QStringList errors;
    };

    void schedule();
    void onProcess();
    void onSenderFinished(const SmtpResult& result);
    bool ledgerUsable() const;

    Ledger* m_ledger = nullptr;
    SmtpConfig m_config;
    QList<Recipient> m_recipients;
    SmtpSender* m_sender = nullptr; // for the mail in flight; replaced when the config changes
    QList<Batch> m_batches; // the first one is being worked on
    QSet<qint64> m_queuedIds; // in some batch: retryPending() does not take them twice
    bool m_sending = false;
    bool m_scheduled = false;
};
