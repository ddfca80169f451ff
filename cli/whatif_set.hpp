// Reading `rapport whatif --set TARGET=VALUE`: the target as the rules write it (`it.m`,
// `marketing.m`, `m`), the value as a person types it (40%, 0.4, 3.5, true, unknown), each checked
// against the metric. Anything wrong is a UsageError in plain words.
#pragma once

#include <string>
#include <vector>

#include "engine/whatif.hpp"

namespace rapport::cli {

std::vector<engine::Override> read_settings(const engine::RuleSet& rules, const std::vector<std::string>& settings);

}  // namespace rapport::cli
