// Evaluating many profiles for `rapport batch`: only what a batch line reports (verdicts, priorities,
// the ranking, what is tentative), computed a block of profiles at a time into buffers that are reused,
// so the cost per profile is the rules' own and memory does not grow with the number of profiles.
// Gives the same verdicts, priorities, ranking and tentative marks as evaluate() (assessment.hpp).
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "engine/evidence.hpp"
#include "engine/model.hpp"
#include "engine/profile.hpp"

namespace rapport::engine {

struct RankedRecommendation {
  std::uint32_t recommendation = 0;  // index into RuleSet::recommendations
  double priority = kUnknown;         // unknown priorities rank last
  bool tentative = false;
};

// One profile's result. The vectors keep their capacity when an outcome is reused.
struct BatchOutcome {
  std::vector<std::uint32_t> fired_findings;      // declaration order
  std::vector<std::uint32_t> unknown_findings;    // declaration order (missing data or too few answers)
  std::vector<std::uint32_t> tentative_findings;  // the fired ones that hold only thanks to doubtful gaps
  std::vector<RankedRecommendation> ranking;      // fired recommendations, as Assessment::ranking orders them
};

// Not thread-safe: give each thread its own (they are cheap to build from one RuleSet).
class BatchEvaluator {
 public:
  explicit BatchEvaluator(const RuleSet& rules, EvidenceOptions options = {});
  ~BatchEvaluator();
  BatchEvaluator(BatchEvaluator&&) noexcept;
  BatchEvaluator& operator=(BatchEvaluator&&) noexcept;

  // outcomes[i] receives the result for profiles[i]; both spans have the same size (any size).
  void evaluate(std::span<const Profile> profiles, std::span<BatchOutcome> outcomes);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace rapport::engine
