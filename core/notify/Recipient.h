#pragma once

#include <QList>
#include <QString>

class QSettings;

// Someone told about new hires after every push run.
struct Recipient
{
    enum class Source { Typed, BobDirectory, SetupAdmin };
    QString name;
    QString email;
    Source source = Source::Typed;
    QString bobEmployeeId; // when picked from Bob's directory

    static QString sourceName(Source source); // "typed", "bob", "setup"
    static Source sourceFromName(const QString& name);
    // A plain e-mail address check: one @, a dotted domain, no spaces or angle brackets (RFC 5322 is not the point:
    // the relay decides; this catches typos before they are saved).
    static bool isValidEmail(const QString& email);
    friend bool operator==(const Recipient&, const Recipient&) = default;
};

// Recipients live in QSettings (array "notify/recipients"), never in the ledger.
namespace Recipients {
QList<Recipient> load(const QSettings& settings);
void save(QSettings& settings, const QList<Recipient>& recipients);
} // namespace Recipients
