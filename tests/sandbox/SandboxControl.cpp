#include "SandboxControl.h"

#include "FakeBob.h"
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

SandboxControl::SandboxControl(SandboxData& data, FaultInjector& faults, RequestLog& log, FakeBob& bob)
    : m_data(data)
    , m_faults(faults)
    , m_log(log)
    , m_bob(bob)
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
        qCInfo(lcSandboxControl) << "faults reset";
        return SandboxReply::json(200, m_faults.toJson());
    }
    if (path == QLatin1String("/_sandbox/ashby/hire") && post) {
        const QString applicationId = m_data.addHire();
        const SandboxData::Application* application = m_data.application(applicationId);
        qCInfo(lcSandboxControl).noquote() << "added hired application" << applicationId;
        return SandboxReply::json(200,
            QJsonObject {
                {QStringLiteral("applicationId"), applicationId},
                {QStringLiteral("candidateId"), application->candidateId},
                {QStringLiteral("generation"), m_data.generation()},
            });
    }
    if (path == QLatin1String("/_sandbox/state") && get) {
        return SandboxReply::json(200,
            QJsonObject {
                {QStringLiteral("applications"), int(m_data.applications().size())},
                {QStringLiteral("hired"), int(m_data.hiredApplicationIds().size())},
                {QStringLiteral("ids"), QJsonArray::fromStringList(m_data.hiredApplicationIds())},
                {QStringLiteral("generation"), m_data.generation()},
                {QStringLiteral("special"), m_data.specialCases()},
                {QStringLiteral("bobHires"), int(m_bob.receivedHires().size())},
                {QStringLiteral("bobPendingHires"), m_bob.distinctPendingHireCount()},
            });
    }
    if (path == QLatin1String("/_sandbox/bob/hires") && get) {
        return SandboxReply::json(200, m_bob.receivedHires());
    }
    if (path == QLatin1String("/_sandbox/bob/hires/reset") && post) {
        m_bob.clearReceivedHires();
        return SandboxReply::json(200, QJsonObject {{QStringLiteral("cleared"), true}});
    }
    if (path == QLatin1String("/_sandbox/pending-hires") && get) {
        return SandboxReply::raw(200, QByteArrayLiteral("text/html; charset=utf-8"), m_bob.pendingHiresHtml().toUtf8());
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
