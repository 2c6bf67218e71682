#include "ServiceClients.h"

#include "ashby/AshbyClient.h"
#include "hris/bamboohr/BambooHrClient.h"
#include "hris/bob/BobClient.h"
#include "hris/personio/PersonioClient.h"
#include "http/HttpClient.h"

#include <QNetworkAccessManager>

ServiceClients ServiceClients::create(const Config& config, QObject* parent)
{
    ServiceClients c;
    c.nam = new QNetworkAccessManager(parent);
    c.http = new HttpClient(c.nam, parent);
    c.ashby = new AshbyClient(c.http, config.ashby.baseUrl, config.ashby.apiKey, parent);
    c.bob = new BobClient(c.http, config.bob, parent);
    const QStringList targets = config.targets();
    if (targets.contains(QStringLiteral("bamboohr"))) {
        c.bamboohr = new BambooHrClient(c.http, config.bamboohr, parent);
    }
    if (targets.contains(QStringLiteral("personio"))) {
        c.personio = new PersonioClient(c.http, config.personio, parent);
    }
    return c;
}

HrisConnector* ServiceClients::connector(const QString& target) const
{
    if (target == QLatin1String("bob")) {
        return bob;
    }
    if (target == QLatin1String("bamboohr")) {
        return bamboohr;
    }
    if (target == QLatin1String("personio")) {
        return personio;
    }
    return nullptr;
}
