#pragma once

#include "Hire.h"
#include "hris/HrisConnector.h"
#include "http/ApiError.h"

#include <QObject>
#include <QPointer>
#include <QUrl>

#include <functional>

class AshbyClient;

// Gets a hire's files out of Ashby right when they are needed: a fresh `file.info` link (never stored, it expires),
// and for targets that take uploads the bytes behind it, checked against the target's size and type limits first.
class DocumentFetcher : public QObject
{
    Q_OBJECT
public:
    using LinkCallback = std::function<void(const ApiError& error, const QUrl& url)>;
    using DownloadCallback = std::function<void(const ApiError& error, const DocumentUpload& document)>;

    explicit DocumentFetcher(AshbyClient* ashby, QObject* parent = nullptr);

    void fetchLink(const FileRef& file, const QString& context, LinkCallback done);
    // file.info, then GET the link; an expired link (403/404/410 from the storage host) is fetched fresh once.
    void download(const FileRef& file, const DocumentRules& rules, const QString& title, const QString& context,
        DownloadCallback done);

    // The refusal for a file the target cannot take by name (extension), or empty when it may be tried.
    static QString typeProblem(const FileRef& file, const DocumentRules& rules, const QString& targetName);
    static QString sizeProblem(qint64 bytes, const DocumentRules& rules, const QString& targetName);
    static QByteArray contentTypeFor(const QString& fileName);
    // "Resume" / "Signed offer letter"
    static QString kindLabel(const QString& kind);

private:
    // Passes `url` on only if DocumentUrlPolicy allows it, after resolving its host.
    void checkLink(const QUrl& url, const QString& context, const LinkCallback& done);
    void get(const FileRef& file, const QUrl& url, const DocumentRules& rules, const QString& title,
        const QString& context, bool retried, DownloadCallback done);

    QPointer<AshbyClient> m_ashby;
};
