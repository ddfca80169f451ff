// The condition lint: conditions that never or always hold, thresholds outside a metric's range,
// equivalent conditions and recommendations only unknown-prone metrics can trigger. Each warning
// is a proof, so the near misses below — boundaries, missing values, gaps, findings — stay silent.
#include <catch2/catch.hpp>

#include <chrono>

#include "dsl/diagnostic_codes.hpp"
#include "rules_fixture.hpp"

namespace rapport::engine::testing {
namespace code = dsl::code;

namespace {

// The codes the prover backs; near misses must raise none of them.
const char* const kProofCodes[] = {code::condition_never_holds, code::condition_always_holds,
                                   code::threshold_out_of_range, code::equivalent_conditions,
                                   code::unknown_prone_trigger};

void require_silent(const CheckedRules& rules) {
  INFO(rules.dump());
  REQUIRE(rules.result().rules.has_value());
  for (const char* c : kProofCodes) CHECK(rules.with_code(c).empty());
}

// A recommendation of eight lines whose condition starts at line +4, column 8.
std::string recommendation_text(const std::string& id, const std::string& when) {
  return "recommendation " + id + "\n  title \"R\"\n  owner both\n  horizon 30 days\n  when " + when +
         "\n  priority 10\n  action \"Act\"\nend\n";
}

}  // namespace

// ---------------------------------------------------------------- skipping the lints

TEST_CASE("checking for evaluation or explanation gives the same rule set and errors, without the warnings",
          "[checker][lint][prover]") {
  const std::string text = rules_with("it.sat > 60% and it.sat < 40%");
  const CheckedRules linted(text, CheckFor::Everything);
  const CheckedRules plain(text, CheckFor::Evaluation);
  const CheckedRules explained(text, CheckFor::Explanation);
  REQUIRE_FALSE(linted.with_code(code::condition_never_holds).empty());
  CHECK(plain.diagnostics().empty());
  CHECK(explained.diagnostics().empty());
  const RuleSet& a = linted.rules();
  const RuleSet& b = plain.rules();
  REQUIRE(a.findings.size() == b.findings.size());
  CHECK(a.finding_order == b.finding_order);
  for (std::size_t f = 0; f < a.findings.size(); ++f) {
    CHECK(a.findings[f].condition.code.size() == b.findings[f].condition.code.size());
    CHECK(a.findings[f].condition.constants == b.findings[f].condition.constants);
    // The explanation trees are built only for those who read them.
    CHECK(b.findings[f].condition_tree.nodes.empty());
    CHECK(explained.rules().findings[f].condition_tree.nodes.size() == a.findings[f].condition_tree.nodes.size());
    CHECK_FALSE(a.findings[f].condition_tree.nodes.empty());
  }
  // An error is still an error: an unknown metric.
  const CheckedRules broken(rules_with("it.nonexistent > 60%"), CheckFor::Evaluation);
  CHECK_FALSE(broken.result().rules.has_value());
  CHECK_FALSE(broken.diagnostics().empty());
}

// ---------------------------------------------------------------- never / always

TEST_CASE("a condition no values satisfy, like x > 60% and x < 40%, never holds", "[checker][lint][prover]") {
  const CheckedRules rules(rules_with("it.sat > 60% and it.sat < 40%"));
  const auto found = rules.with_code(code::condition_never_holds);
  INFO(rules.dump());
  REQUIRE(found.size() == 2);  // the finding, and the recommendation that reads only it
  const auto& finding = *found[0];
  CHECK(finding.severity == dsl::DiagSeverity::Warning);
  CHECK(at(finding) == "23:8");
  CHECK(finding.message == "the condition of finding 'f' never holds, whatever the profile says");
  CHECK(finding.help.find("the finding never fires") != std::string::npos);
  const auto& recommendation = *found[1];
  CHECK(at(recommendation) == "31:8");
  CHECK(recommendation.message == "the condition of recommendation 'r' never holds, whatever the profile says");
  REQUIRE(recommendation.notes.size() == 1);
  CHECK(recommendation.notes[0].message == "finding 'f', which it reads, never holds");
  CHECK(at(*recommendation.notes[0].where) == "23:8");
  CHECK(rules.result().rules.has_value());
}

TEST_CASE("a strict and a non-strict bound at one threshold never meet, while two non-strict ones do",
          "[checker][lint][prover]") {
  CHECK(CheckedRules(rules_with("it.sat < 40% and it.sat >= 40%")).with_code(code::condition_never_holds).size() == 2);
  CHECK(CheckedRules(rules_with("it.sat > 40% and it.sat <= 40%")).with_code(code::condition_never_holds).size() == 2);
  require_silent(CheckedRules(rules_with("it.sat <= 40% and it.sat >= 40%")));
  require_silent(CheckedRules(rules_with("it.sat = 40% and not it.sat != 40%")));
}

TEST_CASE("values within the evaluator's tolerance of a threshold count as equal to it", "[checker][lint][prover]") {
  // 40.00000005% is 0.4000000005, within 1e-9 of 40%: no share is above the one and below the other.
  CHECK(CheckedRules(rules_with("it.sat > 40% and it.sat < 40.00000005%")).with_code(code::condition_never_holds).size() == 2);
  require_silent(CheckedRules(rules_with("it.sat > 40% and it.sat < 40.001%")));
}

TEST_CASE("a gap is reasoned about through both of its shares", "[checker][lint][prover]") {
  // it - marketing > 50pp needs it above 50%.
  CHECK(CheckedRules(rules_with("gap(sat) > 50pp and it.sat < 40%")).with_code(code::condition_never_holds).size() == 2);
  require_silent(CheckedRules(rules_with("gap(sat) > 30pp and it.sat < 40%")));
  require_silent(CheckedRules(rules_with("gap(sat) > 30pp and it.sat - marketing.sat < 40pp")));
}

TEST_CASE("a condition true for every known value always holds, whenever its data is known", "[checker][lint][prover]") {
  const CheckedRules rules(rules_with("it.sat < 30% or it.sat >= 30%"));
  const auto found = rules.with_code(code::condition_always_holds);
  INFO(rules.dump());
  REQUIRE(found.size() == 2);
  CHECK(at(*found[0]) == "23:8");
  CHECK(found[0]->message == "the condition of finding 'f' always holds whenever its data is known");
  CHECK(found[1]->notes.at(0).message == "finding 'f', which it reads, always holds whenever its data is known");
  CHECK(CheckedRules(rules_with("it.sat < 50% or it.sat > 40%")).with_code(code::condition_always_holds).size() == 2);
  CHECK(CheckedRules(rules_with("known(it.sat) or not known(it.sat)")).with_code(code::condition_always_holds).size() == 2);
}

TEST_CASE("an or that covers the range only when the value is known does not always hold", "[checker][lint][prover]") {
  // Without the share, both defaults make the condition false: it can be false for a real profile.
  require_silent(CheckedRules(rules_with("default(it.sat, 60%) < 50% or default(it.sat, 40%) >= 50%")));
  require_silent(CheckedRules(rules_with("it.sat < 30% or marketing.sat >= 30%")));
  require_silent(CheckedRules(rules_with("not known(it.sat)")));
  require_silent(CheckedRules(rules_with("known(it.sat) and it.sat < 30%")));
  require_silent(CheckedRules(rules_with("it.sat < 30% or not known(it.sat)")));
}

TEST_CASE("a condition that only a missing value makes true is not reported as never holding", "[checker][lint][prover]") {
  require_silent(CheckedRules(rules_with("not known(it.sat) and default(it.sat, 50%) = 50%")));
  require_silent(CheckedRules(rules_with("default(it.sat, 2) > 1")));
  // Always true for a known share, but false when it is missing: the default says so on purpose.
  require_silent(CheckedRules(rules_with("default(it.sat, -1) >= 0%")));
}

TEST_CASE("findings read by a condition are reasoned about through their own conditions", "[checker][lint][prover]") {
  std::string text = rules_with("it.sat < 40%", "50", "f and g");
  text += finding_text("g", "it.sat > 60%", "accenture");
  const CheckedRules rules(text);
  const auto& d = rules.only(code::condition_never_holds);
  CHECK(at(d) == "31:8");
  CHECK(d.message == "the condition of recommendation 'r' never holds, whatever the profile says");
  CHECK(d.notes.empty());  // neither finding is wrong on its own

  std::string apart = rules_with("it.sat < 40%", "50", "f and g");
  apart += finding_text("g", "marketing.sat > 60%", "accenture");
  require_silent(CheckedRules(apart));
}

TEST_CASE("weight() is zero or the finding's severity", "[checker][lint][prover]") {
  // f is high (4): weight(f) is 0 or 4, so 'weight(f) > 4' can never be true.
  const CheckedRules rules(rules_with("it.sat < 30%", "50", "f and weight(f) > 4"));
  CHECK(rules.with_code(code::threshold_out_of_range).size() == 1);
  require_silent(CheckedRules(rules_with("it.sat < 30%", "50", "f and weight(f) >= 4")));
}

// ---------------------------------------------------------------- thresholds

TEST_CASE("a threshold above a scale's highest value is always true, and the help says why", "[checker][lint][prover]") {
  const CheckedRules rules(rules_with("it.score < 7 and it.sat < 30%"));
  const auto& d = rules.only(code::threshold_out_of_range);
  CHECK(d.severity == dsl::DiagSeverity::Warning);
  CHECK(at(d) == "23:8");
  CHECK(d.where.length == 12);
  CHECK(d.message == "'it.score < 7' is always true whenever its data is known");
  CHECK(d.help == "this comparison is always true for a scale from 1 to 5: 5 is its highest value");
  CHECK(rules.with_code(code::condition_never_holds).empty());
  CHECK(rules.with_code(code::condition_always_holds).empty());
}

TEST_CASE("a share at or above 0% is always true, a scale above its top never", "[checker][lint][prover]") {
  const CheckedRules share(rules_with("it.sat >= 0%"));
  const auto& d = share.only(code::threshold_out_of_range);
  CHECK(d.help == "this comparison is always true for a share: 0% is its lowest value");
  // The comparison explains the finding's condition; the recommendation that reads it is told why.
  const auto& always = share.only(code::condition_always_holds);
  CHECK(at(always) == "31:8");
  REQUIRE(always.notes.size() == 1);
  CHECK(always.notes[0].message == "finding 'f', which it reads, always holds whenever its data is known");

  const CheckedRules scale(rules_with("it.sat < 30% or 5 < it.score"));
  const auto& never = scale.only(code::threshold_out_of_range);
  CHECK(never.message == "'5 < it.score' is never true");
  CHECK(never.help == "this comparison is never true for a scale from 1 to 5: 5 is its highest value");

  const CheckedRules gap(rules_with("abs(gap(sat)) >= 0pp and it.sat < 30%"));
  CHECK(gap.only(code::threshold_out_of_range).help == "'abs(gap(sat))' is never below 0pp");
}

TEST_CASE("thresholds inside a metric's range, and numbers without a range, are not out of range", "[checker][lint][prover]") {
  require_silent(CheckedRules(rules_with("it.score < 5 and it.score >= 1.5 and it.sat > 0% and it.sat < 100%")));
  require_silent(CheckedRules(rules_with("meetings < 0 or meetings > 1000000", "50", "f or it.sat < 10%")));
  require_silent(CheckedRules(rules_with("gap(sat) <= -100pp or gap(sat) >= 100pp")));
}

TEST_CASE("a share compared with a plain number is left to suspicious-threshold", "[checker][lint][prover]") {
  const CheckedRules rules(rules_with("it.sat > 50"));
  CHECK(rules.with_code(code::suspicious_threshold).size() == 1);
  CHECK(rules.with_code(code::threshold_out_of_range).empty());
}

// ---------------------------------------------------------------- equivalent conditions

TEST_CASE("two findings whose conditions differ only in the order of operands are equivalent", "[checker][lint][prover]") {
  std::string text = rules_with("it.sat < 30% and marketing.sat < 30%", "50", "f or g");
  text += finding_text("g", "marketing.sat < 30% and it.sat < 30%", "accenture");
  const CheckedRules rules(text);
  const auto& d = rules.only(code::equivalent_conditions);
  CHECK(at(d) == "38:8");
  CHECK(d.message ==
        "the condition of finding 'g' is equivalent to that of finding 'f': they hold for exactly the same profiles");
  REQUIRE(d.notes.size() == 1);
  CHECK(d.notes[0].message == "first declared here");
  CHECK(at(*d.notes[0].where) == "23:8");
}

TEST_CASE("x < 30% and not x >= 30%, gap(m) and it.m - marketing.m are the same condition", "[checker][lint][prover]") {
  std::string text = rules_with("it.sat < 30%", "50", "f or g or h");
  text += finding_text("g", "not it.sat >= 30%", "accenture");
  text += finding_text("h", "gap(sat) >= 8pp", "accenture") + finding_text("k", "it.sat - marketing.sat >= 8pp", "accenture");
  text += recommendation_text("r2", "k");
  const CheckedRules rules(text);
  INFO(rules.dump());
  CHECK(rules.with_code(code::equivalent_conditions).size() == 2);
}

TEST_CASE("conditions that differ on a boundary or on a missing value are not equivalent", "[checker][lint][prover]") {
  for (const std::string other : {"it.sat <= 30%", "default(it.sat, 0) < 30%", "it.sat < 30% and known(marketing.sat)",
                                  "marketing.sat < 30%", "it.sat < 30.1%"}) {
    std::string text = rules_with("it.sat < 30%", "50", "f or g");
    text += finding_text("g", other, "accenture");
    INFO(other);
    require_silent(CheckedRules(text));
  }
}

TEST_CASE("equivalence through findings is found by reasoning over what they read", "[checker][lint][prover]") {
  // g reads f; 'g' and 'it.sat < 30% and meetings < 1' are the same condition.
  std::string text = rules_with("it.sat < 30%", "50", "g or h");
  text += finding_text("g", "f and meetings < 1", "accenture");
  text += finding_text("h", "meetings < 1 and it.sat < 30%", "accenture");
  const CheckedRules rules(text);
  CHECK(rules.only(code::equivalent_conditions).message.find("finding 'h'") != std::string::npos);
}

TEST_CASE("recommendations are compared with recommendations only", "[checker][lint][prover]") {
  const CheckedRules same(rules_with("it.sat < 30%") + recommendation_text("r2", "f"));
  const auto& d = same.only(code::equivalent_conditions);
  CHECK(d.message.find("recommendation 'r2'") != std::string::npos);
  CHECK(at(d) == "39:8");
  // A recommendation whose condition is the finding's own is not compared with the finding.
  require_silent(CheckedRules(rules_with("it.sat < 30%", "50", "it.sat < 30%")));
}

// ---------------------------------------------------------------- unknown-prone metrics

TEST_CASE("a recommendation only company figures can trigger is reported", "[checker][lint][prover]") {
  const CheckedRules rules(rules_with("it.sat < 30%", "50", "meetings < 1"));
  const auto& d = rules.only(code::unknown_prone_trigger);
  CHECK(at(d) == "31:8");
  CHECK(d.message == "only company figures can trigger recommendation 'r': with 'meetings' missing it is never "
                     "made, whatever the survey answers");
  // Through a finding, too.
  std::string text = rules_with("it.sat < 30%", "50", "g");
  text += finding_text("g", "meetings < 1 and default(it.sat, 0) < 50%", "accenture");
  CHECK(CheckedRules(text).with_code(code::unknown_prone_trigger).size() == 1);
}

TEST_CASE("a recommendation a survey answer or a company flag can trigger is not unknown-prone", "[checker][lint][prover]") {
  require_silent(CheckedRules(rules_with("it.sat < 30%", "50", "meetings < 1 or f")));
  require_silent(CheckedRules(rules_with("it.sat < 30%", "50", "default(meetings, 0) < 1")));
  require_silent(CheckedRules(rules_with("it.sat < 30%", "50", "not known(meetings)")));
  const std::string flag = "metric charter\n  question \"Q\"\n  kind flag\n  asked company\nend\n";
  require_silent(CheckedRules(rules_with("it.sat < 30%", "50", "charter and meetings < 1 or not charter") + flag));
}

// ---------------------------------------------------------------- the budget

TEST_CASE("a condition too large to decide within the budget gives up quickly and silently", "[checker][lint][prover]") {
  // Never true (a sum minus itself is 0), but intervals forget that both sums are one: proving it
  // would need every one of sixty shares split very finely, far past the budget.
  std::string metrics, sum;
  for (int i = 0; i < 30; ++i) {
    const std::string id = "m" + std::to_string(i);
    metrics += "metric " + id + "\n  question \"Q\"\n  kind share\n  asked both\nend\n";
    sum += (i == 0 ? "" : " + ") + std::string("gap(") + id + ")";
  }
  const auto start = std::chrono::steady_clock::now();
  const CheckedRules rules(rules_with("(" + sum + ") - (" + sum + ") > 1pp") + metrics);
  const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  INFO(rules.dump());
  CHECK(rules.with_code(code::condition_never_holds).empty());
  CHECK(seconds < 5);
}

}  // namespace rapport::engine::testing
