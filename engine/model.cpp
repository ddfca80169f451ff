// The rule set's look-ups: which groups a metric is asked of, its benchmarks, ids and slots.
#include "engine/model.hpp"

#include <algorithm>

namespace rapport::engine {

bool Metric::asked_of(Audience a) const { return std::find(asked.begin(), asked.end(), a) != asked.end(); }

const Benchmark* Metric::benchmark_for(Audience a) const {
  for (const auto& b : benchmarks)
    if (b.group == a) return &b;
  return nullptr;
}

std::optional<std::uint32_t> RuleSet::metric_index(const std::string& id) const {
  const auto it = metric_ids.find(id);
  if (it == metric_ids.end()) return std::nullopt;
  return it->second;
}

std::optional<std::uint32_t> RuleSet::slot_of(std::uint32_t metric, Audience audience) const {
  const auto it = slot_ids.find({metric, audience});
  if (it == slot_ids.end()) return std::nullopt;
  return it->second;
}

}  // namespace rapport::engine
