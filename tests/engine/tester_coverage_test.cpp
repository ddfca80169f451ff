// Rule-test coverage: only expectations that held count, each side separately, and a recommendation
// that could not be assessed has not been shown not to apply.
#include <catch2/catch.hpp>

#include "engine/coverage.hpp"
#include "tester_fixture.hpp"

using namespace rapport::engine;
using namespace rapport::engine::testing;

namespace {

struct Run {
  RuleTestFile file;
  std::vector<RuleTestResult> results;
  Coverage coverage;
};

Run run_all(const std::string& toml, const Profile* base = nullptr) {
  Run run{parse_tests(toml), {}, no_coverage(tester_rules())};
  INFO(dump(run.file.diagnostics));
  REQUIRE(run.file.diagnostics.empty());
  for (const auto& test : run.file.cases) run.results.push_back(run_rule_test(tester_rules(), test, base));
  for (const auto& result : run.results) record(run.coverage, result);
  return run;
}

std::vector<std::string> finding_ids(const std::vector<std::uint32_t>& ids) {
  std::vector<std::string> names;
  for (auto id : ids) names.push_back(tester_rules().findings[id].id);
  return names;
}

std::vector<std::string> recommendation_ids(const std::vector<std::uint32_t>& ids) {
  std::vector<std::string> names;
  for (auto id : ids) names.push_back(tester_rules().recommendations[id].id);
  return names;
}

}  // namespace

TEST_CASE("no case, no coverage: every finding and recommendation is uncovered both ways", "[tester][coverage]") {
  const Coverage coverage = no_coverage(tester_rules());
  CHECK(coverage.total() == 12);
  CHECK(coverage.covered() == 0);
  CHECK_FALSE(coverage.complete());
  CHECK(finding_ids(Coverage::missing(coverage.fired)) == std::vector<std::string>{"unhappy", "silent", "distrust"});
}

TEST_CASE("a finding that fires by accident in a case that does not expect it is not covered",
          "[tester][coverage]") {
  // silent fires here, and talk is recommended, but the case only says that unhappy is unknown.
  const Run run = run_all("[[case]]\nname = \"c\"\n[case.company_metrics]\nmeetings = 0.5\n[case.expect]\n"
                          "unknown = [\"unhappy\"]\n");
  CHECK(run.results[0].passed());
  CHECK(run.coverage.covered() == 0);
}

TEST_CASE("each expectation that held covers its side; failed ones cover nothing", "[tester][coverage]") {
  const Run run = run_all(R"([[case]]
name = "silence"
[case.company_metrics]
meetings = 0.5
[case.expect]
fired = ["silent"]
recommended = ["talk"]
not_fired = ["unhappy"]

[[case]]
name = "monthly meetings"
[case.company_metrics]
meetings = 1
[case.expect]
not_fired = ["silent"]
not_recommended = ["talk"]
)");
  CHECK_FALSE(run.results[0].passed());  // unhappy is unknown, not "not fired"
  CHECK(run.results[1].passed());
  CHECK(run.coverage.covered() == 4);
  CHECK(finding_ids(Coverage::missing(run.coverage.fired)) == std::vector<std::string>{"unhappy", "distrust"});
  CHECK(finding_ids(Coverage::missing(run.coverage.not_fired)) == std::vector<std::string>{"unhappy", "distrust"});
  CHECK(recommendation_ids(Coverage::missing(run.coverage.recommended)) ==
        std::vector<std::string>{"rebuild_trust", "close_gap"});
  CHECK(recommendation_ids(Coverage::missing(run.coverage.not_recommended)) ==
        std::vector<std::string>{"rebuild_trust", "close_gap"});
}

TEST_CASE("not recommended covers a recommendation only when its condition was false, not unknown",
          "[tester][coverage]") {
  const Run run = run_all("[[case]]\nname = \"c\"\n[case.company_metrics]\nmeetings = 0.5\n[case.expect]\n"
                          "not_recommended = [\"rebuild_trust\"]\n");
  CHECK(run.results[0].passed());
  CHECK_FALSE(run.coverage.not_recommended[recommendation_index(tester_rules(), "rebuild_trust")]);
}

TEST_CASE("an order that held covers each of its recommendations as recommended", "[tester][coverage]") {
  const Profile client = base_profile(R"([company]
name = "C"
[it]
satisfied = 0.2
trust = 2
[marketing]
satisfied = 0.7
[company_metrics]
meetings = 0.5
)");
  const Run run = run_all("[[case]]\nname = \"c\"\nprofile = \"c.toml\"\n[case.expect]\n"
                          "order = [\"close_gap\", \"rebuild_trust\", \"talk\"]\n",
                          &client);
  CHECK(run.results[0].passed());
  CHECK(Coverage::missing(run.coverage.recommended).empty());
  CHECK(run.coverage.covered() == 3);
}

TEST_CASE("covering both sides of everything is complete", "[tester][coverage]") {
  const Run run = run_all(R"([[case]]
name = "all fire"
[case.it]
satisfied = 0.2
trust = 2
[case.marketing]
satisfied = 0.7
trust = 4
[case.company_metrics]
meetings = 0.5
[case.expect]
fired = ["unhappy", "silent", "distrust"]
recommended = ["talk", "rebuild_trust", "close_gap"]

[[case]]
name = "none fires"
[case.it]
satisfied = 0.5
trust = 4
[case.marketing]
satisfied = 0.5
trust = 4
[case.company_metrics]
meetings = 2
[case.expect]
not_fired = ["unhappy", "silent", "distrust"]
not_recommended = ["talk", "rebuild_trust", "close_gap"]
)");
  CHECK(run.results[0].passed());
  CHECK(run.results[1].passed());
  CHECK(run.coverage.complete());
  CHECK(run.coverage.covered() == 12);
}
