#pragma once

#include "settings/Config.h"
#include "setup/ConnectionCheck.h"

#include <QWidget>

class GuidePanel;
class InlineStatus;
class QLabel;
class QLineEdit;
class QPushButton;
class QToolButton;
class SecretField;

// The Ashby API key (masked, with a Show toggle) and, under "Advanced", the API address, with a numbered guide to
// creating the key beside them and the inline result of a check below. Used by the wizard's Ashby page and by the
// Settings dialog's Ashby tab.
class AshbyCredentialsWidget : public QWidget
{
    Q_OBJECT
public:
    explicit AshbyCredentialsWidget(QWidget* parent = nullptr);

    void load(const AshbyConfig& config);
    // What is in the fields: key trimmed, an empty address means Ashby's default.
    AshbyConfig config() const;
    // Key present and the address (if any) parses.
    bool isFilledIn() const;

    void showChecking();
    void showResult(const ConnectionCheck::AshbyResult& result);
    void clearStatus();
    InlineStatus* status() const { return m_status; }
    // "Check connection": always shown in Settings; the wizard shows it (as "Check again") after a failure.
    QPushButton* checkButton() const { return m_checkButton; }
    void setGuideVisible(bool visible);
    // The guide's last step names the wizard's Next instead of the Check connection button.
    void setInWizard(bool inWizard);
    // The field's hint says the key lives only as long as this run.
    void setKeychainUnavailable();

    static QUrl defaultUrl() { return QUrl(QStringLiteral("https://api.ashbyhq.com")); }

Q_SIGNALS:
    void changed();
    void checkRequested(); // the admin edited a field

private Q_SLOTS:
    void onAdvancedToggled(bool open);

private:
    void showGuide();
    bool m_inWizard = false;
    QLabel* m_keyHint = nullptr; // where the key is kept
    AshbyConfig m_loaded; // keeps what the widget does not edit
    SecretField* m_key;
    QToolButton* m_advancedButton;
    QWidget* m_advanced;
    QLineEdit* m_baseUrl;
    QPushButton* m_checkButton;
    InlineStatus* m_status;
    GuidePanel* m_guide;
};
