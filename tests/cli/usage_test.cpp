// End-to-end: the command line itself — help, version, usage errors and `rapport check`.
#include <catch2/catch.hpp>

#include <sstream>
#include <vector>

#include "run_rapport.hpp"

using rapport::test::fixture;
using rapport::test::run_rapport;

TEST_CASE("the version flag prints the version and exits 0", "[e2e]") {
  auto result = run_rapport({"--version"});
  CHECK(result.exit_code == 0);
  CHECK(result.out.rfind("rapport ", 0) == 0);
}

namespace {

// The subcommands `rapport --help` lists, so a new one is covered without editing this test.
std::vector<std::string> listed_subcommands() {
  const std::string help = run_rapport({"--help"}).out;
  std::istringstream lines(help.substr(help.find("Subcommands:")));
  std::vector<std::string> names;
  std::string line;
  std::getline(lines, line);
  while (std::getline(lines, line) && line.rfind("  ", 0) == 0) names.push_back(line.substr(2, line.find(' ', 2) - 2));
  return names;
}

}  // namespace

TEST_CASE("every subcommand has help", "[e2e]") {
  const auto commands = listed_subcommands();
  CHECK(commands.size() >= 7);
  for (const std::string& command : commands) {
    auto result = run_rapport({command, "--help"});
    INFO(command);
    CHECK(result.exit_code == 0);
    CHECK(result.out.find("Usage") != std::string::npos);
  }
  auto assess = run_rapport({"assess", "--help"});
  CHECK(assess.out.find("--format") != std::string::npos);
  CHECK(assess.out.find("--top") != std::string::npos);
}

TEST_CASE("usage errors exit 2", "[e2e]") {
  CHECK(run_rapport({}).exit_code == 2);
  CHECK(run_rapport({"assess"}).exit_code == 2);
  CHECK(run_rapport({"assess", fixture("full.toml"), "--format", "pdfx"}).exit_code == 2);
  CHECK(run_rapport({"frobnicate"}).exit_code == 2);
}

TEST_CASE("check on the bundled rules reports no problems", "[e2e]") {
  auto result = run_rapport({"check", "rules"});
  INFO(result.out);
  CHECK(result.exit_code == 0);
  CHECK(result.out.find("no problems") != std::string::npos);
}

TEST_CASE("check without arguments checks the bundled rules", "[e2e]") {
  auto result = run_rapport({"check"});
  CHECK(result.exit_code == 0);
  CHECK(result.out.find("no problems") != std::string::npos);
}

TEST_CASE("check reports every syntax error in a file, in the rustc form, and exits 3", "[e2e]") {
  auto result = run_rapport({"check", fixture("bad_syntax.rules")});
  CHECK(result.exit_code == 3);
  const std::string expected =
      "bad_syntax.rules:12:31: error: expected a comparison after 'marketing.satisfaction'\n"
      "   12 |   when marketing.satisfaction 30%\n"
      "      |                               ^\n";
  CHECK(result.out.find(expected) != std::string::npos);
  CHECK(result.out.find("bad_syntax.rules:27:9: error:") != std::string::npos);  // owner everyone
  CHECK(result.out.find("2 errors") != std::string::npos);
}

TEST_CASE("check on a missing path exits 4", "[e2e]") {
  auto result = run_rapport({"check", "no/such/dir"});
  CHECK(result.exit_code == 4);
  CHECK(result.err.find("no/such/dir") != std::string::npos);
}
