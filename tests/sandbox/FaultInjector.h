#pragma once

#include <QJsonObject>
#include <QRandomGenerator>
#include <QString>

#include <optional>
#include <utility>

// Decides which requests misbehave. Global knobs apply to every non-control request of every
// fake (Ashby, Bob, BambooHR, Personio: one request counter, one set of dice); targeted faults fire
// once (except bobHireStatus, which holds until reset) so a test can put one precise failure in the
// middle of an otherwise healthy run. The behaviour switches of the HRIS fakes (list policy,
// restricted fields, ...) live here too, so POST /_sandbox/faults sets them and faults/reset clears them.
class FaultInjector
{
public:
    struct Settings
    {
        int latencyMs = 0;
        double errorRate = 0.0;
        int burst429 = 0;
        double dropRate = 0.0;
        // Not command-line knobs: set through POST /_sandbox/faults only.
        int retryAfterSeconds = 1; // Retry-After (and X-RateLimit-Reset = now + this) on the injected 429s
        double dropAfterHandlingRate = 0.0; // handled (side effects kept), then closed without the answer
        // Creates only (a new employee or hire event): handled, then answered 502 or 504 as a gateway would.
        double createErrorAfterHandlingRate = 0.0;
        // Bob: X-RateLimit-Limit/Remaining/Reset on every answer, as the real Bob sends them (reference §7.1).
        bool bobRateLimitHeaders = true;
    };

    // Behaviour switches of the HRIS fakes; not command-line knobs. reset() restores these defaults.
    struct Switches
    {
        // BambooHR: an unknown list value on create is refused with 409 ("reject") or silently dropped ("drop").
        QString bamboohrListPolicy = QStringLiteral("reject");
        // BambooHR: GET /v1/employees hides workEmail (null, listed in _restrictedFields) on the rows marked so.
        bool bamboohrRestrictedWorkEmail = false;
        // BambooHR: GET /v1/employees/directory answers 403 "Directory disabled for this account".
        bool bamboohrDirectoryDisabled = false;
        // Personio: hire_date is not among the credential's whitelisted attributes.
        bool personioDropHireDate = false;
        // Bob: POST /v1/people also accepts named-list item ids (not only exact names) for site/department/title.
        bool bobListIdsAccepted = false;
        // Bob: a person created through POST /v1/people shows up in people search only after this delay.
        int bobReadAfterWriteLagMs = 0;
        // Ashby: file.info links start with this instead of the sandbox's own URL ("https://127.0.0.2:9", a host on
        // a private network, ...): the app must refuse to fetch or forward them.
        QString ashbyFileUrlBase;
        // Ashby: application.list names the same next cursor on every page (a loop the client must stop).
        bool ashbyRepeatCursor = false;
        // Ashby: candidate names carry terminal escape sequences, a C1 control and a bidi override.
        bool ashbyHostileNames = false;
    };

    enum class Action {
        None,
        Drop,
        RateLimit,
        ServerError,
    };

    FaultInjector(const Settings& startup, quint32 seed);

    // Counts the request and rolls the dice; call exactly once per non-control request.
    Action nextAction();
    int latencyMs() const { return m_current.latencyMs; }
    int retryAfterSeconds() const { return m_current.retryAfterSeconds; }
    // For a request that was handled normally: whether to close its connection instead of answering (the client
    // then cannot know that its create arrived). Rolls its own dice, so the sequence of nextAction() is unchanged.
    bool takeDropAfterHandling();
    // For a create that was handled: 0, or the gateway status (502/504) to answer instead of the real answer.
    int takeCreateErrorAfterHandling();
    // For a document upload that was stored: 0, or the gateway status to answer instead (one-shot knob).
    int takeUploadErrorAfterHandling() { return std::exchange(m_nextUploadErrorAfterHandling, 0); }
    // For a document upload about to be handled: 0, or the gateway status to answer instead, storing nothing.
    int takeUploadErrorBeforeHandling() { return std::exchange(m_nextUploadErrorBeforeHandling, 0); }
    bool bobRateLimitHeaders() const { return m_current.bobRateLimitHeaders; }

    bool takeMalformedPage(int page);
    bool takeTruncatedPage(int page);
    QString wrongTypeApplicationId() const { return m_wrongTypeApplicationId; }
    void clearWrongType() { m_wrongTypeApplicationId.clear(); }
    bool takeTokenExpired();
    int bobHireStatus() const { return m_bobHireStatus; }
    // The next Hire URL posts answer these statuses in turn, before handling (0: none queued).
    int takeBobHireFault() { return m_bobHireFaults.isEmpty() ? 0 : m_bobHireFaults.takeFirst(); }
    // One-shot: the Personio bearer token in use stops being valid (401 on its next use; /v1/auth issues a new one).
    bool takePersonioTokenExpired();
    const Switches& switches() const { return m_switches; }

    // Validates the whole object before changing anything, so a typo never half-applies.
    // Returns an error message, or an empty string on success.
    QString apply(const QJsonObject& changes);

    // A canned answer instead of the fake's (the malformed-response corpus end to end): the next `times` requests of
    // one fake whose path ends with `path` (and whose method is `method`, when given) get exactly this.
    struct Answer
    {
        int status = 200;
        QByteArray contentType;
        QByteArray body;
    };
    std::optional<Answer> takeAnswerOverride(const QString& server, const QString& method, const QString& path);

    // Back to the start-up (command-line) knobs, with every targeted fault cleared.
    void reset();
    QJsonObject toJson() const;

private:
    Settings m_startup;
    Settings m_current;
    QRandomGenerator m_random;
    QRandomGenerator m_afterRandom;
    quint64 m_requestCount = 0;
    int m_malformedPage = 0;
    int m_nextCreateErrorAfterHandling = 0; // one-shot: the next create is handled, then answered with this status
    int m_nextUploadErrorAfterHandling = 0; // one-shot: the next document upload is stored, then answered so
    int m_nextUploadErrorBeforeHandling = 0; // one-shot: the next document upload is answered so, nothing stored
    int m_truncatedPage = 0;
    QString m_wrongTypeApplicationId;
    bool m_tokenExpired = false;
    int m_bobHireStatus = 0;
    QList<int> m_bobHireFaults;
    bool m_personioTokenExpired = false;
    Switches m_switches;
    struct AnswerOverride
    {
        QString server;
        QString method; // empty: any
        QString path; // matched as a suffix (BambooHR's paths carry the company prefix)
        Answer answer;
        int times = 0; // answers left; -1: until reset
    };
    std::optional<AnswerOverride> m_answerOverride;
};
