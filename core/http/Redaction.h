#pragma once

#include <QByteArray>
#include <QString>

// Every secret the process learns (API keys, tokens, Basic credentials) is registered here, and every log line goes
// through redactSecrets(): the installed message handler replaces each registered secret, its Base64 forms and any
// "Authorization: ..." value by "[redacted]". Thread-safe.
namespace Redaction {

void registerSecret(const QString& secret);
QString redactSecrets(QString text);
QByteArray redactSecrets(const QByteArray& text);
// Installs a Qt message handler that redacts every message before passing it to the previous handler.
void installMessageHandler();

} // namespace Redaction
