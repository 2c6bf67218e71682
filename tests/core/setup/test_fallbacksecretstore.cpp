#include "secrets/FallbackSecretStore.h"
#include "secrets/InMemorySecretStore.h"

#include <QSignalSpy>
#include <QTest>

#include <optional>

namespace {

std::optional<SecretStore::Result> wait(const std::function<void(SecretStore::Callback)>& call)
{
    auto got = std::make_shared<std::optional<SecretStore::Result>>();
    call([got](const SecretStore::Result& r) { *got = r; });
    (void)QTest::qWaitFor([&] { return got->has_value(); }, 5000);
    if (!got->has_value()) {
        qWarning("no answer from the store");
        return SecretStore::Result {SecretStore::Status::Unavailable, {}, QStringLiteral("no answer")};
    }
    return *got;
}

} // namespace

Q_DECLARE_METATYPE(InMemorySecretStore::Behaviour)

class TestFallbackSecretStore : public QObject
{
    Q_OBJECT

private slots:
    void keychainWorks_writeRead_goesToKeychain_noSignal();
    void keychainRefuses_write_keptInMemory_signalledOnce_data();
    void keychainRefuses_write_keptInMemory_signalledOnce();
    void keychainRefuses_readUnknown_reportsRefusal();
    void keychainRefuses_remove_forgetsMemoryCopy();
    void keychainRefusesDelete_reportedNotOk();
    void keychainBack_write_dropsMemoryCopy();
    void noPrimary_memoryOnly();
};

void TestFallbackSecretStore::keychainWorks_writeRead_goesToKeychain_noSignal()
{
    InMemorySecretStore keychain;
    FallbackSecretStore store(&keychain);
    QSignalSpy spy(&store, &FallbackSecretStore::keychainUnavailable);
    const auto w = wait([&](auto cb) { store.write(QStringLiteral("bob/token"), QStringLiteral("t0ken"), cb); });
    QCOMPARE(w->status, SecretStore::Status::Ok);
    QCOMPARE(keychain.value(QStringLiteral("bob/token")), QStringLiteral("t0ken"));
    QVERIFY(!store.isInMemoryOnly(QStringLiteral("bob/token")));
    const auto r = wait([&](auto cb) { store.read(QStringLiteral("bob/token"), cb); });
    QCOMPARE(r->value, QStringLiteral("t0ken"));
    QCOMPARE(spy.count(), 0);
    QCOMPARE(store.description(), keychain.description());
}

void TestFallbackSecretStore::keychainRefuses_write_keptInMemory_signalledOnce_data()
{
    QTest::addColumn<InMemorySecretStore::Behaviour>("behaviour");
    QTest::newRow("unavailable") << InMemorySecretStore::Behaviour::Unavailable;
    QTest::newRow("access denied") << InMemorySecretStore::Behaviour::AccessDenied;
}

void TestFallbackSecretStore::keychainRefuses_write_keptInMemory_signalledOnce()
{
    QFETCH(InMemorySecretStore::Behaviour, behaviour);
    InMemorySecretStore keychain;
    keychain.setBehaviour(behaviour);
    FallbackSecretStore store(&keychain);
    QSignalSpy spy(&store, &FallbackSecretStore::keychainUnavailable);
    const auto w = wait([&](auto cb) { store.write(QStringLiteral("ashby/apiKey"), QStringLiteral("k3y"), cb); });
    QCOMPARE(w->status, SecretStore::Status::Ok);
    QVERIFY(w->message.contains(QStringLiteral("kept in memory")));
    QCOMPARE(spy.count(), 1);
    QVERIFY(!spy.at(0).at(0).toString().isEmpty());
    QVERIFY(store.isKeychainUnavailable());
    QVERIFY(store.isInMemoryOnly(QStringLiteral("ashby/apiKey")));
    QVERIFY(keychain.value(QStringLiteral("ashby/apiKey")).isNull());
    const auto r = wait([&](auto cb) { store.read(QStringLiteral("ashby/apiKey"), cb); });
    QCOMPARE(r->status, SecretStore::Status::Ok);
    QCOMPARE(r->value, QStringLiteral("k3y"));
    // A second refusal does not signal again.
    wait([&](auto cb) { store.write(QStringLiteral("bob/token"), QStringLiteral("t"), cb); });
    QCOMPARE(spy.count(), 1);
    QVERIFY(store.description().contains(QStringLiteral("memory only")));
}

void TestFallbackSecretStore::keychainRefuses_readUnknown_reportsRefusal()
{
    InMemorySecretStore keychain;
    keychain.setBehaviour(InMemorySecretStore::Behaviour::Unavailable);
    FallbackSecretStore store(&keychain);
    QSignalSpy spy(&store, &FallbackSecretStore::keychainUnavailable);
    const auto r = wait([&](auto cb) { store.read(QStringLiteral("bob/token"), cb); });
    QCOMPARE(r->status, SecretStore::Status::Unavailable);
    QCOMPARE(spy.count(), 1);
}

void TestFallbackSecretStore::keychainRefuses_remove_forgetsMemoryCopy()
{
    InMemorySecretStore keychain;
    keychain.setBehaviour(InMemorySecretStore::Behaviour::Unavailable);
    FallbackSecretStore store(&keychain);
    wait([&](auto cb) { store.write(QStringLiteral("bob/token"), QStringLiteral("t"), cb); });
    const auto rm = wait([&](auto cb) { store.remove(QStringLiteral("bob/token"), cb); });
    QCOMPARE(rm->status, SecretStore::Status::Ok);
    QVERIFY(!store.isInMemoryOnly(QStringLiteral("bob/token")));
}

void TestFallbackSecretStore::keychainRefusesDelete_reportedNotOk()
{
    InMemorySecretStore keychain;
    FallbackSecretStore store(&keychain);
    wait([&](auto cb) { store.write(QStringLiteral("bamboohr/apiKey"), QStringLiteral("k"), cb); });
    keychain.setBehaviour(InMemorySecretStore::Behaviour::AccessDenied);
    const auto rm = wait([&](auto cb) { store.remove(QStringLiteral("bamboohr/apiKey"), cb); });
    QCOMPARE(rm->status, SecretStore::Status::AccessDenied);
    QVERIFY2(rm->message.contains(QStringLiteral("refused to delete")), qPrintable(rm->message));
}

void TestFallbackSecretStore::keychainBack_write_dropsMemoryCopy()
{
    InMemorySecretStore keychain;
    keychain.setBehaviour(InMemorySecretStore::Behaviour::Unavailable);
    FallbackSecretStore store(&keychain);
    wait([&](auto cb) { store.write(QStringLiteral("bob/token"), QStringLiteral("old"), cb); });
    keychain.setBehaviour(InMemorySecretStore::Behaviour::Normal);
    wait([&](auto cb) { store.write(QStringLiteral("bob/token"), QStringLiteral("new"), cb); });
    QTRY_VERIFY(!store.isInMemoryOnly(QStringLiteral("bob/token")));
    QCOMPARE(keychain.value(QStringLiteral("bob/token")), QStringLiteral("new"));
    const auto r = wait([&](auto cb) { store.read(QStringLiteral("bob/token"), cb); });
    QCOMPARE(r->value, QStringLiteral("new"));
}

void TestFallbackSecretStore::noPrimary_memoryOnly()
{
    FallbackSecretStore store(nullptr);
    QSignalSpy spy(&store, &FallbackSecretStore::keychainUnavailable);
    wait([&](auto cb) { store.write(QStringLiteral("smtp/password"), QStringLiteral("pw"), cb); });
    QCOMPARE(spy.count(), 1);
    const auto r = wait([&](auto cb) { store.read(QStringLiteral("smtp/password"), cb); });
    QCOMPARE(r->value, QStringLiteral("pw"));
}

QTEST_GUILESS_MAIN(TestFallbackSecretStore)
#include "test_fallbacksecretstore.moc"
