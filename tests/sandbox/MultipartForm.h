#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

// A multipart/form-data request body (RFC 7578) split into its parts, as QHttpMultiPart, curl and browsers write
// it. QtHttpServer 6.4 hands over the raw body only, and the document uploads of Bob, BambooHR and Personio are
// multipart. Deliberately small: no nested multiparts, no transfer encodings (form-data does not use them).
class MultipartForm
{
public:
    struct Part
    {
        QString name;
        // The filename (or filename*) parameter of Content-Disposition; hasFileName tells "" from absent.
        QString fileName;
        bool hasFileName = false;
        QByteArray contentType;
        QByteArray data;
    };

    // Parses `body` with the boundary of `contentType` (the request's Content-Type header). Returns false and an
    // explanation when the header is not multipart/form-data or the body is not well-formed.
    bool parse(const QByteArray& contentType, const QByteArray& body, QString* error = nullptr);

    const QList<Part>& parts() const { return m_parts; }
    // The first part with that name, or nullptr.
    const Part* part(const QString& name) const;
    // The text of the first part with that name (UTF-8), empty when absent.
    QString text(const QString& name) const;
    int count(const QString& name) const;

private:
    QList<Part> m_parts;
};
