#include "RawHttpServer.h"

#include <QHostAddress>
#include <QTcpSocket>
#include <QTimer>

namespace {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

} // namespace

RawHttpServer::RawHttpServer(QObject* parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &RawHttpServer::onNewConnection);
}

RawHttpServer::~RawHttpServer()
{
    const auto sockets = m_connectionState.keys();
    for (QTcpSocket* socket : sockets) {
        socket->disconnect(this);
        socket->abort();
        socket->deleteLater();
    }
}

bool RawHttpServer::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl RawHttpServer::url(const QString& path, const QString& scheme) const
{
    QUrl u;
    u.setScheme(scheme);
    u.setHost(QStringLiteral("127.0.0.1"));
    u.setPort(port());
    u.setPath(path);
    return u;
}

void RawHttpServer::onNewConnection()
{
    while (QTcpSocket* socket = m_server.nextPendingConnection()) {
        ++m_connections;
        m_connectionState.insert(socket, {});
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            endActive(socket);
            m_connectionState.remove(socket);
            socket->deleteLater();
        });
    }
}

void RawHttpServer::onReadyRead(QTcpSocket* socket)
{
    auto it = m_connectionState.find(socket);
    if (it == m_connectionState.end() || it->handled) {
        socket->readAll();
        return;
    }
    it->buffer += socket->readAll();
    const QByteArray& buffer = it->buffer;

    // Anything that is not an HTTP request line (a TLS ClientHello, say) gets what a plain HTTP server answers.
    if (!buffer.isEmpty() && !(buffer.at(0) >= 'A' && buffer.at(0) <= 'Z')) {
        it->handled = true;
        socket->write("HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
        socket->disconnectFromHost();
        return;
    }
    const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0) {
        return;
    }
    RawRequest request;
    const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    request.method = requestLine.value(0);
    request.target = requestLine.value(1);
    request.path
        = request.target.left(request.target.indexOf('?') >= 0 ? request.target.indexOf('?') : request.target.size());
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0) {
            request.headers.insert(line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed());
        }
    }
    const qsizetype length = request.headers.value("content-length", "0").toLongLong();
    if (buffer.size() < headerEnd + 4 + length) {
        return; // body still arriving
    }
    request.body = buffer.mid(headerEnd + 4, length);
    it->handled = true;
    handle(socket, std::move(request));
}

void RawHttpServer::handle(QTcpSocket* socket, RawRequest request)
{
    request.hit = m_hits.value(request.path);
    m_hits[request.path] = request.hit + 1;
    m_requests.append(request);

    auto& state = m_connectionState[socket];
    state.active = true;
    ++m_concurrent;
    m_maxConcurrent = std::max(m_maxConcurrent, m_concurrent);

    const auto route = m_routes.constFind(request.path);
    const RawReply reply = route != m_routes.constEnd() ? (*route)(request) : RawReply::withStatus(404);
    Q_EMIT requestReceived(request);

    switch (reply.action) {
    case RawReply::Action::Drop:
        endActive(socket);
        socket->abort(); // no status line at all
        return;
    case RawReply::Action::Hang:
        return; // until the client gives up
    case RawReply::Action::Respond:
        break;
    }
    if (reply.delayMs > 0) {
        QTimer::singleShot(reply.delayMs, socket, [this, socket, reply] { respond(socket, reply); });
    } else {
        respond(socket, reply);
    }
}

void RawHttpServer::respond(QTcpSocket* socket, const RawReply& reply)
{
    if (!m_connectionState.contains(socket) || socket->state() != QAbstractSocket::ConnectedState) {
        return;
    }
    QByteArray out = "HTTP/1.1 " + QByteArray::number(reply.status) + ' ' + reasonPhrase(reply.status) + "\r\n";
    for (const auto& [name, value] : reply.headers) {
        out += name + ": " + value + "\r\n";
    }
    if (!reply.omitContentLength) {
        out += "Content-Length: "
            + QByteArray::number(reply.declaredLength >= 0 ? reply.declaredLength : reply.body.size()) + "\r\n";
    }
    out += "Connection: close\r\n\r\n";
    out += reply.body;
    endActive(socket);
    socket->write(out);
    socket->disconnectFromHost(); // flushes first
}

void RawHttpServer::endActive(QTcpSocket* socket)
{
    auto it = m_connectionState.find(socket);
    if (it != m_connectionState.end() && it->active) {
        it->active = false;
        --m_concurrent;
    }
}
