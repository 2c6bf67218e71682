#include "notify/Recipient.h"

#include <QSettings>
#include <QUrl>

#include <algorithm>

namespace {

const QString kArray = QStringLiteral("notify/recipients");

} // namespace

QString Recipient::sourceName(Source source)
{
    switch (source) {
    case Source::Typed:
        return QStringLiteral("typed");
    case Source::BobDirectory:
        return QStringLiteral("bob");
    case Source::SetupAdmin:
        return QStringLiteral("setup");
    }
    return QStringLiteral("typed");
}

Recipient::Source Recipient::sourceFromName(const QString& name)
{
    const QString key = name.trimmed().toLower();
    if (key == QLatin1StringView("bob")) {
        return Source::BobDirectory;
    }
    if (key == QLatin1StringView("setup")) {
        return Source::SetupAdmin;
    }
    return Source::Typed;
}

bool Recipient::isValidEmail(const QString& email)
{
    if (email.isEmpty() || email.size() > 254) {
        return false;
    }
    const qsizetype at = email.indexOf(QLatin1Char('@'));
    if (at <= 0 || at != email.lastIndexOf(QLatin1Char('@'))) {
        return false;
    }
    for (const QChar c : email) {
        // Whitespace, controls and what would break an address header or an SMTP envelope.
        if (c.isSpace() || c.category() == QChar::Other_Control || c.category() == QChar::Other_Format
            || QStringView(u"<>()[],;:\"\\").contains(c)) {
            return false;
        }
    }
    const QStringView local = QStringView(email).left(at);
    const QStringView domain = QStringView(email).mid(at + 1);
    if (local.size() > 64 || local.startsWith(u'.') || local.endsWith(u'.') || local.contains(u"..")) {
        return false;
    }
    // A non-ASCII mailbox name needs SMTPUTF8, which relays need not offer; a non-ASCII domain is sent in its ASCII
    // (IDNA) form and must have one.
    if (std::any_of(local.cbegin(), local.cend(), [](QChar c) { return c.unicode() >= 0x7f; })) {
        return false;
    }
    if (std::any_of(domain.cbegin(), domain.cend(), [](QChar c) { return c.unicode() >= 0x7f; })
        && QUrl::toAce(domain.toString(), QUrl::AceTransitionalProcessing).isEmpty()) {
        return false;
    }
    const auto labels = domain.split(u'.');
    if (labels.size() < 2) {
        return false;
    }
    for (const auto& label : labels) {
        if (label.isEmpty() || label.size() > 63 || label.startsWith(u'-') || label.endsWith(u'-')) {
            return false;
        }
    }
    return labels.constLast().size() >= 2;
}

namespace Recipients {

// The keys QSettings::beginReadArray would read ("notify/recipients/size", ".../1/name", ...): read directly so a
// const QSettings will do.
QList<Recipient> load(const QSettings& settings)
{
    QList<Recipient> result;
    const int size = settings.value(kArray + QStringLiteral("/size"), 0).toInt();
    for (int i = 1; i <= size; ++i) {
        const QString prefix = QStringLiteral("%1/%2/").arg(kArray).arg(i);
        Recipient recipient;
        recipient.name = settings.value(prefix + QStringLiteral("name")).toString().trimmed();
        recipient.email = settings.value(prefix + QStringLiteral("email")).toString().trimmed();
        recipient.source = Recipient::sourceFromName(settings.value(prefix + QStringLiteral("source")).toString());
        recipient.bobEmployeeId = settings.value(prefix + QStringLiteral("bobEmployeeId")).toString().trimmed();
        if (recipient.email.isEmpty()) {
            continue; // a hand-edited or half-written entry: nobody to write to
        }
        result.append(recipient);
    }
    return result;
}

void save(QSettings& settings, const QList<Recipient>& recipients)
{
    settings.remove(kArray);
    settings.beginWriteArray(kArray, int(recipients.size()));
    for (int i = 0; i < int(recipients.size()); ++i) {
        const Recipient& recipient = recipients.at(i);
        settings.setArrayIndex(i);
        settings.setValue(QStringLiteral("name"), recipient.name.trimmed());
        settings.setValue(QStringLiteral("email"), recipient.email.trimmed());
        settings.setValue(QStringLiteral("source"), Recipient::sourceName(recipient.source));
        settings.setValue(QStringLiteral("bobEmployeeId"), recipient.bobEmployeeId.trimmed());
    }
    settings.endArray();
}

} // namespace Recipients
