#pragma once

#include "http/ApiError.h"
#include "settings/Config.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QObject>
#include <QPointer>

class HttpClient;

// The wizard's "Send test candidate": one clearly marked hire event posted to Bob's Hire URL, so the admin sees
// what Bob receives before any real hire is sent. Marked three ways: the name "Test Candidate (Hirebridge)", an
// address under example.invalid (never deliverable), source.system "hirebridge-test" and a top-level "test": true.
class TestHire : public QObject
{
    Q_OBJECT
public:
    struct Result
    {
        ApiError error; // unreachable, refused, bad Hire URL
        QByteArray sent; // the JSON posted, indented for display
        int httpStatus = 0; // Bob's answer
        QByteArray answer; // Bob's answer body as received
        bool ok() const { return !error.isError(); }
    };

    explicit TestHire(HttpClient* http, QObject* parent = nullptr);

    // The event for `now` (also the e-mail's unique part: hirebridge-test+<yyyyMMddHHmmss>@example.invalid).
    static QJsonObject buildEvent(const QDateTime& now);
    static QString candidateName() { return QStringLiteral("Test Candidate (Hirebridge)"); }
    static QString sourceSystem() { return QStringLiteral("hirebridge-test"); }

    // Posts the event to config.hireUrl (Hire API mode only). Emits finished exactly once, unless a newer send()
    // replaced this one.
    void send(const BobConfig& config);
    bool isRunning() const { return m_running != 0; }

Q_SIGNALS:
    void finished(const TestHire::Result& result);

private:
    void finish(quint64 id, const Result& result);

    HttpClient* m_http;
    quint64 m_next = 1;
    quint64 m_running = 0;
    QPointer<QObject> m_scope;
};

Q_DECLARE_METATYPE(TestHire::Result)
