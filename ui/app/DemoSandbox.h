#pragma once

#include <QJsonObject>
#include <QObject>
#include <QProcess>

// Starts the bundled hirebridge-sandbox on loopback for `hirebridge --demo` and reads the one JSON line it prints
// (its ports and made-up credentials). The sandbox exits with the app: it watches its stdin.
class DemoSandbox : public QObject
{
    Q_OBJECT
public:
    explicit DemoSandbox(QObject* parent = nullptr);
    ~DemoSandbox() override;

    void start();
    static QString findExecutable();

Q_SIGNALS:
    void ready(const QJsonObject& endpoints);
    void failed(const QString& message);

private:
    void onReadyRead();
    QProcess m_process;
    QByteArray m_buffer;
    bool m_reported = false;
};
