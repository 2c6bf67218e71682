#pragma once

#include "http/ApiError.h"
#include "settings/Config.h"

#include <QWidget>

class GuidePanel;
class InlineStatus;
class QLabel;
class QLineEdit;
class QPushButton;
class QToolButton;
class SecretField;

// Personio, an optional second HR system: the API client ID and secret (masked) and, under "Advanced", the API
// address; a numbered guide to creating the credentials beside them (with the warning that e-mail must be a
// readable attribute), the inline result of a check, and "Remove Personio". Empty fields mean "not used"; a line at
// the top says in words whether Personio is used, added or removed on Save. Used by the Settings dialog's Personio
// tab.
class PersonioCredentialsWidget : public QWidget
{
    Q_OBJECT
public:
    explicit PersonioCredentialsWidget(QWidget* parent = nullptr);

    void load(const PersonioConfig& config);
    // What is in the fields, trimmed. An empty address means Personio's default once a client ID is given; with no
    // client ID everything is empty (not used).
    PersonioConfig config() const;
    bool isUsed() const; // something is typed in
    // Empty when the fields can be saved as they are (ID and secret filled, or everything empty); else one sentence.
    QString problem() const;

    void showChecking();
    // The result of PersonioClient::check(): no error means the ID and secret work.
    void showResult(const ApiError& error);
    void showProblem(const QString& text);
    void clearStatus();
    bool isChecking() const { return m_checking; }

    InlineStatus* status() const { return m_status; }
    QPushButton* checkButton() const { return m_checkButton; }
    QPushButton* removeButton() const { return m_removeButton; }
    QLabel* stateLabel() const { return m_state; }
    void setGuideVisible(bool visible);

    static QUrl defaultUrl() { return QUrl(QStringLiteral("https://api.personio.de")); }

Q_SIGNALS:
    void changed(); // the admin edited a field or pressed Remove
    void checkRequested();

private Q_SLOTS:
    void onEdited();
    void onRemoveClicked();
    void onAdvancedToggled(bool open);

private:
    void updateState();
    // The address field parsed; empty when the field is empty. *problem is set when it cannot be used.
    QUrl typedUrl(QString* problem) const;

    PersonioConfig m_loaded; // keeps what the widget does not edit, and tells "removed" from "never used"
    bool m_checking = false;
    QLabel* m_state;
    QLineEdit* m_clientId;
    SecretField* m_secret;
    QToolButton* m_advancedButton;
    QWidget* m_advanced;
    QLineEdit* m_url;
    QPushButton* m_checkButton;
    QPushButton* m_removeButton;
    InlineStatus* m_status;
    GuidePanel* m_guide;
};
