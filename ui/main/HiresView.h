#pragma once

#include <QTableView>

// The hires table. When it has no rows it shows a centred hint in place of an empty grid, so a first-time admin
// knows what to do next and a filter that matches nothing does not look like lost data.
class HiresView : public QTableView
{
    Q_OBJECT
public:
    explicit HiresView(QWidget* parent = nullptr);

    QString placeholderText() const { return m_placeholderText; }
    void setPlaceholderText(const QString& text);

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QString m_placeholderText;
};
