#include "SetupRecipientsPage.h"

#include "hris/bob/BobClient.h"
#include "notify/Recipient.h"
#include "recipients/RecipientsEditor.h"
#include "setup/SetupDraft.h"
#include "setup/SetupLogging.h"

#include <QCryptographicHash>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

SetupRecipientsPage::SetupRecipientsPage(SetupDraft* draft, HttpClient* http, QWidget* parent)
    : QWizardPage(parent)
    , m_draft(draft)
    , m_http(http)
    , m_adminEmail(new QLineEdit(this))
    , m_adminMatch(new QLabel(this))
    , m_editor(new RecipientsEditor(this))
{
    setObjectName(QStringLiteral("setupRecipientsPage"));
    setTitle(tr("Who should be told about new hires?"));
    setSubTitle(tr("After every transfer to Bob these people get one e-mail listing who was sent, who was already in "
                   "Bob and what failed."));

    m_adminEmail->setObjectName(QStringLiteral("adminEmailEdit"));
    m_adminEmail->setPlaceholderText(tr("you@yourcompany.com"));
    m_adminMatch->setObjectName(QStringLiteral("adminMatchLabel"));
    m_adminMatch->setWordWrap(true);
    m_editor->setObjectName(QStringLiteral("recipientsEditor"));

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Your work &e-mail:"), m_adminEmail);
    form->addRow(QString(), m_adminMatch);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_editor, 1);

    connect(m_adminEmail, &QLineEdit::textEdited, this, &SetupRecipientsPage::onAdminEmailEdited);
    connect(m_editor, &RecipientsEditor::directoryRequested, this, &SetupRecipientsPage::onDirectoryRequested);
    connect(m_editor, &RecipientsEditor::changed, this, &QWizardPage::completeChanged);
}

void SetupRecipientsPage::initializePage()
{
    m_adminEmail->setText(m_draft->adminEmail);
    m_editor->setRecipients(m_draft->recipients);
    m_adminMatch->setText(tr("You are added to the list below. Hirebridge looks you up in Bob."));
    // The directory is tied to the Bob credentials: fetch again only when they changed.
    const BobConfig& bob = m_draft->config.bob;
    const QString key = bob.apiUrl.toString() + QLatin1Char('|') + bob.serviceUserId + QLatin1Char('|')
        + QString::fromLatin1(QCryptographicHash::hash(bob.token.toUtf8(), QCryptographicHash::Sha256).toHex());
    if (key != m_directoryKey) {
        m_directoryKey = key;
        m_directoryLoaded = false;
        m_directory = Directory();
        fetchDirectory();
    } else {
        updateAdminRecipient();
    }
}

bool SetupRecipientsPage::isComplete() const
{
    return Recipient::isValidEmail(m_adminEmail->text().trimmed()) || !m_editor->recipients().isEmpty();
}

bool SetupRecipientsPage::validatePage()
{
    updateAdminRecipient();
    m_draft->adminEmail = m_adminEmail->text().trimmed();
    m_draft->recipients = m_editor->recipients();
    return true;
}

void SetupRecipientsPage::onAdminEmailEdited()
{
    updateAdminRecipient();
    Q_EMIT completeChanged();
}

void SetupRecipientsPage::onDirectoryRequested()
{
    if (m_directoryLoaded) {
        m_editor->setDirectory(m_directory);
        return;
    }
    if (!m_bob) {
        fetchDirectory();
    }
}

void SetupRecipientsPage::fetchDirectory()
{
    delete m_bob.data();
    if (m_draft->config.bob.serviceUserId.isEmpty() || m_draft->config.bob.token.isEmpty()) {
        return;
    }
    m_bob = new BobClient(m_http, m_draft->config.bob, this);
    m_editor->setDirectoryLoading(true);
    BobClient* client = m_bob;
    client->searchPeople([this, client](const ApiError& error, const Directory& directory) {
        client->deleteLater();
        onDirectoryFetched(error, directory);
    });
}

void SetupRecipientsPage::onDirectoryFetched(const ApiError& error, const Directory& directory)
{
    if (error.isError()) {
        qCInfo(lcSetup) << "directory for the recipients page:" << error.toString();
        m_editor->setDirectoryLoading(false);
        m_editor->setDirectoryError(
            tr("Bob's people could not be loaded (%1). You can still add people by e-mail.").arg(error.message));
        m_adminMatch->setText(tr("Bob's directory could not be loaded; you are added by e-mail."));
        return;
    }
    m_directory = directory;
    m_directoryLoaded = true;
    m_editor->setDirectory(directory);
    updateAdminRecipient();
}

void SetupRecipientsPage::updateAdminRecipient()
{
    const QString email = m_adminEmail->text().trimmed();
    QList<Recipient> list = m_editor->recipients();
    // The admin entry follows the field; anyone the admin added stays.
    for (qsizetype i = list.size() - 1; i >= 0; --i) {
        if (list.at(i).source == Recipient::Source::SetupAdmin) {
            list.removeAt(i);
        }
    }
    if (!Recipient::isValidEmail(email)) {
        m_adminMatch->setText(email.isEmpty() ? tr("You are added to the list below once you type your address.")
                                              : tr("This does not look like an e-mail address yet."));
        m_editor->setRecipients(list);
        return;
    }
    for (qsizetype i = list.size() - 1; i >= 0; --i) {
        if (list.at(i).email.compare(email, Qt::CaseInsensitive) == 0) {
            list.removeAt(i); // the same person typed twice
        }
    }
    Recipient admin;
    admin.email = email;
    admin.source = Recipient::Source::SetupAdmin;
    if (m_directoryLoaded) {
        if (const auto match = m_directory.byEmail(email)) {
            admin.name = match->displayName.isEmpty()
                ? QStringList {match->firstName, match->surname}.join(QLatin1Char(' ')).trimmed()
                : match->displayName;
            admin.bobEmployeeId = match->id;
            admin.email = match->email.isEmpty() ? email : match->email;
            m_adminMatch->setText(tr("Found you in Bob: %1.").arg(admin.name));
        } else {
            m_adminMatch->setText(tr("This address is not in Bob's directory; you are added by e-mail."));
        }
    } else {
        m_adminMatch->setText(tr("You are added to the list below."));
    }
    list.prepend(admin);
    m_editor->setRecipients(list);
}
