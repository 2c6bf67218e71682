#include "AshbyCredentialsWidget.h"

#include "GuidePanel.h"
#include "InlineStatus.h"
#include "SecretField.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

AshbyCredentialsWidget::AshbyCredentialsWidget(QWidget* parent)
    : QWidget(parent)
    , m_key(new SecretField(QStringLiteral("ashbyApiKey"), this))
    , m_advancedButton(new QToolButton(this))
    , m_advanced(new QWidget(this))
    , m_baseUrl(new QLineEdit(m_advanced))
    , m_checkButton(new QPushButton(tr("Check connection"), this))
    , m_status(new InlineStatus(this))
    , m_guide(new GuidePanel(this))
{
    setObjectName(QStringLiteral("ashbyCredentialsWidget"));
    m_key->setPlaceholderText(tr("Paste the key from Ashby here"));

    auto* keyLabel = new QLabel(tr("&API key:"), this);
    keyLabel->setBuddy(m_key->lineEdit());
    m_keyHint = new QLabel(tr("The key stays on this computer, in the system keychain."), this);
    m_keyHint->setObjectName(QStringLiteral("ashbyKeyStorageHint"));
    m_keyHint->setWordWrap(true);
    m_keyHint->setEnabled(false);

    m_advancedButton->setObjectName(QStringLiteral("ashbyAdvancedButton"));
    m_advancedButton->setText(tr("Advanced"));
    m_advancedButton->setCheckable(true);
    m_advancedButton->setArrowType(Qt::RightArrow);
    m_advancedButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_advancedButton->setAutoRaise(true);

    m_baseUrl->setObjectName(QStringLiteral("ashbyBaseUrlEdit"));
    m_baseUrl->setPlaceholderText(defaultUrl().toString());
    auto* advancedLayout = new QFormLayout(m_advanced);
    advancedLayout->setContentsMargins(16, 0, 0, 0);
    auto* urlHint = new QLabel(tr("Leave this empty unless Ashby support gave you another address."), m_advanced);
    urlHint->setWordWrap(true);
    urlHint->setEnabled(false);
    advancedLayout->addRow(tr("Ashby &address:"), m_baseUrl);
    advancedLayout->addRow(QString(), urlHint);
    m_advanced->setVisible(false);

    auto* fields = new QVBoxLayout;
    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(keyLabel, m_key);
    form->addRow(QString(), m_keyHint);
    fields->addLayout(form);
    fields->addWidget(m_advancedButton, 0, Qt::AlignLeft);
    fields->addWidget(m_advanced);
    m_checkButton->setObjectName(QStringLiteral("ashbyCheckButton"));
    fields->addWidget(m_status);
    fields->addWidget(m_checkButton, 0, Qt::AlignLeft);
    fields->addStretch(1);

    showGuide();
    m_guide->setMinimumWidth(260);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(fields, 3);
    layout->addWidget(m_guide, 2);

    connect(m_key, &SecretField::textEdited, this, &AshbyCredentialsWidget::changed);
    connect(m_baseUrl, &QLineEdit::textEdited, this, &AshbyCredentialsWidget::changed);
    connect(m_advancedButton, &QToolButton::toggled, this, &AshbyCredentialsWidget::onAdvancedToggled);
    connect(m_checkButton, &QPushButton::clicked, this, &AshbyCredentialsWidget::checkRequested);
}

void AshbyCredentialsWidget::load(const AshbyConfig& config)
{
    m_loaded = config;
    m_key->setText(config.apiKey);
    const bool custom = !config.baseUrl.isEmpty() && config.baseUrl != defaultUrl();
    m_baseUrl->setText(custom ? config.baseUrl.toString() : QString());
    m_advancedButton->setChecked(custom);
    clearStatus();
}

AshbyConfig AshbyCredentialsWidget::config() const
{
    AshbyConfig c = m_loaded;
    c.apiKey = m_key->text();
    const QString url = m_baseUrl->text().trimmed();
    if (url.isEmpty()) {
        c.baseUrl = defaultUrl();
    } else {
        QUrl parsed(url, QUrl::StrictMode);
        QString path = parsed.path();
        while (path.endsWith(QLatin1Char('/'))) {
            path.chop(1);
        }
        parsed.setPath(path);
        c.baseUrl = parsed;
    }
    return c;
}

bool AshbyCredentialsWidget::isFilledIn() const
{
    return !m_key->text().isEmpty();
}

void AshbyCredentialsWidget::showChecking()
{
    m_status->showBusy(tr("Checking the key with Ashby…"));
}

void AshbyCredentialsWidget::showResult(const ConnectionCheck::AshbyResult& result)
{
    if (result.ok()) {
        const QString title = result.keyTitle.isEmpty() ? QString() : tr(" (key \"%1\")").arg(result.keyTitle);
        m_status->showOk(tr("Connected to Ashby%1. The key has every permission Hirebridge needs.").arg(title));
        return;
    }
    m_status->showError(result.message.isEmpty() ? result.error.message : result.message);
}

void AshbyCredentialsWidget::clearStatus()
{
    m_status->clear();
}

void AshbyCredentialsWidget::setKeychainUnavailable()
{
    m_keyHint->setText(tr("No system keychain here: the key is kept only until Hirebridge quits, never in a file."));
}

void AshbyCredentialsWidget::setInWizard(bool inWizard)
{
    m_inWizard = inWizard;
    showGuide();
}

void AshbyCredentialsWidget::showGuide()
{
    const QStringList permissions = ConnectionCheck::requiredPermissionNames();
    m_guide->setGuide(tr("How to get an Ashby API key"),
        {tr("In Ashby, open <b>Admin → Integrations → API Keys</b> and press <b>New API key</b>. Name it "
            "\"Hirebridge\"."),
            tr("Tick these permissions: <b>%1</b>. Also tick <b>API Keys: read</b> so Hirebridge can check the key.")
                .arg(permissions.join(QStringLiteral(", "))),
            tr("Save, copy the key and paste it into the field on the left."),
            m_inWizard ? tr("Press <b>Next</b>: Hirebridge checks the key and tells you if a permission is missing.")
                       : tr("Press <b>Check connection</b>: Hirebridge checks the key and tells you if a permission is "
                            "missing.")},
        tr("Ashby shows the key only once. If you lose it, create a new one."));
}

void AshbyCredentialsWidget::setGuideVisible(bool visible)
{
    m_guide->setVisible(visible);
}

void AshbyCredentialsWidget::onAdvancedToggled(bool open)
{
    m_advanced->setVisible(open);
    m_advancedButton->setArrowType(open ? Qt::DownArrow : Qt::RightArrow);
}
