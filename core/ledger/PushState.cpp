#include "PushState.h"

#include <array>
#include <utility>

namespace {

constexpr std::array<std::pair<PushState, QLatin1StringView>, 7> kNames {{
    {PushState::Ready, QLatin1StringView("ready")},
    {PushState::Sending, QLatin1StringView("sending")},
    {PushState::Pushed, QLatin1StringView("pushed")},
    {PushState::Failed, QLatin1StringView("failed")},
    {PushState::Exists, QLatin1StringView("exists")},
    {PushState::Skipped, QLatin1StringView("skipped")},
    {PushState::Unknown, QLatin1StringView("unknown")},
}};

} // namespace

QString pushStateName(PushState state)
{
    for (const auto& [value, name] : kNames) {
        if (value == state) {
            return QString(name);
        }
    }
    return {};
}

std::optional<PushState> pushStateFromName(const QString& name)
{
    for (const auto& [value, text] : kNames) {
        if (name == text) {
            return value;
        }
    }
    return std::nullopt;
}
