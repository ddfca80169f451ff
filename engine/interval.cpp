// Interval arithmetic and three-valued comparisons for the condition prover. Rounding to nearest
// is monotone, so bounds computed at an interval's ends bound every value computed inside it;
// comparisons are decided at the ends for the same reason (see `less`).
#include "engine/interval.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace rapport::engine::analysis {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kLargest = std::numeric_limits<double>::max();

// An unbounded end stands for every finite double beyond it: its most extreme one is the largest.
double finite(double v) { return std::clamp(v, -kLargest, kLargest); }

bool both_known(const Abstract& a, const Abstract& b) { return !a.known.is_empty() && !b.known.is_empty(); }

// What every arithmetic operation shares: it is unknown if an operand may be, and an operand
// that may be infinite can make it NaN (inf - inf, 0 * inf), which the evaluator treats as unknown.
Abstract arithmetic(const Abstract& a, const Abstract& b, Interval known) {
  Abstract r;
  if (both_known(a, b)) {
    if (std::isnan(known.lo) || std::isnan(known.hi)) known = Interval::of(-kInf, kInf);
    r.known = known;
  }
  r.unknown = a.unknown || b.unknown || a.infinite || b.infinite || a.known.is_empty() || b.known.is_empty();
  r.infinite = a.infinite || b.infinite || (!r.known.is_empty() && r.known.unbounded());
  return r;
}

Interval corners(const Interval& a, const Interval& b, double (*op)(double, double)) {
  const std::array<double, 4> v{op(a.lo, b.lo), op(a.lo, b.hi), op(a.hi, b.lo), op(a.hi, b.hi)};
  if (std::any_of(v.begin(), v.end(), [](double x) { return std::isnan(x); })) return Interval::of(-kInf, kInf);
  return Interval::of(*std::min_element(v.begin(), v.end()), *std::max_element(v.begin(), v.end()));
}

template <typename Pick>
Abstract extreme(std::span<const Abstract> values, Pick pick) {
  Abstract r;
  bool all_known = true;
  for (const Abstract& v : values) {
    r.unknown = r.unknown || v.unknown || v.known.is_empty();
    r.infinite = r.infinite || v.infinite;
    all_known = all_known && !v.known.is_empty();
  }
  if (all_known) {
    r.known = values.front().known;
    for (const Abstract& v : values) r.known = Interval::of(pick(r.known.lo, v.known.lo), pick(r.known.hi, v.known.hi));
  }
  return r;
}

// What a comparison adds when a side may be unknown or infinite: unknown, or "equal" (inf
// compares equal to every value in program.cpp, since its tolerance is infinite too).
TruthSet comparison_extras(const Abstract& a, const Abstract& b, TruthSet when_equal) {
  TruthSet r = 0;
  if (a.unknown || b.unknown || a.known.is_empty() || b.known.is_empty()) r |= kUnknownTruth;
  if (a.infinite || b.infinite) r |= when_equal;
  return r;
}

}  // namespace

bool Interval::unbounded() const { return std::isinf(lo) || std::isinf(hi); }

Interval Interval::hull(const Interval& other) const {
  if (is_empty()) return other;
  if (other.is_empty()) return *this;
  return of(std::min(lo, other.lo), std::max(hi, other.hi));
}

bool near_equal(double a, double b) {
  const double scale = std::max({1.0, std::abs(a), std::abs(b)});
  return std::abs(a - b) <= 1e-9 * scale;
}

bool concrete_less(double a, double b) { return !near_equal(a, b) && a < b; }

Abstract constant(double value) { return {Interval::point(value), false, false}; }

Abstract from_truths(TruthSet truths) {
  Abstract r;
  if (truths & kFalse) r.known = Interval::point(0);
  if (truths & kTrue) r.known = r.known.hull(Interval::point(1));
  r.unknown = (truths & kUnknownTruth) != 0;
  return r;
}

TruthSet truths_of(const Abstract& value) {
  TruthSet r = value.unknown ? kUnknownTruth : 0;
  if (!value.known.is_empty()) {
    if (value.known.lo != 0 || value.known.hi != 0) r |= kTrue;
    if (value.known.contains(0)) r |= kFalse;
  }
  return r;
}

TruthSet kleene_not(TruthSet a) {
  return static_cast<TruthSet>((a & kUnknownTruth) | ((a & kTrue) ? kFalse : 0) | ((a & kFalse) ? kTrue : 0));
}

TruthSet kleene_and(TruthSet a, TruthSet b) {
  TruthSet r = 0;
  if ((a & kFalse) || (b & kFalse)) r |= kFalse;
  if ((a & kTrue) && (b & kTrue)) r |= kTrue;
  if (((a & kUnknownTruth) && (b & (kTrue | kUnknownTruth))) || ((b & kUnknownTruth) && (a & kTrue))) r |= kUnknownTruth;
  return r;
}

TruthSet kleene_or(TruthSet a, TruthSet b) { return kleene_not(kleene_and(kleene_not(a), kleene_not(b))); }

Abstract negate(const Abstract& a) {
  Abstract r = a;
  if (!a.known.is_empty()) r.known = Interval::of(-a.known.hi, -a.known.lo);
  return r;
}

Abstract absolute(const Abstract& a) {
  Abstract r = a;
  if (a.known.is_empty()) return r;
  const double lo = a.known.contains(0) ? 0.0 : std::min(std::abs(a.known.lo), std::abs(a.known.hi));
  r.known = Interval::of(lo, std::max(std::abs(a.known.lo), std::abs(a.known.hi)));
  return r;
}

Abstract add(const Abstract& a, const Abstract& b) {
  return arithmetic(a, b, Interval::of(a.known.lo + b.known.lo, a.known.hi + b.known.hi));
}

Abstract subtract(const Abstract& a, const Abstract& b) {
  return arithmetic(a, b, Interval::of(a.known.lo - b.known.hi, a.known.hi - b.known.lo));
}

Abstract multiply(const Abstract& a, const Abstract& b) {
  return arithmetic(a, b, corners(a.known, b.known, [](double x, double y) { return x * y; }));
}

// Division by zero is unknown; near zero the quotient is unbounded.
Abstract divide(const Abstract& a, const Abstract& b) {
  if (!both_known(a, b)) return arithmetic(a, b, Interval::empty());
  const bool zero = b.known.contains(0);
  if (b.known.is_point() && zero) {
    Abstract r = arithmetic(a, b, Interval::empty());
    r.known = Interval::empty();
    r.unknown = true;
    return r;
  }
  Abstract r = arithmetic(a, b, zero ? Interval::of(-kInf, kInf)
                                     : corners(a.known, b.known, [](double x, double y) { return x / y; }));
  r.unknown = r.unknown || zero;
  return r;
}

Abstract minimum(std::span<const Abstract> values) {
  return extreme(values, [](double x, double y) { return std::min(x, y); });
}

Abstract maximum(std::span<const Abstract> values) {
  return extreme(values, [](double x, double y) { return std::max(x, y); });
}

Abstract known_of(const Abstract& a) {
  TruthSet r = 0;
  if (!a.known.is_empty()) r |= kTrue;
  if (a.unknown) r |= kFalse;
  return from_truths(r);
}

Abstract default_of(const Abstract& value, const Abstract& fallback) {
  Abstract r;
  r.known = value.known;
  if (value.unknown) r.known = r.known.hull(fallback.known);
  r.unknown = value.unknown && fallback.unknown;
  r.infinite = value.infinite || (value.unknown && fallback.infinite);
  return r;
}

// a < b holds somewhere iff it holds at (lowest a, highest b): moving a down or b up only widens
// the distance faster than the tolerance grows. It fails somewhere iff it fails at (highest a, lowest b).
TruthSet less(const Abstract& a, const Abstract& b) {
  TruthSet r = comparison_extras(a, b, kFalse);
  if (!both_known(a, b)) return r;
  if (concrete_less(finite(a.known.lo), finite(b.known.hi))) r |= kTrue;
  if (!concrete_less(finite(a.known.hi), finite(b.known.lo))) r |= kFalse;
  return r;
}

// a = b holds somewhere unless one interval lies strictly below the other; it fails somewhere
// unless every pair is within the smallest tolerance (1e-9).
TruthSet equal(const Abstract& a, const Abstract& b) {
  TruthSet r = comparison_extras(a, b, kTrue);
  if (!both_known(a, b)) return r;
  const double alo = finite(a.known.lo), ahi = finite(a.known.hi);
  const double blo = finite(b.known.lo), bhi = finite(b.known.hi);
  if (!concrete_less(ahi, blo) && !concrete_less(bhi, alo)) r |= kTrue;
  if (std::max(std::abs(ahi - blo), std::abs(bhi - alo)) > 1e-9) r |= kFalse;
  return r;
}

}  // namespace rapport::engine::analysis
