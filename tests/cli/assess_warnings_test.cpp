// End-to-end: a division by zero in a rule, for one client's figures, reaches the consultant as a warning on
// stderr and in every report format; assessments without one look as they always did.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>

#include "run_rapport.hpp"

using rapport::test::run_rapport;
using rapport::test::scratch_dir;

namespace {

// The text with its wrapped lines joined again ("\n" and the indent of a continued line become one space).
std::string unwrapped(std::string text) {
  for (auto at = text.find("\n    "); at != std::string::npos; at = text.find("\n    ", at)) text.replace(at, 5, " ");
  return text;
}

// A rule set whose finding divides by `planned` in its condition, and whose recommendation divides by it in its
// priority; and a profile where `planned` is 0. The finding's title needs escaping in HTML.
struct DivisionCase {
  std::filesystem::path dir = scratch_dir("division");
  std::string rules = (dir / "plan.rules").string();
  std::string profile = (dir / "client.toml").string();

  DivisionCase() {
    std::ofstream(rules) << R"(source s
  title "S"
end
metric done
  question "How many done?"
  kind number
  asked company
end
metric planned
  question "How many planned?"
  kind number
  asked company
end
finding behind
  title "Behind <plan> & more"
  severity high
  when done / planned < 0.5
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
)";
    std::ofstream(profile) << "[company]\nname = \"Acme\"\n\n[company_metrics]\ndone = 3\nplanned = 0\n";
  }
  ~DivisionCase() { std::filesystem::remove_all(dir); }
};

}  // namespace

TEST_CASE("assess warns on stderr of a division by zero, at the rule, naming it and the field", "[e2e][warnings]") {
  const DivisionCase c;
  const auto result = run_rapport({"assess", c.profile, "-r", c.rules});
  INFO(result.err);
  REQUIRE(result.exit_code == 0);  // a warning, not an error: the report is written
  CHECK(result.err.find(c.rules + ":14:9: warning: a division by zero in the condition of finding 'behind' for this "
                                  "profile, so it could not be assessed") != std::string::npos);
  CHECK(result.err.find(c.rules + ":21:16: warning: a division by zero in the priority of recommendation 'catch_up' "
                                  "for this profile, so the priority is unknown and it ranks last") != std::string::npos);
  CHECK(result.err.find("help: check the profile's figures that the rule reads") != std::string::npos);
}

TEST_CASE("the text, Markdown and HTML reports list evaluation warnings in a Warnings section", "[e2e][warnings]") {
  const DivisionCase c;
  const auto result = run_rapport({"assess", c.profile, "-r", c.rules}, "NO_COLOR=1");
  const std::string text = unwrapped(result.out);
  INFO(text);
  CHECK(text.find("WARNINGS (2)") != std::string::npos);
  CHECK(text.find("Finding “Behind <plan> & more” (behind): a division by zero in its condition (see Warnings)") !=
        std::string::npos);  // in NOT ASSESSED, where it says why
  CHECK(text.find("Finding “Behind <plan> & more” (behind): a division by zero in its condition, so it could not "
                      "be assessed.") != std::string::npos);
  CHECK(text.find("Recommendation “Catch up” (catch_up): a division by zero in its priority, so the priority is "
                      "unknown and it ranks last.") != std::string::npos);

  const auto markdown = run_rapport({"assess", c.profile, "-r", c.rules, "-f", "markdown"});
  CHECK(markdown.out.find("## Warnings (2)") != std::string::npos);

  const auto html = run_rapport({"assess", c.profile, "-r", c.rules, "-f", "html"});
  CHECK(html.out.find("<h3 id=\"warnings\">Warnings</h3>") != std::string::npos);
  CHECK(html.out.find("Behind &lt;plan&gt; &amp; more") != std::string::npos);
  CHECK(html.out.find("Behind <plan>") == std::string::npos);
}

TEST_CASE("the JSON report lists evaluation warnings by code, rule, id and field", "[e2e][warnings]") {
  const DivisionCase c;
  const auto result = run_rapport({"assess", c.profile, "-r", c.rules, "-f", "json"});
  REQUIRE(result.exit_code == 0);
  const auto report = nlohmann::json::parse(result.out);
  REQUIRE(report.contains("warnings"));
  REQUIRE(report["warnings"].size() == 2);
  CHECK(report["warnings"][0]["code"] == "division-by-zero");
  CHECK(report["warnings"][0]["rule"] == "finding");
  CHECK(report["warnings"][0]["id"] == "behind");
  CHECK(report["warnings"][0]["field"] == "condition");
  CHECK(report["warnings"][1]["rule"] == "recommendation");
  CHECK(report["warnings"][1]["id"] == "catch_up");
  CHECK(report["warnings"][1]["field"] == "priority");
}

TEST_CASE("an assessment without evaluation warnings has no Warnings section and nothing on stderr", "[e2e][warnings]") {
  const auto text = run_rapport({"assess", "examples/northwind-retail.toml"});
  CHECK(text.err.empty());
  CHECK(text.out.find("WARNINGS") == std::string::npos);
  const auto json = nlohmann::json::parse(run_rapport({"assess", "examples/northwind-retail.toml", "-f", "json"}).out);
  CHECK_FALSE(json.contains("warnings"));
}
