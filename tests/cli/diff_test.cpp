// `rapport diff`: comparing two JSON reports of one client by id — the comparison on small inline
// reports, then the command end to end on reports made from an example and a changed copy of it.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <regex>

#include "cli/assessment_diff.hpp"
#include "cli/diff_render.hpp"
#include "run_rapport.hpp"

using namespace rapport::cli;
using nlohmann::json;
using rapport::test::run_rapport;
using rapport::test::scratch_dir;
using rapport::test::slurp;

namespace {

// A small report: two recommendations, two findings, two metrics.
json baseline() {
  return json::parse(R"({
    "company": { "name": "Acme", "industry": "Retail", "assessed_on": "2026-01-31" },
    "recommendations": [
      { "rank": 1, "id": "talk", "title": "Talk more", "priority": 80.0 },
      { "rank": 2, "id": "rebuild_trust", "title": "Rebuild trust", "priority": 50.0 }
    ],
    "findings": [
      { "id": "unhappy", "title": "Marketing is unhappy", "severity": "high", "status": "fired" },
      { "id": "distrust", "title": "Little trust", "severity": "medium", "status": "unknown" }
    ],
    "metrics": [
      { "id": "satisfied", "label": "Satisfied", "kind": "share", "values": { "it": 0.40, "marketing": 0.05 } },
      { "id": "meetings", "label": "Meetings per month", "kind": "number", "values": { "company": 2 } }
    ]
  })");
}

ReadReport read(const json& report, const std::string& name = "report.json") {
  rapport::dsl::SourceFile source(name, report.dump(2));
  return read_report(source);
}

AssessmentDiff compare(const json& before, const json& after) {
  auto earlier = read(before, "before.json");
  auto later = read(after, "after.json");
  REQUIRE(earlier.diagnostics.empty());
  REQUIRE(later.diagnostics.empty());
  return diff_assessments(*earlier.report, *later.report);
}

const RecommendationChange& change_of(const AssessmentDiff& diff, const std::string& id) {
  for (const auto& change : diff.recommendations) {
    if (change.id == id) return change;
  }
  FAIL("no change for " << id);
  throw std::logic_error("unreachable");
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

void write_file(const std::filesystem::path& path, const std::string& text) { std::ofstream(path) << text; }

// Two reports of Northwind Retail: the example as surveyed, and six months later with marketing happier
// with the collaboration and the CIO and CMO meeting more often.
struct ReportPair {
  std::filesystem::path dir, before, after;
};

ReportPair northwind_reports() {
  ReportPair pair;
  pair.dir = scratch_dir("diff-reports");
  pair.before = pair.dir / "before.json";
  pair.after = pair.dir / "after.json";
  std::string profile = slurp(std::string(RAPPORT_SOURCE_DIR) + "/examples/northwind-retail.toml");
  profile = std::regex_replace(profile, std::regex("assessed_on = 2026-10-15"), "assessed_on = 2027-04-15");
  profile = std::regex_replace(profile, std::regex("satisfied_with_collaboration = 0.09"),
                               "satisfied_with_collaboration = 0.55");
  profile = std::regex_replace(profile, std::regex("cio_cmo_meetings_per_month = [0-9.]+"),
                               "cio_cmo_meetings_per_month = 4");
  write_file(pair.dir / "later.toml", profile);
  auto made = run_rapport({"assess", "examples/northwind-retail.toml", "-r", "rules", "-f", "json", "-o",
                           pair.before.string()});
  REQUIRE(made.exit_code == 0);
  made = run_rapport({"assess", (pair.dir / "later.toml").string(), "-r", "rules", "-f", "json", "-o",
                      pair.after.string()});
  INFO(made.err);
  REQUIRE(made.exit_code == 0);
  return pair;
}

}  // namespace

// ─── The comparison ────────────────────────────────────────────────────────────────────────────

TEST_CASE("a report compared with itself has no changes and says so", "[diff]") {
  auto diff = compare(baseline(), baseline());
  CHECK(diff.empty());
  CHECK(diff.same_company());
  CHECK(contains(render_diff_text(diff, {}), "no changes"));
  CHECK(contains(render_diff_markdown(diff), "no changes"));
  CHECK(contains(render_diff_html(diff), "no changes"));
}

TEST_CASE("a recommendation only in the later report is new, with its rank and priority", "[diff]") {
  json after = baseline();
  after["recommendations"].push_back({{"rank", 3}, {"id", "charter"}, {"title", "Write a charter"}, {"priority", 30}});
  auto diff = compare(baseline(), after);
  REQUIRE(diff.recommendations.size() == 1);
  const auto& change = change_of(diff, "charter");
  CHECK(change.change == RankChange::New);
  CHECK(change.rank_after == 3);
  CHECK_FALSE(change.rank_before);
  CHECK(change.priority_after == Approx(30));
}

TEST_CASE("a recommendation only in the earlier report is resolved", "[diff]") {
  json after = baseline();
  after["recommendations"].erase(1);
  auto diff = compare(baseline(), after);
  REQUIRE(diff.recommendations.size() == 1);
  const auto& change = change_of(diff, "rebuild_trust");
  CHECK(change.change == RankChange::Resolved);
  CHECK(change.rank_before == 2);
  CHECK_FALSE(change.rank_after);
}

TEST_CASE("a recommendation at another rank has moved, with both ranks and both priorities", "[diff]") {
  json after = baseline();
  after["recommendations"] = json::parse(R"([
    { "rank": 1, "id": "rebuild_trust", "title": "Rebuild trust", "priority": 95.0 },
    { "rank": 2, "id": "talk", "title": "Talk more", "priority": 80.0 }
  ])");
  auto diff = compare(baseline(), after);
  REQUIRE(diff.recommendations.size() == 2);
  const auto& up = change_of(diff, "rebuild_trust");
  CHECK(up.change == RankChange::Moved);
  CHECK(up.rank_before == 2);
  CHECK(up.rank_after == 1);
  CHECK(up.priority_before == Approx(50));
  CHECK(up.priority_after == Approx(95));
  CHECK(diff.recommendations.front().id == "rebuild_trust");  // in the new rank order
  std::string text = render_diff_text(diff, {});
  CHECK(contains(text, "moved up"));
  CHECK(contains(text, "#2 → #1"));
  CHECK(contains(text, "50 → 95 (+45)"));
}

TEST_CASE("a recommendation at the same rank with another priority is reported as reweighted", "[diff]") {
  json after = baseline();
  after["recommendations"][0]["priority"] = nullptr;
  auto diff = compare(baseline(), after);
  REQUIRE(diff.recommendations.size() == 1);
  CHECK(diff.recommendations[0].change == RankChange::Reprioritised);
  CHECK_FALSE(diff.recommendations[0].priority_after);
  CHECK(contains(render_diff_text(diff, {}), "80 → n/a"));
}

TEST_CASE("a finding whose status changed is listed with its old and new status", "[diff]") {
  json after = baseline();
  after["findings"][0]["status"] = "not_fired";
  after["findings"][1]["status"] = "fired";
  auto diff = compare(baseline(), after);
  REQUIRE(diff.findings.size() == 2);
  CHECK(diff.findings[0].id == "unhappy");
  CHECK(diff.findings[0].status_before == "fired");
  CHECK(diff.findings[0].status_after == "not_fired");
  CHECK(diff.findings[1].status_before == "unknown");
  CHECK(diff.findings[1].status_after == "fired");
  CHECK(contains(render_diff_text(diff, {}), "fired → not fired"));
}

TEST_CASE("metric values that moved are listed per group, shares in percentage points", "[diff]") {
  json after = baseline();
  after["metrics"][0]["values"]["marketing"] = 0.25;
  after["metrics"][1]["values"]["company"] = 3.5;
  auto diff = compare(baseline(), after);
  REQUIRE(diff.metrics.size() == 2);
  CHECK(diff.metrics[0].id == "satisfied");
  CHECK(diff.metrics[0].group == "marketing");  // IT's value did not move
  CHECK(diff.metrics[0].before == Approx(0.05));
  CHECK(diff.metrics[0].after == Approx(0.25));
  std::string text = render_diff_text(diff, {});
  CHECK(contains(text, "5% → 25%"));
  CHECK(contains(text, "+20 pp"));
  CHECK(contains(text, "2 → 3.5"));
  CHECK(contains(text, "+1.5"));
}

TEST_CASE("a metric value that became known or unknown is reported as appeared or disappeared", "[diff]") {
  json after = baseline();
  after["metrics"][0]["values"]["it"] = nullptr;
  after["metrics"][1]["values"]["it"] = 4;
  auto diff = compare(baseline(), after);
  REQUIRE(diff.metrics.size() == 2);
  CHECK(diff.metrics[0].before == Approx(0.40));
  CHECK_FALSE(diff.metrics[0].after);
  CHECK_FALSE(diff.metrics[1].before);
  std::string text = render_diff_text(diff, {});
  CHECK(contains(text, "40% → n/a"));
  CHECK(contains(text, "disappeared"));
  CHECK(contains(text, "appeared"));
}

TEST_CASE("reports of different companies are compared but flagged", "[diff]") {
  json after = baseline();
  after["company"]["name"] = "Globex";
  auto diff = compare(baseline(), after);
  CHECK_FALSE(diff.same_company());
  CHECK(contains(render_diff_text(diff, {}), "Acme (2026-01-31) → Globex (2026-01-31)"));
}

TEST_CASE("a file that is not JSON is reported at the line and column where it stops parsing", "[diff]") {
  rapport::dsl::SourceFile source("bad.json", "{\n  \"company\": {\n    \"name\": nope\n");
  auto result = read_report(source);
  CHECK_FALSE(result.report);
  REQUIRE(result.diagnostics.size() == 1);
  CHECK(result.diagnostics[0].where.line == 3);
  CHECK(result.diagnostics[0].where.col == 14);  // the "o" of "nope", where "null" went wrong
  CHECK(contains(result.diagnostics[0].message, "not valid JSON"));
  CHECK_FALSE(contains(result.diagnostics[0].message, "json.exception"));
}

TEST_CASE("JSON that is not a Rapport report names the keys it lacks", "[diff]") {
  json other = baseline();
  other.erase("recommendations");
  other["findings"][0].erase("status");
  auto result = read(other);
  CHECK_FALSE(result.report);
  REQUIRE(result.diagnostics.size() == 2);
  CHECK(contains(result.diagnostics[0].message, "'recommendations'"));
  CHECK(contains(result.diagnostics[1].message, "'findings[0].status'"));
}

TEST_CASE("the markdown and HTML renderings escape what comes from the reports", "[diff]") {
  json after = baseline();
  after["recommendations"].push_back(
      {{"rank", 3}, {"id", "x"}, {"title", "Use <script> | and & more"}, {"priority", 1}});
  auto diff = compare(baseline(), after);
  std::string markdown = render_diff_markdown(diff);
  CHECK(contains(markdown, "| change | rank | recommendation | priority |"));
  CHECK(contains(markdown, "Use \\<script\\> \\| and & more"));
  std::string html = render_diff_html(diff);
  CHECK(contains(html, "Use &lt;script&gt; | and &amp; more"));
  CHECK_FALSE(contains(html, "<script>"));
  CHECK(contains(html, "<style>"));
}

// ─── The command ───────────────────────────────────────────────────────────────────────────────

TEST_CASE("diff of an example and a later survey lists what changed, in every format", "[diff][e2e]") {
  auto reports = northwind_reports();
  auto text = run_rapport({"diff", reports.before.string(), reports.after.string()});
  INFO(text.err);
  REQUIRE(text.exit_code == 0);
  CHECK(text.err.empty());
  CHECK(contains(text.out, "Rapport diff: Northwind Retail, 2026-10-15 → 2027-04-15"));
  CHECK(contains(text.out, "RECOMMENDATIONS"));
  CHECK(contains(text.out, "FINDINGS"));
  CHECK(contains(text.out, "METRICS"));
  CHECK(contains(text.out, "9% → 55%"));
  CHECK(contains(text.out, "+46 pp"));
  CHECK_FALSE(contains(text.out, "\x1b["));  // not a terminal

  auto markdown = run_rapport({"diff", reports.before.string(), reports.after.string(), "--format", "markdown"});
  REQUIRE(markdown.exit_code == 0);
  CHECK(contains(markdown.out, "# Rapport diff: Northwind Retail"));
  CHECK(contains(markdown.out, "| metric | group | before | after | change |"));

  auto out = reports.dir / "diff.html";
  auto html = run_rapport({"diff", reports.before.string(), reports.after.string(), "-f", "html", "-o", out.string()});
  REQUIRE(html.exit_code == 0);
  CHECK(html.out.empty());
  std::string page = slurp(out);
  CHECK(page.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(contains(page, "+46 pp"));
  std::filesystem::remove_all(reports.dir);
}

TEST_CASE("diff of a report with itself says there are no changes", "[diff][e2e]") {
  auto reports = northwind_reports();
  auto result = run_rapport({"diff", reports.before.string(), reports.before.string()});
  REQUIRE(result.exit_code == 0);
  CHECK(contains(result.out, "no changes"));
  std::filesystem::remove_all(reports.dir);
}

TEST_CASE("diff of reports of two companies warns on standard error and still compares", "[diff][e2e]") {
  auto dir = scratch_dir("diff-companies");
  json other = baseline();
  other["company"]["name"] = "Globex";
  write_file(dir / "a.json", baseline().dump());
  write_file(dir / "b.json", other.dump());
  auto result = run_rapport({"diff", (dir / "a.json").string(), (dir / "b.json").string()});
  CHECK(result.exit_code == 0);
  CHECK(contains(result.err, "warning: the reports are of different companies"));
  CHECK(contains(result.out, "Globex"));
  std::filesystem::remove_all(dir);
}

TEST_CASE("diff of a file that is not JSON points at the error and exits 3", "[diff][e2e]") {
  auto dir = scratch_dir("diff-bad");
  write_file(dir / "good.json", baseline().dump());
  write_file(dir / "bad.json", "{\n  \"company\": [,\n");
  auto result = run_rapport({"diff", (dir / "good.json").string(), (dir / "bad.json").string()});
  CHECK(result.exit_code == 3);
  CHECK(contains(result.err, (dir / "bad.json").string() + ":2:15: error: not valid JSON"));
  CHECK(result.out.empty());
  std::filesystem::remove_all(dir);
}

TEST_CASE("diff of JSON that is not a Rapport report names the missing key and exits 3", "[diff][e2e]") {
  auto dir = scratch_dir("diff-shape");
  write_file(dir / "good.json", baseline().dump());
  write_file(dir / "other.json", R"({"name": "not a report"})");
  auto result = run_rapport({"diff", (dir / "good.json").string(), (dir / "other.json").string()});
  CHECK(result.exit_code == 3);
  CHECK(contains(result.err, "missing key 'company'"));
  CHECK(contains(result.err, "is not a Rapport JSON report"));
  std::filesystem::remove_all(dir);
}

TEST_CASE("diff of a missing file exits 4 and names it", "[diff][e2e]") {
  auto dir = scratch_dir("diff-missing");
  write_file(dir / "good.json", baseline().dump());
  auto result = run_rapport({"diff", (dir / "good.json").string(), (dir / "absent.json").string()});
  CHECK(result.exit_code == 4);
  CHECK(contains(result.err, "absent.json"));
  std::filesystem::remove_all(dir);
}

TEST_CASE("diff refuses to write its output over one of the reports", "[diff][e2e]") {
  auto dir = scratch_dir("diff-overwrite");
  const std::string before = baseline().dump();
  write_file(dir / "a.json", before);
  write_file(dir / "b.json", before);
  auto result = run_rapport({"diff", (dir / "a.json").string(), (dir / "b.json").string(), "-o",
                             (dir / "a.json").string()});
  CHECK(result.exit_code == 2);
  CHECK(slurp(dir / "a.json") == before);
  std::filesystem::remove_all(dir);
}
