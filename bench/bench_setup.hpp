// The synthetic workload a benchmark runs on: generated from the seed the native programs were built
// with, checked by Rapport, and held to the native program before anything is timed.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "bench/evaluators.hpp"
#include "bench/workload.hpp"
#include "engine/model.hpp"
#include "engine/profile.hpp"

namespace rapport::bench {

struct SyntheticSetup {
  WorkloadShape shape;
  engine::RuleSet rules;
  std::unique_ptr<WorkloadInputs> inputs;
  NativeProgram native = nullptr;
  std::vector<engine::Profile> profiles;  // as engine profiles, for BatchEvaluator (when asked for)
  double fire_rate = 0;                   // of the verdicts checked
};

enum class EngineProfiles { Without, With };

// The workload of `rules` rules and `profiles` profiles. The first time a shape is asked for, every
// evaluator (and BatchEvaluator, with engine profiles) is compared with the native program on up to
// `checked` profiles; a difference aborts the process with the profile, rule and verdicts. The last
// setup is kept, so benchmarks of one shape that run in a row share it.
const SyntheticSetup& synthetic_setup(std::uint32_t rules, std::size_t profiles, EngineProfiles engine_profiles,
                                      std::size_t checked);

}  // namespace rapport::bench
