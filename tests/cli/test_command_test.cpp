// End-to-end: `rapport test` on the fixtures in tests/fixtures/ruletests/ — one line per case, what
// differed when a case fails, coverage, JSON, and the exit codes for failures, invalid files and I/O.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <string>

#include "run_rapport.hpp"

using rapport::test::fixture;
using rapport::test::run_rapport;
using rapport::test::shell_quote;

namespace {

std::string tests_file(const std::string& name) { return "tests/fixtures/ruletests/" + name; }

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// `rapport test ARGS` with a pseudo-terminal as standard output (util-linux `script`), both streams.
std::string on_a_terminal(const std::string& env, const std::string& args) {
  return rapport::test::run_rapport_on_terminal({"test", args}, env);
}

// The last line of the output.
std::string last_line(const std::string& text) {
  std::string trimmed = text;
  while (!trimmed.empty() && trimmed.back() == '\n') trimmed.pop_back();
  return trimmed.substr(trimmed.rfind('\n') + 1);
}

}  // namespace

TEST_CASE("rapport test prints one PASS line per case and closes with the counts", "[e2e][test]") {
  const auto result = run_rapport({"test", tests_file("passing.test.toml")});
  INFO(result.out << result.err);
  CHECK(result.exit_code == 0);
  CHECK(contains(result.out,
                 "PASS tests/fixtures/ruletests/passing.test.toml:4 a quarter of IT satisfied is unhappy\n"));
  CHECK(contains(result.out, "PASS tests/fixtures/ruletests/passing.test.toml:39 the client meeting twice a month"));
  CHECK(last_line(result.out) == "5 passed, 0 failed");
  CHECK(result.err.empty());
}

TEST_CASE("a failing case says which expectation differed, what came instead and the values behind it",
          "[e2e][test]") {
  const auto result = run_rapport({"test", tests_file("failing.test.toml")});
  INFO(result.out << result.err);
  CHECK(result.exit_code == 1);
  CHECK(contains(result.out, "PASS tests/fixtures/ruletests/failing.test.toml:3 a passing case among failures\n"));
  CHECK(contains(result.out,
                 "FAIL tests/fixtures/ruletests/failing.test.toml:10 monthly meetings wrongly expected to be silence\n"
                 "     line 15: expected silent fired, but it did not fire\n"
                 "       given meetings = 1\n"));
  CHECK(contains(result.out, "line 22: expected distrust not fired, but it was unknown\n"
                             "       given it.trust = n/a, marketing.trust = n/a, silent fired\n"));
  CHECK(contains(result.out, "line 23: expected rebuild_trust recommended, but it could not be assessed\n"
                             "       given distrust was unknown\n"));
  CHECK(last_line(result.out) == "1 passed, 4 failed");
}

TEST_CASE("a failed order shows the ranking with priorities, and what was not recommended at all",
          "[e2e][test]") {
  const auto result = run_rapport({"test", tests_file("failing.test.toml")});
  CHECK(contains(result.out, "line 29: expected the ranking talk, close_gap, but it is close_gap (priority 100),"));
  CHECK(contains(result.out, "line 36: expected the ranking talk, rebuild_trust, but it is talk (priority 40);"));
  CHECK(contains(result.out, "recommended: rebuild_trust"));
}

TEST_CASE("verbose output lists every expectation that held under its case", "[e2e][test]") {
  const auto result = run_rapport({"test", tests_file("passing.test.toml"), "-v"});
  CHECK(result.exit_code == 0);
  CHECK(contains(result.out, "PASS tests/fixtures/ruletests/passing.test.toml:4 a quarter of IT satisfied is unhappy\n"
                             "     line 11: unhappy fired, as expected\n"
                             "     line 12: close_gap recommended, as expected\n"
                             "     line 13: talk not recommended (it could not be assessed), as expected\n"));
  CHECK(contains(result.out, "line 37: ranked in the order close_gap, rebuild_trust, talk, as expected\n"));
  CHECK(contains(result.out, "line 29: distrust unknown, as expected\n"));
}

TEST_CASE("coverage lists what no case makes fire or not fire, after the counts, with a percentage",
          "[e2e][test]") {
  const auto result = run_rapport({"test", tests_file("passing.test.toml"), "--coverage"});
  INFO(result.out);
  CHECK(result.exit_code == 0);
  CHECK(contains(result.out, "5 passed, 0 failed\n"
                             "findings never made to fire: none\n"
                             "findings never made not to fire (1): unhappy\n"
                             "recommendations never recommended: none\n"
                             "recommendations never made not recommended (1): close_gap\n"
                             "coverage: 83.3% (10 of 12:"));
}

TEST_CASE("without --coverage nothing is said about coverage", "[e2e][test]") {
  const auto result = run_rapport({"test", tests_file("passing.test.toml")});
  CHECK_FALSE(contains(result.out, "coverage"));
}

TEST_CASE("an invalid test file is reported in the rustc form and exits 3, while valid files still run",
          "[e2e][test]") {
  const auto result = run_rapport({"test", tests_file("passing.test.toml"), tests_file("invalid.test.toml")});
  INFO(result.out << result.err);
  CHECK(result.exit_code == 3);
  CHECK(contains(result.err, "tests/fixtures/ruletests/invalid.test.toml:8:10: error: "
                             "unknown finding 'unhapy' in fired\n"
                             "   8 | fired = [\"unhapy\"]\n"
                             "     |          ^~~~~~~~\n"
                             "help: did you mean 'unhappy'?\n"));
  CHECK(contains(result.err, "invalid.test.toml:6:13: error: 'satisfied' is 58, outside 0 to 1"));
  CHECK(contains(result.err, "invalid.test.toml:9:16: error: 'silent' is a finding, not a recommendation"));
  CHECK(contains(result.err, "invalid.test.toml:15:14: error: 'silent' is expected both fired and not fired"));
  CHECK(contains(result.err, "invalid.test.toml:14:10: note: expected fired here"));
  CHECK(contains(result.err, "error: 1 test file has errors; its cases were not run"));
  CHECK(contains(result.out, "PASS tests/fixtures/ruletests/passing.test.toml:4"));
  CHECK_FALSE(contains(result.out, "invalid.test.toml"));
  CHECK(last_line(result.out) == "5 passed, 0 failed");
}

TEST_CASE("failures and invalid files together exit 3: the invalid file hides tests that never ran",
          "[e2e][test]") {
  const auto result = run_rapport({"test", tests_file("failing.test.toml"), tests_file("invalid.test.toml")});
  CHECK(result.exit_code == 3);
  CHECK(last_line(result.out) == "1 passed, 4 failed");
}

TEST_CASE("a base profile that cannot be read is reported at the case that names it, and exits 4",
          "[e2e][test]") {
  const auto result = run_rapport({"test", tests_file("missing_profile.test.toml")});
  INFO(result.err);
  CHECK(result.exit_code == 4);
  CHECK(contains(result.err, "missing_profile.test.toml:3:11: error: cannot read "
                             "tests/fixtures/ruletests/no-such-client.toml: No such file or directory\n"));
}

TEST_CASE("an invalid base profile is reported in its own file and at the case that names it, and exits 3",
          "[e2e][test]") {
  const auto result = run_rapport({"test", tests_file("bad_profile.test.toml")});
  INFO(result.err);
  CHECK(result.exit_code == 3);
  CHECK(contains(result.err, "tests/fixtures/ruletests/bad_client.toml:5:13: error: 'satisfied' is 58"));
  CHECK(contains(result.err, "bad_profile.test.toml:3:11: error: the base profile "
                             "tests/fixtures/ruletests/bad_client.toml is invalid"));
}

TEST_CASE("JSON output carries every case, expectation and count, and coverage when asked", "[e2e][test]") {
  const auto result = run_rapport({"test", tests_file("failing.test.toml"), "-f", "json", "--coverage"});
  CHECK(result.exit_code == 1);
  const auto json = nlohmann::json::parse(result.out);
  CHECK(json["passed"] == 1);
  CHECK(json["failed"] == 4);
  CHECK(json["invalid_files"] == 0);
  REQUIRE(json["cases"].size() == 5);
  const auto& second = json["cases"][1];
  CHECK(second["name"] == "monthly meetings wrongly expected to be silence");
  CHECK(second["line"] == 10);
  CHECK(second["passed"] == false);
  CHECK(second["expectations"][0] == nlohmann::json::parse(R"({"expect": "fired", "id": "silent", "line": 15,
      "column": 10, "held": false, "actual": "not_fired"})"));
  const auto& order = json["cases"][3]["order"];
  CHECK(order["expected"] == nlohmann::json::parse(R"(["talk", "close_gap"])"));
  CHECK(order["actual"] == nlohmann::json::parse(R"(["close_gap", "talk"])"));
  CHECK(json["coverage"]["total"] == 12);
  CHECK(json["coverage"]["covered"] == 1);
  CHECK(json["coverage"]["findings_never_fired"] == nlohmann::json::parse(R"(["unhappy", "distrust"])"));
}

TEST_CASE("a directory runs every test file below it against every rule file below it", "[e2e][test]") {
  const auto result = run_rapport({"test", "tests/fixtures/ruletests", "-f", "json"});
  // The directory holds a test file naming a missing base profile (exit 4), and test files away from
  // the rules in elsewhere/ still find them.
  CHECK(result.exit_code == 4);
  const auto json = nlohmann::json::parse(result.out);
  CHECK(json["files"].size() == 6);
  CHECK(json["rule_files"] == nlohmann::json::parse(R"(["tests/fixtures/ruletests/alignment.rules"])"));
}

TEST_CASE("rules named with -r are tested by test files kept elsewhere", "[e2e][test]") {
  const auto without = run_rapport({"test", tests_file("elsewhere")});
  CHECK(without.exit_code == 3);
  CHECK(contains(without.err, "no .rules files found in tests/fixtures/ruletests/elsewhere"));
  const auto with = run_rapport({"test", tests_file("elsewhere"), "-r", tests_file("alignment.rules")});
  CHECK(with.exit_code == 0);
  CHECK(contains(with.out, "PASS tests/fixtures/ruletests/elsewhere/away.test.toml:2 silence is found by rules"));
}

TEST_CASE("a directory without test files, or a path that does not exist, is an error", "[e2e][test]") {
  const auto no_tests = run_rapport({"test", "tests/fixtures/rules"});
  CHECK(no_tests.exit_code == 3);
  CHECK(contains(no_tests.err, "no test files (*.test.toml) found in tests/fixtures/rules"));
  const auto missing = run_rapport({"test", "no/such/dir"});
  CHECK(missing.exit_code == 4);
  CHECK(contains(missing.err, "cannot read no/such/dir"));
}

TEST_CASE("invalid rules stop the tests with the rules' errors and exit 3", "[e2e][test]") {
  const auto result = run_rapport({"test", tests_file("passing.test.toml"), "-r", fixture("bad_syntax.rules")});
  CHECK(result.exit_code == 3);
  CHECK(contains(result.err, "bad_syntax.rules:12:31: error:"));
  CHECK(result.out.empty());
}

TEST_CASE("rapport test has help, and refuses an unknown format", "[e2e][test]") {
  const auto help = run_rapport({"test", "--help"});
  CHECK(help.exit_code == 0);
  CHECK(contains(help.out, "--coverage"));
  CHECK(contains(help.out, "--verbose"));
  CHECK(contains(help.out, "--rules"));
  CHECK(run_rapport({"test", "--format", "xml"}).exit_code == 2);
}

TEST_CASE("test output has no colour off a terminal", "[e2e][test]") {
  const auto result = run_rapport({"test", tests_file("failing.test.toml")});
  CHECK_FALSE(contains(result.out, "\x1b["));
}

TEST_CASE("on a terminal PASS is green and FAIL red, unless NO_COLOR is set", "[e2e][test][color]") {
  if (std::system("command -v script >/dev/null 2>&1") != 0) {
    WARN("script (util-linux) is missing; cannot give rapport a terminal");
    return;
  }
  const std::string args = tests_file("failing.test.toml");
  const std::string coloured = on_a_terminal("NO_COLOR=", args);
  CHECK(contains(coloured, "\x1b[32mPASS\x1b[0m"));
  CHECK(contains(coloured, "\x1b[1;31mFAIL\x1b[0m"));
  const std::string plain = on_a_terminal("NO_COLOR=1", args);
  CHECK(contains(plain, "FAIL"));
  CHECK_FALSE(contains(plain, "\x1b["));
}

TEST_CASE("without paths rapport test runs the bundled rules' own tests", "[e2e][test]") {
  const auto result = run_rapport({"test"});
  INFO(result.err);
  CHECK(result.exit_code == 0);
  CHECK(contains(result.out, "collaboration.test.toml"));
  CHECK(contains(last_line(result.out), " passed, 0 failed"));
}
