#include "FaultInjector.h"

#include <QHttpServerResponder>
#include <QJsonArray>
#include <QMetaEnum>
#include <QSet>

#include <utility>

FaultInjector::FaultInjector(const Settings& startup, quint32 seed)
    : m_startup(startup)
    , m_current(startup)
    , m_random(seed)
    , m_afterRandom(seed ^ 0x9e3779b9U)
{
}

std::optional<FaultInjector::Answer> FaultInjector::takeAnswerOverride(
    const QString& server, const QString& method, const QString& path)
{
    if (!m_answerOverride || m_answerOverride->server != server || !path.endsWith(m_answerOverride->path)
        || (!m_answerOverride->method.isEmpty() && m_answerOverride->method != method)) {
        return std::nullopt;
    }
    const Answer answer = m_answerOverride->answer;
    if (m_answerOverride->times > 0 && --m_answerOverride->times == 0) {
        m_answerOverride.reset();
    }
    return answer;
}

bool FaultInjector::takeDropAfterHandling()
{
    return m_current.dropAfterHandlingRate > 0.0 && m_afterRandom.generateDouble() < m_current.dropAfterHandlingRate;
}

int FaultInjector::takeCreateErrorAfterHandling()
{
    if (m_nextCreateErrorAfterHandling > 0) {
        return std::exchange(m_nextCreateErrorAfterHandling, 0);
    }
    if (m_current.createErrorAfterHandlingRate <= 0.0) {
        return 0;
    }
    const double roll = m_afterRandom.generateDouble();
    if (roll >= m_current.createErrorAfterHandlingRate) {
        return 0;
    }
    return m_afterRandom.bounded(2) == 0 ? 502 : 504;
}

FaultInjector::Action FaultInjector::nextAction()
{
    ++m_requestCount;
    // Both dice are always rolled so that one seed gives one sequence whatever the knobs are.
    const double dropRoll = m_random.generateDouble();
    const double errorRoll = m_random.generateDouble();
    if (dropRoll < m_current.dropRate) {
        return Action::Drop;
    }
    if (m_current.burst429 > 0 && m_requestCount % quint64(m_current.burst429) == 0) {
        return Action::RateLimit;
    }
    if (errorRoll < m_current.errorRate) {
        return Action::ServerError;
    }
    return Action::None;
}

bool FaultInjector::takeMalformedPage(int page)
{
    if (m_malformedPage > 0 && m_malformedPage == page) {
        m_malformedPage = 0;
        return true;
    }
    return false;
}

bool FaultInjector::takeTruncatedPage(int page)
{
    if (m_truncatedPage > 0 && m_truncatedPage == page) {
        m_truncatedPage = 0;
        return true;
    }
    return false;
}

bool FaultInjector::takeTokenExpired()
{
    const bool expired = m_tokenExpired;
    m_tokenExpired = false;
    return expired;
}

bool FaultInjector::takePersonioTokenExpired()
{
    const bool expired = m_personioTokenExpired;
    m_personioTokenExpired = false;
    return expired;
}

namespace {

bool isWholeNumber(const QJsonValue& value, int minimum, int maximum)
{
    if (!value.isDouble()) {
        return false;
    }
    const double number = value.toDouble();
    return number == double(qint64(number)) && number >= minimum && number <= maximum;
}

bool isRate(const QJsonValue& value)
{
    return value.isDouble() && value.toDouble() >= 0.0 && value.toDouble() <= 1.0;
}

} // namespace

QString FaultInjector::apply(const QJsonObject& changes)
{
    static const QSet<QString> known {
        QStringLiteral("latencyMs"),
        QStringLiteral("errorRate"),
        QStringLiteral("burst429"),
        QStringLiteral("dropRate"),
        QStringLiteral("ashbyMalformedPage"),
        QStringLiteral("ashbyTruncatedPage"),
        QStringLiteral("ashbyWrongType"),
        QStringLiteral("bobHireStatus"),
        QStringLiteral("ashbyTokenExpired"),
        QStringLiteral("retryAfterSeconds"),
        QStringLiteral("dropAfterHandlingRate"),
        QStringLiteral("personioTokenExpired"),
        QStringLiteral("bamboohrListPolicy"),
        QStringLiteral("bamboohrRestrictedWorkEmail"),
        QStringLiteral("bamboohrDirectoryDisabled"),
        QStringLiteral("personioDropHireDate"),
        QStringLiteral("bobListIdsAccepted"),
        QStringLiteral("bobReadAfterWriteLagMs"),
        QStringLiteral("createErrorAfterHandlingRate"),
        QStringLiteral("createErrorAfterHandling"),
        QStringLiteral("uploadErrorAfterHandling"),
        QStringLiteral("uploadErrorBeforeHandling"),
        QStringLiteral("answerOverride"),
        QStringLiteral("bobRateLimitHeaders"),
        QStringLiteral("bobHireFaults"),
        QStringLiteral("ashbyFileUrlBase"),
        QStringLiteral("ashbyRepeatCursor"),
        QStringLiteral("ashbyHostileNames"),
    };
    for (auto it = changes.begin(); it != changes.end(); ++it) {
        if (!known.contains(it.key())) {
            return QStringLiteral("unknown fault '%1'").arg(it.key());
        }
    }
    const auto invalid = [](const QString& key, const QString& expected) {
        return QStringLiteral("'%1' must be %2").arg(key, expected);
    };
    if (changes.contains(QStringLiteral("latencyMs"))
        && !isWholeNumber(changes.value(QStringLiteral("latencyMs")), 0, 600000)) {
        return invalid(QStringLiteral("latencyMs"), QStringLiteral("an integer 0..600000"));
    }
    if (changes.contains(QStringLiteral("burst429"))
        && !isWholeNumber(changes.value(QStringLiteral("burst429")), 0, 1000000)) {
        return invalid(QStringLiteral("burst429"), QStringLiteral("an integer >= 0"));
    }
    if (changes.contains(QStringLiteral("retryAfterSeconds"))
        && !isWholeNumber(changes.value(QStringLiteral("retryAfterSeconds")), 0, 3600)) {
        return invalid(QStringLiteral("retryAfterSeconds"), QStringLiteral("an integer 0..3600"));
    }
    for (const QString& key : {QStringLiteral("errorRate"), QStringLiteral("dropRate"),
             QStringLiteral("dropAfterHandlingRate"), QStringLiteral("createErrorAfterHandlingRate")}) {
        if (changes.contains(key) && !isRate(changes.value(key))) {
            return invalid(key, QStringLiteral("a number 0..1"));
        }
    }
    for (const QString& key : {QStringLiteral("ashbyMalformedPage"), QStringLiteral("ashbyTruncatedPage")}) {
        if (changes.contains(key) && !isWholeNumber(changes.value(key), 0, 1000000)) {
            return invalid(key, QStringLiteral("a page number >= 1 (0 clears)"));
        }
    }
    if (changes.contains(QStringLiteral("ashbyWrongType"))
        && !changes.value(QStringLiteral("ashbyWrongType")).isString()) {
        return invalid(QStringLiteral("ashbyWrongType"), QStringLiteral("an application id string"));
    }
    if (changes.contains(QStringLiteral("bobHireStatus"))) {
        const QJsonValue status = changes.value(QStringLiteral("bobHireStatus"));
        // Qt 6.4 can only write status lines it has a reason phrase for.
        const bool statusKnown = status.toInt() == 0
            || (status.toInt() >= 200 && status.toInt() < 599
                && QMetaEnum::fromType<QHttpServerResponder::StatusCode>().valueToKey(status.toInt()) != nullptr);
        if (!isWholeNumber(status, 0, 599) || !statusKnown) {
            return invalid(QStringLiteral("bobHireStatus"), QStringLiteral("an HTTP status 200..599 (0 clears)"));
        }
    }
    for (const QString& key : {QStringLiteral("ashbyTokenExpired"), QStringLiteral("personioTokenExpired"),
             QStringLiteral("bamboohrRestrictedWorkEmail"), QStringLiteral("bamboohrDirectoryDisabled"),
             QStringLiteral("personioDropHireDate"), QStringLiteral("bobListIdsAccepted"),
             QStringLiteral("bobRateLimitHeaders"), QStringLiteral("ashbyRepeatCursor"),
             QStringLiteral("ashbyHostileNames")}) {
        if (changes.contains(key) && !changes.value(key).isBool()) {
            return invalid(key, QStringLiteral("a boolean"));
        }
    }
    if (changes.contains(QStringLiteral("bamboohrListPolicy"))) {
        const QString policy = changes.value(QStringLiteral("bamboohrListPolicy")).toString();
        if (policy != QLatin1String("reject") && policy != QLatin1String("drop")) {
            return invalid(QStringLiteral("bamboohrListPolicy"), QStringLiteral("\"reject\" or \"drop\""));
        }
    }
    for (const QString& key : {QStringLiteral("createErrorAfterHandling"), QStringLiteral("uploadErrorAfterHandling"),
             QStringLiteral("uploadErrorBeforeHandling")}) {
        if (changes.contains(key)) {
            const int status = changes.value(key).toInt(-1);
            if (status != 0 && status != 500 && status != 502 && status != 504) {
                return invalid(key, QStringLiteral("500, 502 or 504 (0 clears)"));
            }
        }
    }
    if (changes.contains(QStringLiteral("ashbyFileUrlBase"))
        && !changes.value(QStringLiteral("ashbyFileUrlBase")).isString()) {
        return invalid(QStringLiteral("ashbyFileUrlBase"), QStringLiteral("a URL string (\"\" restores)"));
    }
    if (changes.contains(QStringLiteral("bobHireFaults"))) {
        const QJsonValue list = changes.value(QStringLiteral("bobHireFaults"));
        bool valid = list.isArray();
        for (const QJsonValue& status : list.toArray()) {
            const int code = status.toInt(-1);
            valid = valid && (code == 429 || code == 500 || code == 502 || code == 503 || code == 504);
        }
        if (!valid) {
            return invalid(QStringLiteral("bobHireFaults"), QStringLiteral("a list of 429, 500, 502, 503 or 504"));
        }
    }
    std::optional<AnswerOverride> answerOverride = m_answerOverride;
    if (changes.contains(QStringLiteral("answerOverride"))) {
        const QJsonValue value = changes.value(QStringLiteral("answerOverride"));
        const QJsonObject o = value.toObject();
        const QString server = o.value(QStringLiteral("server")).toString();
        const int status = o.value(QStringLiteral("status")).toInt(200);
        const QMetaEnum codes = QMetaEnum::fromType<QHttpServerResponder::StatusCode>();
        if (value.isNull() || (value.isObject() && o.isEmpty())) {
            answerOverride.reset();
        } else if (!value.isObject()
            || !QStringList {QStringLiteral("ashby"), QStringLiteral("bob"), QStringLiteral("bamboohr"),
                QStringLiteral("personio")}
                    .contains(server)
            || !o.value(QStringLiteral("path")).isString() || !o.value(QStringLiteral("bodyBase64")).isString()
            || codes.valueToKey(status) == nullptr) {
            return invalid(QStringLiteral("answerOverride"),
                QStringLiteral("{server: ashby|bob|bamboohr|personio, method?, path, status (200..599), contentType?, "
                               "bodyBase64, times? (default 1, -1 until reset)} or null"));
        } else {
            AnswerOverride a;
            a.server = server;
            a.method = o.value(QStringLiteral("method")).toString().toUpper();
            a.path = o.value(QStringLiteral("path")).toString();
            a.answer.status = status;
            a.answer.contentType
                = o.value(QStringLiteral("contentType")).toString(QStringLiteral("application/json")).toUtf8();
            a.answer.body = QByteArray::fromBase64(o.value(QStringLiteral("bodyBase64")).toString().toLatin1());
            a.times = o.value(QStringLiteral("times")).toInt(1);
            answerOverride = a;
        }
    }
    if (changes.contains(QStringLiteral("bobReadAfterWriteLagMs"))
        && !isWholeNumber(changes.value(QStringLiteral("bobReadAfterWriteLagMs")), 0, 600000)) {
        return invalid(QStringLiteral("bobReadAfterWriteLagMs"), QStringLiteral("an integer 0..600000"));
    }

    m_answerOverride = answerOverride;
    m_current.latencyMs = changes.value(QStringLiteral("latencyMs")).toInt(m_current.latencyMs);
    m_current.burst429 = changes.value(QStringLiteral("burst429")).toInt(m_current.burst429);
    m_current.errorRate = changes.value(QStringLiteral("errorRate")).toDouble(m_current.errorRate);
    m_current.dropRate = changes.value(QStringLiteral("dropRate")).toDouble(m_current.dropRate);
    m_current.retryAfterSeconds = changes.value(QStringLiteral("retryAfterSeconds")).toInt(m_current.retryAfterSeconds);
    m_current.dropAfterHandlingRate
        = changes.value(QStringLiteral("dropAfterHandlingRate")).toDouble(m_current.dropAfterHandlingRate);
    m_current.createErrorAfterHandlingRate = changes.value(QStringLiteral("createErrorAfterHandlingRate"))
                                                 .toDouble(m_current.createErrorAfterHandlingRate);
    m_current.bobRateLimitHeaders
        = changes.value(QStringLiteral("bobRateLimitHeaders")).toBool(m_current.bobRateLimitHeaders);
    m_nextCreateErrorAfterHandling
        = changes.value(QStringLiteral("createErrorAfterHandling")).toInt(m_nextCreateErrorAfterHandling);
    m_nextUploadErrorAfterHandling
        = changes.value(QStringLiteral("uploadErrorAfterHandling")).toInt(m_nextUploadErrorAfterHandling);
    m_nextUploadErrorBeforeHandling
        = changes.value(QStringLiteral("uploadErrorBeforeHandling")).toInt(m_nextUploadErrorBeforeHandling);
    if (changes.contains(QStringLiteral("bobHireFaults"))) {
        m_bobHireFaults.clear();
        for (const QJsonValue& status : changes.value(QStringLiteral("bobHireFaults")).toArray()) {
            m_bobHireFaults.append(status.toInt());
        }
    }
    m_malformedPage = changes.value(QStringLiteral("ashbyMalformedPage")).toInt(m_malformedPage);
    m_truncatedPage = changes.value(QStringLiteral("ashbyTruncatedPage")).toInt(m_truncatedPage);
    m_wrongTypeApplicationId = changes.value(QStringLiteral("ashbyWrongType")).toString(m_wrongTypeApplicationId);
    m_bobHireStatus = changes.value(QStringLiteral("bobHireStatus")).toInt(m_bobHireStatus);
    m_tokenExpired = changes.value(QStringLiteral("ashbyTokenExpired")).toBool(m_tokenExpired);
    m_personioTokenExpired = changes.value(QStringLiteral("personioTokenExpired")).toBool(m_personioTokenExpired);
    m_switches.bamboohrListPolicy
        = changes.value(QStringLiteral("bamboohrListPolicy")).toString(m_switches.bamboohrListPolicy);
    m_switches.bamboohrRestrictedWorkEmail
        = changes.value(QStringLiteral("bamboohrRestrictedWorkEmail")).toBool(m_switches.bamboohrRestrictedWorkEmail);
    m_switches.bamboohrDirectoryDisabled
        = changes.value(QStringLiteral("bamboohrDirectoryDisabled")).toBool(m_switches.bamboohrDirectoryDisabled);
    m_switches.personioDropHireDate
        = changes.value(QStringLiteral("personioDropHireDate")).toBool(m_switches.personioDropHireDate);
    m_switches.bobListIdsAccepted
        = changes.value(QStringLiteral("bobListIdsAccepted")).toBool(m_switches.bobListIdsAccepted);
    m_switches.bobReadAfterWriteLagMs
        = changes.value(QStringLiteral("bobReadAfterWriteLagMs")).toInt(m_switches.bobReadAfterWriteLagMs);
    m_switches.ashbyFileUrlBase
        = changes.value(QStringLiteral("ashbyFileUrlBase")).toString(m_switches.ashbyFileUrlBase);
    m_switches.ashbyRepeatCursor
        = changes.value(QStringLiteral("ashbyRepeatCursor")).toBool(m_switches.ashbyRepeatCursor);
    m_switches.ashbyHostileNames
        = changes.value(QStringLiteral("ashbyHostileNames")).toBool(m_switches.ashbyHostileNames);
    return {};
}

void FaultInjector::reset()
{
    m_current = m_startup;
    m_malformedPage = 0;
    m_truncatedPage = 0;
    m_nextCreateErrorAfterHandling = 0;
    m_nextUploadErrorAfterHandling = 0;
    m_nextUploadErrorBeforeHandling = 0;
    m_answerOverride.reset();
    m_wrongTypeApplicationId.clear();
    m_tokenExpired = false;
    m_bobHireStatus = 0;
    m_bobHireFaults.clear();
    m_personioTokenExpired = false;
    m_switches = Switches {};
}

QJsonObject FaultInjector::toJson() const
{
    return QJsonObject {
        {QStringLiteral("latencyMs"), m_current.latencyMs},
        {QStringLiteral("errorRate"), m_current.errorRate},
        {QStringLiteral("burst429"), m_current.burst429},
        {QStringLiteral("dropRate"), m_current.dropRate},
        {QStringLiteral("retryAfterSeconds"), m_current.retryAfterSeconds},
        {QStringLiteral("dropAfterHandlingRate"), m_current.dropAfterHandlingRate},
        {QStringLiteral("createErrorAfterHandlingRate"), m_current.createErrorAfterHandlingRate},
        {QStringLiteral("createErrorAfterHandling"), m_nextCreateErrorAfterHandling},
        {QStringLiteral("uploadErrorAfterHandling"), m_nextUploadErrorAfterHandling},
        {QStringLiteral("uploadErrorBeforeHandling"), m_nextUploadErrorBeforeHandling},
        {QStringLiteral("bobRateLimitHeaders"), m_current.bobRateLimitHeaders},
        {QStringLiteral("ashbyMalformedPage"), m_malformedPage},
        {QStringLiteral("ashbyTruncatedPage"), m_truncatedPage},
        {QStringLiteral("ashbyWrongType"), m_wrongTypeApplicationId},
        {QStringLiteral("bobHireStatus"), m_bobHireStatus},
        {QStringLiteral("bobHireFaults"), qint64(m_bobHireFaults.size())},
        {QStringLiteral("ashbyTokenExpired"), m_tokenExpired},
        {QStringLiteral("personioTokenExpired"), m_personioTokenExpired},
        {QStringLiteral("bamboohrListPolicy"), m_switches.bamboohrListPolicy},
        {QStringLiteral("bamboohrRestrictedWorkEmail"), m_switches.bamboohrRestrictedWorkEmail},
        {QStringLiteral("bamboohrDirectoryDisabled"), m_switches.bamboohrDirectoryDisabled},
        {QStringLiteral("personioDropHireDate"), m_switches.personioDropHireDate},
        {QStringLiteral("bobListIdsAccepted"), m_switches.bobListIdsAccepted},
        {QStringLiteral("bobReadAfterWriteLagMs"), m_switches.bobReadAfterWriteLagMs},
        {QStringLiteral("ashbyFileUrlBase"), m_switches.ashbyFileUrlBase},
        {QStringLiteral("ashbyRepeatCursor"), m_switches.ashbyRepeatCursor},
        {QStringLiteral("ashbyHostileNames"), m_switches.ashbyHostileNames},
        {QStringLiteral("requestCount"), qint64(m_requestCount)},
    };
}
