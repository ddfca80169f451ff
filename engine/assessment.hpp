// What evaluating one profile produced: verdicts, priorities, ranking, and what was missing.
// Plain data for the CLI to render; nothing here is formatted.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engine/model.hpp"
#include "engine/profile.hpp"

namespace rapport::engine {

enum class Verdict : std::uint8_t { Fired, NotFired, Unknown };

// What a condition's three-valued result says: unknown (NaN), fired (non-zero) or not fired (zero).
inline Verdict verdict_of(double truth) {
  if (is_unknown(truth)) return Verdict::Unknown;
  return truth != 0.0 ? Verdict::Fired : Verdict::NotFired;
}

// A piece of filled-in text: literal text, or a value with the unit that says how to show it.
struct FilledPiece {
  bool is_value = false;
  std::string text;
  double value = kUnknown;
  Unit unit = Unit::Plain;
};
using FilledText = std::vector<FilledPiece>;

struct FindingOutcome {
  std::uint32_t finding = 0;
  Verdict verdict = Verdict::Unknown;
  std::vector<std::uint32_t> missing_slots;      // inputs the profile lacks (when unknown)
  std::vector<std::uint32_t> unknown_findings;   // findings it reads that were unknown
  FilledText narrative;
};

struct RecommendationOutcome {
  std::uint32_t recommendation = 0;
  Verdict verdict = Verdict::Unknown;
  double priority = kUnknown;                    // when fired; unknown if it could not be computed
  std::vector<std::uint32_t> because;            // fired findings behind it
  std::vector<std::uint32_t> missing_slots;
  std::vector<std::uint32_t> unknown_findings;
  std::vector<FilledText> actions;
};

struct Assessment {
  std::vector<FindingOutcome> findings;               // one per finding, declaration order
  std::vector<RecommendationOutcome> recommendations; // one per recommendation, declaration order
  std::vector<std::uint32_t> ranking;  // fired recommendations: priority high to low, ties by order
};

// Evaluate findings in dependency order, then recommendations, then rank. Deterministic.
Assessment evaluate(const RuleSet& rules, const Profile& profile);

}  // namespace rapport::engine
