// The evidence behind a profile's values as rules see it: n(), ci_low(), ci_high(), p_value() and
// significant(); tentative findings; values withheld or set aside for too few answers.
#include <catch2/catch.hpp>

#include "engine/assessment.hpp"
#include "engine/evidence.hpp"
#include "engine/shortfall.hpp"
#include "rules_fixture.hpp"

namespace rapport::engine::testing {

namespace {

// sat for IT and marketing as counts of agreeing people out of n, with the group sizes as respondents.
Profile counted(const RuleSet& rules, int it_yes, int it_n, int marketing_yes, int marketing_n) {
  Profile profile = profile_of(rules, {{"it.sat", double(it_yes) / it_n}, {"marketing.sat", double(marketing_yes) / marketing_n}});
  profile.samples.assign(rules.slots.size(), Sample{});
  profile.samples[slot_named(rules, "sat", Audience::It)] = Sample{it_n, it_yes, std::nullopt};
  profile.samples[slot_named(rules, "sat", Audience::Marketing)] = Sample{marketing_n, marketing_yes, std::nullopt};
  profile.it_respondents = it_n;
  profile.marketing_respondents = marketing_n;
  return profile;
}

double input(const RuleSet& rules, const Evidence& evidence, SlotStatistic which, const char* metric, Audience a) {
  return evidence.inputs[rules.layout().of(which, slot_named(rules, metric, a))];
}

}  // namespace

TEST_CASE("a share given as a count carries its Wilson interval into n, ci_low and ci_high", "[evidence]") {
  // Newcombe (1998), Statistics in Medicine 17:857-872, Table I: 15 of 148 has the Wilson interval 0.0624 to 0.1605.
  const CheckedRules checked(rules_with("n(it.sat) = 148 and ci_low(it.sat) > 6% and ci_high(it.sat) < 16.1%"));
  const RuleSet& rules = checked.rules();
  const Profile profile = counted(rules, 15, 148, 40, 148);
  const Evidence evidence = gather_evidence(rules, profile);
  CHECK(input(rules, evidence, SlotStatistic::N, "sat", Audience::It) == 148);
  CHECK(input(rules, evidence, SlotStatistic::CiLow, "sat", Audience::It) == Approx(0.0624).margin(5e-5));
  CHECK(input(rules, evidence, SlotStatistic::CiHigh, "sat", Audience::It) == Approx(0.1605).margin(5e-5));
  CHECK(evaluate(rules, profile).findings[0].verdict == Verdict::Fired);
}

TEST_CASE("a scale with its sd gets a t interval; without one it has none", "[evidence]") {
  // mean 3, sd 1, n 16: t(0.975, 15) = 2.1314, so 3 ± 2.1314 / 4 = 2.4672 to 3.5328.
  const CheckedRules checked(rules_with("ci_high(it.score) < 3.6"));
  const RuleSet& rules = checked.rules();
  Profile profile = profile_of(rules, {{"it.score", 3.0}});
  profile.samples.assign(rules.slots.size(), Sample{});
  profile.samples[slot_named(rules, "score", Audience::It)] = Sample{16, std::nullopt, 1.0};
  const Evidence evidence = gather_evidence(rules, profile);
  CHECK(input(rules, evidence, SlotStatistic::CiLow, "score", Audience::It) == Approx(2.4672).margin(1e-4));
  CHECK(input(rules, evidence, SlotStatistic::CiHigh, "score", Audience::It) == Approx(3.5328).margin(1e-4));
  CHECK(evaluate(rules, profile).findings[0].verdict == Verdict::Fired);

  profile.samples[slot_named(rules, "score", Audience::It)].sd.reset();
  const Assessment without_sd = evaluate(rules, profile);
  CHECK(without_sd.findings[0].verdict == Verdict::Unknown);
  CHECK(without_sd.findings[0].unsampled_slots == std::vector<std::uint32_t>{slot_named(rules, "score", Audience::It)});
}

TEST_CASE("significant(gap) follows the two-proportion z-test at the chosen level", "[evidence]") {
  // Newcombe (1998), Table II example: 56/70 against 48/80. Pooled z = 2.650, two-sided p = 0.0080.
  const CheckedRules checked(rules_with("significant(gap(sat)) and p_value(gap(sat)) < 1%"));
  const RuleSet& rules = checked.rules();
  const Profile profile = counted(rules, 56, 70, 48, 80);
  const Evidence evidence = gather_evidence(rules, profile);
  const std::uint32_t sat = *rules.metric_index("sat");
  REQUIRE(evidence.gaps[sat].tested);
  CHECK(evidence.gaps[sat].test.p_value == Approx(0.00805).margin(5e-5));
  // Newcombe's hybrid score interval for the difference (method 10): 0.0524 to 0.3339.
  CHECK(evidence.inputs[rules.layout().of(GapStatistic::CiLow, sat)] == Approx(0.0524).margin(5e-5));
  CHECK(evidence.inputs[rules.layout().of(GapStatistic::CiHigh, sat)] == Approx(0.3339).margin(5e-5));
  CHECK(evaluate(rules, profile).findings[0].verdict == Verdict::Fired);
  CHECK(evaluate(rules, profile, {.significance_level = 0.005}).findings[0].verdict == Verdict::NotFired);
}

TEST_CASE("a finding resting on a gap that may be chance is tentative, and so is what it triggers", "[evidence]") {
  const CheckedRules checked(rules_with("gap(sat) >= 10pp"));
  const RuleSet& rules = checked.rules();
  const std::uint32_t sat = *rules.metric_index("sat");
  // 6 of 10 against 4 of 10: +20 pp, z = 0.894, p = 0.371
  const Assessment small = evaluate(rules, counted(rules, 6, 10, 4, 10));
  REQUIRE(small.findings[0].verdict == Verdict::Fired);
  CHECK(small.findings[0].tentative);
  CHECK(small.findings[0].doubted_gaps == std::vector<std::uint32_t>{sat});
  REQUIRE(small.recommendations[0].verdict == Verdict::Fired);
  CHECK(small.recommendations[0].tentative);
  CHECK(small.recommendations[0].doubted_gaps == std::vector<std::uint32_t>{sat});
  // the same shares from 200 people each: z = 4.0, p < 0.001
  const Assessment large = evaluate(rules, counted(rules, 120, 200, 80, 200));
  REQUIRE(large.findings[0].verdict == Verdict::Fired);
  CHECK_FALSE(large.findings[0].tentative);
  CHECK_FALSE(large.recommendations[0].tentative);
}

TEST_CASE("a finding that holds without the doubtful gap is not tentative", "[evidence]") {
  const CheckedRules checked(rules_with("gap(sat) >= 10pp or it.sat > 50%"));
  const Assessment a = evaluate(checked.rules(), counted(checked.rules(), 6, 10, 4, 10));
  REQUIRE(a.findings[0].verdict == Verdict::Fired);
  CHECK_FALSE(a.findings[0].tentative);
}

TEST_CASE("a rule that asks for significance does not fire on a gap that may be chance", "[evidence]") {
  const CheckedRules checked(rules_with("gap(sat) >= 10pp and significant(gap(sat))"));
  const RuleSet& rules = checked.rules();
  CHECK(evaluate(rules, counted(rules, 6, 10, 4, 10)).findings[0].verdict == Verdict::NotFired);
  CHECK(evaluate(rules, counted(rules, 120, 200, 80, 200)).findings[0].verdict == Verdict::Fired);
}

TEST_CASE("without respondent counts gaps are taken at face value and statistics are unknown", "[evidence]") {
  const CheckedRules gap(rules_with("gap(sat) >= 10pp"));
  const Profile bare = profile_of(gap.rules(), {{"it.sat", 0.6}, {"marketing.sat", 0.4}});
  const Assessment a = evaluate(gap.rules(), bare);
  CHECK(a.findings[0].verdict == Verdict::Fired);
  CHECK_FALSE(a.findings[0].tentative);

  const CheckedRules asks(rules_with("significant(gap(sat))"));
  const Assessment b = evaluate(asks.rules(), profile_of(asks.rules(), {{"it.sat", 0.6}, {"marketing.sat", 0.4}}));
  CHECK(b.findings[0].verdict == Verdict::Unknown);
  CHECK(b.findings[0].missing_slots.empty());
  CHECK(b.findings[0].unsampled_slots.size() == 2);
}

TEST_CASE("a group smaller than the anonymity threshold is withheld; a small one is insufficient evidence",
          "[evidence]") {
  const CheckedRules checked(rules_with("it.sat < 30%"));
  const RuleSet& rules = checked.rules();
  const std::uint32_t it_sat = slot_named(rules, "sat", Audience::It);
  Profile profile = profile_of(rules, {{"it.sat", 0.25}});
  profile.it_respondents = 4;

  const Assessment withheld = evaluate(rules, profile);
  CHECK(withheld.evidence.slots[it_sat].standing == Standing::Suppressed);
  CHECK(is_unknown(withheld.evidence.inputs[it_sat]));  // never used, never shown
  REQUIRE(withheld.findings[0].verdict == Verdict::Unknown);
  CHECK(withheld.findings[0].thin_slots == std::vector<std::uint32_t>{it_sat});
  CHECK(withheld.findings[0].missing_slots.empty());
  CHECK(shortfall_of(withheld, withheld.findings[0]).insufficient_evidence());
  CHECK(shortfall_of(withheld, withheld.recommendations[0]).insufficient_evidence());  // through f

  const Assessment too_few = evaluate(rules, profile, {.min_n = 5, .min_group_size = 3});
  CHECK(too_few.evidence.slots[it_sat].standing == Standing::TooFew);
  CHECK(too_few.findings[0].verdict == Verdict::Unknown);

  const Assessment enough = evaluate(rules, profile, {.min_n = 4, .min_group_size = 4});
  CHECK(enough.evidence.slots[it_sat].standing == Standing::Measured);
  CHECK(enough.findings[0].verdict == Verdict::Fired);
}

TEST_CASE("a question answered by too few is withheld even when the group is large", "[evidence]") {
  const CheckedRules checked(rules_with("it.sat < 30%"));
  const RuleSet& rules = checked.rules();
  Profile profile = counted(rules, 1, 4, 10, 20);
  profile.it_respondents = 20;  // the group is large; only 4 answered this question
  const Assessment a = evaluate(rules, profile);
  CHECK(a.evidence.slots[slot_named(rules, "sat", Audience::It)].standing == Standing::Suppressed);
  CHECK(a.evidence.slots[slot_named(rules, "sat", Audience::Marketing)].standing == Standing::Measured);
  CHECK_FALSE(a.evidence.gaps[*rules.metric_index("sat")].tested);
}

TEST_CASE("missing data is not assessed rather than insufficient evidence", "[evidence]") {
  const CheckedRules checked(rules_with("it.sat < 30% and meetings < 2"));
  const RuleSet& rules = checked.rules();
  Profile profile = profile_of(rules, {{"it.sat", 0.25}});
  profile.it_respondents = 3;
  const Assessment a = evaluate(rules, profile);
  const Shortfall lacks = shortfall_of(a, a.findings[0]);
  CHECK(lacks.missing == std::vector<std::uint32_t>{slot_named(rules, "meetings", Audience::Company)});
  CHECK(lacks.thin == std::vector<std::uint32_t>{slot_named(rules, "sat", Audience::It)});
  CHECK_FALSE(lacks.insufficient_evidence());
}

}  // namespace rapport::engine::testing
