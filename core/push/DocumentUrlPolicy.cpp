#include "DocumentUrlPolicy.h"

#include "http/HttpClient.h"

#include <QCoreApplication>

#include <utility>

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("DocumentUrlPolicy", text);
}

bool inSubnet(const QHostAddress& address, const char* subnet)
{
    return address.isInSubnet(QHostAddress::parseSubnet(QString::fromLatin1(subnet)));
}

} // namespace

namespace DocumentUrlPolicy {

bool isPublic(const QHostAddress& input)
{
    QHostAddress address = input;
    bool mapped = false;
    const quint32 v4 = input.toIPv4Address(&mapped);
    if (mapped) {
        address = QHostAddress(v4); // ::ffff:10.0.0.1 is 10.0.0.1
    }
    if (address.isNull() || address.isLoopback() || address.isLinkLocal() || address.isSiteLocal()
        || address.isUniqueLocalUnicast() || address.isMulticast() || address.isBroadcast()
        || address == QHostAddress::AnyIPv4 || address == QHostAddress::AnyIPv6) {
        return false;
    }
    if (address.protocol() == QAbstractSocket::IPv4Protocol) {
        for (const char* reserved : {"0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16",
                 "172.16.0.0/12", "192.0.0.0/24", "192.0.2.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24",
                 "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4"}) {
            if (inSubnet(address, reserved)) {
                return false;
            }
        }
        return true;
    }
    for (const char* reserved : {"::/128", "::1/128", "64:ff9b:1::/48", "100::/64", "2001:db8::/32", "fc00::/7",
             "fe80::/10", "fec0::/10", "ff00::/8"}) {
        if (inSubnet(address, reserved)) {
            return false;
        }
    }
    return true;
}

bool isLocalAshbyHost(const QUrl& url, const QUrl& ashbyBase)
{
    return HttpClient::isLoopbackHost(ashbyBase.host()) && !url.host().isEmpty()
        && url.host().compare(ashbyBase.host(), Qt::CaseInsensitive) == 0;
}

QString refusal(const QUrl& url, const QList<QHostAddress>& addresses, const QUrl& ashbyBase)
{
    const QString host = url.host();
    if (!url.isValid() || host.isEmpty()) {
        return tr("the document link is not a valid URL");
    }
    if (isLocalAshbyHost(url, ashbyBase)) {
        return {};
    }
    if (url.scheme().compare(QLatin1String("https"), Qt::CaseInsensitive) != 0) {
        return tr("the document link to %1 is not https").arg(host);
    }
    if (addresses.isEmpty()) {
        return tr("the document host %1 could not be resolved").arg(host);
    }
    for (const QHostAddress& address : addresses) {
        if (!isPublic(address)) {
            return tr("the document host %1 is on a local or private network (%2); documents are only fetched from "
                      "public hosts")
                .arg(host, address.toString());
        }
    }
    return {};
}

} // namespace DocumentUrlPolicy
