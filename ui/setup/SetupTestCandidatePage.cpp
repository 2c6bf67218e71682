#include "SetupTestCandidatePage.h"

#include "settings/InlineStatus.h"
#include "setup/SetupDraft.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

SetupTestCandidatePage::SetupTestCandidatePage(SetupDraft* draft, HttpClient* http, QWidget* parent)
    : QWizardPage(parent)
    , m_draft(draft)
    , m_testHire(new TestHire(http, this))
    , m_intro(new QLabel(this))
    , m_send(new QPushButton(tr("Send test candidate"), this))
    , m_status(new InlineStatus(this))
    , m_sent(new QPlainTextEdit(this))
    , m_answer(new QPlainTextEdit(this))
    , m_link(new QLabel(this))
{
    setObjectName(QStringLiteral("setupTestCandidatePage"));
    setTitle(tr("Send a test candidate (optional)"));
    setSubTitle(tr("See exactly what Bob receives before any real hire is sent."));

    m_intro->setObjectName(QStringLiteral("testIntroLabel"));
    m_intro->setWordWrap(true);
    m_send->setObjectName(QStringLiteral("sendTestCandidateButton"));
    m_sent->setObjectName(QStringLiteral("testSentView"));
    m_answer->setObjectName(QStringLiteral("testAnswerView"));
    for (QPlainTextEdit* view : {m_sent, m_answer}) {
        view->setReadOnly(true);
        view->setLineWrapMode(QPlainTextEdit::NoWrap);
        QFont mono(QStringLiteral("monospace"));
        mono.setStyleHint(QFont::Monospace);
        view->setFont(mono);
    }
    m_sent->setPlaceholderText(tr("Nothing sent yet."));
    m_answer->setPlaceholderText(tr("Bob's answer appears here."));
    m_link->setObjectName(QStringLiteral("pendingHiresLink"));
    m_link->setTextFormat(Qt::RichText);
    m_link->setOpenExternalLinks(true);
    m_link->setVisible(false);

    auto* row = new QHBoxLayout;
    row->addWidget(m_send);
    row->addWidget(m_link, 1);

    auto* views = new QGridLayout;
    views->addWidget(new QLabel(tr("What Hirebridge sent:"), this), 0, 0);
    views->addWidget(new QLabel(tr("What Bob answered:"), this), 0, 1);
    views->addWidget(m_sent, 1, 0);
    views->addWidget(m_answer, 1, 1);
    views->setColumnStretch(0, 3);
    views->setColumnStretch(1, 2);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addLayout(row);
    layout->addWidget(m_status);
    layout->addLayout(views, 1);

    connect(m_send, &QPushButton::clicked, this, &SetupTestCandidatePage::onSendClicked);
    connect(m_testHire, &TestHire::finished, this, &SetupTestCandidatePage::onFinished);
}

void SetupTestCandidatePage::initializePage()
{
    const bool hireApi = m_draft->config.bob.mode == BobMode::HireApi;
    m_send->setEnabled(hireApi);
    if (hireApi) {
        m_intro->setText(tr("Hirebridge sends one made-up person, \"%1\", with an e-mail address that cannot "
                            "receive mail. Bob lists it with your pending hires; delete it there afterwards. You can "
                            "skip this step and press Next.")
                             .arg(TestHire::candidateName()));
    } else {
        m_intro->setText(tr("In direct mode a test would create a real employee record in Bob, so no test candidate "
                            "is sent. Press Next."));
    }
}

bool SetupTestCandidatePage::isComplete() const
{
    return !m_testHire->isRunning();
}

void SetupTestCandidatePage::onSendClicked()
{
    m_send->setEnabled(false);
    m_link->setVisible(false);
    m_answer->clear();
    m_status->showBusy(tr("Sending the test candidate to Bob…"));
    Q_EMIT completeChanged();
    m_testHire->send(m_draft->config.bob);
}

void SetupTestCandidatePage::onFinished(const TestHire::Result& result)
{
    m_send->setEnabled(true);
    m_send->setText(tr("Send another test candidate"));
    m_sent->setPlainText(QString::fromUtf8(result.sent));
    QString answer;
    if (!result.answer.isEmpty()) {
        const QJsonDocument doc = QJsonDocument::fromJson(result.answer);
        answer
            = doc.isNull() ? QString::fromUtf8(result.answer) : QString::fromUtf8(doc.toJson(QJsonDocument::Indented));
    }
    if (result.ok()) {
        m_answer->setPlainText(tr("HTTP %1\n\n%2").arg(result.httpStatus).arg(answer));
        m_status->showOk(tr("Bob accepted the test candidate. Look for \"%1\" in Bob's pending hires, then delete it.")
                             .arg(TestHire::candidateName()));
        m_draft->testHireSent = true;
        if (m_sandboxControlUrl.isValid() && !m_sandboxControlUrl.isEmpty()) {
            QUrl url = m_sandboxControlUrl;
            url.setPath(url.path() + QStringLiteral("/pending-hires"));
            m_link->setText(tr("<a href=\"%1\">Open the received record</a> (sandbox)")
                                .arg(url.toString(QUrl::FullyEncoded).toHtmlEscaped()));
            m_link->setVisible(true);
        }
    } else {
        m_answer->setPlainText(result.httpStatus ? tr("HTTP %1\n\n%2").arg(result.httpStatus).arg(result.error.message)
                                                 : result.error.message);
        QString text = tr("Bob did not accept the test candidate: %1").arg(result.error.message);
        if (result.httpStatus == 401) {
            text = tr("Bob refused the service user ID or token for the Hire API URL. Check that the Hire API "
                      "integration in Bob uses this service user.");
        } else if (result.httpStatus == 404) {
            text = tr("Bob does not know this Hire API URL. Copy it again from the Hire API integration in Bob.");
        }
        m_status->showError(text);
    }
    Q_EMIT completeChanged();
}
