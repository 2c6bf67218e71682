#include "ConnectionErrorText.h"

namespace {

QString hostOf(const QUrl& url)
{
    return url.host().isEmpty() ? url.toDisplayString(QUrl::RemoveUserInfo) : url.host();
}

} // namespace

QString ConnectionErrorText::describe(const ApiError& error, const QString& server, const QUrl& url)
{
    switch (error.kind) {
    case ApiError::Kind::None:
        return {};
    case ApiError::Kind::InvalidUrl:
        return tr("The address for %1 cannot be used: %2").arg(server, error.message);
    case ApiError::Kind::Timeout:
        return tr("%1 at %2 did not answer in time. Check the internet connection and try again.")
            .arg(server, hostOf(url));
    case ApiError::Kind::Network:
        return tr("Hirebridge could not reach %1 at %2 (%3). Check the internet connection and the address.")
            .arg(server, hostOf(url), error.message);
    case ApiError::Kind::Tls:
        return tr("The secure connection to %1 at %2 failed (%3). A proxy or firewall may be intercepting it.")
            .arg(server, hostOf(url), error.message);
    case ApiError::Kind::Unauthorized:
        return tr("%1 refused the credentials (%2).").arg(server, error.message);
    case ApiError::Kind::RateLimited:
        return tr("%1 asked Hirebridge to slow down. Wait a minute and try again.").arg(server);
    case ApiError::Kind::Server:
        return tr("%1 has a problem right now (%2). Try again in a few minutes.").arg(server, error.message);
    case ApiError::Kind::Parse:
    case ApiError::Kind::TooLarge:
        // Most often the address points at a web page rather than the API.
        return tr("%1 at %2 answered with something Hirebridge cannot read (%3). Check the address.")
            .arg(server, hostOf(url), error.message);
    case ApiError::Kind::Cancelled:
        return tr("The check was cancelled.");
    case ApiError::Kind::Http:
    case ApiError::Kind::Api:
        break;
    }
    return tr("%1 answered with an error: %2").arg(server, error.message);
}
