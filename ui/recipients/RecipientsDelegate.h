#pragma once

#include <QStyledItemDelegate>

// Paints the recipients editor's two lists, from the roles of RecipientsModel and DirectoryModel:
// - the recipients table: a missing name as a dim "No name", the source column as a small coloured tag;
// - Bob's people: the name, the e-mail dimmed beside it, then a tag "On the list" or, for someone who cannot be
//   added, the reason in italics.
class RecipientsDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    enum class Kind { Recipients, Directory };
    explicit RecipientsDelegate(Kind kind, QObject* parent = nullptr);

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override;

private:
    void paintSourceTag(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const;
    void paintPerson(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const;

    Kind m_kind;
};
