// Portfolio (see portfolio.hpp): counting findings, recommendations, values and gaps, profile by profile.
#include "engine/portfolio.hpp"

#include <cmath>
#include <limits>
#include <stdexcept>
#include <utility>

namespace rapport::engine {
namespace {

bool bounded(const Metric& metric) { return std::isfinite(metric.low) && std::isfinite(metric.high); }

bool same_options(const PortfolioOptions& a, const PortfolioOptions& b) {
  return a.highlight == b.highlight && a.evidence.min_n == b.evidence.min_n &&
         a.evidence.min_group_size == b.evidence.min_group_size &&
         a.evidence.significance_level == b.evidence.significance_level;
}

void add_tally(FindingTally& into, const FindingTally& from) {
  into.fired += from.fired;
  into.unknown += from.unknown;
  into.tentative += from.tentative;
}

void add_tally(RecommendationTally& into, const RecommendationTally& from) {
  into.applied += from.applied;
  into.tentative += from.tentative;
  into.first += from.first;
  into.top3 += from.top3;
  into.rank_sum += from.rank_sum;
}

}  // namespace

double RecommendationTally::mean_rank() const {
  if (applied == 0) return std::numeric_limits<double>::quiet_NaN();
  return static_cast<double>(rank_sum) / static_cast<double>(applied);
}

Distribution value_distribution(const Metric& metric) {
  if (metric.kind == MetricKind::Flag) return Distribution::linear(0, 1, 1);
  if (!bounded(metric) || !(metric.low < metric.high)) return Distribution::logarithmic();
  return Distribution::linear(metric.low, metric.high, kDistributionSteps);
}

// A gap spans −range..+range, in bins as wide as the metric's own.
Distribution gap_distribution(const Metric& metric) {
  if (metric.kind == MetricKind::Flag) return Distribution::linear(-1, 1, 2);
  if (!bounded(metric) || !(metric.low < metric.high)) return Distribution::logarithmic();
  const double range = metric.high - metric.low;
  return Distribution::linear(-range, range, 2 * kDistributionSteps);
}

Portfolio::Portfolio(const RuleSet& rules, PortfolioOptions options)
    : rules_(&rules),
      options_(std::move(options)),
      findings_(rules.findings.size()),
      recommendations_(rules.recommendations.size()),
      used_(rules.slots.size()) {
  slots_.reserve(rules.slots.size());
  for (const Slot& slot : rules.slots) slots_.push_back({value_distribution(rules.metrics[slot.metric]), 0});
  for (std::uint32_t m = 0; m < rules.metrics.size(); ++m) {
    const auto it = rules.slot_of(m, Audience::It);
    const auto marketing = rules.slot_of(m, Audience::Marketing);
    if (it && marketing) gaps_.push_back({m, *it, *marketing, gap_distribution(rules.metrics[m])});
  }
}

void Portfolio::add(const Profile& profile, const BatchOutcome& outcome, std::uint64_t position) {
  ++profiles_;
  for (auto f : outcome.fired_findings) ++findings_[f].fired;
  for (auto f : outcome.unknown_findings) ++findings_[f].unknown;
  for (auto f : outcome.tentative_findings) ++findings_[f].tentative;
  std::uint64_t rank = 0;
  for (const RankedRecommendation& r : outcome.ranking) {
    RecommendationTally& tally = recommendations_[r.recommendation];
    ++rank;
    ++tally.applied;
    tally.rank_sum += rank;
    if (rank == 1) ++tally.first;
    if (rank <= 3) ++tally.top3;
    if (r.tentative) ++tally.tentative;
  }
  for (std::uint32_t s = 0; s < slots_.size(); ++s) {
    const Standing standing = slot_standing(*rules_, profile, s, options_.evidence);
    used_[s] = standing == Standing::Measured ? profile.values[s] : kUnknown;
    if (standing == Standing::Measured) slots_[s].values.add(used_[s]);
    if (standing == Standing::TooFew || standing == Standing::Suppressed) ++slots_[s].set_aside;
  }
  for (GapTally& gap : gaps_) gap.values.add(used_[gap.it_slot] - used_[gap.marketing_slot]);  // NaN: not added
  if (!options_.highlight || profile.company.name != *options_.highlight) return;
  ++highlight_matches_;
  if (!highlighted_ || position < highlighted_->position) {
    highlighted_ = HighlightedProfile{profile.company, position, used_, {}, outcome};
    for (std::uint32_t s = 0; s < slots_.size(); ++s) {
      highlighted_->standing.push_back(slot_standing(*rules_, profile, s, options_.evidence));
    }
  }
}

void Portfolio::merge(const Portfolio& other) {
  if (other.rules_ != rules_ || !same_options(other.options_, options_)) {
    throw std::logic_error("Portfolio::merge: the portfolios were made for different rules or options");
  }
  profiles_ += other.profiles_;
  for (std::size_t f = 0; f < findings_.size(); ++f) add_tally(findings_[f], other.findings_[f]);
  for (std::size_t r = 0; r < recommendations_.size(); ++r) add_tally(recommendations_[r], other.recommendations_[r]);
  for (std::size_t s = 0; s < slots_.size(); ++s) {
    slots_[s].values.merge(other.slots_[s].values);
    slots_[s].set_aside += other.slots_[s].set_aside;
  }
  for (std::size_t g = 0; g < gaps_.size(); ++g) gaps_[g].values.merge(other.gaps_[g].values);
  highlight_matches_ += other.highlight_matches_;
  if (other.highlighted_ && (!highlighted_ || other.highlighted_->position < highlighted_->position)) {
    highlighted_ = other.highlighted_;
  }
}

std::size_t Portfolio::bins() const {
  std::size_t total = 0;
  for (const auto& slot : slots_) total += slot.values.bins();
  for (const auto& gap : gaps_) total += gap.values.bins();
  return total;
}

}  // namespace rapport::engine
