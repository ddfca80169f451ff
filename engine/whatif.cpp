// What-if (see whatif.hpp): finding where a value goes, checking it, applying it, and comparing the
// two assessments rank by rank.
#include "engine/whatif.hpp"

#include <algorithm>
#include <cmath>

#include "engine/suggest.hpp"

namespace rapport::engine {

namespace {

std::vector<std::string> metric_ids(const RuleSet& rules) {
  std::vector<std::string> ids;
  for (const auto& metric : rules.metrics) ids.push_back(metric.id);
  return ids;
}

TargetError unknown_metric(const RuleSet& rules, std::string_view id) {
  return {TargetError::Kind::UnknownMetric, 0, closest(std::string(id), metric_ids(rules))};
}

// 1-based rank of each recommendation, 0 for those not recommended.
std::vector<std::size_t> ranks(const Assessment& assessment) {
  std::vector<std::size_t> rank(assessment.recommendations.size(), 0);
  for (std::size_t i = 0; i < assessment.ranking.size(); ++i) rank[assessment.ranking[i]] = i + 1;
  return rank;
}

bool same_value(double a, double b) {
  if (is_unknown(a) || is_unknown(b)) return is_unknown(a) && is_unknown(b);
  return std::abs(a - b) <= 1e-9 * std::max(1.0, std::abs(a));
}

std::optional<RecommendationShift::Kind> shift_of(std::size_t before, std::size_t after, double priority_before,
                                                  double priority_after) {
  using Kind = RecommendationShift::Kind;
  if (before == 0 && after == 0) return std::nullopt;
  if (before == 0) return Kind::Appeared;
  if (after == 0) return Kind::Disappeared;
  if (after < before) return Kind::MovedUp;
  if (after > before) return Kind::MovedDown;
  if (!same_value(priority_before, priority_after)) return Kind::Reprioritised;
  return std::nullopt;
}

RecommendationShift shift(const WhatIf& w, std::uint32_t r, RecommendationShift::Kind kind, std::size_t before,
                          std::size_t after) {
  const auto& old_outcome = w.before.recommendations[r];
  const auto& new_outcome = w.after.recommendations[r];
  return {kind, r, before, after, old_outcome.priority, new_outcome.priority, old_outcome.verdict, new_outcome.verdict};
}

void compare_recommendations(WhatIf& w) {
  const auto before = ranks(w.before);
  const auto after = ranks(w.after);
  for (const std::uint32_t r : w.after.ranking) {
    const auto kind = shift_of(before[r], after[r], w.before.recommendations[r].priority, w.after.recommendations[r].priority);
    if (kind) w.recommendations.push_back(shift(w, r, *kind, before[r], after[r]));
  }
  for (const std::uint32_t r : w.before.ranking)
    if (after[r] == 0) w.recommendations.push_back(shift(w, r, RecommendationShift::Kind::Disappeared, before[r], 0));
}

}  // namespace

Target find_target(const RuleSet& rules, std::string_view reference) {
  Audience audience = Audience::Company;
  std::string_view id = reference;
  if (const auto dot = reference.find('.'); dot != std::string_view::npos) {
    const std::string_view group = reference.substr(0, dot);
    id = reference.substr(dot + 1);
    if (group == "it") audience = Audience::It;
    else if (group == "marketing") audience = Audience::Marketing;
    else return {std::nullopt, TargetError{TargetError::Kind::UnknownGroup, 0, std::nullopt}};
  }
  const auto metric = rules.metric_index(std::string(id));
  if (!metric) return {std::nullopt, unknown_metric(rules, id)};
  if (const auto slot = rules.slot_of(*metric, audience)) return {slot, std::nullopt};
  const auto kind = audience == Audience::Company ? TargetError::Kind::NeedsGroup : TargetError::Kind::NotAskedOf;
  return {std::nullopt, TargetError{kind, *metric, std::nullopt}};
}

std::optional<ValueError> check_value(const Metric& metric, double value) {
  if (is_unknown(value)) return std::nullopt;
  if (!std::isfinite(value)) return ValueError::NotFinite;
  if (metric.kind == MetricKind::Flag && value != 0.0 && value != 1.0) return ValueError::NotAFlag;
  if (value < metric.low || value > metric.high) return ValueError::OutOfRange;
  return std::nullopt;
}

Overridden apply_overrides(const RuleSet& rules, const Profile& profile, const std::vector<Override>& overrides) {
  Profile changed = profile;
  changed.values.resize(rules.slots.size(), kUnknown);
  for (std::size_t i = 0; i < overrides.size(); ++i) {
    const Override& o = overrides[i];
    if (o.slot >= rules.slots.size()) return {std::nullopt, OverrideError{OverrideError::Kind::NoSuchSlot, i, {}}};
    for (std::size_t j = 0; j < i; ++j)
      if (overrides[j].slot == o.slot) return {std::nullopt, OverrideError{OverrideError::Kind::Repeated, i, {}}};
    if (const auto bad = check_value(rules.metrics[rules.slots[o.slot].metric], o.value))
      return {std::nullopt, OverrideError{OverrideError::Kind::BadValue, i, *bad}};
    changed.values[o.slot] = o.value;
    // The value is now the one given; how many answered stays, but an exact count no longer fits it.
    if (o.slot < changed.samples.size()) changed.samples[o.slot].count.reset();
  }
  return {std::move(changed), std::nullopt};
}

WhatIf what_if(const RuleSet& rules, const Profile& before, const Profile& after, const EvidenceOptions& options) {
  WhatIf w{evaluate(rules, before, options), evaluate(rules, after, options), {}, {}, {}};
  for (std::uint32_t s = 0; s < rules.slots.size(); ++s) {
    const double old_value = s < before.values.size() ? before.values[s] : kUnknown;
    const double new_value = s < after.values.size() ? after.values[s] : kUnknown;
    const bool differs = is_unknown(old_value) != is_unknown(new_value) ||
                         (!is_unknown(old_value) && old_value != new_value);
    if (differs) w.values.push_back({s, old_value, new_value});
  }
  compare_recommendations(w);
  for (std::uint32_t f = 0; f < rules.findings.size(); ++f) {
    const Verdict old_verdict = w.before.findings[f].verdict;
    const Verdict new_verdict = w.after.findings[f].verdict;
    if (old_verdict != new_verdict) w.findings.push_back({f, old_verdict, new_verdict});
  }
  return w;
}

}  // namespace rapport::engine
