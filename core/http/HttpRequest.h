#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMetaType>
#include <QPair>
#include <QString>
#include <QUrl>

struct HttpRequest
{
    QByteArray method = "POST"; // GET, POST, PUT, DELETE
    QUrl url;
    QList<QPair<QByteArray, QByteArray>> headers; // e.g. Authorization, Accept; Content-Type set from contentType
    QByteArray contentType = "application/json";
    QByteArray body;
    QString server; // "Ashby", "Bob" — used in error messages
    QString context; // what this request is for, used in error messages and logs
    int timeoutMs = 30000;
    // Idempotent requests (all reads) are also retried after network errors and timeouts. A create is only retried
    // when the server answered 429 or 503 (it said it did not handle it): a dropped connection, a timeout or another
    // 5xx may hide a request that did arrive (ApiError::ambiguous).
    bool idempotent = true;
};

struct HttpResponse
{
    int status = 0;
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; // names lower-cased
    int attempts = 0;
    QUrl url;

    QByteArray header(const QByteArray& lowerCaseName) const { return headers.value(lowerCaseName); }
};

struct RetryPolicy
{
    int maxAttempts = 6; // in all, including the first
    int baseDelayMs = 500; // first backoff, doubling
    int maxDelayMs = 8000; // backoff cap
    int maxRetryAfterMs = 60000; // Retry-After / X-RateLimit-Reset honoured up to this
    bool jitter = true; // full jitter in [delay/2, delay]

    // Delay before attempt number `attempt` (2 = first retry) without server hints.
    int backoffMs(int attempt) const;
};

Q_DECLARE_METATYPE(HttpResponse)
