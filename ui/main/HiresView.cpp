#include "HiresView.h"

#include <QPainter>

HiresView::HiresView(QWidget* parent)
    : QTableView(parent)
{
}

void HiresView::setPlaceholderText(const QString& text)
{
    if (text == m_placeholderText) {
        return;
    }
    m_placeholderText = text;
    viewport()->update();
}

void HiresView::paintEvent(QPaintEvent* event)
{
    QTableView::paintEvent(event);
    if (m_placeholderText.isEmpty() || (model() && model()->rowCount(rootIndex()) > 0)) {
        return;
    }
    QPainter painter(viewport());
    QFont font = painter.font();
    font.setPointSizeF(font.pointSizeF() * 1.15);
    painter.setFont(font);
    painter.setPen(palette().color(QPalette::PlaceholderText));
    const QRect area = viewport()->rect().adjusted(32, 32, -32, -32);
    painter.drawText(area, Qt::AlignCenter | Qt::TextWordWrap, m_placeholderText);
}
