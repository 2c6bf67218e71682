#include "Redaction.h"

#include <QList>
#include <QMutex>
#include <QMutexLocker>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <atomic>
#include <cstdio>

namespace {

const QString kRedacted = QStringLiteral("[redacted]");
constexpr qsizetype kMinSecretLength = 4;

struct SecretRegistry
{
    QMutex mutex;
    QSet<QString> known;
    QList<QString> forms; // each secret plus its Base64 forms, longest first (a secret containing another goes whole)
};

SecretRegistry& registry()
{
    static SecretRegistry instance;
    return instance;
}

// A (shared, cheap) copy taken under the lock, so the replacing itself runs without holding it.
QList<QString> secretForms()
{
    auto& reg = registry();
    const QMutexLocker lock(&reg.mutex);
    return reg.forms;
}

void addForm(SecretRegistry& reg, const QString& form)
{
    if (form.size() < kMinSecretLength || reg.known.contains(form)) {
        return;
    }
    reg.known.insert(form);
    const auto at = std::lower_bound(reg.forms.begin(), reg.forms.end(), form,
        [](const QString& a, const QString& b) { return a.size() > b.size(); });
    reg.forms.insert(at, form);
}

// Patterns are per thread: the message handler runs on any thread.
const QRegularExpression& authorizationPattern()
{
    // "Authorization: Basic abc", "\"Authorization\":\"Bearer x\"", "(\"Authorization\", \"Basic x\")", and the
    // Proxy-Authorization variant. The value runs to the end of the line or the closing quote. A comma only counts
    // after a quote, so prose such as "failed authorization, retrying" stays readable.
    thread_local const QRegularExpression re(
        QStringLiteral(R"((authorization(?:['"]?\s*[:=]|['"]\s*,)\s*['"]?)[^'"\r\n]+)"),
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

const QRegularExpression& schemePattern()
{
    // RFC 7235 token68 after an auth scheme; "[redacted]" itself never matches (it starts with '[').
    thread_local const QRegularExpression re(
        QStringLiteral(R"(\b(basic|bearer)\s+[A-Za-z0-9\-._~+/]+=*)"), QRegularExpression::CaseInsensitiveOption);
    return re;
}

const QRegularExpression& urlPasswordPattern()
{
    // https://user:password@host
    thread_local const QRegularExpression re(QStringLiteral(R"((://[^/\s:@]*:)[^@/\s]+@)"));
    return re;
}

QString redactPatterns(QString text)
{
    text.replace(authorizationPattern(), QStringLiteral("\\1") + kRedacted);
    text.replace(schemePattern(), QStringLiteral("\\1 ") + kRedacted);
    text.replace(urlPasswordPattern(), QStringLiteral("\\1") + kRedacted + QLatin1Char('@'));
    return text;
}

QtMessageHandler g_previousHandler = nullptr;
std::atomic_bool g_handlerInstalled {false};

void redactingMessageHandler(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    const QString redacted = Redaction::redactSecrets(message);
    if (g_previousHandler) {
        g_previousHandler(type, context, redacted);
        return;
    }
    std::fprintf(stderr, "%s\n", redacted.toLocal8Bit().constData());
}

} // namespace

namespace Redaction {

void registerSecret(const QString& secret)
{
    if (secret.size() < kMinSecretLength) {
        return; // too short to replace without mangling ordinary text
    }
    const QByteArray utf8 = secret.toUtf8();
    auto& reg = registry();
    const QMutexLocker lock(&reg.mutex);
    addForm(reg, secret);
    addForm(reg, QString::fromLatin1(utf8.toBase64()));
    addForm(reg, QString::fromLatin1(utf8.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)));
    // Basic credentials with an empty password, as Ashby uses them ("key:").
    addForm(reg, QString::fromLatin1((utf8 + ':').toBase64()));
}

QString redactSecrets(QString text)
{
    if (text.isEmpty()) {
        return text;
    }
    const QList<QString> forms = secretForms();
    for (const QString& form : forms) {
        text.replace(form, kRedacted);
    }
    return redactPatterns(std::move(text));
}

QByteArray redactSecrets(const QByteArray& text)
{
    if (text.isEmpty()) {
        return text;
    }
    QByteArray bytes = text;
    // Registered secrets are replaced as UTF-8 bytes, then the patterns run over a Latin-1 view, which maps every
    // byte to one character and back, so bytes that are not UTF-8 survive unchanged.
    const QList<QString> forms = secretForms();
    for (const QString& form : forms) {
        bytes.replace(form.toUtf8(), kRedacted.toLatin1());
    }
    return redactPatterns(QString::fromLatin1(bytes)).toLatin1();
}

void installMessageHandler()
{
    // Installing twice would make the handler chain to itself.
    if (g_handlerInstalled.exchange(true)) {
        return;
    }
    g_previousHandler = qInstallMessageHandler(redactingMessageHandler);
}

} // namespace Redaction
