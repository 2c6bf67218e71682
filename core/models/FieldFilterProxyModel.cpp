#include "FieldFilterProxyModel.h"

#include "ItemRoles.h"

FieldFilterProxyModel::FieldFilterProxyModel(QObject* parent)
    : QSortFilterProxyModel(parent)
{
    setRecursiveFilteringEnabled(true);
    setAutoAcceptChildRows(true);
    setFilterRole(ItemRoles::FilterRole);
}

void FieldFilterProxyModel::setFilterText(const QString& text)
{
    if (text == m_text) {
        return;
    }
    m_text = text;
    m_words = fold(text).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    invalidateRowsFilter();
}

QString FieldFilterProxyModel::fold(const QString& text)
{
    const QString decomposed = text.normalized(QString::NormalizationForm_KD);
    QString folded;
    folded.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        const QChar::Category category = c.category();
        if (category == QChar::Mark_NonSpacing || category == QChar::Mark_SpacingCombining
            || category == QChar::Mark_Enclosing) {
            continue;
        }
        folded.append(c);
    }
    // Letters without a decomposition that admins still type without their mark.
    folded
        .replace(QChar(0x00DF), QLatin1String("ss")) // ß
        .replace(QChar(0x0141), QLatin1Char('L')) // Ł
        .replace(QChar(0x0142), QLatin1Char('l')) // ł
        .replace(QChar(0x00D8), QLatin1Char('O')) // Ø
        .replace(QChar(0x00F8), QLatin1Char('o')); // ø
    return folded.toCaseFolded().simplified();
}

bool FieldFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    if (m_words.isEmpty()) {
        return true;
    }
    const QString key = sourceModel()->index(sourceRow, 0, sourceParent).data(ItemRoles::FilterRole).toString();
    if (key.isEmpty()) {
        return false;
    }
    for (const QString& word : m_words) {
        if (!key.contains(word)) {
            return false;
        }
    }
    return true;
}
