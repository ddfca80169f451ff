// `rapport explain` end to end on the small fixture rule set: trees of values, reasons, unknowns with
// the missing metric, priorities term by term, what would it take, ids, JSON, colour, files, help.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <fstream>

#include "run_rapport.hpp"

using nlohmann::json;
using rapport::test::fixture;
using rapport::test::run_rapport;
using rapport::test::scratch_dir;
using rapport::test::shell_quote;
using rapport::test::slurp;

namespace {

const std::string kRules = fixture("rules/alignment.rules");

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// The text with every run of spaces and line breaks made one space, so wrapped sentences read whole.
std::string flat(const std::string& text) {
  std::string out;
  for (const char c : text) {
    const bool space = c == ' ' || c == '\n';
    if (space && !out.empty() && out.back() == ' ') continue;
    out += space ? ' ' : c;
  }
  return out;
}

// The line of `text` that contains `part` ("" when none does).
std::string line_with(const std::string& text, const std::string& part) {
  const auto at = text.find(part);
  if (at == std::string::npos) return {};
  const auto start = text.rfind('\n', at);
  const auto end = text.find('\n', at);
  return text.substr(start == std::string::npos ? 0 : start + 1, end - (start == std::string::npos ? 0 : start + 1));
}

// A profile in a scratch directory.
std::string profile_file(const std::string& name, const std::string& toml) {
  const auto path = scratch_dir("explain-" + name) / (name + ".toml");
  std::ofstream(path) << toml;
  return path.string();
}

}  // namespace

TEST_CASE("explain shows every sub-expression of a condition with its value and says why it fired", "[e2e][explain]") {
  auto result = run_rapport({"explain", fixture("full.toml"), "unhappy", "-r", kRules});
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  CHECK(has(result.out, "unhappy · fired · high"));
  CHECK(has(result.out, "Why: fired because `marketing.satisfied < 30%` is true (5% < 30%)."));
  const std::string it = line_with(result.out, "├─ it.satisfied < 30%");
  CHECK(has(it, "false"));
  CHECK(has(it, "40% < 30%"));
  CHECK(has(line_with(result.out, "│  ├─ it.satisfied "), "40%"));
  CHECK(has(line_with(result.out, "└─ marketing.satisfied < 30%"), "true"));
  CHECK(has(line_with(result.out, "it.satisfied < 30% or marketing.satisfied < 30%  "), "true"));
  // only what was asked, and the findings it reads: none here
  CHECK_FALSE(has(result.out, "RECOMMENDATIONS"));
  CHECK_FALSE(has(result.out, "silent"));
}

TEST_CASE("explain names the metric an unknown condition lacks", "[e2e][explain]") {
  auto result = run_rapport({"explain", fixture("patchy.toml"), "unhappy", "close_gap", "-r", kRules});
  REQUIRE(result.exit_code == 0);
  CHECK(has(result.out, "Why: unknown because `marketing.satisfied < 30%` is unknown (marketing.satisfied is missing)."));
  CHECK(has(line_with(result.out, "├─ marketing.satisfied  "), "not in the profile"));
  CHECK(has(result.out, "Why: unknown because `unhappy` is unknown (the profile lacks marketing.satisfied)."));
}

TEST_CASE("explain shows how a recommendation's priority was computed and where it ranks", "[e2e][explain]") {
  auto result = run_rapport({"explain", fixture("full.toml"), "close_gap", "-r", kRules});
  REQUIRE(result.exit_code == 0);
  CHECK(has(result.out, "close_gap · fired · #1 of 3 · priority 85"));
  CHECK(has(result.out, "Priority: 85 = 50 + 35, ranked #1 of the 3 recommendations that apply."));
  CHECK(has(line_with(result.out, "└─ 100 * abs(gap(satisfied))"), "35"));
  CHECK(has(line_with(result.out, "└─ gap(satisfied)"), "+35 pp"));
}

TEST_CASE("explaining a recommendation explains the findings it reads, down the chain", "[e2e][explain]") {
  auto result = run_rapport({"explain", fixture("full.toml"), "rebuild_trust", "-r", kRules});
  REQUIRE(result.exit_code == 0);
  CHECK(has(result.out, "Why: fired because `distrust` fired."));
  CHECK(has(result.out, "Reads: silent (fired) and distrust (fired); each is explained under FINDINGS."));
  CHECK(has(result.out, "distrust · fired · critical"));
  CHECK(has(result.out, "silent · fired · medium"));
  CHECK(has(result.out, "Why: fired because `meetings < 1` is true (0.5 < 1)."));
  CHECK(has(result.out, "Why: fired because all of these hold: `silent` fired; `it.trust < 3` is true (2.5 < 3)."));
}

TEST_CASE("explain names the smallest single change that would remove a fired recommendation", "[e2e][explain]") {
  auto result = run_rapport({"explain", fixture("full.toml"), "rebuild_trust", "close_gap", "-r", kRules});
  REQUIRE(result.exit_code == 0);
  CHECK(has(result.out, "What would it take: raising it.trust from 2.5 to 3 or more would remove it."));
  CHECK(has(result.out, "or raising meetings from 0.5 to 1 or more would remove it"));
  CHECK(has(result.out, "What would it take: raising marketing.satisfied from 5% to 30% or more would remove it."));
}

TEST_CASE("explain says when no single metric can remove a recommendation, and what it rests on", "[e2e][explain]") {
  const auto profile = profile_file("both", "[company]\nname = \"Both Low\"\n[it]\nsatisfied = 0.10\n"
                                            "[marketing]\nsatisfied = 0.05\n");
  auto result = run_rapport({"explain", profile, "close_gap", "-r", kRules});
  REQUIRE(result.exit_code == 0);
  CHECK(has(flat(result.out), "What would it take: no change of a single metric removes it; it rests on `unhappy` "
                              "fired, which fired because `it.satisfied < 30%` is true (10% < 30%); and "
                              "`marketing.satisfied < 30%` is true (5% < 30%)."));
}

TEST_CASE("explain without ids explains everything, recommendations that apply first by rank", "[e2e][explain]") {
  auto result = run_rapport({"explain", fixture("full.toml"), "-r", kRules});
  REQUIRE(result.exit_code == 0);
  const auto first = result.out.find("close_gap · fired · #1");
  const auto second = result.out.find("rebuild_trust · fired · #2");
  const auto third = result.out.find("talk · fired · #3");
  const auto findings = result.out.find("\nFINDINGS\n");
  REQUIRE(first != std::string::npos);
  CHECK(first < second);
  CHECK(second < third);
  CHECK(third < findings);
  for (const char* id : {"unhappy · fired", "silent · fired", "distrust · fired"}) CHECK(has(result.out.substr(findings), id));
}

TEST_CASE("explain of an id that names nothing is a usage error with a suggestion", "[e2e][explain]") {
  auto result = run_rapport({"explain", fixture("full.toml"), "rebuild_trus", "-r", kRules});
  CHECK(result.exit_code == 2);
  CHECK(has(result.err, "'rebuild_trus' is not a finding or recommendation of these rules; did you mean 'rebuild_trust'?"));
  CHECK(result.out.empty());
  auto metric = run_rapport({"explain", fixture("full.toml"), "meetings", "-r", kRules});
  CHECK(metric.exit_code == 2);
  CHECK(has(metric.err, "'meetings' is a metric"));
}

TEST_CASE("explain stops with exit 3 on an invalid profile", "[e2e][explain]") {
  auto result = run_rapport({"explain", fixture("bad_profile.toml"), "-r", kRules});
  CHECK(result.exit_code == 3);
  CHECK(result.out.empty());
}

TEST_CASE("explain as JSON carries the trees, reasons, priority terms and changes as data", "[e2e][explain][json]") {
  auto result = run_rapport({"explain", fixture("full.toml"), "rebuild_trust", "-r", kRules, "-f", "json"});
  REQUIRE(result.exit_code == 0);
  const json out = json::parse(result.out);
  CHECK(out["company"] == "Fixture Full");
  REQUIRE(out["recommendations"].size() == 1);
  const json& rec = out["recommendations"][0];
  CHECK(rec["id"] == "rebuild_trust");
  CHECK(rec["status"] == "fired");
  CHECK(rec["reason"] == "fired because `distrust` fired");
  CHECK(rec["condition"]["kind"] == "finding");
  CHECK(rec["condition"]["value"] == true);
  CHECK(rec["priority"]["value"] == 70.0);
  CHECK(rec["priority"]["rank"] == 2);
  CHECK(rec["priority"]["of"] == 3);
  const json& change = rec["what_would_it_take"]["changes"][0];
  CHECK(change["metric"] == "it.trust");
  CHECK(change["from"] == 2.5);
  CHECK(change["to"] == 3.0);
  CHECK(change["threshold"] == 3.0);
  CHECK(change["direction"] == "raise");
  CHECK(change["leaves_it"] == "not_fired");
  CHECK(rec["findings_read"] == json::array({"silent", "distrust"}));

  REQUIRE(out["findings"].size() == 2);
  const json& distrust = out["findings"][0]["id"] == "distrust" ? out["findings"][0] : out["findings"][1];
  const json& when = distrust["condition"];
  CHECK(when["text"] == "silent and (it.trust < 3 or marketing.trust < 3)");
  CHECK(when["operator"] == "and");
  const json& trust = when["children"][1]["children"][0];
  CHECK(trust["text"] == "it.trust < 3");
  CHECK(trust["value"] == true);
  CHECK(trust["children"][0]["metric"] == "it.trust");
  CHECK(trust["children"][0]["value"] == 2.5);
  CHECK(trust["children"][0]["at"] == kRules + ":49:20");
}

TEST_CASE("explain as JSON gives null for unknown values and names what is missing", "[e2e][explain][json]") {
  auto result = run_rapport({"explain", fixture("patchy.toml"), "unhappy", "-r", kRules, "-f", "json"});
  REQUIRE(result.exit_code == 0);
  const json f = json::parse(result.out)["findings"][0];
  CHECK(f["status"] == "unknown");
  CHECK(f["missing"] == json::array({"marketing.satisfied"}));
  CHECK(f["condition"]["value"].is_null());
  CHECK(f["condition"]["children"][1]["children"][0]["missing"] == json::array({"marketing.satisfied"}));
}

TEST_CASE("explain writes to a file with -o and refuses to overwrite its input", "[e2e][explain]") {
  const auto dir = scratch_dir("explain-output");
  const auto file = (dir / "why.txt").string();
  auto written = run_rapport({"explain", fixture("full.toml"), "talk", "-r", kRules, "-o", file});
  CHECK(written.exit_code == 0);
  CHECK(written.out.empty());
  CHECK(has(slurp(file), "talk · fired"));
  auto refused = run_rapport({"explain", fixture("full.toml"), "-r", kRules, "-o", fixture("full.toml")});
  CHECK(refused.exit_code == 2);
}

TEST_CASE("explain has help and no colour when its output is not a terminal", "[e2e][explain]") {
  auto help = run_rapport({"explain", "--help"});
  CHECK(help.exit_code == 0);
  CHECK(has(help.out, "--format"));
  CHECK(has(help.out, "ids"));
  auto piped = run_rapport({"explain", fixture("full.toml"), "-r", kRules});
  CHECK_FALSE(has(piped.out, "\x1b["));
}

TEST_CASE("explain is coloured on a terminal unless NO_COLOR is set", "[e2e][explain][color]") {
  if (std::system("command -v script >/dev/null 2>&1") != 0) {
    WARN("script (util-linux) is missing; cannot give rapport a terminal");
    return;
  }
  const auto on_a_terminal = [](const std::string& env) {
    return rapport::test::run_rapport_on_terminal({"explain", fixture("full.toml"), "-r", kRules}, env);
  };
  const std::string coloured = on_a_terminal("NO_COLOR=");
  CHECK(has(coloured, "Fixture Full"));
  CHECK(has(coloured, "\x1b["));
  const std::string plain = on_a_terminal("NO_COLOR=1");
  CHECK(has(plain, "Fixture Full"));
  CHECK_FALSE(has(plain, "\x1b["));
}
