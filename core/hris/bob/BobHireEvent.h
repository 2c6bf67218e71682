#pragma once

#include "Hire.h"
#include "hris/Directory.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>

#include <optional>

// Builds the `hirebridge.hire/v1` event posted to Bob's Hire URL (design §3, documented in the README). Bob's own
// schema is not public: this class is the one place that knows our shape, so it can change alone.
class BobHireEvent
{
public:
    static QString schema() { return QStringLiteral("hirebridge.hire/v1"); }

    struct Input
    {
        Hire hire;
        Directory const* directory = nullptr; // for the hiring manager match; may be null
        QString attemptId;
        QDateTime sentAt;
        QJsonArray documents; // {kind, name, url, contentType}
        // The hire rendered through the admin's mapping profile; without one the built-in default fields are sent.
        std::optional<QJsonObject> fields;
        // The manager as the push resolved it (ManagerMatcher); when set, `directory` is not used for it.
        bool managerResolved = false;
        std::optional<DirectoryEntry> managerEmployee;
        QString managerMatchedBy;
    };

    static QJsonObject build(const Input& input);
    // The built-in default mapping of the core fields, keyed by Bob field id. Empty values are left out.
    static QJsonObject defaultFields(const Hire& hire);
    // Manager object: matched Bob employee (by e-mail, then exact legal name) or id null with the Ashby name.
    static QJsonValue manager(const Hire& hire, const Directory* directory);
    static QJsonValue manager(
        const Hire& hire, const std::optional<DirectoryEntry>& employee, const QString& matchedBy);
};
