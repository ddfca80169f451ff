// The synthetic workload of the benchmarks: share metrics asked of IT, findings that are each an
// all(...) of 2–3 comparisons or an any(...) of 2, and profiles of random shares. Everything follows
// from the seed, with our own integer arithmetic (the <random> distributions differ between
// standard libraries), so the native program built by CMake and the benchmarks see the same rules.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace rapport::bench {

// A small, fast, well-mixed generator (SplitMix64): the same stream on every platform.
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next();
  double unit();                          // uniform in [0, 1)
  std::uint32_t below(std::uint32_t n);   // uniform in [0, n)
  double bell();                          // mean 0, sd 1, bell-shaped (Irwin–Hall of 12 uniforms)

 private:
  std::uint64_t state_;
};

enum class Compare : std::uint8_t { Lt, Le, Gt, Ge };

struct Comparison {
  std::uint32_t metric = 0;   // index of the metric: share_00, share_01, ...
  Compare op = Compare::Lt;
  int percent = 50;           // the threshold, a whole percentage (1..99)
};

struct SyntheticRule {
  bool any = false;           // any(c1, c2) or all(c1, c2[, c3])
  std::vector<Comparison> comparisons;
};

struct WorkloadShape {
  std::uint32_t metrics = 32;
  std::uint32_t rules = 1000;
  std::uint64_t seed = 42;
  double fire_rate = 0.20;    // the share of rules meant to fire on an average profile
  double missing = 0.02;      // the share of values a profile leaves out (unknown)
};

std::string metric_id(std::uint32_t metric);   // share_00
std::string finding_id(std::uint32_t rule);    // rule_0000

// The rules, with thresholds chosen so that each fires on about fire_rate of the profiles
// (each rule's own rate is drawn around it, from half to one and a half times it).
std::vector<SyntheticRule> make_rules(const WorkloadShape& shape);

// The rule file: one source, the metrics (kind share, asked it), one finding per rule.
std::string rules_text(const WorkloadShape& shape, const std::vector<SyntheticRule>& rules);

// One rule's condition as Rapport writes it: all(it.share_03 < 45%, it.share_17 >= 62%).
std::string condition_text(const SyntheticRule& rule);

// `count` profiles of `shape.metrics` values each, row-major: values[p * metrics + m]. Values are
// whole tenths of a percent (0.000 to 1.000) up to rounding, so some meet a threshold only within the
// comparisons' tolerance; about `missing` are NaN.
std::vector<double> make_profiles(const WorkloadShape& shape, std::uint32_t count);

}  // namespace rapport::bench
