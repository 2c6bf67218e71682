#pragma once

#include "hris/HrisConnector.h"
#include "http/HttpClient.h"
#include "http/HttpRequest.h"
#include "settings/Config.h"

#include <QList>
#include <QPointer>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

// BambooHR (reference/other-hris-apis.md §1): Basic auth "<API key>:x" and Accept: application/json on every call,
// the config URL is the API base preceding /v1 (company included). Errors come as a status plus the
// X-BambooHR-Error-Message header, which RequestJob puts into ApiError::message.
class BambooHrClient : public HrisConnector
{
    Q_OBJECT
public:
    BambooHrClient(HttpClient* http, const BambooHrConfig& config, QObject* parent = nullptr);

    QString target() const override { return QStringLiteral("bamboohr"); }
    QString displayName() const override { return serverName(); }

    // There is no e-mail filter: the whole list (GET /v1/employees, every page) is the snapshot.
    bool snapshotsDirectory() const override { return true; }
    void fetchDirectory(DirectoryCallback done) override;
    // The same list, matched client-side on workEmail and homeEmail. A miss while the API user cannot read some
    // work e-mails fails (Unauthorized) instead of claiming there is no such employee.
    void findByEmail(const QString& email, LookupCallback done) override;

    DocumentRules documentRules() const override;
    QJsonObject buildPayload(const PayloadInput& in) const override;
    // POST /v1/employees; the new id comes from the Location header (or a JSON body with an id).
    void create(const QJsonObject& payload, const QString& context, CreateCallback done) override;
    // POST /v1/employees/{id}/files (multipart) into a file category picked by name from
    // GET /v1/employees/{id}/files/view, fetched once per client.
    void uploadDocument(
        const QString& remoteId, const DocumentUpload& document, const QString& context, UploadCallback done) override;
    // GET /v1/employees/{id}/files/view; a file matches by the name uploadDocument() gives it (storedName()).
    bool canFindUploaded() const override { return true; }
    void findUploaded(
        const QString& remoteId, const DocumentUpload& document, const QString& context, FoundCallback done) override;

    // GET /v1/meta/fields and GET /v1/meta/lists in parallel (TargetCatalog::fromBambooHr).
    void fetchCatalog(CatalogCallback done) override;
    // GET /v1/meta/fields: read only. Summary "BambooHR: N fields".
    void check(CheckCallback done) override;

    static QString serverName() { return QStringLiteral("BambooHR"); }

    // Rows per page asked for (BambooHR caps page[limit] at 2500).
    static constexpr int kPageLimit = 1000;
    // The query parameter that carries meta.page.nextCursor back. Unconfirmed: BambooHR documents the cursor but not
    // the parameter's name; _links.next, when present, is followed instead and needs no name.
    static constexpr const char* kCursorParameter = "page[after]";
    // A guard against a server whose pagination never ends (a cursor repeated is caught separately).
    static constexpr int kMaxPages = 1000;
    // Upload size limit: BambooHR documents none (unconfirmed); 0 means no limit known.
    static constexpr qint64 kMaxUploadBytes = 0;

    // One page of GET /v1/employees (public for tests).
    struct EmployeeRow
    {
        DirectoryEntry entry; // email = workEmail
        QString homeEmail;
    };
    struct EmployeePage
    {
        QList<EmployeeRow> rows;
        int hiddenWorkEmails = 0; // rows whose workEmail is listed in _restrictedFields (or missing)
        QString nextLink; // _links.next, absolute or relative; empty when none
        QString nextCursor; // meta.page.nextCursor; empty when none
    };
    static std::optional<EmployeePage> parseEmployeePage(const QByteArray& body, QString* error);
    // The numeric id at the end of a Location header ".../<collection>/<id>", e.g. collection "employees" for
    // https://x.bamboohr.com/api/v1/employees/4127 and .../api/gateway.php/acme/v1/employees/4127; empty if none.
    static QString idFromLocation(const QByteArray& location, const QString& collection);

    struct FileCategory
    {
        QString id;
        QString name;
        bool canUpload = true;
    };
    static std::optional<QList<FileCategory>> parseFileCategories(const QByteArray& body, QString* error);
    // Offer letter: a name with "offer", "contract" or "signed"; resume: "resume", "cv" or "application"; else the
    // first category the API user can upload to. nullopt when there is none.
    static std::optional<FileCategory> pickCategory(const QList<FileCategory>& categories, const QString& kind);
    // The files of one employee's file view ({"categories": [{…, "files": [{id, name, originalFileName}]}]}; the
    // shape is unconfirmed, as for the categories).
    struct StoredFile
    {
        QString id;
        QString name;
        QString originalFileName;
    };
    static std::optional<QList<StoredFile>> parseStoredFiles(const QByteArray& body, QString* error);
    // The "fileName" part uploadDocument() sends: the title, with the file's extension so it opens.
    static QString storedName(const DocumentUpload& document);

private:
    struct DirectoryFetch;

    QUrl apiUrl(const QString& path) const;
    HttpRequest request(const QByteArray& method, const QUrl& url, const QString& context) const;
    QUrl firstEmployeesPage() const;
    void fetchEmployeesPage(const std::shared_ptr<DirectoryFetch>& fetch, const QUrl& url);
    void fetchDirectoryFallback(const std::shared_ptr<DirectoryFetch>& fetch);
    void finishDirectory(const std::shared_ptr<DirectoryFetch>& fetch);
    std::optional<QUrl> nextPageUrl(const QUrl& current, const EmployeePage& page, QString* error) const;
    void withFileCategories(const QString& employeeId, std::function<void(const ApiError&)> next);
    void postFile(const QString& remoteId, const DocumentUpload& document, const FileCategory& category,
        const QString& context, UploadCallback done);
    // Manager / "reports to": BambooHR's writable key and format are unconfirmed, so nothing is added yet.
    static void addManager(const std::optional<DirectoryEntry>& manager, QJsonObject* payload);
    void failLater(std::function<void()> callback);

    QPointer<HttpClient> m_http;
    BambooHrConfig m_config;
    QByteArray m_authorization;
    std::optional<QList<FileCategory>> m_fileCategories; // company-wide folders, cached for the client's life
    QList<std::function<void(const ApiError&)>> m_categoryWaiters; // uploads waiting for the one category fetch
};
