// Evaluation warnings: a division by zero or an overflow leaves a condition or priority unknown, and the
// assessment says which rule and which field, so the consultant can check the figures it read.
#include <catch2/catch.hpp>

#include "engine/batch_evaluate.hpp"
#include "rules_fixture.hpp"

namespace rapport::engine::testing {

namespace {

// A source and one company figure, `done`, for the rule sets below.
const std::string kDone = R"(source s
  title "S"
end
metric done
  question "Q"
  kind number
  asked company
end
)";

// `behind` divides in its condition, `catch_up` in its priority, `scale_up` multiplies in its priority.
const std::string kRules = kDone + R"(metric planned
  question "Q"
  kind number
  asked company
end
finding behind
  title "Behind"
  severity high
  when done / planned < 0.5
  evidence s "q"
  narrative "n"
end
finding behind_again
  title "Behind again"
  severity low
  when behind and done > 1
  evidence s "q"
  narrative "n"
end
recommendation catch_up
  title "Catch up"
  owner both
  horizon 30 days
  when done >= 0
  priority 100 / planned
  action "a"
end
recommendation scale_up
  title "Scale up"
  owner both
  horizon 30 days
  when done >= 0
  priority done * 1)" + std::string(300, '0') + R"(
  action "a"
end
recommendation guarded
  title "Guarded"
  owner both
  horizon 30 days
  when planned > 0 and done / planned < 0.5
  priority default(done / planned, 0)
  action "a"
end
)";

using Rule = EvaluationWarning::Rule;
using Field = EvaluationWarning::Field;

struct Expected {
  Rule rule;
  std::string id;
  Field field;
  Fault fault;
};

void check_warnings(const RuleSet& rules, const Assessment& assessment, const std::vector<Expected>& expected) {
  REQUIRE(assessment.warnings.size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    INFO("warning " << i << ": " << expected[i].id);
    const EvaluationWarning& w = assessment.warnings[i];
    CHECK(w.rule == expected[i].rule);
    CHECK(w.index == (expected[i].rule == Rule::Finding ? finding_index(rules, expected[i].id)
                                                        : recommendation_index(rules, expected[i].id)));
    CHECK(w.field == expected[i].field);
    CHECK(w.fault == expected[i].fault);
  }
}

}  // namespace

TEST_CASE("a division by zero leaves a condition or a priority unknown and warns, naming the rule and the field",
          "[evaluate][warnings]") {
  const CheckedRules checked(kRules);
  const RuleSet& rules = checked.rules();
  const Assessment a = evaluate(rules, profile_of(rules, {{"done", 3}, {"planned", 0}}));
  CHECK(a.findings[finding_index(rules, "behind")].verdict == Verdict::Unknown);
  const auto& catch_up = a.recommendations[recommendation_index(rules, "catch_up")];
  CHECK(catch_up.verdict == Verdict::Fired);
  CHECK(is_unknown(catch_up.priority));
  CHECK(a.ranking.back() == recommendation_index(rules, "catch_up"));  // an unknown priority ranks last
  // behind_again is unknown only because behind is: the warning is behind's alone.
  CHECK(a.findings[finding_index(rules, "behind_again")].verdict == Verdict::Unknown);
  check_warnings(rules, a,
                 {{Rule::Finding, "behind", Field::Condition, Fault::DivisionByZero},
                  {Rule::Recommendation, "catch_up", Field::Priority, Fault::DivisionByZero}});
}

TEST_CASE("a priority that overflows is unknown, ranks last and warns of an overflow", "[evaluate][warnings]") {
  const CheckedRules checked(kRules);
  const RuleSet& rules = checked.rules();
  const Assessment a = evaluate(rules, profile_of(rules, {{"done", 1e10}, {"planned", 4}}));
  const auto& scale_up = a.recommendations[recommendation_index(rules, "scale_up")];
  CHECK(scale_up.verdict == Verdict::Fired);
  CHECK(is_unknown(scale_up.priority));
  CHECK(a.ranking.back() == recommendation_index(rules, "scale_up"));
  check_warnings(rules, a, {{Rule::Recommendation, "scale_up", Field::Priority, Fault::Overflow}});
  // 1e10 × 1e300 overflows; 1 × 1e300 does not.
  CHECK(evaluate(rules, profile_of(rules, {{"done", 1}, {"planned", 4}})).warnings.empty());
}

TEST_CASE("no warning when a division by zero does not decide the result, or no figure is zero",
          "[evaluate][warnings]") {
  const CheckedRules checked(kRules);
  const RuleSet& rules = checked.rules();
  // guarded: `planned > 0 and ...` is false whatever the division gives, and default(...) catches it.
  const Assessment zero = evaluate(rules, profile_of(rules, {{"done", 0}, {"planned", 0}}));
  for (const auto& w : zero.warnings) CHECK(w.index != recommendation_index(rules, "guarded"));
  CHECK(zero.recommendations[recommendation_index(rules, "guarded")].verdict == Verdict::NotFired);
  // Figures that are missing make results unknown too, but that is missing data, not a division by zero.
  CHECK(evaluate(rules, profile_of(rules, {{"done", 3}})).warnings.empty());
  CHECK(evaluate(rules, profile_of(rules, {{"done", 3}, {"planned", 4}})).warnings.empty());
}

TEST_CASE("a fault is found where it happens in the program: the division, or the value that overflowed",
          "[evaluate][warnings]") {
  const CheckedRules checked(kRules);
  const RuleSet& rules = checked.rules();
  const Program& condition = rules.findings[finding_index(rules, "behind")].condition;
  std::vector<double> inputs(rules.layout().size(), kUnknown);
  const std::vector<double> findings(rules.findings.size(), kUnknown);
  const auto done = slot_named(rules, "done", Audience::Company);  // a slot is its own input
  const auto planned = slot_named(rules, "planned", Audience::Company);
  inputs[done] = 3;
  inputs[planned] = 0;
  CHECK(find_fault(condition, inputs.data(), findings.data()) == Fault::DivisionByZero);
  inputs[planned] = 1e-320;  // 3 / 1e-320 is beyond a double
  CHECK(find_fault(condition, inputs.data(), findings.data()) == Fault::Overflow);
  inputs[planned] = 2;
  CHECK(find_fault(condition, inputs.data(), findings.data()) == Fault::None);
}

TEST_CASE("an overflow is unknown where it happens, so no comparison or default treats it as a figure",
          "[evaluate][warnings]") {
  const std::string big = "1" + std::string(300, '0');
  const CheckedRules checked(kDone + R"(finding same_huge
  title "Same huge"
  severity low
  when done * )" + big + R"( == done * )" + big + R"(0
  evidence s "q"
  narrative "n"
end
finding guarded_huge
  title "Guarded huge"
  severity low
  when default(done * )" + big + R"(, 5) > 4
  evidence s "q"
  narrative "n"
end
)");
  const RuleSet& rules = checked.rules();
  const auto same_huge = finding_index(rules, "same_huge"), guarded = finding_index(rules, "guarded_huge");
  // 1e10 × 1e300 and 1e10 × 1e301 are both beyond a double: as infinities they would compare equal.
  const Profile huge = profile_of(rules, {{"done", 1e10}});
  const Assessment a = evaluate(rules, huge);
  CHECK(a.findings[same_huge].verdict == Verdict::Unknown);
  CHECK(a.findings[guarded].verdict == Verdict::Fired);  // default(...) stands in for the unknown product
  check_warnings(rules, a, {{Rule::Finding, "same_huge", Field::Condition, Fault::Overflow}});
  // Small enough figures compare as numbers: 1e300 is not 1e301.
  const Profile small = profile_of(rules, {{"done", 1}});
  const Assessment b = evaluate(rules, small);
  CHECK(b.findings[same_huge].verdict == Verdict::NotFired);
  CHECK(b.findings[guarded].verdict == Verdict::Fired);
  CHECK(b.warnings.empty());
  // rapport batch's block evaluator says the same.
  BatchEvaluator batch(rules);
  const std::vector<Profile> profiles = {huge, small};
  std::vector<BatchOutcome> outcomes(profiles.size());
  batch.evaluate(profiles, outcomes);
  CHECK(outcomes[0].unknown_findings == std::vector<std::uint32_t>{same_huge});
  CHECK(outcomes[0].fired_findings == std::vector<std::uint32_t>{guarded});
  CHECK(outcomes[1].unknown_findings.empty());
  CHECK(outcomes[1].fired_findings == std::vector<std::uint32_t>{guarded});
}

}  // namespace rapport::engine::testing
