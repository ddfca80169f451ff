// Running rule test cases: each kind of expectation holding and failing, the ranking order, and a
// base profile with the case's own values and missing values laid over it.
#include <catch2/catch.hpp>

#include <deque>

#include "tester_fixture.hpp"

using namespace rapport::engine;
using namespace rapport::engine::testing;

namespace {

// Parses a file of one case and runs it, on `base` when given.
RuleTestResult run_one(const std::string& toml, const Profile* base = nullptr) {
  static std::deque<RuleTestFile> keep;  // results point at their case, so cases never move
  keep.push_back(parse_tests(toml));
  INFO(dump(keep.back().diagnostics));
  REQUIRE(keep.back().cases.size() == 1);
  return run_rule_test(tester_rules(), keep.back().cases.front(), base);
}

const std::string kSilent = "[[case]]\nname = \"c\"\n[case.company_metrics]\nmeetings = 0.5\n[case.expect]\n";

const std::string kClient = R"([company]
name = "Fixture Client"
industry = "Freight"
[respondents]
it = 10
[it]
satisfied = 0.20
trust = 2
[marketing]
satisfied = 0.70
trust = 4
[company_metrics]
meetings = 0.5
)";

}  // namespace

TEST_CASE("fired, not fired and unknown hold when the finding's verdict matches", "[tester][run]") {
  const auto result = run_one(kSilent + "fired = [\"silent\"]\nunknown = [\"distrust\", \"unhappy\"]\n");
  CHECK(result.passed());
  REQUIRE(result.expectations.size() == 3);
  for (const auto& checked : result.expectations) CHECK(checked.held);
  CHECK(result.expectations[0].actual == Verdict::Fired);
  CHECK(result.expectations[1].actual == Verdict::Unknown);

  const auto quiet = run_one("[[case]]\nname = \"c\"\n[case.company_metrics]\nmeetings = 1\n[case.expect]\n"
                             "not_fired = [\"silent\", \"distrust\"]\n");
  CHECK(quiet.passed());
}

TEST_CASE("a finding expectation fails with the verdict the rules actually gave", "[tester][run]") {
  const auto result = run_one(kSilent + "not_fired = [\"silent\"]\nfired = [\"distrust\"]\n");
  CHECK_FALSE(result.passed());
  REQUIRE(result.expectations.size() == 2);
  CHECK_FALSE(result.expectations[0].held);
  CHECK(result.expectations[0].actual == Verdict::Fired);
  CHECK_FALSE(result.expectations[1].held);
  CHECK(result.expectations[1].actual == Verdict::Unknown);
}

TEST_CASE("recommended holds only when the recommendation fires; not recommended when it does not appear",
          "[tester][run]") {
  const auto result =
      run_one(kSilent + "recommended = [\"talk\"]\nnot_recommended = [\"rebuild_trust\", \"close_gap\"]\n");
  CHECK(result.passed());
  // rebuild_trust could not be assessed (trust unknown): it does not appear, so the expectation holds.
  CHECK(result.expectations[1].actual == Verdict::Unknown);

  const auto failing = run_one(kSilent + "recommended = [\"rebuild_trust\"]\nnot_recommended = [\"talk\"]\n");
  CHECK_FALSE(failing.passed());
  CHECK_FALSE(failing.expectations[0].held);
  CHECK(failing.expectations[0].actual == Verdict::Unknown);
  CHECK_FALSE(failing.expectations[1].held);
  CHECK(failing.expectations[1].actual == Verdict::Fired);
}

TEST_CASE("an order holds when the listed recommendations appear in that relative order", "[tester][run]") {
  const Profile client = base_profile(kClient);
  // close_gap 50 + 100 * 0.5 = 100, rebuild_trust 70, talk 40.
  const std::string head = "[[case]]\nname = \"c\"\nprofile = \"client.toml\"\n[case.expect]\n";
  auto result = run_one(head + "order = [\"close_gap\", \"talk\"]\n", &client);
  CHECK(result.passed());
  REQUIRE(result.order);
  CHECK(result.order->held);

  result = run_one(head + "order = [\"talk\", \"close_gap\", \"rebuild_trust\"]\n", &client);
  CHECK_FALSE(result.passed());
  const RuleSet& rules = tester_rules();
  CHECK(result.order->actual == std::vector<std::uint32_t>{recommendation_index(rules, "close_gap"),
                                                           recommendation_index(rules, "rebuild_trust"),
                                                           recommendation_index(rules, "talk")});
}

TEST_CASE("an order fails when a listed recommendation does not appear at all", "[tester][run]") {
  const auto result = run_one(kSilent + "order = [\"talk\", \"rebuild_trust\"]\n");
  CHECK_FALSE(result.passed());
  REQUIRE(result.order);
  CHECK(result.order->actual == std::vector<std::uint32_t>{recommendation_index(tester_rules(), "talk")});
}

TEST_CASE("a case's values override its base profile's, and its missing values are removed", "[tester][run]") {
  const Profile client = base_profile(kClient);
  const auto result = run_one(R"([[case]]
name = "c"
profile = "client.toml"
missing = ["it.satisfied"]
[case.company]
name = "Renamed"
[case.company_metrics]
meetings = 2
[case.expect]
not_fired = ["silent", "distrust"]
unknown = ["unhappy"]
)",
                              &client);
  CHECK(result.passed());
  const RuleSet& rules = tester_rules();
  CHECK(result.profile.values[slot_named(rules, "meetings", Audience::Company)] == 2);
  CHECK(is_unknown(result.profile.values[slot_named(rules, "satisfied", Audience::It)]));
  CHECK(result.profile.values[slot_named(rules, "satisfied", Audience::Marketing)] == Approx(0.70));
  CHECK(result.profile.values[slot_named(rules, "trust", Audience::It)] == 2);
  CHECK(result.profile.company.name == "Renamed");
  CHECK(result.profile.company.industry == "Freight");
  CHECK(result.profile.it_respondents == 10);
}

TEST_CASE("a case without a base profile or a company name is evaluated as 'Test case'", "[tester][run]") {
  const auto result = run_one(kSilent + "fired = [\"silent\"]\n");
  CHECK(result.profile.company.name == "Test case");
  CHECK(result.profile.values.size() == tester_rules().slots.size());
}
