#include "BambooHrCredentialsWidget.h"

#include "ConnectionErrorText.h"
#include "GuidePanel.h"
#include "InlineStatus.h"
#include "SecretField.h"
#include "setup/SetupDraft.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
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

BambooHrCredentialsWidget::BambooHrCredentialsWidget(QWidget* parent)
    : QWidget(parent)
    , m_state(new QLabel(this))
    , m_address(new QLineEdit(this))
    , m_addressHint(new QLabel(this))
    , m_key(new SecretField(QStringLiteral("bambooHrApiKey"), this))
    , m_checkButton(new QPushButton(tr("Check connection"), this))
    , m_removeButton(new QPushButton(tr("Remove BambooHR"), this))
    , m_status(new InlineStatus(this))
    , m_guide(new GuidePanel(this))
{
    setObjectName(QStringLiteral("bambooHrCredentialsWidget"));
    m_state->setObjectName(QStringLiteral("bambooHrStateLabel"));
    m_status->setObjectName(QStringLiteral("bambooHrCheckStatus"));
    m_state->setWordWrap(true);
    QFont bold = m_state->font();
    bold.setBold(true);
    m_state->setFont(bold);
    auto* intro = new QLabel(tr("Optional. Fill this in only if your company also keeps its employees in BambooHR: "
                                "the dashboard then offers BambooHR beside Bob for every hire."),
        this);
    intro->setWordWrap(true);

    m_address->setObjectName(QStringLiteral("bambooHrAddressEdit"));
    m_address->setPlaceholderText(tr("for example acme"));
    m_address->setClearButtonEnabled(true);
    m_addressHint->setObjectName(QStringLiteral("bambooHrAddressHint"));
    makeHint(m_addressHint);
    m_addressHint->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_key->setPlaceholderText(tr("Paste the key from BambooHR here"));
    auto* keyHint = new QLabel(tr("The key stays on this computer, in the system keychain."), this);
    makeHint(keyHint);

    auto* addressLabel = new QLabel(tr("Company &domain:"), this);
    addressLabel->setBuddy(m_address);
    auto* keyLabel = new QLabel(tr("API &key:"), this);
    keyLabel->setBuddy(m_key->lineEdit());
    // A grid rather than a QFormLayout: the form reserves too much height for wrapped hints whose text changes.
    auto* form = new QGridLayout;
    form->setColumnStretch(1, 1);
    form->addWidget(addressLabel, 0, 0);
    form->addWidget(m_address, 0, 1);
    form->addWidget(m_addressHint, 1, 1);
    form->addWidget(keyLabel, 2, 0);
    form->addWidget(m_key, 2, 1);
    form->addWidget(keyHint, 3, 1);

    m_checkButton->setObjectName(QStringLiteral("bambooHrCheckButton"));
    // Enter in a field means Save (the dialog's default button), never Check or Remove.
    m_checkButton->setAutoDefault(false);
    m_removeButton->setAutoDefault(false);
    m_removeButton->setObjectName(QStringLiteral("bambooHrRemoveButton"));
    m_removeButton->setToolTip(tr("Empties the fields. BambooHR is removed from Hirebridge when you press Save."));
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_checkButton);
    buttons->addStretch(1);
    buttons->addWidget(m_removeButton);

    auto* fields = new QVBoxLayout;
    fields->addWidget(intro);
    fields->addWidget(m_state);
    fields->addSpacing(4);
    fields->addLayout(form);
    fields->addWidget(m_status);
    fields->addLayout(buttons);
    fields->addStretch(1);

    // The menu path, the key's permission model and "shown only once" come from reference/other-hris-apis.md §1.2,
    // which is not confirmed against a live BambooHR account: check the wording there before a release.
    m_guide->setGuide(tr("How to connect BambooHR"),
        {tr("Sign in to BambooHR as the person Hirebridge should act for. The key can do exactly what this person may "
            "do, so they need the rights to <b>add employees</b> and to <b>upload documents</b>."),
            tr("Click your <b>avatar</b> (top right) → <b>API Keys</b> → <b>Add new key</b>, name it "
               "\"Hirebridge\" and copy the key into the field on the left."),
            tr("Enter your <b>company domain</b>: the part before .bamboohr.com in the address you sign in at "
               "(<b>acme</b> for acme.bamboohr.com)."),
            tr("Press <b>Check connection</b>. Hirebridge only reads BambooHR's list of fields; it adds nobody.")},
        tr("<b>BambooHR shows the key only once.</b> Paste it here right away; if it is lost, add a new key."));
    m_guide->setMinimumWidth(260);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(fields, 3);
    layout->addWidget(m_guide, 2);

    connect(m_address, &QLineEdit::textEdited, this, &BambooHrCredentialsWidget::onEdited);
    connect(m_key, &SecretField::textEdited, this, &BambooHrCredentialsWidget::onEdited);
    connect(m_checkButton, &QPushButton::clicked, this, &BambooHrCredentialsWidget::checkRequested);
    connect(m_removeButton, &QPushButton::clicked, this, &BambooHrCredentialsWidget::onRemoveClicked);
    updateState();
}

void BambooHrCredentialsWidget::load(const BambooHrConfig& config)
{
    m_loaded = config;
    m_address->setText(config.url.isEmpty() ? QString() : SetupDraft::bambooHrInputFromUrl(config.url));
    m_key->setText(config.apiKey);
    clearStatus();
    updateState();
}

BambooHrConfig BambooHrCredentialsWidget::config() const
{
    BambooHrConfig c = m_loaded;
    QString ignored; // problem() reports it
    c.url = SetupDraft::bambooHrUrlFromInput(m_address->text(), &ignored);
    c.apiKey = m_key->text();
    return c;
}

bool BambooHrCredentialsWidget::isUsed() const
{
    return !m_address->text().trimmed().isEmpty() || !m_key->text().isEmpty();
}

QString BambooHrCredentialsWidget::problem() const
{
    const bool hasAddress = !m_address->text().trimmed().isEmpty();
    const bool hasKey = !m_key->text().isEmpty();
    if (!hasAddress && !hasKey) {
        return {};
    }
    if (!hasAddress) {
        return tr("Enter BambooHR's company domain too, or press Remove BambooHR.");
    }
    QString problem;
    SetupDraft::bambooHrUrlFromInput(m_address->text(), &problem);
    if (!problem.isEmpty()) {
        return problem;
    }
    if (!hasKey) {
        return tr("Enter the BambooHR API key too, or press Remove BambooHR.");
    }
    return {};
}

void BambooHrCredentialsWidget::showChecking()
{
    m_checking = true;
    m_status->showBusy(tr("Checking the API key with BambooHR…"));
    updateState();
}

void BambooHrCredentialsWidget::showResult(const ApiError& error)
{
    m_checking = false;
    updateState();
    if (!error.isError()) {
        m_status->showOk(tr("Connected to BambooHR: the company domain and the API key work. Hirebridge cannot "
                            "test the right to add employees without adding one, so make sure the key's owner has "
                            "it."));
        return;
    }
    const QUrl url = config().url;
    if (error.kind == ApiError::Kind::Unauthorized && error.httpStatus != 403) {
        m_status->showError(tr("BambooHR refused the API key. Check that it was copied completely and that it was "
                               "not removed in BambooHR (avatar → API Keys)."));
    } else if (error.kind == ApiError::Kind::Unauthorized) {
        m_status->showError(tr("BambooHR accepted the key, but its owner may not read the employee fields. Give "
                               "that person more rights in BambooHR, or add a key as someone who has them."));
    } else if (error.httpStatus == 404) {
        m_status->showError(tr("BambooHR does not know the company \"%1\". Check the company domain: the part "
                               "before .bamboohr.com where you sign in.")
                                .arg(m_address->text().trimmed()));
    } else {
        m_status->showError(ConnectionErrorText::describe(error, tr("BambooHR"), url));
    }
}

void BambooHrCredentialsWidget::showProblem(const QString& text)
{
    m_checking = false;
    updateState();
    m_status->showError(text);
}

void BambooHrCredentialsWidget::clearStatus()
{
    m_checking = false;
    m_status->clear();
    updateState();
}

void BambooHrCredentialsWidget::setGuideVisible(bool visible)
{
    m_guide->setVisible(visible);
}

void BambooHrCredentialsWidget::onEdited()
{
    updateState();
    Q_EMIT changed();
}

void BambooHrCredentialsWidget::onRemoveClicked()
{
    m_address->clear();
    m_key->setText(QString());
    m_status->clear();
    m_checking = false;
    updateState();
    Q_EMIT changed();
}

void BambooHrCredentialsWidget::updateState()
{
    const bool wasUsed = !m_loaded.url.isEmpty();
    const bool used = isUsed();
    if (used && wasUsed) {
        m_state->setText(tr("In use: you can send hires to BambooHR from the dashboard."));
    } else if (used) {
        m_state->setText(tr("BambooHR is added when you press Save."));
    } else if (wasUsed) {
        m_state->setText(tr("BambooHR is removed when you press Save (Cancel keeps it)."));
    } else {
        m_state->setText(tr("Not in use. Fill in the fields below to send hires to BambooHR as well."));
    }
    m_state->setStyleSheet(!used && wasUsed ? kRemovingStyle : QString());

    const QString text = m_address->text().trimmed();
    QString problem;
    const QUrl url = SetupDraft::bambooHrUrlFromInput(text, &problem);
    if (!problem.isEmpty()) {
        m_addressHint->setText(problem);
    } else if (!text.isEmpty() && url.toString() != text) {
        // Show what a company domain or a sign-in address turns into; a full API address needs no echo.
        m_addressHint->setText(tr("API address: %1").arg(url.toString()));
    } else {
        m_addressHint->setText(tr("The part before .bamboohr.com in the address you sign in at. A full API "
                                  "address works too."));
    }

    m_checkButton->setEnabled(!m_checking);
    m_removeButton->setEnabled(used);
}
