// How the engine represents values: one double per value, with NaN for "unknown".
// Truth values are 0 (false) and 1 (true); NaN is the third value of Kleene's logic.
#pragma once

#include <cmath>
#include <cstdint>
#include <limits>

namespace rapport::engine {

inline constexpr double kUnknown = std::numeric_limits<double>::quiet_NaN();
inline bool is_unknown(double v) { return std::isnan(v); }

// How a value reads to a person; the checker infers it for every expression.
enum class Unit : std::uint8_t {
  Truth,    // true / false / unknown
  Plain,    // 3.5
  Percent,  // a share, stored 0..1, shown 58%
  Points,   // a difference of shares, stored -1..1, shown +12 pp
};

}  // namespace rapport::engine
