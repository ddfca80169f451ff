// "What would it take": the smallest change of one metric that removes a fired recommendation, with
// exact thresholds, through chains of findings, and none when no single metric decides it.
#include <catch2/catch.hpp>

#include "engine/counterfactual.hpp"
#include "engine/evidence.hpp"
#include "rules_fixture.hpp"

namespace rapport::engine::testing {

namespace {

// Rules whose recommendation r fires on finding f; `when` is f's condition.
WhatItTakes take(const std::string& when, const std::map<std::string, double>& values, const RuleSet** out = nullptr) {
  static std::vector<std::unique_ptr<CheckedRules>> keep;
  keep.push_back(std::make_unique<CheckedRules>(rules_with(when)));
  const RuleSet& rules = keep.back()->rules();
  if (out != nullptr) *out = &rules;
  return what_it_takes(rules, gather_evidence(rules, profile_of(rules, values)).inputs, 0);
}

TEST_CASE("a strict threshold is reached exactly: raising a share to the threshold removes it", "[counterfactual]") {
  const RuleSet* rules = nullptr;
  const auto result = take("it.sat < 30%", {{"it.sat", 0.12}}, &rules);
  REQUIRE(result.flips.size() == 1);
  const Flip& flip = result.flips[0];
  CHECK(flip.slot == slot_named(*rules, "sat", Audience::It));
  CHECK(flip.from == Approx(0.12));
  CHECK(flip.to == Approx(0.30));
  CHECK(flip.threshold == Approx(0.30).margin(1e-9));
  CHECK(flip.onwards);
  CHECK(flip.size == Approx(0.18));
}

TEST_CASE("an inclusive threshold is passed: the first round value beyond it removes it", "[counterfactual]") {
  const auto result = take("it.sat <= 30%", {{"it.sat", 0.12}});
  REQUIRE(result.flips.size() == 1);
  CHECK(result.flips[0].to == Approx(0.31));
  CHECK(result.flips[0].threshold == Approx(0.30).margin(1e-6));
}

TEST_CASE("a threshold on a gap moves with the other side's value, either side can remove it", "[counterfactual]") {
  const RuleSet* rules = nullptr;
  const auto result = take("gap(sat) >= 8pp", {{"it.sat", 0.505}, {"marketing.sat", 0.38}}, &rules);
  REQUIRE(result.flips.size() == 2);
  // marketing up from 38% past 42.5% is the smaller move; IT down from 50.5% below 46% the larger
  CHECK(result.flips[0].slot == slot_named(*rules, "sat", Audience::Marketing));
  CHECK(result.flips[0].to == Approx(0.43));
  CHECK(result.flips[0].threshold == Approx(0.425).margin(1e-6));
  CHECK(result.flips[1].slot == slot_named(*rules, "sat", Audience::It));
  CHECK(result.flips[1].to == Approx(0.45));
  CHECK(result.flips[1].threshold == Approx(0.46).margin(1e-6));
}

TEST_CASE("the smallest change comes first, measured against each metric's range", "[counterfactual]") {
  const RuleSet* rules = nullptr;
  // score is a 1-5 scale: 2 -> 3 is a quarter of its range; sat 10% -> 50% is 40% of its range
  const auto result = take("it.sat < 50% and it.score < 3", {{"it.sat", 0.10}, {"it.score", 2}}, &rules);
  REQUIRE(result.flips.size() == 2);
  CHECK(result.flips[0].slot == slot_named(*rules, "score", Audience::It));
  CHECK(result.flips[0].to == Approx(3));
  CHECK(result.flips[0].size == Approx(0.25));
  CHECK(result.flips[1].slot == slot_named(*rules, "sat", Audience::It));
  CHECK(result.flips[1].to == Approx(0.50));
}

TEST_CASE("when two independent reasons each fire it, no single metric removes it", "[counterfactual]") {
  const auto result = take("it.sat < 30% or marketing.sat < 30%", {{"it.sat", 0.12}, {"marketing.sat", 0.20}});
  CHECK(result.flips.empty());
}

TEST_CASE("a metric the profile lacks is not moved", "[counterfactual]") {
  const auto result = take("default(it.sat, 0) < 30%", {});
  CHECK(result.flips.empty());
}

TEST_CASE("a number metric is searched above its value up to the rules' threshold", "[counterfactual]") {
  const auto result = take("meetings < 1", {{"meetings", 0.5}});
  REQUIRE(result.flips.size() == 1);
  CHECK(result.flips[0].to == Approx(1));
  CHECK(result.flips[0].onwards);
}

TEST_CASE("a number metric is not searched below zero when nothing involved is negative", "[counterfactual]") {
  const auto result = take("meetings > 2", {{"meetings", 4}});
  REQUIRE(result.flips.size() == 1);
  CHECK(result.flips[0].to == Approx(2));
  CHECK(take("meetings > 0", {{"meetings", 3}}).flips.at(0).to == Approx(0));
  CHECK(take("meetings >= 0", {{"meetings", 3}}).flips.empty());
}

TEST_CASE("a band is left by the nearer edge, and the far side does not count as onwards", "[counterfactual]") {
  const auto result = take("it.sat > 40% and it.sat < 60%", {{"it.sat", 0.55}});
  REQUIRE(result.flips.size() == 1);
  CHECK(result.flips[0].to == Approx(0.60));
  CHECK(result.flips[0].onwards);
  const auto notch = take("it.sat < 40% or it.sat > 45%", {{"it.sat", 0.35}});
  REQUIRE(notch.flips.size() == 1);
  CHECK(notch.flips[0].to == Approx(0.40));
  CHECK_FALSE(notch.flips[0].onwards);
}

TEST_CASE("a change reaches the recommendation through a chain of findings", "[counterfactual]") {
  const char* const rules_text = R"(source s
  title "S"
end
metric flagged
  question "Q"
  kind flag
  asked company
end
metric meetings
  question "Q"
  kind number
  asked company
end
metric trust
  question "Q"
  kind scale 1 to 5
  asked both
end
finding silent
  title "T"
  severity low
  when meetings < 1 and not flagged
  evidence s "q"
  narrative "n"
end
finding distrust
  title "T"
  severity low
  when silent and (it.trust < 3 or marketing.trust < 3)
  evidence s "q"
  narrative "n"
end
recommendation rebuild
  title "R"
  owner both
  horizon 30 days
  when distrust
  priority 50
  action "a"
end
)";
  CheckedRules checked(rules_text);
  const RuleSet& rules = checked.rules();
  const auto profile =
      profile_of(rules, {{"flagged", 0}, {"meetings", 0.5}, {"it.trust", 2.5}, {"marketing.trust", 4}});
  const auto result = what_it_takes(rules, profile.values, 0);
  REQUIRE(result.flips.size() == 3);
  // trust 2.5 -> 3 is an eighth of the scale; meetings 0.5 -> 1 is half its value; the flag is all its range
  CHECK(result.flips[0].slot == slot_named(rules, "trust", Audience::It));
  CHECK(result.flips[0].to == Approx(3));
  CHECK(result.flips[1].slot == slot_named(rules, "meetings", Audience::Company));
  CHECK(result.flips[1].to == Approx(1));
  CHECK(result.flips[2].slot == slot_named(rules, "flagged", Audience::Company));
  CHECK(result.flips[2].to == 1.0);
}

}  // namespace

}  // namespace rapport::engine::testing
