#pragma once

#include "http/ApiError.h"
#include "settings/Config.h"

#include <QWidget>

class GuidePanel;
class InlineStatus;
class QLabel;
class QLineEdit;
class QPushButton;
class SecretField;

// BambooHR, an optional second HR system: the company domain (or a full API address) and the API key (masked), a
// numbered guide to creating the key beside them, the inline result of a check, and "Remove BambooHR". Empty fields
// mean "not used"; a line at the top says in words whether BambooHR is used, added or removed on Save.
// Used by the Settings dialog's BambooHR tab.
class BambooHrCredentialsWidget : public QWidget
{
    Q_OBJECT
public:
    explicit BambooHrCredentialsWidget(QWidget* parent = nullptr);

    void load(const BambooHrConfig& config);
    // What is in the fields: the API base normalised (SetupDraft::bambooHrUrlFromInput), empty when the field is
    // empty or unusable, and the key trimmed.
    BambooHrConfig config() const;
    // Something is typed in (the admin means to use BambooHR).
    bool isUsed() const;
    // Empty when the fields can be saved as they are (both filled, or both empty); else one sentence.
    QString problem() const;

    void showChecking();
    // The result of BambooHrClient::check(): no error means the address and key work.
    void showResult(const ApiError& error);
    // A problem found before anything was sent (see problem()).
    void showProblem(const QString& text);
    void clearStatus();
    bool isChecking() const { return m_checking; }

    InlineStatus* status() const { return m_status; }
    QPushButton* checkButton() const { return m_checkButton; }
    QPushButton* removeButton() const { return m_removeButton; }
    QLabel* stateLabel() const { return m_state; }
    void setGuideVisible(bool visible);

Q_SIGNALS:
    void changed(); // the admin edited a field or pressed Remove
    void checkRequested();

private Q_SLOTS:
    void onEdited();
    void onRemoveClicked();

private:
    void updateState();

    BambooHrConfig m_loaded; // keeps what the widget does not edit, and tells "removed" from "never used"
    bool m_checking = false;
    QLabel* m_state;
    QLineEdit* m_address;
    QLabel* m_addressHint;
    SecretField* m_key;
    QPushButton* m_checkButton;
    QPushButton* m_removeButton;
    InlineStatus* m_status;
    GuidePanel* m_guide;
};
