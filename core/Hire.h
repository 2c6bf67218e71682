#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// One custom-field value as Ashby reports it, with the type resolved from customField.list when known.
struct CustomFieldValue
{
    QString id; // definition id
    QString title; // definition title at read time
    QString objectType; // Candidate | Application | Offer | Job
    QString fieldType; // String, Number, Date, Boolean, ValueSelect, ... or empty when the definition is unknown
    QJsonValue value;
    QJsonValue valueLabel; // string or array of strings for (Multi)ValueSelect

    QJsonObject toJson() const;
    static CustomFieldValue fromJson(const QJsonObject& object);
    friend bool operator==(const CustomFieldValue&, const CustomFieldValue&) = default;
};

// An Ashby file handle; the download URL is fetched with file.info right before it is needed, never stored.
struct FileRef
{
    QString kind; // "resume" | "offerLetter"
    QString name;
    QString handle;

    QJsonObject toJson() const;
    static FileRef fromJson(const QJsonObject& object);
    friend bool operator==(const FileRef&, const FileRef&) = default;
};

struct PersonRef
{
    QString id; // Ashby user id
    QString firstName;
    QString lastName;
    QString email;

    QString displayName() const;
    bool isEmpty() const { return id.isEmpty() && email.isEmpty() && firstName.isEmpty() && lastName.isEmpty(); }
    QJsonObject toJson() const;
    static PersonRef fromJson(const QJsonObject& object);
    friend bool operator==(const PersonRef&, const PersonRef&) = default;
};

struct Salary
{
    double value = 0;
    QString currencyCode;
    friend bool operator==(const Salary&, const Salary&) = default;
};

// One Ashby application with status Hired, assembled with everything a target needs. Key: applicationId.
struct Hire
{
    QString applicationId;
    QString candidateId;
    QString offerId;
    QString offerVersionId;
    QString jobId;

    QString name; // Ashby's single display name
    QString firstName;
    QString lastName;
    QString email; // primary e-mail, trimmed; empty when the candidate has none
    QString phone;
    QString profileUrl; // link to the candidate in Ashby

    QString jobTitle;
    QString department;
    QString location; // job location name, maps to Bob's site
    QString employmentType;

    QString startDate; // YYYY-MM-DD calendar date, never shifted through a time zone; empty without an offer
    std::optional<Salary> salary;

    PersonRef hiringManager;
    QList<CustomFieldValue> customFields;
    QList<FileRef> files;

    QString updatedAt; // application updatedAt as Ashby sent it
    QStringList warnings; // assembly notes shown to the admin (no offer, no e-mail, ...)

    bool hasOffer() const { return !offerId.isEmpty(); }

    QJsonObject toJson() const;
    static std::optional<Hire> fromJson(const QJsonObject& object, QString* error = nullptr);
    friend bool operator==(const Hire&, const Hire&) = default;
};

// Splits Ashby's single display name into first name and surname: the first word is the first name,
// the rest is the surname. A mononym gives an empty surname (validation reports it).
void splitName(const QString& fullName, QString* firstName, QString* lastName);

// Normalises an e-mail address for comparison: trimmed and lower-cased.
QString normalizedEmail(const QString& email);

// Takes the calendar date out of an Ashby date or date-time string without any time-zone shift.
// Returns an empty string when the text does not start with a valid YYYY-MM-DD date.
QString calendarDate(const QString& text);
