// The renderers of `rapport whatif`: what changing some of a profile's values changes in its
// assessment, as text for a terminal or as JSON for tools (docs/json-output.md).
#pragma once

#include <string>
#include <vector>

#include "cli/report.hpp"  // TextStyle
#include "engine/whatif.hpp"

namespace rapport::cli {

struct WhatIfInput {
  const engine::RuleSet& rules;
  const engine::Profile& profile;           // as surveyed
  const std::vector<engine::Override>& set; // as asked, in order
  const engine::WhatIf& result;
  std::string profile_path;
  std::string rules_fingerprint;
};

std::string render_whatif_text(const WhatIfInput& input, const TextStyle& style);
std::string render_whatif_json(const WhatIfInput& input);

// "moved up", "appeared", ... and "#3 → #1", "was #2", shared by both renderers.
std::string shift_name(const engine::RecommendationShift& shift);
std::string shift_key(const engine::RecommendationShift& shift);   // "moved_up", "appeared", ...

}  // namespace rapport::cli
