#pragma once

#include <QWidget>

class QLineEdit;
class QToolButton;

// A masked line edit for a key or token with a "Show" toggle. Paste-friendly: surrounding spaces and line breaks
// (copied along from a web page) are dropped from text().
class SecretField : public QWidget
{
    Q_OBJECT
public:
    // `name` prefixes the objectNames: "<name>Edit", "<name>ShowButton".
    explicit SecretField(const QString& name, QWidget* parent = nullptr);

    QString text() const; // trimmed
    void setText(const QString& text);
    void setPlaceholderText(const QString& text);
    QLineEdit* lineEdit() const { return m_edit; }
    QToolButton* showButton() const { return m_show; }

Q_SIGNALS:
    void textEdited();

private Q_SLOTS:
    void onShowToggled(bool shown);

private:
    QLineEdit* m_edit;
    QToolButton* m_show;
};
