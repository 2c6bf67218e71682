#pragma once

#include "Ledger.h"

#include <QObject>
#include <QString>
#include <QThread>

#include <functional>
#include <memory>

// The push's state changes, written on a thread of their own (design §4, §5). The ledger runs `synchronous=FULL`: a
// commit waits for the disk, about a millisecond here. On the GUI thread that wait held up every answer that arrived
// meanwhile, so a push of 1,000 hires spent seconds with idle connections; here the GUI thread goes on while the disk
// works, and the push still sends nothing before its `sending` is on disk (it continues in the callback).
//
// The writer has its own connection to the same file (one Ledger per thread), so the compare-and-set rules hold
// between it, the caller's connection and other processes exactly as before. Writes run in the order they were asked
// for. Each callback runs on the writer's thread of creation, unless the writer is destroyed first; destroying it
// waits for the writes already asked for, so none is lost, and drops their callbacks.
class LedgerWriter : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(bool ok, const QString& error)>;

    // `directory` as given to Ledger::open; it is opened on the writer's thread at the first write.
    explicit LedgerWriter(const QString& directory, QObject* parent = nullptr);
    ~LedgerWriter() override;

    // Ledger::beginSending / Ledger::finishSending, done on the writer's thread.
    void beginSending(const QString& applicationId, const QString& target, const QList<PushState>& from,
        const QString& attemptId, const QString& ownerId, Done done);
    void finishSending(const QString& applicationId, const QString& target, const QString& attemptId, PushState outcome,
        const QString& remoteId, const QString& reason, bool transient, const AuditEntry& audit, Done done);

private:
    void write(std::function<bool(Ledger&, QString*)> operation, Done done);

    struct Connection
    {
        QString directory;
        std::unique_ptr<Ledger> ledger; // created, used and destroyed on the writer's thread only
    };
    QThread m_thread;
    QObject* m_worker = nullptr; // lives on m_thread
    std::shared_ptr<Connection> m_connection;
};
