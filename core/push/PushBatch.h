#pragma once

#include "push/PushRun.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>

class AshbyClient;
class HrisConnector;
class Ledger;
class MappingEngine;

// Pushes to several targets at once: one PushRun per target (each target has its own host, so they do not wait for
// each other), merged into one result in the order the parts were given. The CLI and the dashboard both use it.
class PushBatch : public QObject
{
    Q_OBJECT
public:
    struct Part
    {
        HrisConnector* connector = nullptr;
        const MappingEngine* engine = nullptr; // may be null: the connector's default fields
        PushRun::Options options;
    };

    // `ashby` (may be null) is where documents come from.
    PushBatch(Ledger* ledger, const QList<Part>& parts, AshbyClient* ashby, QObject* parent = nullptr);

    void start();
    void cancel();
    QStringList targets() const;

Q_SIGNALS:
    void progress(int done, int total, const QString& message);
    void itemFinished(const PushRun::Item& item);
    // `result.error` is the most serious run-level error (credentials or network before anything else); every
    // target's own error is in `errors`.
    void finished(const PushRun::Result& result, const QHash<QString, ApiError>& errors);

private:
    void onRunFinished(int index, const PushRun::Result& result);

    QList<QPointer<PushRun>> m_runs;
    QList<PushRun::Result> m_results;
    QList<bool> m_done;
    QList<QPair<int, int>> m_progress; // per run: done, total
    QStringList m_targets;
    int m_remaining = 0;
};
