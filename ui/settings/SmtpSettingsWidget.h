#pragma once

#include "notify/SmtpConfig.h"

#include <QPointer>
#include <QWidget>

class InlineStatus;
class QComboBox;
class QLineEdit;
class QPushButton;
class QSpinBox;
class SecretField;
class SmtpSender;
struct SmtpResult;

// The organisation's mail relay for the notification e-mails (host, port, security, login, sender) and a
// "Send test e-mail" button whose result shows inline. Used by the Settings dialog's Notifications tab.
class SmtpSettingsWidget : public QWidget
{
    Q_OBJECT
public:
    explicit SmtpSettingsWidget(QWidget* parent = nullptr);

    void load(const SmtpConfig& config);
    SmtpConfig config() const;
    // Where the test e-mail goes unless the admin types another address.
    void setTestRecipient(const QString& email);
    InlineStatus* status() const { return m_status; }

Q_SIGNALS:
    void changed();

private Q_SLOTS:
    void onSendTestClicked();
    void onTestFinished(const SmtpResult& result);
    void onSecurityChanged(int index);

private:
    SmtpConfig m_loaded;
    QLineEdit* m_host;
    QSpinBox* m_port;
    QComboBox* m_security;
    QLineEdit* m_username;
    SecretField* m_password;
    QLineEdit* m_fromAddress;
    QLineEdit* m_fromName;
    QLineEdit* m_testRecipient;
    QPushButton* m_sendTest;
    InlineStatus* m_status;
    QPointer<SmtpSender> m_sender;
};
