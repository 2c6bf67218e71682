#pragma once

#include <QJsonObject>
#include <QRandomGenerator>
#include <QString>

// Decides which requests misbehave. Global knobs apply to every non-control request of both
// fakes; targeted faults fire once (except bobHireStatus, which holds until reset) so a test
// can put one precise failure in the middle of an otherwise healthy run.
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

    bool takeMalformedPage(int page);
    bool takeTruncatedPage(int page);
    QString wrongTypeApplicationId() const { return m_wrongTypeApplicationId; }
    void clearWrongType() { m_wrongTypeApplicationId.clear(); }
    bool takeTokenExpired();
    int bobHireStatus() const { return m_bobHireStatus; }

    // Validates the whole object before changing anything, so a typo never half-applies.
    // Returns an error message, or an empty string on success.
    QString apply(const QJsonObject& changes);
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
    int m_truncatedPage = 0;
    QString m_wrongTypeApplicationId;
    bool m_tokenExpired = false;
    int m_bobHireStatus = 0;
};
