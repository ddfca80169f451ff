// Rule tests: cases written next to the rules (*.test.toml) that give profile values and say which
// findings must fire, not fire or stay unknown, and which recommendations must appear and in what order.
// Text in, plain results out: the caller reads the files, including any base profile a case names.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "dsl/diagnostic.hpp"
#include "dsl/source_file.hpp"
#include "engine/assessment.hpp"
#include "engine/model.hpp"
#include "engine/profile.hpp"

namespace rapport::engine {

// What a case says about one finding or recommendation.
enum class Expect : std::uint8_t {
  Fired,           // finding: its condition holds
  NotFired,        // finding: its condition is false
  Unknown,         // finding: it cannot be decided from the data
  Recommended,     // recommendation: it appears in the report
  NotRecommended,  // recommendation: it does not appear (its condition is false or unknown)
};

bool is_finding_expectation(Expect expect);

struct IdExpectation {
  Expect expect = Expect::Fired;
  std::uint32_t id = 0;   // index into RuleSet::findings or RuleSet::recommendations
  dsl::Location where;    // the id in the test file
};

// These recommendations appear, in this relative order (others may come between them).
struct OrderExpectation {
  std::vector<std::uint32_t> recommendations;
  dsl::Location where;    // the `order` key
};

struct RuleTestCase {
  std::string name;
  dsl::Location where;                        // the [[case]] header
  std::optional<std::string> base_profile;    // path as written, relative to the test file's directory
  dsl::Location base_profile_where;
  Profile values;                             // the case's own values; unknown where it gives none
  std::vector<std::uint32_t> missing;         // slots the case removes from its base profile
  std::vector<IdExpectation> expectations;    // in the order written
  std::optional<OrderExpectation> order;
};

struct RuleTestFile {
  std::vector<RuleTestCase> cases;  // present only when the file has no errors
  dsl::Diagnostics diagnostics;     // positioned in the test file, sorted by location
};

// Parses and validates a test file against the rule set: TOML syntax, keys, profile values (with the
// profile loader's checks and messages) and every id an expectation names.
RuleTestFile parse_rule_tests(const dsl::SourceFile& file, const RuleSet& rules);

// ---------------------------------------------------------------- running a case

struct ExpectationResult {
  IdExpectation expectation;
  bool held = false;
  Verdict actual = Verdict::Unknown;  // the finding's or recommendation's verdict
};

struct OrderResult {
  bool held = false;
  std::vector<std::uint32_t> expected;  // as written
  std::vector<std::uint32_t> actual;    // the expected ones that were recommended, in rank order
  dsl::Location where;
};

struct RuleTestResult {
  const RuleTestCase* test = nullptr;
  Profile profile;                // what was evaluated: the base profile with the case's changes
  Assessment assessment;
  std::vector<ExpectationResult> expectations;
  std::optional<OrderResult> order;

  bool passed() const;
};

// The profile a case evaluates: `base` (or an empty profile) with the case's values set and its
// missing slots removed. `base` must have been loaded for the same rule set.
Profile case_profile(const RuleSet& rules, const RuleTestCase& test, const Profile* base);

// Evaluates the case and checks each of its expectations.
RuleTestResult run_rule_test(const RuleSet& rules, const RuleTestCase& test, const Profile* base);

}  // namespace rapport::engine
