#pragma once

#include "SandboxReply.h"

#include <QAbstractHttpServer>
#include <QString>

#include <functional>
#include <optional>

class FaultInjector;
class QHttpServerResponder;
class RequestLog;

// One loopback HTTP server of the sandbox (fake Ashby, Bob, BambooHR or Personio; the name picks the shape of
// injected errors).
//
// Built on QAbstractHttpServer rather than QHttpServer: QHttpServer's handleRequest() is final
// in Qt 6.4, and only the raw socket it hands us lets the sandbox drop a connection or cut a
// body short. Answers are computed on arrival and written from a timer with the responder
// moved into a shared_ptr, so injected latency delays each request without serialising them.
class SandboxServer : public QAbstractHttpServer
{
    Q_OBJECT

public:
    using Handler = std::function<SandboxReply(const QHttpServerRequest&)>;

    SandboxServer(const QString& name, FaultInjector& faults, RequestLog& log, QObject* parent = nullptr);

    // Header lookup that does not depend on how Qt stores header names.
    static QByteArray header(const QHttpServerRequest& request, const QByteArray& name);
    // user and password of a Basic Authorization header; nullopt when absent or not Basic.
    static std::optional<QPair<QString, QString>> basicCredentials(const QHttpServerRequest& request);

    void setHandler(Handler handler) { m_handler = std::move(handler); }
    // Routes under /_sandbox: answered at once, never faulted, never logged.
    void setControlHandler(Handler handler) { m_controlHandler = std::move(handler); }

protected:
    bool handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) override;
    void missingHandler(const QHttpServerRequest& request, QTcpSocket* socket) override;

private:
    SandboxReply faultReply(int status) const;
    bool isCreate(const QString& method, const QString& path) const;
    bool isUpload(const QString& method, const QString& path) const;
    void addBobRateLimitHeaders(SandboxReply& reply);
    static void write(QHttpServerResponder& responder, const SandboxReply& reply);

    QString m_name;
    qint64 m_rateWindowEnd = 0; // Bob's rate-limit window: epoch seconds when it refills
    int m_rateWindowCount = 0;
    FaultInjector& m_faults;
    RequestLog& m_log;
    Handler m_handler;
    Handler m_controlHandler;
};
