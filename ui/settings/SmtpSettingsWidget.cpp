#include "SmtpSettingsWidget.h"

#include "InlineStatus.h"
#include "SecretField.h"
#include "notify/Recipient.h"
#include "notify/SmtpSender.h"
#include "setup/SetupLogging.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

SmtpSettingsWidget::SmtpSettingsWidget(QWidget* parent)
    : QWidget(parent)
    , m_host(new QLineEdit(this))
    , m_port(new QSpinBox(this))
    , m_security(new QComboBox(this))
    , m_username(new QLineEdit(this))
    , m_password(new SecretField(QStringLiteral("smtpPassword"), this))
    , m_fromAddress(new QLineEdit(this))
    , m_fromName(new QLineEdit(this))
    , m_testRecipient(new QLineEdit(this))
    , m_sendTest(new QPushButton(tr("Send test e-mail"), this))
    , m_status(new InlineStatus(this))
{
    setObjectName(QStringLiteral("smtpSettingsWidget"));
    m_host->setObjectName(QStringLiteral("smtpHostEdit"));
    m_host->setPlaceholderText(tr("for example smtp.yourcompany.com"));
    m_port->setObjectName(QStringLiteral("smtpPortSpin"));
    m_port->setRange(1, 65535);
    m_security->setObjectName(QStringLiteral("smtpSecurityCombo"));
    m_security->addItem(tr("STARTTLS (usually port 587)"), int(SmtpConfig::Security::StartTls));
    m_security->addItem(tr("TLS (usually port 465)"), int(SmtpConfig::Security::ImplicitTls));
    m_security->addItem(tr("None (only for a relay on this computer)"), int(SmtpConfig::Security::None));
    m_username->setObjectName(QStringLiteral("smtpUsernameEdit"));
    m_username->setPlaceholderText(tr("empty if the relay needs no login"));
    m_fromAddress->setObjectName(QStringLiteral("smtpFromAddressEdit"));
    m_fromAddress->setPlaceholderText(tr("for example hirebridge@yourcompany.com"));
    m_fromName->setObjectName(QStringLiteral("smtpFromNameEdit"));
    m_testRecipient->setObjectName(QStringLiteral("smtpTestRecipientEdit"));
    m_testRecipient->setPlaceholderText(tr("your e-mail address"));
    m_sendTest->setObjectName(QStringLiteral("smtpSendTestButton"));

    auto* intro = new QLabel(tr("After every push Hirebridge e-mails the people above through your company's mail "
                                "server. Your IT team can give you these values."),
        this);
    intro->setWordWrap(true);

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto* server = new QHBoxLayout;
    server->addWidget(m_host, 1);
    server->addWidget(new QLabel(tr("Port:"), this));
    server->addWidget(m_port);
    auto* serverLabel = new QLabel(tr("Mail &server:"), this);
    serverLabel->setBuddy(m_host);
    form->addRow(serverLabel, server);
    form->addRow(tr("Se&curity:"), m_security);
    form->addRow(tr("&User name:"), m_username);
    form->addRow(tr("&Password:"), m_password);
    form->addRow(tr("Sender &address:"), m_fromAddress);
    form->addRow(tr("Sender &name:"), m_fromName);
    auto* test = new QHBoxLayout;
    test->addWidget(m_testRecipient, 1);
    test->addWidget(m_sendTest);
    auto* testLabel = new QLabel(tr("&Test e-mail to:"), this);
    testLabel->setBuddy(m_testRecipient);
    form->addRow(testLabel, test);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_status);

    for (QLineEdit* edit : {m_host, m_username, m_fromAddress, m_fromName}) {
        connect(edit, &QLineEdit::textEdited, this, &SmtpSettingsWidget::changed);
    }
    connect(m_password, &SecretField::textEdited, this, &SmtpSettingsWidget::changed);
    connect(m_port, &QSpinBox::valueChanged, this, &SmtpSettingsWidget::changed);
    connect(m_security, &QComboBox::currentIndexChanged, this, &SmtpSettingsWidget::onSecurityChanged);
    connect(m_sendTest, &QPushButton::clicked, this, &SmtpSettingsWidget::onSendTestClicked);
    load(SmtpConfig());
}

void SmtpSettingsWidget::load(const SmtpConfig& config)
{
    m_loaded = config;
    m_host->setText(config.host);
    m_port->blockSignals(true);
    m_port->setValue(config.port);
    m_port->blockSignals(false);
    m_security->blockSignals(true);
    m_security->setCurrentIndex(qMax(0, m_security->findData(int(config.security))));
    m_security->blockSignals(false);
    m_username->setText(config.username);
    m_password->setText(config.password);
    m_fromAddress->setText(config.fromAddress);
    m_fromName->setText(config.fromName);
    m_status->clear();
}

SmtpConfig SmtpSettingsWidget::config() const
{
    SmtpConfig c = m_loaded;
    c.host = m_host->text().trimmed();
    c.port = m_port->value();
    c.security = SmtpConfig::Security(m_security->currentData().toInt());
    c.username = m_username->text().trimmed();
    c.password = m_password->text();
    c.fromAddress = m_fromAddress->text().trimmed();
    c.fromName = m_fromName->text().trimmed();
    return c;
}

void SmtpSettingsWidget::setTestRecipient(const QString& email)
{
    if (m_testRecipient->text().trimmed().isEmpty()) {
        m_testRecipient->setText(email);
    }
}

void SmtpSettingsWidget::onSecurityChanged(int index)
{
    // Follow the usual port when the admin has not chosen another one.
    const auto security = SmtpConfig::Security(m_security->itemData(index).toInt());
    const int port = m_port->value();
    if (port == 587 || port == 465 || port == 25) {
        m_port->setValue(security == SmtpConfig::Security::ImplicitTls ? 465
                : security == SmtpConfig::Security::StartTls           ? 587
                                                                       : 25);
    }
    Q_EMIT changed();
}

void SmtpSettingsWidget::onSendTestClicked()
{
    const SmtpConfig c = config();
    const QString to = m_testRecipient->text().trimmed();
    if (!Recipient::isValidEmail(to)) {
        m_status->showError(tr("Type the e-mail address the test should go to."));
        return;
    }
    const QString problem = SmtpSender::configProblem(c);
    if (!problem.isEmpty()) {
        m_status->showError(problem);
        return;
    }
    delete m_sender.data();
    m_sender = new SmtpSender(c, this);
    connect(m_sender, &SmtpSender::finished, this, &SmtpSettingsWidget::onTestFinished);
    MailMessage message;
    message.to = {to};
    message.subject = tr("Hirebridge test e-mail");
    message.textBody = tr("This is a test e-mail from Hirebridge. If you can read it, the notification e-mails "
                          "about new hires will reach you too.");
    m_sendTest->setEnabled(false);
    m_status->showBusy(tr("Sending a test e-mail to %1…").arg(to));
    qCInfo(lcSetup) << "sending a test e-mail through" << c.host;
    m_sender->send(message);
}

void SmtpSettingsWidget::onTestFinished(const SmtpResult& result)
{
    m_sendTest->setEnabled(true);
    if (result.ok) {
        m_status->showOk(tr("The mail server accepted the test e-mail. Check the inbox."));
    } else {
        m_status->showError(tr("The test e-mail was not sent: %1").arg(result.message));
    }
    if (m_sender) {
        m_sender->deleteLater();
    }
}
