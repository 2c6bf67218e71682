#include "RateGate.h"

#include <algorithm>

RateGate::RateGate(const QList<Window>& windows, QObject* parent)
    : QObject(parent)
    , m_windows(windows)
{
    m_clock.start();
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &RateGate::drain);
}

qint64 RateGate::delayUntilFree() const
{
    const qint64 now = m_clock.elapsed();
    qint64 delay = 0;
    for (const auto& w : m_windows) {
        // Starts inside this window; when there are maxStarts of them, the oldest must leave it first.
        const auto first = std::lower_bound(m_starts.cbegin(), m_starts.cend(), now - w.windowMs + 1);
        const qsizetype inWindow = m_starts.cend() - first;
        if (inWindow >= w.maxStarts) {
            const qint64 oldestThatMustLeave = *(m_starts.cend() - w.maxStarts);
            delay = std::max(delay, oldestThatMustLeave + w.windowMs - now);
        }
    }
    return delay;
}

void RateGate::run(std::function<void()> start)
{
    m_waiting.enqueue(std::move(start));
    drain();
}

void RateGate::drain()
{
    while (!m_waiting.isEmpty()) {
        const qint64 delay = delayUntilFree();
        if (delay > 0) {
            if (!m_timer.isActive()) {
                m_timer.start(int(delay));
            }
            return;
        }
        m_starts.append(m_clock.elapsed());
        // Forget starts no window can see any more.
        qint64 longest = 0;
        for (const auto& w : m_windows) {
            longest = std::max<qint64>(longest, w.windowMs);
        }
        while (!m_starts.isEmpty() && m_starts.constFirst() <= m_clock.elapsed() - longest) {
            m_starts.removeFirst();
        }
        auto start = m_waiting.dequeue();
        start();
    }
}
