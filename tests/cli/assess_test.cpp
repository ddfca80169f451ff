// End-to-end: `rapport assess` as a consultant runs it — exit codes, reports, and bad input.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "run_rapport.hpp"

using rapport::test::fixture;
using rapport::test::run_rapport;

namespace {
const std::string kRules = fixture("rules/alignment.rules");

std::vector<std::string> ranked_ids(const nlohmann::json& report) {
  std::vector<std::string> ids;
  for (const auto& rec : report["recommendations"]) ids.push_back(rec["id"]);
  return ids;
}
}  // namespace

TEST_CASE("assess on the bundled example prints a report and exits 0", "[e2e]") {
  auto result = run_rapport({"assess", "examples/northwind-retail.toml"});
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  CHECK(result.out.find("Rapport assessment: Northwind Retail") != std::string::npos);
  CHECK(result.out.find("RECOMMENDATIONS") != std::string::npos);
  CHECK(result.out.find("NOT ASSESSED") != std::string::npos);
  CHECK(result.err.empty());
}

TEST_CASE("the JSON report ranks recommendations by their evaluated priority", "[e2e]") {
  auto result = run_rapport({"assess", fixture("full.toml"), "-r", kRules, "--format", "json"});
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  auto report = nlohmann::json::parse(result.out);
  CHECK(ranked_ids(report) == std::vector<std::string>{"close_gap", "rebuild_trust", "talk"});
  const auto& first = report["recommendations"][0];
  CHECK(first["priority"].get<double>() == Approx(85));
  CHECK(first["owner"] == "cmo");
  CHECK(first["horizon_days"] == 180);
  CHECK(first["because"] == nlohmann::json::array({"unhappy"}));
  CHECK(first["actions"][0] == "Survey again in 0.5 months");
  CHECK(report["company"]["name"] == "Fixture Full");
  CHECK(report["company"]["assessed_on"] == "2026-01-31");
  CHECK(report["respondents"]["it"] == 10);
}

TEST_CASE("the JSON report gives every finding a status and the values it used", "[e2e]") {
  auto result = run_rapport({"assess", fixture("full.toml"), "-r", kRules, "-f", "json"});
  REQUIRE(result.exit_code == 0);
  auto report = nlohmann::json::parse(result.out);
  REQUIRE(report["findings"].size() == 3);
  const auto& unhappy = report["findings"][0];
  CHECK(unhappy["id"] == "unhappy");
  CHECK(unhappy["status"] == "fired");
  CHECK(unhappy["severity"] == "high");
  CHECK(unhappy["values"]["marketing.satisfied"].get<double>() == Approx(0.05));
  CHECK(unhappy["narrative"] == "IT 40%, marketing 5%, gap +35 pp.");
  CHECK(unhappy["evidence"][0]["source"] == "study");
  const auto& satisfied = report["metrics"][0];
  CHECK(satisfied["id"] == "satisfied");
  CHECK(satisfied["values"]["it"].get<double>() == Approx(0.40));
  CHECK(satisfied["benchmarks"]["it"]["bound"] == "about");
  CHECK(report["not_assessed"].empty());
}

TEST_CASE("the JSON report carries the client report's summary, perception gap, sources and method", "[e2e]") {
  auto result = run_rapport({"assess", fixture("full.toml"), "-r", kRules, "-f", "json"});
  REQUIRE(result.exit_code == 0);
  auto report = nlohmann::json::parse(result.out);
  REQUIRE(report["executive_summary"].size() == 3);
  CHECK(report["executive_summary"][0]["id"] == "close_gap");
  CHECK(report["executive_summary"][0]["paragraph"].get<std::string>().find("Owner: CMO, within 180 days.") == 0);
  CHECK(report["rules_fingerprint"].get<std::string>().size() == 8);
  const auto& gap = report["perception_gap"][0];
  CHECK(gap["metric"] == "satisfied");
  CHECK(gap["gap"].get<double>() == Approx(0.35));
  CHECK(gap["it_benchmark"].get<double>() == Approx(0.10));
  CHECK(report["sources"][0]["sample"] == "100 IT, 120 marketing");
  CHECK_FALSE(report["method"].empty());
}

TEST_CASE("missing data makes findings not assessed, never silently absent", "[e2e]") {
  auto result = run_rapport({"assess", fixture("patchy.toml"), "-r", kRules, "-f", "json"});
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  auto report = nlohmann::json::parse(result.out);
  CHECK(ranked_ids(report) == std::vector<std::string>{"talk"});
  CHECK(report["findings"][0]["status"] == "unknown");
  CHECK(report["findings"][0]["missing"] == nlohmann::json::array({"marketing.satisfied"}));
  CHECK(report["findings"][1]["status"] == "fired");
  CHECK(report["findings"][2]["status"] == "unknown");
  std::vector<std::string> not_assessed;
  for (const auto& item : report["not_assessed"]) not_assessed.push_back(item["id"]);
  CHECK(not_assessed == std::vector<std::string>{"unhappy", "distrust", "rebuild_trust", "close_gap"});

  auto text = run_rapport({"assess", fixture("patchy.toml"), "-r", kRules});
  CHECK(text.out.find("NOT ASSESSED (4)") != std::string::npos);
  CHECK(text.out.find("missing marketing.satisfied") != std::string::npos);
  CHECK(text.out.find("(rebuild_trust): depends on unassessed “Trust is low") != std::string::npos);
}

TEST_CASE("the text report shows values next to their benchmarks", "[e2e]") {
  auto result = run_rapport({"assess", fixture("full.toml"), "-r", kRules});
  REQUIRE(result.exit_code == 0);
  CHECK(result.out.find(" 1. Close the satisfaction gap") != std::string::npos);
  // with how many answered and the 95% Wilson interval of 5% of 12: 0.006 to 0.312 by hand
  CHECK(result.out.find("marketing.satisfied = 5% (n = 12, CI 1–31%) (benchmark about 10%, A study)") !=
        std::string::npos);
  CHECK(result.out.find("Owner: CMO · Horizon: 180 days") != std::string::npos);
  CHECK(result.out.find("\x1b[") == std::string::npos);  // not a terminal: no colour
}

TEST_CASE("the top option limits the recommendations shown", "[e2e]") {
  auto result = run_rapport({"assess", fixture("full.toml"), "-r", kRules, "-f", "json", "--top", "1"});
  REQUIRE(result.exit_code == 0);
  CHECK(ranked_ids(nlohmann::json::parse(result.out)) == std::vector<std::string>{"close_gap"});
}

TEST_CASE("an output file receives the report to a file and nothing to stdout", "[e2e]") {
  auto dir = rapport::test::scratch_dir("assess-o");
  auto path = (dir / "report.json").string();
  auto result = run_rapport({"assess", fixture("full.toml"), "-r", kRules, "-f", "json", "-o", path});
  REQUIRE(result.exit_code == 0);
  CHECK(result.out.empty());
  auto report = nlohmann::json::parse(rapport::test::slurp(path));
  CHECK(report["company"]["name"] == "Fixture Full");
  std::filesystem::remove_all(dir);
}

TEST_CASE("an invalid profile exits 3 with positioned errors and writes no report", "[e2e]") {
  auto dir = rapport::test::scratch_dir("assess-bad");
  auto path = (dir / "report.txt").string();
  auto result = run_rapport({"assess", fixture("bad_profile.toml"), "-r", kRules, "-o", path});
  CHECK(result.exit_code == 3);
  CHECK(result.err.find("bad_profile.toml:5:13: error:") != std::string::npos);
  CHECK(result.err.find("bad_profile.toml:6:1: error:") != std::string::npos);
  CHECK(result.err.find("'satisfied'") != std::string::npos);  // the suggestion
  CHECK(result.err.find("   5 | satisfied = 1.4") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(path));
  CHECK(std::filesystem::is_empty(dir));  // no temporary file left behind either
  std::filesystem::remove_all(dir);
}

TEST_CASE("invalid rules make assess exit 3 before reading the profile", "[e2e]") {
  auto result = run_rapport({"assess", fixture("full.toml"), "-r", fixture("bad_syntax.rules")});
  CHECK(result.exit_code == 3);
  CHECK(result.err.find("bad_syntax.rules:12:31: error: expected a comparison after 'marketing.satisfaction'") !=
        std::string::npos);
  CHECK(result.out.empty());
}

TEST_CASE("an unreadable profile exits 4 naming the path and the reason", "[e2e]") {
  auto result = run_rapport({"assess", "no/such/profile.toml", "-r", kRules});
  CHECK(result.exit_code == 4);
  CHECK(result.err.find("no/such/profile.toml") != std::string::npos);
  CHECK(result.err.find("No such file or directory") != std::string::npos);
}

TEST_CASE("an unwritable output exits 4", "[e2e]") {
  auto result = run_rapport({"assess", fixture("full.toml"), "-r", kRules, "-o", "/nonexistent-dir/report.txt"});
  CHECK(result.exit_code == 4);
  CHECK(result.err.find("/nonexistent-dir/report.txt") != std::string::npos);
}

TEST_CASE("an output path naming an input is refused and the input is kept", "[e2e]") {
  auto dir = rapport::test::scratch_dir("assess-overwrite");
  auto profile = dir / "p.toml";
  std::filesystem::copy_file(fixture("full.toml"), profile);
  auto before = rapport::test::slurp(profile);
  auto result = run_rapport({"assess", profile.string(), "-r", kRules, "-o", profile.string()});
  CHECK(result.exit_code == 2);
  CHECK(result.err.find("names an input file") != std::string::npos);
  CHECK(rapport::test::slurp(profile) == before);
  std::filesystem::remove_all(dir);
}
