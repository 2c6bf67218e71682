#pragma once

#include "SandboxReply.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

class FaultInjector;
class QHttpServerRequest;
class SandboxData;

// BambooHR's REST API for one company ("acme"), under /api/gateway.php/acme/v1/... (the gateway form most clients
// and Location headers use) and under /api/v1/... (the subdomain form, whose company is in the host name).
// Errors are header-only: the HTTP status plus X-BambooHR-Error-Message and an empty body, as BambooHR sends them.
// Duplicate e-mails are accepted on create: stopping them is the client's job (other-hris-apis.md §1.3, §1.8).
class FakeBambooHr
{
public:
    static const QString apiKey;
    // A key whose BambooHR user may read but not add employees or files (403 on those POSTs).
    static const QString limitedApiKey;
    static const QString company;

    FakeBambooHr(SandboxData& data, FaultInjector& faults);

    // Scheme, host and port of this server ("http://127.0.0.1:P"): Location headers and _links are absolute.
    void setServerUrl(const QString& serverUrl) { m_serverUrl = serverUrl; }
    // The API base a client configures: <server>/api/gateway.php/acme.
    QString baseUrl() const;
    SandboxReply handle(const QHttpServerRequest& request);

    // Control views: every employee (seeded and created) with all stored fields; every uploaded file.
    QJsonArray employeesJson() const;
    QJsonArray filesJson() const;
    int createdCount() const;
    int fileCount() const { return int(m_files.size()); }
    // Ids and e-mails of the seeded edge cases, for /_sandbox/state "special".
    QJsonObject specialCases() const;
    QString html() const;
    // Back to the seeded employees, no files.
    void reset();

private:
    struct Employee
    {
        int id = 0;
        QJsonObject fields; // keyed by field alias, or by the numeric field id for fields without one
        bool seeded = false;
        bool restrictedWorkEmail = false; // hidden while the bamboohrRestrictedWorkEmail switch is on
        QStringList droppedFields; // list values dropped under the "drop" list policy
        QStringList ignoredFields; // keys of the create body that are no BambooHR field
        QString createdAt;
    };
    struct File
    {
        int id = 0;
        int employeeId = 0;
        int category = 0;
        QString fileName;
        QString originalFileName;
        QByteArray contentType;
        QString share;
        qint64 size = 0;
        QString sha256;
        QString receivedAt;
    };

    void seed();
    const Employee* employee(int id) const;
    SandboxReply listEmployees(const QHttpServerRequest& request, const QString& prefix) const;
    SandboxReply directory(const QHttpServerRequest& request) const;
    SandboxReply getEmployee(const QHttpServerRequest& request, int id) const;
    SandboxReply createEmployee(const QHttpServerRequest& request, const QString& prefix);
    SandboxReply filesView(int employeeId) const;
    SandboxReply uploadFile(const QHttpServerRequest& request, const QString& prefix, int employeeId);
    // The value a list row shows for a field (alias or id), honouring the restricted-field switch.
    QJsonValue fieldValue(const Employee& employee, const QString& key) const;
    static SandboxReply error(int status, const QString& message);

    SandboxData& m_data;
    FaultInjector& m_faults;
    QString m_serverUrl;
    QList<Employee> m_employees;
    QList<File> m_files;
    int m_nextEmployeeId = 0;
    int m_nextFileId = 0;
};
