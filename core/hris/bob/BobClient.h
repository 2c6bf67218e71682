#pragma once

#include "hris/Directory.h"
#include "hris/HrisConnector.h"
#include "http/ApiError.h"
#include "http/HttpClient.h"
#include "http/HttpRequest.h"
#include "mapping/TargetCatalog.h"
#include "settings/Config.h"

#include <QObject>
#include <QPointer>

#include <functional>

// Bob's public API (people search and create, fields metadata, documents) and the Hire URL, as one connector with two
// modes (design §3): the Hire API posts one `hirebridge.hire/v1` event per hire with fresh document links; direct mode
// creates the employee with POST /v1/people and uploads the documents. Basic auth serviceUserId:token on every call.
class BobClient : public HrisConnector
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
    // GET /v1/company/people/fields and GET /v1/company/named-lists (in parallel), parsed into a catalogue.
    void fetchCatalog(CatalogCallback done) override;
    // POST the event to the Hire URL, unchanged. Not retried after a dropped connection (it may have arrived).
    void postHireEvent(const QByteArray& payload, const QString& context, PostCallback done);

    // HrisConnector
    QString target() const override { return QStringLiteral("bob"); }
    QString displayName() const override { return serverName(); }
    bool snapshotsDirectory() const override { return true; }
    bool canFindCreated() const override;
    int readLagMs() const override { return 20000; } // "up to ~20 s" (reference §3.1)
    void fetchDirectory(DirectoryCallback done) override { searchPeople(std::move(done)); }
    void findByEmail(const QString& email, LookupCallback done) override;
    DocumentRules documentRules() const override;
    QJsonObject buildPayload(const PayloadInput& in) const override;
    void create(const QJsonObject& payload, const QString& context, CreateCallback done) override;
    void uploadDocument(
        const QString& remoteId, const DocumentUpload& document, const QString& context, UploadCallback done) override;
    // GET /v1/docs/people/{id}; a document matches when its name is the file name uploadDocument() sends.
    bool canFindUploaded() const override { return true; }
    void findUploaded(
        const QString& remoteId, const DocumentUpload& document, const QString& context, FoundCallback done) override;
    void check(CheckCallback done) override;

    BobMode mode() const { return m_config.mode; }
    // Direct mode's body: the flat mapped fields nested by their dots ("work.site" → {"work": {"site": …}}), root
    // fields at the top level, and the manager.
    static QJsonObject directBody(const QJsonObject& fields, const std::optional<DirectoryEntry>& manager);
    // Bob's answer to a create with an e-mail that is already taken (its key compared case-insensitively).
    static bool isEmailTaken(const ApiError& error);
    static constexpr qint64 kMaxDocumentBytes = 5 * 1024 * 1024; // per file, shared and confidential folders

    // What looks wrong with a token as typed or pasted (empty when nothing does): Bob's tokens are one run of
    // printable ASCII without spaces or quotes, so a space inside, a quote, a line break or a pasted
    // "Authorization: Basic …" header is refused before it is sent anywhere.
    static QString tokenProblem(const QString& token);
    static QString serverName() { return QStringLiteral("Bob"); }
    // Public for tests: decodes a people-search body.
    static bool parseSearch(const QByteArray& body, Directory* directory, QString* error);
    // An employee's documents, {"documents": [...]}: each one's id and name. The item shape is unconfirmed (the
    // reference names only the envelope): the id is read from "id" or "docId", the name from "name",
    // "documentName" or "fileName".
    struct StoredDocument
    {
        QString id;
        QString name;
    };
    static std::optional<QList<StoredDocument>> parseDocuments(const QByteArray& body, QString* error);

private:
    HttpRequest baseRequest(const QString& path) const;

    QPointer<HttpClient> m_http;
    BobConfig m_config;
    QByteArray m_authorization;
};
