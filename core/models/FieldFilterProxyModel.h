#pragma once

#include <QSortFilterProxyModel>

// Search over the mapping editor's field trees. Every word typed must occur in the row's ItemRoles::FilterRole text
// (label, path, type and group, folded); a group matching keeps all its fields, a field matching keeps its group.
// Folding ignores case and diacritics, so "zurich" finds "Zürich" and "geburt" finds "Geburtsdatum".
class FieldFilterProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit FieldFilterProxyModel(QObject* parent = nullptr);

    void setFilterText(const QString& text);
    QString filterText() const { return m_text; }

    // Case folded, diacritics removed, whitespace simplified.
    static QString fold(const QString& text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    QString m_text;
    QStringList m_words;
};
