#pragma once

#include "settings/Config.h"

class AshbyClient;
class BobClient;
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

    static ServiceClients create(const Config& config, QObject* parent);
};
