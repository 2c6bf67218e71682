// The waits servers ask for: RequestJob::hintDelayMs and serverWaitMs on header values. The input is
// "<Retry-After>\n<X-RateLimit-Reset>\n<X-RateLimit-Remaining>" (missing lines are absent headers), tried against a
// few clocks, limits and statuses. Whatever the headers say, the wait is -1 (none usable) or within [0, maxMs].

#include "FuzzSupport.h"
#include "http/RequestJob.h"

#include <QList>
#include <QTimeZone>

#include <limits>

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    fuzz::init();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QList<QByteArray> lines = fuzz::bytes(data, size).split('\n');
    const QByteArray retryAfter = lines.value(0);
    const QByteArray reset = lines.value(1);
    const QByteArray remaining = lines.value(2);
    static const QList<QDateTime> clocks {
        QDateTime(QDate(2026, 1, 1), QTime(0, 0), QTimeZone::utc()),
        QDateTime(QDate(1970, 1, 1), QTime(0, 0), QTimeZone::utc()),
        QDateTime(QDate(2099, 12, 31), QTime(23, 59, 59, 999), QTimeZone::utc()),
    };
    for (const QDateTime& now : clocks) {
        for (const int maxMs : {0, 1, 600000, std::numeric_limits<int>::max()}) {
            const int hint = RequestJob::hintDelayMs(retryAfter, reset, now, maxMs);
            fuzz::require(
                hint == -1 || (hint >= 0 && hint <= maxMs), "hintDelayMs outside [0, maxMs]", QString::number(hint));
            for (const int status : {429, 503, 502, 200}) {
                const int wait = RequestJob::serverWaitMs(status, retryAfter, remaining, reset, now, maxMs);
                fuzz::require(wait == -1 || (wait >= 0 && wait <= maxMs), "serverWaitMs outside [0, maxMs]",
                    QString::number(wait));
            }
        }
    }
    return 0;
}
