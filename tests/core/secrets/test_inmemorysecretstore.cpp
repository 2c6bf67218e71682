#include "http/Redaction.h"
#include "secrets/InMemorySecretStore.h"

#include <QTest>

#include <memory>
#include <vector>

namespace {

// Records every answer: tests check both what came back and how many times.
struct Answers
{
    std::vector<SecretStore::Result> results;

    SecretStore::Callback callback()
    {
        return [this](const SecretStore::Result& result) { results.push_back(result); };
    }
};

} // namespace

class TestInMemorySecretStore : public QObject
{
    Q_OBJECT

private slots:
    void read_missingKey_notFound();
    void write_thenRead_returnsValue();
    void write_existingKey_overwrites();
    void remove_existingKey_thenReadNotFound();
    void remove_missingKey_ok();
    void calls_anyOperation_neverAnswerSynchronously();
    void calls_issuedBackToBack_answerInOrder();
    void failingBehaviour_anyOperation_failsAndStoresNothing_data();
    void failingBehaviour_anyOperation_failsAndStoresNothing();
    void neverAnswer_anyOperation_noCallback();
    void destroyedStore_pendingCallbacks_dropped();
    void setValue_synchronous_visibleToRead();
    void description_notEmpty();
    void secrets_writtenOrSet_redactedFromLogs();
};

void TestInMemorySecretStore::read_missingKey_notFound()
{
    InMemorySecretStore store;
    Answers answers;
    store.read(QStringLiteral("ashby/apiKey"), answers.callback());
    QTRY_COMPARE(answers.results.size(), size_t(1));
    QCOMPARE(answers.results[0].status, SecretStore::Status::NotFound);
    QVERIFY(answers.results[0].value.isEmpty());
    QVERIFY(!answers.results[0].message.isEmpty());
}

void TestInMemorySecretStore::write_thenRead_returnsValue()
{
    InMemorySecretStore store;
    Answers answers;
    const QString secret = QStringLiteral("bob-token-\u00e9\u00df\u6f22-0123456789");
    store.write(QStringLiteral("bob/token"), secret, answers.callback());
    store.read(QStringLiteral("bob/token"), answers.callback());
    QTRY_COMPARE(answers.results.size(), size_t(2));
    QCOMPARE(answers.results[0].status, SecretStore::Status::Ok);
    QCOMPARE(answers.results[1].status, SecretStore::Status::Ok);
    QCOMPARE(answers.results[1].value, secret);
    QCOMPARE(store.value(QStringLiteral("bob/token")), secret);
}

void TestInMemorySecretStore::write_existingKey_overwrites()
{
    InMemorySecretStore store;
    store.setValue(QStringLiteral("bob/token"), QStringLiteral("old-token-value"));
    Answers answers;
    store.write(QStringLiteral("bob/token"), QStringLiteral("new-token-value"), answers.callback());
    store.read(QStringLiteral("bob/token"), answers.callback());
    QTRY_COMPARE(answers.results.size(), size_t(2));
    QCOMPARE(answers.results[1].value, QStringLiteral("new-token-value"));
}

void TestInMemorySecretStore::remove_existingKey_thenReadNotFound()
{
    InMemorySecretStore store;
    store.setValue(QStringLiteral("ashby/apiKey"), QStringLiteral("ashby-key-value"));
    Answers answers;
    store.remove(QStringLiteral("ashby/apiKey"), answers.callback());
    store.read(QStringLiteral("ashby/apiKey"), answers.callback());
    QTRY_COMPARE(answers.results.size(), size_t(2));
    QCOMPARE(answers.results[0].status, SecretStore::Status::Ok);
    QCOMPARE(answers.results[1].status, SecretStore::Status::NotFound);
    QVERIFY(store.value(QStringLiteral("ashby/apiKey")).isEmpty());
}

void TestInMemorySecretStore::remove_missingKey_ok()
{
    InMemorySecretStore store;
    Answers answers;
    store.remove(QStringLiteral("personio/secret"), answers.callback());
    QTRY_COMPARE(answers.results.size(), size_t(1));
    QCOMPARE(answers.results[0].status, SecretStore::Status::Ok);
}

void TestInMemorySecretStore::calls_anyOperation_neverAnswerSynchronously()
{
    InMemorySecretStore store;
    store.setValue(QStringLiteral("k"), QStringLiteral("stored-secret-value"));
    Answers answers;
    store.read(QStringLiteral("k"), answers.callback());
    store.read(QStringLiteral("missing"), answers.callback());
    store.write(QStringLiteral("k"), QStringLiteral("other-secret-value"), answers.callback());
    store.remove(QStringLiteral("k"), answers.callback());
    store.setBehaviour(InMemorySecretStore::Behaviour::Unavailable);
    store.read(QStringLiteral("k"), answers.callback());
    QCOMPARE(answers.results.size(), size_t(0));
    QTRY_COMPARE(answers.results.size(), size_t(5));
}

void TestInMemorySecretStore::calls_issuedBackToBack_answerInOrder()
{
    InMemorySecretStore store;
    std::vector<int> order;
    for (int i = 0; i < 5; ++i) {
        store.read(QStringLiteral("k"), [&order, i](const SecretStore::Result&) { order.push_back(i); });
    }
    QTRY_COMPARE(order.size(), size_t(5));
    QCOMPARE(order, (std::vector<int> {0, 1, 2, 3, 4}));
}

void TestInMemorySecretStore::failingBehaviour_anyOperation_failsAndStoresNothing_data()
{
    QTest::addColumn<InMemorySecretStore::Behaviour>("behaviour");
    QTest::addColumn<SecretStore::Status>("expected");
    QTest::newRow("unavailable") << InMemorySecretStore::Behaviour::Unavailable << SecretStore::Status::Unavailable;
    QTest::newRow("access denied") << InMemorySecretStore::Behaviour::AccessDenied << SecretStore::Status::AccessDenied;
}

void TestInMemorySecretStore::failingBehaviour_anyOperation_failsAndStoresNothing()
{
    QFETCH(InMemorySecretStore::Behaviour, behaviour);
    QFETCH(SecretStore::Status, expected);

    InMemorySecretStore store;
    store.setValue(QStringLiteral("kept"), QStringLiteral("kept-secret-value"));
    store.setBehaviour(behaviour);
    Answers answers;
    store.read(QStringLiteral("kept"), answers.callback());
    store.write(QStringLiteral("new"), QStringLiteral("new-secret-value"), answers.callback());
    store.remove(QStringLiteral("kept"), answers.callback());
    QTRY_COMPARE(answers.results.size(), size_t(3));
    for (const SecretStore::Result& result : answers.results) {
        QCOMPARE(result.status, expected);
        QVERIFY(result.value.isEmpty());
        QVERIFY(!result.message.isEmpty());
    }
    QCOMPARE(store.value(QStringLiteral("kept")), QStringLiteral("kept-secret-value"));
    QVERIFY(store.value(QStringLiteral("new")).isEmpty());

    // Back to normal: the store works again, so a "retry" path in callers is testable.
    store.setBehaviour(InMemorySecretStore::Behaviour::Normal);
    store.read(QStringLiteral("kept"), answers.callback());
    QTRY_COMPARE(answers.results.size(), size_t(4));
    QCOMPARE(answers.results[3].status, SecretStore::Status::Ok);
    QCOMPARE(answers.results[3].value, QStringLiteral("kept-secret-value"));
}

void TestInMemorySecretStore::neverAnswer_anyOperation_noCallback()
{
    InMemorySecretStore store;
    store.setBehaviour(InMemorySecretStore::Behaviour::NeverAnswer);
    Answers answers;
    store.read(QStringLiteral("k"), answers.callback());
    store.write(QStringLiteral("k"), QStringLiteral("never-stored-value"), answers.callback());
    store.remove(QStringLiteral("k"), answers.callback());
    QTest::qWait(100);
    QCOMPARE(answers.results.size(), size_t(0));
    QVERIFY(store.value(QStringLiteral("k")).isEmpty());
}

void TestInMemorySecretStore::destroyedStore_pendingCallbacks_dropped()
{
    auto answers = std::make_shared<int>(0);
    {
        InMemorySecretStore store;
        store.read(QStringLiteral("k"), [answers](const SecretStore::Result&) { ++*answers; });
    }
    QTest::qWait(50);
    QCOMPARE(*answers, 0);
}

void TestInMemorySecretStore::setValue_synchronous_visibleToRead()
{
    InMemorySecretStore store;
    store.setValue(QStringLiteral("smtp/password"), QStringLiteral("smtp-secret-value"));
    QCOMPARE(store.value(QStringLiteral("smtp/password")), QStringLiteral("smtp-secret-value"));
    Answers answers;
    store.read(QStringLiteral("smtp/password"), answers.callback());
    QTRY_COMPARE(answers.results.size(), size_t(1));
    QCOMPARE(answers.results[0].value, QStringLiteral("smtp-secret-value"));
}

void TestInMemorySecretStore::description_notEmpty()
{
    QVERIFY(!InMemorySecretStore().description().isEmpty());
}

void TestInMemorySecretStore::secrets_writtenOrSet_redactedFromLogs()
{
    InMemorySecretStore store;
    const QString written = QStringLiteral("written-secret-8f2a61c0");
    const QString set = QStringLiteral("set-secret-3b9e77d4");
    const QString refused = QStringLiteral("refused-secret-c41d0e95");
    store.setValue(QStringLiteral("a"), set);
    Answers answers;
    store.write(QStringLiteral("b"), written, answers.callback());
    // The caller still holds a value the store refused, and may log near it.
    store.setBehaviour(InMemorySecretStore::Behaviour::Unavailable);
    store.write(QStringLiteral("c"), refused, answers.callback());
    QTRY_COMPARE(answers.results.size(), size_t(2));

    const QString line = Redaction::redactSecrets(QStringLiteral("a=%1 b=%2 c=%3").arg(set, written, refused));
    QVERIFY2(!line.contains(set) && !line.contains(written) && !line.contains(refused), qPrintable(line));
}

QTEST_GUILESS_MAIN(TestInMemorySecretStore)
#include "test_inmemorysecretstore.moc"
