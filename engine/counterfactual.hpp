// "What would it take?": for a fired recommendation, the smallest change of one metric that makes it
// stop firing, found by re-evaluating the rule set (findings feed recommendations) with that metric
// moved through its valid range. Deterministic; plain data.
#pragma once

#include <cstdint>
#include <vector>

#include "engine/assessment.hpp"

namespace rapport::engine {

// One metric moved far enough that the recommendation no longer fires.
struct Flip {
  std::uint32_t slot = 0;
  // NotFired; or Unknown when it would then rest on findings the profile cannot decide (a report
  // would list it as not assessed rather than recommend it).
  Verdict verdict = Verdict::NotFired;
  double from = 0;       // the profile's value
  double to = 0;         // a round value past the threshold, checked to remove the recommendation
  double threshold = 0;  // where it stops firing (to 1e-8); whether the value itself still fires depends on <=
  bool onwards = false;  // every value from `to` on to the end of the range removes it too ("or more")
  // |to − from| as a share of the metric's range (share 0–1, scale low–high, flag 1), or of
  // max(|from|, 1) for an unbounded number: what "smallest" compares across metrics.
  double size = 0;
};

struct WhatItTakes {
  // One per metric that alone can remove the recommendation: those that leave it not fired first,
  // then those that leave it unknown; each group smallest change first (ties: slot order).
  // Empty when no single metric decides it, e.g. when it fires on two findings that read different metrics.
  std::vector<Flip> flips;
};

// `slots` are the evaluation inputs (RuleSet::layout(): the values, then the statistics behind them).
// A metric is moved with its statistics left as they are: the question is where its threshold lies. Metrics the profile
// lacks are not moved: "what if we had measured it" is a question for `rapport whatif`.
// Number metrics have no declared range: they are searched around their value and the rules' constants,
// and never below zero when neither the value nor those constants are negative.
WhatItTakes what_it_takes(const RuleSet& rules, const std::vector<double>& slots, std::uint32_t recommendation);

}  // namespace rapport::engine
