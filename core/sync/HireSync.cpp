#include "HireSync.h"

#include "ashby/AshbyClient.h"
#include "ashby/JsonReader.h"
#include "ledger/Ledger.h"

#include <QDateTime>
#include <QFileInfo>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <utility>

Q_LOGGING_CATEGORY(lcSync, "hirebridge.sync", QtInfoMsg)

namespace {

QString s(const char* text)
{
    return QString::fromLatin1(text);
}

const int kPageSize = 100;
const qsizetype kPerHireSlice = 100; // hires whose two detail calls are queued per turn of the event loop

} // namespace

// Everything the worker thread reads is a copy taken before it starts (Qt's containers share their data, so the
// copies cost nothing), and everything it produces is read only after it ended: no locks needed.
struct HireSync::Store
{
    // In
    QList<Pending> pending;
    QSet<QString> failedIds;
    QHash<QString, QJsonObject> jobs;
    QHash<QString, QString> departmentNames;
    QHash<QString, QString> locationNames;
    QHash<QString, PersonRef> users;
    QHash<QString, CustomFieldDefinition> definitions;
    QJsonArray definitionsJson; // cached for the mapping editor when complete
    bool definitionsComplete = false;
    QString ledgerDirectory; // empty: no ledger, assemble only
    QStringList targets;
    QString newToken; // what Ashby gave at the end of this pass
    QString keptToken; // where the next sync starts when a hire could not be read
    bool hadHireErrors = false;
    std::atomic_bool cancelled = false; // until the transaction begins, a cancel still stops it
    // Out
    QList<Hire> hires; // assembled; handed back only when the worker could not open the ledger (see stored)
    QStringList storedIds;
    QList<QPair<QString, QString>> assemblyErrors; // (application id, message)
    QString token; // the token stored with the hires
    QString error; // the transaction failed: nothing was stored
    bool stored = false; // the worker committed the hires (else the main thread does it with `hires`)
    bool skipped = false; // cancelled before the transaction began
};

HireSync::HireSync(AshbyClient* ashby, Ledger* ledger, const Options& options, QObject* parent)
    : QObject(parent)
    , m_ashby(ashby)
    , m_ledger(ledger)
    , m_options(options)
{
    qRegisterMetaType<HireSync::Result>();
}

void HireSync::start()
{
    if (!m_options.full && m_ledger) {
        m_token = m_ledger->syncToken(syncStream());
    }
    m_result.incremental = !m_token.isEmpty();
    qCInfo(lcSync) << (m_result.incremental ? "incremental sync with the saved sync token" : "full sync");
    requestPage();
}

void HireSync::cancel()
{
    if (m_done) {
        return;
    }
    m_cancelled = true;
    if (m_storeThread) {
        // Too late once the transaction has begun: then the sync finishes as it would have. Before that, onStored()
        // finishes as cancelled.
        m_store->cancelled = true;
        return;
    }
    m_result.error = ApiError::make(
        ApiError::Kind::Cancelled, QStringLiteral("the sync was cancelled"), AshbyClient::serverName());
    finish();
}

void HireSync::requestPage()
{
    if (m_done || !m_ashby) {
        return;
    }
    QJsonObject body {{s("limit"), kPageSize}};
    if (m_token.isEmpty()) {
        body.insert(s("status"), s("Hired"));
    } else {
        // Incremental passes go without filters (Ashby does not promise to honour them with a token); hired
        // applications are picked out below.
        body.insert(s("syncToken"), m_token);
    }
    if (!m_cursor.isEmpty()) {
        body.insert(s("cursor"), m_cursor);
    }
    const int page = m_result.pages + 1;
    Q_EMIT progress(0, 0, tr("Reading hired applications from Ashby (page %1)…").arg(page));
    m_ashby->call(s("application.list"), body, QStringLiteral("application.list page %1").arg(page),
        [this](const AshbyResult& r) {
            if (m_done) {
                return;
            }
            if (!r.ok()) {
                const bool tokenRefused = r.error.code == QLatin1String("sync_token_expired")
                    || r.error.code == QLatin1String("incremental_sync_too_large");
                if (!m_token.isEmpty() && tokenRefused) {
                    qCInfo(lcSync) << "Ashby refused the sync token (" << r.error.code << "): running a full sync";
                    m_token.clear();
                    m_cursor.clear();
                    m_seenCursors.clear();
                    m_hires.clear();
                    m_indexById.clear();
                    m_result.pages = 0;
                    m_result.fellBackToFull = true;
                    requestPage();
                    return;
                }
                m_result.error = r.error;
                finish();
                return;
            }
            onPage(r.envelope);
        });
}

void HireSync::onPage(const QJsonObject& envelope)
{
    ++m_result.pages;
    const QString context = QStringLiteral("application.list page %1").arg(m_result.pages);
    auto pageError = [&](const QString& message) {
        m_result.error = ApiError::make(ApiError::Kind::Parse, message, AshbyClient::serverName());
        m_result.error.context = context;
        finish();
    };
    const auto results = envelope.value(s("results"));
    if (!results.isArray()) {
        pageError(QStringLiteral("field \"results\" is not an array"));
        return;
    }
    const auto items = results.toArray();
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (!items.at(i).isObject()) {
            pageError(QStringLiteral("results[%1] is not an object").arg(i));
            return;
        }
        const auto app = items.at(i).toObject();
        const auto id = app.value(s("id"));
        if (!id.isString() || id.toString().isEmpty()) {
            pageError(QStringLiteral("results[%1].id is not a string").arg(i));
            return;
        }
        const auto status = app.value(s("status"));
        if (status.isUndefined() || status.isNull()) {
            // A full pass asked for hired applications only, so an item without a status is one of them; an
            // incremental pass is unfiltered, so there it cannot be told apart and is left out.
            if (!m_token.isEmpty()) {
                continue;
            }
        } else if (!status.isString()) {
            pageError(QStringLiteral("results[%1].status of application %2 is not a string").arg(i).arg(id.toString()));
            return;
        }
        if (status.isString() && status.toString() != QLatin1String("Hired")) {
            continue;
        }
        const QString key = id.toString();
        const auto existing = m_indexById.constFind(key);
        if (existing != m_indexById.constEnd()) {
            m_hires[*existing].application = app;
        } else {
            m_indexById.insert(key, m_hires.size());
            m_hires.append(Pending {app, {}, {}, false});
        }
    }
    const auto more = envelope.value(s("moreDataAvailable"));
    if (!more.isUndefined() && !more.isBool()) {
        pageError(QStringLiteral("field \"moreDataAvailable\" is not a boolean"));
        return;
    }
    if (more.toBool()) {
        const auto cursor = envelope.value(s("nextCursor"));
        if (!cursor.isString() || cursor.toString().isEmpty()) {
            pageError(QStringLiteral("moreDataAvailable is true but there is no \"nextCursor\""));
            return;
        }
        // A cursor seen before would page forever (memory growing with every pass): a server fault, said so.
        if (m_seenCursors.contains(cursor.toString())) {
            pageError(QStringLiteral("Ashby returned the cursor of an earlier page again; stopping to avoid a loop"));
            return;
        }
        if (m_result.pages >= kMaxPages) {
            pageError(QStringLiteral("more than %1 pages; stopping").arg(kMaxPages));
            return;
        }
        m_seenCursors.insert(cursor.toString());
        m_cursor = cursor.toString();
        requestPage();
        return;
    }
    m_newToken = envelope.value(s("syncToken")).toString();
    startDetails();
}

void HireSync::startDetails()
{
    if (m_hires.isEmpty()) {
        assembleAndCommit();
        return;
    }
    // Requests per run: one definitions pass, one job.info per job, one department/location/user lookup per id,
    // then candidate.info and offer.list per hire.
    m_detailCallsTotal = 0;
    fetchDefinitions(QString());
}

bool HireSync::abortOn(const ApiError& error)
{
    if (m_done) {
        return true;
    }
    const bool runLevel = error.isConnectionOrAuth() || error.kind == ApiError::Kind::RateLimited
        || error.kind == ApiError::Kind::Server || error.kind == ApiError::Kind::Cancelled
        || error.kind == ApiError::Kind::InvalidUrl || error.kind == ApiError::Kind::TooLarge;
    if (runLevel) {
        m_result.error = error;
        finish();
    }
    return runLevel;
}

void HireSync::hireFailed(const QString& applicationId, const ApiError& error)
{
    if (m_failedIds.contains(applicationId)) {
        return;
    }
    m_failedIds.insert(applicationId);
    ApiError e = error;
    const auto index = m_indexById.value(applicationId, -1);
    QString name;
    if (index >= 0) {
        name = m_hires.at(index).application.value(s("candidate")).toObject().value(s("name")).toString();
    }
    QString who = name.isEmpty() ? QStringLiteral("hire %1").arg(applicationId)
                                 : QStringLiteral("hire %1 (%2)").arg(applicationId, name);
    e.context = error.context.isEmpty() ? who : QStringLiteral("%1: %2").arg(who, error.context);
    m_result.hireErrors.append(e);
    qCWarning(lcSync) << e.toString();
}

void HireSync::phaseCallDone()
{
    ++m_detailCallsDone;
    Q_EMIT progress(
        m_detailCallsDone, qMax(m_detailCallsTotal, m_detailCallsDone), tr("Reading hire details from Ashby…"));
    if (--m_outstanding == 0 && !m_done && m_nextPhase) {
        auto next = m_nextPhase;
        m_nextPhase = nullptr;
        (this->*next)();
    }
}

void HireSync::fetchDefinitions(const QString& cursor)
{
    if (cursor.isEmpty()) {
        m_definitionCursors.clear();
    }
    QJsonObject body {{s("limit"), kPageSize}, {s("includeArchived"), true}};
    if (!cursor.isEmpty()) {
        body.insert(s("cursor"), cursor);
    }
    m_ashby->call(s("customField.list"), body, s("customField.list"), [this](const AshbyResult& r) {
        if (m_done) {
            return;
        }
        if (!r.ok()) {
            if (abortOn(r.error)) {
                return;
            }
            // Without definitions, values are still kept; only their declared types are unknown.
            qCWarning(lcSync) << "custom field definitions unavailable:" << r.error.toString();
            fetchJobs();
            return;
        }
        QString error;
        const auto defs = HireAssembler::parseDefinitions(r.results(), &error);
        if (!error.isEmpty()) {
            qCWarning(lcSync) << error;
        }
        m_definitions.insert(defs);
        for (const auto& d : r.results().toArray()) {
            m_definitionsJson.append(d);
        }
        const QString next = r.envelope.value(s("nextCursor")).toString();
        if (r.envelope.value(s("moreDataAvailable")).toBool() && !next.isEmpty()) {
            if (m_definitionCursors.contains(next) || m_definitionCursors.size() >= kMaxPages) {
                m_result.error = ApiError::make(ApiError::Kind::Parse,
                    m_definitionCursors.contains(next)
                        ? QStringLiteral("Ashby returned the cursor of an earlier page again; stopping to avoid a loop")
                        : QStringLiteral("more than %1 pages; stopping").arg(kMaxPages),
                    AshbyClient::serverName());
                m_result.error.context = QStringLiteral("customField.list page %1").arg(m_definitionCursors.size() + 1);
                finish();
                return;
            }
            m_definitionCursors.insert(next);
            fetchDefinitions(next);
        } else {
            m_definitionsComplete = true;
            fetchJobs();
        }
    });
}

void HireSync::fetchJobs()
{
    QSet<QString> jobIds;
    for (const auto& p : std::as_const(m_hires)) {
        const QString id = p.application.value(s("job")).toObject().value(s("id")).toString();
        if (!id.isEmpty()) {
            jobIds.insert(id);
        }
    }
    m_nextPhase = &HireSync::fetchLookups;
    if (jobIds.isEmpty()) {
        fetchLookups();
        return;
    }
    m_outstanding = int(jobIds.size());
    m_detailCallsTotal += m_outstanding;
    for (const auto& id : std::as_const(jobIds)) {
        m_ashby->call(s("job.info"), QJsonObject {{s("id"), id}}, QStringLiteral("job.info %1").arg(id),
            [this, id](const AshbyResult& r) {
                if (m_done) {
                    return;
                }
                if (!r.ok()) {
                    if (abortOn(r.error)) {
                        return;
                    }
                    qCWarning(lcSync) << r.error.toString();
                } else if (r.results().isObject()) {
                    m_jobs.insert(id, r.results().toObject());
                } else {
                    qCWarning(lcSync) << "job.info" << id << ": results is not an object";
                }
                phaseCallDone();
            });
    }
}

void HireSync::fetchLookups()
{
    QSet<QString> departments;
    QSet<QString> locations;
    QSet<QString> users;
    for (const auto& p : std::as_const(m_hires)) {
        const auto summary = p.application.value(s("job")).toObject();
        const auto job = m_jobs.value(summary.value(s("id")).toString());
        QString dep = job.value(s("departmentId")).toString();
        if (dep.isEmpty()) {
            dep = summary.value(s("departmentId")).toString();
        }
        QString loc = job.value(s("locationId")).toString();
        if (loc.isEmpty()) {
            loc = summary.value(s("locationId")).toString();
        }
        if (!dep.isEmpty()) {
            departments.insert(dep);
        }
        if (!loc.isEmpty()) {
            locations.insert(loc);
        }
        PersonRef manager = HireAssembler::hiringManagerFrom(p.application.value(s("hiringTeam")).toArray());
        if (manager.isEmpty()) {
            manager = HireAssembler::hiringManagerFrom(job.value(s("hiringTeam")).toArray());
        }
        if (!manager.id.isEmpty() && manager.email.isEmpty()) {
            users.insert(manager.id);
        }
    }
    m_nextPhase = &HireSync::fetchPerHire;
    m_outstanding = int(departments.size() + locations.size() + users.size());
    if (m_outstanding == 0) {
        fetchPerHire();
        return;
    }
    m_detailCallsTotal += m_outstanding;
    auto lookup = [this](const QString& endpoint, const QString& key, const QString& id, QHash<QString, QString>* out) {
        m_ashby->call(endpoint, QJsonObject {{key, id}}, QStringLiteral("%1 %2").arg(endpoint, id),
            [this, id, out](const AshbyResult& r) {
                if (m_done) {
                    return;
                }
                if (!r.ok()) {
                    if (abortOn(r.error)) {
                        return;
                    }
                    qCWarning(lcSync) << r.error.toString();
                } else {
                    out->insert(id, r.results().toObject().value(s("name")).toString());
                }
                phaseCallDone();
            });
    };
    for (const auto& id : std::as_const(departments)) {
        lookup(s("department.info"), s("departmentId"), id, &m_departmentNames);
    }
    for (const auto& id : std::as_const(locations)) {
        lookup(s("location.info"), s("locationId"), id, &m_locationNames);
    }
    for (const auto& id : std::as_const(users)) {
        m_ashby->call(s("user.info"), QJsonObject {{s("userId"), id}}, QStringLiteral("user.info %1").arg(id),
            [this, id](const AshbyResult& r) {
                if (m_done) {
                    return;
                }
                if (!r.ok()) {
                    if (abortOn(r.error)) {
                        return;
                    }
                    qCWarning(lcSync) << r.error.toString();
                } else {
                    const auto u = r.results().toObject();
                    m_users.insert(id,
                        PersonRef {id, u.value(s("firstName")).toString(), u.value(s("lastName")).toString(),
                            u.value(s("email")).toString().trimmed()});
                }
                phaseCallDone();
            });
    }
}

void HireSync::fetchPerHire()
{
    m_nextPhase = &HireSync::assembleAndCommit;
    m_outstanding = 0;
    QList<qsizetype> todo;
    for (qsizetype i = 0; i < m_hires.size(); ++i) {
        const auto& app = m_hires.at(i).application;
        const QString appId = app.value(s("id")).toString();
        const auto cid = app.value(s("candidate")).toObject().value(s("id"));
        if (!cid.isString() || cid.toString().isEmpty()) {
            hireFailed(appId,
                ApiError::make(ApiError::Kind::Parse,
                    QStringLiteral("field \"candidate.id\" is %1, expected a string").arg(JsonReader::typeName(cid)),
                    AshbyClient::serverName()));
            continue;
        }
        todo.append(i);
    }
    m_outstanding = int(todo.size() * 2);
    m_detailCallsTotal += m_outstanding;
    if (m_outstanding == 0) {
        assembleAndCommit();
        return;
    }
    m_perHireTodo = todo;
    m_perHireNext = 0;
    issuePerHireCalls();
}

void HireSync::issuePerHireCalls()
{
    if (m_done || !m_ashby) {
        return;
    }
    // Queuing the two calls of 1,000 hires in one go held the event loop for some 20 ms (more with more hires), while
    // the client sends only a few at a time anyway: queue a slice per turn of the event loop, far ahead of the sending.
    const qsizetype end = qMin(m_perHireNext + kPerHireSlice, m_perHireTodo.size());
    for (; m_perHireNext < end; ++m_perHireNext) {
        const qsizetype i = m_perHireTodo.at(m_perHireNext);
        const QString appId = m_hires.at(i).application.value(s("id")).toString();
        const QString candidateId
            = m_hires.at(i).application.value(s("candidate")).toObject().value(s("id")).toString();
        callPerHire(s("candidate.info"), QJsonObject {{s("id"), candidateId}},
            QStringLiteral("candidate.info %1").arg(candidateId), appId, QJsonValue::Object,
            [this, i](const QJsonValue& v) { m_hires[i].candidate = v.toObject(); });
        callPerHire(s("offer.list"), QJsonObject {{s("applicationId"), appId}, {s("limit"), kPageSize}},
            QStringLiteral("offer.list for application %1").arg(appId), appId, QJsonValue::Array,
            [this, i](const QJsonValue& v) { m_hires[i].offers = v.toArray(); });
    }
    if (m_perHireNext < m_perHireTodo.size()) {
        QTimer::singleShot(0, this, &HireSync::issuePerHireCalls);
    }
}

// Both per-hire calls share one rule: a run-level error aborts, anything else fails this hire only.
void HireSync::callPerHire(const QString& endpoint, const QJsonObject& body, const QString& context,
    const QString& appId, QJsonValue::Type expected, const std::function<void(const QJsonValue&)>& store)
{
    m_ashby->call(endpoint, body, context, [this, endpoint, appId, expected, store](const AshbyResult& r) {
        if (m_done) {
            return;
        }
        if (!r.ok()) {
            if (abortOn(r.error)) {
                return;
            }
            hireFailed(appId, r.error);
        } else if (r.results().type() != expected) {
            hireFailed(appId,
                ApiError::make(ApiError::Kind::Parse,
                    QStringLiteral("%1: field \"results\" is %2, expected %3")
                        .arg(endpoint, JsonReader::typeName(r.results()),
                            expected == QJsonValue::Array ? s("an array") : s("an object")),
                    AshbyClient::serverName()));
        } else {
            store(r.results());
        }
        phaseCallDone();
    });
}

HireSync::~HireSync()
{
    if (m_storeThread) {
        m_store->cancelled = true;
        m_storeThread->wait();
        delete m_storeThread;
    }
}

void HireSync::assembleAndCommit()
{
    if (m_done) {
        return;
    }
    m_store = std::make_shared<Store>();
    Store& store = *m_store;
    store.pending = m_hires;
    store.failedIds = m_failedIds;
    store.jobs = m_jobs;
    store.departmentNames = m_departmentNames;
    store.locationNames = m_locationNames;
    store.users = m_users;
    store.definitions = m_definitions;
    store.definitionsJson = m_definitionsJson;
    store.definitionsComplete = m_definitionsComplete;
    if (m_ledger && m_ledger->isOpen()) {
        store.ledgerDirectory = QFileInfo(m_ledger->filePath()).absolutePath();
    }
    store.targets = m_options.targets;
    store.newToken = m_newToken;
    // A hire that could not be read must be fetched again next time: keep the old position in that case.
    store.keptToken = (m_result.incremental && !m_result.fellBackToFull) ? m_token : QString();
    store.hadHireErrors = !m_result.hireErrors.isEmpty();

    m_storeThread = QThread::create([job = m_store] { runStore(*job); });
    m_storeThread->setObjectName(QStringLiteral("HireSync store"));
    connect(m_storeThread, &QThread::finished, this, &HireSync::onStored);
    m_storeThread->start();
    // Only now: a receiver may cancel right away, and that needs the running store to tell.
    Q_EMIT progress(0, 0, tr("Storing %n hire(s)…", nullptr, int(m_hires.size() - m_failedIds.size())));
}

void HireSync::runStore(Store& store)
{
    for (const auto& p : std::as_const(store.pending)) {
        const QString appId = p.application.value(s("id")).toString();
        if (store.failedIds.contains(appId)) {
            continue;
        }
        HireAssembler::Input in;
        in.application = p.application;
        in.candidate = p.candidate;
        in.offers = p.offers;
        const auto summary = p.application.value(s("job")).toObject();
        in.job = store.jobs.value(summary.value(s("id")).toString());
        QString dep = in.job.value(s("departmentId")).toString();
        if (dep.isEmpty()) {
            dep = summary.value(s("departmentId")).toString();
        }
        QString loc = in.job.value(s("locationId")).toString();
        if (loc.isEmpty()) {
            loc = summary.value(s("locationId")).toString();
        }
        in.departmentName = store.departmentNames.value(dep);
        in.locationName = store.locationNames.value(loc);
        PersonRef manager = HireAssembler::hiringManagerFrom(p.application.value(s("hiringTeam")).toArray());
        if (manager.isEmpty()) {
            manager = HireAssembler::hiringManagerFrom(in.job.value(s("hiringTeam")).toArray());
        }
        if (!manager.id.isEmpty() && manager.email.isEmpty() && store.users.contains(manager.id)) {
            manager = store.users.value(manager.id);
        }
        in.hiringManager = manager;
        in.definitions = store.definitions;
        QString error;
        auto hire = HireAssembler::assemble(in, &error);
        if (!hire) {
            store.assemblyErrors.append({appId, error});
            continue;
        }
        store.hires.append(std::move(*hire));
    }
    store.token = (store.hadHireErrors || !store.assemblyErrors.isEmpty()) ? store.keptToken : store.newToken;
    for (const auto& h : std::as_const(store.hires)) {
        store.storedIds.append(h.applicationId);
    }
    if (store.ledgerDirectory.isEmpty() || store.cancelled) {
        store.skipped = store.cancelled;
        return;
    }

    // A Ledger is one connection for one thread: this thread opens its own on the same file. WAL lets the main
    // thread keep reading while this one writes.
    Ledger ledger;
    QString error;
    if (!ledger.open(store.ledgerDirectory, &error)) {
        qCWarning(lcSync) << "storing on the main thread: no ledger connection for the worker:" << error;
        return; // stored stays false: the main thread commits through its own connection
    }
    if (store.cancelled) {
        store.skipped = true;
        return;
    }
    if (!ledger.commitSync(store.hires, store.targets, syncStream(), store.token, &error)) {
        store.error = error;
        return;
    }
    store.stored = true;
    store.hires.clear(); // not needed any more, and freed on this thread rather than the main one
    if (store.definitionsComplete) {
        // The mapping editor lists these; a failure here costs only freshness, never the sync.
        if (!ledger.storeCatalog(sourceCatalogKey(), QJsonObject {{s("definitions"), store.definitionsJson}},
                QDateTime::currentDateTimeUtc(), &error)) {
            qCWarning(lcSync) << "could not cache the custom field definitions:" << error;
        }
    }
}

void HireSync::onStored()
{
    m_storeThread->wait();
    m_storeThread->deleteLater();
    m_storeThread = nullptr;
    const std::shared_ptr<Store> store = std::exchange(m_store, nullptr);
    if (m_done) {
        return;
    }
    if (store->skipped || (!store->stored && m_cancelled)) {
        m_result.error = ApiError::make(
            ApiError::Kind::Cancelled, QStringLiteral("the sync was cancelled"), AshbyClient::serverName());
        finish();
        return;
    }
    for (const auto& [applicationId, message] : std::as_const(store->assemblyErrors)) {
        hireFailed(applicationId, ApiError::make(ApiError::Kind::Parse, message, AshbyClient::serverName()));
    }
    if (!store->error.isEmpty()) {
        m_result.error = ApiError::make(ApiError::Kind::Api, store->error, QStringLiteral("Ledger"));
        finish();
        return;
    }
    if (!store->stored && m_ledger) {
        // The worker had no connection of its own: store through the caller's, as before (a ledger that is not open
        // reports that here).
        QString error;
        if (!m_ledger->commitSync(store->hires, m_options.targets, syncStream(), store->token, &error)) {
            m_result.error = ApiError::make(ApiError::Kind::Api, error, QStringLiteral("Ledger"));
            finish();
            return;
        }
        if (m_definitionsComplete
            && !m_ledger->storeCatalog(sourceCatalogKey(), QJsonObject {{s("definitions"), m_definitionsJson}},
                QDateTime::currentDateTimeUtc(), &error)) {
            qCWarning(lcSync) << "could not cache the custom field definitions:" << error;
        }
    }
    m_result.tokenSaved = !store->token.isEmpty();
    m_result.hiresStored = int(store->storedIds.size());
    m_result.storedIds = store->storedIds;
    finish();
}

void HireSync::finish()
{
    if (m_done) {
        return;
    }
    m_done = true;
    Q_EMIT finished(m_result);
}
