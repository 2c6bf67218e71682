#pragma once

#include <QWizardPage>

class QLabel;
class QPushButton;

// What the admin needs before starting (an Ashby API key with named permissions, a Bob admin to create a service
// user), and a way to look around with demo data first.
class SetupWelcomePage : public QWizardPage
{
    Q_OBJECT
public:
    explicit SetupWelcomePage(QWidget* parent = nullptr);

    // No keychain on this machine (`reason` as the Secret Service gave it): secrets live only as long as the run.
    void setKeychainUnavailable(const QString& reason);

Q_SIGNALS:
    void demoRequested();

private:
    QPushButton* m_demoButton;
    QLabel* m_storage;
};
