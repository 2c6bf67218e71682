#include "SandboxControl.h"

#include "FakeBambooHr.h"
#include "FakeBob.h"
#include "FakePersonio.h"
#include "FaultInjector.h"
#include "RequestLog.h"
#include "SandboxData.h"

#include <QHttpServerRequest>
#include <QJsonDocument>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcSandboxControl, "hirebridge.sandbox.control")

namespace {

SandboxReply controlError(int status, const QString& message)
{
    return SandboxReply::json(status, QJsonObject {{QStringLiteral("error"), message}});
}

} // namespace

namespace {

constexpr qint64 kBigResumeBytes = 6LL * 1024 * 1024;

} // namespace

SandboxControl::SandboxControl(SandboxData& data, FaultInjector& faults, RequestLog& log, FakeBob& bob,
    FakeBambooHr& bamboohr, FakePersonio& personio)
    : m_data(data)
    , m_faults(faults)
    , m_log(log)
    , m_bob(bob)
    , m_bamboohr(bamboohr)
    , m_personio(personio)
{
}

SandboxReply SandboxControl::handle(const QHttpServerRequest& request)
{
    const QString path = request.url().path();
    const bool get = request.method() == QHttpServerRequest::Method::Get;
    const bool post = request.method() == QHttpServerRequest::Method::Post;

    if (path == QLatin1String("/_sandbox/faults") && post) {
        const QJsonDocument document = QJsonDocument::fromJson(request.body());
        if (!document.isObject()) {
            return controlError(400, QStringLiteral("the body must be a JSON object"));
        }
        if (const QString problem = m_faults.apply(document.object()); !problem.isEmpty()) {
            return controlError(400, problem);
        }
        qCInfo(lcSandboxControl).noquote() << "faults set:" << QString::fromUtf8(request.body());
        return SandboxReply::json(200, m_faults.toJson());
    }
    if (path == QLatin1String("/_sandbox/faults") && get) {
        return SandboxReply::json(200, m_faults.toJson());
    }
    if (path == QLatin1String("/_sandbox/faults/reset") && post) {
        m_faults.reset();
        // Personio's rate-limit windows and /auth lock-out are throttling, i.e. faults a test may want gone.
        m_personio.resetThrottling();
        qCInfo(lcSandboxControl) << "faults reset";
        return SandboxReply::json(200, m_faults.toJson());
    }
    if (path == QLatin1String("/_sandbox/ashby/hire") && post) {
        // Optional body {"bigResume": true, "resumeBytes": N}: a hire whose resume is above Bob's 5 MB limit.
        QJsonObject params;
        if (!request.body().trimmed().isEmpty()) {
            const QJsonDocument document = QJsonDocument::fromJson(request.body());
            if (!document.isObject()) {
                return controlError(400, QStringLiteral("the body must be a JSON object (or empty)"));
            }
            params = document.object();
        }
        const bool big = params.value(QStringLiteral("bigResume")).toBool(false);
        const qint64 bytes = qint64(params.value(QStringLiteral("resumeBytes")).toDouble(double(kBigResumeBytes)));
        if (big && (bytes < 1 || bytes > 256LL * 1024 * 1024)) {
            return controlError(400, QStringLiteral("resumeBytes must be 1..268435456"));
        }
        const QString applicationId = big ? m_data.addBigResumeHire(bytes) : m_data.addHire();
        const SandboxData::Application* application = m_data.application(applicationId);
        qCInfo(lcSandboxControl).noquote() << "added hired application" << applicationId;
        QJsonObject answer {
            {QStringLiteral("applicationId"), applicationId},
            {QStringLiteral("candidateId"), application->candidateId},
            {QStringLiteral("generation"), m_data.generation()},
        };
        if (big) {
            answer.insert(QStringLiteral("resumeBytes"), bytes);
            answer.insert(QStringLiteral("resumeFileHandle"),
                m_data.specialCases()
                    .value(QStringLiteral("bigResume"))
                    .toObject()
                    .value(QStringLiteral("resumeFileHandle")));
        }
        return SandboxReply::json(200, answer);
    }
    if (path == QLatin1String("/_sandbox/state") && get) {
        QJsonObject special = m_data.specialCases();
        special.insert(QStringLiteral("bamboohr"), m_bamboohr.specialCases());
        special.insert(QStringLiteral("personio"), m_personio.specialCases());
        return SandboxReply::json(200,
            QJsonObject {
                {QStringLiteral("applications"), int(m_data.applications().size())},
                {QStringLiteral("hired"), int(m_data.hiredApplicationIds().size())},
                {QStringLiteral("ids"), QJsonArray::fromStringList(m_data.hiredApplicationIds())},
                {QStringLiteral("generation"), m_data.generation()},
                {QStringLiteral("special"), special},
                {QStringLiteral("bobHires"), int(m_bob.receivedHires().size())},
                {QStringLiteral("bobPendingHires"), m_bob.distinctPendingHireCount()},
                {QStringLiteral("bobPeople"), m_bob.createdPeopleCount()},
                {QStringLiteral("bobDocuments"), m_bob.documentCount()},
                {QStringLiteral("bamboohrCreated"), m_bamboohr.createdCount()},
                {QStringLiteral("bamboohrFiles"), m_bamboohr.fileCount()},
                {QStringLiteral("personioCreated"), m_personio.createdCount()},
                {QStringLiteral("personioDocuments"), m_personio.documentCount()},
            });
    }
    if (path == QLatin1String("/_sandbox/bob/people") && get) {
        return SandboxReply::json(200, m_bob.createdPeople());
    }
    if (path == QLatin1String("/_sandbox/bob/documents") && get) {
        return SandboxReply::json(200, m_bob.documents());
    }
    if (path == QLatin1String("/_sandbox/bob/people/reset") && post) {
        m_bob.clearPeople();
        return SandboxReply::json(200, QJsonObject {{QStringLiteral("cleared"), true}});
    }
    if (path == QLatin1String("/_sandbox/bamboohr/employees") && get) {
        return SandboxReply::json(200, m_bamboohr.employeesJson());
    }
    if (path == QLatin1String("/_sandbox/bamboohr/files") && get) {
        return SandboxReply::json(200, m_bamboohr.filesJson());
    }
    if (path == QLatin1String("/_sandbox/bamboohr/reset") && post) {
        m_bamboohr.reset();
        return SandboxReply::json(200, QJsonObject {{QStringLiteral("cleared"), true}});
    }
    if (path == QLatin1String("/_sandbox/personio/employees") && get) {
        return SandboxReply::json(200, m_personio.employeesJson());
    }
    if (path == QLatin1String("/_sandbox/personio/documents") && get) {
        return SandboxReply::json(200, m_personio.documentsJson());
    }
    if (path == QLatin1String("/_sandbox/personio/reset") && post) {
        m_personio.reset();
        return SandboxReply::json(200, QJsonObject {{QStringLiteral("cleared"), true}});
    }
    if (path == QLatin1String("/_sandbox/reset") && post) {
        // Everything a test run may have left behind, demo data aside: faults and switches, received hires,
        // created people/employees, documents, the request log.
        m_faults.reset();
        m_bob.clearReceivedHires();
        m_bob.clearPeople();
        m_bamboohr.reset();
        m_personio.reset();
        m_log.clear();
        qCInfo(lcSandboxControl) << "sandbox reset";
        return SandboxReply::json(200, QJsonObject {{QStringLiteral("cleared"), true}});
    }
    if (path == QLatin1String("/_sandbox/bob/hires") && get) {
        return SandboxReply::json(200, m_bob.receivedHires());
    }
    if (path == QLatin1String("/_sandbox/bob/hires/reset") && post) {
        m_bob.clearReceivedHires();
        return SandboxReply::json(200, QJsonObject {{QStringLiteral("cleared"), true}});
    }
    if (path == QLatin1String("/_sandbox/pending-hires") && get) {
        return SandboxReply::raw(200, QByteArrayLiteral("text/html; charset=utf-8"),
            m_bob.pendingHiresHtml(m_bamboohr.html() + m_personio.html()).toUtf8());
    }
    if (path == QLatin1String("/_sandbox/requests") && get) {
        return SandboxReply::json(200, m_log.toJson());
    }
    if (path == QLatin1String("/_sandbox/reset-log") && post) {
        m_log.clear();
        return SandboxReply::json(200, QJsonObject {{QStringLiteral("cleared"), true}});
    }
    return controlError(404,
        QStringLiteral("no control route %1 %2")
            .arg(get       ? QStringLiteral("GET")
                    : post ? QStringLiteral("POST")
                           : QStringLiteral("?"),
                path));
}
