#include "ApiError.h"

namespace {

// The words toString() uses when there is no HTTP status to show.
QString kindLabel(ApiError::Kind kind)
{
    switch (kind) {
    case ApiError::Kind::None:
        return QStringLiteral("no error");
    case ApiError::Kind::InvalidUrl:
        return QStringLiteral("invalid URL");
    case ApiError::Kind::Network:
        return QStringLiteral("network error");
    case ApiError::Kind::Timeout:
        return QStringLiteral("timeout");
    case ApiError::Kind::Tls:
        return QStringLiteral("TLS error");
    case ApiError::Kind::Unauthorized:
        return QStringLiteral("not authorized");
    case ApiError::Kind::RateLimited:
        return QStringLiteral("rate limited");
    case ApiError::Kind::Server:
        return QStringLiteral("server error");
    case ApiError::Kind::Http:
        return QStringLiteral("HTTP error");
    case ApiError::Kind::Api:
        return QStringLiteral("API error");
    case ApiError::Kind::Parse:
        return QStringLiteral("unreadable response");
    case ApiError::Kind::TooLarge:
        return QStringLiteral("response too large");
    case ApiError::Kind::Cancelled:
        return QStringLiteral("cancelled");
    }
    return QStringLiteral("error");
}

} // namespace

bool ApiError::isConnectionOrAuth() const
{
    // InvalidUrl is a configuration error (exit code 2), not a connection failure.
    switch (kind) {
    case Kind::Network:
    case Kind::Timeout:
    case Kind::Tls:
    case Kind::Unauthorized:
        return true;
    default:
        return false;
    }
}

QString ApiError::toString() const
{
    QString text;
    if (!server.isEmpty()) {
        text += server + QStringLiteral(": ");
    }
    if (!context.isEmpty()) {
        text += context + QStringLiteral(": ");
    }
    text += httpStatus > 0 ? QStringLiteral("HTTP %1").arg(httpStatus) : kindLabel(kind);
    if (!message.isEmpty()) {
        text += QStringLiteral(" — ") + message;
    }
    if (!code.isEmpty() && !message.contains(code)) {
        text += QStringLiteral(" (%1)").arg(code);
    }
    return text;
}

QString ApiError::kindName(Kind kind)
{
    // Stable identifiers: they end up in the ledger and in --json output.
    switch (kind) {
    case Kind::None:
        return QStringLiteral("none");
    case Kind::InvalidUrl:
        return QStringLiteral("invalidUrl");
    case Kind::Network:
        return QStringLiteral("network");
    case Kind::Timeout:
        return QStringLiteral("timeout");
    case Kind::Tls:
        return QStringLiteral("tls");
    case Kind::Unauthorized:
        return QStringLiteral("unauthorized");
    case Kind::RateLimited:
        return QStringLiteral("rateLimited");
    case Kind::Server:
        return QStringLiteral("server");
    case Kind::Http:
        return QStringLiteral("http");
    case Kind::Api:
        return QStringLiteral("api");
    case Kind::Parse:
        return QStringLiteral("parse");
    case Kind::TooLarge:
        return QStringLiteral("tooLarge");
    case Kind::Cancelled:
        return QStringLiteral("cancelled");
    }
    return QStringLiteral("unknown");
}

ApiError ApiError::make(Kind kind, QString message, QString server, int httpStatus)
{
    ApiError error;
    error.kind = kind;
    error.message = std::move(message);
    error.server = std::move(server);
    error.httpStatus = httpStatus;
    error.retryable
        = kind == Kind::Network || kind == Kind::Timeout || kind == Kind::RateLimited || kind == Kind::Server;
    return error;
}
