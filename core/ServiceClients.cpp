#include "ServiceClients.h"

#include "ashby/AshbyClient.h"
#include "hris/bob/BobClient.h"
#include "http/HttpClient.h"

#include <QNetworkAccessManager>

ServiceClients ServiceClients::create(const Config& config, QObject* parent)
{
    ServiceClients c;
    c.nam = new QNetworkAccessManager(parent);
    c.http = new HttpClient(c.nam, parent);
    c.ashby = new AshbyClient(c.http, config.ashby.baseUrl, config.ashby.apiKey, parent);
    c.bob = new BobClient(c.http, config.bob, parent);
    return c;
}
