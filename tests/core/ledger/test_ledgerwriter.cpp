#include "ledger/Ledger.h"
#include "ledger/LedgerWriter.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <memory>

namespace {

QString s(const char* text)
{
    return QString::fromUtf8(text);
}

Hire makeHire(int index)
{
    Hire hire;
    hire.applicationId = QStringLiteral("app-%1").arg(index);
    hire.candidateId = QStringLiteral("cand-%1").arg(index);
    hire.name = QStringLiteral("Zoë Ångström %1").arg(index);
    hire.email = QStringLiteral("zoe.%1@example.com").arg(index);
    return hire;
}

struct Call
{
    bool called = false;
    bool ok = false;
    QString error;
    QThread* thread = nullptr;
};

LedgerWriter::Done recordInto(Call* call)
{
    return [call](bool ok, const QString& error) {
        call->called = true;
        call->ok = ok;
        call->error = error;
        call->thread = QThread::currentThread();
    };
}

} // namespace

// The push's state changes go through LedgerWriter, on a thread of its own (the disk wait of synchronous=FULL must not
// hold up the GUI thread). What the push relies on: writes in the order asked, the answer on the caller's thread, the
// compare-and-set refusals passed through, and nothing lost when the writer goes away.
class TestLedgerWriter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_ledger = std::make_unique<Ledger>();
        QVERIFY(m_ledger->open(m_dir->path()));
        QVERIFY(m_ledger->upsertHires({makeHire(1), makeHire(2)}, {s("bob")}));
    }

    void writes_runInOrder_answerOnCallersThread_andAreSeenByOtherConnections()
    {
        LedgerWriter writer(m_dir->path());
        Call begin;
        Call finish;
        AuditEntry audit;
        audit.target = s("bob");
        audit.applicationId = s("app-1");
        audit.action = s("send");
        audit.attemptId = s("attempt-1");
        audit.httpStatus = 200;
        // Asked back to back: the finish only succeeds if the begin was written first.
        writer.beginSending(s("app-1"), s("bob"), {PushState::Ready}, s("attempt-1"), s("owner-1"), recordInto(&begin));
        writer.finishSending(s("app-1"), s("bob"), s("attempt-1"), PushState::Pushed, s("evt-1"), s("sent"), false,
            audit, recordInto(&finish));
        QVERIFY(!begin.called); // never synchronously: the caller's code after the call runs first
        QTRY_VERIFY(finish.called);
        QVERIFY2(begin.ok, qPrintable(begin.error));
        QVERIFY2(finish.ok, qPrintable(finish.error));
        QCOMPARE(begin.thread, QThread::currentThread());
        QCOMPARE(finish.thread, QThread::currentThread());
        const auto record = m_ledger->pushRecord(s("app-1"), s("bob"));
        QVERIFY(record);
        QCOMPARE(record->state, PushState::Pushed);
        QCOMPARE(record->remoteId, s("evt-1"));
        bool sawSend = false;
        for (const auto& entry : m_ledger->audit(s("app-1"))) {
            sawSend = sawSend || (entry.action == QLatin1String("send") && entry.httpStatus == 200);
        }
        QVERIFY(sawSend);
    }

    void compareAndSet_refusalIsPassedOn()
    {
        LedgerWriter writer(m_dir->path());
        // Another connection (another process, in real life) took the record first.
        QVERIFY(m_ledger->beginSending(s("app-1"), s("bob"), {PushState::Ready}, s("theirs"), s("owner-2")));
        Call begin;
        writer.beginSending(s("app-1"), s("bob"), {PushState::Ready}, s("mine"), s("owner-1"), recordInto(&begin));
        Call finish;
        writer.finishSending(s("app-1"), s("bob"), s("mine"), PushState::Pushed, s("evt-9"), QString(), false,
            AuditEntry(), recordInto(&finish));
        QTRY_VERIFY(finish.called);
        QVERIFY(!begin.ok);
        QVERIFY(!begin.error.isEmpty());
        QVERIFY(!finish.ok);
        const auto record = m_ledger->pushRecord(s("app-1"), s("bob"));
        QCOMPARE(record->state, PushState::Sending);
        QCOMPARE(record->attemptId, s("theirs"));
    }

    void destroyedWriter_finishesWhatWasAsked_andDropsTheAnswers()
    {
        Call first;
        Call second;
        {
            LedgerWriter writer(m_dir->path());
            writer.beginSending(
                s("app-1"), s("bob"), {PushState::Ready}, s("attempt-1"), s("owner-1"), recordInto(&first));
            writer.beginSending(
                s("app-2"), s("bob"), {PushState::Ready}, s("attempt-2"), s("owner-1"), recordInto(&second));
        } // gone before either answer could be delivered
        QCOMPARE(m_ledger->pushRecord(s("app-1"), s("bob"))->state, PushState::Sending);
        QCOMPARE(m_ledger->pushRecord(s("app-2"), s("bob"))->state, PushState::Sending);
        QCoreApplication::processEvents();
        QTest::qWait(20);
        QVERIFY(!first.called);
        QVERIFY(!second.called);
    }

    void unopenableLedger_isAnErrorNamingIt()
    {
        QTemporaryDir dir;
        const QString notADirectory = dir.filePath(s("file"));
        QFile file(notADirectory);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        LedgerWriter writer(notADirectory);
        Call begin;
        writer.beginSending(s("app-1"), s("bob"), {PushState::Ready}, s("attempt-1"), s("owner-1"), recordInto(&begin));
        QTRY_VERIFY(begin.called);
        QVERIFY(!begin.ok);
        QVERIFY2(begin.error.contains(s("cannot open the ledger")), qPrintable(begin.error));
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Ledger> m_ledger;
};

QTEST_GUILESS_MAIN(TestLedgerWriter)
#include "test_ledgerwriter.moc"
