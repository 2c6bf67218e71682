#pragma once

#include "settings/Config.h"

class AshbyClient;
class BambooHrClient;
class BobClient;
class HrisConnector;
class PersonioClient;
class HttpClient;
class QNetworkAccessManager;
class QObject;

// The network objects one process uses, all parented to `parent`: one QNetworkAccessManager (injected into one
// HttpClient, which caps parallel requests per host) shared by every API client.
struct ServiceClients
{
    QNetworkAccessManager* nam = nullptr;
    HttpClient* http = nullptr;
    AshbyClient* ashby = nullptr;
    BobClient* bob = nullptr;
    BambooHrClient* bamboohr = nullptr; // only when configured (Config::targets())
    PersonioClient* personio = nullptr; // only when configured

    // The connector for "bob", "bamboohr" or "personio"; null when that target is not configured.
    HrisConnector* connector(const QString& target) const;

    static ServiceClients create(const Config& config, QObject* parent);
};
