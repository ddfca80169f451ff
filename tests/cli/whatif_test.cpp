// `rapport whatif` end to end on the small fixture rule set: recommendations that appear, disappear
// and move, findings that change, removing a value, nothing changing, --set errors, JSON, help.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "run_rapport.hpp"

using nlohmann::json;
using rapport::test::fixture;
using rapport::test::run_rapport;

namespace {

const std::string kRules = fixture("rules/alignment.rules");

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

rapport::test::RunResult whatif(std::vector<std::string> settings, const std::string& profile = "full.toml") {
  std::vector<std::string> args{"whatif", fixture(profile), "-r", kRules};
  for (const auto& s : settings) {
    args.push_back("--set");
    args.push_back(s);
  }
  return run_rapport(args);
}

}  // namespace

TEST_CASE("whatif shows the value changed, what disappears, what moves up, and the findings that change",
          "[e2e][whatif]") {
  auto result = whatif({"marketing.satisfied=30%"});
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  CHECK(has(result.out, "Rapport what-if: Fixture Full"));
  CHECK(has(result.out, "marketing.satisfied  5% → 30%"));
  CHECK(has(result.out, "RECOMMENDATIONS  2 moved up, 1 disappeared"));
  CHECK(has(result.out, "moved up    #2 → #1   Rebuild trust"));
  CHECK(has(result.out, "moved up    #3 → #2   Talk more"));
  CHECK(has(result.out, "disappeared was #1    Close the satisfaction gap"));
  CHECK(has(result.out, "close_gap · priority was 85 · now not fired"));
  CHECK(has(result.out, "fired → not fired     Few are satisfied"));
  CHECK(has(result.out, "1.    70  Rebuild trust · rebuild_trust"));
  CHECK(has(result.out, "2.    40  Talk more · talk"));
}

TEST_CASE("whatif shows a recommendation that appears and one that moves down", "[e2e][whatif]") {
  auto result = whatif({"marketing.satisfied=10%"}, "patchy.toml");
  REQUIRE(result.exit_code == 0);
  CHECK(has(result.out, "marketing.satisfied  unknown → 10%"));
  CHECK(has(result.out, "appeared    #1        Close the satisfaction gap"));
  CHECK(has(result.out, "close_gap · priority 90"));
  CHECK(has(result.out, "moved down  #1 → #2   Talk more"));
  CHECK(has(result.out, "unknown → fired"));
}

TEST_CASE("whatif with unknown removes a value, as if it had not been measured", "[e2e][whatif]") {
  auto result = whatif({"meetings=unknown"});
  REQUIRE(result.exit_code == 0);
  CHECK(has(result.out, "meetings  0.5 → unknown (as if not measured)"));
  CHECK(has(result.out, "rebuild_trust · priority was 70 · now unknown: not assessed"));
  CHECK(has(result.out, "fired → unknown       They do not talk"));
}

TEST_CASE("whatif priorities that change at the same rank are reweighted", "[e2e][whatif]") {
  auto result = whatif({"it.satisfied=30%"});
  REQUIRE(result.exit_code == 0);
  CHECK(has(result.out, "reweighted  #1        Close the satisfaction gap"));
  CHECK(has(result.out, "close_gap · priority 85 → 75 (-10)"));
}

TEST_CASE("whatif that changes nothing says so", "[e2e][whatif]") {
  auto result = whatif({"it.satisfied=40%", "it.trust=2"});
  REQUIRE(result.exit_code == 0);
  CHECK(has(result.out, "Nothing changes"));
  CHECK_FALSE(has(result.out, "RANKING"));
}

TEST_CASE("whatif --set mistakes are usage errors in plain words", "[e2e][whatif]") {
  struct Case {
    std::string setting, message;
  };
  const std::vector<Case> cases = {
      {"it.satisfed=40%", "these rules have no metric 'satisfed'; did you mean 'satisfied'?"},
      {"satisfied=40%", "'satisfied' is asked of IT and marketing; write it.satisfied or marketing.satisfied"},
      {"it.meetings=2", "'meetings' is a company metric, not one of a group; write meetings"},
      {"hr.satisfied=40%", "'hr' is not a group"},
      {"it.satisfied=140%", "a share runs from 0% to 100%, so 140% is out of range"},
      {"it.satisfied=40", "did you mean 40%?"},
      {"it.trust=7", "'trust' runs from 1 to 5, so 7 is out of range"},
      {"it.trust=3%", "'trust' is a scale, not a share"},
      {"meetings=many", "'many' is not a number"},
      {"it.satisfied", "write TARGET=VALUE"},
      {"=3", "write TARGET=VALUE"},
  };
  for (const auto& c : cases) {
    auto result = whatif({c.setting});
    INFO(c.setting << ": " << result.err);
    CHECK(result.exit_code == 2);
    CHECK(has(result.err, c.message));
    CHECK(result.out.empty());
  }
  auto twice = whatif({"it.satisfied=10%", "it.satisfied=20%"});
  CHECK(twice.exit_code == 2);
  CHECK(has(twice.err, "it.satisfied is set twice"));
  CHECK(run_rapport({"whatif", fixture("full.toml"), "-r", kRules}).exit_code == 2);
}

TEST_CASE("whatif takes flags as true or false", "[e2e][whatif]") {
  auto result =
      run_rapport({"whatif", "examples/northwind-retail.toml", "--set", "written_digital_charter=true", "-r", "rules"});
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  CHECK(has(result.out, "written_digital_charter  false → true"));
  CHECK(has(result.out, "fired → not fired     Nobody has written down who leads"));
  CHECK(has(result.out, "moved down  #2 → #3   Write a charter"));
  auto wrong = run_rapport({"whatif", "examples/northwind-retail.toml", "--set", "written_digital_charter=1", "-r", "rules"});
  CHECK(wrong.exit_code == 2);
  CHECK(has(wrong.err, "'written_digital_charter' is a flag; write true, false or unknown"));
}

TEST_CASE("whatif as JSON lists the values set and every change by id", "[e2e][whatif][json]") {
  auto result = run_rapport({"whatif", fixture("full.toml"), "-r", kRules, "--set", "marketing.satisfied=0.3",
                             "--set", "meetings=unknown", "-f", "json"});
  REQUIRE(result.exit_code == 0);
  const json out = json::parse(result.out);
  CHECK(out["company"] == "Fixture Full");
  CHECK(out["set"] == json::parse(R"([{"metric": "marketing.satisfied", "before": 0.05, "after": 0.3},
                                       {"metric": "meetings", "before": 0.5, "after": null}])"));
  CHECK(out["changes_nothing"] == false);
  REQUIRE(out["recommendations"].size() == 3);
  for (const auto& rec : out["recommendations"]) {
    CHECK(rec["change"] == "disappeared");
    CHECK(rec["rank_after"].is_null());
  }
  CHECK(out["recommendations"][0]["id"] == "close_gap");
  CHECK(out["recommendations"][0]["status_after"] == "not_fired");
  CHECK(out["recommendations"][1]["status_after"] == "unknown");
  CHECK(out["findings"].size() == 3);
  CHECK(out["ranking_after"].empty());
}

TEST_CASE("whatif has help, and no colour when its output is not a terminal", "[e2e][whatif]") {
  auto help = run_rapport({"whatif", "--help"});
  CHECK(help.exit_code == 0);
  CHECK(has(help.out, "--set"));
  CHECK(has(help.out, "unknown"));
  CHECK_FALSE(has(whatif({"marketing.satisfied=30%"}).out, "\x1b["));
}
