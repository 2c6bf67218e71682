#include "ErrorBanner.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QStyle>
#include <QToolButton>

namespace {

QColor errorTone(bool dark)
{
    return dark ? QColor(0xf2, 0x8b, 0x82) : QColor(0xb0, 0x24, 0x1c);
}

QColor infoTone(bool dark)
{
    return dark ? QColor(0x8a, 0xb4, 0xf8) : QColor(0x1a, 0x5f, 0xb4);
}

QColor mix(const QColor& from, const QColor& to, qreal amount)
{
    return QColor::fromRgbF(float(from.redF() + (to.redF() - from.redF()) * amount),
        float(from.greenF() + (to.greenF() - from.greenF()) * amount),
        float(from.blueF() + (to.blueF() - from.blueF()) * amount));
}

} // namespace

ErrorBanner::ErrorBanner(QWidget* parent)
    : QFrame(parent)
    , m_iconLabel(new QLabel(this))
    , m_textLabel(new QLabel(this))
    , m_dismissButton(new QToolButton(this))
{
    setObjectName(QStringLiteral("errorBanner"));
    setAccessibleName(tr("Error"));
    m_iconLabel->setObjectName(QStringLiteral("errorBannerIcon"));
    m_iconLabel->setAlignment(Qt::AlignTop);
    m_textLabel->setObjectName(QStringLiteral("errorBannerText"));
    m_textLabel->setWordWrap(true);
    m_textLabel->setTextFormat(Qt::PlainText);
    // Error texts name hires and servers: let the admin copy them into a ticket.
    m_textLabel->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_dismissButton->setObjectName(QStringLiteral("errorBannerDismissButton"));
    m_dismissButton->setText(tr("Dismiss"));
    m_dismissButton->setToolTip(tr("Hide this message"));
    m_dismissButton->setAutoRaise(true);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 8, 8, 8);
    layout->setSpacing(10);
    layout->addWidget(m_iconLabel, 0, Qt::AlignTop);
    layout->addWidget(m_textLabel, 1);
    layout->addWidget(m_dismissButton, 0, Qt::AlignTop);

    connect(m_dismissButton, &QToolButton::clicked, this, &ErrorBanner::onDismissClicked);
    updateIcon();
    hide();
}

QString ErrorBanner::text() const
{
    return m_textLabel->text();
}

void ErrorBanner::setDismissible(bool dismissible)
{
    m_dismissButton->setVisible(dismissible);
}

void ErrorBanner::setInformational(bool informational)
{
    m_informational = informational;
    setAccessibleName(informational ? tr("Information") : tr("Error"));
    updateIcon();
    update();
}

void ErrorBanner::showError(const QString& text)
{
    m_textLabel->setText(text);
    show();
}

void ErrorBanner::onDismissClicked()
{
    hide();
    Q_EMIT dismissed();
}

void ErrorBanner::paintEvent(QPaintEvent* event)
{
    Q_UNUSED(event)
    const QColor base = palette().color(QPalette::Base);
    const bool dark = palette().color(QPalette::Window).lightnessF() < 0.5;
    const QColor tone = m_informational ? infoTone(dark) : errorTone(dark);
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(mix(base, tone, 0.55), 1));
    painter.setBrush(mix(base, tone, 0.14));
    painter.drawRoundedRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6);
}

void ErrorBanner::changeEvent(QEvent* event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::StyleChange || event->type() == QEvent::PaletteChange) {
        updateIcon();
    }
}

void ErrorBanner::updateIcon()
{
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_iconLabel->setPixmap(
        style()
            ->standardIcon(
                m_informational ? QStyle::SP_MessageBoxInformation : QStyle::SP_MessageBoxCritical, nullptr, this)
            .pixmap(size, size));
}
