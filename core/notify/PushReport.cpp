#include "notify/PushReport.h"

#include "http/Redaction.h"

#include <QSet>
#include <QUrl>

#include <algorithm>
#include <optional>

namespace {

enum class Section { Sent, Exists, Failed, Unknown };

QString targetDisplayName(const QString& target)
{
    const QString key = target.trimmed().toLower();
    if (key == QLatin1StringView("bob") || key.isEmpty()) {
        return QStringLiteral("Bob");
    }
    if (key == QLatin1StringView("bamboohr")) {
        return QStringLiteral("BambooHR");
    }
    if (key == QLatin1StringView("personio")) {
        return QStringLiteral("Personio");
    }
    return target;
}

std::optional<Section> sectionOf(const PushReport::Line& line)
{
    const QString state = line.state.trimmed().toLower();
    if (state == QLatin1StringView("pushed")) {
        return Section::Sent;
    }
    if (state == QLatin1StringView("exists")) {
        return Section::Exists;
    }
    if (state == QLatin1StringView("failed")) {
        return Section::Failed;
    }
    if (state == QLatin1StringView("unknown")) {
        return Section::Unknown;
    }
    return std::nullopt; // ready, skipped, sending: not news for the recipients
}

QList<PushReport::Line> linesIn(const PushReport& report, Section section)
{
    QList<PushReport::Line> result;
    for (const auto& line : report.lines) {
        if (sectionOf(line) == section) {
            result.append(line);
        }
    }
    return result;
}

// Distinct hires: a hire sent to Bob and Personio is one hire.
int hireCount(const QList<PushReport::Line>& lines)
{
    QSet<QString> keys;
    for (const auto& line : lines) {
        keys.insert(line.applicationId.isEmpty() ? line.name : line.applicationId);
    }
    return int(keys.size());
}

// "Bob", "Bob and Personio", "Bob, BambooHR and Personio", in the order first seen.
QStringList targetsOf(const PushReport& report)
{
    QStringList names;
    for (const auto& line : report.lines) {
        if (!sectionOf(line)) {
            continue;
        }
        const QString name = targetDisplayName(line.target);
        if (!names.contains(name)) {
            names.append(name);
        }
    }
    if (names.isEmpty()) {
        names.append(targetDisplayName(QString()));
    }
    return names;
}

QString joinNames(const QStringList& names)
{
    if (names.size() <= 1) {
        return names.value(0);
    }
    return QStringList(names.mid(0, names.size() - 1)).join(QLatin1StringView(", ")) + QStringLiteral(" and ")
        + names.constLast();
}

QString hires(int count)
{
    return count == 1 ? QStringLiteral("1 hire") : QStringLiteral("%1 hires").arg(count);
}

QString sectionTitle(Section section, const QString& targets)
{
    switch (section) {
    case Section::Sent:
        return QStringLiteral("Sent to %1").arg(targets);
    case Section::Exists:
        return QStringLiteral("Already in %1").arg(targets);
    case Section::Failed:
        return QStringLiteral("Failed");
    case Section::Unknown:
        return QStringLiteral("May have arrived in %1: please check").arg(targets);
    }
    return {};
}

QString sectionHint(Section section)
{
    switch (section) {
    case Section::Sent:
        return QStringLiteral("New hires created from Ashby.");
    case Section::Exists:
        return QStringLiteral("An employee with the same e-mail address was found, so nothing was created "
                              "(an internal move or a rehire?).");
    case Section::Failed:
        return QStringLiteral("Not sent. Open Hirebridge to see the details and push them again.");
    case Section::Unknown:
        return QStringLiteral("The answer was lost, so these hires may or may not have arrived. Look for them (by the "
                              "attempt id below) in ATS pending hires, then choose \"It arrived\" or \"Send again\" "
                              "in Hirebridge. They are not sent again until someone decides.");
    }
    return {};
}

// Only http(s) links are shown as links; anything else (javascript:, file:, garbage) is left out.
QString safeLink(const QString& url)
{
    const QUrl parsed(url.trimmed(), QUrl::StrictMode);
    if (!parsed.isValid() || parsed.host().isEmpty()
        || (parsed.scheme() != QLatin1StringView("https") && parsed.scheme() != QLatin1StringView("http"))) {
        return {};
    }
    return parsed.toString(QUrl::FullyEncoded);
}

QString escape(const QString& text)
{
    return text.toHtmlEscaped();
}

QString details(const PushReport::Line& line)
{
    QStringList parts;
    if (!line.jobTitle.trimmed().isEmpty()) {
        parts.append(line.jobTitle.trimmed());
    }
    parts.append(line.startDate.trimmed().isEmpty() ? QStringLiteral("no start date")
                                                    : QStringLiteral("starts %1").arg(line.startDate.trimmed()));
    return parts.join(QLatin1StringView(", "));
}

QString displayName(const PushReport::Line& line)
{
    const QString name = line.name.simplified();
    if (!name.isEmpty()) {
        return name;
    }
    return line.applicationId.isEmpty() ? QStringLiteral("(no name)")
                                        : QStringLiteral("(no name, application %1)").arg(line.applicationId);
}

// A failure reason may quote a server's answer: never let a registered secret into an e-mail.
QString reasonOf(const PushReport::Line& line)
{
    return Redaction::redactSecrets(line.reason.simplified());
}

QString finishedText(const PushReport& report)
{
    if (!report.finishedAt.isValid()) {
        return {};
    }
    return report.finishedAt.toString(QStringLiteral("yyyy-MM-dd HH:mm t"));
}

} // namespace

namespace PushReportMail {

bool hasNews(const PushReport& report)
{
    return std::any_of(report.lines.cbegin(), report.lines.cend(),
        [](const PushReport::Line& line) { return sectionOf(line).has_value(); });
}

QString subject(const PushReport& report)
{
    const int sent = hireCount(linesIn(report, Section::Sent));
    const int exists = hireCount(linesIn(report, Section::Exists));
    const int failed = hireCount(linesIn(report, Section::Failed));
    const int unknown = hireCount(linesIn(report, Section::Unknown));
    QString text = QStringLiteral("Hirebridge: %1 sent to %2").arg(hires(sent), joinNames(targetsOf(report)));
    if (exists > 0) {
        text += QStringLiteral(", %1 already there").arg(exists);
    }
    if (failed > 0) {
        text += QStringLiteral(", %1 failed").arg(failed);
    }
    if (unknown > 0) {
        text += QStringLiteral(", %1 to check").arg(unknown);
    }
    return text;
}

QString text(const PushReport& report)
{
    const QStringList targetNames = targetsOf(report);
    const bool manyTargets = targetNames.size() > 1;
    const QString targets = joinNames(targetNames);
    QString out = subject(report).mid(QStringLiteral("Hirebridge: ").size());
    out[0] = out.at(0).toUpper();
    out += QLatin1Char('.');
    if (const QString when = finishedText(report); !when.isEmpty()) {
        out += QStringLiteral("\nPush run finished %1.").arg(when);
    }
    out += QLatin1Char('\n');
    for (const Section section : {Section::Unknown, Section::Failed, Section::Sent, Section::Exists}) {
        const auto lines = linesIn(report, section);
        if (lines.isEmpty()) {
            continue;
        }
        const QString title = QStringLiteral("%1 (%2)").arg(sectionTitle(section, targets)).arg(lines.size());
        out += QLatin1Char('\n') + title + QLatin1Char('\n') + QString(title.size(), QLatin1Char('='))
            + QLatin1Char('\n');
        out += sectionHint(section) + QLatin1Char('\n');
        for (const auto& line : lines) {
            out += QStringLiteral("\n- %1 - %2").arg(displayName(line), details(line));
            if (manyTargets) {
                out += QStringLiteral(" (%1)").arg(targetDisplayName(line.target));
            }
            out += QLatin1Char('\n');
            if (section != Section::Sent && !reasonOf(line).isEmpty()) {
                out += QStringLiteral("  %1: %2\n")
                           .arg(section == Section::Exists ? QStringLiteral("Note") : QStringLiteral("Reason"),
                               reasonOf(line));
            }
            if (const QString ashby = safeLink(line.ashbyUrl); !ashby.isEmpty()) {
                out += QStringLiteral("  Ashby: %1\n").arg(ashby);
            }
            if (const QString target = safeLink(line.targetUrl); !target.isEmpty()) {
                out += QStringLiteral("  %1: %2\n").arg(targetDisplayName(line.target), target);
            }
        }
    }
    out += QStringLiteral("\n--\nSent by Hirebridge after a push run. The list of people who get this e-mail is in "
                          "Hirebridge, Settings > Notifications.\n");
    return out;
}

QString html(const PushReport& report)
{
    const QStringList targetNames = targetsOf(report);
    const bool manyTargets = targetNames.size() > 1;
    const QString targets = joinNames(targetNames);
    QString summary = subject(report).mid(QStringLiteral("Hirebridge: ").size());
    summary[0] = summary.at(0).toUpper();

    QString out = QStringLiteral("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>%1</title>\n"
                                 "</head>\n<body style=\"font-family: sans-serif; font-size: 14px; color: #222;\">\n")
                      .arg(escape(subject(report)));
    out += QStringLiteral("<p style=\"font-size: 16px;\"><strong>%1.</strong>").arg(escape(summary));
    if (const QString when = finishedText(report); !when.isEmpty()) {
        out += QStringLiteral("<br>\n<span style=\"color: #666;\">Push run finished %1.</span>").arg(escape(when));
    }
    out += QStringLiteral("</p>\n");
    for (const Section section : {Section::Unknown, Section::Failed, Section::Sent, Section::Exists}) {
        const auto lines = linesIn(report, section);
        if (lines.isEmpty()) {
            continue;
        }
        const QString colour = section == Section::Failed || section == Section::Unknown ? QStringLiteral("#b00020")
            : section == Section::Sent                                                   ? QStringLiteral("#1b5e20")
                                                                                         : QStringLiteral("#444");
        out += QStringLiteral("<h2 style=\"font-size: 16px; color: %1;\">%2 (%3)</h2>\n")
                   .arg(colour, escape(sectionTitle(section, targets)))
                   .arg(lines.size());
        out += QStringLiteral("<p style=\"color: #666;\">%1</p>\n<ul>\n").arg(escape(sectionHint(section)));
        for (const auto& line : lines) {
            // <bdi>: a right-to-left name does not reorder the text around it.
            out += QStringLiteral("<li style=\"margin-bottom: 8px;\"><strong><bdi>%1</bdi></strong> &ndash; %2")
                       .arg(escape(displayName(line)), escape(details(line)));
            if (manyTargets) {
                out += QStringLiteral(" (%1)").arg(escape(targetDisplayName(line.target)));
            }
            if (section != Section::Sent && !reasonOf(line).isEmpty()) {
                out += QStringLiteral("<br>\n%1: %2")
                           .arg(section == Section::Exists ? QStringLiteral("Note") : QStringLiteral("Reason"),
                               escape(reasonOf(line)));
            }
            QStringList links;
            if (const QString ashby = safeLink(line.ashbyUrl); !ashby.isEmpty()) {
                links.append(QStringLiteral("<a href=\"%1\">Open in Ashby</a>").arg(escape(ashby)));
            }
            if (const QString target = safeLink(line.targetUrl); !target.isEmpty()) {
                links.append(QStringLiteral("<a href=\"%1\">Open in %2</a>")
                                 .arg(escape(target), escape(targetDisplayName(line.target))));
            }
            if (!links.isEmpty()) {
                out += QStringLiteral("<br>\n") + links.join(QStringLiteral(" &middot; "));
            }
            out += QStringLiteral("</li>\n");
        }
        out += QStringLiteral("</ul>\n");
    }
    out += QStringLiteral("<p style=\"color: #666; font-size: 12px;\">Sent by Hirebridge after a push run. The list "
                          "of people who get this e-mail is in Hirebridge, Settings &gt; Notifications.</p>\n"
                          "</body>\n</html>\n");
    return out;
}

} // namespace PushReportMail
