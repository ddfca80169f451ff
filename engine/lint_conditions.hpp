// What the condition lint's two files share: the rule set's conditions as the prover sees them,
// and which conditions were already reported (a condition that never holds is not also "equivalent").
#pragma once

#include <string>
#include <vector>

#include "engine/check_state.hpp"
#include "engine/condition_analysis.hpp"
#include "engine/condition_analysis_rules.hpp"

namespace rapport::engine::checking {

struct ConditionLint {
  CheckState& state;
  RuleConditions& conditions;
  const analysis::Prover& prover;
  std::vector<bool> finding_reported;         // per finding: a warning already explains its condition
  std::vector<bool> recommendation_reported;  // per recommendation: likewise
};

// Warns about findings (and recommendations) whose conditions hold for exactly the same profiles.
void lint_equivalent_conditions(ConditionLint& lint);

// "finding 'x'" / "recommendation 'x'", for messages.
std::string declaration_name(const CheckState& state, dsl::DeclKind kind, std::uint32_t index);

}  // namespace rapport::engine::checking
