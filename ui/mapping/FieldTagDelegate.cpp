#include "FieldTagDelegate.h"

#include "models/FieldNodeKind.h"
#include "models/ItemRoles.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

namespace {

constexpr int TagPadding = 5;
constexpr int TagSpacing = 4;
constexpr int TagGap = 6;

QColor mix(const QColor& from, const QColor& to, qreal amount)
{
    return QColor::fromRgbF(float(from.redF() + (to.redF() - from.redF()) * amount),
        float(from.greenF() + (to.greenF() - from.greenF()) * amount),
        float(from.blueF() + (to.blueF() - from.blueF()) * amount));
}

bool isDark(const QPalette& palette)
{
    return palette.color(QPalette::Active, QPalette::Base).lightnessF() < 0.5;
}

QFont tagFont(const QFont& base)
{
    QFont font = base;
    font.setPointSizeF(std::max(7.0, base.pointSizeF() * 0.85));
    font.setWeight(QFont::DemiBold);
    return font;
}

} // namespace

FieldTagDelegate::FieldTagDelegate(int mappedFromColumn, QObject* parent)
    : QStyledItemDelegate(parent)
    , m_mappedFromColumn(mappedFromColumn)
{
}

QColor FieldTagDelegate::accentColor(Accent accent, const QPalette& palette)
{
    const bool dark = isDark(palette);
    switch (accent) {
    case Accent::Custom:
        return dark ? QColor(0xc9, 0xa8, 0xff) : QColor(0x63, 0x3a, 0xae);
    case Accent::Required:
        return dark ? QColor(0x8a, 0xb4, 0xf8) : QColor(0x1a, 0x56, 0xb0);
    case Accent::Error:
        return dark ? QColor(0xf2, 0x8b, 0x82) : QColor(0xb0, 0x24, 0x1c);
    case Accent::Warning:
        return dark ? QColor(0xf2, 0xc2, 0x6b) : QColor(0x80, 0x52, 0x00);
    case Accent::Success:
        return dark ? QColor(0x7b, 0xd8, 0x8f) : QColor(0x1b, 0x6e, 0x30);
    }
    return palette.color(QPalette::Text);
}

FieldTagDelegate::Tone FieldTagDelegate::tone(Accent accent, const QPalette& palette)
{
    const QColor base = palette.color(QPalette::Active, QPalette::Base);
    const QColor color = accentColor(accent, palette);
    const bool dark = isDark(palette);
    return {color, mix(base, color, dark ? 0.2 : 0.1), mix(base, color, dark ? 0.45 : 0.35)};
}

QList<FieldTagDelegate::Tag> FieldTagDelegate::tagsFor(const QModelIndex& index) const
{
    QList<Tag> tags;
    if (index.column() != 0 || index.data(ItemRoles::NodeKindRole).toInt() != int(FieldNodeKind::Field)) {
        return tags;
    }
    if (index.data(ItemRoles::RequiredFieldRole).toBool()) {
        tags.append({tr("required"), Accent::Required});
    }
    if (index.data(ItemRoles::CustomFieldRole).toBool()) {
        tags.append({tr("custom"), Accent::Custom});
    }
    return tags;
}

int FieldTagDelegate::tagsWidth(const QList<Tag>& tags, const QFont& font) const
{
    if (tags.isEmpty()) {
        return 0;
    }
    const QFontMetrics metrics(tagFont(font));
    int width = TagGap;
    for (const Tag& tag : tags) {
        width += metrics.horizontalAdvance(tag.text) + 2 * TagPadding + TagSpacing;
    }
    return width;
}

void FieldTagDelegate::initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const auto kind = FieldNodeKind(index.data(ItemRoles::NodeKindRole).toInt());
    if (kind == FieldNodeKind::Group && index.column() == 0) {
        option->font.setWeight(QFont::DemiBold);
        option->fontMetrics = QFontMetrics(option->font);
    } else if (kind == FieldNodeKind::Placeholder) {
        option->font.setItalic(true);
        option->fontMetrics = QFontMetrics(option->font);
        // Explanations are long; let the tooltip carry what does not fit rather than widening the tree.
        option->textElideMode = Qt::ElideRight;
    } else if (kind == FieldNodeKind::Field && index.column() == m_mappedFromColumn && option->text.isEmpty()
        && index.siblingAtColumn(0).data(ItemRoles::RequiredFieldRole).toBool()) {
        option->text = tr("Not mapped");
        option->font.setItalic(true);
        option->fontMetrics = QFontMetrics(option->font);
        option->palette.setColor(QPalette::Text, accentColor(Accent::Error, option->palette));
    }
}

void FieldTagDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QList<Tag> tags = tagsFor(index);
    if (tags.isEmpty()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QWidget* widget = opt.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();

    // The name comes first: tags are shown only while the name keeps most of the room, otherwise they shrink to
    // coloured dots (the tooltip and accessible text still say what they mean).
    const QRect textRect = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, widget);
    const int textMargin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, widget) + 1;
    const int available = std::max(0, textRect.width() - 2 * textMargin);
    const int nameWidth = opt.fontMetrics.horizontalAdvance(opt.text);
    const int wanted = std::min(nameWidth, available / 2);
    const bool asDots = available - tagsWidth(tags, opt.font) < wanted;
    const int dot = std::max(6, opt.fontMetrics.height() / 3);
    const int reserved = asDots ? int(tags.size()) * (dot + TagSpacing) + TagSpacing : tagsWidth(tags, opt.font);
    const QString name = opt.fontMetrics.elidedText(opt.text, Qt::ElideRight, std::max(0, available - reserved));
    opt.text = name;
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const QFont font = tagFont(opt.font);
    const QFontMetrics metrics(font);
    const int height = metrics.height() + 2;
    int x = textRect.left() + textMargin + opt.fontMetrics.horizontalAdvance(name) + (asDots ? TagSpacing : TagGap);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setFont(font);
    for (const Tag& tag : std::as_const(tags)) {
        const Tone colors = tone(tag.accent, opt.palette);
        if (asDots) {
            painter->setPen(Qt::NoPen);
            painter->setBrush(colors.text);
            painter->drawEllipse(QRectF(x, textRect.center().y() - dot / 2.0 + 0.5, dot, dot));
            x += dot + TagSpacing;
            continue;
        }
        const int width = metrics.horizontalAdvance(tag.text) + 2 * TagPadding;
        const QRectF pill(x, textRect.center().y() - height / 2.0 + 0.5, width, height);
        QPainterPath path;
        path.addRoundedRect(pill.adjusted(0.5, 0.5, -0.5, -0.5), height / 2.0, height / 2.0);
        painter->setPen(QPen(colors.border, 1));
        painter->setBrush(colors.fill);
        painter->drawPath(path);
        painter->setPen(colors.text);
        painter->drawText(pill, Qt::AlignCenter, tag.text);
        x += width + TagSpacing;
    }
    painter->restore();
}

QSize FieldTagDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.rwidth() += tagsWidth(tagsFor(index), option.font);
    size.setHeight(std::max(size.height(), option.fontMetrics.height() + 8));
    return size;
}
