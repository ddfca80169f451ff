// Diagnostics as JSON, for tools (the shape is documented in docs/json-output.md).
#pragma once

#include <string>
#include <vector>

#include "dsl/diagnostic.hpp"
#include "engine/model.hpp"

namespace rapport::cli {

// What `rapport check --format json` prints: the files checked, the counts, what the rule set
// holds (null when it has errors) and every diagnostic. Pretty-printed, ends with a newline.
std::string check_report_json(const std::vector<std::string>& files, const dsl::Diagnostics& diagnostics,
                              const engine::RuleSet* rules);

}  // namespace rapport::cli
