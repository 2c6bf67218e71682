#pragma once

#include "setup/TestHire.h"

#include <QUrl>
#include <QWizardPage>

class InlineStatus;
class QLabel;
class QPlainTextEdit;
class QPushButton;
struct SetupDraft;

// Optional proof of the whole path: "Send test candidate" posts one clearly marked test hire to Bob's Hire URL and
// shows the JSON sent and Bob's answer side by side. Against the sandbox a link opens the received record.
class SetupTestCandidatePage : public QWizardPage
{
    Q_OBJECT
public:
    SetupTestCandidatePage(SetupDraft* draft, HttpClient* http, QWidget* parent = nullptr);

    void setSandboxControlUrl(const QUrl& url) { m_sandboxControlUrl = url; }

    void initializePage() override;
    bool isComplete() const override;

    QPlainTextEdit* sentView() const { return m_sent; }
    QPlainTextEdit* answerView() const { return m_answer; }

private Q_SLOTS:
    void onSendClicked();
    void onFinished(const TestHire::Result& result);

private:
    SetupDraft* m_draft;
    TestHire* m_testHire;
    QUrl m_sandboxControlUrl;
    QLabel* m_intro;
    QPushButton* m_send;
    InlineStatus* m_status;
    QPlainTextEdit* m_sent;
    QPlainTextEdit* m_answer;
    QLabel* m_link;
};
