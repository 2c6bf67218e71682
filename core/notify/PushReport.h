#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

// What one push run did, as the recipients' e-mail tells it.
struct PushReport
{
    struct Line
    {
        QString applicationId;
        QString name;
        QString jobTitle;
        QString startDate;
        QString target; // "bob"
        QString state; // "pushed" | "exists" | "failed"
        QString reason; // for failed / exists
        QString ashbyUrl; // link to the candidate in Ashby
        QString targetUrl; // link into the HRIS when known (Bob: the employee or the pending hires page)
    };
    QDateTime finishedAt;
    QList<Line> lines;
    bool isEmpty() const { return lines.isEmpty(); }
};

// Composes the notification: subject "Hirebridge: 3 hires sent to Bob, 1 failed", then sections "Sent", "Already in
// Bob", "Failed" (with the reason), each line with links to Ashby and Bob. Plain text and HTML (escaped).
// Lines in other states (ready, sending, skipped) are left out; the subject counts distinct hires (a hire sent to
// two targets is one hire) and the sections list every line, the failed ones first.
namespace PushReportMail {
// True when the report has at least one pushed, exists or failed line: only then is there something to tell.
bool hasNews(const PushReport& report);
QString subject(const PushReport& report);
QString text(const PushReport& report);
QString html(const PushReport& report);
} // namespace PushReportMail
