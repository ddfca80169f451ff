// What evaluating one profile produced: verdicts, priorities, ranking, and what was missing.
// Plain data for the CLI to render; nothing here is formatted.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engine/evidence.hpp"
#include "engine/model.hpp"
#include "engine/profile.hpp"
#include "engine/program.hpp"

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

// Why an item came out unknown, and how sure a fired one is. When unknown, each list says what it read
// that was not there; follow `unknown_findings` for the rest. An item with thin slots and no missing
// ones is "insufficient evidence" rather than "not assessed".
struct Grounds {
  std::vector<std::uint32_t> missing_slots;      // inputs the profile lacks
  std::vector<std::uint32_t> thin_slots;         // inputs given, but set aside: too few answers (Standing)
  std::vector<std::uint32_t> unsampled_slots;    // inputs given without the n (or sd) a statistic it reads needs
  std::vector<std::uint32_t> unknown_findings;   // findings it reads that were unknown
  // Fired, but only thanks to gaps that are not significant: with those gaps unknown it would not
  // fire. `doubted_gaps` are those gaps' metrics (its own and those of the findings it rests on).
  bool tentative = false;
  std::vector<std::uint32_t> doubted_gaps;
};

struct FindingOutcome : Grounds {
  std::uint32_t finding = 0;
  Verdict verdict = Verdict::Unknown;
  FilledText narrative;
};

struct RecommendationOutcome : Grounds {
  std::uint32_t recommendation = 0;
  Verdict verdict = Verdict::Unknown;
  double priority = kUnknown;                    // when fired; unknown if it could not be computed
  std::vector<std::uint32_t> because;            // fired findings behind it
  std::vector<FilledText> actions;
};

// Arithmetic that went wrong for this profile and left a rule's condition or priority unknown: a division
// by zero or an overflow (program.hpp's Fault). The rule is not wrong for every profile, so this is a
// warning for the consultant rather than an error in the rules. Only results that came out unknown are
// looked at: a division by zero that a default(...) or a Kleene and/or made irrelevant is not one.
struct EvaluationWarning {
  enum class Rule : std::uint8_t { Finding, Recommendation };
  enum class Field : std::uint8_t { Condition, Priority };
  Rule rule = Rule::Finding;
  std::uint32_t index = 0;  // into RuleSet::findings or RuleSet::recommendations
  Field field = Field::Condition;
  Fault fault = Fault::DivisionByZero;
};

struct Assessment {
  Evidence evidence;                                  // the statistics and the inputs the rules read
  std::vector<FindingOutcome> findings;               // one per finding, declaration order
  std::vector<RecommendationOutcome> recommendations; // one per recommendation, declaration order
  std::vector<std::uint32_t> ranking;  // fired recommendations: priority high to low, ties by order
  std::vector<EvaluationWarning> warnings;  // findings first, then recommendations, in declaration order
};

// Evaluate findings in dependency order, then recommendations, then rank. Deterministic. A second,
// sceptical pass with the gaps that are not significant made unknown marks what is tentative.
Assessment evaluate(const RuleSet& rules, const Profile& profile, const EvidenceOptions& options = {});

}  // namespace rapport::engine
