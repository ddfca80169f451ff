// What stands behind a profile's values: how many answered, the confidence interval of each group's
// value and the test of each IT−marketing gap. It also sets aside the values with too few answers
// behind them, and lays everything out as the inputs compiled rules read (InputLayout).
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "engine/model.hpp"
#include "engine/profile.hpp"
#include "engine/statistics.hpp"

namespace rapport::engine {

struct EvidenceOptions {
  double significance_level = statistics::kDefaultAlpha;  // a gap with p below it is significant
  int min_n = 5;           // fewer answers behind a value: insufficient evidence, the value is not used
  int min_group_size = 5;  // fewer answers: the value is suppressed, to keep respondents anonymous
};

// Whether a group's value can be used, and if not, why.
enum class Standing : std::uint8_t {
  Absent,      // the profile does not give it
  Measured,    // given, with enough answers behind it (or with no count to judge by)
  TooFew,      // given, but fewer than min_n answered: insufficient evidence
  Suppressed,  // given, but fewer than min_group_size answered: withheld to protect anonymity
};

struct SlotEvidence {
  Standing standing = Standing::Absent;
  std::optional<int> n;           // answers behind the value: its sample's n, else the group's respondents
  double sd = kUnknown;           // sample standard deviation of a scale or number, when given
  std::optional<statistics::ConfidenceInterval> ci;  // Wilson (shares) or t (scales, numbers)
};

struct GapEvidence {
  bool tested = false;            // both groups measured, with what the test needs behind them
  statistics::GapTest test{};
  bool significant = false;       // tested, and p below the significance level
};

struct Evidence {
  EvidenceOptions options;
  std::vector<SlotEvidence> slots;  // one per RuleSet slot
  std::vector<GapEvidence> gaps;    // one per metric; tested only for metrics asked of both groups
  std::vector<double> inputs;       // RuleSet::layout(): what compiled programs read

  double confidence() const { return 1.0 - options.significance_level; }
  bool usable(std::uint32_t slot) const { return slots[slot].standing == Standing::Measured; }
  // A gap that was tested and is not significant: findings resting on it alone are tentative.
  bool doubted(std::uint32_t metric) const { return gaps[metric].tested && !gaps[metric].significant; }
  bool any_doubted() const;
  // The inputs with every doubted gap made unknown: what still holds when only real differences count.
  std::vector<double> sceptical_inputs() const;
};

// Whether one slot's value can be used: what gather_evidence() decides for that slot, and nothing more,
// so it is cheap enough to call for every value of every profile in a batch.
Standing slot_standing(const RuleSet& rules, const Profile& profile, std::uint32_t slot, const EvidenceOptions& options);

// Intervals are at the confidence level 1 − significance level (95% by default), so that a gap's
// interval leaves out zero when, and about only when, its test is significant.
Evidence gather_evidence(const RuleSet& rules, const Profile& profile, const EvidenceOptions& options = {});
// Which statistics the rules read: a batch that reports only verdicts computes no others.
struct EvidenceNeeds {
  std::vector<char> slot_interval;  // per slot: some rule reads ci_low/ci_high of it
  std::vector<char> gap_test;       // per metric: some rule reads gap(m) or a statistic of that gap
};
EvidenceNeeds evidence_needs(const RuleSet& rules);

// The same into `out`, reusing its storage: for evaluating many profiles without allocating. With
// `needs`, the intervals and tests no rule reads are left out (their inputs stay unknown).
void gather_evidence(const RuleSet& rules, const Profile& profile, const EvidenceOptions& options, Evidence& out,
                     const EvidenceNeeds* needs = nullptr);

}  // namespace rapport::engine
