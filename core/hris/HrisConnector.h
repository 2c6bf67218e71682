#pragma once

#include "Hire.h"
#include "hris/Directory.h"
#include "http/ApiError.h"
#include "mapping/TargetCatalog.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QStringList>

#include <functional>
#include <optional>

// Everything a connector needs to render the request body for one (hire, target).
struct PayloadInput
{
    Hire hire;
    // The mapped values keyed by the target's field ids (flat, e.g. "root.firstName", "workEmail",
    // "dynamic_24410"); nullopt: the connector's built-in default fields.
    std::optional<QJsonObject> fields;
    // The hiring manager matched to an employee of this target; nullopt when unmatched (never guessed).
    std::optional<DirectoryEntry> manager;
    QString managerMatchedBy; // "email", "legalName", "confirmed" (see ManagerResolution::matchedBy)
    // Hire API mode only: fresh document links, each {kind, name, url, contentType}.
    QJsonArray documents;
    QString attemptId;
    QDateTime sentAt;
};

// What a create returned.
struct CreateResult
{
    QString remoteId; // the new employee's (or Hire API event's) id in the target
    QStringList warnings; // accepted but reported: a dropped department, a meta error, ...
    int httpStatus = 0;
};

// How a target takes documents.
struct DocumentRules
{
    enum class Mode {
        None, // the target takes no documents
        LinksInPayload, // Bob Hire API: fresh file.info URLs go inside the event; Bob downloads them
        Upload, // download from Ashby, then one multipart upload per document after the employee exists
    };
    Mode mode = Mode::None;
    qint64 maxBytes = 0; // 0: no limit known
    QStringList allowedExtensions; // lower-case without the dot; empty: any
};

// One document to upload.
struct DocumentUpload
{
    QString kind; // "resume" | "offerLetter"
    QString fileName; // as Ashby named it
    QString title; // a display name for the target ("Signed offer letter - Dana Okafor")
    QByteArray contentType; // e.g. "application/pdf"
    QByteArray bytes;
};

// One HRIS connection (design §2: `hris/`). All calls are asynchronous and call back exactly once, on the thread the
// connector lives in. Connectors never retry a create after a dropped connection: the push run decides that after
// looking the e-mail up again (design §5).
class HrisConnector : public QObject
{
    Q_OBJECT
public:
    using DirectoryCallback = std::function<void(const ApiError& error, const Directory& directory)>;
    using LookupCallback = std::function<void(const ApiError& error, const std::optional<DirectoryEntry>& entry)>;
    using CreateCallback = std::function<void(const ApiError& error, const CreateResult& result)>;
    using UploadCallback = std::function<void(const ApiError& error, const QString& documentId)>;
    // documentId: the stored document's id, or nullopt when the employee has no such document.
    using FoundCallback = std::function<void(const ApiError& error, const std::optional<QString>& documentId)>;
    using CatalogCallback = std::function<void(const ApiError& error, const TargetCatalog& catalog)>;
    using CheckCallback = std::function<void(const ApiError& error, const QString& summary)>;

    using QObject::QObject;

    virtual QString target() const = 0; // "bob", "bamboohr", "personio"
    virtual QString displayName() const = 0; // "Bob", "BambooHR", "Personio"

    // How existing employees are found. true: fetchDirectory() once per run gives every employee (inactive ones
    // included) and hires are matched against it. false: findByEmail() per hire (the target filters by e-mail).
    virtual bool snapshotsDirectory() const = 0;
    virtual void fetchDirectory(DirectoryCallback done) = 0;
    // Looks one e-mail up (compared trimmed and case-insensitively); used per hire when !snapshotsDirectory(), for
    // hiring managers, and to reconcile an interrupted create.
    virtual void findByEmail(const QString& email, LookupCallback done) = 0;

    // Whether an employee created by create() can be found by findByEmail() soon after. false for Bob's Hire API: a
    // pending hire is invisible to search, so a create whose answer was lost cannot be checked (design §5: `unknown`).
    virtual bool canFindCreated() const { return true; }
    // How long a freshly created employee may take to show up in findByEmail() (read-after-write lag): the push looks
    // that long before it concludes that an interrupted create did not arrive.
    virtual int readLagMs() const { return 10000; }

    virtual DocumentRules documentRules() const = 0;
    // The exact body create() sends for this input (what the preview shows and the audit log hashes).
    virtual QJsonObject buildPayload(const PayloadInput& in) const = 0;
    virtual void create(const QJsonObject& payload, const QString& context, CreateCallback done) = 0;
    virtual void uploadDocument(
        const QString& remoteId, const DocumentUpload& document, const QString& context, UploadCallback done)
        = 0;

    // Whether findUploaded() can tell that an upload arrived (the target lists an employee's documents).
    virtual bool canFindUploaded() const { return false; }
    // Looks among the employee's documents for the one uploadDocument() would store for `document` (matched by the
    // name the connector gives it; the bytes are not needed). An upload whose answer was lost, or whose run was
    // killed, is checked this way before it is sent again (design §5). Only called when canFindUploaded().
    virtual void findUploaded(
        const QString& remoteId, const DocumentUpload& document, const QString& context, FoundCallback done);

    // The target's fields (standard and custom) and list options, for the mapping editor and validation.
    virtual void fetchCatalog(CatalogCallback done) = 0;
    // Proves the credentials without side effects; `summary` says what was checked ("BambooHR: 412 employees").
    virtual void check(CheckCallback done) = 0;
};

inline void HrisConnector::findUploaded(
    const QString& /*remoteId*/, const DocumentUpload& /*document*/, const QString& context, FoundCallback done)
{
    ApiError e = ApiError::make(ApiError::Kind::Api,
        QStringLiteral("%1 cannot list an employee's documents").arg(displayName()), displayName());
    e.context = context;
    done(e, std::nullopt);
}
