#include "LedgerWriter.h"

#include <QMetaObject>

LedgerWriter::LedgerWriter(const QString& directory, QObject* parent)
    : QObject(parent)
    , m_worker(new QObject)
    , m_connection(std::make_shared<Connection>())
{
    m_connection->directory = directory;
    m_thread.setObjectName(QStringLiteral("LedgerWriter"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

LedgerWriter::~LedgerWriter()
{
    // Queued after every write asked for, so those are done first; the connection is closed on its own thread.
    QMetaObject::invokeMethod(m_worker, [connection = m_connection] {
        connection->ledger.reset();
        QThread::currentThread()->quit();
    });
    m_thread.wait();
}

void LedgerWriter::beginSending(const QString& applicationId, const QString& target, const QList<PushState>& from,
    const QString& attemptId, const QString& ownerId, Done done)
{
    write([=](Ledger& ledger,
              QString* error) { return ledger.beginSending(applicationId, target, from, attemptId, ownerId, error); },
        std::move(done));
}

void LedgerWriter::finishSending(const QString& applicationId, const QString& target, const QString& attemptId,
    PushState outcome, const QString& remoteId, const QString& reason, bool transient, const AuditEntry& audit,
    Done done)
{
    write(
        [=](Ledger& ledger, QString* error) {
            return ledger.finishSending(
                applicationId, target, attemptId, outcome, remoteId, reason, transient, audit, error);
        },
        std::move(done));
}

void LedgerWriter::write(std::function<bool(Ledger&, QString*)> operation, Done done)
{
    LedgerWriter* self = this;
    QMetaObject::invokeMethod(m_worker,
        [self, connection = m_connection, operation = std::move(operation), done = std::move(done)]() mutable {
            QString error;
            bool ok = false;
            if (!connection->ledger) {
                connection->ledger = std::make_unique<Ledger>();
            }
            if (!connection->ledger->isOpen() && !connection->ledger->open(connection->directory, &error)) {
                error = QStringLiteral("cannot open the ledger: %1").arg(error);
            } else {
                ok = operation(*connection->ledger, &error);
            }
            // The writer waits for this thread before it goes, so `self` is alive here; the callback is posted to it
            // and dropped if the writer is destroyed before the event is delivered.
            QMetaObject::invokeMethod(self, [done = std::move(done), ok, error] { done(ok, error); });
        });
}
