// Why a finding or recommendation came out as it did on one profile: every sub-expression of its
// condition (and priority) with its value, the parts that settled it, what was missing, and, for a
// fired recommendation, the smallest change of one metric that would remove it. Plain data.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/assessment.hpp"
#include "engine/counterfactual.hpp"

namespace rapport::engine {

// One sub-expression with its value on this profile.
struct TracedNode {
  std::uint32_t node = 0;                       // into the ExprTree: text, place, unit, kind
  double value = kUnknown;
  // Into TracedExpression::nodes. A chain of one operator (`a or b or c`, `a + b + c`) is one node
  // with all the operands, as a reader sees it; parenthesised parts stay nodes of their own.
  std::vector<std::uint32_t> children;
  bool decisive = false;                        // on the way from the root to what settled it
  std::vector<std::uint32_t> missing_slots;     // when unknown: the metrics below it the profile lacks
  std::vector<std::uint32_t> thin_slots;        // when unknown: those it gives, but from too few people to use
  std::vector<std::uint32_t> unknown_findings;  // when unknown: the findings below it that were unknown
};

// A condition or priority evaluated on one profile, node by node.
struct TracedExpression {
  const ExprTree* tree = nullptr;  // the rule set's; the rule set outlives every explanation
  std::vector<TracedNode> nodes;   // pre-order: the root first
  double value = kUnknown;         // exactly what evaluate() computed

  const ExprNode& written(std::uint32_t traced) const { return tree->nodes[nodes[traced].node]; }
};

// What settled a condition. `because` holds the nodes (into TracedExpression::nodes) whose values
// decided it: for a fired `a or b` the true side; for an `and` that did not fire its false side(s);
// for an `or` that did not fire every side; for an unknown one the sides left unknown.
struct Decision {
  Verdict verdict = Verdict::Unknown;
  std::vector<std::uint32_t> because;
  std::vector<std::uint32_t> missing_slots;     // unknown: the metrics the profile lacks there (sorted)
  std::vector<std::uint32_t> thin_slots;        // unknown: those given, but from too few people (sorted)
  std::vector<std::uint32_t> unknown_findings;  // unknown: the findings read there that were unknown
  bool tentative = false;                       // fired only thanks to gaps that are not significant
  std::vector<std::uint32_t> doubted_gaps;      // those gaps' metrics
};

// A priority, term by term: `40 + 5 * (...) - x` gives 40, +5 * (...), -x.
struct PriorityTerm {
  std::uint32_t node = 0;  // into the priority's TracedExpression::nodes
  bool subtracted = false;
};

struct PriorityBreakdown {
  TracedExpression expression;
  std::vector<PriorityTerm> terms;  // one term when the priority is not a sum
  std::size_t rank = 0;             // 1-based place among the fired recommendations
  std::size_t ranked = 0;           // how many fired
};

struct FindingExplanation {
  std::uint32_t finding = 0;
  TracedExpression condition;
  Decision decision;
};

struct RecommendationExplanation {
  std::uint32_t recommendation = 0;
  TracedExpression condition;
  Decision decision;
  std::optional<PriorityBreakdown> priority;  // when fired
  std::optional<WhatItTakes> what_it_takes;   // when fired
  // Every finding its condition and priority read, directly or through other findings (declaration order).
  std::vector<std::uint32_t> findings_read;
};

// The items explained: those asked for, and every finding they read, so that one explanation
// answers "why" down to the metrics.
struct Explanation {
  Evidence evidence;  // the statistics behind the values, as evaluate() computed them
  std::vector<RecommendationExplanation> recommendations;  // as asked; all: ranked first, then the rest
  std::vector<FindingExplanation> findings;                // as asked, then those read (declaration order)
};

// A finding or a recommendation, by index.
struct ItemRef {
  enum class Kind : std::uint8_t { Finding, Recommendation };
  Kind kind = Kind::Finding;
  std::uint32_t index = 0;
  friend bool operator==(const ItemRef&, const ItemRef&) = default;
};

std::optional<ItemRef> find_item(const RuleSet& rules, std::string_view id);
std::vector<std::string> item_ids(const RuleSet& rules);  // every finding and recommendation id

// Explains the items on the profile; no items means every finding and recommendation.
Explanation explain(const RuleSet& rules, const Profile& profile, const std::vector<ItemRef>& items = {},
                    const EvidenceOptions& options = {});

// One expression on given slot and finding values (as the RuleSet lays them out).
TracedExpression trace_expression(const Program& program, const ExprTree& tree, const double* slots,
                                  const double* findings);
// What settled a traced condition; marks the nodes on the way to it `decisive`.
Decision decide(TracedExpression& condition);

// How an operator reads in an expression: "and", "<", "+", "abs", "max".
std::string_view spelling(OpCode op);

}  // namespace rapport::engine
