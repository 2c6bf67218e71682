#pragma once

// Helpers shared by the connector tests: JSON bodies built with QJsonDocument (moc cannot read raw string literals in
// a Q_OBJECT file), a minimal multipart/form-data parser to check what a connector really sent, and a callback
// recorder.

#include "http/ApiError.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QRegularExpression>
#include <QString>
#include <QUrlQuery>

#include <memory>

namespace hristest {

inline QString s(const char* text)
{
    return QString::fromUtf8(text);
}

inline QByteArray json(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

inline QByteArray json(const QJsonArray& array)
{
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

// The decoded query of a request target ("/path?a=b"), e.g. query(target).queryItemValue("page[after]").
inline QUrlQuery query(const QByteArray& target)
{
    const qsizetype at = target.indexOf('?');
    return QUrlQuery(at < 0 ? QString() : QString::fromLatin1(target.mid(at + 1)));
}

inline QString queryValue(const QByteArray& target, const QString& key)
{
    return query(target).queryItemValue(key, QUrl::FullyDecoded);
}

struct MultipartPart
{
    QString name;
    QString fileName; // as written between the quotes (still percent-escaped)
    bool hasFileName = false;
    QByteArray contentType;
    QByteArray data;
};

// Parses a multipart/form-data body strictly: every delimiter line, the CRLFs and the closing delimiter must be
// there. Returns an empty list when anything is off, which the tests then report.
inline QList<MultipartPart> parseMultipart(const QByteArray& contentType, const QByteArray& body, QString* problem)
{
    const auto fail = [problem](const QString& why) {
        *problem = why;
        return QList<MultipartPart>();
    };
    if (!contentType.startsWith("multipart/form-data")) {
        return fail(s("content type is ") + QString::fromLatin1(contentType));
    }
    const qsizetype at = contentType.indexOf("boundary=");
    if (at < 0) {
        return fail(s("no boundary in the content type"));
    }
    QByteArray boundary = contentType.mid(at + 9).trimmed();
    if (boundary.startsWith('"') && boundary.endsWith('"')) {
        boundary = boundary.mid(1, boundary.size() - 2);
    }
    const QByteArray delimiter = "--" + boundary;
    if (!body.startsWith(delimiter + "\r\n")) {
        return fail(s("the body does not start with the delimiter"));
    }
    if (!body.endsWith("\r\n" + delimiter + "--\r\n")) {
        return fail(s("the body does not end with the closing delimiter"));
    }
    QList<MultipartPart> parts;
    qsizetype pos = delimiter.size() + 2;
    const QRegularExpression nameRe(s("(?:^|;)\\s*name=\"([^\"]*)\""));
    const QRegularExpression fileRe(s(";\\s*filename=\"([^\"]*)\""));
    while (pos < body.size()) {
        const qsizetype next = body.indexOf("\r\n" + delimiter, pos);
        if (next < 0) {
            return fail(s("a part has no closing delimiter"));
        }
        const QByteArray chunk = body.mid(pos, next - pos);
        const qsizetype headerEnd = chunk.indexOf("\r\n\r\n");
        if (headerEnd < 0) {
            return fail(s("a part has no blank line after its headers"));
        }
        MultipartPart part;
        const QList<QByteArray> lines = chunk.left(headerEnd).split('\n');
        for (const QByteArray& rawLine : lines) {
            const QByteArray line = rawLine.trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0) {
                return fail(s("a bad header line: ") + QString::fromUtf8(line));
            }
            const QByteArray name = line.left(colon).trimmed().toLower();
            const QString value = QString::fromUtf8(line.mid(colon + 1).trimmed());
            if (name == "content-disposition") {
                if (!value.startsWith(s("form-data"))) {
                    return fail(s("disposition is not form-data: ") + value);
                }
                const QString params = value.mid(9);
                const auto n = nameRe.match(params);
                if (!n.hasMatch()) {
                    return fail(s("a part without a name: ") + value);
                }
                part.name = n.captured(1);
                const auto f = fileRe.match(params);
                if (f.hasMatch()) {
                    part.fileName = f.captured(1);
                    part.hasFileName = true;
                }
            } else if (name == "content-type") {
                part.contentType = value.toUtf8();
            }
        }
        part.data = chunk.mid(headerEnd + 4);
        parts.append(part);
        pos = next + 2 + delimiter.size();
        if (body.mid(pos, 2) == "--") {
            break;
        }
        pos += 2; // CRLF after the delimiter
    }
    return parts;
}

inline const MultipartPart* findPart(const QList<MultipartPart>& parts, const QString& name)
{
    for (const auto& p : parts) {
        if (p.name == name) {
            return &p;
        }
    }
    return nullptr;
}

// Records what one callback delivered, and how often it was called.
template <typename T> struct Outcome
{
    int calls = 0;
    ApiError error;
    T value {};
};

template <typename T> std::shared_ptr<Outcome<T>> outcome()
{
    return std::make_shared<Outcome<T>>();
}

template <typename T> auto recorder(const std::shared_ptr<Outcome<T>>& out)
{
    return [out](const ApiError& error, const T& value) {
        ++out->calls;
        out->error = error;
        out->value = value;
    };
}

} // namespace hristest
