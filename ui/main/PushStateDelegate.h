#pragma once

#include "ledger/PushState.h"

#include <QColor>
#include <QStyledItemDelegate>

class QPalette;

// Draws a push-state cell as the (optional) checkbox followed by a rounded, coloured pill with the state text.
// Cells without a PushStateRole are drawn the default way, so one delegate can serve the whole view.
// Checkbox hit-testing stays with QStyledItemDelegate::editorEvent: the indicator is drawn exactly where the style
// says it is, so clicks and drawing agree.
class PushStateDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit PushStateDelegate(QObject* parent = nullptr);

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

    struct PillColors
    {
        QColor fill;
        QColor border;
        QColor text;
    };
    // Colours for a state against `palette`: tinted from the palette's base so they read in light and dark themes.
    static PillColors pillColors(PushState state, const QPalette& palette);
};
