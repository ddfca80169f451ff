// The synthetic workload (see workload.hpp).
#include "bench/workload.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include <fmt/format.h>

namespace rapport::bench {

std::uint64_t Random::next() {
  std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

double Random::unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

std::uint32_t Random::below(std::uint32_t n) { return static_cast<std::uint32_t>(next() % n); }

double Random::bell() {
  double sum = 0;
  for (int i = 0; i < 12; ++i) sum += unit();
  return sum - 6.0;
}

std::string metric_id(std::uint32_t metric) { return fmt::format("share_{:02}", metric); }
std::string finding_id(std::uint32_t rule) { return fmt::format("rule_{:04}", rule); }

namespace {

// A threshold at which `op` holds for about `p` of the uniform values, as a whole percentage.
int threshold_for(Compare op, double p) {
  const double t = (op == Compare::Lt || op == Compare::Le) ? p : 1.0 - p;
  return std::clamp(static_cast<int>(std::lround(t * 100)), 1, 99);
}

// Distinct metrics for one rule's comparisons.
std::vector<std::uint32_t> pick_metrics(Random& random, std::uint32_t metrics, std::size_t count) {
  std::vector<std::uint32_t> picked;
  while (picked.size() < count) {
    const std::uint32_t m = random.below(metrics);
    if (std::find(picked.begin(), picked.end(), m) == picked.end()) picked.push_back(m);
  }
  return picked;
}

const char* symbol(Compare op) {
  switch (op) {
    case Compare::Lt: return "<";
    case Compare::Le: return "<=";
    case Compare::Gt: return ">";
    case Compare::Ge: return ">=";
  }
  return "?";
}

}  // namespace

std::vector<SyntheticRule> make_rules(const WorkloadShape& shape) {
  Random random(shape.seed);
  std::vector<SyntheticRule> rules(shape.rules);
  for (auto& rule : rules) {
    const std::uint32_t form = random.below(3);  // all of 2, all of 3, any of 2
    rule.any = form == 2;
    const std::size_t count = form == 1 ? 3 : 2;
    const double rate = shape.fire_rate * (0.5 + random.unit());
    const double known = 1.0 - shape.missing;
    // all: every comparison true, so each holds with rate^(1/k); any: at least one, 1 - (1 - q)^2 = rate.
    const double q = rule.any ? 1.0 - std::sqrt(1.0 - rate) : std::pow(rate, 1.0 / static_cast<double>(count));
    const double p = std::min(q / known, 0.99);
    for (const std::uint32_t m : pick_metrics(random, shape.metrics, count)) {
      const auto op = static_cast<Compare>(random.below(4));
      rule.comparisons.push_back({m, op, threshold_for(op, p)});
    }
  }
  return rules;
}

std::string condition_text(const SyntheticRule& rule) {
  std::string text = rule.any ? "any(" : "all(";
  for (std::size_t i = 0; i < rule.comparisons.size(); ++i) {
    const Comparison& c = rule.comparisons[i];
    if (i > 0) text += ", ";
    text += fmt::format("it.{} {} {}%", metric_id(c.metric), symbol(c.op), c.percent);
  }
  return text + ")";
}

std::string rules_text(const WorkloadShape& shape, const std::vector<SyntheticRule>& rules) {
  std::string text = fmt::format(
      "# Synthetic workload: {} share metrics, {} findings, seed {} (bench/workload.cpp).\n\n"
      "source synthetic\n  title \"Synthetic workload\"\nend\n",
      shape.metrics, rules.size(), shape.seed);
  for (std::uint32_t m = 0; m < shape.metrics; ++m) {
    text += fmt::format("\nmetric {}\n  question \"Synthetic question {}\"\n  kind share\n  asked it\nend\n",
                        metric_id(m), m);
  }
  for (std::uint32_t r = 0; r < rules.size(); ++r) {
    text += fmt::format(
        "\nfinding {}\n  title \"Synthetic rule {}\"\n  severity medium\n  when {}\n"
        "  evidence synthetic \"generated\"\n  narrative \"Synthetic rule {} holds.\"\nend\n",
        finding_id(r), r, condition_text(rules[r]), r);
  }
  return text;
}

std::vector<double> make_profiles(const WorkloadShape& shape, std::uint32_t count) {
  Random random(shape.seed ^ 0x5EED0F9F0F11E5ull);  // a stream apart from the rules'
  std::vector<double> values(static_cast<std::size_t>(count) * shape.metrics);
  for (double& v : values) {
    const bool missing = random.unit() < shape.missing;
    const std::uint32_t tenths = random.below(1001);
    // tenths × 0.001 is off the nearest double by an ulp now and then (3 × 0.001 is 0.0030000000000000001),
    // as computed shares are, so values that meet a threshold need the comparisons' tolerance.
    v = missing ? std::numeric_limits<double>::quiet_NaN() : tenths * 0.001;
  }
  return values;
}

}  // namespace rapport::bench
