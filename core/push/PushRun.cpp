#include "PushRun.h"

#include "DocumentFetcher.h"
#include "OwnerLiveness.h"
#include "hris/ManagerMatcher.h"
#include "hris/bob/BobClient.h"
#include "ledger/Ledger.h"
#include "ledger/LedgerWriter.h"
#include "mapping/MappingEngine.h"
#include "notify/PushReport.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QTimer>
#include <QUuid>

#include <chrono>

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

PushRun::PushRun(
    Ledger* ledger, HrisConnector* connector, const Options& options, QObject* parent, const MappingEngine* engine)
    : QObject(parent)
    , m_ledger(ledger)
    , m_connector(connector)
    , m_engine(engine)
    , m_options(options)
{
    qRegisterMetaType<PushRun::Item>();
    qRegisterMetaType<PushRun::Result>();
    m_clock.start();
    if (m_options.ownerId.isEmpty()) {
        m_options.ownerId = OwnerLiveness::newRunOwnerId();
    }
    if (m_connector) {
        m_target = m_connector->target();
        m_rules = m_connector->documentRules();
    } else {
        m_target = m_options.target.isEmpty() ? s("bob") : m_options.target;
    }
}

PushRun::~PushRun()
{
    m_writer.reset(); // the writes asked for are done before the run's owner id is let go
    OwnerLiveness::releaseRun(m_options.ownerId);
}

void PushRun::setDocumentSource(AshbyClient* ashby)
{
    if (m_documents) {
        m_documents->deleteLater();
    }
    m_documents = ashby ? new DocumentFetcher(ashby, this) : nullptr;
}

QString PushRun::name() const
{
    return m_connector ? m_connector->displayName() : m_target;
}

bool PushRun::markReceived(Ledger* ledger, const QString& applicationId, const QString& target, QString* error)
{
    const auto record = ledger->pushRecord(applicationId, target);
    if (!record) {
        *error = tr("Hire %1 has no record for %2.").arg(applicationId, target);
        return false;
    }
    if (record->state != PushState::Unknown) {
        *error = tr("Hire %1 is %2 in %3, not unknown: there is nothing to settle.")
                     .arg(applicationId, pushStateName(record->state), target);
        return false;
    }
    return ledger->setState(applicationId, target, PushState::Unknown, PushState::Pushed,
        tr("Marked as arrived by the admin (attempt %1).").arg(record->attemptId), error);
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

QList<FileRef> PushRun::outstandingDocuments(const Hire& hire, bool named) const
{
    QList<FileRef> out;
    if (m_rules.mode != DocumentRules::Mode::Upload) {
        return out;
    }
    QHash<QString, DocumentRecord> known;
    for (const auto& d : m_ledger->documents(hire.applicationId, m_target)) {
        known.insert(d.kind, d);
    }
    for (const auto& file : hire.files) {
        if (file.handle.isEmpty()) {
            continue;
        }
        const auto it = known.constFind(file.kind);
        if (it != known.constEnd()) {
            if (it->state == QLatin1String("uploaded")) {
                continue;
            }
            if (it->state == QLatin1String("failed") && !it->transient && !named) {
                continue; // too large, wrong type: retried only when the admin names the hire
            }
        }
        out.append(file);
    }
    return out;
}

void PushRun::start()
{
    OwnerLiveness::registerRun(m_options.ownerId);
    QList<QString> ids = m_options.applicationIds;
    m_named = QSet<QString>(ids.cbegin(), ids.cend());
    for (const auto& r : m_ledger->pushRecords(m_target)) {
        m_records.insert(r.applicationId, r);
    }
    if (m_options.allReady) {
        for (const auto& row : m_ledger->hireRows()) {
            const auto it = m_records.constFind(row.applicationId);
            const PushState state = it == m_records.constEnd() ? PushState::Ready : it->state;
            // Only what --all-ready can act on is read in full: the rest is skipped without parsing its JSON.
            // `unknown` waits for the admin: it may have arrived, and the target cannot tell.
            if (state == PushState::Exists || state == PushState::Skipped || state == PushState::Unknown
                || (state == PushState::Failed && !it->transient)) {
                continue;
            }
            if (state == PushState::Pushed && m_rules.mode != DocumentRules::Mode::Upload) {
                continue;
            }
            ids.append(row.applicationId);
        }
    }
    QSet<QString> seen;
    for (const auto& id : std::as_const(ids)) {
        if (!seen.contains(id)) {
            seen.insert(id);
            m_toPrepare.append(id);
        }
    }
    m_total = int(m_toPrepare.size());
    prepareSome();
}

void PushRun::prepareSome()
{
    // Reading, mapping and validating a thousand hires takes longer than a frame: done in slices, so the window that
    // runs the push keeps painting (design §10: no main-thread stall over 50 ms).
    QElapsedTimer slice;
    slice.start();
    while (m_prepareIndex < m_toPrepare.size() && !m_stopping && slice.elapsed() < kPrepareSliceMs) {
        prepareOne(m_toPrepare.at(m_prepareIndex++));
    }
    if (m_prepareIndex < m_toPrepare.size() && !m_stopping) {
        QTimer::singleShot(0, this, &PushRun::prepareSome);
    } else {
        m_prepared = true;
    }
    startWhenReady();
}

void PushRun::enqueue(const Work& work)
{
    m_queue.enqueue(work);
    if (m_directoryRequested || !m_connector || !m_connector->snapshotsDirectory()) {
        return;
    }
    // The first hire that needs sending asks for the directory, while the rest are still being prepared.
    m_directoryRequested = true;
    Q_EMIT progress(m_done, m_total, tr("Reading %1's employee directory…").arg(name()));
    m_connector->fetchDirectory(
        [this](const ApiError& error, const Directory& directory) { onDirectory(error, directory); });
}

void PushRun::startWhenReady()
{
    if (m_finished) {
        return;
    }
    if (m_queue.isEmpty() || m_stopping) {
        if (m_prepared && m_inFlight == 0) {
            finish();
        }
        return;
    }
    if (!m_connector) {
        if (m_prepared) {
            m_result.error = ApiError::make(ApiError::Kind::InvalidUrl, tr("%1 is not configured").arg(name()), name());
            m_queue.clear();
            finish();
        }
        return;
    }
    if (m_connector->snapshotsDirectory() && !m_haveDirectory) {
        return; // onDirectory() continues
    }
    pump();
}

void PushRun::prepareOne(const QString& id)
{
    const QString target = m_target;
    const bool named = m_named.contains(id);
    const auto hire = m_ledger->hire(id);
    if (!hire) {
        Item item;
        item.applicationId = id;
        item.target = target;
        item.state = PushState::Failed;
        item.reason = tr("Not in the ledger: run a sync first.");
        complete(item);
        return;
    }
    if (!m_options.dryRun && !m_records.contains(id)) {
        m_ledger->ensurePushRecord(id, target);
    }
    PushRecord record = m_ledger->pushRecord(id, target).value_or(PushRecord::ready(id, target));
    switch (record.state) {
    case PushState::Pushed:
    case PushState::Exists: {
        if (record.state == PushState::Pushed && !record.remoteId.isEmpty()) {
            const auto files = outstandingDocuments(*hire, named);
            if (!files.isEmpty()) {
                Work w {*hire, record, false, false, true, std::nullopt, QString(), 0, QString(), QString()};
                enqueue(w);
                return;
            }
        }
        if (named) {
            Item item = itemFor(*hire, record);
            item.ok = true;
            complete(item);
        }
        return;
    }
    case PushState::Sending: {
        if (OwnerLiveness::isAlive(record.ownerId, record.updatedAt)) {
            if (named) {
                Item item = itemFor(*hire, record);
                item.reason = tr("Being pushed by another Hirebridge process right now.");
                complete(item);
            }
            return;
        }
        Work w {*hire, record, true, true, false, std::nullopt, QString(), 0, QString(), QString()};
        if (m_engine) {
            const MappingResult mapped = m_engine->map(*hire);
            w.fields = mapped.fields;
            w.mappingError = mapped.hasErrors() ? errorText(mapped) : QString();
        }
        enqueue(w);
        return;
    }
    case PushState::Unknown:
        if (named && m_options.resend) {
            break; // the admin looked and decided: sent once more, with the same attempt id
        }
        if (named) {
            Item item = itemFor(*hire, record);
            item.reason = record.reason.isEmpty() ? unknownReason(record.attemptId, QString()) : record.reason;
            complete(item);
        }
        return;
    case PushState::Skipped:
        if (!named) {
            return;
        }
        break;
    case PushState::Failed:
        if (!named && !record.transient) {
            return; // a permanent failure is retried only when named
        }
        break;
    case PushState::Ready:
        break;
    }
    // Validation before anything leaves: without an e-mail we cannot check for an existing employee.
    if (normalizedEmail(hire->email).isEmpty()) {
        const QString reason = tr("No e-mail address in Ashby: cannot check %1 for an existing employee, so it "
                                  "is not sent.")
                                   .arg(name());
        Item item = itemFor(*hire, record);
        item.state = PushState::Failed;
        item.reason = reason;
        if (!m_options.dryRun) {
            m_ledger->setState(id, target, record.state, PushState::Failed, reason);
        }
        complete(item);
        return;
    }
    // A transient failure after a create was attempted (connection lost mid-send, timeout, 5xx) may hide an
    // employee that was created: looked up before anything is sent again.
    bool mayHaveArrived = false;
    if (record.state == PushState::Failed && record.transient && !record.attemptId.isEmpty()) {
        for (const auto& entry : m_ledger->audit(id)) {
            if (entry.target == target && entry.action == QLatin1String("send")
                && entry.attemptId == record.attemptId) {
                mayHaveArrived = true;
            }
        }
    }
    Work w {*hire, record, false, mayHaveArrived, false, std::nullopt, QString(), 0, QString(), QString()};
    if (m_engine) {
        const MappingResult mapped = m_engine->map(*hire);
        if (mapped.hasErrors()) {
            const QString reason = errorText(mapped);
            Item item = itemFor(*hire, record);
            item.state = PushState::Failed;
            item.reason = reason;
            if (!m_options.dryRun) {
                m_ledger->setState(id, target, record.state, PushState::Failed, reason);
            }
            complete(item);
            return;
        }
        for (const auto& issue : mapped.issues) {
            w.hire.warnings << issue.message;
        }
        w.fields = mapped.fields;
    }
    enqueue(w);
}

void PushRun::cancel()
{
    if (m_finished) {
        return;
    }
    // Requests in flight finish and are recorded; nothing new starts.
    m_stopping = true;
    if (!m_result.error.isError()) {
        m_result.error = ApiError::make(ApiError::Kind::Cancelled, tr("the push was cancelled"), name());
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
        m_stopping = true;
        if (m_inFlight == 0) {
            finish();
        }
        return;
    }
    m_directory = directory;
    m_haveDirectory = true;
    if (!m_options.dryRun) {
        // Kept so the dashboard can show and confirm hiring-manager matches without asking the target again.
        m_ledger->storeCatalog(Directory::cacheKey(m_target), directory.toJson(), QDateTime::currentDateTimeUtc());
    }
    startWhenReady();
}

void PushRun::pump()
{
    while (!m_stopping && m_inFlight < m_options.maxParallel && !m_queue.isEmpty()) {
        ++m_inFlight;
        process(m_queue.dequeue());
    }
    if (m_inFlight == 0 && (m_queue.isEmpty() || m_stopping) && (m_prepared || m_stopping)) {
        finish();
    }
}

void PushRun::settle(const Item& item)
{
    --m_inFlight;
    qCDebug(lcPush).noquote() << QStringLiteral("%1: settled %2 as %3 (%4 in flight, %5 queued, %6 parked e-mails)")
                                     .arg(name(), item.applicationId, pushStateName(item.state))
                                     .arg(m_inFlight)
                                     .arg(m_queue.size())
                                     .arg(m_parked.size());
    if (const QString key = m_busyEmailOf.take(item.applicationId); !key.isEmpty()) {
        m_emailsBusy.remove(key);
        if (item.state == PushState::Pushed || item.state == PushState::Exists) {
            DirectoryEntry entry;
            entry.id = item.remoteId;
            entry.email = key;
            entry.displayName = item.name;
            m_createdInRun.insert(key, entry);
        } else if (item.state == PushState::Unknown) {
            m_unknownInRun.insert(key, item.name);
        }
        // Hires that waited for this one go first, in their order.
        const QList<Work> parked = m_parked.take(key);
        for (auto it = parked.crbegin(); it != parked.crend(); ++it) {
            m_queue.prepend(*it);
        }
    }
    complete(item);
    pump();
}

void PushRun::process(const Work& work)
{
    qCDebug(lcPush).noquote() << QStringLiteral("%1: processing %2 (%3%4)")
                                     .arg(name(), work.hire.applicationId, pushStateName(work.record.state),
                                         work.documentsOnly ? QStringLiteral(", documents only") : QString());
    const Hire& hire = work.hire;
    const QString target = m_target;
    const QString id = hire.applicationId;
    Item item = itemFor(hire, work.record);

    if (work.documentsOnly) {
        if (m_options.dryRun) {
            item.ok = true;
            for (const auto& file : outstandingDocuments(hire, m_named.contains(id))) {
                item.documents.append(QJsonObject {{s("kind"), file.kind}, {s("name"), file.name},
                    {s("state"), s("would-upload")}, {s("reason"), QJsonValue::Null}});
            }
            item.wouldSend = !item.documents.isEmpty();
            settle(item);
            return;
        }
        uploadDocuments(work, item, work.record.remoteId);
        return;
    }

    if (!m_options.dryRun) {
        const QString key = normalizedEmail(hire.email);
        if (m_emailsBusy.contains(key)) {
            m_parked[key].append(work); // goes on when the hire with this e-mail has settled
            --m_inFlight;
            return;
        }
        m_emailsBusy.insert(key);
        m_busyEmailOf.insert(id, key);
    }

    QString attemptId = newAttemptId();
    if (!m_options.dryRun) {
        QString error;
        if (work.reconcile) {
            // The earlier owner died mid-send. Move the record out of `sending` (only one process can). Where the
            // target can be asked, what it may have sent is looked up before anything is sent again, with the same
            // attempt id; Bob's Hire API cannot be asked, so there the admin decides (design §5: `unknown`).
            attemptId = work.record.attemptId;
            const bool askable = m_connector->canFindCreated();
            AuditEntry audit;
            audit.target = target;
            audit.applicationId = id;
            audit.action = s("reconcile");
            audit.attemptId = attemptId;
            audit.detail = QStringLiteral("found in sending, owner %1 is gone%2")
                               .arg(work.record.ownerId, askable ? QString() : s("; unknown"));
            const QString reason = askable ? tr("Interrupted run; reconciled.")
                                           : unknownReason(attemptId, tr("the run sending it was interrupted"));
            if (!m_ledger->finishSending(id, target, attemptId, askable ? PushState::Failed : PushState::Unknown,
                    QString(), reason, askable, audit, &error)) {
                item.reason = tr("Being reconciled by another Hirebridge process.");
                settle(item);
                return;
            }
            if (!askable) {
                item.state = PushState::Unknown;
                item.reason = reason;
                item.fresh = true;
                settle(item);
                return;
            }
        } else if ((work.record.state == PushState::Failed && work.record.transient)
            || work.record.state == PushState::Unknown) {
            // The last try ended without a clear answer: the target may have it already, so the repeat keeps the
            // attempt id (the Hire API event carries it).
            if (!work.record.attemptId.isEmpty()) {
                attemptId = work.record.attemptId;
            }
        }
        if (!work.mappingError.isEmpty()) {
            m_ledger->setState(id, target, PushState::Failed, PushState::Failed, work.mappingError);
            item.state = PushState::Failed;
            item.reason = work.mappingError;
            settle(item);
            return;
        }
        // Compare-and-set from the state this run read (after a reconcile: the `failed` it just wrote). Nothing
        // goes out before the `sending` is on disk: the send continues in the writer's callback.
        const QList<PushState> from {work.reconcile ? PushState::Failed : work.record.state};
        writer()->beginSending(id, target, from, attemptId, m_options.ownerId,
            [this, work, item, attemptId](bool ok, const QString& error) {
                if (ok) {
                    lookup(work, item, attemptId);
                } else {
                    notBegun(work, item, error);
                }
            });
        return;
    }
    lookup(work, item, attemptId);
}

void PushRun::notBegun(const Work& work, Item item, const QString& error)
{
    const auto now = m_ledger->pushRecord(work.hire.applicationId, m_target);
    if (now) {
        item.state = now->state;
        item.remoteId = now->remoteId;
    }
    item.ok = now && (now->state == PushState::Pushed || now->state == PushState::Exists);
    if (item.ok) {
        item.reason = now->reason;
    } else if (now && now->state == PushState::Sending && now->ownerId != m_options.ownerId) {
        item.reason = tr("Being pushed by another Hirebridge process right now.");
    } else if (now && now->state != work.record.state && !work.reconcile) {
        item.reason
            = tr("Changed meanwhile (now %1), so it was not sent: look at it again.").arg(pushStateName(now->state));
    } else {
        // The state is as read, so the write itself failed: a read-only file, a full disk, a lock held too long.
        // Say so; nothing was sent.
        item.reason = tr("Not sent: the ledger could not record the start of the send: %1").arg(error);
    }
    settle(item);
}

LedgerWriter* PushRun::writer()
{
    if (!m_writer) {
        m_writer = std::make_unique<LedgerWriter>(QFileInfo(m_ledger->filePath()).absolutePath());
    }
    return m_writer.get();
}

void PushRun::lookup(const Work& work, Item item, const QString& attemptId)
{
    const QString key = normalizedEmail(work.hire.email);
    if (const auto created = m_createdInRun.constFind(key); created != m_createdInRun.constEnd()) {
        onExisting(work, item, attemptId, *created); // another hire of this run has this e-mail
        return;
    }
    if (const auto other = m_unknownInRun.constFind(key); other != m_unknownInRun.constEnd()) {
        AuditEntry audit;
        audit.target = m_target;
        audit.applicationId = work.hire.applicationId;
        audit.action = s("unverifiable");
        audit.attemptId = attemptId;
        audit.detail = tr("Not sent: %1 has the same e-mail and may have reached %2; settle that hire first.")
                           .arg(*other, name());
        endSending(work, item, attemptId, PushState::Failed, QString(), audit.detail, false, audit);
        return;
    }
    if (m_connector->snapshotsDirectory()) {
        onExisting(work, item, attemptId, m_directory.byEmail(work.hire.email));
        return;
    }
    QPointer<PushRun> self(this);
    m_connector->findByEmail(work.hire.email,
        [self, work, item, attemptId](const ApiError& error, const std::optional<DirectoryEntry>& found) mutable {
            if (!self) {
                return;
            }
            if (!error.isError()) {
                self->onExisting(work, item, attemptId, found);
                return;
            }
            AuditEntry audit;
            audit.target = self->m_target;
            audit.applicationId = work.hire.applicationId;
            audit.action = s("lookup");
            audit.attemptId = attemptId;
            audit.httpStatus = error.httpStatus;
            const QString reason = tr("Could not check %1 for an existing employee, nothing was sent: %2")
                                       .arg(self->name(), error.toString());
            audit.detail = reason;
            if (error.kind == ApiError::Kind::Unauthorized) {
                if (!self->m_result.error.isError()) {
                    self->m_result.error = error;
                }
                self->m_stopping = true;
                self->m_queue.clear();
                self->endSending(work, item, attemptId, PushState::Ready, QString(), reason, false, audit);
                return;
            }
            self->endSending(work, item, attemptId, PushState::Failed, QString(), reason, error.retryable, audit);
        });
}

void PushRun::onExisting(
    const Work& work, Item item, const QString& attemptId, const std::optional<DirectoryEntry>& found)
{
    const QString id = work.hire.applicationId;
    if (found && work.mayHaveArrived && m_connector->canFindCreated()) {
        // Our own earlier create arrived before the answer was lost: it is this hire, not a rehire.
        item.fresh = true;
        AuditEntry audit;
        audit.target = m_target;
        audit.applicationId = id;
        audit.action = s("reconcile");
        audit.attemptId = attemptId;
        const QString reason
            = tr("Found in %1 after an interrupted create (id %2); not created again.").arg(name(), found->id);
        audit.detail = reason;
        if (m_options.dryRun) {
            item.state = PushState::Pushed;
            item.remoteId = found->id;
            item.reason = reason;
            item.ok = true;
            settle(item);
            return;
        }
        QString error;
        if (!m_ledger->finishSending(
                id, m_target, attemptId, PushState::Pushed, found->id, reason, false, audit, &error)) {
            item.reason = error;
            settle(item);
            return;
        }
        item.state = PushState::Pushed;
        item.remoteId = found->id;
        item.reason = reason;
        uploadDocuments(work, item, found->id);
        return;
    }
    if (found) {
        const QString who = found->displayName.isEmpty() ? found->email : found->displayName;
        AuditEntry audit;
        audit.target = m_target;
        audit.applicationId = id;
        audit.action = s("exists");
        audit.attemptId = attemptId;
        const QString reason
            = tr("Already an employee in %1: %2 (id %3). Not created again.").arg(name(), who, found->id);
        audit.detail = reason;
        item.fresh = true;
        if (m_options.dryRun) {
            item.state = PushState::Exists;
            item.remoteId = found->id;
            item.reason = reason;
            item.ok = true;
            settle(item);
            return;
        }
        endSending(work, item, attemptId, PushState::Exists, found->id, reason, false, audit);
        return;
    }
    if (m_connector->snapshotsDirectory() && !m_directory.isComplete()) {
        // Some employees' e-mails were hidden from us: "not found" proves nothing, and a create may duplicate.
        const QString reason = tr("Cannot verify that this person is not already in %1, so nothing was sent: %2")
                                   .arg(name(), m_directory.incompleteReason());
        AuditEntry audit;
        audit.target = m_target;
        audit.applicationId = id;
        audit.action = s("unverifiable");
        audit.attemptId = attemptId;
        audit.detail = reason;
        if (m_options.dryRun) {
            item.state = PushState::Failed;
            item.reason = reason;
            settle(item);
            return;
        }
        endSending(work, item, attemptId, PushState::Failed, QString(), reason, false, audit);
        return;
    }
    send(work, item, attemptId);
}

void PushRun::resolveManager(const Work& work, std::function<void(const ManagerResolution&)> done)
{
    const PersonRef& manager = work.hire.hiringManager;
    const auto confirmed = manager.id.isEmpty() ? std::nullopt : m_ledger->managerMatch(m_target, manager.id);
    if (m_haveDirectory || confirmed || manager.isEmpty()) {
        done(ManagerMatcher::resolve(manager, m_directory, confirmed));
        return;
    }
    // No snapshot (the target filters by e-mail): the manager is looked up once per run by e-mail only.
    const auto byEmail = [manager](const std::optional<DirectoryEntry>& found) {
        ManagerResolution r;
        r.ashbyName = manager.displayName();
        r.state = found ? ManagerResolution::State::ByEmail : ManagerResolution::State::Unmatched;
        r.employee = found;
        return r;
    };
    const QString key = normalizedEmail(manager.email);
    if (key.isEmpty() || m_managerLookups.contains(key)) {
        done(byEmail(m_managerLookups.value(key)));
        return;
    }
    // Hires of one manager in flight together share one lookup.
    const bool first = !m_managerWaiters.contains(key);
    m_managerWaiters[key].append([done, byEmail](const std::optional<DirectoryEntry>& found) { done(byEmail(found)); });
    if (!first) {
        return;
    }
    QPointer<PushRun> self(this);
    m_connector->findByEmail(
        manager.email, [self, key](const ApiError& error, const std::optional<DirectoryEntry>& found) {
            if (!self) {
                return;
            }
            if (!error.isError()) {
                self->m_managerLookups.insert(key, found);
            }
            const auto waiters = self->m_managerWaiters.take(key);
            for (const auto& waiter : waiters) {
                waiter(found);
            }
        });
}

void PushRun::send(const Work& work, Item item, const QString& attemptId)
{
    QPointer<PushRun> self(this);
    resolveManager(work, [self, work, item, attemptId](const ManagerResolution& manager) mutable {
        if (!self) {
            return;
        }
        item.manager = manager.describe(self->name());
        Work w = work;
        if (!manager.matched() && !work.hire.hiringManager.isEmpty()) {
            w.hire.warnings << tr("Hiring manager %1 was not matched in %2; HR sets the manager there.")
                                   .arg(work.hire.hiringManager.displayName(), self->name());
        }
        PayloadInput in;
        in.hire = w.hire;
        in.fields = w.fields;
        in.attemptId = attemptId;
        in.manager = manager.employee;
        in.managerMatchedBy = manager.matchedBy();
        const QList<FileRef> files = work.hire.files;
        if (self->m_rules.mode != DocumentRules::Mode::LinksInPayload || files.isEmpty()) {
            self->sendPayload(w, item, in);
            return;
        }
        if (self->m_options.dryRun) {
            in.documents = previewDocuments(work.hire, self->m_rules); // no link is fetched for a dry run
            self->sendPayload(w, item, in);
            return;
        }
        if (!self->m_documents) {
            w.hire.warnings << tr("Documents were not attached: Ashby is not configured for this run.");
            self->sendPayload(w, item, in);
            return;
        }
        // Hire API: fresh file.info links, fetched right before the event leaves (they expire).
        struct State
        {
            int pending = 0;
            QStringList problems;
            ApiError transientError;
        };
        auto state = std::make_shared<State>();
        state->pending = int(files.size());
        auto input = std::make_shared<PayloadInput>(in);
        for (const auto& file : files) {
            const QString context = QStringLiteral("%1 of hire %2").arg(file.kind, work.hire.applicationId);
            self->m_documents->fetchLink(file, context,
                [self, state, input, file, w, item, attemptId](const ApiError& error, const QUrl& url) mutable {
                    if (!self) {
                        return;
                    }
                    if (error.isError()) {
                        if (error.retryable) {
                            state->transientError = error;
                        } else {
                            state->problems
                                << tr("%1 \"%2\" not attached: %3")
                                       .arg(DocumentFetcher::kindLabel(file.kind), file.name, error.toString());
                        }
                    } else {
                        input->documents.append(documentEntry(file, url.toString(QUrl::FullyEncoded)));
                    }
                    if (--state->pending > 0) {
                        return;
                    }
                    if (state->transientError.isError()) {
                        // Sending without a document Bob would never get again is worse than trying again later.
                        const QString reason = tr("Not sent: a document link could not be fetched from Ashby: %1")
                                                   .arg(state->transientError.toString());
                        AuditEntry audit;
                        audit.target = self->m_target;
                        audit.applicationId = w.hire.applicationId;
                        audit.action = s("documents");
                        audit.attemptId = attemptId;
                        audit.detail = reason;
                        self->endSending(w, item, attemptId, PushState::Failed, QString(), reason, true, audit);
                        return;
                    }
                    w.hire.warnings << state->problems;
                    self->sendPayload(w, item, *input);
                });
        }
    });
}

QJsonObject PushRun::documentEntry(const FileRef& file, const QJsonValue& url)
{
    return QJsonObject {{s("kind"), file.kind}, {s("name"), file.name}, {s("url"), url},
        {s("contentType"), QString::fromLatin1(DocumentFetcher::contentTypeFor(file.name))}};
}

QJsonArray PushRun::previewDocuments(const Hire& hire, const DocumentRules& rules)
{
    QJsonArray documents;
    if (rules.mode == DocumentRules::Mode::LinksInPayload) {
        for (const auto& file : hire.files) {
            documents.append(documentEntry(file, QJsonValue::Null));
        }
    }
    return documents;
}

void PushRun::sendPayload(const Work& work, Item item, PayloadInput in)
{
    const Hire& hire = work.hire;
    const QString id = hire.applicationId;
    const QString attemptId = in.attemptId;
    in.hire = hire; // with the warnings gathered on the way
    in.sentAt = QDateTime::currentDateTimeUtc();
    item.warnings = hire.warnings;
    const QJsonObject payload = m_connector->buildPayload(in);
    item.payload = payload;
    if (m_options.dryRun) {
        item.wouldSend = true;
        item.ok = true;
        item.reason = tr("Would be sent to %1.").arg(name());
        for (const auto& file : hire.files) {
            if (m_rules.mode == DocumentRules::Mode::Upload) {
                const QString problem = DocumentFetcher::typeProblem(file, m_rules, name());
                item.documents.append(QJsonObject {{s("kind"), file.kind}, {s("name"), file.name},
                    {s("state"), problem.isEmpty() ? s("would-upload") : s("failed")},
                    {s("reason"), problem.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(problem)}});
            }
        }
        settle(item);
        return;
    }
    postCreate(work, item, attemptId);
}

void PushRun::postCreate(const Work& work, Item item, const QString& attemptId)
{
    const QByteArray bytes = QJsonDocument(item.payload).toJson(QJsonDocument::Compact);
    const QString hash = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    const QString context = QStringLiteral("hire %1 (%2)").arg(work.hire.applicationId, work.hire.name);
    QPointer<PushRun> self(this);
    m_connector->create(
        item.payload, context, [self, work, item, attemptId, hash](const ApiError& error, const CreateResult& result) {
            if (self) {
                self->onCreated(work, item, attemptId, hash, error, result);
            }
        });
}

QString PushRun::unknownReason(const QString& attemptId, const QString& what) const
{
    const QString advice = tr("%1 may have received it: look in ATS pending hires for attempt %2, then choose "
                              "\"It arrived\" or \"Send again\".")
                               .arg(name(), attemptId);
    return what.isEmpty() ? advice : tr("No clear answer (%1). %2").arg(what, advice);
}

int PushRun::reconcilePatienceMs() const
{
    return m_options.reconcilePatienceMs >= 0 ? m_options.reconcilePatienceMs : m_connector->readLagMs();
}

void PushRun::reconcileCreate(
    Work work, Item item, const QString& attemptId, AuditEntry audit, qint64 sinceMs, int round)
{
    if (m_stopping) {
        const QString reason = tr("%1 may have created this employee; the run stopped before it could check. The next "
                                  "push looks it up before sending.")
                                   .arg(name());
        audit.detail = reason;
        endSending(work, item, attemptId, PushState::Failed, QString(), reason, true, audit);
        return;
    }
    qCDebug(lcPush).noquote() << QStringLiteral("%1: %2: looking for the interrupted create (round %3)")
                                     .arg(name(), work.hire.applicationId)
                                     .arg(round);
    QPointer<PushRun> self(this);
    m_connector->findByEmail(work.hire.email,
        [self, work, item, attemptId, audit, sinceMs, round](
            const ApiError& error, const std::optional<DirectoryEntry>& found) mutable {
            if (!self) {
                return;
            }
            if (!error.isError() && found) {
                self->onReconciled(work, item, attemptId, *found);
                return;
            }
            if (error.isError()) {
                // Unchecked: failed, transient, with the send in the audit log, so the next push looks first.
                const QString reason
                    = tr("%1 may have created this employee, and looking it up failed: %2. The next push looks it up "
                         "before sending.")
                          .arg(self->name(), error.toString());
                audit.detail = reason;
                if (error.kind == ApiError::Kind::Unauthorized && !self->m_result.error.isError()) {
                    self->m_result.error = error;
                    self->m_stopping = true;
                    self->m_queue.clear();
                }
                self->endSending(work, item, attemptId, PushState::Failed, QString(), reason, true, audit);
                return;
            }
            const qint64 waited = self->m_clock.elapsed() - sinceMs;
            const int patience = self->reconcilePatienceMs();
            if (waited < patience) {
                // A new employee can take a while to show up in reads: look again, 1 s, 2 s, 4 s … apart.
                const qint64 delay = std::min<qint64>(qint64(1000) << std::min(round, 5), patience - waited);
                QTimer::singleShot(std::chrono::milliseconds(delay), self.data(),
                    [self, work, item, attemptId, audit, sinceMs, round] {
                        if (self) {
                            self->reconcileCreate(work, item, attemptId, audit, sinceMs, round + 1);
                        }
                    });
                return;
            }
            constexpr int kMaxResends = 2;
            if (work.resends >= kMaxResends) {
                const QString reason
                    = tr("%1 gave no clear answer %2 times and the employee was not found; the next push looks it up "
                         "before sending.")
                          .arg(self->name())
                          .arg(work.resends + 1);
                audit.detail = reason;
                self->endSending(work, item, attemptId, PushState::Failed, QString(), reason, true, audit);
                return;
            }
            // Not there after the read lag: it did not arrive. Sent again, same attempt id, same bytes.
            ++work.resends;
            work.mayHaveArrived = true;
            qCInfo(lcPush).noquote() << QStringLiteral(
                "%1: hire %2 not found after an interrupted create; sending again")
                                            .arg(self->name(), work.hire.applicationId);
            self->postCreate(work, item, attemptId);
        });
}

void PushRun::onReconciled(const Work& work, Item item, const QString& attemptId, const DirectoryEntry& found)
{
    AuditEntry audit;
    audit.target = m_target;
    audit.applicationId = work.hire.applicationId;
    audit.action = s("reconcile");
    audit.attemptId = attemptId;
    const QString reason
        = tr("Found in %1 after an interrupted create (id %2); not created again.").arg(name(), found.id);
    audit.detail = reason;
    recordOutcome(work, item, attemptId, PushState::Pushed, found.id, reason, false, audit,
        [this, work, id = found.id](const Item& recorded) { uploadDocuments(work, recorded, id); });
}

void PushRun::onCreated(const Work& work, Item item, const QString& attemptId, const QString& hash,
    const ApiError& error, const CreateResult& result)
{
    const QString id = work.hire.applicationId;
    item.sent = true;
    AuditEntry audit;
    audit.target = m_target;
    audit.applicationId = id;
    audit.action = s("send");
    audit.attemptId = attemptId;
    audit.payloadHash = hash;
    if (!error.isError()) {
        audit.httpStatus = result.httpStatus;
        audit.detail = QStringLiteral("HTTP %1, id %2").arg(result.httpStatus).arg(result.remoteId);
        QString reason;
        if (!result.warnings.isEmpty()) {
            // Accepted, but not as sent (an unknown department dropped, ...): say what, never plain success.
            reason = tr("Created, but %1 reported: %2").arg(name(), result.warnings.join(s("; ")));
            item.warnings << result.warnings;
            audit.detail += QStringLiteral("; warnings: ") + result.warnings.join(s("; "));
        }
        recordOutcome(work, item, attemptId, PushState::Pushed, result.remoteId, reason, false, audit,
            [this, work, id = result.remoteId](const Item& recorded) { uploadDocuments(work, recorded, id); });
        return;
    }
    audit.httpStatus = error.httpStatus;
    audit.detail = error.toString();
    if (error.kind == ApiError::Kind::Unauthorized) {
        // Nothing was accepted: the record goes back to where it was, and the run stops.
        if (!m_result.error.isError()) {
            m_result.error = error;
        }
        m_stopping = true;
        m_queue.clear();
        endSending(work, item, attemptId, PushState::Ready, QString(), error.toString(), false, audit);
        return;
    }
    // A 2xx whose answer could not be read created the employee all the same.
    const bool createdUnread = error.kind == ApiError::Kind::Parse && error.httpStatus >= 200 && error.httpStatus < 300;
    if (error.ambiguous || createdUnread) {
        if (!m_connector->canFindCreated()) {
            const QString reason = unknownReason(attemptId, error.toString());
            endSending(work, item, attemptId, PushState::Unknown, QString(), reason, false, audit);
            return;
        }
        // Reconciled before anything is sent again (design §5). The send goes into the audit log now: if this
        // process dies while looking, the next run sees it and looks first too.
        m_ledger->appendAudit(audit);
        AuditEntry reconcile;
        reconcile.target = m_target;
        reconcile.applicationId = id;
        reconcile.action = s("reconcile");
        reconcile.attemptId = attemptId;
        reconcileCreate(work, item, attemptId, reconcile, m_clock.elapsed(), 0);
        return;
    }
    if (BobClient::isEmailTaken(error)) {
        // Bob refuses a second employee with that e-mail: ours from an earlier attempt, or someone created it since
        // the snapshot. Either way nobody is created twice; look the id up to link it.
        QPointer<PushRun> self(this);
        m_connector->findByEmail(work.hire.email,
            [self, work, item, attemptId, audit](
                const ApiError& e, const std::optional<DirectoryEntry>& found) mutable {
                if (!self) {
                    return;
                }
                const PushState state = work.mayHaveArrived ? PushState::Pushed : PushState::Exists;
                const QString remoteId = found ? found->id : QString();
                const QString reason = e.isError() || !found
                    ? tr("%1 already has an employee with this e-mail (not created again); its id could not be read.")
                          .arg(self->name())
                    : tr("Already an employee in %1 (id %2). Not created again.").arg(self->name(), remoteId);
                audit.detail = reason;
                if (state == PushState::Pushed && found) {
                    PushRun* run = self.data();
                    run->recordOutcome(work, item, attemptId, PushState::Pushed, remoteId, reason, false, audit,
                        [run, work, remoteId](
                            const Item& recorded) { run->uploadDocuments(work, recorded, remoteId); });
                    return;
                }
                self->endSending(work, item, attemptId, state, remoteId, reason, false, audit);
            });
        return;
    }
    endSending(work, item, attemptId, PushState::Failed, QString(), error.toString(), error.retryable, audit);
}

void PushRun::endSending(const Work& work, Item item, const QString& attemptId, PushState outcome,
    const QString& remoteId, const QString& reason, bool transient, AuditEntry audit)
{
    item.ok = outcome == PushState::Pushed || outcome == PushState::Exists;
    recordOutcome(work, item, attemptId, outcome, remoteId, reason, transient, audit,
        [this](const Item& recorded) { settle(recorded); });
}

void PushRun::recordOutcome(const Work& work, Item item, const QString& attemptId, PushState outcome,
    const QString& remoteId, const QString& reason, bool transient, const AuditEntry& audit,
    const std::function<void(const Item&)>& then, int tries)
{
    item.state = outcome;
    item.remoteId = remoteId;
    item.reason = reason;
    item.fresh = true;
    if (m_options.dryRun) {
        then(item);
        return;
    }
    writer()->finishSending(work.hire.applicationId, m_target, attemptId, outcome, remoteId, reason, transient, audit,
        [this, work, item, attemptId, outcome, remoteId, reason, transient, audit, then, tries](
            bool ok, const QString& ledgerError) {
            if (ok) {
                then(item);
            } else {
                notRecorded(
                    work, item, attemptId, outcome, remoteId, reason, transient, audit, then, tries, ledgerError);
            }
        });
}

void PushRun::notRecorded(const Work& work, Item item, const QString& attemptId, PushState outcome,
    const QString& remoteId, const QString& reason, bool transient, const AuditEntry& audit,
    const std::function<void(const Item&)>& then, int tries, const QString& ledgerError)
{
    // The ledger is locked by another program, or the disk is full: the answer must not be lost, so try again.
    constexpr int kTries = 3;
    if (tries < kTries) {
        QPointer<PushRun> self(this);
        QTimer::singleShot(std::chrono::milliseconds(500 << tries), this,
            [self, work, item, attemptId, outcome, remoteId, reason, transient, audit, then, tries] {
                if (self) {
                    self->recordOutcome(
                        work, item, attemptId, outcome, remoteId, reason, transient, audit, then, tries + 1);
                }
            });
        return;
    }
    // Still not written: the record stays `sending` under this run's owner id, which dies with the run, so the next
    // run reconciles it (looks the e-mail up, or marks it `unknown` where the target cannot be asked).
    qCWarning(lcPush).noquote() << QStringLiteral("%1: hire %2: the ledger could not record \"%3\": %4")
                                       .arg(name(), work.hire.applicationId, pushStateName(outcome), ledgerError);
    item.ok = false;
    item.reason = tr("%1 answered (%2), but the ledger could not record it: %3. The next push checks %1 before "
                     "sending anything again.")
                      .arg(name(), pushStateName(outcome), ledgerError);
    settle(item);
}

void PushRun::uploadDocuments(const Work& work, Item item, const QString& remoteId)
{
    if (m_rules.mode != DocumentRules::Mode::Upload || work.hire.files.isEmpty()) {
        item.ok = true;
        settle(item);
        return;
    }
    if (!m_documents) {
        item.ok = true;
        item.warnings << tr("Documents were not uploaded: Ashby is not configured for this run.");
        settle(item);
        return;
    }
    const QList<FileRef> files = outstandingDocuments(work.hire, true);
    if (files.isEmpty() || m_options.dryRun) {
        uploadNext(work, item, remoteId, files);
        return;
    }
    // Uploads take the record's lock as a create does: the window and a scheduled CLI run must not both upload a
    // pushed hire's missing documents. The record is `sending` while they go, and `pushed` again after.
    const QString id = work.hire.applicationId;
    const auto before = m_ledger->pushRecord(id, m_target);
    const QString lock = newAttemptId();
    QString error;
    if (!before || before->state != PushState::Pushed
        || !m_ledger->beginSending(id, m_target, {PushState::Pushed}, lock, m_options.ownerId, &error)) {
        const auto now = m_ledger->pushRecord(id, m_target);
        item.ok = false;
        item.fresh = true;
        item.reason = now && now->state == PushState::Sending
            ? tr("Documents not uploaded now: another Hirebridge process is working on this hire.")
            : tr("Documents not uploaded: the ledger could not record the upload: %1").arg(error);
        settle(item);
        return;
    }
    Work locked = work;
    locked.documentsLock = lock;
    locked.lockedReason = before->reason;
    uploadNext(locked, item, remoteId, files);
}

void PushRun::uploadNext(const Work& work, Item item, const QString& remoteId, QList<FileRef> files)
{
    const QString id = work.hire.applicationId;
    if (files.isEmpty() || m_stopping) {
        if (!work.documentsLock.isEmpty()) {
            QString error;
            if (!m_ledger->finishSending(id, m_target, work.documentsLock, PushState::Pushed, remoteId,
                    work.lockedReason, false, AuditEntry(), &error)) {
                // Left `sending` under this run, which the next run reconciles (it finds the employee again).
                qCWarning(lcPush).noquote()
                    << QStringLiteral("%1: hire %2: could not release the upload lock: %3").arg(name(), id, error);
            }
        }
        // The item is satisfied when the employee exists and no document is left failed or pending.
        bool allUploaded = true;
        QStringList problems;
        for (const auto& d : m_ledger->documents(id, m_target)) {
            item.documents.append(QJsonObject {{s("kind"), d.kind}, {s("name"), d.name}, {s("state"), d.state},
                {s("reason"), d.reason.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(d.reason)}});
            if (d.state != QLatin1String("uploaded")) {
                allUploaded = false;
                problems << QStringLiteral("%1: %2").arg(
                    DocumentFetcher::kindLabel(d.kind), d.reason.isEmpty() ? tr("not uploaded yet") : d.reason);
            }
        }
        item.ok = allUploaded;
        if (!allUploaded) {
            const QString docs
                = tr("Employee created (id %1), but documents are missing: %2").arg(remoteId, problems.join(s("; ")));
            item.reason = item.reason.isEmpty() ? docs : item.reason + s(" ") + docs;
        }
        item.fresh = true;
        settle(item);
        return;
    }
    const FileRef file = files.takeFirst();
    DocumentRecord record;
    record.applicationId = id;
    record.target = m_target;
    record.kind = file.kind;
    record.name = file.name;
    QString previousState;
    for (const auto& d : m_ledger->documents(id, m_target)) {
        if (d.kind == file.kind) {
            record.attempts = d.attempts;
            previousState = d.state;
        }
    }
    record.attempts += 1;
    if (const QString problem = DocumentFetcher::typeProblem(file, m_rules, name()); !problem.isEmpty()) {
        failDocument(record, file, problem, false, 0);
        uploadNext(work, item, remoteId, files);
        return;
    }
    // `uploading` left by an earlier run (killed mid-upload, or its answer was lost): the file may be there already.
    // This run holds the record's lock, so nobody else is uploading it now.
    if (previousState == QLatin1String("uploading") && !m_options.dryRun) {
        checkUpload(work, item, remoteId, files, file, record, true);
        return;
    }
    sendDocument(work, item, remoteId, files, file, record);
}

DocumentUpload PushRun::uploadFor(const Work& work, const FileRef& file)
{
    DocumentUpload upload;
    upload.kind = file.kind;
    upload.fileName = file.name;
    upload.title = QStringLiteral("%1 - %2").arg(DocumentFetcher::kindLabel(file.kind), work.hire.name);
    return upload;
}

void PushRun::failDocument(DocumentRecord record, const FileRef& file, const QString& why, bool transient, int status)
{
    record.reason = why;
    record.transient = transient;
    writeDocument(record, s("failed"),
        QStringLiteral("%1 \"%2\" failed: %3").arg(DocumentFetcher::kindLabel(file.kind), file.name, why), status);
}

void PushRun::writeDocument(
    DocumentRecord record, const QString& state, const QString& detail, int status, const QString& payloadHash)
{
    record.state = state;
    if (detail.isEmpty()) {
        m_ledger->setDocument(record);
        return;
    }
    AuditEntry audit;
    audit.target = m_target;
    audit.applicationId = record.applicationId;
    audit.action = s("upload");
    audit.httpStatus = status;
    audit.payloadHash = payloadHash;
    audit.detail = detail;
    m_ledger->setDocument(record, &audit);
}

void PushRun::checkUpload(const Work& work, Item item, const QString& remoteId, const QList<FileRef>& files,
    const FileRef& file, DocumentRecord record, bool uploadIfMissing)
{
    const QString id = work.hire.applicationId;
    const QString label = DocumentFetcher::kindLabel(file.kind);
    if (!m_connector->canFindUploaded()) {
        // Nothing to ask: sending again could store a second copy, so the admin looks and decides.
        failDocument(record, file,
            tr("an upload was interrupted and %1 cannot list an employee's documents: look at employee %2's documents "
               "in %1, then push this hire by name to upload it again if it is not there")
                .arg(name(), remoteId),
            false, 0);
        uploadNext(work, item, remoteId, files);
        return;
    }
    const QString context
        = QStringLiteral("%1 of hire %2 (%3): was the interrupted upload stored?").arg(label, id, work.hire.name);
    qCDebug(lcPush).noquote()
        << QStringLiteral("%1: %2: looking for an interrupted upload of %3").arg(name(), id, file.kind);
    QPointer<PushRun> self(this);
    m_connector->findUploaded(remoteId, uploadFor(work, file), context,
        [self, work, item, remoteId, files, file, record, uploadIfMissing, label](
            const ApiError& error, const std::optional<QString>& documentId) mutable {
            if (!self) {
                return;
            }
            if (error.isError()) {
                // Still unknown: stays `uploading`, so the next run asks again before sending.
                record.reason = tr("an upload was interrupted, and %1 could not be asked whether it arrived: %2")
                                    .arg(self->name(), error.toString());
                record.transient = true;
                self->writeDocument(record, s("uploading"));
                self->uploadNext(work, item, remoteId, files);
                return;
            }
            if (documentId) {
                record.remoteId = *documentId;
                record.reason.clear();
                record.transient = false;
                self->writeDocument(record, s("uploaded"),
                    QStringLiteral("%1 \"%2\" found on employee %3 (document id %4) after an interrupted upload: not "
                                   "sent again")
                        .arg(label, file.name, remoteId, *documentId));
                self->uploadNext(work, item, remoteId, files);
                return;
            }
            if (!uploadIfMissing) {
                record.reason = tr("the answer to the upload was lost and %1 does not list the file yet; the next push "
                                   "looks again before uploading it")
                                    .arg(self->name());
                record.transient = true;
                self->writeDocument(record, s("uploading"));
                self->uploadNext(work, item, remoteId, files);
                return;
            }
            self->sendDocument(work, item, remoteId, files, file, record);
        });
}

void PushRun::sendDocument(const Work& work, Item item, const QString& remoteId, const QList<FileRef>& files,
    const FileRef& file, DocumentRecord record)
{
    const QString id = work.hire.applicationId;
    qCDebug(lcPush).noquote() << QStringLiteral("%1: %2: uploading %3").arg(name(), id, file.kind);
    const QString label = DocumentFetcher::kindLabel(file.kind);
    record.reason.clear();
    writeDocument(record, s("uploading"));
    const DocumentUpload meta = uploadFor(work, file);
    const QString context = QStringLiteral("%1 of hire %2 (%3)").arg(label, id, work.hire.name);
    QPointer<PushRun> self(this);
    m_documents->download(file, m_rules, meta.title, context,
        [self, work, item, remoteId, files, file, record, context, label](
            const ApiError& error, const DocumentUpload& upload) mutable {
            if (!self) {
                return;
            }
            if (error.isError()) {
                // A body above the download limit says so in the error's own message.
                self->failDocument(record, file, tr("could not be downloaded from Ashby: %1").arg(error.toString()),
                    error.retryable, error.httpStatus);
                self->uploadNext(work, item, remoteId, files);
                return;
            }
            if (const QString problem = DocumentFetcher::sizeProblem(upload.bytes.size(), self->m_rules, self->name());
                !problem.isEmpty()) {
                record.bytes = upload.bytes.size();
                self->failDocument(
                    record, file, QStringLiteral("%1 \"%2\" %3").arg(label, file.name, problem), false, 0);
                self->uploadNext(work, item, remoteId, files);
                return;
            }
            const QString hash
                = QString::fromLatin1(QCryptographicHash::hash(upload.bytes, QCryptographicHash::Sha256).toHex());
            const qint64 size = upload.bytes.size();
            self->m_connector->uploadDocument(remoteId, upload, context,
                [self, work, item, remoteId, files, record, hash, size, label, file](
                    const ApiError& e, const QString& documentId) mutable {
                    if (!self) {
                        return;
                    }
                    record.bytes = size;
                    if (e.isError() && e.ambiguous) {
                        // The file may have been stored (a gateway error or a lost answer): never blindly again.
                        self->writeDocument(record, s("uploading"),
                            QStringLiteral("%1 \"%2\" sent to employee %3, answer lost: %4")
                                .arg(label, file.name, remoteId, e.toString()),
                            e.httpStatus, hash);
                        self->checkUpload(work, item, remoteId, files, file, record, false);
                        return;
                    }
                    if (e.isError()) {
                        self->failDocument(record, file, tr("upload to %1 failed: %2").arg(self->name(), e.toString()),
                            e.retryable, e.httpStatus);
                    } else {
                        record.remoteId = documentId;
                        record.reason.clear();
                        record.transient = false;
                        self->writeDocument(record, s("uploaded"),
                            QStringLiteral("%1 \"%2\" uploaded to employee %3, document id %4 (%5 bytes)")
                                .arg(label, file.name, remoteId, documentId)
                                .arg(size),
                            0, hash);
                    }
                    self->uploadNext(work, item, remoteId, files);
                });
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
    Q_EMIT progress(m_done, qMax(m_total, m_done), tr("Pushing to %1…").arg(name()));
}

void PushRun::finish()
{
    if (m_finished) {
        return;
    }
    qCDebug(lcPush).noquote() << QStringLiteral("%1: run finished, %2 items").arg(name()).arg(m_result.items.size());
    m_finished = true;
    // From now on, what this run left in `sending` (a result it could not record) is reconciled by the next run.
    OwnerLiveness::releaseRun(m_options.ownerId);
    Q_EMIT finished(m_result);
}

PushReport PushRun::report(const Result& result, const Ledger& ledger, const QHash<QString, QString>& targetUrls)
{
    PushReport report;
    report.finishedAt = QDateTime::currentDateTimeUtc();
    for (const auto& item : result.items) {
        if (!item.fresh || item.wouldSend) {
            continue;
        }
        if (item.state != PushState::Pushed && item.state != PushState::Exists && item.state != PushState::Failed
            && item.state != PushState::Unknown) {
            continue;
        }
        PushReport::Line line;
        line.applicationId = item.applicationId;
        line.name = item.name;
        line.target = item.target;
        line.state = pushStateName(item.state);
        line.reason = item.reason;
        line.targetUrl = targetUrls.value(item.target);
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
