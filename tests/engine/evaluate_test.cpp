// evaluate(): verdicts in dependency order, unknown inputs and how they propagate through chains
// of findings, filled narratives and actions, and the ranking of fired recommendations.
#include <catch2/catch.hpp>

#include "rules_fixture.hpp"

namespace rapport::engine::testing {

namespace {

// a reads a metric; b reads a; r reads b (or a second metric).
const char* const kChain = R"(source s
  title "S"
end
metric sat
  question "Q"
  kind share
  asked both
end
metric meetings
  question "Q"
  kind number
  asked company
end
finding a
  title "A"
  severity high
  when it.sat < 30%
  evidence s "q"
  narrative "IT satisfaction is {it.sat}, a gap of {gap(sat)}."
end
finding b
  title "B"
  severity medium
  when a and meetings < 1
  evidence s "q"
  narrative "n"
end
recommendation r
  title "R"
  owner both
  horizon 30 days
  when b or marketing.sat < 10%
  priority 50 + 100 * default(abs(gap(sat)), 0)
  action "Meet {meetings} times"
end
)";

FilledPiece text(const std::string& t) { return {false, t, kUnknown, Unit::Plain}; }
FilledPiece value(double v, Unit unit) { return {true, {}, v, unit}; }

void check_pieces(const FilledText& got, const FilledText& want) {
  REQUIRE(got.size() == want.size());
  for (std::size_t i = 0; i < got.size(); ++i) {
    INFO("piece " << i);
    CHECK(got[i].is_value == want[i].is_value);
    CHECK(got[i].text == want[i].text);
    if (want[i].is_value) {
      CHECK(got[i].value == Approx(want[i].value));
      CHECK(got[i].unit == want[i].unit);
    }
  }
}

}  // namespace

TEST_CASE("a finding that reads a fired finding fires, and so does the recommendation that reads it",
          "[evaluate][chain]") {
  const CheckedRules checked(kChain);
  const RuleSet& rules = checked.rules();
  const auto result = evaluate(rules, profile_of(rules, {{"it.sat", 0.2}, {"marketing.sat", 0.5}, {"meetings", 0.5}}));
  REQUIRE(result.findings.size() == 2);
  CHECK(result.findings[0].verdict == Verdict::Fired);
  CHECK(result.findings[1].verdict == Verdict::Fired);
  REQUIRE(result.recommendations.size() == 1);
  const auto& r = result.recommendations[0];
  CHECK(r.verdict == Verdict::Fired);
  CHECK(r.priority == Approx(80));
  CHECK(r.because == std::vector<std::uint32_t>{finding_index(rules, "b")});
  CHECK(r.missing_slots.empty());
  CHECK(result.ranking == std::vector<std::uint32_t>{0});
}

TEST_CASE("a fired finding's narrative is filled with values and their units, not formatted text",
          "[evaluate]") {
  const CheckedRules checked(kChain);
  const RuleSet& rules = checked.rules();
  const auto result = evaluate(rules, profile_of(rules, {{"it.sat", 0.2}, {"marketing.sat", 0.5}, {"meetings", 0.5}}));
  check_pieces(result.findings[0].narrative, {text("IT satisfaction is "), value(0.2, Unit::Percent),
                                              text(", a gap of "), value(-0.3, Unit::Points), text(".")});
  REQUIRE(result.recommendations[0].actions.size() == 1);
  check_pieces(result.recommendations[0].actions[0], {text("Meet "), value(0.5, Unit::Plain), text(" times")});
}

TEST_CASE("a finding that does not fire has verdict NotFired and no narrative", "[evaluate]") {
  const CheckedRules checked(kChain);
  const RuleSet& rules = checked.rules();
  const auto result = evaluate(rules, profile_of(rules, {{"it.sat", 0.5}, {"marketing.sat", 0.5}, {"meetings", 3}}));
  CHECK(result.findings[0].verdict == Verdict::NotFired);
  CHECK(result.findings[0].narrative.empty());
  CHECK(result.findings[0].missing_slots.empty());
  CHECK(result.recommendations[0].verdict == Verdict::NotFired);
  CHECK(result.ranking.empty());
}

TEST_CASE("unknown propagates through a chain, each step naming its missing metrics and unknown findings",
          "[evaluate][chain]") {
  const CheckedRules checked(kChain);
  const RuleSet& rules = checked.rules();
  const auto result = evaluate(rules, profile_of(rules, {{"marketing.sat", 0.5}, {"meetings", 0.5}}));
  const auto a = finding_index(rules, "a"), b = finding_index(rules, "b");
  CHECK(result.findings[a].verdict == Verdict::Unknown);
  CHECK(result.findings[a].missing_slots == std::vector<std::uint32_t>{slot_named(rules, "sat", Audience::It)});
  CHECK(result.findings[a].unknown_findings.empty());
  CHECK(result.findings[b].verdict == Verdict::Unknown);
  CHECK(result.findings[b].missing_slots.empty());  // meetings is known; a is not
  CHECK(result.findings[b].unknown_findings == std::vector<std::uint32_t>{a});
  const auto& r = result.recommendations[0];
  CHECK(r.verdict == Verdict::Unknown);
  CHECK(r.unknown_findings == std::vector<std::uint32_t>{b});
  CHECK(r.missing_slots.empty());
  CHECK(is_unknown(r.priority));
  CHECK(result.ranking.empty());
}

TEST_CASE("false decides an and even when the other side is unknown", "[evaluate][chain]") {
  const CheckedRules checked(kChain);
  const RuleSet& rules = checked.rules();
  const auto result = evaluate(rules, profile_of(rules, {{"marketing.sat", 0.5}, {"meetings", 5}}));
  CHECK(result.findings[0].verdict == Verdict::Unknown);
  CHECK(result.findings[1].verdict == Verdict::NotFired);
  CHECK(result.findings[1].unknown_findings.empty());
  CHECK(result.recommendations[0].verdict == Verdict::NotFired);
}

TEST_CASE("true decides an or even when the other side is unknown, and default fills the gap in the priority",
          "[evaluate][chain]") {
  const CheckedRules checked(kChain);
  const RuleSet& rules = checked.rules();
  const auto result = evaluate(rules, profile_of(rules, {{"marketing.sat", 0.05}}));
  const auto& r = result.recommendations[0];
  CHECK(r.verdict == Verdict::Fired);
  CHECK(r.priority == Approx(50));
  CHECK(r.because.empty());  // b is unknown, not fired
  REQUIRE(r.actions.size() == 1);
  CHECK(is_unknown(r.actions[0][1].value));  // the action still shows that meetings is unknown
}

TEST_CASE("a recommendation whose condition is unknown lists the metrics it lacks", "[evaluate]") {
  const CheckedRules checked(kChain);
  const RuleSet& rules = checked.rules();
  const auto result = evaluate(rules, profile_of(rules, {{"it.sat", 0.5}}));
  CHECK(result.findings[0].verdict == Verdict::NotFired);
  const auto& r = result.recommendations[0];
  CHECK(r.verdict == Verdict::Unknown);
  CHECK(r.missing_slots == std::vector<std::uint32_t>{slot_named(rules, "sat", Audience::Marketing)});
  CHECK(r.unknown_findings.empty());  // b is NotFired: a is false
}

namespace {

// Five recommendations that all fire except the last; priorities come from company metrics.
std::string ranking_rules() {
  std::string text;
  for (int i = 0; i < 5; ++i) {
    const std::string n = std::to_string(i);
    text += "metric p" + n + "\n  question \"Q\"\n  kind number\n  asked company\nend\n";
    text += "recommendation r" + n + "\n  title \"R\"\n  owner both\n  horizon 30 days\n  when " +
            (i == 4 ? "p4 < 0" : "true") + "\n  priority p" + n + "\n  action \"a\"\nend\n";
  }
  return text;
}

}  // namespace

TEST_CASE("fired recommendations rank by priority, high first, ties in declaration order", "[evaluate][rank]") {
  const CheckedRules checked(ranking_rules());
  const RuleSet& rules = checked.rules();
  const auto result = evaluate(rules, profile_of(rules, {{"p0", 10}, {"p1", 30}, {"p2", 40}, {"p3", 30}, {"p4", 99}}));
  CHECK(result.recommendations[4].verdict == Verdict::NotFired);
  CHECK(result.ranking == std::vector<std::uint32_t>{2, 1, 3, 0});
}

TEST_CASE("a fired recommendation with an unknown priority ranks last, and says what its priority lacked",
          "[evaluate][rank]") {
  const CheckedRules checked(ranking_rules());
  const RuleSet& rules = checked.rules();
  const auto result = evaluate(rules, profile_of(rules, {{"p1", 5}, {"p2", 1}, {"p3", -3}, {"p4", 1}}));
  CHECK(result.recommendations[0].verdict == Verdict::Fired);
  CHECK(is_unknown(result.recommendations[0].priority));
  CHECK(result.recommendations[0].missing_slots == std::vector<std::uint32_t>{slot_named(rules, "p0", Audience::Company)});
  CHECK(result.ranking == std::vector<std::uint32_t>{1, 2, 3, 0});
}

TEST_CASE("several unknown priorities rank last among themselves in declaration order", "[evaluate][rank]") {
  const CheckedRules checked(ranking_rules());
  const RuleSet& rules = checked.rules();
  const auto result = evaluate(rules, profile_of(rules, {{"p2", 1}, {"p4", 1}}));
  CHECK(result.ranking == std::vector<std::uint32_t>{2, 0, 1, 3});
}

TEST_CASE("evaluation is deterministic: the same profile gives the same assessment", "[evaluate]") {
  const CheckedRules checked(kChain);
  const RuleSet& rules = checked.rules();
  const Profile profile = profile_of(rules, {{"it.sat", 0.1}, {"marketing.sat", 0.05}, {"meetings", 0.5}});
  const auto first = evaluate(rules, profile);
  const auto second = evaluate(rules, profile);
  CHECK(first.ranking == second.ranking);
  CHECK(first.recommendations[0].priority == second.recommendations[0].priority);
  CHECK(first.recommendations[0].because == second.recommendations[0].because);
}

}  // namespace rapport::engine::testing
