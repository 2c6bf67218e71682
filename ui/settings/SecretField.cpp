#include "SecretField.h"

#include <QHBoxLayout>
#include <QLineEdit>
#include <QToolButton>

SecretField::SecretField(const QString& name, QWidget* parent)
    : QWidget(parent)
    , m_edit(new QLineEdit(this))
    , m_show(new QToolButton(this))
{
    m_edit->setObjectName(name + QStringLiteral("Edit"));
    m_edit->setEchoMode(QLineEdit::Password);
    m_edit->setClearButtonEnabled(true);
    // No completion history, no drag out of the field: the value is a secret.
    m_edit->setDragEnabled(false);
    m_edit->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhNoPredictiveText | Qt::ImhSensitiveData);
    m_show->setObjectName(name + QStringLiteral("ShowButton"));
    m_show->setText(tr("Show"));
    m_show->setCheckable(true);
    m_show->setToolTip(tr("Show or hide what you typed"));

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_show);
    setFocusProxy(m_edit);

    connect(m_show, &QToolButton::toggled, this, &SecretField::onShowToggled);
    connect(m_edit, &QLineEdit::textEdited, this, &SecretField::textEdited);
}

QString SecretField::text() const
{
    QString t = m_edit->text();
    t.remove(QLatin1Char('\n'));
    t.remove(QLatin1Char('\r'));
    return t.trimmed();
}

void SecretField::setText(const QString& text)
{
    m_edit->setText(text);
}

void SecretField::setPlaceholderText(const QString& text)
{
    m_edit->setPlaceholderText(text);
}

void SecretField::onShowToggled(bool shown)
{
    m_edit->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password);
    m_show->setText(shown ? tr("Hide") : tr("Show"));
}
