#pragma once

#include "hris/Directory.h"
#include "http/ApiError.h"
#include "http/HttpClient.h"
#include "http/HttpRequest.h"
#include "mapping/TargetCatalog.h"
#include "settings/Config.h"

#include <QObject>
#include <QPointer>

#include <functional>

// Bob's public API (people search, fields metadata) and the Hire URL. Basic auth serviceUserId:token on every call.
class BobClient : public QObject
{
    Q_OBJECT
public:
    using SearchCallback = std::function<void(const ApiError& error, const Directory& directory)>;
    using FieldsCallback = std::function<void(const ApiError& error, int fieldCount)>;
    using PostCallback = std::function<void(const ApiError& error, const HttpResponse& response)>;

    BobClient(HttpClient* http, const BobConfig& config, QObject* parent = nullptr);

    // One POST /v1/people/search for the whole run, inactive employees included.
    void searchPeople(SearchCallback done);
    // GET /v1/company/people/fields: needs no permission, so it proves the credentials without side effects.
    void fieldsMetadata(FieldsCallback done);
    using CatalogCallback = std::function<void(const ApiError& error, const TargetCatalog& catalog)>;
    // GET /v1/company/people/fields and GET /v1/company/named-lists (in parallel), parsed into a catalogue.
    void fetchCatalog(CatalogCallback done);
    // POST the event to the Hire URL, unchanged. Not retried after a dropped connection (it may have arrived).
    void postHireEvent(const QByteArray& payload, const QString& context, PostCallback done);

    static QString serverName() { return QStringLiteral("Bob"); }
    // Public for tests: decodes a people-search body.
    static bool parseSearch(const QByteArray& body, Directory* directory, QString* error);

private:
    HttpRequest baseRequest(const QString& path) const;

    QPointer<HttpClient> m_http;
    BobConfig m_config;
    QByteArray m_authorization;
};
