// A deliberately simple evaluator for the differential fuzzer: a recursive walk over the generator's
// trees that follows docs/language.md line by line (three-valued logic, unknowns, division by zero,
// comparison tolerance, too few answers) and shares no code with the engine, so that a disagreement
// points at a bug in one of them.
#pragma once

#include <cstdint>
#include <vector>

#include "fuzz/random_rules.hpp"

namespace rapport::fuzz {

// NaN is unknown; truth values are 1 and 0.
struct ReferenceResult {
  std::vector<double> findings;                 // each finding's condition
  std::vector<double> conditions;               // each recommendation's condition
  std::vector<double> priorities;               // each fired recommendation's priority, else unknown
  std::vector<std::uint32_t> ranking;           // fired recommendations: priority high to low, unknown last, then order
};

ReferenceResult reference_evaluate(const RandomRules& rules, const RandomProfile& profile);

}  // namespace rapport::fuzz
