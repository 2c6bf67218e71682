#pragma once

#include <QHostAddress>
#include <QList>
#include <QString>
#include <QUrl>

// Where a document link from Ashby's file.info may point before the workstation fetches it (or hands it to Bob):
// https to a host that resolves to public addresses only. A bad or compromised answer must not make the app fetch an
// intranet page ("https://intranet.corp/payroll.pdf") and upload it as a resume. The one exception is the configured
// Ashby itself when it runs on this machine (the sandbox, a local test server): links on that same loopback host.
namespace DocumentUrlPolicy {

// Empty when `url` may be fetched; otherwise why not, naming the host. `addresses`: what the host resolves to (the
// address itself for a literal IP). `ashbyBase`: the Ashby API base in use.
QString refusal(const QUrl& url, const QList<QHostAddress>& addresses, const QUrl& ashbyBase);
// Not loopback, private (RFC 1918), shared (100.64/10), link-local, unique-local, site-local, multicast, broadcast,
// unspecified or documentation space; IPv4-mapped IPv6 addresses are judged as the IPv4 address.
bool isPublic(const QHostAddress& address);
// Whether `url` is on the configured Ashby's own loopback host (the sandbox exception).
bool isLocalAshbyHost(const QUrl& url, const QUrl& ashbyBase);

} // namespace DocumentUrlPolicy
