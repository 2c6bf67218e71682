#include "InlineStatus.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>

InlineStatus::InlineStatus(QWidget* parent)
    : QFrame(parent)
    , m_busy(new QProgressBar(this))
    , m_label(new QLabel(this))
{
    setObjectName(QStringLiteral("inlineStatus"));
    m_busy->setObjectName(QStringLiteral("inlineStatusBusy"));
    m_busy->setRange(0, 0); // no known end: an animated "working" bar
    m_busy->setTextVisible(false);
    m_busy->setFixedWidth(80);
    m_busy->setMaximumHeight(14);
    m_label->setObjectName(QStringLiteral("inlineStatusText"));
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_label->setTextFormat(Qt::PlainText);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->addWidget(m_busy, 0, Qt::AlignTop);
    layout->addWidget(m_label, 1);
    clear();
}

QString InlineStatus::text() const
{
    return m_label->text();
}

void InlineStatus::clear()
{
    show(State::Idle, {});
}

void InlineStatus::showBusy(const QString& text)
{
    show(State::Busy, text);
}

void InlineStatus::showOk(const QString& text)
{
    show(State::Ok, text);
}

void InlineStatus::showWarning(const QString& text)
{
    show(State::Warning, text);
}

void InlineStatus::showError(const QString& text)
{
    show(State::Error, text);
}

void InlineStatus::show(State state, const QString& text)
{
    m_state = state;
    m_label->setText(text);
    m_busy->setVisible(state == State::Busy);
    setVisible(state != State::Idle);
    // Colours that read on light and dark palettes: a tinted background with a strong border.
    QString style;
    switch (state) {
    case State::Idle:
    case State::Busy:
        style = QStringLiteral("InlineStatus { border: 1px solid palette(mid); border-radius: 4px; }");
        break;
    case State::Ok:
        style = QStringLiteral("InlineStatus { background: rgba(46,160,67,0.12); border: 1px solid #2ea043; "
                               "border-radius: 4px; }");
        break;
    case State::Warning:
        style = QStringLiteral("InlineStatus { background: rgba(210,153,34,0.15); border: 1px solid #bf8700; "
                               "border-radius: 4px; }");
        break;
    case State::Error:
        style = QStringLiteral("InlineStatus { background: rgba(218,54,51,0.12); border: 1px solid #da3633; "
                               "border-radius: 4px; }");
        break;
    }
    setStyleSheet(style);
}
