// The checker's warnings: unused metrics, sources and findings, and suspicious thresholds.
// Warnings never keep a rule set from compiling.
#include <catch2/catch.hpp>

#include "dsl/diagnostic_codes.hpp"
#include "rules_fixture.hpp"

namespace rapport::engine::testing {
namespace code = dsl::code;

TEST_CASE("a metric no condition, priority or placeholder reads is an unused metric", "[checker][lint]") {
  const CheckedRules rules(rules_with("it.sat < 30%") + R"(metric spare
  question "Q"
  kind number
  asked company
end
)");
  const auto& d = rules.only(code::unused_metric);
  CHECK(d.severity == dsl::DiagSeverity::Warning);
  CHECK(at(d) == "35:8");
  CHECK(d.message == "metric 'spare' is never used");
  CHECK(rules.result().rules.has_value());
}

TEST_CASE("a metric read only through gap or benchmark counts as used", "[checker][lint]") {
  const CheckedRules rules(rules_with("it.sat < 30%") + R"(metric other
  question "Q"
  kind share
  asked it, marketing
end
metric third
  question "Q"
  kind share
  asked it
  benchmark it 20% from accenture
end
recommendation r2
  title "R"
  owner cio
  horizon 90 days
  when f
  priority 10 + abs(gap(other)) + benchmark(it.third)
  action "Act"
end
)");
  CHECK(rules.with_code(code::unused_metric).empty());
}

TEST_CASE("a source that no evidence or benchmark cites is an unused source", "[checker][lint]") {
  const CheckedRules rules("source lonely\n  title \"Unread\"\nend\n" + rules_with("it.sat < 30%"));
  const auto& d = rules.only(code::unused_source);
  CHECK(d.severity == dsl::DiagSeverity::Warning);
  CHECK(at(d) == "1:8");
  CHECK(d.message == "source 'lonely' is never cited");
}

TEST_CASE("a finding no recommendation uses, directly or through another finding, is an unused finding",
          "[checker][lint]") {
  // r uses f; f uses g (so g is used through f); h is used by nobody.
  std::string text = rules_with("it.sat < 30% and g");
  text += finding_text("g", "meetings < 1", "accenture") + finding_text("h", "meetings < 1", "accenture");
  const CheckedRules rules(text);
  const auto& d = rules.only(code::unused_finding);
  CHECK(at(d) == "42:9");
  CHECK(d.message == "no recommendation uses finding 'h'");
  CHECK(d.help == "name it in a recommendation's condition, e.g. `when h`");
}

TEST_CASE("a share compared with a plain number above 1 is a suspicious threshold", "[checker][lint]") {
  const CheckedRules rules(rules_with("it.sat > 50"));
  const auto& d = rules.only(code::suspicious_threshold);
  CHECK(d.severity == dsl::DiagSeverity::Warning);
  CHECK(at(d) == "23:17");
  CHECK(d.where.length == 2);
  CHECK(d.help == "did you mean 50%?");
  CHECK(rules.result().rules.has_value());
}

TEST_CASE("points compared with a plain number above 1 suggest pp, on either side", "[checker][lint]") {
  const CheckedRules rules(rules_with("20 < gap(sat)"));
  const auto& d = rules.only(code::suspicious_threshold);
  CHECK(at(d) == "23:8");
  CHECK(d.help == "did you mean 20pp?");
}

TEST_CASE("plain fractions, percent literals and plain metrics raise no threshold warning", "[checker][lint]") {
  const CheckedRules rules(rules_with("it.sat > 0.5 or it.sat > 50% or meetings > 50 or it.score >= 4"));
  CHECK(rules.with_code(code::suspicious_threshold).empty());
}

}  // namespace rapport::engine::testing
