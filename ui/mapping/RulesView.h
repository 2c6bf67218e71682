#pragma once

#include <QTableView>

// The mapping rules table. Without rules it says how to make one instead of showing an empty grid.
class RulesView : public QTableView
{
    Q_OBJECT
public:
    explicit RulesView(QWidget* parent = nullptr);

    QString placeholderText() const { return m_placeholderText; }
    void setPlaceholderText(const QString& text);

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QString m_placeholderText;
};
