// Benchmark profiles (see profiles.hpp).
#include "bench/profiles.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include <fmt/format.h>

namespace rapport::bench {

using engine::Audience;
using engine::MetricKind;

std::vector<std::uint32_t> synthetic_slots(const engine::RuleSet& rules, std::uint32_t metrics) {
  std::vector<std::uint32_t> slots;
  for (std::uint32_t m = 0; m < metrics; ++m) {
    const auto metric = rules.metric_index(metric_id(m));
    const auto slot = metric ? rules.slot_of(*metric, Audience::It) : std::nullopt;
    if (!slot) throw std::runtime_error("the rule set has no metric " + metric_id(m) + " asked of it");
    slots.push_back(*slot);
  }
  return slots;
}

std::vector<engine::Profile> synthetic_profiles(const engine::RuleSet& rules, const WorkloadShape& shape,
                                                const std::vector<double>& values) {
  const std::vector<std::uint32_t> slots = synthetic_slots(rules, shape.metrics);
  const std::size_t count = values.size() / shape.metrics;
  std::vector<engine::Profile> profiles(count);
  for (std::size_t p = 0; p < count; ++p) {
    engine::Profile& profile = profiles[p];
    profile.company.name = fmt::format("Synthetic {}", p);
    profile.values.assign(rules.slots.size(), engine::kUnknown);
    profile.samples.assign(rules.slots.size(), {});
    for (std::uint32_t m = 0; m < shape.metrics; ++m) profile.values[slots[m]] = values[p * shape.metrics + m];
  }
  return profiles;
}

namespace {

// To a whole number of 1/parts (hundredths, tenths) as a person would write it: 0.35, not 0.35000000000000003.
double round_to(double v, double parts) { return std::round(v * parts) / parts; }

}  // namespace

ProfileVariation::ProfileVariation(const engine::RuleSet& rules, std::vector<engine::Profile> examples,
                                   std::uint64_t seed)
    : rules_(rules), examples_(std::move(examples)), random_(seed) {
  if (examples_.empty()) throw std::runtime_error("no example profiles to vary");
}

std::optional<int> ProfileVariation::vary_respondents(std::optional<int> respondents) {
  if (!respondents) return respondents;
  const double varied = *respondents * (1.0 + 0.2 * random_.bell());
  return std::max(5, static_cast<int>(std::lround(varied)));
}

void ProfileVariation::vary_value(engine::Profile& profile, std::uint32_t slot) {
  double& v = profile.values[slot];
  if (engine::is_unknown(v)) return;
  if (random_.unit() < 0.03) {  // left out, as real profiles leave some out
    v = engine::kUnknown;
    profile.samples[slot] = {};
    return;
  }
  const engine::Metric& metric = rules_.metrics[rules_.slots[slot].metric];
  switch (metric.kind) {
    case MetricKind::Share: v = std::clamp(round_to(v + 0.08 * random_.bell(), 100), 0.0, 1.0); break;
    case MetricKind::Scale: v = std::clamp(round_to(v + 0.3 * random_.bell(), 10), metric.low, metric.high); break;
    case MetricKind::Number: v = round_to(v * (1.0 + 0.25 * random_.bell()), 100); break;
    case MetricKind::Flag: if (random_.unit() < 0.1) v = 1.0 - v; break;
  }
  // A sample behind the value stays consistent with it and with the group's respondents.
  engine::Sample& sample = profile.samples[slot];
  if (!sample.n) return;
  const std::optional<int> group = profile.respondents(rules_.slots[slot].audience);
  if (group) sample.n = std::max(1, std::min(*sample.n, *group));
  if (sample.count) {
    sample.count = static_cast<int>(std::lround(v * *sample.n));
    v = static_cast<double>(*sample.count) / *sample.n;
  }
}

engine::Profile ProfileVariation::next() {
  engine::Profile profile = examples_[random_.below(static_cast<std::uint32_t>(examples_.size()))];
  profile.company.name = fmt::format("{} #{}", profile.company.name, made_++);
  profile.it_respondents = vary_respondents(profile.it_respondents);
  profile.marketing_respondents = vary_respondents(profile.marketing_respondents);
  profile.samples.resize(profile.values.size());
  for (std::uint32_t slot = 0; slot < profile.values.size(); ++slot) vary_value(profile, slot);
  return profile;
}

}  // namespace rapport::bench
