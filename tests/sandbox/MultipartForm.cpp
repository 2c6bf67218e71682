#include "MultipartForm.h"

#include <QPair>

namespace {

// "form-data; name=\"file\"; filename=\"a;b.pdf\"" -> [("", "form-data"), ("name", "file"), ("filename", "a;b.pdf")].
// Semicolons inside quotes do not split, and backslash escapes inside quotes are undone: file names may hold both.
QList<QPair<QByteArray, QByteArray>> headerParameters(const QByteArray& value)
{
    QList<QByteArray> tokens;
    QByteArray current;
    bool quoted = false;
    for (qsizetype i = 0; i < value.size(); ++i) {
        const char c = value.at(i);
        if (quoted && c == '\\' && i + 1 < value.size()) {
            current.append(c);
            current.append(value.at(++i));
            continue;
        }
        if (c == '"') {
            quoted = !quoted;
        }
        if (c == ';' && !quoted) {
            tokens.append(current.trimmed());
            current.clear();
            continue;
        }
        current.append(c);
    }
    tokens.append(current.trimmed());

    QList<QPair<QByteArray, QByteArray>> parameters;
    for (const QByteArray& token : std::as_const(tokens)) {
        const qsizetype equals = token.indexOf('=');
        if (equals < 0) {
            parameters.append({QByteArray(), token});
            continue;
        }
        const QByteArray key = token.left(equals).trimmed().toLower();
        QByteArray raw = token.mid(equals + 1).trimmed();
        if (raw.size() >= 2 && raw.startsWith('"') && raw.endsWith('"')) {
            raw = raw.mid(1, raw.size() - 2);
            QByteArray unescaped;
            for (qsizetype i = 0; i < raw.size(); ++i) {
                if (raw.at(i) == '\\' && i + 1 < raw.size()) {
                    ++i;
                }
                unescaped.append(raw.at(i));
            }
            raw = unescaped;
        }
        parameters.append({key, raw});
    }
    return parameters;
}

} // namespace

bool MultipartForm::parse(const QByteArray& contentType, const QByteArray& body, QString* error)
{
    const auto fail = [error](const QString& message) {
        if (error) {
            *error = message;
        }
        return false;
    };
    m_parts.clear();

    const auto typeParameters = headerParameters(contentType);
    if (typeParameters.isEmpty()
        || typeParameters.constFirst().second.trimmed().toLower() != QByteArrayLiteral("multipart/form-data")) {
        return fail(QStringLiteral("Content-Type must be multipart/form-data, not \"%1\"")
                        .arg(QString::fromLatin1(contentType)));
    }
    QByteArray boundary;
    for (const auto& [key, value] : typeParameters) {
        if (key == "boundary") {
            boundary = value;
        }
    }
    if (boundary.isEmpty()) {
        return fail(QStringLiteral("the multipart Content-Type has no boundary"));
    }

    const QByteArray delimiter = "--" + boundary;
    const QByteArray nextDelimiter = "\r\n" + delimiter;
    qsizetype pos = 0;
    if (!body.startsWith(delimiter)) {
        // A preamble before the first boundary is allowed and ignored.
        pos = body.indexOf(nextDelimiter);
        if (pos < 0) {
            return fail(QStringLiteral("the body does not contain the boundary"));
        }
        pos += 2;
    }
    while (true) {
        pos += delimiter.size();
        if (body.mid(pos, 2) == "--") {
            return true; // the closing delimiter; an epilogue after it is ignored
        }
        while (pos < body.size() && (body.at(pos) == ' ' || body.at(pos) == '\t')) {
            ++pos;
        }
        if (body.mid(pos, 2) != "\r\n") {
            return fail(QStringLiteral("a boundary line is not followed by CRLF"));
        }
        pos += 2;

        QByteArray headerBlock;
        qsizetype dataStart = 0;
        if (body.mid(pos, 2) == "\r\n") {
            dataStart = pos + 2; // a part without headers
        } else {
            const qsizetype headerEnd = body.indexOf("\r\n\r\n", pos);
            if (headerEnd < 0) {
                return fail(QStringLiteral("a part's headers are not terminated by an empty line"));
            }
            headerBlock = body.mid(pos, headerEnd - pos);
            dataStart = headerEnd + 4;
        }
        const qsizetype dataEnd = body.indexOf(nextDelimiter, dataStart);
        if (dataEnd < 0) {
            return fail(QStringLiteral("the body ends before the closing boundary (truncated upload?)"));
        }

        Part part;
        part.data = body.mid(dataStart, dataEnd - dataStart);
        bool disposition = false;
        for (const QByteArray& line : headerBlock.split('\n')) {
            const QByteArray trimmed = line.trimmed();
            const qsizetype colon = trimmed.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            const QByteArray name = trimmed.left(colon).trimmed().toLower();
            const QByteArray value = trimmed.mid(colon + 1).trimmed();
            if (name == "content-type") {
                part.contentType = value;
            } else if (name == "content-disposition") {
                disposition = true;
                for (const auto& [key, parameter] : headerParameters(value)) {
                    if (key == "name") {
                        part.name = QString::fromUtf8(parameter);
                    } else if (key == "filename" && !part.hasFileName) {
                        part.fileName = QString::fromUtf8(parameter);
                        part.hasFileName = true;
                    } else if (key == "filename*") {
                        // RFC 5987: charset'language'percent-encoded; it wins over a plain filename.
                        const qsizetype quote = parameter.indexOf("''");
                        part.fileName = QString::fromUtf8(
                            QByteArray::fromPercentEncoding(quote >= 0 ? parameter.mid(quote + 2) : parameter));
                        part.hasFileName = true;
                    }
                }
            }
        }
        if (!disposition || part.name.isEmpty()) {
            return fail(QStringLiteral("a part has no Content-Disposition with a name"));
        }
        m_parts.append(part);
        pos = dataEnd + 2;
    }
}

const MultipartForm::Part* MultipartForm::part(const QString& name) const
{
    for (const Part& part : m_parts) {
        if (part.name == name) {
            return &part;
        }
    }
    return nullptr;
}

QString MultipartForm::text(const QString& name) const
{
    const Part* found = part(name);
    return found ? QString::fromUtf8(found->data) : QString();
}

int MultipartForm::count(const QString& name) const
{
    int n = 0;
    for (const Part& part : m_parts) {
        n += part.name == name ? 1 : 0;
    }
    return n;
}
