#include "HttpRequest.h"

#include <QRandomGenerator>

#include <algorithm>

int RetryPolicy::backoffMs(int attempt) const
{
    if (attempt < 2 || baseDelayMs <= 0 || maxDelayMs <= 0) {
        return 0;
    }
    qint64 delay = baseDelayMs;
    for (int i = 2; i < attempt && delay < maxDelayMs; ++i) {
        delay *= 2;
    }
    delay = std::min<qint64>(delay, maxDelayMs);
    if (jitter) {
        // Spreads clients that failed together (one 503 burst) so they do not come back in lockstep.
        const qint64 low = delay / 2;
        delay = low + QRandomGenerator::global()->bounded(static_cast<int>(delay - low + 1));
    }
    return static_cast<int>(delay);
}
