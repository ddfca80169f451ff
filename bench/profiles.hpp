// Profiles for the benchmarks as Rapport's engine holds them: the synthetic workload's, and realistic
// ones varied at random from the example profiles (examples/*.toml) for the end-to-end figures.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "bench/workload.hpp"
#include "engine/model.hpp"
#include "engine/profile.hpp"

namespace rapport::bench {

// The slot of each synthetic metric (share_00, ...) asked of IT in `rules`, by metric index.
std::vector<std::uint32_t> synthetic_slots(const engine::RuleSet& rules, std::uint32_t metrics);

// The synthetic profiles (make_profiles' row-major values) as engine profiles named "Synthetic N".
std::vector<engine::Profile> synthetic_profiles(const engine::RuleSet& rules, const WorkloadShape& shape,
                                                const std::vector<double>& values);

// Copies of the examples, one at a time, each with its values moved a little: shares by a few points,
// scales by a fraction of a step, numbers by a quarter, flags flipped now and then, respondent counts
// by a fifth, and a few values left out. Every copy is a valid profile for the rules.
class ProfileVariation {
 public:
  ProfileVariation(const engine::RuleSet& rules, std::vector<engine::Profile> examples, std::uint64_t seed);
  engine::Profile next();

 private:
  const engine::RuleSet& rules_;
  std::vector<engine::Profile> examples_;
  Random random_;
  std::uint64_t made_ = 0;

  std::optional<int> vary_respondents(std::optional<int> respondents);
  void vary_value(engine::Profile& profile, std::uint32_t slot);
};

}  // namespace rapport::bench
