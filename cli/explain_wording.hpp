// The words of `rapport explain`, shared by its text and JSON output: how a traced value reads, why an
// item fired or did not, and what single change would remove a recommendation.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engine/explain.hpp"

namespace rapport::cli {

// "fired", "not fired", "unknown".
std::string verdict_words(engine::Verdict verdict);

// One traced value: 12%, +12 pp, 3.5, true, false, fired, not fired, unknown.
std::string traced_value(const engine::TracedExpression& e, std::uint32_t node);

// A comparison with its values put in, "12% < 30%"; "" for any other node.
std::string substituted(const engine::TracedExpression& e, std::uint32_t node);

// One thing that settled a verdict: "`it.x < 30%` is true (12% < 30%)", "`silent` fired",
// "`it.x < 30%` is unknown (it.x is missing)". For an unknown finding, `all` (when given, holding
// that finding's explanation) supplies the metrics it lacks, down its chain of findings.
std::string clause(const engine::RuleSet& rules, const engine::TracedExpression& e, std::uint32_t node,
                   const engine::Explanation* all = nullptr);

// Why the condition came out as it did: "fired because …", "not fired because …", "unknown because …".
std::string reason(const engine::RuleSet& rules, const engine::TracedExpression& e, const engine::Decision& d,
                   const engine::Explanation* all = nullptr);

// "raising it.x from 12% to 30% or more"
std::string change(const engine::RuleSet& rules, const engine::Flip& flip);
// The whole answer: "raising it.x from 12% to 30% or more would remove it", or for a change that would
// leave it unknown, that it would then be listed as not assessed.
std::string removal(const engine::RuleSet& rules, const engine::Flip& flip);

// Why no single change removes it: "no change of a single metric removes it; it rests on `a` fired
// and `b` fired, each enough on its own". When it rests on one finding, that finding's own reason
// (from `all`, which holds the findings the recommendation reads) says why.
std::string no_single_change(const engine::RuleSet& rules, const engine::RecommendationExplanation& rec,
                             const engine::Explanation& all);

// "it.x", "it.x and marketing.y", "a, b and c"
std::string slot_list(const engine::RuleSet& rules, const std::vector<std::uint32_t>& slots);
std::string finding_list(const engine::RuleSet& rules, const std::vector<std::uint32_t>& findings);
std::string joined(const std::vector<std::string>& items, const char* last = " and ");

}  // namespace rapport::cli
