#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPair>
#include <QTcpServer>
#include <QUrl>

#include <functional>

class QTcpSocket;

// A tiny HTTP/1.1 server on 127.0.0.1 that writes raw responses, so tests can drop connections, hang, truncate
// bodies and count concurrent requests exactly. One request per connection (it always answers Connection: close).
struct RawRequest
{
    QByteArray method;
    QByteArray path; // without the query
    QByteArray target;
    QHash<QByteArray, QByteArray> headers; // lower-cased names
    QByteArray body;
    int hit = 0; // 0-based count of earlier requests to the same path
};

struct RawReply
{
    enum class Action { Respond, Drop, Hang };
    Action action = Action::Respond;
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    int delayMs = 0;
    bool omitContentLength = false; // body delimited by closing the connection
    qint64 declaredLength = -1; // a Content-Length that lies (truncated body)

    static RawReply ok(const QByteArray& body = "{}") { return withStatus(200, body); }
    static RawReply withStatus(int status, const QByteArray& body = {})
    {
        RawReply r;
        r.status = status;
        r.body = body;
        return r;
    }
    static RawReply drop()
    {
        RawReply r;
        r.action = Action::Drop;
        return r;
    }
    static RawReply hang()
    {
        RawReply r;
        r.action = Action::Hang;
        return r;
    }
    RawReply& header(const QByteArray& name, const QByteArray& value)
    {
        headers.append({name, value});
        return *this;
    }
    RawReply& delayed(int ms)
    {
        delayMs = ms;
        return *this;
    }
};

class RawHttpServer : public QObject
{
    Q_OBJECT
public:
    using Handler = std::function<RawReply(const RawRequest&)>;

    explicit RawHttpServer(QObject* parent = nullptr);
    ~RawHttpServer() override;

    bool listen();
    quint16 port() const { return m_server.serverPort(); }
    QUrl url(const QString& path, const QString& scheme = QStringLiteral("http")) const;

    // Exact path match; unknown paths answer 404.
    void route(const QByteArray& path, Handler handler) { m_routes.insert(path, std::move(handler)); }

    int hits(const QByteArray& path) const { return m_hits.value(path); }
    int totalRequests() const { return m_requests.size(); }
    int connections() const { return m_connections; }
    int maxConcurrent() const { return m_maxConcurrent; }
    const QList<RawRequest>& requests() const { return m_requests; }

Q_SIGNALS:
    void requestReceived(const RawRequest& request);

private:
    struct Connection
    {
        QByteArray buffer;
        bool handled = false;
        bool active = false; // a request is being served (counted in m_concurrent)
    };

    void onNewConnection();
    void onReadyRead(QTcpSocket* socket);
    void handle(QTcpSocket* socket, RawRequest request);
    void respond(QTcpSocket* socket, const RawReply& reply);
    void endActive(QTcpSocket* socket);

    QTcpServer m_server;
    QHash<QByteArray, Handler> m_routes;
    QHash<QByteArray, int> m_hits;
    QHash<QTcpSocket*, Connection> m_connectionState;
    QList<RawRequest> m_requests;
    int m_connections = 0;
    int m_concurrent = 0;
    int m_maxConcurrent = 0;
};
