#pragma once

#include <QStyledItemDelegate>

// Paints the mapping editor's field rows: group rows in bold, explanatory rows in italics, and small pills after a
// field's name for what the model marks through roles ("custom", "required"). A required target field nobody maps
// shows "Not mapped" in its mapped-from column. The models stay free of colours and fonts; this is where they live.
class FieldTagDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    // `mappedFromColumn`: the column that shows the mapped source (-1 for none).
    explicit FieldTagDelegate(int mappedFromColumn = -1, QObject* parent = nullptr);

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

    struct Tone
    {
        QColor text;
        QColor fill;
        QColor border;
    };
    enum class Accent { Custom, Required, Error, Warning, Success };
    // Colours for an accent on the palette's base colour, readable in light and dark palettes.
    static Tone tone(Accent accent, const QPalette& palette);
    static QColor accentColor(Accent accent, const QPalette& palette);

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override;

private:
    struct Tag
    {
        QString text;
        Accent accent;
    };
    QList<Tag> tagsFor(const QModelIndex& index) const;
    int tagsWidth(const QList<Tag>& tags, const QFont& font) const;

    int m_mappedFromColumn = -1;
};
