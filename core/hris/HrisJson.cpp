#include "HrisJson.h"

#include <cmath>

namespace HrisJson {

QString typeName(const QJsonValue& v)
{
    switch (v.type()) {
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

std::optional<QString> idText(const QJsonValue& v)
{
    if (v.isString()) {
        return v.toString().trimmed();
    }
    if (v.isDouble()) {
        const double d = v.toDouble();
        // Integral and exactly representable: a double past 2^53 would name another employee.
        if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 9.0e15) {
            return QString::number(qint64(d));
        }
    }
    return std::nullopt;
}

std::optional<QString> optionalText(const QJsonValue& v)
{
    if (v.isUndefined() || v.isNull()) {
        return QString();
    }
    if (v.isString()) {
        return v.toString().trimmed();
    }
    return std::nullopt;
}

} // namespace HrisJson
