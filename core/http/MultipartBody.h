#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

// Builds a multipart/form-data body (RFC 7578) in memory. RequestJob keeps the HttpRequest and sends the same bytes
// again on every retry, while QHttpMultiPart is a one-shot QIODevice that is consumed by the first attempt; so
// uploads (BambooHR, Personio, Bob direct mode) are rendered into a QByteArray here instead.
class MultipartBody
{
public:
    struct Encoded
    {
        QByteArray contentType; // "multipart/form-data; boundary=..."
        QByteArray body;
    };

    // A plain text part: Content-Disposition: form-data; name="<name>", the value as UTF-8.
    void addField(const QString& name, const QString& value);
    // A file part: name="<name>"; filename="<fileName>", with its own Content-Type (application/octet-stream when
    // empty).
    void addFile(const QString& name, const QString& fileName, const QByteArray& contentType, const QByteArray& data);

    // The body with a fresh random boundary that occurs in none of the parts.
    Encoded build() const;
    // The same with a given boundary (tests); the caller makes sure it does not occur in any part.
    Encoded build(const QByteArray& boundary) const;

    // A name or file name as a quoted-string parameter value: '"', CR and LF are percent-encoded the way browsers do
    // (WHATWG form-data encoding), so a file called `a".pdf` cannot end the quoted string or inject a header.
    static QByteArray quoteParameter(const QString& value);

private:
    struct Part
    {
        QString name;
        QString fileName;
        bool isFile = false;
        QByteArray contentType;
        QByteArray data;
    };

    static QByteArray randomBoundary();

    QList<Part> m_parts;
};
