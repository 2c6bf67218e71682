#include "PushBatch.h"

#include "hris/HrisConnector.h"

namespace {

// Which run-level error the merged result reports: what stops every later run first.
int severity(const ApiError& e)
{
    if (!e.isError()) {
        return 0;
    }
    if (e.kind == ApiError::Kind::Cancelled) {
        return 1;
    }
    return e.isConnectionOrAuth() ? 3 : 2;
}

} // namespace

PushBatch::PushBatch(Ledger* ledger, const QList<Part>& parts, AshbyClient* ashby, QObject* parent)
    : QObject(parent)
{
    for (const auto& part : parts) {
        const int index = int(m_runs.size());
        auto* run = new PushRun(ledger, part.connector, part.options, this, part.engine);
        if (ashby) {
            run->setDocumentSource(ashby);
        }
        m_runs.append(run);
        m_results.append(PushRun::Result());
        m_done.append(false);
        m_progress.append({0, 0});
        m_targets.append(run->target());
        connect(run, &PushRun::itemFinished, this, &PushBatch::itemFinished);
        connect(run, &PushRun::progress, this, [this, index](int done, int total, const QString& message) {
            m_progress[index] = {done, total};
            int allDone = 0;
            int allTotal = 0;
            for (const auto& [d, t] : std::as_const(m_progress)) {
                allDone += d;
                allTotal += t;
            }
            Q_EMIT progress(allDone, allTotal, message);
        });
        connect(run, &PushRun::finished, this,
            [this, index](const PushRun::Result& result) { onRunFinished(index, result); });
    }
    m_remaining = int(m_runs.size());
}

QStringList PushBatch::targets() const
{
    return m_targets;
}

void PushBatch::start()
{
    if (m_runs.isEmpty()) {
        Q_EMIT finished(PushRun::Result(), {});
        return;
    }
    // Copied first: a run that finishes synchronously (nothing to do) must not change the list being walked.
    const auto runs = m_runs;
    for (const auto& run : runs) {
        if (run) {
            run->start();
        }
    }
}

void PushBatch::cancel()
{
    for (const auto& run : std::as_const(m_runs)) {
        if (run) {
            run->cancel();
        }
    }
}

void PushBatch::onRunFinished(int index, const PushRun::Result& result)
{
    if (m_done.at(index)) {
        return;
    }
    m_done[index] = true;
    m_results[index] = result;
    if (--m_remaining > 0) {
        return;
    }
    PushRun::Result merged;
    QHash<QString, ApiError> errors;
    for (int i = 0; i < m_results.size(); ++i) {
        const auto& r = m_results.at(i);
        merged.items += r.items;
        if (r.error.isError()) {
            errors.insert(m_targets.at(i), r.error);
            if (severity(r.error) > severity(merged.error)) {
                merged.error = r.error;
            }
        }
    }
    Q_EMIT finished(merged, errors);
}
