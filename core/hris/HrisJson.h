#pragma once

#include <QJsonValue>
#include <QString>

#include <optional>

// Reading the HR systems' JSON the same way in every connector (BambooHR, Personio).
namespace HrisJson {

// "a number", "an object", "null", "missing": for messages naming what came instead of what was expected.
QString typeName(const QJsonValue& value);
// An id sent as a string or as an integral number (both systems do both); nullopt for anything else.
std::optional<QString> idText(const QJsonValue& value);
// A text that may be missing or null (a restricted field comes back null) as ""; nullopt for any other type.
std::optional<QString> optionalText(const QJsonValue& value);

} // namespace HrisJson
