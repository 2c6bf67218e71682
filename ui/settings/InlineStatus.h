#pragma once

#include <QFrame>

class QLabel;
class QProgressBar;

// The inline result of a check on a page: a busy bar while it runs, then a green, amber or red message. Replaces a
// message box, which would block the page (and an offscreen test) while the admin reads it.
class InlineStatus : public QFrame
{
    Q_OBJECT
public:
    enum class State { Idle, Busy, Ok, Warning, Error };

    explicit InlineStatus(QWidget* parent = nullptr);

    void clear();
    void showBusy(const QString& text);
    void showOk(const QString& text);
    void showWarning(const QString& text);
    void showError(const QString& text);

    State state() const { return m_state; }
    QString text() const;

private:
    void show(State state, const QString& text);

    State m_state = State::Idle;
    QProgressBar* m_busy;
    QLabel* m_label;
};
