#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <optional>

// Typed access to untrusted JSON that remembers the first problem with its path ("candidate.name is a number,
// expected a string"), so decoders stay flat and every error names the field.
class JsonReader
{
public:
    // Required string: missing, null or wrong type is an error.
    QString string(const QJsonObject& object, const QString& key, const QString& path);
    // Required identifier: a string that is not blank (an empty id would key a ledger record or a definition).
    QString id(const QJsonObject& object, const QString& key, const QString& path);
    // Optional string: missing or null gives an empty string; a wrong type is still an error.
    QString optString(const QJsonObject& object, const QString& key, const QString& path);
    QJsonObject optObject(const QJsonObject& object, const QString& key, const QString& path);
    QJsonArray optArray(const QJsonObject& object, const QString& key, const QString& path);
    std::optional<double> optNumber(const QJsonObject& object, const QString& key, const QString& path);

    bool ok() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }
    void fail(const QString& message);

    static QString typeName(const QJsonValue& value);

private:
    void wrongType(const QString& path, const QJsonValue& value, const char* expected);
    QString m_error;
};
