#pragma once

#include "http/ApiError.h"

#include <QCoreApplication>
#include <QString>
#include <QUrl>

// The words for a failed connection check that are the same for every HR system (unreachable, too slow, TLS,
// rate limited, server trouble, unreadable answer), so BambooHR and Personio read alike in Settings. Each
// credentials widget says in its own words what refused credentials mean for its system before falling back here.
class ConnectionErrorText
{
    Q_DECLARE_TR_FUNCTIONS(ConnectionErrorText)

public:
    // One or two sentences for the admin; `server` is the display name ("BambooHR"), `url` the address tried.
    static QString describe(const ApiError& error, const QString& server, const QUrl& url);
};
