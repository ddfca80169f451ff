// End-to-end: `rapport check` with its lint — the text form editors parse, --werror, --format json.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <fstream>

#include "run_rapport.hpp"

using rapport::test::run_rapport;
using rapport::test::scratch_dir;

namespace {

// A small rule set whose finding can never fire (lines 10–16; its condition at 13:8).
const char* const kNeverRules = R"(source s
  title "Study"
end
metric sat
  question "Satisfied?"
  kind share
  asked both
end

finding f
  title "F"
  severity high
  when it.sat > 60% and it.sat < 40%
  evidence s "quote"
  narrative "{it.sat} {marketing.sat}"
end
recommendation r
  title "R"
  owner both
  horizon 30 days
  when f or marketing.sat < 30%
  priority 50
  action "Act"
end
)";

std::string write_rules(const std::string& name, const std::string& text) {
  const auto path = scratch_dir(name) / "lint.rules";
  std::ofstream(path) << text;
  return path.string();
}

}  // namespace

TEST_CASE("check prints lint warnings in the file:line:col form and exits 0 without --werror", "[e2e][check]") {
  const std::string path = write_rules("check-text", kNeverRules);
  const auto result = run_rapport({"check", path}, "NO_COLOR=1");
  INFO(result.out);
  CHECK(result.exit_code == 0);
  CHECK(result.out.find(path + ":13:8: warning: the condition of finding 'f' never holds, whatever the profile says\n"
                                "   13 |   when it.sat > 60% and it.sat < 40%\n") != std::string::npos);
  CHECK(result.out.find("help: no values of the metrics it reads make it true") != std::string::npos);
  CHECK(result.out.find("checked 1 file: 1 sources, 1 metrics, 1 findings, 1 recommendations; 1 warning") !=
        std::string::npos);
}

TEST_CASE("check --werror exits 1 on warnings, 0 on a clean rule set and 3 on errors", "[e2e][check]") {
  CHECK(run_rapport({"check", "--werror", write_rules("check-werror", kNeverRules)}).exit_code == 1);
  CHECK(run_rapport({"check", "--werror", "rules"}).exit_code == 0);
  std::string broken = kNeverRules;
  broken.replace(broken.find("it.sat > 60%"), 12, "it.sat > 60% +");
  CHECK(run_rapport({"check", "--werror", write_rules("check-werror-broken", broken)}).exit_code == 3);
}

TEST_CASE("check --format json prints the files, counts and every diagnostic with its place", "[e2e][check]") {
  const std::string path = write_rules("check-json", kNeverRules);
  const auto result = run_rapport({"check", "--format", "json", path});
  INFO(result.out);
  CHECK(result.exit_code == 0);
  const auto report = nlohmann::json::parse(result.out);
  CHECK(report["files"] == nlohmann::json::array({path}));
  CHECK(report["errors"] == 0);
  CHECK(report["warnings"] == 1);
  CHECK(report["rules"]["findings"] == 1);
  REQUIRE(report["diagnostics"].size() == 1);
  const auto& d = report["diagnostics"][0];
  CHECK(d["severity"] == "warning");
  CHECK(d["code"] == "condition-never-holds");
  CHECK(d["message"] == "the condition of finding 'f' never holds, whatever the profile says");
  CHECK(d["file"] == path);
  CHECK(d["line"] == 13);
  CHECK(d["column"] == 8);
  CHECK(d["end_line"] == 13);
  CHECK(d["end_column"] == 8 + std::string("it.sat > 60% and it.sat < 40%").size());
  CHECK(d["notes"] == nlohmann::json::array());
  CHECK(d["help"].get<std::string>().find("never fires") != std::string::npos);
}

TEST_CASE("check --format json reports errors with a null rule summary, notes with their places", "[e2e][check]") {
  std::string text = kNeverRules;
  text += "metric sat\n  question \"Again\"\n  kind share\n  asked it\nend\n";
  const std::string path = write_rules("check-json-errors", text);
  const auto result = run_rapport({"check", "-f", "json", path});
  CHECK(result.exit_code == 3);
  const auto report = nlohmann::json::parse(result.out);
  CHECK(report["errors"] == 1);
  CHECK(report["rules"].is_null());
  const auto& d = report["diagnostics"][0];
  CHECK(d["severity"] == "error");
  CHECK(d["code"] == "duplicate-id");
  REQUIRE(d["notes"].size() == 1);
  CHECK(d["notes"][0]["line"] == 4);
  CHECK(d["notes"][0]["file"] == path);
}

TEST_CASE("check --format json on the bundled rules has no diagnostics", "[e2e][check]") {
  const auto result = run_rapport({"check", "--format=json"});
  CHECK(result.exit_code == 0);
  const auto report = nlohmann::json::parse(result.out);
  CHECK(report["warnings"] == 0);
  CHECK(report["diagnostics"].empty());
  CHECK(report["rules"]["recommendations"].get<int>() > 0);
}

TEST_CASE("check refuses an unknown format and documents its flags in --help", "[e2e][check]") {
  CHECK(run_rapport({"check", "--format", "xml"}).exit_code == 2);
  const auto help = run_rapport({"check", "--help"});
  CHECK(help.exit_code == 0);
  CHECK(help.out.find("--werror") != std::string::npos);
  CHECK(help.out.find("--format") != std::string::npos);
  CHECK(help.out.find("json") != std::string::npos);
}
