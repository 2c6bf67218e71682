#pragma once

#include "settings/Config.h"
#include "setup/ConnectionCheck.h"

#include <QWidget>

class GuidePanel;
class InlineStatus;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QToolButton;
class SecretField;

// Bob's service user (ID, token masked), the Hire API URL and the mode (Hire API or direct), with a numbered guide
// to creating the service user beside them, the "token is shown once" warning, and the inline check result.
// Used by the wizard's Bob page and by the Settings dialog's Bob tab.
class BobCredentialsWidget : public QWidget
{
    Q_OBJECT
public:
    explicit BobCredentialsWidget(QWidget* parent = nullptr);

    void load(const BobConfig& config);
    BobConfig config() const;
    bool isFilledIn() const; // ID, token, and in Hire API mode a Hire URL

    void showChecking();
    void showResult(const ConnectionCheck::BobResult& result);
    void clearStatus();
    InlineStatus* status() const { return m_status; }
    // "Check connection": always shown in Settings; the wizard shows it (as "Check again") after a failure.
    QPushButton* checkButton() const { return m_checkButton; }
    void setGuideVisible(bool visible);
    // The guide's last step names the wizard's Next instead of the Check connection button.
    void setInWizard(bool inWizard);
    // The guide's steps (rich text), in Bob's order; and the extra permissions of direct mode.
    static QStringList guideSteps(bool inWizard);
    static QStringList directModeSteps();

    static QUrl defaultApiUrl() { return QUrl(QStringLiteral("https://api.hibob.com")); }

Q_SIGNALS:
    void changed();
    void checkRequested();

private Q_SLOTS:
    void onModeToggled();
    void onAdvancedToggled(bool open);

private:
    void showGuide();

    BobConfig m_loaded;
    bool m_inWizard = false;
    QRadioButton* m_hireApiMode;
    QRadioButton* m_directMode;
    QLineEdit* m_serviceUserId;
    SecretField* m_token;
    QLabel* m_hireUrlLabel;
    QLineEdit* m_hireUrl;
    QToolButton* m_advancedButton;
    QWidget* m_advanced;
    QLineEdit* m_apiUrl;
    QPushButton* m_checkButton;
    InlineStatus* m_status;
    GuidePanel* m_guide;
};
