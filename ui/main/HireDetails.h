#pragma once

#include "Hire.h"
#include "ledger/Ledger.h"
#include "ledger/PushState.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QStringList>

// Everything the details pane shows for one hire: the hire itself, its push record per target, the payload the
// mapping renders for it with that rendering's problems, and the audit history (oldest first). Whoever owns the
// ledger and the mapping fills it in (MainWindow::setDetailsProvider).
struct HireDetails
{
    Hire hire;
    QList<PushRecord> records;
    QJsonObject payload;
    QStringList issues;
    QList<AuditEntry> audit;
    QList<DocumentRecord> documents; // per target and kind, for targets that take uploads
    // Per HR system (all configured ones): the body a push would send now and its problems. `payload` and `issues`
    // above are the first system's, shown first.
    QStringList payloadTargets;
    QHash<QString, QJsonObject> payloads;
    QHash<QString, QStringList> issuesByTarget;
};
