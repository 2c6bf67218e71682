#include "RulesView.h"

#include <QPainter>

RulesView::RulesView(QWidget* parent)
    : QTableView(parent)
{
}

void RulesView::setPlaceholderText(const QString& text)
{
    if (text == m_placeholderText) {
        return;
    }
    m_placeholderText = text;
    viewport()->update();
}

void RulesView::paintEvent(QPaintEvent* event)
{
    QTableView::paintEvent(event);
    if (m_placeholderText.isEmpty() || (model() && model()->rowCount(rootIndex()) > 0)) {
        return;
    }
    QPainter painter(viewport());
    painter.setPen(palette().color(QPalette::PlaceholderText));
    const QRect area = viewport()->rect().adjusted(24, 24, -24, -24);
    painter.drawText(area, Qt::AlignCenter | Qt::TextWordWrap, m_placeholderText);
}
