// explain(): the value of every sub-expression, what settled each verdict, the metrics an unknown one
// lacks, priorities term by term, and the findings a recommendation reads, down the chain.
#include <catch2/catch.hpp>

#include <filesystem>

#include "../rules/rule_base_fixture.hpp"
#include "engine/explain.hpp"
#include "rules_fixture.hpp"

namespace rapport::engine::testing {

namespace {

const RuleSet& alignment() {
  static const CheckedRules checked(
      std::vector<RuleText>{{"alignment.rules", test::read_file(std::string(RAPPORT_TEST_DATA) + "/fixtures/rules/alignment.rules")}});
  return checked.rules();
}

const FindingExplanation& finding_in(const Explanation& e, const RuleSet& rules, std::string_view id) {
  for (const auto& f : e.findings)
    if (rules.findings[f.finding].id == id) return f;
  FAIL("finding " << id << " is not explained");
  return e.findings.front();
}

const RecommendationExplanation& recommendation_in(const Explanation& e, const RuleSet& rules, std::string_view id) {
  for (const auto& r : e.recommendations)
    if (rules.recommendations[r.recommendation].id == id) return r;
  FAIL("recommendation " << id << " is not explained");
  return e.recommendations.front();
}

std::vector<std::string> texts_of(const TracedExpression& e, const std::vector<std::uint32_t>& nodes) {
  std::vector<std::string> out;
  for (const auto n : nodes) out.push_back(e.written(n).text);
  return out;
}

ItemRef item(const RuleSet& rules, std::string_view id) {
  const auto found = find_item(rules, id);
  REQUIRE(found.has_value());
  return *found;
}

TEST_CASE("every node of a condition carries its value on the profile, the root first", "[explain]") {
  const RuleSet& rules = alignment();
  const auto profile = profile_of(rules, {{"it.satisfied", 0.12}, {"marketing.satisfied", 0.45}});
  const Explanation e = explain(rules, profile, {item(rules, "unhappy")});
  REQUIRE(e.findings.size() == 1);
  const TracedExpression& when = e.findings[0].condition;
  REQUIRE(when.nodes.size() == 7);
  CHECK(when.written(0).text == "it.satisfied < 30% or marketing.satisfied < 30%");
  CHECK(when.nodes[0].value == 1.0);
  REQUIRE(when.nodes[0].children.size() == 2);
  const auto left = when.nodes[0].children[0];
  const auto right = when.nodes[0].children[1];
  CHECK(when.written(left).text == "it.satisfied < 30%");
  CHECK(when.nodes[left].value == 1.0);
  CHECK(when.nodes[right].value == 0.0);
  const auto& it = when.nodes[when.nodes[left].children[0]];
  CHECK(it.value == Approx(0.12));
  CHECK(when.nodes[when.nodes[left].children[1]].value == Approx(0.30));
}

TEST_CASE("a fired or is settled by its true side, a false and by its false side", "[explain]") {
  const RuleSet& rules = alignment();
  const auto profile = profile_of(rules, {{"it.satisfied", 0.12}, {"marketing.satisfied", 0.45}, {"meetings", 2},
                                          {"it.trust", 2}, {"marketing.trust", 4}});
  const Explanation e = explain(rules, profile, {item(rules, "unhappy"), item(rules, "distrust")});
  const auto& unhappy = finding_in(e, rules, "unhappy");
  CHECK(unhappy.decision.verdict == Verdict::Fired);
  CHECK(texts_of(unhappy.condition, unhappy.decision.because) == std::vector<std::string>{"it.satisfied < 30%"});
  CHECK(unhappy.condition.nodes[0].decisive);

  const auto& distrust = finding_in(e, rules, "distrust");
  CHECK(distrust.decision.verdict == Verdict::NotFired);
  CHECK(texts_of(distrust.condition, distrust.decision.because) == std::vector<std::string>{"silent"});
  // the `or` inside the parentheses played no part
  const auto paren = distrust.condition.nodes[0].children[1];
  CHECK(distrust.condition.written(paren).text == "(it.trust < 3 or marketing.trust < 3)");
  CHECK_FALSE(distrust.condition.nodes[paren].decisive);
}

TEST_CASE("an or that did not fire is settled by every side", "[explain]") {
  const RuleSet& rules = alignment();
  const auto profile = profile_of(rules, {{"it.satisfied", 0.5}, {"marketing.satisfied", 0.45}});
  const Explanation e = explain(rules, profile, {item(rules, "unhappy")});
  CHECK(e.findings[0].decision.verdict == Verdict::NotFired);
  CHECK(texts_of(e.findings[0].condition, e.findings[0].decision.because) ==
        std::vector<std::string>{"it.satisfied < 30%", "marketing.satisfied < 30%"});
}

TEST_CASE("an unknown condition names the metric the profile lacks", "[explain]") {
  const RuleSet& rules = alignment();
  const auto profile = profile_of(rules, {{"marketing.satisfied", 0.45}});
  const Explanation e = explain(rules, profile, {item(rules, "unhappy")});
  const auto& d = e.findings[0].decision;
  CHECK(d.verdict == Verdict::Unknown);
  CHECK(texts_of(e.findings[0].condition, d.because) == std::vector<std::string>{"it.satisfied < 30%"});
  CHECK(d.missing_slots == std::vector<std::uint32_t>{slot_named(rules, "satisfied", Audience::It)});
  CHECK(d.unknown_findings.empty());
  CHECK(e.findings[0].condition.nodes[0].missing_slots == d.missing_slots);
}

TEST_CASE("an unknown condition names the unknown finding it reads, and that finding is explained too", "[explain]") {
  const RuleSet& rules = alignment();
  const auto profile = profile_of(rules, {{"it.trust", 2}, {"marketing.trust", 4}});
  const Explanation e = explain(rules, profile, {item(rules, "rebuild_trust")});
  const auto& rec = recommendation_in(e, rules, "rebuild_trust");
  CHECK(rec.decision.verdict == Verdict::Unknown);
  CHECK(rec.decision.unknown_findings == std::vector<std::uint32_t>{finding_index(rules, "distrust")});
  CHECK_FALSE(rec.priority.has_value());
  CHECK_FALSE(rec.what_it_takes.has_value());
  // distrust reads silent: both are explained, down to the missing meetings
  CHECK(rec.findings_read == std::vector<std::uint32_t>{finding_index(rules, "silent"), finding_index(rules, "distrust")});
  REQUIRE(e.findings.size() == 2);
  const auto& silent = finding_in(e, rules, "silent");
  CHECK(silent.decision.missing_slots == std::vector<std::uint32_t>{slot_named(rules, "meetings", Audience::Company)});
}

TEST_CASE("a chain of one operator reads as one node with every operand, parentheses kept", "[explain]") {
  CheckedRules checked(rules_with("it.sat < 10% or it.sat > 90% or (meetings < 1 or it.score < 2) or it.score > 4"));
  const RuleSet& rules = checked.rules();
  const Explanation e = explain(rules, profile_of(rules, {{"it.sat", 0.5}, {"meetings", 3}, {"it.score", 3}}),
                                {ItemRef{ItemRef::Kind::Finding, 0}});
  const TracedExpression& when = e.findings[0].condition;
  CHECK(texts_of(when, when.nodes[0].children) ==
        std::vector<std::string>{"it.sat < 10%", "it.sat > 90%", "(meetings < 1 or it.score < 2)", "it.score > 4"});
}

TEST_CASE("a fired recommendation's priority is broken into its terms, with its rank", "[explain]") {
  const RuleSet& rules = alignment();
  const auto profile = profile_of(rules, {{"it.satisfied", 0.12}, {"marketing.satisfied", 0.45}, {"meetings", 0.5}});
  const Explanation e = explain(rules, profile, {item(rules, "close_gap"), item(rules, "talk")});
  const auto& close_gap = recommendation_in(e, rules, "close_gap");
  REQUIRE(close_gap.priority.has_value());
  const auto& p = *close_gap.priority;
  CHECK(p.expression.value == Approx(83));
  REQUIRE(p.terms.size() == 2);
  CHECK(p.expression.written(p.terms[0].node).text == "50");
  CHECK(p.expression.written(p.terms[1].node).text == "100 * abs(gap(satisfied))");
  CHECK(p.expression.nodes[p.terms[1].node].value == Approx(33));
  CHECK_FALSE(p.terms[1].subtracted);
  CHECK(p.rank == 1);
  CHECK(p.ranked == 2);
  const auto& talk = recommendation_in(e, rules, "talk");
  REQUIRE(talk.priority.has_value());
  CHECK(talk.priority->rank == 2);
  CHECK(talk.priority->terms.size() == 1);
}

TEST_CASE("a subtraction in a priority is a term of its own, marked subtracted", "[explain]") {
  CheckedRules checked(rules_with("it.sat < 30%", "80 - 100 * it.sat + meetings"));
  const RuleSet& rules = checked.rules();
  const Explanation e = explain(rules, profile_of(rules, {{"it.sat", 0.2}, {"meetings", 2}}),
                                {ItemRef{ItemRef::Kind::Recommendation, 0}});
  const auto& p = *e.recommendations[0].priority;
  REQUIRE(p.terms.size() == 3);
  CHECK(p.expression.written(p.terms[1].node).text == "100 * it.sat");
  CHECK(p.terms[1].subtracted);
  CHECK_FALSE(p.terms[2].subtracted);
  CHECK(p.expression.value == Approx(62));
}

TEST_CASE("explaining everything puts the recommendations that apply first, by rank", "[explain]") {
  const RuleSet& rules = alignment();
  const auto profile = profile_of(rules, {{"it.satisfied", 0.12}, {"marketing.satisfied", 0.45}, {"meetings", 0.5},
                                          {"it.trust", 4}, {"marketing.trust", 4}});
  const Explanation e = explain(rules, profile);
  std::vector<std::string> order;
  for (const auto& r : e.recommendations) order.push_back(rules.recommendations[r.recommendation].id);
  CHECK(order == std::vector<std::string>{"close_gap", "talk", "rebuild_trust"});
  CHECK(e.findings.size() == rules.findings.size());
}

TEST_CASE("an item named twice is explained once", "[explain]") {
  const RuleSet& rules = alignment();
  const auto profile = profile_of(rules, {{"meetings", 0.5}});
  const Explanation e = explain(rules, profile, {item(rules, "talk"), item(rules, "silent"), item(rules, "talk")});
  CHECK(e.recommendations.size() == 1);
  CHECK(e.findings.size() == 1);
}

TEST_CASE("items are found by id, findings and recommendations alike", "[explain]") {
  const RuleSet& rules = alignment();
  CHECK(find_item(rules, "silent") == ItemRef{ItemRef::Kind::Finding, finding_index(rules, "silent")});
  CHECK(find_item(rules, "talk") == ItemRef{ItemRef::Kind::Recommendation, recommendation_index(rules, "talk")});
  CHECK_FALSE(find_item(rules, "satisfied").has_value());
  CHECK(item_ids(rules).size() == rules.findings.size() + rules.recommendations.size());
}

TEST_CASE("operators are spelt as the rules write them", "[explain]") {
  CHECK(spelling(OpCode::Le) == "<=");
  CHECK(spelling(OpCode::And) == "and");
  CHECK(spelling(OpCode::Max) == "max");
}

}  // namespace

}  // namespace rapport::engine::testing
