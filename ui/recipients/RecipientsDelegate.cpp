#include "RecipientsDelegate.h"

#include "mapping/FieldTagDelegate.h"
#include "models/ItemRoles.h"
#include "models/RecipientsModel.h"
#include "notify/Recipient.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

namespace {

constexpr int TagPadding = 7;
constexpr int TagGap = 10;

QFont tagFont(const QFont& base)
{
    QFont font = base;
    font.setPointSizeF(std::max(7.0, base.pointSizeF() * 0.85));
    font.setWeight(QFont::DemiBold);
    return font;
}

QColor mix(const QColor& from, const QColor& to, qreal amount)
{
    return QColor::fromRgbF(float(from.redF() + (to.redF() - from.redF()) * amount),
        float(from.greenF() + (to.greenF() - from.greenF()) * amount),
        float(from.blueF() + (to.blueF() - from.blueF()) * amount));
}

// Bob picks in the "required" blue, the set-up admin in the "custom" violet; typed addresses stay neutral grey, so
// no tag reads as a warning.
FieldTagDelegate::Tone toneFor(Recipient::Source source, const QPalette& palette)
{
    switch (source) {
    case Recipient::Source::BobDirectory:
        return FieldTagDelegate::tone(FieldTagDelegate::Accent::Required, palette);
    case Recipient::Source::SetupAdmin:
        return FieldTagDelegate::tone(FieldTagDelegate::Accent::Custom, palette);
    case Recipient::Source::Typed:
        break;
    }
    const QColor base = palette.color(QPalette::Active, QPalette::Base);
    const QColor text = palette.color(QPalette::Active, QPalette::Text);
    return {mix(base, text, 0.75), mix(base, text, 0.08), mix(base, text, 0.3)};
}

void drawPill(QPainter* painter, const QRectF& rect, const QString& text, const FieldTagDelegate::Tone& tone)
{
    QPainterPath path;
    path.addRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), rect.height() / 2.0, rect.height() / 2.0);
    painter->setPen(QPen(tone.border, 1));
    painter->setBrush(tone.fill);
    painter->drawPath(path);
    painter->setPen(tone.text);
    painter->drawText(rect, Qt::AlignCenter, text);
}

QColor dimmed(const QStyleOptionViewItem& option)
{
    if (option.state & QStyle::State_Selected) {
        QColor color = option.palette.color(QPalette::HighlightedText);
        color.setAlphaF(0.8f);
        return color;
    }
    return option.palette.color(QPalette::PlaceholderText);
}

} // namespace

RecipientsDelegate::RecipientsDelegate(Kind kind, QObject* parent)
    : QStyledItemDelegate(parent)
    , m_kind(kind)
{
}

void RecipientsDelegate::initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    // Rows are selected whole; a focus frame around one cell would suggest cells can be edited.
    option->state &= ~QStyle::State_HasFocus;
    if (m_kind == Kind::Recipients && index.column() == RecipientsModel::NameColumn && option->text.isEmpty()) {
        option->text = tr("No name");
        option->font.setItalic(true);
        option->fontMetrics = QFontMetrics(option->font);
        option->palette.setColor(QPalette::Text, option->palette.color(QPalette::PlaceholderText));
    }
}

void RecipientsDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    if (m_kind == Kind::Recipients && index.column() == RecipientsModel::SourceColumn) {
        paintSourceTag(painter, option, index);
    } else if (m_kind == Kind::Directory) {
        paintPerson(painter, option, index);
    } else {
        QStyledItemDelegate::paint(painter, option, index);
    }
}

void RecipientsDelegate::paintSourceTag(
    QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    opt.text.clear();
    const QWidget* widget = opt.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const QFont font = tagFont(opt.font);
    const QFontMetrics metrics(font);
    const int height = metrics.height() + 4;
    const int width = metrics.horizontalAdvance(text) + 2 * TagPadding;
    const QRect textRect = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, widget);
    const QRectF pill(textRect.left() + 4, textRect.center().y() - height / 2.0 + 0.5, width, height);
    const auto source = Recipient::Source(index.data(ItemRoles::RecipientSourceRole).toInt());
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setFont(font);
    drawPill(painter, pill, text, toneFor(source, opt.palette));
    painter->restore();
}

void RecipientsDelegate::paintPerson(
    QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString name = opt.text;
    opt.text.clear();
    const QWidget* widget = opt.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const bool enabled = opt.state & QStyle::State_Enabled;
    const bool selected = opt.state & QStyle::State_Selected;
    const QString email = index.data(ItemRoles::EmailRole).toString();
    const QString reason = index.data(ItemRoles::UnavailableReasonRole).toString();
    const bool onList = index.data(ItemRoles::AlreadyRecipientRole).toBool();

    const QRect textRect = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, widget).adjusted(4, 0, -4, 0);
    const QFont tag = tagFont(opt.font);
    const QFontMetrics tagMetrics(tag);
    QFont note = opt.font;
    note.setItalic(true);
    const QFontMetrics noteMetrics(note);

    // Right side first: the reason or the tag must stay readable, the e-mail gives way.
    QString rightText;
    int rightWidth = 0;
    if (!reason.isEmpty()) {
        rightText = noteMetrics.elidedText(reason, Qt::ElideRight, textRect.width() / 2);
        rightWidth = noteMetrics.horizontalAdvance(rightText);
    } else if (onList) {
        rightText = tr("On the list");
        rightWidth = tagMetrics.horizontalAdvance(rightText) + 2 * TagPadding;
    }

    const QColor textColor = selected ? opt.palette.color(QPalette::HighlightedText)
        : enabled                     ? opt.palette.color(QPalette::Text)
                                      : opt.palette.color(QPalette::Disabled, QPalette::Text);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    int available = textRect.width() - (rightWidth > 0 ? rightWidth + TagGap : 0);
    const QString shownName = opt.fontMetrics.elidedText(name, Qt::ElideRight, std::max(0, available));
    painter->setFont(opt.font);
    painter->setPen(textColor);
    painter->drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter, shownName);
    available -= opt.fontMetrics.horizontalAdvance(shownName) + TagGap;
    if (!email.isEmpty() && available > opt.fontMetrics.horizontalAdvance(QStringLiteral("a…@"))) {
        QRect emailRect = textRect;
        emailRect.setLeft(textRect.left() + opt.fontMetrics.horizontalAdvance(shownName) + TagGap);
        emailRect.setWidth(available);
        painter->setPen(dimmed(opt));
        painter->drawText(
            emailRect, Qt::AlignLeft | Qt::AlignVCenter, opt.fontMetrics.elidedText(email, Qt::ElideMiddle, available));
    }
    if (!reason.isEmpty()) {
        painter->setFont(note);
        painter->setPen(selected ? textColor : dimmed(opt));
        painter->drawText(textRect, Qt::AlignRight | Qt::AlignVCenter, rightText);
    } else if (onList) {
        painter->setFont(tag);
        const int height = tagMetrics.height() + 4;
        const QRectF pill(
            textRect.right() - rightWidth + 1, textRect.center().y() - height / 2.0 + 0.5, rightWidth, height);
        drawPill(painter, pill, rightText, FieldTagDelegate::tone(FieldTagDelegate::Accent::Success, opt.palette));
    }
    painter->restore();
}

QSize RecipientsDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setHeight(std::max(size.height(), option.fontMetrics.height() + 12));
    if (m_kind == Kind::Recipients && index.column() == RecipientsModel::SourceColumn) {
        const QFontMetrics metrics(tagFont(option.font));
        size.setWidth(metrics.horizontalAdvance(index.data().toString()) + 2 * TagPadding + 16);
    }
    return size;
}
