#pragma once

#include "SandboxReply.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

class FaultInjector;
class QHttpServerRequest;
class SandboxData;

// Personio's v1 Personnel Data API (other-hris-apis.md §2): /v1/auth hands out one "papi-" bearer token per 24 h,
// every other route needs it. Errors use the v1 envelope {"success": false, "error": {"code", "message",
// "error_data"}}. Reproduces the documented traps: unknown department/office/subcompany are dropped with only a
// "meta" error on a successful create, attributes are limited to a whitelist, and /auth, the employee list and the
// document upload have their own rate limits.
class FakePersonio
{
public:
    static const QString clientId;
    static const QString clientSecret;

    FakePersonio(SandboxData& data, FaultInjector& faults);

    SandboxReply handle(const QHttpServerRequest& request);

    // Control views: every employee (seeded and created) with all stored attributes; every uploaded document.
    QJsonArray employeesJson() const;
    QJsonArray documentsJson() const;
    int createdCount() const;
    int documentCount() const { return int(m_documents.size()); }
    QJsonObject specialCases() const;
    QString html() const;
    // Forgets the rate-limit windows and the /auth lock-out (faults/reset calls it too).
    void resetThrottling();
    // Back to the seeded employees, no documents, a fresh token, no throttling state.
    void reset();

private:
    struct Employee
    {
        int id = 0;
        QJsonObject attributes; // email, first_name, last_name, status, hire_date, department, ..., custom_attributes
        bool seeded = false;
        QJsonArray metaErrors; // the values a create dropped, as its answer reported them
        QStringList ignoredFields; // keys of the create body that are no Personio attribute
        QString createdAt;
    };
    struct Document
    {
        int id = 0;
        int employeeId = 0;
        int categoryId = 0;
        QString title;
        QString comment;
        QString date;
        QString fileName;
        QByteArray contentType;
        qint64 size = 0;
        QString sha256;
        QString receivedAt;
    };
    // Request times (ms of m_clock) inside a sliding window.
    struct Window
    {
        QList<qint64> times;
        // Records a request now; true when it is over `limit` within the last `periodMs`.
        bool exceeds(qint64 now, qint64 periodMs, int limit);
    };

    void seed();
    const Employee* employee(int id) const;
    const Employee* employeeByEmail(const QString& email) const;
    SandboxReply auth(const QHttpServerRequest& request);
    SandboxReply listEmployees(const QHttpServerRequest& request);
    SandboxReply createEmployee(const QHttpServerRequest& request);
    SandboxReply uploadDocument(const QHttpServerRequest& request);
    QJsonObject employeeJson(const Employee& employee) const;
    static SandboxReply error(int status, const QString& message, const QJsonObject& errorData = {});
    static SandboxReply success(int status, const QJsonValue& data);

    SandboxData& m_data;
    FaultInjector& m_faults;
    QElapsedTimer m_clock;
    QList<Employee> m_employees;
    QList<Document> m_documents;
    int m_nextEmployeeId = 0;
    int m_nextDocumentId = 0;
    QString m_token;
    qint64 m_tokenIssuedAt = 0;
    int m_tokenNumber = 0;
    Window m_authWindow;
    qint64 m_authLockedUntil = -1;
    Window m_listSecondWindow;
    Window m_listMinuteWindow;
    Window m_uploadWindow;
};
