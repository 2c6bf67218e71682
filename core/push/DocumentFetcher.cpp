#include "DocumentFetcher.h"

#include "DocumentUrlPolicy.h"
#include "ashby/AshbyClient.h"
#include "http/HttpClient.h"
#include "http/RequestJob.h"

#include <QFileInfo>
#include <QHostInfo>
#include <QLocale>
#include <QMimeDatabase>

DocumentFetcher::DocumentFetcher(AshbyClient* ashby, QObject* parent)
    : QObject(parent)
    , m_ashby(ashby)
{
}

QString DocumentFetcher::kindLabel(const QString& kind)
{
    if (kind == QLatin1String("offerLetter")) {
        return tr("Signed offer letter");
    }
    if (kind == QLatin1String("resume")) {
        return tr("Resume");
    }
    return kind;
}

QByteArray DocumentFetcher::contentTypeFor(const QString& fileName)
{
    const QMimeType type = QMimeDatabase().mimeTypeForFile(fileName, QMimeDatabase::MatchExtension);
    return type.isValid() && !type.isDefault() ? type.name().toLatin1() : QByteArrayLiteral("application/octet-stream");
}

QString DocumentFetcher::typeProblem(const FileRef& file, const DocumentRules& rules, const QString& targetName)
{
    if (rules.allowedExtensions.isEmpty()) {
        return {};
    }
    const QString extension = QFileInfo(file.name).suffix().toLower();
    if (rules.allowedExtensions.contains(extension)) {
        return {};
    }
    return tr("%1 \"%2\": %3 does not take %4 files (it takes %5)")
        .arg(kindLabel(file.kind), file.name, targetName,
            extension.isEmpty() ? tr("extension-less") : QStringLiteral(".") + extension,
            rules.allowedExtensions.join(QStringLiteral(", ")));
}

QString DocumentFetcher::sizeProblem(qint64 bytes, const DocumentRules& rules, const QString& targetName)
{
    if (rules.maxBytes <= 0 || bytes <= rules.maxBytes) {
        return {};
    }
    const QLocale locale;
    return tr("too large for %1: %2, it takes at most %3")
        .arg(targetName, locale.formattedDataSize(bytes), locale.formattedDataSize(rules.maxBytes));
}

void DocumentFetcher::fetchLink(const FileRef& file, const QString& context, LinkCallback done)
{
    if (!m_ashby) {
        done(ApiError::make(ApiError::Kind::InvalidUrl, tr("Ashby is not configured"), AshbyClient::serverName()),
            QUrl());
        return;
    }
    m_ashby->call(QStringLiteral("file.info"), QJsonObject {{QStringLiteral("fileHandle"), file.handle}},
        QStringLiteral("file.info for %1").arg(context), [this, done, context](const AshbyResult& result) {
            if (!result.ok()) {
                done(result.error, QUrl());
                return;
            }
            const QUrl url(result.results().toObject().value(QLatin1StringView("url")).toString(), QUrl::StrictMode);
            if (!url.isValid() || url.scheme().isEmpty() || url.host().isEmpty()) {
                auto e = ApiError::make(
                    ApiError::Kind::Parse, tr("file.info gave no usable \"url\""), AshbyClient::serverName(), 200);
                e.context = context;
                done(e, QUrl());
                return;
            }
            checkLink(url, context, done);
        });
}

void DocumentFetcher::checkLink(const QUrl& url, const QString& context, const LinkCallback& done)
{
    const QUrl ashbyBase = m_ashby ? m_ashby->baseUrl() : QUrl();
    const auto decide = [url, context, ashbyBase, done](const QList<QHostAddress>& addresses) {
        const QString refusal = DocumentUrlPolicy::refusal(url, addresses, ashbyBase);
        if (refusal.isEmpty()) {
            done(ApiError(), url);
            return;
        }
        auto e = ApiError::make(ApiError::Kind::InvalidUrl, refusal, tr("Ashby file storage"));
        e.context = context;
        done(e, QUrl());
    };
    QHostAddress literal;
    if (DocumentUrlPolicy::isLocalAshbyHost(url, ashbyBase) || literal.setAddress(url.host())) {
        decide(literal.isNull() ? QList<QHostAddress>() : QList<QHostAddress> {literal});
        return;
    }
    // The addresses the host has now: an intranet name must not pass for a storage host.
    QHostInfo::lookupHost(url.host(), this, [decide, url, context, done](const QHostInfo& info) {
        if (info.error() != QHostInfo::NoError && info.error() != QHostInfo::HostNotFound) {
            auto e = ApiError::make(ApiError::Kind::Network,
                tr("the document host %1 could not be looked up: %2").arg(url.host(), info.errorString()),
                tr("Ashby file storage"));
            e.context = context;
            done(e, QUrl());
            return;
        }
        decide(info.addresses());
    });
}

void DocumentFetcher::download(const FileRef& file, const DocumentRules& rules, const QString& title,
    const QString& context, DownloadCallback done)
{
    fetchLink(file, context, [this, file, rules, title, context, done](const ApiError& error, const QUrl& url) {
        if (error.isError()) {
            done(error, DocumentUpload());
            return;
        }
        get(file, url, rules, title, context, false, done);
    });
}

void DocumentFetcher::get(const FileRef& file, const QUrl& url, const DocumentRules& rules, const QString& title,
    const QString& context, bool retried, DownloadCallback done)
{
    if (!m_ashby || !m_ashby->http()) {
        done(ApiError::make(ApiError::Kind::Cancelled, tr("stopped"), AshbyClient::serverName()), DocumentUpload());
        return;
    }
    if (const auto bad = HttpClient::checkUrl(url, tr("Ashby file storage")); bad.isError()) {
        // (checkLink already vetted where it points; this keeps plain http to loopback only.)
        done(bad, DocumentUpload());
        return;
    }
    HttpRequest r;
    r.method = "GET";
    r.url = url; // pre-signed: no Ashby credentials go to the storage host
    r.contentType.clear();
    r.server = tr("Ashby file storage");
    r.context = context;
    r.timeoutMs = 120000;
    auto* job = m_ashby->http()->send(r);
    connect(job, &RequestJob::finished, this, [file, rules, title, context, done](const HttpResponse& response) {
        DocumentUpload upload;
        upload.kind = file.kind;
        upload.fileName = file.name;
        upload.title = title;
        upload.bytes = response.body;
        const QByteArray type = response.header("content-type").split(';').value(0).trimmed();
        upload.contentType = type.isEmpty() || type == "application/octet-stream" ? contentTypeFor(file.name) : type;
        done(ApiError(), upload);
    });
    connect(job, &RequestJob::failed, this, [this, file, rules, title, context, retried, done](const ApiError& error) {
        const bool expired
            = error.httpStatus == 403 || error.httpStatus == 404 || error.httpStatus == 410 || error.httpStatus == 400;
        if (expired && !retried) {
            // Pre-signed links expire (reference: lifetime undocumented): ask Ashby for a fresh one, once.
            fetchLink(file, context, [this, file, rules, title, context, done](const ApiError& e, const QUrl& url) {
                if (e.isError()) {
                    done(e, DocumentUpload());
                    return;
                }
                get(file, url, rules, title, context, true, done);
            });
            return;
        }
        done(error, DocumentUpload());
    });
}
