// What-if: targets by reference, values checked against their metric, overrides applied, and the
// comparison of the two assessments: appearing, disappearing and moving recommendations, findings.
#include <catch2/catch.hpp>

#include <limits>

#include "../rules/rule_base_fixture.hpp"
#include "engine/whatif.hpp"
#include "rules_fixture.hpp"

namespace rapport::engine::testing {

namespace {

const RuleSet& alignment() {
  static const CheckedRules checked(std::vector<RuleText>{
      {"alignment.rules", test::read_file(std::string(RAPPORT_TEST_DATA) + "/fixtures/rules/alignment.rules")}});
  return checked.rules();
}

TEST_CASE("a target names a metric as the rules do, with its group when it has one", "[whatif]") {
  const RuleSet& rules = alignment();
  CHECK(find_target(rules, "it.satisfied").slot == slot_named(rules, "satisfied", Audience::It));
  CHECK(find_target(rules, "marketing.trust").slot == slot_named(rules, "trust", Audience::Marketing));
  CHECK(find_target(rules, "meetings").slot == slot_named(rules, "meetings", Audience::Company));
}

TEST_CASE("a target that names no slot says why, with a suggestion for a misspelt metric", "[whatif]") {
  const RuleSet& rules = alignment();
  const auto misspelt = find_target(rules, "it.satisfed");
  REQUIRE(misspelt.error.has_value());
  CHECK_FALSE(misspelt.slot.has_value());
  CHECK(misspelt.error->kind == TargetError::Kind::UnknownMetric);
  CHECK(misspelt.error->suggestion == std::optional<std::string>("satisfied"));
  CHECK_FALSE(find_target(rules, "it.nothing_like_it").error->suggestion.has_value());

  const auto company = find_target(rules, "it.meetings");
  REQUIRE(company.error.has_value());
  CHECK(company.error->kind == TargetError::Kind::NotAskedOf);
  CHECK(rules.metrics[company.error->metric].id == "meetings");

  CHECK(find_target(rules, "satisfied").error->kind == TargetError::Kind::NeedsGroup);
  CHECK(find_target(rules, "sales.satisfied").error->kind == TargetError::Kind::UnknownGroup);
}

TEST_CASE("a value is checked against its metric's kind and range", "[whatif]") {
  const RuleSet& rules = alignment();
  const Metric& share = rules.metrics[*rules.metric_index("satisfied")];
  const Metric& scale = rules.metrics[*rules.metric_index("trust")];
  const Metric& number = rules.metrics[*rules.metric_index("meetings")];
  CHECK_FALSE(check_value(share, 0.4).has_value());
  CHECK_FALSE(check_value(share, kUnknown).has_value());
  CHECK(check_value(share, 1.4) == ValueError::OutOfRange);
  CHECK(check_value(share, -0.1) == ValueError::OutOfRange);
  CHECK(check_value(scale, 0) == ValueError::OutOfRange);
  CHECK_FALSE(check_value(scale, 5).has_value());
  CHECK_FALSE(check_value(number, -3).has_value());
  CHECK(check_value(number, std::numeric_limits<double>::infinity()) == ValueError::NotFinite);

  CheckedRules flagged(R"(metric charter
  question "Q"
  kind flag
  asked company
end
)");
  const Metric& flag = flagged.rules().metrics[0];
  CHECK(check_value(flag, 0.5) == ValueError::NotAFlag);
  CHECK_FALSE(check_value(flag, 1).has_value());
}

TEST_CASE("overrides change or remove values and leave the rest; a bad one is an error value", "[whatif]") {
  const RuleSet& rules = alignment();
  const auto profile = profile_of(rules, {{"it.satisfied", 0.12}, {"marketing.satisfied", 0.45}, {"meetings", 2}});
  const auto it = slot_named(rules, "satisfied", Audience::It);
  const auto meetings = slot_named(rules, "meetings", Audience::Company);
  const auto applied = apply_overrides(rules, profile, {{it, 0.4}, {meetings, kUnknown}});
  REQUIRE(applied.profile.has_value());
  CHECK(applied.profile->values[it] == Approx(0.4));
  CHECK(is_unknown(applied.profile->values[meetings]));
  CHECK(applied.profile->values[slot_named(rules, "satisfied", Audience::Marketing)] == Approx(0.45));

  const auto bad = apply_overrides(rules, profile, {{meetings, 1}, {it, 1.5}});
  REQUIRE(bad.error.has_value());
  CHECK_FALSE(bad.profile.has_value());
  CHECK(bad.error->kind == OverrideError::Kind::BadValue);
  CHECK(bad.error->index == 1);
  CHECK(bad.error->value == ValueError::OutOfRange);

  const auto twice = apply_overrides(rules, profile, {{it, 0.2}, {it, 0.3}});
  REQUIRE(twice.error.has_value());
  CHECK(twice.error->kind == OverrideError::Kind::Repeated);
}

TEST_CASE("what-if lists recommendations that disappear and the findings that change", "[whatif]") {
  const RuleSet& rules = alignment();
  const auto before = profile_of(rules, {{"it.satisfied", 0.12}, {"marketing.satisfied", 0.45}, {"meetings", 0.5}});
  const auto after = apply_overrides(rules, before, {{slot_named(rules, "satisfied", Audience::It), 0.4}});
  const WhatIf w = what_if(rules, before, *after.profile);
  REQUIRE(w.values.size() == 1);
  CHECK(w.values[0].before == Approx(0.12));
  CHECK(w.values[0].after == Approx(0.4));
  // close_gap (#1) goes, so talk moves up from #2 to #1
  REQUIRE(w.recommendations.size() == 2);
  CHECK(w.recommendations[0].kind == RecommendationShift::Kind::MovedUp);
  CHECK(w.recommendations[0].recommendation == recommendation_index(rules, "talk"));
  CHECK(w.recommendations[0].rank_before == 2);
  CHECK(w.recommendations[0].rank_after == 1);
  CHECK(w.recommendations[1].kind == RecommendationShift::Kind::Disappeared);
  CHECK(w.recommendations[1].recommendation == recommendation_index(rules, "close_gap"));
  CHECK(w.recommendations[1].rank_before == 1);
  CHECK(w.recommendations[1].verdict_after == Verdict::NotFired);
  REQUIRE(w.findings.size() == 1);
  CHECK(w.findings[0].finding == finding_index(rules, "unhappy"));
  CHECK(w.findings[0].before == Verdict::Fired);
  CHECK(w.findings[0].after == Verdict::NotFired);
}

TEST_CASE("what-if lists recommendations that appear and priorities that change at the same rank", "[whatif]") {
  const RuleSet& rules = alignment();
  const auto before = profile_of(rules, {{"it.satisfied", 0.12}, {"marketing.satisfied", 0.45}, {"meetings", 3},
                                         {"it.trust", 2}, {"marketing.trust", 4}});
  const auto after = apply_overrides(rules, before, {{slot_named(rules, "meetings", Audience::Company), 0.5},
                                                     {slot_named(rules, "satisfied", Audience::Marketing), 0.40}});
  const WhatIf w = what_if(rules, before, *after.profile);
  // rebuild_trust (70) and talk (40) appear; close_gap (83 -> 78) stays first
  std::vector<std::pair<RecommendationShift::Kind, std::string>> got;
  for (const auto& s : w.recommendations) got.emplace_back(s.kind, rules.recommendations[s.recommendation].id);
  using Kind = RecommendationShift::Kind;
  CHECK(got == std::vector<std::pair<Kind, std::string>>{
                   {Kind::Reprioritised, "close_gap"}, {Kind::Appeared, "rebuild_trust"}, {Kind::Appeared, "talk"}});
  CHECK(w.recommendations[0].priority_before == Approx(83));
  CHECK(w.recommendations[0].priority_after == Approx(78));
  CHECK(w.recommendations[1].rank_after == 2);
  CHECK(w.findings.size() == 2);  // silent and distrust fire
}

TEST_CASE("what-if with the same values changes nothing", "[whatif]") {
  const RuleSet& rules = alignment();
  const auto profile = profile_of(rules, {{"it.satisfied", 0.12}});
  const auto same = apply_overrides(rules, profile, {{slot_named(rules, "satisfied", Audience::It), 0.12}});
  const WhatIf w = what_if(rules, profile, *same.profile);
  CHECK(w.changes_nothing());
  CHECK(w.values.empty());
}

}  // namespace

}  // namespace rapport::engine::testing
