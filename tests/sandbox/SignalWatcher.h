#pragma once

#include <QObject>

class QSocketNotifier;

// Turns SIGTERM/SIGINT into a Qt signal (self-pipe), so the sandbox leaves its event loop and
// closes its listening sockets normally instead of dying inside a signal handler.
class SignalWatcher : public QObject
{
    Q_OBJECT

public:
    explicit SignalWatcher(QObject* parent = nullptr);
    ~SignalWatcher() override;

Q_SIGNALS:
    void terminationRequested(int signalNumber);

private:
    void onReadable();
    static void handleSignal(int signalNumber);

    static int s_fds[2];
    QSocketNotifier* m_notifier = nullptr;
};
