// The search behind "what would it take": for each metric a fired recommendation depends on, walk its
// valid range outward from the profile's value over a fine grid and the rules' own constants (the
// likely thresholds), bisect to the exact point where the recommendation stops firing, and report
// a round value past it that is checked to remove it.
#include "engine/counterfactual.hpp"

#include <algorithm>
#include <cmath>

namespace rapport::engine {

namespace {

constexpr int kGridSteps = 400;    // a share is sampled every quarter of a percentage point
constexpr int kBisections = 80;

template <typename List>
void sort_unique(List& list) {
  std::sort(list.begin(), list.end());
  list.erase(std::unique(list.begin(), list.end()), list.end());
}

// Re-evaluates one recommendation's condition, with the findings it reads, for one slot moved.
class Replay {
 public:
  Replay(const RuleSet& rules, const std::vector<double>& slots, std::uint32_t recommendation)
      : condition_(rules.recommendations[recommendation].condition),
        rules_(rules),
        slots_(slots),
        findings_(rules.findings.size(), kUnknown) {
    slots_.resize(rules.layout().size(), kUnknown);
    std::vector<bool> needed(rules.findings.size(), false);
    std::vector<std::uint32_t> stack = condition_.findings;
    while (!stack.empty()) {
      const std::uint32_t f = stack.back();
      stack.pop_back();
      if (needed[f]) continue;
      needed[f] = true;
      for (const std::uint32_t next : rules.findings[f].condition.findings) stack.push_back(next);
    }
    for (const std::uint32_t f : rules.finding_order)
      if (needed[f]) order_.push_back(f);
    read(condition_);
    for (const std::uint32_t f : order_) read(rules.findings[f].condition);
    sort_unique(slots_read_);
    sort_unique(constants_);
  }

  Verdict at(std::uint32_t slot, double value) {
    const double saved = slots_[slot];
    slots_[slot] = value;
    for (const std::uint32_t f : order_) findings_[f] = run(rules_.findings[f].condition, slots_.data(), findings_.data());
    const double truth = run(condition_, slots_.data(), findings_.data());
    slots_[slot] = saved;
    return verdict_of(truth);
  }
  bool removed_at(std::uint32_t slot, double value) { return at(slot, value) != Verdict::Fired; }

  const std::vector<std::uint32_t>& slots_read() const { return slots_read_; }
  const std::vector<double>& constants() const { return constants_; }
  double value(std::uint32_t slot) const { return slots_[slot]; }

 private:
  void read(const Program& program) {
    slots_read_.insert(slots_read_.end(), program.slots.begin(), program.slots.end());
    constants_.insert(constants_.end(), program.constants.begin(), program.constants.end());
  }

  const Program& condition_;
  const RuleSet& rules_;
  std::vector<double> slots_;
  std::vector<double> findings_;
  std::vector<std::uint32_t> order_;  // the findings it reads, in evaluation order
  std::vector<std::uint32_t> slots_read_;
  std::vector<double> constants_;
};

struct Range {
  double low = 0, high = 1;
};

// A number metric has no declared range: search around its value and the rules' constants, by at
// least the spread between them, and not below zero when nothing involved is negative (counts).
Range search_range(const Metric& metric, double from, const std::vector<double>& constants) {
  if (metric.kind != MetricKind::Number) return {metric.low, metric.high};
  double low = from, high = from, largest = std::abs(from);
  for (const double c : constants) {
    low = std::min(low, c);
    high = std::max(high, c);
    largest = std::max(largest, std::abs(c));
  }
  const double spread = std::max({1.0, high - low, largest});
  return {low >= 0 ? std::max(0.0, low - spread) : low - spread, high + spread};
}

// The values worth trying: a fine grid, the constants, and every value read shifted by every constant
// (the thresholds of `gap(m) >= 8pp` lie at the other side's value ± 8pp).
std::vector<double> candidates(const Range& range, const Replay& replay) {
  std::vector<double> points;
  for (int i = 0; i <= kGridSteps; ++i) points.push_back(range.low + (range.high - range.low) * i / kGridSteps);
  std::vector<double> anchors = replay.constants();
  for (const std::uint32_t s : replay.slots_read())
    if (!is_unknown(replay.value(s))) anchors.push_back(replay.value(s));
  for (const double a : anchors) {
    points.push_back(a);
    for (const double c : replay.constants()) {
      points.push_back(a + c);
      points.push_back(a - c);
    }
  }
  std::erase_if(points, [&](double p) { return !std::isfinite(p) || p < range.low || p > range.high; });
  std::sort(points.begin(), points.end());
  points.erase(std::unique(points.begin(), points.end()), points.end());
  return points;
}

// Round figures to report, coarsest first, in steps a report shows without rounding them away.
std::vector<double> round_steps(const Metric& metric) {
  if (metric.kind == MetricKind::Share) return {0.01, 0.001};
  return {1, 0.1, 0.01};
}

class Search {
 public:
  Search(Replay& replay, const Metric& metric, std::uint32_t slot, double from)
      : replay_(replay), metric_(metric), slot_(slot), from_(from),
        range_(search_range(metric, from, replay.constants())), points_(candidates(range_, replay)) {}

  // The nearest removal moving the value in `direction` (+1 up, -1 down).
  std::optional<Flip> towards(int direction) {
    std::vector<double> ahead;
    for (const double p : points_)
      if (direction > 0 ? p > from_ : p < from_) ahead.push_back(p);
    if (direction < 0) std::reverse(ahead.begin(), ahead.end());
    double keeps = from_;  // the furthest value known to keep it
    for (std::size_t i = 0; i < ahead.size(); ++i) {
      if (!replay_.removed_at(slot_, ahead[i])) {
        keeps = ahead[i];
        continue;
      }
      return flip(keeps, ahead[i], direction, ahead, i);
    }
    return std::nullopt;
  }

 private:
  Flip flip(double keeps, double removes, int direction, const std::vector<double>& ahead, std::size_t found) {
    for (int i = 0; i < kBisections && std::abs(removes - keeps) > 1e-12 * std::max(1.0, std::abs(removes)); ++i) {
      const double middle = keeps + (removes - keeps) / 2;
      (replay_.removed_at(slot_, middle) ? removes : keeps) = middle;
    }
    Flip result;
    result.slot = slot_;
    result.from = from_;
    result.threshold = std::round(removes * 1e8) / 1e8;  // drop the comparison's tolerance
    result.to = round_past(keeps, direction).value_or(removes);
    result.verdict = replay_.at(slot_, result.to);
    result.onwards = true;
    for (std::size_t i = found; i < ahead.size(); ++i)
      if ((direction > 0 ? ahead[i] >= result.to : ahead[i] <= result.to) && !replay_.removed_at(slot_, ahead[i]))
        result.onwards = false;
    const double span = metric_.kind == MetricKind::Number ? std::max(std::abs(from_), 1.0) : metric_.high - metric_.low;
    result.size = std::abs(result.to - from_) / span;
    return result;
  }

  // The first round value past the last one that keeps it, if it removes it.
  std::optional<double> round_past(double keeps, int direction) {
    for (const double step : round_steps(metric_)) {
      double k = direction > 0 ? std::ceil(keeps / step) : std::floor(keeps / step);
      if (direction > 0 ? k * step <= keeps : k * step >= keeps) k += direction;
      const double value = k * step;
      if (value < range_.low || value > range_.high) continue;
      if (replay_.removed_at(slot_, value)) return value;
    }
    return std::nullopt;
  }

  Replay& replay_;
  const Metric& metric_;
  std::uint32_t slot_;
  double from_;
  Range range_;
  std::vector<double> points_;
};

// Leaving it not fired beats leaving it unknown; then the smaller change wins.
bool better(const Flip& a, const Flip& b) {
  if (a.verdict != b.verdict) return a.verdict == Verdict::NotFired;
  return a.size < b.size;
}

std::optional<Flip> flip_of(Replay& replay, const RuleSet& rules, std::uint32_t slot) {
  const double from = replay.value(slot);
  const Metric& metric = rules.metrics[rules.slots[slot].metric];
  if (metric.kind == MetricKind::Flag) {
    const double other = from != 0.0 ? 0.0 : 1.0;
    if (!replay.removed_at(slot, other)) return std::nullopt;
    return Flip{slot, replay.at(slot, other), from, other, other, true, 1.0};
  }
  Search search(replay, metric, slot, from);
  std::optional<Flip> up = search.towards(+1);
  std::optional<Flip> down = search.towards(-1);
  if (up && down) return better(*down, *up) ? down : up;
  return up ? up : down;
}

}  // namespace

WhatItTakes what_it_takes(const RuleSet& rules, const std::vector<double>& slots, std::uint32_t recommendation) {
  WhatItTakes result;
  Replay replay(rules, slots, recommendation);
  for (const std::uint32_t slot : replay.slots_read()) {
    if (is_unknown(replay.value(slot))) continue;
    if (replay.at(slot, replay.value(slot)) != Verdict::Fired) return result;  // it does not fire: nothing to remove
    if (auto flip = flip_of(replay, rules, slot)) result.flips.push_back(*flip);
  }
  std::stable_sort(result.flips.begin(), result.flips.end(), better);
  return result;
}

}  // namespace rapport::engine
