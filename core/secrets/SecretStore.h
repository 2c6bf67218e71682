#pragma once

#include <QObject>
#include <QString>

#include <functional>

// Asynchronous access to secrets (Ashby key, Bob token, ...). Keys look like "ashby/apiKey", "bob/token".
// Every call completes exactly once through its callback, on the caller's thread, within a bounded time.
class SecretStore : public QObject
{
    Q_OBJECT
public:
    enum class Status {
        Ok,
        NotFound,
        Unavailable, // no Secret Service, D-Bus failure, locked keyring refused, timeout: fail closed
        AccessDenied,
    };
    struct Result
    {
        Status status = Status::Ok;
        QString value; // the secret for read(); never logged
        QString message; // human-readable reason when status != Ok
    };
    using Callback = std::function<void(const Result&)>;

    using QObject::QObject;
    ~SecretStore() override = default;

    virtual void read(const QString& key, Callback done) = 0;
    virtual void write(const QString& key, const QString& value, Callback done) = 0;
    virtual void remove(const QString& key, Callback done) = 0;
    // Human name of where secrets live ("the system keychain (Secret Service)", "memory only").
    virtual QString description() const = 0;
};
