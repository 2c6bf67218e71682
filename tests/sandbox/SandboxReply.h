#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QPair>

// What a fake decided to answer, computed when the request arrives and sent later, so that
// injected latency never holds up other requests and the answer reflects the state at arrival.
struct SandboxReply
{
    enum class Delivery {
        Normal,
        // Announce the full Content-Length, send half of the body, then close the connection.
        Truncate,
        // Close the connection without writing anything.
        Drop,
    };

    int status = 200;
    QByteArray contentType = QByteArrayLiteral("application/json");
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    Delivery delivery = Delivery::Normal;

    static SandboxReply json(int status, const QJsonObject& object)
    {
        return raw(status, QByteArrayLiteral("application/json"), QJsonDocument(object).toJson(QJsonDocument::Compact));
    }

    static SandboxReply json(int status, const QJsonArray& array)
    {
        return raw(status, QByteArrayLiteral("application/json"), QJsonDocument(array).toJson(QJsonDocument::Compact));
    }

    static SandboxReply raw(int status, const QByteArray& contentType, const QByteArray& body)
    {
        SandboxReply reply;
        reply.status = status;
        reply.contentType = contentType;
        reply.body = body;
        return reply;
    }

    // Bob answers failed authentication with an empty body; clients must not expect JSON there.
    static SandboxReply empty(int status)
    {
        SandboxReply reply;
        reply.status = status;
        reply.contentType.clear();
        return reply;
    }

    static SandboxReply dropped()
    {
        SandboxReply reply;
        reply.status = 0;
        reply.delivery = Delivery::Drop;
        return reply;
    }
};
