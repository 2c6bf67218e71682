#include "PushStateDelegate.h"

#include "models/ItemRoles.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

namespace {

constexpr int PillHorizontalPadding = 8;
constexpr int PillVerticalPadding = 2;

QColor mix(const QColor& from, const QColor& to, qreal amount)
{
    return QColor::fromRgbF(float(from.redF() + (to.redF() - from.redF()) * amount),
        float(from.greenF() + (to.greenF() - from.greenF()) * amount),
        float(from.blueF() + (to.blueF() - from.blueF()) * amount));
}

// Accent per state, one tone for light and one for dark backgrounds; both keep the text at or above 4.5:1 contrast
// against the pill they sit on.
QColor accent(PushState state, bool dark)
{
    switch (state) {
    case PushState::Ready:
        return dark ? QColor(0x8a, 0xb4, 0xf8) : QColor(0x1a, 0x56, 0xb0);
    case PushState::Sending:
        return dark ? QColor(0xf2, 0xc2, 0x6b) : QColor(0x80, 0x52, 0x00);
    case PushState::Pushed:
        return dark ? QColor(0x7b, 0xd8, 0x8f) : QColor(0x1b, 0x6e, 0x30);
    case PushState::Failed:
        return dark ? QColor(0xf2, 0x8b, 0x82) : QColor(0xb0, 0x24, 0x1c);
    case PushState::Exists:
        return dark ? QColor(0xc9, 0xa8, 0xff) : QColor(0x63, 0x3a, 0xae);
    case PushState::Unknown:
        return dark ? QColor(0xff, 0xa6, 0x57) : QColor(0x9a, 0x40, 0x00);
    case PushState::Skipped:
        break;
    }
    return {};
}

QFont pillFont(const QFont& base)
{
    QFont font = base;
    font.setWeight(QFont::DemiBold);
    return font;
}

} // namespace

PushStateDelegate::PushStateDelegate(QObject* parent)
    : QStyledItemDelegate(parent)
{
}

PushStateDelegate::PillColors PushStateDelegate::pillColors(PushState state, const QPalette& palette)
{
    const QColor base = palette.color(QPalette::Active, QPalette::Base);
    const bool dark = base.lightnessF() < 0.5;
    // Skipped is deliberately neutral: it is a decision, not a problem.
    const QColor tone = state == PushState::Skipped ? mix(palette.color(QPalette::Active, QPalette::Text), base, 0.3)
                                                    : accent(state, dark);
    PillColors colors;
    colors.text = tone;
    colors.fill = mix(base, tone, dark ? 0.2 : 0.12);
    colors.border = mix(base, tone, dark ? 0.45 : 0.35);
    return colors;
}

void PushStateDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    const QVariant stateValue = index.data(ItemRoles::PushStateRole);
    if (!stateValue.isValid()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QWidget* widget = opt.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    const bool checkable = opt.features.testFlag(QStyleOptionViewItem::HasCheckIndicator);

    // Background, selection and focus frame from the style; the text is ours.
    QStyleOptionViewItem background = opt;
    background.text.clear();
    background.icon = QIcon();
    background.features &= ~QStyleOptionViewItem::HasCheckIndicator;
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);

    // Lay out as if every cell had a checkbox so the pills line up whether or not a record can be ticked.
    QStyleOptionViewItem layout = opt;
    layout.features |= QStyleOptionViewItem::HasCheckIndicator;
    const QRect checkRect = style->subElementRect(QStyle::SE_ItemViewItemCheckIndicator, &layout, widget);
    const QRect textRect = style->subElementRect(QStyle::SE_ItemViewItemText, &layout, widget);

    if (checkable) {
        QStyleOptionViewItem check = opt;
        check.rect = checkRect;
        check.state &= ~QStyle::State_HasFocus;
        check.state |= opt.checkState == Qt::Checked ? QStyle::State_On : QStyle::State_Off;
        // Fusion outlines the box with a darkened window colour, which vanishes against a dark base. Lightening the
        // window colour for the indicator only keeps the empty box visible; other styles ignore it.
        const QColor base = opt.palette.color(QPalette::Active, QPalette::Base);
        if (base.lightnessF() < 0.5) {
            check.palette.setColor(
                QPalette::Window, mix(base, opt.palette.color(QPalette::Active, QPalette::Text), 0.8));
        }
        style->drawPrimitive(QStyle::PE_IndicatorItemViewItemCheck, &check, painter, widget);
    }

    const auto state = PushState(stateValue.toInt());
    const PillColors colors = pillColors(state, opt.palette);
    const QFont font = pillFont(opt.font);
    const QFontMetrics metrics(font);
    const int height = metrics.height() + 2 * PillVerticalPadding;
    const int width = std::min(metrics.horizontalAdvance(opt.text) + 2 * PillHorizontalPadding, textRect.width());
    if (width <= 2 * PillHorizontalPadding) {
        return;
    }
    const QRectF pill(textRect.left() + 2, textRect.center().y() - height / 2.0 + 0.5, width, height);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QPainterPath path;
    path.addRoundedRect(pill.adjusted(0.5, 0.5, -0.5, -0.5), height / 2.0, height / 2.0);
    painter->setPen(QPen(colors.border, 1));
    painter->setBrush(colors.fill);
    painter->drawPath(path);
    painter->setFont(font);
    painter->setPen(colors.text);
    const QRectF textArea = pill.adjusted(PillHorizontalPadding, 0, -PillHorizontalPadding, 0);
    painter->drawText(
        textArea, Qt::AlignCenter, metrics.elidedText(opt.text, Qt::ElideRight, int(textArea.width()) + 1));
    painter->restore();
}

QSize PushStateDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    if (!index.data(ItemRoles::PushStateRole).isValid()) {
        return size;
    }
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QFontMetrics metrics(pillFont(opt.font));
    const QStyle* style = opt.widget ? opt.widget->style() : QApplication::style();
    const int check = style->pixelMetric(QStyle::PM_IndicatorWidth, &opt, opt.widget);
    const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, &opt, opt.widget) + 1;
    size.setWidth(check + 4 * margin + metrics.horizontalAdvance(opt.text) + 2 * PillHorizontalPadding + 4);
    size.setHeight(std::max(size.height(), metrics.height() + 2 * PillVerticalPadding + 4));
    return size;
}
