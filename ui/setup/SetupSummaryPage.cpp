#include "SetupSummaryPage.h"

#include "settings/InlineStatus.h"
#include "setup/SetupLogging.h"

#include <QLabel>
#include <QScrollArea>
#include <QSettings>
#include <QVBoxLayout>
#include <QWizard>

SetupSummaryPage::SetupSummaryPage(SetupDraft* draft, SecretStore* secrets, QWidget* parent)
    : QWizardPage(parent)
    , m_draft(draft)
    , m_secrets(secrets)
    , m_store(new SetupDraftStore(secrets, this))
    , m_summary(new QLabel(this))
    , m_status(new InlineStatus(this))
{
    setObjectName(QStringLiteral("setupSummaryPage"));
    setTitle(tr("Ready to go"));
    setSubTitle(tr("Check what you set up, then press Finish to save it."));
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setObjectName(QStringLiteral("summarySaveStatus"));

    auto* scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("summaryScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(m_summary);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(scroll, 1);
    layout->addWidget(m_status);

    connect(m_store, &SetupDraftStore::saved, this, &SetupSummaryPage::onSaved);
}

SetupSummaryPage::~SetupSummaryPage() = default;

void SetupSummaryPage::initializePage()
{
    m_saved = false;
    m_status->clear();
    m_summary->setText(summaryHtml());
}

QString SetupSummaryPage::summaryHtml() const
{
    const auto row = [](const QString& what, const QString& value) {
        return QStringLiteral("<tr><td style=\"padding:0 12px 8px 0\"><b>%1</b></td><td style=\"padding-bottom:8px\">"
                              "%2</td></tr>")
            .arg(what, value);
    };
    const Config& c = m_draft->config;
    QString ashby = m_draft->ashbyVerified ? tr("Connected, key checked") : tr("Not checked");
    if (!m_draft->ashbyKeyTitle.isEmpty()) {
        ashby += tr(" (key \"%1\")").arg(m_draft->ashbyKeyTitle.toHtmlEscaped());
    }
    QString bob = c.bob.mode == BobMode::HireApi
        ? tr("Hire API: new hires wait in Bob's pending hires until HR completes them")
        : tr("Direct: Hirebridge creates the employee in Bob");
    bob += QStringLiteral("<br>")
        + tr("Service user %1; %2")
              .arg(c.bob.serviceUserId.toHtmlEscaped(), m_draft->bobVerified ? tr("checked") : tr("not checked"));
    for (const QString& consequence : m_draft->bobConsequences) {
        bob += QStringLiteral("<br>⚠ ") + consequence.toHtmlEscaped();
    }
    QStringList people;
    for (const Recipient& r : m_draft->recipients) {
        people << (r.name.isEmpty()
                ? r.email.toHtmlEscaped()
                : QStringLiteral("%1 &lt;%2&gt;").arg(r.name.toHtmlEscaped(), r.email.toHtmlEscaped()));
    }
    const QString recipients
        = people.isEmpty() ? tr("Nobody yet (add people later in Settings)") : people.join(QStringLiteral("<br>"));
    const QString test = c.bob.mode != BobMode::HireApi ? tr("Not available in direct mode")
        : m_draft->testHireSent                         ? tr("Sent; Bob accepted it. Remember to delete it in Bob.")
                                                        : tr("Skipped");
    const QString mail = m_draft->smtp.isConfigured()
        ? tr("Through %1").arg(m_draft->smtp.host.toHtmlEscaped())
        : tr("Not set up yet: open Settings → Notifications to enter your company's mail server");
    const QString secrets = m_secrets ? m_secrets->description().toHtmlEscaped() : tr("nowhere");

    QString html = QStringLiteral("<table cellspacing=\"0\" cellpadding=\"0\">");
    html += row(tr("Ashby"), ashby);
    html += row(tr("Bob"), bob);
    html += row(tr("E-mail after each transfer to"), recipients);
    html += row(tr("Mail server"), mail);
    html += row(tr("Test candidate"), test);
    html += row(tr("Keys and tokens are kept in"), secrets);
    html += QStringLiteral("</table>");
    html += QStringLiteral("<p><b>%1</b> %2</p>")
                .arg(tr("Next step:"),
                    tr("press Finish. Hirebridge then shows your new hires: press <b>Sync</b> to fetch hired "
                       "candidates from Ashby, check them, tick the ones to send and press <b>Push</b>. You can "
                       "change all of this later under Settings, or run this setup again from the menu."));
    return html;
}

bool SetupSummaryPage::isComplete() const
{
    return !m_saving;
}

bool SetupSummaryPage::validatePage()
{
    if (m_saved) {
        return true;
    }
    if (m_saving) {
        return false;
    }
    m_saving = true;
    m_status->showBusy(tr("Saving…"));
    Q_EMIT completeChanged();
    QSettings* settings = m_settings;
    if (!settings) {
        m_ownSettings = std::make_unique<QSettings>();
        settings = m_ownSettings.get();
    }
    m_store->save(*m_draft, *settings, true);
    return false;
}

void SetupSummaryPage::onSaved(const SetupDraftStore::SaveResult& result)
{
    m_saving = false;
    Q_EMIT saved(result);
    if (!result.ok) {
        m_status->showError(tr("Not everything could be saved:") + QLatin1Char('\n')
            + result.errors.join(QLatin1Char('\n')) + QLatin1Char('\n') + tr("Press Finish to try again."));
        Q_EMIT completeChanged();
        return;
    }
    m_saved = true;
    m_summary->setText(summaryHtml()); // the storage place may have changed (keychain refused)
    Q_EMIT completeChanged();
    if (result.secretsInMemoryOnly) {
        setButtonText(QWizard::FinishButton, tr("&Finish"));
        qCWarning(lcSetup) << "setup saved; secrets kept in memory only";
        m_status->showWarning(tr("Your settings are saved, but the system keychain is not available, so the keys "
                                 "and tokens are kept only until Hirebridge quits. You will be asked for them again "
                                 "next time. Press Finish to continue."));
        return;
    }
    qCInfo(lcSetup) << "setup saved";
    m_status->showOk(tr("Saved."));
    if (wizard() && wizard()->currentPage() == this) {
        wizard()->accept();
    }
}
