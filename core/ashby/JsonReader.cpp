#include "JsonReader.h"

QString JsonReader::typeName(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("a boolean");
    case QJsonValue::Double:
        return QStringLiteral("a number");
    case QJsonValue::String:
        return QStringLiteral("a string");
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("missing");
}

void JsonReader::fail(const QString& message)
{
    if (m_error.isEmpty()) {
        m_error = message;
    }
}

void JsonReader::wrongType(const QString& path, const QJsonValue& value, const char* expected)
{
    fail(QStringLiteral("field \"%1\" is %2, expected %3").arg(path, typeName(value), QString::fromLatin1(expected)));
}

QString JsonReader::string(const QJsonObject& object, const QString& key, const QString& path)
{
    const auto value = object.value(key);
    if (!value.isString()) {
        wrongType(path, value, "a string");
        return {};
    }
    return value.toString();
}

QString JsonReader::id(const QJsonObject& object, const QString& key, const QString& path)
{
    const QString value = string(object, key, path);
    if (ok() && value.trimmed().isEmpty()) {
        fail(QStringLiteral("field \"%1\" is blank, expected an id").arg(path));
        return {};
    }
    return value;
}

QString JsonReader::optString(const QJsonObject& object, const QString& key, const QString& path)
{
    const auto value = object.value(key);
    if (value.isUndefined() || value.isNull()) {
        return {};
    }
    if (!value.isString()) {
        wrongType(path, value, "a string");
        return {};
    }
    return value.toString();
}

QJsonObject JsonReader::optObject(const QJsonObject& object, const QString& key, const QString& path)
{
    const auto value = object.value(key);
    if (value.isUndefined() || value.isNull()) {
        return {};
    }
    if (!value.isObject()) {
        wrongType(path, value, "an object");
        return {};
    }
    return value.toObject();
}

QJsonArray JsonReader::optArray(const QJsonObject& object, const QString& key, const QString& path)
{
    const auto value = object.value(key);
    if (value.isUndefined() || value.isNull()) {
        return {};
    }
    if (!value.isArray()) {
        wrongType(path, value, "an array");
        return {};
    }
    return value.toArray();
}

std::optional<double> JsonReader::optNumber(const QJsonObject& object, const QString& key, const QString& path)
{
    const auto value = object.value(key);
    if (value.isUndefined() || value.isNull()) {
        return std::nullopt;
    }
    if (!value.isDouble()) {
        wrongType(path, value, "a number");
        return std::nullopt;
    }
    return value.toDouble();
}
