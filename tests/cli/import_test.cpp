// End-to-end: `rapport import` as a consultant runs it — a survey export and its mapping become a
// profile that `assess` reads; row problems are warnings, --strict makes them errors, nothing half-written.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

#include "run_rapport.hpp"

using rapport::test::fixture;
using rapport::test::run_rapport;
using rapport::test::scratch_dir;
using rapport::test::slurp;

namespace {

const std::string kResponses = "examples/survey/northwind-responses.csv";
const std::string kMapping = "examples/survey/northwind-survey.toml";

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// A mapping in the scratch directory, for tests of bad mappings.
std::string write_mapping(const std::filesystem::path& dir, const std::string& text) {
  const auto path = (dir / "survey.toml").string();
  std::ofstream(path) << text;
  return path;
}

}  // namespace

TEST_CASE("the example survey imports into a profile that assess reads, with the example's figures", "[import]") {
  const auto dir = scratch_dir("import-example");
  const auto profile = (dir / "northwind.toml").string();
  const auto imported = run_rapport({"import", kResponses, "--survey", kMapping, "-o", profile});
  INFO(imported.err);
  REQUIRE(imported.exit_code == 0);
  CHECK(imported.out.empty());
  CHECK(contains(imported.err, "imported 36 responses (14 IT, 22 marketing) from " + kResponses +
                                   "; left out 2 survey previews, 1 unfinished response and 1 respondent outside IT "
                                   "and marketing; 1 answer could not be read"));

  const std::string text = slurp(profile);
  CHECK(contains(text, "[respondents]\nit = 14\nmarketing = 22\n"));
  CHECK(contains(text, "satisfied_with_collaboration = { count = 3, n = 14 }"));  // 21%, as in northwind-retail.toml
  CHECK(contains(text, "satisfied_with_collaboration = { count = 2, n = 21 }"));  // one answer unreadable
  CHECK(contains(text, "well_positioned_for_digital = { count = 8, n = 13 }"));   // one "Don't know"
  CHECK(contains(text, "trust_in_other_function = { mean = 3.0714, sd = 1.0716, n = 14 }"));
  CHECK(contains(text, "marketing_requests_top_priority = { count = 7, n = 22 }"));  // marketing's own wording, Q5_1
  CHECK(contains(text, "objective_know_customers = { count = 18, n = 22 }"));         // a select-all question
  CHECK(contains(text, "[company_metrics]\n"));
  CHECK_FALSE(contains(text, "R_"));  // no response id, nor any other respondent-level data

  const auto report = run_rapport({"assess", profile, "-r", "rules", "-f", "json"});
  INFO(report.err);
  REQUIRE(report.exit_code == 0);
  const auto json = nlohmann::json::parse(report.out);
  CHECK(json["respondents"]["it"] == 14);
  // The same ranking as the hand-typed profile of the same survey.
  const auto typed = run_rapport({"assess", "examples/northwind-retail.toml", "-r", "rules", "-f", "json"});
  REQUIRE(typed.exit_code == 0);
  std::vector<std::string> ranking, typed_ranking;
  for (const auto& r : json["recommendations"]) ranking.push_back(r["id"]);
  const auto typed_json = nlohmann::json::parse(typed.out);
  for (const auto& r : typed_json["recommendations"]) typed_ranking.push_back(r["id"]);
  CHECK(ranking == typed_ranking);
  CHECK(ranking.front() == "agree_shared_standards");
  bool shadow_it = false;
  for (const auto& finding : json["findings"])
    if (finding["id"] == "shadow_it") shadow_it = finding["status"] == "fired";
  CHECK(shadow_it);  // 11 of 14 IT and 15 of 22 marketing say marketing buys IT outside
}

TEST_CASE("import writes to standard output by default and with -o -", "[import]") {
  const auto plain = run_rapport({"import", kResponses, "--survey", kMapping});
  const auto dash = run_rapport({"import", kResponses, "-s", kMapping, "-o", "-"});
  REQUIRE(plain.exit_code == 0);
  CHECK(contains(plain.out, "[company]\nname = \"Northwind Retail\"\nindustry = \"Retail\"\nassessed_on = 2026-10-15\n"));
  CHECK(dash.out == plain.out);
}

TEST_CASE("an unreadable answer is reported with its row and column, and the rest is imported", "[import]") {
  const auto result = run_rapport({"import", kResponses, "--survey", kMapping}, "NO_COLOR=1");
  REQUIRE(result.exit_code == 0);
  CHECK(contains(result.err, kResponses + ":6:140: warning: 'Fairly satisfied' in column 'Q3' is not an answer the "
                                          "mapping reads for 'satisfied_with_collaboration'"));
  CHECK(contains(result.err, "                   ^~~~~~~~~~~~~~~~\n"));
  CHECK(contains(result.out, "marketing = 22"));
}

TEST_CASE("with --strict a problem in the responses is an error and nothing is written", "[import]") {
  const auto dir = scratch_dir("import-strict");
  const auto profile = (dir / "northwind.toml").string();
  const auto result = run_rapport({"import", kResponses, "--survey", kMapping, "--strict", "-o", profile});
  CHECK(result.exit_code == 3);
  CHECK(contains(result.err, "warning: 'Fairly satisfied'"));
  CHECK(contains(result.err, "error: --strict: the responses have 1 warning (see above); nothing was written"));
  CHECK_FALSE(std::filesystem::exists(profile));
}

TEST_CASE("a bad mapping is reported at file:line:col and nothing is written", "[import]") {
  const auto dir = scratch_dir("import-bad-mapping");
  const auto profile = (dir / "out.toml").string();
  const auto mapping = write_mapping(dir, "[company]\nname = \"N\"\n[group]\ncolumn = \"Q1\"\nit = [\"IT\"]\n"
                                          "[metrics.satisfied_with_collaboration]\ncolumn = \"Q33\"\nagree = [\"Yes\"]\n");
  const auto result = run_rapport({"import", kResponses, "--survey", mapping, "-o", profile}, "NO_COLOR=1");
  CHECK(result.exit_code == 3);
  CHECK(contains(result.err, mapping + ":7:10: error: the export has no column 'Q33'\n"));
  CHECK(contains(result.err, "help: did you mean 'Q3'?"));
  CHECK(contains(result.err, "error: the survey mapping " + mapping + " has 1 error; nothing was written"));
  CHECK_FALSE(std::filesystem::exists(profile));
}

TEST_CASE("the written profile keeps suppressed figures out and says why", "[import]") {
  const auto dir = scratch_dir("import-suppressed");
  const auto profile = (dir / "small.toml").string();
  const auto result = run_rapport(
      {"import", fixture("csv/google_forms.csv"), "-s", fixture("survey/google_forms.toml"), "-o", profile});
  REQUIRE(result.exit_code == 0);
  const std::string text = slurp(profile);
  CHECK(contains(text, "[it]\n# IT: only 2 respondents, fewer than 5 (--min-group-size): every IT figure is "
                       "suppressed\n\n[marketing]"));
  CHECK_FALSE(contains(text, "trust_in_other_function ="));
  CHECK(contains(result.err, "note: marketing: only 1 respondent, fewer than 5"));
  const auto report = run_rapport({"assess", profile, "-r", "rules"});
  CHECK(report.exit_code == 0);
  CHECK(contains(report.out, "Respondents: IT 2 · marketing 1"));
}

TEST_CASE("SurveyMonkey, Google Forms and semicolon exports import and assess", "[import]") {
  struct Case {
    std::string csv, mapping, expected;
    std::vector<std::string> flags;
  };
  const std::vector<Case> cases = {
      {"csv/surveymonkey.csv", "survey/surveymonkey.toml", "shared_tool_standards = { count = 1, n = 1 }", {}},
      {"csv/google_forms.csv", "survey/google_forms.toml", "trust_in_other_function = { mean = 2.0, sd = 0.0, n = 2 }",
       {}},
      {"csv/european_semicolon.csv", "survey/semicolon.toml",
       "trust_in_other_function = { mean = 2.5, sd = 0.7071, n = 2 }", {"--separator", ";"}},
      {"csv/european_semicolon.csv", "survey/semicolon.toml", "[respondents]\nit = 1\nmarketing = 2\n", {}},
  };
  const auto dir = scratch_dir("import-dialects");
  for (const auto& c : cases) {
    const auto profile = (dir / "profile.toml").string();
    std::vector<std::string> args = {"import", fixture(c.csv), "-s", fixture(c.mapping), "--min-group-size", "1",
                                     "-o", profile};
    args.insert(args.end(), c.flags.begin(), c.flags.end());
    const auto result = run_rapport(args);
    INFO(c.csv << "\n" << result.err);
    REQUIRE(result.exit_code == 0);
    CHECK(contains(slurp(profile), c.expected));
    const auto report = run_rapport({"assess", profile, "-r", "rules"});
    INFO(report.err);
    CHECK(report.exit_code == 0);
  }
}

TEST_CASE("a tab-separated export imports with --separator tab", "[import]") {
  const auto dir = scratch_dir("import-tab");
  const auto tsv = (dir / "answers.tsv").string();
  std::ofstream(tsv) << "Abteilung\tZufriedenheit (1-5)\nIT\t4\nIT\t5\nMarketing\t2\n";
  const auto result = run_rapport({"import", tsv, "-s", fixture("survey/semicolon.toml"), "--separator", "tab",
                                   "--min-group-size", "1"});
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  CHECK(contains(result.out, "trust_in_other_function = { mean = 4.5, sd = 0.7071, n = 2 }"));
}

TEST_CASE("import refuses to write over an input and reports unreadable files", "[import]") {
  const auto dir = scratch_dir("import-inputs");
  const auto copy = (dir / "survey.toml").string();
  std::filesystem::copy_file(std::string(RAPPORT_SOURCE_DIR) + "/" + kMapping, copy);
  const auto over = run_rapport({"import", kResponses, "-s", copy, "-o", copy});
  CHECK(over.exit_code == 2);
  CHECK(slurp(copy) == slurp(std::string(RAPPORT_SOURCE_DIR) + "/" + kMapping));

  const auto missing = run_rapport({"import", "no-such.csv", "-s", kMapping});
  CHECK(missing.exit_code == 4);
  CHECK(contains(missing.err, "no-such.csv"));

  const auto utf16 = (dir / "utf16.csv").string();
  std::ofstream(utf16, std::ios::binary) << std::string("\xFF\xFE" "G\0r\0", 6);
  const auto unreadable = run_rapport({"import", utf16, "-s", kMapping});
  CHECK(unreadable.exit_code == 3);
  CHECK(contains(unreadable.err, "UTF-16"));
  CHECK(contains(unreadable.err, "cannot be read as a survey export; nothing was written"));
}

TEST_CASE("import names a dialect, a separator and a group size only from the values it knows", "[import]") {
  CHECK(run_rapport({"import", kResponses, "-s", kMapping, "--dialect", "spss"}).exit_code == 2);
  CHECK(run_rapport({"import", kResponses, "-s", kMapping, "--separator", "|"}).exit_code == 2);
  CHECK(run_rapport({"import", kResponses, "-s", kMapping, "--min-group-size", "0"}).exit_code == 2);
  CHECK(run_rapport({"import", kResponses}).exit_code == 2);  // --survey is required
  const auto forced = run_rapport({"import", kResponses, "-s", kMapping, "--dialect", "qualtrics"});
  CHECK(forced.exit_code == 0);
}
