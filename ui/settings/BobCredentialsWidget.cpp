#include "BobCredentialsWidget.h"

#include "GuidePanel.h"
#include "InlineStatus.h"
#include "SecretField.h"

#include <QButtonGroup>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QToolButton>
#include <QVBoxLayout>

BobCredentialsWidget::BobCredentialsWidget(QWidget* parent)
    : QWidget(parent)
    , m_hireApiMode(new QRadioButton(tr("Send hires to Bob's &new-hire inbox (Hire API, recommended)"), this))
    , m_directMode(new QRadioButton(tr("Create the &employee in Bob at once (direct)"), this))
    , m_serviceUserId(new QLineEdit(this))
    , m_token(new SecretField(QStringLiteral("bobToken"), this))
    , m_hireUrlLabel(new QLabel(tr("&Hire API URL:"), this))
    , m_hireUrl(new QLineEdit(this))
    , m_advancedButton(new QToolButton(this))
    , m_advanced(new QWidget(this))
    , m_apiUrl(new QLineEdit(m_advanced))
    , m_checkButton(new QPushButton(tr("Check connection"), this))
    , m_status(new InlineStatus(this))
    , m_guide(new GuidePanel(this))
{
    setObjectName(QStringLiteral("bobCredentialsWidget"));
    m_hireApiMode->setObjectName(QStringLiteral("bobModeHireApiRadio"));
    m_directMode->setObjectName(QStringLiteral("bobModeDirectRadio"));
    auto* modes = new QButtonGroup(this);
    modes->addButton(m_hireApiMode);
    modes->addButton(m_directMode);
    m_hireApiMode->setChecked(true);
    m_hireApiMode->setToolTip(tr("Each hire waits in Bob under Hiring → Pending hires until HR completes it."));
    m_directMode->setToolTip(tr("Hirebridge creates the employee record itself; nobody reviews it in Bob first."));

    m_serviceUserId->setObjectName(QStringLiteral("bobServiceUserIdEdit"));
    m_serviceUserId->setPlaceholderText(tr("for example SERVICE-12345"));
    m_token->setPlaceholderText(tr("Paste the token from Bob here"));
    m_hireUrl->setObjectName(QStringLiteral("bobHireUrlEdit"));
    m_hireUrl->setPlaceholderText(tr("https://… (copied from Bob)"));
    m_hireUrlLabel->setBuddy(m_hireUrl);

    m_advancedButton->setObjectName(QStringLiteral("bobAdvancedButton"));
    m_advancedButton->setText(tr("Advanced"));
    m_advancedButton->setCheckable(true);
    m_advancedButton->setArrowType(Qt::RightArrow);
    m_advancedButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_advancedButton->setAutoRaise(true);
    m_apiUrl->setObjectName(QStringLiteral("bobApiUrlEdit"));
    m_apiUrl->setPlaceholderText(defaultApiUrl().toString());
    auto* advancedLayout = new QFormLayout(m_advanced);
    advancedLayout->setContentsMargins(16, 0, 0, 0);
    advancedLayout->addRow(tr("Bob API &address:"), m_apiUrl);
    auto* apiHint
        = new QLabel(tr("Leave this empty unless you use Bob's sandbox (https://api.sandbox.hibob.com)."), m_advanced);
    apiHint->setWordWrap(true);
    apiHint->setEnabled(false);
    advancedLayout->addRow(QString(), apiHint);
    m_advanced->setVisible(false);

    auto* idLabel = new QLabel(tr("Service user &ID:"), this);
    idLabel->setBuddy(m_serviceUserId);
    auto* tokenLabel = new QLabel(tr("&Token:"), this);
    tokenLabel->setBuddy(m_token->lineEdit());

    auto* fields = new QVBoxLayout;
    fields->addWidget(m_hireApiMode);
    fields->addWidget(m_directMode);
    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(idLabel, m_serviceUserId);
    form->addRow(tokenLabel, m_token);
    form->addRow(m_hireUrlLabel, m_hireUrl);
    fields->addLayout(form);
    fields->addWidget(m_advancedButton, 0, Qt::AlignLeft);
    fields->addWidget(m_advanced);
    m_checkButton->setObjectName(QStringLiteral("bobCheckButton"));
    fields->addWidget(m_status);
    fields->addWidget(m_checkButton, 0, Qt::AlignLeft);
    fields->addStretch(1);

    showGuide();
    m_guide->setMinimumWidth(260);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(fields, 3);
    layout->addWidget(m_guide, 2);

    connect(m_hireApiMode, &QRadioButton::toggled, this, &BobCredentialsWidget::onModeToggled);
    connect(m_serviceUserId, &QLineEdit::textEdited, this, &BobCredentialsWidget::changed);
    connect(m_token, &SecretField::textEdited, this, &BobCredentialsWidget::changed);
    connect(m_hireUrl, &QLineEdit::textEdited, this, &BobCredentialsWidget::changed);
    connect(m_apiUrl, &QLineEdit::textEdited, this, &BobCredentialsWidget::changed);
    connect(m_advancedButton, &QToolButton::toggled, this, &BobCredentialsWidget::onAdvancedToggled);
    connect(m_checkButton, &QPushButton::clicked, this, &BobCredentialsWidget::checkRequested);
}

void BobCredentialsWidget::load(const BobConfig& config)
{
    m_loaded = config;
    (config.mode == BobMode::Direct ? m_directMode : m_hireApiMode)->setChecked(true);
    m_serviceUserId->setText(config.serviceUserId);
    m_token->setText(config.token);
    m_hireUrl->setText(config.hireUrl.toString());
    const bool custom = !config.apiUrl.isEmpty() && config.apiUrl != defaultApiUrl();
    m_apiUrl->setText(custom ? config.apiUrl.toString() : QString());
    m_advancedButton->setChecked(custom);
    onModeToggled();
    clearStatus();
}

BobConfig BobCredentialsWidget::config() const
{
    BobConfig c = m_loaded;
    c.mode = m_directMode->isChecked() ? BobMode::Direct : BobMode::HireApi;
    c.serviceUserId = m_serviceUserId->text().trimmed();
    c.token = m_token->text().trimmed(); // a pasted token often brings a line break; inner problems are refused
    // The Hire URL is opaque: kept as pasted, only trimmed.
    const QString hire = m_hireUrl->text().trimmed();
    c.hireUrl = hire.isEmpty() ? QUrl() : QUrl(hire, QUrl::StrictMode);
    const QString api = m_apiUrl->text().trimmed();
    if (api.isEmpty()) {
        c.apiUrl = defaultApiUrl();
    } else {
        QUrl parsed(api, QUrl::StrictMode);
        QString path = parsed.path();
        while (path.endsWith(QLatin1Char('/'))) {
            path.chop(1);
        }
        parsed.setPath(path);
        c.apiUrl = parsed;
    }
    return c;
}

bool BobCredentialsWidget::isFilledIn() const
{
    const bool hireUrlNeeded = m_hireApiMode->isChecked();
    return !m_serviceUserId->text().trimmed().isEmpty() && !m_token->text().isEmpty()
        && (!hireUrlNeeded || !m_hireUrl->text().trimmed().isEmpty());
}

void BobCredentialsWidget::showChecking()
{
    m_status->showBusy(tr("Checking the service user with Bob…"));
}

void BobCredentialsWidget::showResult(const ConnectionCheck::BobResult& result)
{
    if (result.ok() && result.consequences.isEmpty()) {
        m_status->showOk(
            tr("Connected to Bob. Hirebridge can see the people in Bob (%1), so it can tell when a new hire "
               "already works for you.")
                .arg(result.employeeCount));
        return;
    }
    if (result.ok()) {
        m_status->showWarning(
            tr("Connected to Bob, with a limit:") + QLatin1Char('\n') + result.consequences.join(QLatin1Char('\n')));
        return;
    }
    QString text = result.message.isEmpty() ? result.error.message : result.message;
    if (result.error.isError() && !result.consequences.isEmpty()) {
        text += QLatin1Char('\n') + result.consequences.join(QLatin1Char('\n'));
    }
    if (!result.error.isError() && result.fieldsReadable) {
        text = tr("The service user ID and token work, but a permission is missing:") + QLatin1Char('\n') + text;
    }
    m_status->showError(text);
}

QStringList BobCredentialsWidget::guideSteps(bool inWizard)
{
    // Bob's own procedure for a Hire API integration with a service user, in its order.
    return {tr("In Bob, open <b>System settings</b> (the menu icon, top left) → <b>Integrations</b> and search for "
               "<b>Hire API</b>."),
        tr("Click <b>Manage</b>, then <b>Add integration</b>, and name it, for example \"hirebridge\"."),
        tr("For authentication choose <b>Service user</b>, and enter a service user name and a display name."),
        tr("Click <b>Generate token</b>. Before you close, copy the <b>service user ID</b>, the <b>token</b> and the "
           "<b>API URL</b> into the fields on the left (the API URL under <i>Advanced</i>, only if it is not "
           "https://api.hibob.com)."),
        tr("Click <b>Done</b>, then copy the integration's <b>Hire URL</b> into <i>Hire API URL</i>."),
        tr("Give the service user's permission group read access to <b>people</b> (Basic info and Work, for all "
           "employees including the status <i>Hired</i>): Hirebridge uses it to avoid adding someone twice."),
        inWizard ? tr("Press <b>Next</b>: Hirebridge checks the connection. It sends nothing to Bob yet.")
                 : tr("Press <b>Check connection</b>: Hirebridge checks it. It sends nothing to Bob yet.")};
}

QStringList BobCredentialsWidget::directModeSteps()
{
    return {tr("<b>Direct mode only</b>, the same permission group also needs:"),
        tr("the feature permission to <b>add employees</b>;"),
        tr("for each document folder Hirebridge uploads to: People's Data → Docs → <i>folder</i> → <b>Upload "
           "selected employees' docs</b>.")};
}

void BobCredentialsWidget::setInWizard(bool inWizard)
{
    m_inWizard = inWizard;
    showGuide();
}

void BobCredentialsWidget::showGuide()
{
    QString warning = tr("<b>Bob shows the token only once.</b> Paste it here right away; if it is lost, generate a "
                         "new token for the service user.");
    if (m_directMode->isChecked()) {
        warning += QStringLiteral("<br><br>") + directModeSteps().join(QStringLiteral("<br>• "));
    }
    m_guide->setGuide(tr("How to connect Bob (needs a Bob admin)"), guideSteps(m_inWizard), warning);
}

void BobCredentialsWidget::clearStatus()
{
    m_status->clear();
}

void BobCredentialsWidget::setGuideVisible(bool visible)
{
    m_guide->setVisible(visible);
}

void BobCredentialsWidget::onModeToggled()
{
    const bool hireApi = m_hireApiMode->isChecked();
    m_hireUrl->setEnabled(hireApi);
    m_hireUrlLabel->setEnabled(hireApi);
    showGuide();
    Q_EMIT changed();
}

void BobCredentialsWidget::onAdvancedToggled(bool open)
{
    m_advanced->setVisible(open);
    m_advancedButton->setArrowType(open ? Qt::DownArrow : Qt::RightArrow);
}
