// A small rule set built by hand, for the profile readers' tests (TOML and JSON), so that they need
// only the readers. Slots, in order: 0 it.satisfied_with_collaboration, 1 marketing.satisfied_with_collaboration,
// 2 it.alignment_score, 3 marketing.alignment_score, 4 marketing.budget_share, 5 cio_cmo_meetings_per_month,
// 6 shared_kpis.
#pragma once

#include <string>
#include <vector>

#include "engine/model.hpp"

namespace rapport::engine::testing {

inline void add_metric(RuleSet& rules, std::string id, MetricKind kind, std::vector<Audience> asked, double low = 0,
                       double high = 1) {
  const auto index = static_cast<std::uint32_t>(rules.metrics.size());
  Metric metric;
  metric.id = id;
  metric.kind = kind;
  metric.low = low;
  metric.high = high;
  metric.asked = asked;
  rules.metrics.push_back(metric);
  rules.metric_ids[id] = index;
  for (Audience audience : asked) {
    rules.slot_ids[{index, audience}] = static_cast<std::uint32_t>(rules.slots.size());
    rules.slots.push_back(Slot{index, audience});
  }
}

inline const RuleSet& profile_rules() {
  static const RuleSet built = [] {
    RuleSet r;
    add_metric(r, "satisfied_with_collaboration", MetricKind::Share, {Audience::It, Audience::Marketing});
    add_metric(r, "alignment_score", MetricKind::Scale, {Audience::It, Audience::Marketing}, 1, 5);
    add_metric(r, "budget_share", MetricKind::Share, {Audience::Marketing});
    add_metric(r, "cio_cmo_meetings_per_month", MetricKind::Number, {Audience::Company}, -1e300, 1e300);
    add_metric(r, "shared_kpis", MetricKind::Flag, {Audience::Company});
    return r;
  }();
  return built;
}

}  // namespace rapport::engine::testing
