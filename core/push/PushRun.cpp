#include "PushRun.h"

#include "hris/bob/BobClient.h"
#include "hris/bob/BobHireEvent.h"
#include "ledger/Ledger.h"
#include "mapping/MappingEngine.h"
#include "notify/PushReport.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QHostInfo>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QUuid>

#include <cerrno>
#include <csignal>
#include <sys/types.h>

Q_LOGGING_CATEGORY(lcPush, "hirebridge.push", QtInfoMsg)

namespace {

QString s(const char* text)
{
    return QString::fromLatin1(text);
}

QString newAttemptId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace

QString PushRun::errorText(const MappingResult& mapped)
{
    QStringList reasons;
    for (const auto& issue : mapped.issues) {
        if (issue.severity == MappingIssue::Severity::Error) {
            reasons << issue.message;
        }
    }
    return tr("Not sent, the mapping found problems: %1").arg(reasons.join(s("; ")));
}

int PushRun::Result::failedCount() const
{
    int n = 0;
    for (const auto& item : items) {
        n += item.ok ? 0 : 1;
    }
    return n;
}

PushRun::PushRun(Ledger* ledger, BobClient* bob, const Options& options, QObject* parent, const MappingEngine* engine)
    : QObject(parent)
    , m_ledger(ledger)
    , m_bob(bob)
    , m_engine(engine)
    , m_options(options)
{
    qRegisterMetaType<PushRun::Item>();
    qRegisterMetaType<PushRun::Result>();
    if (m_options.ownerId.isEmpty()) {
        m_options.ownerId = currentOwnerId();
    }
}

QString PushRun::currentOwnerId()
{
    static const QString id = QStringLiteral("%1/%2/%3")
                                  .arg(QHostInfo::localHostName())
                                  .arg(QCoreApplication::applicationPid())
                                  .arg(newAttemptId());
    return id;
}

bool PushRun::isOwnerAlive(const QString& ownerId)
{
    const auto parts = ownerId.split(QLatin1Char('/'));
    if (parts.size() != 3) {
        return false;
    }
    if (parts.at(0) != QHostInfo::localHostName()) {
        return true; // cannot check another machine: assume it is still working
    }
    if (ownerId == currentOwnerId()) {
        return true;
    }
    bool ok = false;
    const qint64 pid = parts.at(1).toLongLong(&ok);
    if (!ok || pid <= 0) {
        return false;
    }
    if (pid == QCoreApplication::applicationPid()) {
        return false; // an earlier run of a process that reused our pid
    }
    return ::kill(pid_t(pid), 0) == 0 || errno == EPERM;
}

PushRun::Item PushRun::itemFor(const Hire& hire, const PushRecord& record) const
{
    Item item;
    item.applicationId = hire.applicationId;
    item.target = record.target;
    item.name = hire.name;
    item.state = record.state;
    item.remoteId = record.remoteId;
    item.reason = record.reason;
    item.warnings = hire.warnings;
    return item;
}

void PushRun::start()
{
    const QString target = m_options.target;
    QList<QString> ids = m_options.applicationIds;
    if (m_options.allReady) {
        for (const auto& h : m_ledger->hires()) {
            ids.append(h.applicationId);
        }
    }
    QSet<QString> seen;
    QList<Work> work;
    for (const auto& id : std::as_const(ids)) {
        if (seen.contains(id)) {
            continue;
        }
        seen.insert(id);
        const bool named = m_options.applicationIds.contains(id);
        const auto hire = m_ledger->hire(id);
        if (!hire) {
            Item item;
            item.applicationId = id;
            item.target = target;
            item.state = PushState::Failed;
            item.reason = tr("Not in the ledger: run a sync first.");
            complete(item);
            continue;
        }
        if (!m_options.dryRun) {
            m_ledger->ensurePushRecord(id, target);
        }
        PushRecord record = m_ledger->pushRecord(id, target).value_or(PushRecord::ready(id, target));
        switch (record.state) {
        case PushState::Pushed:
        case PushState::Exists: {
            if (named) {
                Item item = itemFor(*hire, record);
                item.ok = true;
                complete(item);
            }
            continue;
        }
        case PushState::Sending: {
            if (isOwnerAlive(record.ownerId)) {
                if (named) {
                    Item item = itemFor(*hire, record);
                    item.reason = tr("Being pushed by another Hirebridge process right now.");
                    complete(item);
                }
                continue;
            }
            Work w {*hire, record, true, std::nullopt, QString()};
            if (m_engine) {
                const MappingResult mapped = m_engine->map(*hire);
                w.fields = mapped.fields;
                w.mappingError = mapped.hasErrors() ? errorText(mapped) : QString();
            }
            work.append(w);
            continue;
        }
        case PushState::Skipped:
            if (!named) {
                continue;
            }
            break;
        case PushState::Failed:
            if (!named && !record.transient) {
                continue; // a permanent failure is retried only when named
            }
            break;
        case PushState::Ready:
            break;
        }
        // Validation before anything leaves: without an e-mail we cannot check for an existing employee.
        if (normalizedEmail(hire->email).isEmpty()) {
            const QString reason = tr("No e-mail address in Ashby: cannot check Bob for an existing employee, so it "
                                      "is not sent.");
            Item item = itemFor(*hire, record);
            item.state = PushState::Failed;
            item.reason = reason;
            if (!m_options.dryRun) {
                m_ledger->setState(id, target, PushState::Failed, reason);
            }
            complete(item);
            continue;
        }
        Work w {*hire, record, false, std::nullopt, QString()};
        if (m_engine) {
            const MappingResult mapped = m_engine->map(*hire);
            if (mapped.hasErrors()) {
                const QString reason = errorText(mapped);
                Item item = itemFor(*hire, record);
                item.state = PushState::Failed;
                item.reason = reason;
                if (!m_options.dryRun) {
                    m_ledger->setState(id, target, PushState::Failed, reason);
                }
                complete(item);
                continue;
            }
            for (const auto& issue : mapped.issues) {
                w.hire.warnings << issue.message;
            }
            w.fields = mapped.fields;
        }
        work.append(w);
    }
    for (const auto& w : std::as_const(work)) {
        m_queue.enqueue(w);
    }
    m_total = int(m_result.items.size() + m_queue.size());
    m_done = int(m_result.items.size());
    if (m_queue.isEmpty()) {
        finish();
        return;
    }
    if (!m_bob) {
        m_result.error = ApiError::make(ApiError::Kind::InvalidUrl, tr("Bob is not configured"), s("Bob"));
        finish();
        return;
    }
    Q_EMIT progress(m_done, m_total, tr("Reading Bob's employee directory…"));
    m_bob->searchPeople([this](const ApiError& error, const Directory& directory) { onDirectory(error, directory); });
}

void PushRun::cancel()
{
    if (m_finished) {
        return;
    }
    // Requests in flight finish and are recorded; nothing new starts.
    m_stopping = true;
    if (!m_result.error.isError()) {
        m_result.error = ApiError::make(ApiError::Kind::Cancelled, tr("the push was cancelled"), s("Bob"));
    }
    m_queue.clear();
    if (m_inFlight == 0) {
        finish();
    }
}

void PushRun::onDirectory(const ApiError& error, const Directory& directory)
{
    if (m_finished) {
        return;
    }
    if (error.isError()) {
        // Without the snapshot nothing can be checked for duplicates, so nothing is sent.
        m_result.error = error;
        m_queue.clear();
        finish();
        return;
    }
    m_directory = directory;
    pump();
}

void PushRun::pump()
{
    while (!m_stopping && m_inFlight < m_options.maxParallel && !m_queue.isEmpty()) {
        process(m_queue.dequeue());
    }
    if (m_inFlight == 0 && (m_queue.isEmpty() || m_stopping)) {
        finish();
    }
}

void PushRun::process(const Work& work)
{
    const Hire& hire = work.hire;
    const QString target = m_options.target;
    const QString id = hire.applicationId;
    Item item = itemFor(hire, work.record);
    const auto existing = m_directory.byEmail(hire.email);

    QString attemptId = newAttemptId();
    if (!m_options.dryRun) {
        QString error;
        if (work.reconcile) {
            // The earlier owner died mid-send. Move the record out of `sending` (only one process can), then send
            // again with the same attempt id so the receiver can recognise a repeat.
            attemptId = work.record.attemptId;
            AuditEntry audit;
            audit.target = target;
            audit.applicationId = id;
            audit.action = s("reconcile");
            audit.attemptId = attemptId;
            audit.detail = QStringLiteral("found in sending, owner %1 is gone").arg(work.record.ownerId);
            if (!m_ledger->finishSending(id, target, attemptId, PushState::Failed, QString(),
                    tr("Interrupted run; reconciled."), true, audit, &error)) {
                item.reason = tr("Being reconciled by another Hirebridge process.");
                complete(item);
                return;
            }
        } else if (work.record.state == PushState::Failed && work.record.transient
            && !work.record.attemptId.isEmpty()) {
            // The last send ended without a clear answer (connection lost mid-send, timeout, 5xx, 429, or a
            // reconcile interrupted before it re-sent): Bob may have it already, so the repeat keeps the attempt id.
            attemptId = work.record.attemptId;
        }
        if (!work.mappingError.isEmpty()) {
            m_ledger->setState(id, target, PushState::Failed, work.mappingError);
            item.state = PushState::Failed;
            item.reason = work.mappingError;
            complete(item);
            return;
        }
        const QList<PushState> from = work.reconcile
            ? QList<PushState> {PushState::Failed}
            : QList<PushState> {PushState::Ready, PushState::Failed, PushState::Skipped};
        if (!m_ledger->beginSending(id, target, from, attemptId, m_options.ownerId, &error)) {
            const auto now = m_ledger->pushRecord(id, target);
            if (now) {
                item.state = now->state;
                item.remoteId = now->remoteId;
            }
            item.ok = now && (now->state == PushState::Pushed || now->state == PushState::Exists);
            item.reason = item.ok ? now->reason : tr("Being pushed by another Hirebridge process right now.");
            complete(item);
            return;
        }
    }

    if (existing) {
        const QString who = existing->displayName.isEmpty() ? existing->email : existing->displayName;
        item.state = PushState::Exists;
        item.remoteId = existing->id;
        item.reason = tr("Already an employee in Bob: %1 (id %2). Not created again.").arg(who, existing->id);
        item.fresh = true;
        item.ok = true;
        if (!m_options.dryRun) {
            AuditEntry audit;
            audit.target = target;
            audit.applicationId = id;
            audit.action = s("exists");
            audit.attemptId = attemptId;
            audit.detail = item.reason;
            QString error;
            if (!m_ledger->finishSending(
                    id, target, attemptId, PushState::Exists, existing->id, item.reason, false, audit, &error)) {
                item.ok = false;
                item.reason = error;
            }
        }
        complete(item);
        return;
    }

    BobHireEvent::Input in;
    in.hire = hire;
    in.directory = &m_directory;
    in.attemptId = attemptId;
    in.sentAt = QDateTime::currentDateTimeUtc();
    in.fields = work.fields;
    const QJsonObject event = BobHireEvent::build(in);
    item.payload = event;
    if (m_options.dryRun) {
        item.wouldSend = true;
        item.ok = true;
        item.reason = tr("Would be sent to Bob's Hire URL.");
        complete(item);
        return;
    }
    const QByteArray payload = QJsonDocument(event).toJson(QJsonDocument::Compact);
    const QString hash = QString::fromLatin1(QCryptographicHash::hash(payload, QCryptographicHash::Sha256).toHex());
    ++m_inFlight;
    const QString context = QStringLiteral("hire %1 (%2)").arg(id, hire.name);
    m_bob->postHireEvent(payload, context,
        [this, item, attemptId, hash, target, id](const ApiError& error, const HttpResponse& response) {
            --m_inFlight;
            Item done = item;
            done.sent = true;
            AuditEntry audit;
            audit.target = target;
            audit.applicationId = id;
            audit.action = s("send");
            audit.attemptId = attemptId;
            audit.payloadHash = hash;
            PushState outcome = PushState::Failed;
            QString remoteId;
            QString reason;
            bool transient = false;
            if (!error.isError()) {
                const auto body = QJsonDocument::fromJson(response.body).object();
                const auto rid = body.value(s("id"));
                remoteId = rid.isDouble() ? QString::number(rid.toInteger()) : rid.toString();
                outcome = PushState::Pushed;
                audit.httpStatus = response.status;
                audit.detail = QStringLiteral("HTTP %1, event id %2").arg(response.status).arg(remoteId);
                done.ok = true;
            } else if (error.kind == ApiError::Kind::Unauthorized) {
                // Nothing was accepted: the record goes back to where it was, and the run stops.
                outcome = PushState::Ready;
                reason = error.toString();
                audit.httpStatus = error.httpStatus;
                audit.detail = reason;
                if (!m_result.error.isError()) {
                    m_result.error = error;
                }
                m_stopping = true;
                m_queue.clear();
            } else {
                reason = error.toString();
                transient = error.retryable;
                audit.httpStatus = error.httpStatus;
                audit.detail = reason;
            }
            QString ledgerError;
            if (!m_ledger->finishSending(
                    id, target, attemptId, outcome, remoteId, reason, transient, audit, &ledgerError)) {
                done.ok = false;
                reason = ledgerError;
            }
            done.state = outcome;
            done.remoteId = remoteId;
            done.reason = reason;
            if (outcome == PushState::Ready) {
                done.ok = false;
            }
            complete(done);
            pump();
        });
}

void PushRun::complete(Item item)
{
    // Items decided now carry a new state or a send; those found pushed/exists from earlier runs were only reported.
    item.fresh = item.fresh || item.sent || item.state == PushState::Failed;
    if (!item.ok && item.state != PushState::Failed && item.reason.isEmpty()) {
        item.reason = tr("Not pushed.");
    }
    m_result.items.append(item);
    ++m_done;
    Q_EMIT itemFinished(item);
    Q_EMIT progress(m_done, qMax(m_total, m_done), tr("Pushing to Bob…"));
}

void PushRun::finish()
{
    if (m_finished) {
        return;
    }
    m_finished = true;
    Q_EMIT finished(m_result);
}

PushReport PushRun::report(const Result& result, const Ledger& ledger, const QString& bobWebUrl)
{
    PushReport report;
    report.finishedAt = QDateTime::currentDateTimeUtc();
    for (const auto& item : result.items) {
        if (!item.fresh || item.wouldSend) {
            continue;
        }
        if (item.state != PushState::Pushed && item.state != PushState::Exists && item.state != PushState::Failed) {
            continue;
        }
        PushReport::Line line;
        line.applicationId = item.applicationId;
        line.name = item.name;
        line.target = item.target;
        line.state = pushStateName(item.state);
        line.reason = item.reason;
        line.targetUrl = bobWebUrl;
        if (const auto hire = ledger.hire(item.applicationId)) {
            line.jobTitle = hire->jobTitle;
            line.startDate = hire->startDate;
            line.ashbyUrl = hire->profileUrl;
            if (line.name.isEmpty()) {
                line.name = hire->name;
            }
        }
        report.lines.append(line);
    }
    return report;
}
