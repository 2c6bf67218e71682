#include "PersonioCredentialsWidget.h"

#include "ConnectionErrorText.h"
#include "GuidePanel.h"
#include "InlineStatus.h"
#include "SecretField.h"
#include "http/HttpClient.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace {

// A muted note under a field. Placeholder colour rather than a disabled label: disabled text is too faint to read on
// light palettes. Top-aligned because QFormLayout may give a wrapped label more height than it uses.
void makeHint(QLabel* label)
{
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
}

// The "removed when you press Save" line stands out like the guide's warning (tinted, reads on light and dark).
const QString kRemovingStyle = QStringLiteral("QLabel { background: rgba(210,153,34,0.18); border: 1px solid #bf8700; "
                                              "border-radius: 4px; padding: 4px; }");

} // namespace

PersonioCredentialsWidget::PersonioCredentialsWidget(QWidget* parent)
    : QWidget(parent)
    , m_state(new QLabel(this))
    , m_clientId(new QLineEdit(this))
    , m_secret(new SecretField(QStringLiteral("personioClientSecret"), this))
    , m_advancedButton(new QToolButton(this))
    , m_advanced(new QWidget(this))
    , m_url(new QLineEdit(m_advanced))
    , m_checkButton(new QPushButton(tr("Check connection"), this))
    , m_removeButton(new QPushButton(tr("Remove Personio"), this))
    , m_status(new InlineStatus(this))
    , m_guide(new GuidePanel(this))
{
    setObjectName(QStringLiteral("personioCredentialsWidget"));
    m_state->setObjectName(QStringLiteral("personioStateLabel"));
    m_status->setObjectName(QStringLiteral("personioCheckStatus"));
    m_state->setWordWrap(true);
    QFont bold = m_state->font();
    bold.setBold(true);
    m_state->setFont(bold);
    auto* intro = new QLabel(tr("Optional. Fill this in only if your company also keeps its employees in Personio: "
                                "the dashboard then offers Personio beside Bob for every hire."),
        this);
    intro->setWordWrap(true);

    m_clientId->setObjectName(QStringLiteral("personioClientIdEdit"));
    m_clientId->setPlaceholderText(tr("Paste the client ID from Personio here"));
    m_clientId->setClearButtonEnabled(true);
    m_secret->setPlaceholderText(tr("Paste the client secret from Personio here"));
    auto* secretHint = new QLabel(tr("The secret stays on this computer, in the system keychain."), this);
    makeHint(secretHint);

    m_advancedButton->setObjectName(QStringLiteral("personioAdvancedButton"));
    m_advancedButton->setText(tr("Advanced"));
    m_advancedButton->setCheckable(true);
    m_advancedButton->setArrowType(Qt::RightArrow);
    m_advancedButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_advancedButton->setAutoRaise(true);
    m_url->setObjectName(QStringLiteral("personioUrlEdit"));
    m_url->setPlaceholderText(defaultUrl().toString());
    auto* urlLabel = new QLabel(tr("API &address:"), m_advanced);
    urlLabel->setBuddy(m_url);
    auto* urlHint = new QLabel(tr("Leave this empty unless Personio gave your company another address."), m_advanced);
    makeHint(urlHint);
    auto* advancedLayout = new QGridLayout(m_advanced);
    advancedLayout->setContentsMargins(16, 0, 0, 0);
    advancedLayout->setColumnStretch(1, 1);
    advancedLayout->addWidget(urlLabel, 0, 0);
    advancedLayout->addWidget(m_url, 0, 1);
    advancedLayout->addWidget(urlHint, 1, 1);
    m_advanced->setVisible(false);

    auto* idLabel = new QLabel(tr("Client &ID:"), this);
    idLabel->setBuddy(m_clientId);
    // Not "&secret": Alt+S is the Settings dialog's Save.
    auto* secretLabel = new QLabel(tr("Client s&ecret:"), this);
    secretLabel->setBuddy(m_secret->lineEdit());
    // A grid rather than a QFormLayout: the form reserves too much height for wrapped hints.
    auto* form = new QGridLayout;
    form->setColumnStretch(1, 1);
    form->addWidget(idLabel, 0, 0);
    form->addWidget(m_clientId, 0, 1);
    form->addWidget(secretLabel, 1, 0);
    form->addWidget(m_secret, 1, 1);
    form->addWidget(secretHint, 2, 1);

    m_checkButton->setObjectName(QStringLiteral("personioCheckButton"));
    // Enter in a field means Save (the dialog's default button), never Check or Remove.
    m_checkButton->setAutoDefault(false);
    m_removeButton->setAutoDefault(false);
    m_removeButton->setObjectName(QStringLiteral("personioRemoveButton"));
    m_removeButton->setToolTip(tr("Empties the fields. Personio is removed from Hirebridge when you press Save."));
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_checkButton);
    buttons->addStretch(1);
    buttons->addWidget(m_removeButton);

    auto* fields = new QVBoxLayout;
    fields->addWidget(intro);
    fields->addWidget(m_state);
    fields->addSpacing(4);
    fields->addLayout(form);
    fields->addWidget(m_advancedButton, 0, Qt::AlignLeft);
    fields->addWidget(m_advanced);
    fields->addWidget(m_status);
    fields->addLayout(buttons);
    fields->addStretch(1);

    // The menu paths (and the newer "Marketplace" location) and the scope names come from
    // reference/other-hris-apis.md §2.2, which is not confirmed against a live Personio account: check the wording
    // there before a release. The e-mail whitelist is not optional: the duplicate check looks hires up by e-mail.
    m_guide->setGuide(tr("How to connect Personio (needs a Personio admin)"),
        {tr("In Personio, open <b>Settings → API credentials</b> (in the newer menu: <b>Marketplace → Connected "
            "integrations</b>) and create new credentials named \"Hirebridge\"."),
            tr("Give them the scopes to <b>read and write employees</b> and to <b>upload documents</b>."),
            tr("Among the readable attributes, tick at least <b>email</b>, <b>first_name</b>, <b>last_name</b> and "
               "<b>status</b>."),
            tr("Copy the <b>client ID</b> and <b>client secret</b> into the fields on the left and press <b>Check "
               "connection</b>. Hirebridge only reads; it adds nobody.")},
        tr("<b>Make e-mail readable.</b> Personio hides every attribute that is not ticked. Without <b>email</b> "
           "Hirebridge cannot see that a new hire is already in Personio and could add them twice."));
    m_guide->setMinimumWidth(260);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(fields, 3);
    layout->addWidget(m_guide, 2);

    connect(m_clientId, &QLineEdit::textEdited, this, &PersonioCredentialsWidget::onEdited);
    connect(m_secret, &SecretField::textEdited, this, &PersonioCredentialsWidget::onEdited);
    connect(m_url, &QLineEdit::textEdited, this, &PersonioCredentialsWidget::onEdited);
    connect(m_advancedButton, &QToolButton::toggled, this, &PersonioCredentialsWidget::onAdvancedToggled);
    connect(m_checkButton, &QPushButton::clicked, this, &PersonioCredentialsWidget::checkRequested);
    connect(m_removeButton, &QPushButton::clicked, this, &PersonioCredentialsWidget::onRemoveClicked);
    updateState();
}

void PersonioCredentialsWidget::load(const PersonioConfig& config)
{
    m_loaded = config;
    m_clientId->setText(config.clientId);
    m_secret->setText(config.clientSecret);
    const bool custom = !config.url.isEmpty() && config.url != defaultUrl();
    m_url->setText(custom ? config.url.toString() : QString());
    m_advancedButton->setChecked(custom);
    clearStatus();
    updateState();
}

PersonioConfig PersonioCredentialsWidget::config() const
{
    PersonioConfig c = m_loaded;
    c.clientId = m_clientId->text().trimmed();
    c.clientSecret = m_secret->text();
    QString ignored; // problem() reports it
    const QUrl typed = typedUrl(&ignored);
    // Config counts Personio as a target once a URL is set, so there is none without a client ID.
    c.url = c.clientId.isEmpty() ? QUrl() : (typed.isEmpty() ? defaultUrl() : typed);
    return c;
}

bool PersonioCredentialsWidget::isUsed() const
{
    return !m_clientId->text().trimmed().isEmpty() || !m_secret->text().isEmpty() || !m_url->text().trimmed().isEmpty();
}

QString PersonioCredentialsWidget::problem() const
{
    if (!isUsed()) {
        return {};
    }
    const bool hasId = !m_clientId->text().trimmed().isEmpty();
    const bool hasSecret = !m_secret->text().isEmpty();
    if (!hasId && !hasSecret) {
        return tr("Enter the client ID and secret too, or press Remove Personio.");
    }
    if (!hasId) {
        return tr("Enter the Personio client ID too, or press Remove Personio.");
    }
    if (!hasSecret) {
        return tr("Enter the Personio client secret too, or press Remove Personio.");
    }
    QString problem;
    typedUrl(&problem);
    return problem;
}

void PersonioCredentialsWidget::showChecking()
{
    m_checking = true;
    m_status->showBusy(tr("Checking the client ID and secret with Personio…"));
    updateState();
}

void PersonioCredentialsWidget::showResult(const ApiError& error)
{
    m_checking = false;
    updateState();
    if (!error.isError()) {
        m_status->showOk(tr("Connected to Personio: the client ID and secret work. Make sure e-mail is among the "
                            "readable attributes (see the guide), or the duplicate check cannot work."));
        return;
    }
    if (error.kind == ApiError::Kind::Unauthorized && error.httpStatus != 403) {
        m_status->showError(tr("Personio refused the client ID or secret. Check that both were copied completely "
                               "and that the credentials still exist in Personio."));
    } else if (error.kind == ApiError::Kind::Unauthorized) {
        m_status->showError(tr("Personio accepted the credentials, but they may not read employee attributes. Add "
                               "the scope to read employees to the credentials in Personio."));
    } else {
        m_status->showError(ConnectionErrorText::describe(error, tr("Personio"), config().url));
    }
}

void PersonioCredentialsWidget::showProblem(const QString& text)
{
    m_checking = false;
    updateState();
    m_status->showError(text);
}

void PersonioCredentialsWidget::clearStatus()
{
    m_checking = false;
    m_status->clear();
    updateState();
}

void PersonioCredentialsWidget::setGuideVisible(bool visible)
{
    m_guide->setVisible(visible);
}

void PersonioCredentialsWidget::onEdited()
{
    updateState();
    Q_EMIT changed();
}

void PersonioCredentialsWidget::onRemoveClicked()
{
    m_clientId->clear();
    m_secret->setText(QString());
    m_url->clear();
    m_advancedButton->setChecked(false);
    m_status->clear();
    m_checking = false;
    updateState();
    Q_EMIT changed();
}

void PersonioCredentialsWidget::onAdvancedToggled(bool open)
{
    m_advanced->setVisible(open);
    m_advancedButton->setArrowType(open ? Qt::DownArrow : Qt::RightArrow);
}

void PersonioCredentialsWidget::updateState()
{
    const bool wasUsed = !m_loaded.clientId.isEmpty();
    const bool used = isUsed();
    if (used && wasUsed) {
        m_state->setText(tr("In use: you can send hires to Personio from the dashboard."));
    } else if (used) {
        m_state->setText(tr("Personio is added when you press Save."));
    } else if (wasUsed) {
        m_state->setText(tr("Personio is removed when you press Save (Cancel keeps it)."));
    } else {
        m_state->setText(tr("Not in use. Fill in the fields below to send hires to Personio as well."));
    }
    m_state->setStyleSheet(!used && wasUsed ? kRemovingStyle : QString());
    m_checkButton->setEnabled(!m_checking);
    m_removeButton->setEnabled(used);
}

QUrl PersonioCredentialsWidget::typedUrl(QString* problem) const
{
    const QString text = m_url->text().trimmed();
    if (text.isEmpty()) {
        return {};
    }
    QUrl url(text, QUrl::StrictMode);
    const QString scheme = url.scheme();
    if (!url.isValid() || url.host().isEmpty()
        || (scheme != QLatin1String("https")
            && !(scheme == QLatin1String("http") && HttpClient::isLoopbackHost(url.host())))) {
        *problem = tr("\"%1\" is not a secure web address (https://…) for Personio's API.").arg(text);
        return {};
    }
    // The client appends /v1/...: a trailing slash would double up.
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/'))) {
        path.chop(1);
    }
    url.setPath(path);
    return url;
}
