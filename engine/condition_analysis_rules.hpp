// The conditions of a checked rule set, translated for the condition prover: one graph in which
// every finding a condition reads is inlined as its own condition, so reasoning sees through it.
#pragma once

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "engine/check_state.hpp"
#include "engine/condition_analysis.hpp"

namespace rapport::engine::checking {

struct RuleConditions {
  analysis::ConditionGraph graph;
  std::vector<analysis::SlotRange> slots;          // per input of RuleSet::layout(): values, then statistics
  std::vector<std::uint32_t> findings;             // per finding: its condition's node
  std::vector<std::uint32_t> recommendations;      // per recommendation: its condition's node
  std::unordered_map<const dsl::Expr*, std::uint32_t> nodes;  // every expression node of every root
};

// Needs a rule set that compiled (no errors): every name resolved, findings in evaluation order.
RuleConditions translate_conditions(const CheckState& state);

}  // namespace rapport::engine::checking
