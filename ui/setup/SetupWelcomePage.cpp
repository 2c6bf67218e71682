#include "SetupWelcomePage.h"

#include "setup/ConnectionCheck.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

SetupWelcomePage::SetupWelcomePage(QWidget* parent)
    : QWizardPage(parent)
    , m_demoButton(new QPushButton(tr("Try with demo data"), this))
    , m_storage(new QLabel(this))
{
    setObjectName(QStringLiteral("setupWelcomePage"));
    setTitle(tr("Welcome to Hirebridge"));
    setSubTitle(tr("Hirebridge sends the people you hire in Ashby to Bob, so HR does not type them in twice. "
                   "Setting it up takes about ten minutes."));

    const QStringList permissions = ConnectionCheck::requiredPermissionNames();
    auto* needs = new QLabel(this);
    needs->setObjectName(QStringLiteral("welcomeNeedsLabel"));
    needs->setWordWrap(true);
    needs->setTextFormat(Qt::RichText);
    needs->setText(
        tr("<p><b>Before you start, you need:</b></p>"
           "<table cellspacing=\"0\" cellpadding=\"0\">"
           "<tr><td style=\"padding-right:8px\"><b>1.</b></td><td style=\"padding-bottom:8px\">"
           "<b>An Ashby API key</b> with these permissions:<br>%1<br>An Ashby admin creates it under Admin → "
           "Integrations → API Keys; the next page shows how.</td></tr>"
           "<tr><td style=\"padding-right:8px\"><b>2.</b></td><td style=\"padding-bottom:8px\">"
           "<b>A Bob admin</b> who can create a <i>service user</i> (an ID and a token for Hirebridge) and, for the "
           "recommended Hire API, copy the Hire API URL. The Bob page shows the steps.</td></tr>"
           "<tr><td style=\"padding-right:8px\"><b>3.</b></td><td style=\"padding-bottom:8px\">"
           "<b>Your work e-mail address</b>, so Hirebridge can tell you after each transfer.</td></tr>"
           "</table>")
            .arg(QStringLiteral("&nbsp;&nbsp;•&nbsp;") + permissions.join(QStringLiteral("<br>&nbsp;&nbsp;•&nbsp;"))));

    m_storage->setObjectName(QStringLiteral("welcomeStorageLabel"));
    m_storage->setWordWrap(true);
    m_storage->setTextFormat(Qt::RichText);
    m_storage->setText(tr("Nothing is sent to Bob until you say so. Keys and tokens are kept in your system keychain, "
                          "never in a plain file."));

    m_demoButton->setObjectName(QStringLiteral("demoButton"));
    auto* demoHint = new QLabel(
        tr("Not ready yet? Look around first with made-up hires; nothing touches your real Ashby or Bob."), this);
    demoHint->setWordWrap(true);
    auto* demoRow = new QHBoxLayout;
    demoRow->addWidget(m_demoButton);
    demoRow->addWidget(demoHint, 1);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(needs);
    layout->addWidget(m_storage);
    layout->addStretch(1);
    layout->addLayout(demoRow);

    connect(m_demoButton, &QPushButton::clicked, this, &SetupWelcomePage::demoRequested);
}

void SetupWelcomePage::setKeychainUnavailable(const QString& reason)
{
    m_storage->setText(tr("Nothing is sent to Bob until you say so. <b>This computer has no system keychain Hirebridge "
                          "can use</b> (%1), so the keys and tokens you enter are kept only while Hirebridge runs: it "
                          "asks for them again after a restart. They are never written to a file.")
                           .arg(reason.toHtmlEscaped()));
}
