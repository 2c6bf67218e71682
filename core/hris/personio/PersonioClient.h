#pragma once

#include "hris/HrisConnector.h"
#include "http/HttpClient.h"
#include "http/HttpRequest.h"
#include "settings/Config.h"

#include <QList>
#include <QPointer>
#include <QStringList>
#include <QUrl>

#include <functional>

class RateGate;
#include <memory>
#include <optional>

// Personio's v1 API (reference/other-hris-apis.md §2). A bearer token from POST /v1/auth is fetched once and kept in
// memory for the client's life (one /auth at a time; calls wait for it). A 401 drops it, and the call is repeated
// once with a fresh token. Every call sends X-Personio-Partner-ID and X-Personio-App-ID from the config.
class PersonioClient : public HrisConnector
{
    Q_OBJECT
public:
    PersonioClient(HttpClient* http, const PersonioConfig& config, QObject* parent = nullptr);

    QString target() const override { return QStringLiteral("personio"); }
    QString displayName() const override { return serverName(); }

    // Personio filters by e-mail itself: findByEmail() per hire.
    bool snapshotsDirectory() const override { return false; }
    // Every employee (paged, 200 a page), for the manager picker.
    void fetchDirectory(DirectoryCallback done) override;
    // GET /v1/company/employees?email=<lower-cased>, compared again client-side.
    void findByEmail(const QString& email, LookupCallback done) override;

    DocumentRules documentRules() const override;
    QJsonObject buildPayload(const PayloadInput& in) const override;
    // POST /v1/company/employees; org units Personio ignored come back as CreateResult::warnings.
    void create(const QJsonObject& payload, const QString& context, CreateCallback done) override;
    // POST /v1/company/documents (multipart) into a category picked by name from
    // GET /v1/company/document-categories, fetched once per client.
    void uploadDocument(
        const QString& remoteId, const DocumentUpload& document, const QString& context, UploadCallback done) override;

    // GET /v1/company/employees/attributes (TargetCatalog::fromPersonio).
    void fetchCatalog(CatalogCallback done) override;
    // A fresh POST /v1/auth, then GET /v1/company/employees/attributes. Summary "Personio: N attributes".
    void check(CheckCallback done) override;

    static QString serverName() { return QStringLiteral("Personio"); }

    static constexpr int kPageLimit = 200;
    static constexpr int kMaxPages = 1000;
    static constexpr qint64 kMaxUploadBytes = 30 * 1024 * 1024; // documented
    // Extensions Personio accepts (it checks the name, not the content). pdf, docx, doc, jpg, png, txt, xlsx and zip
    // are documented; the rest are unconfirmed additions of common office and image formats.
    static QStringList allowedExtensions();

    // Public for tests.
    static std::optional<QList<DirectoryEntry>> parseEmployees(const QByteArray& body, QString* error);
    struct DocumentCategory
    {
        QString id;
        QString name;
    };
    static std::optional<QList<DocumentCategory>> parseDocumentCategories(const QByteArray& body, QString* error);
    // Offer letter: "offer", "contract" or "vertrag"; resume: "cv", "resume", "lebenslauf", "application" or
    // "bewerbung"; else the first category. nullopt when there is none.
    static std::optional<DocumentCategory> pickCategory(const QList<DocumentCategory>& categories, const QString& kind);
    // The text of whatever Personio reports beside a successful create (shape unconfirmed): `meta`, `data.meta`,
    // `warnings` and `errors`, as objects, arrays or strings.
    static QStringList createWarnings(const QJsonObject& answer);

private:
    using ResponseHandler = std::function<void(const HttpResponse&)>;
    using ErrorHandler = std::function<void(const ApiError&)>;
    struct DirectoryFetch;

    QUrl apiUrl(const QString& path) const;
    HttpRequest request(const QByteArray& method, const QUrl& url, const QString& context) const;
    // Runs `next` once a token is there: at once when one is cached, else after the one /auth in flight.
    void withToken(bool fresh, ErrorHandler next);
    void authenticate();
    // Sends with the bearer token; a 401 drops the token and repeats the call once with a new one.
    // `gate` (may be null) spaces the first attempt out to keep Personio's published rate limits.
    void sendAuthorized(const HttpRequest& request, ResponseHandler onResponse, ErrorHandler onError,
        bool repeated = false, RateGate* gate = nullptr);
    void sendNow(const HttpRequest& request, ResponseHandler onResponse, ErrorHandler onError, bool repeated);
    void fetchEmployeePage(const std::shared_ptr<DirectoryFetch>& fetch);
    void withDocumentCategories(ErrorHandler next);
    void postDocument(const QString& remoteId, const DocumentUpload& document, const DocumentCategory& category,
        const QString& context, UploadCallback done);
    void failLater(std::function<void()> callback);

    QPointer<HttpClient> m_http;
    PersonioConfig m_config;
    QString m_token; // secret: memory only, registered for redaction, never logged
    bool m_authenticating = false;
    QList<ErrorHandler> m_tokenWaiters;
    std::optional<QList<DocumentCategory>> m_categories;
    QList<ErrorHandler> m_categoryWaiters;
    RateGate* m_employeeReads; // GET /company/employees: 15 a second, 300 a minute (reference §2.7)
    RateGate* m_uploads; // POST /company/documents: 60 a minute
};
