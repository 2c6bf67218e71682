#pragma once

#include <QMetaType>
#include <QString>

// The one error value every request, client and run reports. `server` names the system ("Ashby", "Bob"),
// `context` names what was being done ("application.list page 2", "hire 3f2c… (Zoë Ångström)").
struct ApiError
{
    enum class Kind {
        None,
        InvalidUrl, // the URL is malformed, or plain http:// to a non-loopback host
        Network, // connection refused, dropped, DNS, ...
        Timeout, // per-request timeout elapsed
        Tls, // any TLS error: always fatal
        Unauthorized, // 401 / 403: credentials refused or permission missing
        RateLimited, // 429 after all retries
        Server, // 5xx after all retries
        Http, // any other non-2xx (400, 404, ...)
        Api, // HTTP 200 with an error body (Ashby success:false)
        Parse, // the body was not what we expected: not JSON, truncated, wrong type
        TooLarge, // body above the configured limit
        Cancelled, // aborted by the caller
    };

    Kind kind = Kind::None;
    int httpStatus = 0;
    QString message; // human readable, never contains a secret
    bool retryable = false; // transient: network, timeout, 429, 5xx
    QString server;
    QString context;
    QString code; // machine code when the server gave one (Ashby errorInfo.code, Bob key)
    // A request that must not be sent twice (a create) failed in a way that does not tell whether the server acted
    // on it: a 5xx other than 503, a timeout, a connection dropped after the request went out.
    bool ambiguous = false;

    bool isError() const { return kind != Kind::None; }
    // A server could not be reached or refused the credentials (CLI exit code 3).
    bool isConnectionOrAuth() const;
    // "Bob: application.list page 2: HTTP 503 Service Unavailable" style one-liner.
    QString toString() const;
    static QString kindName(Kind kind);

    static ApiError make(Kind kind, QString message, QString server = {}, int httpStatus = 0);
};

Q_DECLARE_METATYPE(ApiError)
