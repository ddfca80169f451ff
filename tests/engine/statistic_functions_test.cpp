// Checking the statistics functions: what each takes, with a plain error and a fix for what it does not.
#include <catch2/catch.hpp>

#include "dsl/diagnostic_codes.hpp"
#include "rules_fixture.hpp"

namespace rapport::engine::testing {

namespace code = dsl::code;

TEST_CASE("the statistics functions take a group's answer or a gap, and are typed by what they read",
          "[checker][statistics]") {
  CHECK(CheckedRules(rules_with("n(it.sat) >= 10 and n(marketing.sat) >= 10")).rules().findings.size() == 1);
  CHECK(CheckedRules(rules_with("ci_low(it.sat) > 20% and ci_high(gap(sat)) < 5pp")).rules().findings.size() == 1);
  CHECK(CheckedRules(rules_with("significant(gap(sat)) and p_value(gap(sat)) < 0.01")).rules().findings.size() == 1);
  CHECK(CheckedRules(rules_with("ci_high(it.score) < 3")).rules().findings.size() == 1);
}

TEST_CASE("a statistic of a bare metric name says which group to write", "[checker][statistics]") {
  const CheckedRules rules(rules_with("n(sat) >= 10"));
  const auto& d = rules.only(code::wrong_arguments);
  CHECK(d.message == "n takes a group's answer such as it.metric, not 'sat'");
  CHECK(d.help == "write n(it.sat) or n(marketing.sat)");
}

TEST_CASE("significance is a property of a gap, not of one group's answer", "[checker][statistics]") {
  const CheckedRules rules(rules_with("significant(it.sat)"));
  const auto& d = rules.only(code::wrong_arguments);
  CHECK(d.message == "significant takes a gap such as gap(metric), not 'it.sat'");
  CHECK(d.help == "write significant(gap(metric))");
}

TEST_CASE("a statistic of a company figure is refused: it has no sample", "[checker][statistics]") {
  const CheckedRules rules(rules_with("n(meetings) > 3"));
  CHECK(rules.only(code::wrong_arguments).message == "n takes a group's answer such as it.metric, not 'meetings'");
}

TEST_CASE("a statistic of a gap between groups that were not both asked is the gap's own error",
          "[checker][statistics]") {
  const CheckedRules rules(rules_with("significant(gap(score))"));
  CHECK_FALSE(rules.with_code(code::group_not_asked).empty());
}

TEST_CASE("comparing a count with a percentage is a type error", "[checker][statistics]") {
  const CheckedRules rules(rules_with("significant(gap(sat)) > 5%"));
  CHECK_FALSE(rules.with_code(code::type_error).empty());
}

}  // namespace rapport::engine::testing
