#pragma once

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QQueue>
#include <QTimer>

#include <functional>

// Spaces out request starts so that a limit the server publishes (Personio: 60 uploads a minute; 15 employee reads a
// second and 300 a minute) is kept on our side, instead of running into 429s whose retries give up before the
// window is over. Every window must have room for a start; what cannot start yet waits in order.
class RateGate : public QObject
{
    Q_OBJECT
public:
    struct Window
    {
        int maxStarts = 1;
        int windowMs = 1000;
    };

    explicit RateGate(const QList<Window>& windows, QObject* parent = nullptr);

    // Calls `start` now when every window has room, otherwise as soon as they do (in the order of the calls).
    void run(std::function<void()> start);
    int waiting() const { return int(m_waiting.size()); }

private:
    void drain();
    qint64 delayUntilFree() const; // 0 when a start may happen now

    QList<Window> m_windows;
    QList<qint64> m_starts; // elapsed ms of recent starts, oldest first
    QQueue<std::function<void()>> m_waiting;
    QElapsedTimer m_clock;
    QTimer m_timer;
};
