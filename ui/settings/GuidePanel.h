#pragma once

#include <QFrame>
#include <QStringList>

class QLabel;
class QScrollArea;

// "What to do in the other system", beside the fields that need it: a title, numbered steps and an optional
// highlighted warning. Plain words for an HR admin; rich text only for bold and the numbering.
class GuidePanel : public QFrame
{
    Q_OBJECT
public:
    explicit GuidePanel(QWidget* parent = nullptr);

    // Steps are rich text fragments (<b> allowed); they are numbered in order.
    void setGuide(const QString& title, const QStringList& steps, const QString& warning = {});
    QString plainText() const;
    QScrollArea* scrollArea() const { return m_scroll; }

private:
    QLabel* m_title;
    QLabel* m_steps;
    QLabel* m_warning;
    QScrollArea* m_scroll = nullptr;
};
