// Mapping profile import: the bytes of a file given to `hirebridge-cli mapping import`. What loads must survive what
// Hirebridge does next with it: save it (toJson) and load it again to the same profile.
//
// MappingProfile::load reads with file.read(16 MB + 1), which under ASan costs ~40 ms a call (33 inputs a second), so
// this takes load's steps in memory: JSON object, then MappingProfile::fromJson. load() itself is replayed on the
// corpus by tests/core/corpus.

#include "FuzzSupport.h"
#include "mapping/MappingProfile.h"

#include <QJsonDocument>
#include <QJsonObject>

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    fuzz::init();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    QJsonParseError parseError {};
    const QJsonDocument doc = QJsonDocument::fromJson(fuzz::bytes(data, size), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        return 0; // load() refuses these with the parser's own message
    }
    QString error;
    const auto profile = MappingProfile::fromJson(doc.object(), &error);
    if (!profile) {
        fuzz::require(!error.trimmed().isEmpty(), "a profile refused without a reason");
        return 0;
    }
    bool emptyTarget = false;
    for (const auto& rule : profile->rules) {
        emptyTarget = emptyTarget || rule.target.trimmed().isEmpty();
    }
    fuzz::require(!emptyTarget, "an imported rule without a target field");
    fuzz::require(!profile->target.isEmpty(), "an imported profile without a target");
    QString again;
    const auto reloaded = MappingProfile::fromJson(profile->toJson(), &again);
    fuzz::require(reloaded.has_value(), "the saved form of an imported profile does not load", again);
    fuzz::require(*reloaded == *profile, "the saved form of an imported profile loads as another profile");
    return 0;
}
