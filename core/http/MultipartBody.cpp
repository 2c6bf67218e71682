#include "MultipartBody.h"

#include <QRandomGenerator>

#include <algorithm>

namespace {

constexpr int kBoundaryRandomBytes = 24;
constexpr int kMaxBoundaryTries = 8;

// A header value must stay on its line whatever the caller passed in.
QByteArray singleLine(QByteArray value)
{
    value.replace('\r', ' ');
    value.replace('\n', ' ');
    return value.trimmed();
}

} // namespace

void MultipartBody::addField(const QString& name, const QString& value)
{
    Part part;
    part.name = name;
    part.data = value.toUtf8();
    m_parts.append(part);
}

void MultipartBody::addFile(
    const QString& name, const QString& fileName, const QByteArray& contentType, const QByteArray& data)
{
    Part part;
    part.name = name;
    part.fileName = fileName;
    part.isFile = true;
    part.contentType = singleLine(contentType);
    if (part.contentType.isEmpty()) {
        part.contentType = "application/octet-stream";
    }
    part.data = data;
    m_parts.append(part);
}

QByteArray MultipartBody::quoteParameter(const QString& value)
{
    QByteArray out = value.toUtf8();
    out.replace('"', "%22");
    out.replace('\r', "%0D");
    out.replace('\n', "%0A");
    return '"' + out + '"';
}

QByteArray MultipartBody::randomBoundary()
{
    QByteArray random(kBoundaryRandomBytes, Qt::Uninitialized);
    for (char& c : random) {
        c = static_cast<char>(QRandomGenerator::global()->bounded(256));
    }
    // Base64url keeps to the characters RFC 2046 allows in a boundary, without the ones that need quoting.
    return "hirebridge-" + random.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

MultipartBody::Encoded MultipartBody::build() const
{
    QByteArray boundary = randomBoundary();
    // 24 random bytes practically never occur in a file, but checking costs one scan and makes it certain.
    for (int i = 0; i < kMaxBoundaryTries; ++i) {
        const bool clash = std::any_of(
            m_parts.cbegin(), m_parts.cend(), [&](const Part& part) { return part.data.contains(boundary); });
        if (!clash) {
            break;
        }
        boundary = randomBoundary();
    }
    return build(boundary);
}

MultipartBody::Encoded MultipartBody::build(const QByteArray& boundary) const
{
    qsizetype size = 0;
    for (const Part& part : m_parts) {
        size += part.data.size() + 256;
    }
    Encoded encoded;
    encoded.contentType = "multipart/form-data; boundary=" + boundary;
    QByteArray& body = encoded.body;
    body.reserve(size + boundary.size() + 8);
    for (const Part& part : m_parts) {
        body += "--" + boundary + "\r\n";
        body += "Content-Disposition: form-data; name=" + quoteParameter(part.name);
        if (part.isFile) {
            body += "; filename=" + quoteParameter(part.fileName);
            body += "\r\nContent-Type: " + part.contentType;
        }
        body += "\r\n\r\n";
        body += part.data;
        body += "\r\n";
    }
    body += "--" + boundary + "--\r\n";
    return encoded;
}
