// Runs against the real Secret Service. Locally and in CI: scripts/with-keyring.sh provides a private session bus with
// an unlocked GNOME Keyring. Without one every test is skipped, unless REQUIRE_KEYCHAIN=1 (CI) turns that into a
// failure.

#include "secrets/KeychainSecretStore.h"

#include <QTest>
#include <QUuid>

#include <memory>
#include <optional>

namespace {

// Every wait in this test is bounded by this: a hung keychain must fail (or skip) the test, not hang CI.
constexpr int kWaitMs = 10000;
// Below kWaitMs, so a job that hangs surfaces as the store's own Unavailable rather than as a test-side timeout.
constexpr int kStoreTimeoutMs = 8000;

struct Answers
{
    int calls = 0;
    SecretStore::Result last;
};

std::shared_ptr<Answers> newAnswers()
{
    return std::make_shared<Answers>();
}

SecretStore::Callback recordInto(const std::shared_ptr<Answers>& answers)
{
    return [answers](const SecretStore::Result& result) {
        ++answers->calls;
        answers->last = result;
    };
}

} // namespace

class TestKeychainSecretStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void roundTrip_writeReadOverwriteRemove_matches();
    void read_missingKey_notFound();
    void write_unicodeAndLongValue_roundTrips();
    void remove_missingKey_ok();
    void read_oneMsTimeout_unavailableExactlyOnce();

private:
    // Waits (bounded) for one call's answer; nullopt when none came.
    std::optional<SecretStore::Result> await(const std::function<void(SecretStore::Callback)>& call);
    std::optional<SecretStore::Result> read(const QString& key);
    std::optional<SecretStore::Result> write(const QString& key, const QString& value);
    std::optional<SecretStore::Result> remove(const QString& key);
    QString newKey();

    QString m_service;
    std::unique_ptr<KeychainSecretStore> m_store;
    QStringList m_keysToRemove;
};

std::optional<SecretStore::Result> TestKeychainSecretStore::await(
    const std::function<void(SecretStore::Callback)>& call)
{
    auto answers = newAnswers();
    call(recordInto(answers));
    if (!QTest::qWaitFor([&answers] { return answers->calls > 0; }, kWaitMs)) {
        return std::nullopt;
    }
    return answers->last;
}

std::optional<SecretStore::Result> TestKeychainSecretStore::read(const QString& key)
{
    return await([this, &key](SecretStore::Callback done) { m_store->read(key, std::move(done)); });
}

std::optional<SecretStore::Result> TestKeychainSecretStore::write(const QString& key, const QString& value)
{
    return await([this, &key, &value](SecretStore::Callback done) { m_store->write(key, value, std::move(done)); });
}

std::optional<SecretStore::Result> TestKeychainSecretStore::remove(const QString& key)
{
    return await([this, &key](SecretStore::Callback done) { m_store->remove(key, std::move(done)); });
}

QString TestKeychainSecretStore::newKey()
{
    const QString key = QStringLiteral("test/%1").arg(QUuid::createUuid().toString(QUuid::WithoutBraces));
    m_keysToRemove.append(key);
    return key;
}

void TestKeychainSecretStore::initTestCase()
{
    // Unique per run, so parallel or aborted runs never see each other's entries.
    m_service
        = QStringLiteral("io.hirebridge.Hirebridge.test-%1").arg(QUuid::createUuid().toString(QUuid::WithoutBraces));
    m_store = std::make_unique<KeychainSecretStore>(m_service);
    m_store->setTimeoutMs(kStoreTimeoutMs);

    // A write, not a read: with a session bus but no unlocked keyring (D-Bus activation starts a daemon that has no
    // login collection and cannot prompt), reads answer "not found" while every write fails.
    const QString probeKey = newKey();
    const std::optional<SecretStore::Result> probe = write(probeKey, QStringLiteral("probe-secret-value"));
    QString problem;
    if (!probe) {
        problem = QStringLiteral("the keychain did not answer within %1 ms").arg(kWaitMs);
    } else if (probe->status != SecretStore::Status::Ok) {
        problem = QStringLiteral("the keychain is not usable: %1").arg(probe->message);
    }
    if (problem.isEmpty()) {
        cleanup();
        return;
    }
    m_keysToRemove.clear();
    const bool required = qEnvironmentVariable("REQUIRE_KEYCHAIN") == QLatin1String("1");
    const QString reason
        = QStringLiteral("No usable Secret Service (%1). Run under scripts/with-keyring.sh.").arg(problem);
    if (required) {
        QFAIL(qPrintable(reason + QStringLiteral(" REQUIRE_KEYCHAIN=1 is set, so this is a failure.")));
    }
    QSKIP(qPrintable(reason));
}

void TestKeychainSecretStore::init()
{
    m_store->setTimeoutMs(kStoreTimeoutMs);
}

void TestKeychainSecretStore::cleanup()
{
    // A fresh store: the one under test may have been given a timeout too short to clean up with.
    KeychainSecretStore cleaner(m_service);
    cleaner.setTimeoutMs(kStoreTimeoutMs);
    for (const QString& key : std::as_const(m_keysToRemove)) {
        auto answers = newAnswers();
        cleaner.remove(key, recordInto(answers));
        if (!QTest::qWaitFor([&answers] { return answers->calls > 0; }, kWaitMs)) {
            qWarning("could not remove test entry %s from the keychain", qPrintable(key));
        }
    }
    m_keysToRemove.clear();
}

void TestKeychainSecretStore::roundTrip_writeReadOverwriteRemove_matches()
{
    const QString key = newKey();

    auto result = write(key, QStringLiteral("first-secret-value"));
    QVERIFY2(result, "write: no answer");
    QCOMPARE(result->status, SecretStore::Status::Ok);

    result = read(key);
    QVERIFY2(result, "read: no answer");
    QCOMPARE(result->status, SecretStore::Status::Ok);
    QCOMPARE(result->value, QStringLiteral("first-secret-value"));

    result = write(key, QStringLiteral("second-secret-value"));
    QVERIFY2(result, "overwrite: no answer");
    QCOMPARE(result->status, SecretStore::Status::Ok);

    result = read(key);
    QVERIFY2(result, "read after overwrite: no answer");
    QCOMPARE(result->status, SecretStore::Status::Ok);
    QCOMPARE(result->value, QStringLiteral("second-secret-value"));

    result = remove(key);
    QVERIFY2(result, "remove: no answer");
    QCOMPARE(result->status, SecretStore::Status::Ok);

    result = read(key);
    QVERIFY2(result, "read after remove: no answer");
    QCOMPARE(result->status, SecretStore::Status::NotFound);
    QVERIFY(result->value.isEmpty());
}

void TestKeychainSecretStore::read_missingKey_notFound()
{
    const auto result = read(newKey());
    QVERIFY2(result, "no answer");
    QCOMPARE(result->status, SecretStore::Status::NotFound);
}

void TestKeychainSecretStore::write_unicodeAndLongValue_roundTrips()
{
    const QString key = newKey();
    // Personio secrets and Bob tokens are ASCII today; nothing stops a user pasting more.
    const QString value = QStringLiteral("J\u00fcrgen-\u6f22\u5b57-\U0001F511-") + QString(4096, QLatin1Char('x'));
    auto result = write(key, value);
    QVERIFY2(result, "write: no answer");
    QCOMPARE(result->status, SecretStore::Status::Ok);
    result = read(key);
    QVERIFY2(result, "read: no answer");
    QCOMPARE(result->status, SecretStore::Status::Ok);
    QCOMPARE(result->value, value);
}

void TestKeychainSecretStore::remove_missingKey_ok()
{
    // Same contract as InMemorySecretStore: removing what is not there is not an error.
    const auto result = remove(newKey());
    QVERIFY2(result, "no answer");
    QCOMPARE(result->status, SecretStore::Status::Ok);
}

void TestKeychainSecretStore::read_oneMsTimeout_unavailableExactlyOnce()
{
    const QString key = newKey();
    auto result = write(key, QStringLiteral("timeout-secret-value"));
    QVERIFY2(result, "write: no answer");
    QCOMPARE(result->status, SecretStore::Status::Ok);

    m_store->setTimeoutMs(1);
    auto answers = newAnswers();
    m_store->read(key, recordInto(answers));
    // QtKeychain starts the job from the event loop and the D-Bus reply needs at least one more iteration; sleeping
    // past the timeout first makes the timeout win every time instead of most of the time.
    QThread::msleep(20);
    QTRY_VERIFY_WITH_TIMEOUT(answers->calls > 0, kWaitMs);
    QCOMPARE(answers->last.status, SecretStore::Status::Unavailable);
    QVERIFY(answers->last.value.isEmpty());
    QVERIFY(!answers->last.message.isEmpty());

    // QtKeychain runs its jobs one after another, so once a later call has answered the timed-out job has finished
    // too, and its late answer must have been swallowed.
    m_store->setTimeoutMs(kStoreTimeoutMs);
    result = read(key);
    QVERIFY2(result, "follow-up read: no answer");
    QCOMPARE(result->status, SecretStore::Status::Ok);
    QCOMPARE(result->value, QStringLiteral("timeout-secret-value"));
    QTest::qWait(200);
    QCOMPARE(answers->calls, 1);
}

QTEST_GUILESS_MAIN(TestKeychainSecretStore)
#include "test_keychainsecretstore.moc"
