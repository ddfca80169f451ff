// Whether every evaluator gives the native program's verdicts on the synthetic workload: the
// benchmarks check it before they time anything, and the smoke test checks it on a small workload.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "bench/evaluators.hpp"
#include "engine/model.hpp"
#include "engine/profile.hpp"

namespace rapport::bench {

struct Agreement {
  std::optional<std::string> difference;  // the first profile and rule where an evaluator disagrees
  std::size_t fired = 0;                  // the native program's verdicts over all profiles × rules
  std::size_t unknown = 0;
  std::size_t verdicts = 0;
  double fire_rate() const { return verdicts ? static_cast<double>(fired) / static_cast<double>(verdicts) : 0.0; }
};

// Compares, profile by profile and rule by rule, the native program with the interpreter, the block
// evaluator (when built) and, given the same profiles as engine profiles, engine::BatchEvaluator.
Agreement check_agreement(const engine::RuleSet& rules, const WorkloadInputs& inputs, NativeProgram native,
                          const std::vector<engine::Profile>* profiles = nullptr);

}  // namespace rapport::bench
