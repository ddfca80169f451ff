// weight(finding): a fired finding's severity weight (info 1 … critical 5), 0 when it did not fire
// or is unknown; its argument must name a finding; it counts as a use of that finding.
#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

#include "dsl/diagnostic_codes.hpp"
#include "rules_fixture.hpp"

namespace rapport::engine::testing {
namespace code = dsl::code;

namespace {

// Finding w of the given severity fires when meetings < 1; recommendation r always fires and ranks
// by `priority`. Nothing else reads w, so only the priority's weight(w) can count as its use.
std::string weighted_rules(const std::string& severity, const std::string& priority = "20 + 10 * weight(w)") {
  return R"(source s
  title "S"
end
metric meetings
  question "How often?"
  kind number
  asked company
end
finding w
  title "W"
  severity )" + severity + R"(
  when meetings < 1
  evidence s "q"
  narrative "n"
end
recommendation r
  title "R"
  owner both
  horizon 30 days
  when true
  priority )" + priority + R"(
  action "Act"
end
)";
}

RecommendationOutcome assess_r(const RuleSet& rules, const std::map<std::string, double>& values) {
  const auto result = evaluate(rules, profile_of(rules, values));
  REQUIRE(result.recommendations.size() == 1);
  REQUIRE(result.recommendations[0].verdict == Verdict::Fired);
  return result.recommendations[0];
}

}  // namespace

TEST_CASE("weight of a fired finding is its severity: info 1, low 2, medium 3, high 4, critical 5",
          "[weight][evaluate]") {
  const std::vector<std::pair<std::string, double>> severities{
      {"info", 1}, {"low", 2}, {"medium", 3}, {"high", 4}, {"critical", 5}};
  for (const auto& [severity, weight] : severities) {
    DYNAMIC_SECTION("severity " << severity) {
      const CheckedRules checked(weighted_rules(severity, "weight(w)"));
      INFO(checked.dump());
      CHECK(checked.diagnostics().empty());
      const RuleSet& rules = checked.rules();
      CHECK(rules.recommendations[0].priority.unit == Unit::Plain);
      CHECK(assess_r(rules, {{"meetings", 0.5}}).priority == Approx(weight));
    }
  }
}

TEST_CASE("weight of a finding that did not fire is 0", "[weight][evaluate]") {
  const CheckedRules checked(weighted_rules("critical"));
  const auto r = assess_r(checked.rules(), {{"meetings", 3}});
  CHECK(r.priority == Approx(20));
  CHECK(r.because.empty());
}

TEST_CASE("weight of an unknown finding is 0, so the priority stays known", "[weight][evaluate]") {
  const CheckedRules checked(weighted_rules("high"));
  const RuleSet& rules = checked.rules();
  const auto result = evaluate(rules, profile_of(rules, {}));
  CHECK(result.findings[finding_index(rules, "w")].verdict == Verdict::Unknown);
  const auto& r = result.recommendations[0];
  REQUIRE(r.verdict == Verdict::Fired);
  CHECK_FALSE(is_unknown(r.priority));
  CHECK(r.priority == Approx(20));
  CHECK(r.missing_slots.empty());
  CHECK(r.unknown_findings.empty());
}

TEST_CASE("weights add up in a priority and each fired finding shows in because", "[weight][evaluate]") {
  std::string text = weighted_rules("medium", "20 + 10 * (weight(w) + weight(v))");
  text += "finding v\n  title \"V\"\n  severity info\n  when meetings < 2\n  evidence s \"q\"\n  narrative \"n\"\nend\n";
  const CheckedRules checked(text);
  INFO(checked.dump());
  CHECK(checked.diagnostics().empty());
  const RuleSet& rules = checked.rules();
  const auto w = finding_index(rules, "w"), v = finding_index(rules, "v");

  const auto both = assess_r(rules, {{"meetings", 0.5}});
  CHECK(both.priority == Approx(20 + 10 * (3 + 1)));
  CHECK(both.because == std::vector<std::uint32_t>{w, v});

  const auto one = assess_r(rules, {{"meetings", 1.5}});
  CHECK(one.priority == Approx(20 + 10 * 1));
  CHECK(one.because == std::vector<std::uint32_t>{v});
}

TEST_CASE("a finding read only through weight counts as used and is among findings_used", "[weight][lint]") {
  const CheckedRules checked(weighted_rules("low"));
  INFO(checked.dump());
  CHECK(checked.with_code(code::unused_finding).empty());
  const RuleSet& rules = checked.rules();
  CHECK(rules.recommendations[0].findings_used == std::vector<std::uint32_t>{finding_index(rules, "w")});
}

TEST_CASE("a finding read through weight in another finding's condition is used through it and evaluated first",
          "[weight][lint][compile]") {
  // u, declared first and used by r, reads w only through weight(w).
  std::string text = weighted_rules("critical", "50");
  const std::string reader = "finding u\n  title \"U\"\n  severity low\n  when weight(w) >= 4\n"
                             "  evidence s \"q\"\n  narrative \"n\"\nend\n";
  text.insert(text.find("finding w"), reader);
  text.replace(text.find("when true"), 9, "when u");
  const CheckedRules checked(text);
  INFO(checked.dump());
  CHECK(checked.diagnostics().empty());
  const RuleSet& rules = checked.rules();
  const auto u = finding_index(rules, "u"), w = finding_index(rules, "w");
  CHECK(rules.finding_order == std::vector<std::uint32_t>{w, u});
  const auto result = evaluate(rules, profile_of(rules, {{"meetings", 0.5}}));
  CHECK(result.findings[u].verdict == Verdict::Fired);
}

TEST_CASE("findings that weigh each other are a cycle", "[weight][cycles]") {
  std::string text = "source s\n  title \"S\"\nend\n";
  text += finding_text("a", "weight(b) > 2") + finding_text("b", "weight(a) > 2 or true");
  const CheckedRules checked(text);
  const auto& d = checked.only(code::finding_cycle);
  CHECK(at(d) == "7:15");
  CHECK(d.message == "findings depend on each other in a cycle: a -> b -> a");
  CHECK_FALSE(checked.result().rules.has_value());
}

TEST_CASE("weight of a metric is the wrong kind of id, reported at the argument", "[weight][names]") {
  const CheckedRules rules(rules_with("it.sat < 30%", "weight(meetings)"));
  const auto& d = rules.only(code::wrong_kind_of_id);
  CHECK(d.severity == dsl::DiagSeverity::Error);
  CHECK(at(d) == "32:19");
  CHECK(d.where.length == 8);
  CHECK(d.message == "'meetings' is a metric, not a finding");
  REQUIRE(d.notes.size() == 1);
  CHECK(at(*d.notes[0].where) == "10:8");
  CHECK(rules.diagnostics().size() == 1);  // not reported again as a type error
  CHECK_FALSE(rules.result().rules.has_value());
}

TEST_CASE("weight of anything but a bare name is a wrong argument", "[weight][names]") {
  const CheckedRules rules(rules_with("it.sat < 30%", "weight(it.sat)"));
  const auto& d = rules.only(code::wrong_arguments);
  CHECK(at(d) == "32:19");
  CHECK(d.message == "weight takes a finding's name, not 'it.sat'");
  CHECK(d.help == "write weight(finding)");
  CHECK(rules.diagnostics().size() == 1);
}

TEST_CASE("weight of an unknown name suggests the closest finding", "[weight][names]") {
  const CheckedRules rules(rules_with("it.sat < 30%", "weight(ff)"));
  const auto& d = rules.only(code::unknown_id);
  CHECK(at(d) == "32:19");
  CHECK(d.message == "unknown finding 'ff'");
  CHECK(d.help == "did you mean 'f'?");
  CHECK_FALSE(rules.result().rules.has_value());
}

TEST_CASE("weight takes exactly one argument", "[weight][names]") {
  SECTION("two") {
    const CheckedRules rules(rules_with("it.sat < 30%", "weight(f, f)"));
    const auto& d = rules.only(code::wrong_arguments);
    CHECK(at(d) == "32:12");
    CHECK(d.message == "'weight' takes 1 argument, but is given 2");
    CHECK(d.help == "write weight(finding)");
  }
  SECTION("none") {
    const CheckedRules rules(rules_with("it.sat < 30%", "weight()"));
    CHECK(rules.only(code::wrong_arguments).message == "'weight' takes 1 argument, but is given 0");
  }
}

TEST_CASE("weight is a number, not a condition", "[weight][types]") {
  const CheckedRules rules(rules_with("it.sat < 30%", "50", "weight(f)"));
  const auto& d = rules.only(code::type_error);
  CHECK(at(d) == "31:8");
  CHECK(d.message == "a 'when' condition must be true or false, but this is a number");
}

}  // namespace rapport::engine::testing
