// Test fixture for the rule tester: a small rule set (three findings, three recommendations) and
// helpers that parse a test file's text and run its cases, so tests read like the files they describe.
#pragma once

#include <catch2/catch.hpp>

#include <sstream>
#include <string>

#include "dsl/source_file.hpp"
#include "engine/profile.hpp"
#include "engine/rule_tests.hpp"
#include "rules_fixture.hpp"

namespace rapport::engine::testing {

// unhappy:  it.satisfied < 30% or marketing.satisfied < 30%        (high)
// silent:   meetings < 1                                           (medium)
// distrust: silent and (it.trust < 3 or marketing.trust < 3)       (critical)
// talk (when silent, priority 40), rebuild_trust (when distrust, 70),
// close_gap (when unhappy, 50 + 100 * abs(gap(satisfied)))
inline const RuleSet& tester_rules() {
  static const CheckedRules checked(R"rules(source study
  title "A study"
end
metric satisfied
  question "Satisfied?"
  kind share
  asked both
end
metric meetings
  question "Meetings a month"
  kind number
  asked company
end
metric trust
  question "Trust (1-5)"
  kind scale 1 to 5
  asked both
end
finding unhappy
  title "Few are satisfied"
  severity high
  when it.satisfied < 30% or marketing.satisfied < 30%
  evidence study "q"
  narrative "n"
end
finding silent
  title "They do not talk"
  severity medium
  when meetings < 1
  evidence study "q"
  narrative "n"
end
finding distrust
  title "Trust is low and they do not talk"
  severity critical
  when silent and (it.trust < 3 or marketing.trust < 3)
  evidence study "q"
  narrative "n"
end
recommendation talk
  title "Talk more"
  owner both
  horizon 30 days
  when silent
  priority 40
  action "Meet"
end
recommendation rebuild_trust
  title "Rebuild trust"
  owner cio
  horizon 90 days
  when distrust
  priority 70
  action "Run a joint project"
end
recommendation close_gap
  title "Close the gap"
  owner cmo
  horizon 180 days
  when unhappy
  priority 50 + 100 * abs(gap(satisfied))
  action "Survey again"
end
)rules");
  return checked.rules();
}

inline RuleTestFile parse_tests(const std::string& toml) {
  const dsl::SourceFile file("cases.test.toml", toml);
  return parse_rule_tests(file, tester_rules());
}

// Every diagnostic as "line:col code message (help)", one a line, for INFO and for matching.
inline std::string dump(const dsl::Diagnostics& diagnostics) {
  std::ostringstream out;
  for (const auto& d : diagnostics) {
    out << d.where.line << ":" << d.where.col << " " << d.code << " " << d.message;
    if (!d.help.empty()) out << " (" << d.help << ")";
    out << "\n";
  }
  return out.str();
}

// The one diagnostic of a test file that should fail exactly once.
inline dsl::Diagnostic only_error(const std::string& toml) {
  const RuleTestFile file = parse_tests(toml);
  INFO(dump(file.diagnostics));
  CHECK(file.cases.empty());
  REQUIRE(file.diagnostics.size() == 1);
  return file.diagnostics.front();
}

// A profile loaded from TOML for the tester's rules (a base profile).
inline Profile base_profile(const std::string& toml) {
  const dsl::SourceFile file("client.toml", toml);
  ProfileResult result = load_profile(file, tester_rules());
  INFO(dump(result.diagnostics));
  REQUIRE(result.profile);
  return *result.profile;
}

}  // namespace rapport::engine::testing
