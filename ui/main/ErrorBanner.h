#pragma once

#include <QFrame>

class QLabel;
class QToolButton;

// A non-modal error strip shown above the hires: the admin can read it, copy it and dismiss it while continuing to
// work, which a modal box would not allow (and a modal box would also block offscreen GUI tests).
class ErrorBanner : public QFrame
{
    Q_OBJECT
public:
    explicit ErrorBanner(QWidget* parent = nullptr);

    QString text() const;
    void showError(const QString& text);
    // A banner that stays until its cause is gone (the keychain is unavailable) has no Dismiss button.
    void setDismissible(bool dismissible);
    // An information strip (blue, the information icon) instead of an error (red).
    void setInformational(bool informational);

Q_SIGNALS:
    void dismissed();

protected:
    void paintEvent(QPaintEvent* event) override;
    void changeEvent(QEvent* event) override;

private Q_SLOTS:
    void onDismissClicked();

private:
    void updateIcon();

    QLabel* m_iconLabel = nullptr;
    QLabel* m_textLabel = nullptr;
    QToolButton* m_dismissButton = nullptr;
    bool m_informational = false;
};
