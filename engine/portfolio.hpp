// A portfolio of assessed profiles, summarised in memory that does not grow with their number: how often
// each finding and recommendation fired, and the distribution of every metric and IT−marketing gap
// (distribution.hpp). Give each worker thread its own and merge them at the end: every figure is a count,
// so the result does not depend on how the profiles were split among the threads.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/batch_evaluate.hpp"
#include "engine/distribution.hpp"
#include "engine/evidence.hpp"
#include "engine/model.hpp"
#include "engine/profile.hpp"

namespace rapport::engine {

struct PortfolioOptions {
  EvidenceOptions evidence{};             // which values count: those the rules use (enough answers behind them)
  std::optional<std::string> highlight{}; // keep the first profile whose company name is exactly this
};

struct FindingTally {
  std::uint64_t fired = 0;
  std::uint64_t unknown = 0;    // missing data or too few answers
  std::uint64_t tentative = 0;  // fired, but only thanks to gaps that are not significant
};

struct RecommendationTally {
  std::uint64_t applied = 0;    // fired, so in the profile's ranking
  std::uint64_t tentative = 0;
  std::uint64_t first = 0;      // ranked first
  std::uint64_t top3 = 0;       // ranked among the first three
  std::uint64_t rank_sum = 0;   // of its ranks (1 = first) where it applied
  double mean_rank() const;     // NaN when it never applied
};

// One metric slot across the portfolio.
struct SlotTally {
  Distribution values;          // the values the rules used
  std::uint64_t set_aside = 0;  // given, but from too few answers to use (insufficient evidence or withheld)
};

// gap(m) = IT − marketing for a metric asked of both groups, from the profiles whose two values were used.
struct GapTally {
  std::uint32_t metric = 0;
  std::uint32_t it_slot = 0, marketing_slot = 0;
  Distribution values;
};

// The highlighted client as it was added.
struct HighlightedProfile {
  Company company;
  std::uint64_t position = 0;   // where it stood in the input (0 = first)
  std::vector<double> values;   // per slot, the value the rules used (NaN: absent or set aside)
  std::vector<Standing> standing;  // per slot: whether it was given, used or set aside
  BatchOutcome outcome;

  double gap(const GapTally& gap) const { return values[gap.it_slot] - values[gap.marketing_slot]; }
};

class Portfolio {
 public:
  explicit Portfolio(const RuleSet& rules, PortfolioOptions options = {});

  // `position` is where the profile stands in the input; of several profiles named like the highlight,
  // the one with the lowest position is kept. Without it, the count of profiles this Portfolio has seen:
  // right for one Portfolio fed in input order.
  void add(const Profile& profile, const BatchOutcome& outcome, std::uint64_t position);
  void add(const Profile& profile, const BatchOutcome& outcome) { add(profile, outcome, profiles_); }
  // Adds everything `other` counted. Both must be for the same rules and options (else std::logic_error).
  void merge(const Portfolio& other);

  const RuleSet& rules() const { return *rules_; }
  const PortfolioOptions& options() const { return options_; }
  std::uint64_t profiles() const { return profiles_; }
  const std::vector<FindingTally>& findings() const { return findings_; }                // per RuleSet finding
  const std::vector<RecommendationTally>& recommendations() const { return recommendations_; }  // per recommendation
  const std::vector<SlotTally>& slots() const { return slots_; }                         // per RuleSet slot
  const std::vector<GapTally>& gaps() const { return gaps_; }  // metrics asked of IT and marketing, declaration order
  const std::optional<HighlightedProfile>& highlighted() const { return highlighted_; }
  std::uint64_t highlight_matches() const { return highlight_matches_; }  // profiles named like the highlight
  std::size_t bins() const;  // of all its distributions: set by the rules alone, whatever the number of profiles

 private:
  const RuleSet* rules_;
  PortfolioOptions options_;
  std::uint64_t profiles_ = 0;
  std::vector<FindingTally> findings_;
  std::vector<RecommendationTally> recommendations_;
  std::vector<SlotTally> slots_;
  std::vector<GapTally> gaps_;
  std::optional<HighlightedProfile> highlighted_;
  std::uint64_t highlight_matches_ = 0;
  std::vector<double> used_;  // scratch: the current profile's used values, kept to avoid an allocation per add
};

// How a metric's values, and its IT−marketing gaps, are binned: shares and scales over their range in
// kDistributionSteps steps (0.1 percentage point for a share), flags as yes and no, numbers logarithmically.
inline constexpr std::uint32_t kDistributionSteps = 1000;
Distribution value_distribution(const Metric& metric);
Distribution gap_distribution(const Metric& metric);

}  // namespace rapport::engine
