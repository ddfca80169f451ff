// What-if: a profile with some values changed or removed, evaluated next to the original, and what
// that changes: recommendations that appear or disappear, moves in rank and priority, findings whose
// verdict changes. Plain data; bad targets and values come back as error values, never exceptions.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/assessment.hpp"

namespace rapport::engine {

// Where a value goes, as the rules write it: `it.m`, `marketing.m`, or `m` for a company metric.
struct TargetError {
  enum class Kind : std::uint8_t {
    UnknownMetric,  // no metric of that id (`suggestion` may name a close one)
    UnknownGroup,   // `sales.m`: only it. and marketing. prefix a metric
    NotAskedOf,     // `it.m` for a metric not asked of IT (`metric` says which)
    NeedsGroup,     // `m` for a metric asked of IT and/or marketing, not the company
  };
  Kind kind = Kind::UnknownMetric;
  std::uint32_t metric = 0;        // NotAskedOf, NeedsGroup
  std::optional<std::string> suggestion;
};
struct Target {
  std::optional<std::uint32_t> slot;
  std::optional<TargetError> error;  // when there is no slot
};
Target find_target(const RuleSet& rules, std::string_view reference);

// One value to put in a profile; an unknown value removes it ("what if we had not measured it").
struct Override {
  std::uint32_t slot = 0;
  double value = kUnknown;
};

enum class ValueError : std::uint8_t {
  NotFinite,   // NaN stands for unknown; infinities are no answer
  OutOfRange,  // a share outside 0–1, a scale value outside its bounds
  NotAFlag,    // a flag takes 0 (false) or 1 (true)
};
// Whether `value` (as the engine stores it: shares 0–1) fits the metric; unknown always fits.
std::optional<ValueError> check_value(const Metric& metric, double value);

struct OverrideError {
  enum class Kind : std::uint8_t { NoSuchSlot, Repeated, BadValue };
  Kind kind = Kind::NoSuchSlot;
  std::size_t index = 0;           // which override
  ValueError value = ValueError::OutOfRange;  // BadValue
};
struct Overridden {
  std::optional<Profile> profile;  // when every override applies
  std::optional<OverrideError> error;
};
Overridden apply_overrides(const RuleSet& rules, const Profile& profile, const std::vector<Override>& overrides);

struct ValueShift {
  std::uint32_t slot = 0;
  double before = kUnknown, after = kUnknown;
};

struct RecommendationShift {
  enum class Kind : std::uint8_t { Appeared, Disappeared, MovedUp, MovedDown, Reprioritised };
  Kind kind = Kind::Appeared;
  std::uint32_t recommendation = 0;
  std::size_t rank_before = 0, rank_after = 0;  // 1-based; 0 when not recommended on that side
  double priority_before = kUnknown, priority_after = kUnknown;
  Verdict verdict_before = Verdict::NotFired, verdict_after = Verdict::NotFired;
};

struct FindingShift {
  std::uint32_t finding = 0;
  Verdict before = Verdict::NotFired, after = Verdict::NotFired;
};

struct WhatIf {
  Assessment before, after;
  std::vector<ValueShift> values;  // every slot whose value differs, in slot order
  // Appeared and moved ones in their new rank order, then those that disappeared in their old order.
  std::vector<RecommendationShift> recommendations;
  std::vector<FindingShift> findings;  // declaration order

  bool changes_nothing() const { return recommendations.empty() && findings.empty(); }
};

// Evaluates both profiles (each one as `rapport assess` would) and compares them.
WhatIf what_if(const RuleSet& rules, const Profile& before, const Profile& after, const EvidenceOptions& options = {});

}  // namespace rapport::engine
