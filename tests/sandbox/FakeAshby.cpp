#include "FakeAshby.h"

#include "FaultInjector.h"
#include "SandboxData.h"
#include "SandboxServer.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QHttpServerRequest>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QUrl>

#include <optional>

Q_LOGGING_CATEGORY(lcFakeAshby, "hirebridge.sandbox.ashby")

const QString FakeAshby::apiKey = QStringLiteral("sandbox-ashby-key-7f3a");
const QString FakeAshby::limitedApiKey = QStringLiteral("sandbox-ashby-limited-key-5d1e");
const QString FakeAshby::noInfoApiKey = QStringLiteral("sandbox-ashby-noinfo-key-8b4c");

namespace {

const QByteArray kSigningSecret = QByteArrayLiteral("hirebridge-sandbox-cursor-secret");
const QByteArray kTokenPrefix = QByteArrayLiteral("st1.");
const QByteArray kCursorPrefix = QByteArrayLiteral("cu1.");

QByteArray signature(const QByteArray& payload)
{
    return QCryptographicHash::hash(kSigningSecret + payload, QCryptographicHash::Sha256).toHex().left(12);
}

// Cursors and sync tokens are opaque to the client but signed here, so a garbled or foreign
// value is recognised instead of being misread as a position.
QString encodeOpaque(const QByteArray& prefix, const QByteArray& payload)
{
    const QByteArray encoded
        = prefix + payload.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    return QString::fromLatin1(encoded + '.' + signature(encoded));
}

std::optional<QByteArray> decodeOpaque(const QByteArray& prefix, const QString& text)
{
    const QByteArray raw = text.toLatin1();
    const qsizetype dot = raw.lastIndexOf('.');
    if (!raw.startsWith(prefix) || dot <= prefix.size()) {
        return std::nullopt;
    }
    const QByteArray encoded = raw.left(dot);
    if (raw.mid(dot + 1) != signature(encoded)) {
        return std::nullopt;
    }
    const auto decoded = QByteArray::fromBase64Encoding(
        encoded.mid(prefix.size()), QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    if (!decoded) {
        return std::nullopt;
    }
    return decoded.decoded;
}

QByteArray pdfEscape(const QString& text)
{
    QByteArray out;
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u == '(' || u == ')' || u == '\\') {
            out.append('\\');
        }
        out.append(u >= 32 && u < 127 ? char(u) : '?');
    }
    return out;
}

// Deterministic filler bytes (xorshift32), so a large document has the same content and hash on every run.
QByteArray fillerBytes(qint64 size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    quint32 state = 0x2545f491U;
    for (qint64 i = 0; i < size; ++i) {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        bytes[i] = char(state & 0xffU);
    }
    return bytes;
}

// A one-page PDF that real viewers open, small enough to keep tests fast. With a targetSize above its natural size
// it carries an unreferenced padding stream that makes it exactly that many bytes (the "resume over 5 MB" case).
QByteArray fakePdf(const QString& title, qint64 targetSize = 0)
{
    const QByteArray content
        = "BT /F1 16 Tf 72 770 Td (" + pdfEscape(title) + ") Tj 0 -24 Td (Hirebridge sandbox document) Tj ET";
    QList<QByteArray> objects {
        QByteArrayLiteral("<< /Type /Catalog /Pages 2 0 R >>"),
        QByteArrayLiteral("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
        QByteArrayLiteral("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
                          "/Resources << /Font << /F1 5 0 R >> >> >>"),
        "<< /Length " + QByteArray::number(content.size()) + " >>\nstream\n" + content + "\nendstream",
        QByteArrayLiteral("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"),
    };
    const auto assemble = [](const QList<QByteArray>& parts) {
        QByteArray pdf = QByteArrayLiteral("%PDF-1.4\n");
        QList<qsizetype> offsets;
        for (int i = 0; i < parts.size(); ++i) {
            offsets.append(pdf.size());
            pdf += QByteArray::number(i + 1) + " 0 obj\n" + parts.at(i) + "\nendobj\n";
        }
        const qsizetype xref = pdf.size();
        pdf += "xref\n0 " + QByteArray::number(parts.size() + 1) + "\n0000000000 65535 f \n";
        for (const qsizetype offset : offsets) {
            pdf += QByteArray::number(offset).rightJustified(10, '0') + " 00000 n \n";
        }
        pdf += "trailer\n<< /Size " + QByteArray::number(parts.size() + 1) + " /Root 1 0 R >>\nstartxref\n"
            + QByteArray::number(xref) + "\n%%EOF\n";
        return pdf;
    };
    QByteArray pdf = assemble(objects);
    if (targetSize <= pdf.size()) {
        return pdf;
    }
    // The padding's own length digits move the trailer, so settle the length in a few passes.
    const QByteArray filler = fillerBytes(targetSize);
    qint64 length = 0;
    objects.append(QByteArray());
    for (int pass = 0; pass < 5 && pdf.size() != targetSize; ++pass) {
        length = qBound<qint64>(0, length + targetSize - pdf.size(), targetSize);
        objects.last()
            = "<< /Length " + QByteArray::number(length) + " >>\nstream\n" + filler.left(length) + "\nendstream";
        pdf = assemble(objects);
    }
    return pdf;
}

QJsonObject listEnvelope(const QJsonArray& results)
{
    return QJsonObject {
        {QStringLiteral("success"), true},
        {QStringLiteral("results"), results},
        {QStringLiteral("moreDataAvailable"), false},
    };
}

} // namespace

FakeAshby::FakeAshby(SandboxData& data, FaultInjector& faults, int pageSize)
    : m_data(data)
    , m_faults(faults)
    , m_pageSize(pageSize)
{
}

SandboxReply FakeAshby::handle(const QHttpServerRequest& request)
{
    const QString path = request.url().path();
    if (path.startsWith(QLatin1String("/_files/"))) {
        if (request.method() != QHttpServerRequest::Method::Get) {
            return SandboxReply::raw(405, QByteArrayLiteral("text/plain"), QByteArrayLiteral("method not allowed\n"));
        }
        return serveFile(path.mid(8));
    }

    const auto credentials = SandboxServer::basicCredentials(request);
    if (SandboxServer::header(request, QByteArrayLiteral("Authorization")).isEmpty()) {
        return error(QStringLiteral("unauthenticated"), QStringLiteral("No API key was provided"), 401);
    }
    if (!credentials || scopesOf(credentials->first).isEmpty()) {
        return error(QStringLiteral("invalid_api_key"), QStringLiteral("The API key is invalid or deactivated"), 403);
    }

    const QString endpoint = path.mid(1);
    if (request.method() != QHttpServerRequest::Method::Post || endpoint.isEmpty()
        || endpoint.contains(QLatin1Char('/')) || !endpoint.contains(QLatin1Char('.'))) {
        return error(
            QStringLiteral("endpoint_not_found"), QStringLiteral("No such endpoint: POST /<category>.<method>"), 404);
    }

    QJsonObject params;
    const QByteArray body = request.body().trimmed();
    if (!body.isEmpty()) {
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
        if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
            return error(QStringLiteral("invalid_input"), QStringLiteral("The request body must be a JSON object"));
        }
        params = document.object();
    }
    const QString scope = requiredScope(endpoint);
    if (!scope.isEmpty() && !scopesOf(credentials->first).contains(scope)) {
        return error(QStringLiteral("missing_endpoint_permission"),
            QStringLiteral("The API key lacks the permission %1 needed for %2").arg(scope, endpoint), 403);
    }
    if (endpoint == QLatin1String("apiKey.info")) {
        QStringList scopes = scopesOf(credentials->first);
        scopes.removeAll(QStringLiteral("apiKeys:read"));
        return success(QJsonObject {
            {QStringLiteral("title"),
                credentials->first == apiKey ? QStringLiteral("Hirebridge sandbox key")
                                             : QStringLiteral("Hirebridge sandbox key (limited)")},
            {QStringLiteral("createdAt"), QStringLiteral("2025-03-02T09:14:07.112Z")},
            {QStringLiteral("scopes"), QJsonArray::fromStringList(scopes)},
        });
    }
    return dispatch(endpoint, params);
}

QStringList FakeAshby::scopesOf(const QString& key)
{
    const QStringList reader {QStringLiteral("candidates:read"), QStringLiteral("jobs:read"),
        QStringLiteral("offers:read"), QStringLiteral("organization:read"),
        QStringLiteral("hiringProcessMetadata:read")};
    if (key == apiKey) {
        return reader + QStringList {QStringLiteral("apiKeys:read")};
    }
    if (key == limitedApiKey) {
        QStringList scopes = reader;
        scopes.removeAll(QStringLiteral("offers:read"));
        return scopes + QStringList {QStringLiteral("apiKeys:read")};
    }
    if (key == noInfoApiKey) {
        QStringList scopes = reader;
        scopes.removeAll(QStringLiteral("offers:read"));
        return scopes;
    }
    return {};
}

QString FakeAshby::requiredScope(const QString& endpoint)
{
    const QString category = endpoint.section(QLatin1Char('.'), 0, 0);
    if (category == QLatin1String("apiKey")) {
        return QStringLiteral("apiKeys:read");
    }
    if (category == QLatin1String("application") || category == QLatin1String("candidate")
        || category == QLatin1String("file")) {
        return QStringLiteral("candidates:read");
    }
    if (category == QLatin1String("offer")) {
        return QStringLiteral("offers:read");
    }
    if (category == QLatin1String("job") || category == QLatin1String("opening")) {
        return QStringLiteral("jobs:read");
    }
    if (category == QLatin1String("user") || category == QLatin1String("department")
        || category == QLatin1String("location")) {
        return QStringLiteral("organization:read");
    }
    if (category == QLatin1String("customField") || category == QLatin1String("source")) {
        return QStringLiteral("hiringProcessMetadata:read");
    }
    return {};
}

SandboxReply FakeAshby::listOf(const QJsonArray& items, const QJsonObject& params)
{
    const int limit = qBound(1, params.value(QStringLiteral("limit")).toInt(100), 100);
    QJsonArray page;
    for (qsizetype i = 0; i < items.size() && i < limit; ++i) {
        page.append(items.at(i));
    }
    QJsonObject envelope = listEnvelope(page);
    envelope.insert(QStringLiteral("moreDataAvailable"), items.size() > limit);
    return SandboxReply::json(200, envelope);
}

SandboxReply FakeAshby::dispatch(const QString& endpoint, const QJsonObject& params)
{
    if (endpoint == QLatin1String("apiKey.info")) {
        return success(QJsonObject {
            {QStringLiteral("title"), QStringLiteral("Hirebridge sandbox key")},
            {QStringLiteral("createdAt"), QStringLiteral("2025-03-02T09:14:07.112Z")},
            {QStringLiteral("scopes"),
                QJsonArray {QStringLiteral("candidates:read"), QStringLiteral("jobs:read"),
                    QStringLiteral("offers:read"), QStringLiteral("organization:read"),
                    QStringLiteral("hiringProcessMetadata:read")}},
        });
    }
    if (endpoint == QLatin1String("application.list")) {
        return applicationList(params);
    }
    if (endpoint == QLatin1String("job.list")) {
        return listOf(m_data.jobs(), params);
    }
    if (endpoint == QLatin1String("user.list")) {
        return listOf(m_data.users(), params);
    }
    if (endpoint == QLatin1String("application.info")) {
        return lookup(
            params, QStringLiteral("applicationId"),
            [this](const QString& id) {
                const SandboxData::Application* application = m_data.application(id);
                return application ? application->json : QJsonObject {};
            },
            QStringLiteral("application"));
    }
    if (endpoint == QLatin1String("candidate.info")) {
        return candidateInfo(params);
    }
    if (endpoint == QLatin1String("offer.list")) {
        return offerList(params);
    }
    if (endpoint == QLatin1String("offer.info")) {
        return lookup(
            params, QStringLiteral("offerId"), [this](const QString& id) { return m_data.offer(id); },
            QStringLiteral("offer"));
    }
    if (endpoint == QLatin1String("job.info")) {
        return lookup(
            params, QStringLiteral("id"), [this](const QString& id) { return m_data.job(id); }, QStringLiteral("job"));
    }
    if (endpoint == QLatin1String("user.info")) {
        return lookup(
            params, QStringLiteral("userId"), [this](const QString& id) { return m_data.user(id); },
            QStringLiteral("user"));
    }
    if (endpoint == QLatin1String("department.info")) {
        return lookup(
            params, QStringLiteral("departmentId"), [this](const QString& id) { return m_data.department(id); },
            QStringLiteral("department"));
    }
    if (endpoint == QLatin1String("location.info")) {
        return lookup(
            params, QStringLiteral("locationId"), [this](const QString& id) { return m_data.location(id); },
            QStringLiteral("location"));
    }
    if (endpoint == QLatin1String("customField.list")) {
        QJsonObject envelope
            = listEnvelope(m_data.customFields(params.value(QStringLiteral("includeArchived")).toBool(false)));
        envelope.insert(
            QStringLiteral("syncToken"), encodeOpaque(kTokenPrefix, QByteArray::number(m_data.generation())));
        return SandboxReply::json(200, envelope);
    }
    if (endpoint == QLatin1String("file.info")) {
        return fileInfo(params);
    }
    return error(QStringLiteral("endpoint_not_found"), QStringLiteral("Unknown endpoint %1").arg(endpoint), 404);
}

SandboxReply FakeAshby::applicationList(const QJsonObject& params)
{
    // Which applications a pass covers: the filters, plus the generation window (since, until].
    qint64 sinceGeneration = 0;
    if (params.contains(QStringLiteral("syncToken"))) {
        if (m_faults.takeTokenExpired()) {
            return error(
                QStringLiteral("sync_token_expired"), QStringLiteral("The sync token has expired (sandbox fault)"));
        }
        const auto token = decodeOpaque(kTokenPrefix, params.value(QStringLiteral("syncToken")).toString());
        bool ok = false;
        sinceGeneration = token ? token->toLongLong(&ok) : 0;
        if (!ok || sinceGeneration < 1 || sinceGeneration > m_data.generation()) {
            return error(QStringLiteral("sync_token_expired"),
                QStringLiteral("The sync token is unknown or expired; run a full sync"));
        }
    }

    int limit = 100;
    if (params.contains(QStringLiteral("limit"))) {
        const QJsonValue value = params.value(QStringLiteral("limit"));
        if (!value.isDouble() || value.toDouble() < 1 || value.toDouble() != double(qint64(value.toDouble()))) {
            return error(QStringLiteral("invalid_input"), QStringLiteral("limit must be a positive integer"));
        }
        limit = int(qMin(value.toDouble(), 100.0));
    }
    limit = qMin(limit, m_pageSize);

    QString status;
    if (params.contains(QStringLiteral("status"))) {
        status = params.value(QStringLiteral("status")).toString();
        static const QStringList statuses {
            QStringLiteral("Hired"), QStringLiteral("Archived"), QStringLiteral("Active"), QStringLiteral("Lead")};
        if (!statuses.contains(status)) {
            return error(QStringLiteral("invalid_input"),
                QStringLiteral("status must be one string of Hired, Archived, Active, Lead"));
        }
    }
    const QString jobId = params.value(QStringLiteral("jobId")).toString();
    const qint64 createdAfter = qint64(params.value(QStringLiteral("createdAfter")).toDouble(0));
    const QString filterKey
        = QStringLiteral("%1|%2|%3|%4|%5").arg(status, jobId).arg(createdAfter).arg(sinceGeneration).arg(limit);

    qint64 untilGeneration = m_data.generation();
    int offset = 0;
    if (params.contains(QStringLiteral("cursor"))) {
        const auto payload = decodeOpaque(kCursorPrefix, params.value(QStringLiteral("cursor")).toString());
        const QJsonObject cursor = payload ? QJsonDocument::fromJson(*payload).object() : QJsonObject {};
        if (cursor.isEmpty() || cursor.value(QStringLiteral("f")).toString() != filterKey) {
            return error(QStringLiteral("invalid_input"),
                QStringLiteral("The cursor is invalid or was issued for different filters"));
        }
        untilGeneration = qint64(cursor.value(QStringLiteral("u")).toDouble());
        offset = cursor.value(QStringLiteral("o")).toInt();
    }

    QJsonArray matching;
    for (const SandboxData::Application& application : m_data.applications()) {
        if ((!status.isEmpty() && application.status != status) || (!jobId.isEmpty() && application.jobId != jobId)
            || application.createdMs <= createdAfter || application.generation <= sinceGeneration
            || application.generation > untilGeneration) {
            continue;
        }
        matching.append(application.json);
    }

    QJsonArray page;
    for (int i = offset; i < qMin(offset + limit, int(matching.size())); ++i) {
        page.append(matching.at(i));
    }
    const bool more = offset + limit < matching.size();
    QJsonObject envelope {
        {QStringLiteral("success"), true},
        {QStringLiteral("results"), page},
        {QStringLiteral("moreDataAvailable"), more},
    };
    if (more) {
        // ashbyRepeatCursor: a broken server names the second page's cursor on every page, for ever.
        const QJsonObject cursor {
            {QStringLiteral("f"), filterKey},
            {QStringLiteral("u"), untilGeneration},
            {QStringLiteral("o"), m_faults.switches().ashbyRepeatCursor ? limit : offset + limit},
        };
        envelope.insert(QStringLiteral("nextCursor"),
            encodeOpaque(kCursorPrefix, QJsonDocument(cursor).toJson(QJsonDocument::Compact)));
    } else {
        envelope.insert(QStringLiteral("syncToken"), encodeOpaque(kTokenPrefix, QByteArray::number(untilGeneration)));
    }

    const int pageNumber = offset / limit + 1;
    SandboxReply reply = SandboxReply::json(200, envelope);
    if (m_faults.takeMalformedPage(pageNumber)) {
        qCInfo(lcFakeAshby) << "serving malformed application.list page" << pageNumber;
        reply.body = reply.body.left(reply.body.size() / 3) + QByteArrayLiteral("<<not json>>");
    } else if (m_faults.takeTruncatedPage(pageNumber)) {
        qCInfo(lcFakeAshby) << "truncating application.list page" << pageNumber;
        reply.delivery = SandboxReply::Delivery::Truncate;
    }
    return reply;
}

SandboxReply FakeAshby::candidateInfo(const QJsonObject& params)
{
    const QString id = params.value(QStringLiteral("id")).toString();
    if (id.isEmpty()) {
        return error(QStringLiteral("invalid_input"), QStringLiteral("id is required"));
    }
    QJsonObject candidate = m_data.candidate(id);
    if (candidate.isEmpty()) {
        return error(QStringLiteral("candidate_not_found"), QStringLiteral("No candidate with id %1").arg(id));
    }
    const QString targeted = m_faults.wrongTypeApplicationId();
    if (!targeted.isEmpty()) {
        const SandboxData::Application* application = m_data.application(targeted);
        if (application && application->candidateId == id) {
            m_faults.clearWrongType();
            qCInfo(lcFakeAshby) << "serving candidate" << id << "with a numeric name";
            candidate.insert(QStringLiteral("name"), 4711);
        }
    }
    if (m_faults.switches().ashbyHostileNames) {
        // Terminal escape sequences and a bidi override in every name: a CLI that prints them raw lets Ashby data
        // recolour or retitle the admin's terminal.
        candidate.insert(QStringLiteral("name"),
            candidate.value(QStringLiteral("name")).toString()
                + QStringLiteral("\x1b[31m\x1b]0;pwned\x07\u202Eevil\u009b2J"));
    }
    return success(candidate);
}

SandboxReply FakeAshby::offerList(const QJsonObject& params)
{
    QJsonArray offers;
    if (params.contains(QStringLiteral("applicationId"))) {
        offers = m_data.offersForApplication(params.value(QStringLiteral("applicationId")).toString());
    } else {
        for (const SandboxData::Application& application : m_data.applications()) {
            for (const QJsonValue& offer : m_data.offersForApplication(application.id)) {
                offers.append(offer);
            }
        }
    }
    const QJsonArray acceptance = params.value(QStringLiteral("acceptanceStatus")).toArray();
    if (!acceptance.isEmpty()) {
        QJsonArray filtered;
        for (const QJsonValue& offer : offers) {
            if (acceptance.contains(offer.toObject().value(QStringLiteral("acceptanceStatus")))) {
                filtered.append(offer);
            }
        }
        offers = filtered;
    }
    QJsonObject envelope = listEnvelope(offers);
    envelope.insert(QStringLiteral("syncToken"), encodeOpaque(kTokenPrefix, QByteArray::number(m_data.generation())));
    return SandboxReply::json(200, envelope);
}

SandboxReply FakeAshby::fileInfo(const QJsonObject& params)
{
    const QString handle = params.value(QStringLiteral("fileHandle")).toString();
    if (handle.isEmpty()) {
        return error(QStringLiteral("invalid_input"), QStringLiteral("fileHandle is required"));
    }
    if (m_data.fileName(handle).isEmpty()) {
        return error(QStringLiteral("file_not_found"), QStringLiteral("Unknown file handle"));
    }
    const qint64 expires = QDateTime::currentSecsSinceEpoch() + 3600;
    return success(QJsonObject {
        {QStringLiteral("url"),
            QStringLiteral("%1/_files/%2?expires=%3&signature=sandbox")
                .arg(m_faults.switches().ashbyFileUrlBase.isEmpty() ? m_baseUrl : m_faults.switches().ashbyFileUrlBase,
                    handle)
                .arg(expires)},
    });
}

SandboxReply FakeAshby::serveFile(const QString& handle) const
{
    const QString name = m_data.fileName(handle);
    if (name.isEmpty()) {
        return SandboxReply::raw(404, QByteArrayLiteral("text/plain"), QByteArrayLiteral("no such file\n"));
    }
    const QByteArray contentType = name.endsWith(QLatin1String(".docx"))
        ? QByteArrayLiteral("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        : QByteArrayLiteral("application/pdf");
    SandboxReply reply = SandboxReply::raw(200, contentType, fakePdf(name, m_data.fileSize(handle)));
    reply.headers.append(
        {QByteArrayLiteral("Content-Disposition"), "attachment; filename*=UTF-8''" + QUrl::toPercentEncoding(name)});
    return reply;
}

SandboxReply FakeAshby::lookup(const QJsonObject& params, const QString& key,
    const std::function<QJsonObject(const QString&)>& find, const QString& thing)
{
    const QString id = params.value(key).toString();
    if (id.isEmpty()) {
        return error(QStringLiteral("invalid_input"), QStringLiteral("%1 is required").arg(key));
    }
    const QJsonObject found = find(id);
    if (found.isEmpty()) {
        return error(thing + QStringLiteral("_not_found"), QStringLiteral("No %1 with id %2").arg(thing, id));
    }
    return success(found);
}

SandboxReply FakeAshby::error(const QString& code, const QString& message, int status)
{
    return SandboxReply::json(status,
        QJsonObject {
            {QStringLiteral("success"), false},
            {QStringLiteral("errors"), QJsonArray {code}},
            {QStringLiteral("errorInfo"),
                QJsonObject {
                    {QStringLiteral("code"), code},
                    {QStringLiteral("message"), message},
                    {QStringLiteral("requestId"),
                        QStringLiteral("sandbox-%1").arg(++m_requestNumber, 6, 10, QLatin1Char('0'))},
                }},
        });
}

SandboxReply FakeAshby::success(const QJsonValue& results)
{
    return SandboxReply::json(200,
        QJsonObject {
            {QStringLiteral("success"), true},
            {QStringLiteral("results"), results},
        });
}
