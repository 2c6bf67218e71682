#include "TestHire.h"

#include "ConnectionCheck.h"
#include "Hire.h"
#include "SetupLogging.h"
#include "hris/bob/BobClient.h"
#include "hris/bob/BobHireEvent.h"

#include <QJsonDocument>
#include <QTimer>
#include <QUuid>

TestHire::TestHire(HttpClient* http, QObject* parent)
    : QObject(parent)
    , m_http(http)
{
    qRegisterMetaType<TestHire::Result>();
}

QJsonObject TestHire::buildEvent(const QDateTime& now)
{
    const QDateTime utc = now.toUTC();
    Hire hire;
    hire.applicationId = QStringLiteral("hirebridge-test-application");
    hire.candidateId = QStringLiteral("hirebridge-test-candidate");
    hire.name = candidateName();
    hire.firstName = QStringLiteral("Test");
    hire.lastName = QStringLiteral("Candidate (Hirebridge)");
    hire.email
        = QStringLiteral("hirebridge-test+%1@example.invalid").arg(utc.toString(QStringLiteral("yyyyMMddHHmmss")));
    hire.jobTitle = QStringLiteral("Test hire from Hirebridge (please delete)");
    // A start date far enough ahead that nobody mistakes it for a real first day.
    hire.startDate = utc.date().addDays(30).toString(Qt::ISODate);

    BobHireEvent::Input input;
    input.hire = hire;
    input.attemptId = QStringLiteral("test-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    input.sentAt = utc;
    QJsonObject event = BobHireEvent::build(input);
    QJsonObject source = event.value(QLatin1StringView("source")).toObject();
    source.insert(QStringLiteral("system"), sourceSystem());
    source.insert(QStringLiteral("link"), QJsonValue::Null);
    event.insert(QStringLiteral("source"), source);
    event.insert(QStringLiteral("test"), true);
    return event;
}

void TestHire::send(const BobConfig& config)
{
    delete m_scope.data();
    const quint64 id = m_next++;
    m_running = id;
    m_scope = new QObject(this);

    Result result;
    const QJsonObject event = buildEvent(QDateTime::currentDateTimeUtc());
    result.sent = QJsonDocument(event).toJson(QJsonDocument::Indented);

    const QString problem = config.mode == BobMode::HireApi ? ConnectionCheck::hireUrlProblem(config.hireUrl)
                                                            : tr("A test candidate needs the Hire API mode.");
    if (!problem.isEmpty()) {
        result.error = ApiError::make(ApiError::Kind::InvalidUrl, problem, BobClient::serverName());
        QTimer::singleShot(0, m_scope, [this, id, result] { finish(id, result); });
        return;
    }
    auto* client = new BobClient(m_http, config, m_scope);
    const QByteArray payload = QJsonDocument(event).toJson(QJsonDocument::Compact);
    qCInfo(lcSetup) << "sending a test candidate to the Hire URL";
    client->postHireEvent(payload, QStringLiteral("test candidate"),
        [this, id, result](const ApiError& error, const HttpResponse& response) mutable {
            result.error = error;
            result.httpStatus = error.isError() ? error.httpStatus : response.status;
            result.answer = response.body;
            finish(id, result);
        });
}

void TestHire::finish(quint64 id, const Result& result)
{
    if (id != m_running) {
        return;
    }
    m_running = 0;
    if (m_scope) {
        m_scope->deleteLater();
    }
    qCInfo(lcSetup) << "test candidate:" << (result.ok() ? "accepted" : "failed") << "HTTP" << result.httpStatus;
    Q_EMIT finished(result);
}
