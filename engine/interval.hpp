// The abstract values of the condition prover (engine/condition_analysis.hpp): for an expression
// over a box of metric values, the interval its known values lie in, whether it can be unknown,
// and whether an overflow can make it infinite. Every operation over-approximates program.cpp.
#pragma once

#include <cstdint>
#include <limits>
#include <span>

namespace rapport::engine::analysis {

// Three-valued truth as a set: which of true, false and unknown an expression may take.
using TruthSet = std::uint8_t;
inline constexpr TruthSet kTrue = 1;
inline constexpr TruthSet kFalse = 2;
inline constexpr TruthSet kUnknownTruth = 4;
inline constexpr TruthSet kAnyTruth = kTrue | kFalse | kUnknownTruth;

// A closed interval of doubles; an infinite end means "unbounded". Empty when lo > hi.
struct Interval {
  double lo = std::numeric_limits<double>::infinity();
  double hi = -std::numeric_limits<double>::infinity();

  static Interval empty() { return {}; }
  static Interval point(double v) { return {v, v}; }
  static Interval of(double lo, double hi) { return {lo, hi}; }
  bool is_empty() const { return !(lo <= hi); }
  bool is_point() const { return lo == hi; }
  bool unbounded() const;
  bool contains(double v) const { return lo <= v && v <= hi; }
  Interval hull(const Interval& other) const;
};

struct Abstract {
  Interval known;         // the values it may take when known (empty: it is never known)
  bool unknown = false;   // it may be unknown (NaN)
  bool infinite = false;  // an overflow may make it ±infinity, which compares equal to anything
};

Abstract constant(double value);
Abstract from_truths(TruthSet truths);
TruthSet truths_of(const Abstract& value);

TruthSet kleene_not(TruthSet a);
TruthSet kleene_and(TruthSet a, TruthSet b);
TruthSet kleene_or(TruthSet a, TruthSet b);

Abstract negate(const Abstract& a);
Abstract absolute(const Abstract& a);
Abstract add(const Abstract& a, const Abstract& b);
Abstract subtract(const Abstract& a, const Abstract& b);
Abstract multiply(const Abstract& a, const Abstract& b);
Abstract divide(const Abstract& a, const Abstract& b);
Abstract minimum(std::span<const Abstract> values);
Abstract maximum(std::span<const Abstract> values);
Abstract known_of(const Abstract& a);
Abstract default_of(const Abstract& value, const Abstract& fallback);
// a < b and a = b, with program.cpp's tolerance for equality.
TruthSet less(const Abstract& a, const Abstract& b);
TruthSet equal(const Abstract& a, const Abstract& b);

// The evaluator's comparison of two known values (engine/program.cpp): values closer than
// 1e-9 relative to the larger (and at least 1e-9) are equal.
bool near_equal(double a, double b);
bool concrete_less(double a, double b);

}  // namespace rapport::engine::analysis
