#pragma once

#include "Hire.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>

#include <optional>

struct CustomFieldDefinition
{
    QString id;
    QString title;
    QString objectType;
    QString fieldType;
};

// Builds a Hire from the Ashby objects fetched for one hired application. Pure: no network, so every rule
// (offer choice, name split, start date, hiring manager, custom fields, files) is unit-tested on plain JSON.
class HireAssembler
{
public:
    struct Input
    {
        QJsonObject application; // one application.list item
        QJsonObject candidate; // candidate.info results
        QJsonArray offers; // offer.list results for the application
        QJsonObject job; // job.info results, may be empty
        QString departmentName;
        QString locationName;
        PersonRef hiringManager; // resolved by the caller (see hiringManagerFrom)
        QHash<QString, CustomFieldDefinition> definitions; // customField.list by id
    };

    // On failure returns nullopt and sets *error to a message naming the field ("candidate.info: field ...").
    static std::optional<Hire> assemble(const Input& input, QString* error);

    // The most recent offer with acceptanceStatus Accepted, if any (by decidedAt, then latestVersion.createdAt).
    static std::optional<QJsonObject> acceptedOffer(const QJsonArray& offers);
    // The first hiring team member whose role is "Hiring Manager" (case-insensitive), or an empty PersonRef.
    static PersonRef hiringManagerFrom(const QJsonArray& hiringTeam);
    static QHash<QString, CustomFieldDefinition> parseDefinitions(const QJsonValue& results, QString* error);
};
