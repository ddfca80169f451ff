// The Markdown report lays out a ClientReport as GitHub-flavoured Markdown: seven sections, GFM tables,
// and text from rules and profiles escaped so it cannot break the layout or inject HTML.
#include <catch2/catch.hpp>

#include <sstream>

#include "cli/brand.hpp"
#include "cli/report.hpp"
#include "cli/report_model.hpp"
#include "run_rapport.hpp"

using namespace rapport::cli;

namespace {

FindingView finding(std::string title) {
  FindingView f;
  f.id = "unhappy";
  f.title = std::move(title);
  f.severity = "high";
  f.status = "fired";
  f.narrative = "IT 40%, marketing 5%, gap +35 pp.";
  f.evidence = {{"study", "A study (Someone, 2013)", "only one in ten is satisfied"}};
  f.values = {{"marketing.satisfied", "Satisfied", "marketing", "5%", "about 10%", "A study"}};
  return f;
}

ClientReport sample_report() {
  ClientReport report;
  report.cover = {"Fixture Co", "Retail", "2026-01-31", "10", "12", "1 file, fingerprint abc123", 3, 5, 2, 1};
  report.applying = 4;
  for (int rank = 1; rank <= 4; ++rank) {
    RecommendationView r;
    r.rank = rank;
    r.id = "rec" + std::to_string(rank);
    r.title = "Recommendation " + std::to_string(rank);
    r.priority = std::to_string(100 - rank);
    r.owner = "CIO and CMO";
    r.horizon_days = 30;
    r.rationale = "Because it matters.";
    r.actions = {"Do the first thing"};
    r.because = {finding("Few are satisfied"), finding("Few are satisfied")};
    r.summary = "Summary of recommendation " + std::to_string(rank) + ".";
    report.recommendations.push_back(r);
  }
  report.findings = {finding("Few are satisfied")};
  report.not_observed = {"Nobody talks"};
  GapRow gap;
  gap.label = "Satisfied";
  gap.it_text = "40%";
  gap.marketing_text = "5%";
  gap.gap_text = "+35 pp";
  gap.it_benchmark_text = "about 10%";
  report.gaps = {gap};
  report.not_assessed = {{"finding", "distrust", "One side distrusts the other", {"it.trust"}, {}},
                         {"recommendation", "rebuild", "Rebuild trust", {}, {"One side distrusts the other"}}};
  report.sources = {{"study", "A study", "Someone", "2013", "405 marketing, 252 IT", "A survey.", "https://x.example/a"}};
  report.method = {"First method paragraph."};
  return report;
}

std::size_t position(const std::string& text, const std::string& needle) {
  auto at = text.find(needle);
  INFO("looking for: " << needle);
  REQUIRE(at != std::string::npos);
  return at;
}

Brand firm(std::string name) {
  Brand brand;
  brand.firm = std::move(name);
  return brand;
}

bool contains(const std::string& text, const std::string& needle) { return text.find(needle) != std::string::npos; }

// Every line of a GFM table has as many unescaped pipes as the table's header.
void require_tables_intact(const std::string& markdown) {
  std::istringstream lines(markdown);
  int columns = -1;
  for (std::string line; std::getline(lines, line);) {
    if (line.empty() || line[0] != '|') {
      columns = -1;
      continue;
    }
    int pipes = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
      if (line[i] == '\\') ++i;
      else if (line[i] == '|') ++pipes;
    }
    if (columns < 0) columns = pipes;
    INFO(line);
    CHECK(pipes == columns);
  }
}

}  // namespace

TEST_CASE("the Markdown report shows the seven sections in order", "[markdown]") {
  auto md = render_markdown(sample_report(), firm("Rapport"));
  auto cover = position(md, "# Rapport assessment: Fixture Co\n");
  auto summary = position(md, "\n## Executive summary\n");
  auto recommendations = position(md, "\n## Recommendations (4 of 5 apply)\n");
  auto findings = position(md, "\n## Findings (1 of 3 observed)\n");
  auto gap = position(md, "\n## Perception gap\n");
  auto not_assessed = position(md, "\n## Not assessed (2)\n");
  auto appendix = position(md, "\n## Appendix: sources and method\n");
  CHECK(cover < summary);
  CHECK(summary < recommendations);
  CHECK(recommendations < findings);
  CHECK(findings < gap);
  CHECK(gap < not_assessed);
  CHECK(not_assessed < appendix);
  CHECK(md.back() == '\n');
  CHECK(md.find("\n\n\n") == std::string::npos);
}

TEST_CASE("the Markdown cover names the firm that prepared the report", "[markdown]") {
  CHECK(contains(render_markdown(sample_report(), firm("Acme Advisory")), "\nPrepared by Acme Advisory\n"));
  CHECK(contains(render_markdown(sample_report(), Brand{"", "#1f4e79", "", ""}), "\nPrepared by Rapport\n"));
  auto md = render_markdown(sample_report(), firm("Rapport"));
  CHECK(contains(md, "| Respondents | IT 10, marketing 12 |"));
  CHECK(contains(md, "| Assessment date | 2026-01-31 |"));
  CHECK(contains(md, "| Rule set | 1 file, fingerprint abc123: 3 findings"));
}

TEST_CASE("the Markdown executive summary has one paragraph for each of the first three recommendations", "[markdown]") {
  auto md = render_markdown(sample_report(), firm("Rapport"));
  CHECK(contains(md, "\n1. **Recommendation 1.** Summary of recommendation 1.\n\n"
                     "2. **Recommendation 2.** Summary of recommendation 2.\n\n"
                     "3. **Recommendation 3.** Summary of recommendation 3.\n\n## Recommendations"));
}

TEST_CASE("each Markdown recommendation lists its findings and a table of values next to benchmarks", "[markdown]") {
  auto md = render_markdown(sample_report(), firm("Rapport"));
  CHECK(contains(md, "### 1. Recommendation 1\n"));
  CHECK(contains(md, "**Priority:** 99 · **Owner:** CIO and CMO · **Horizon:** 30 days · **id:** `rec1`"));
  CHECK(contains(md, "- Do the first thing\n"));
  CHECK(contains(md, "- **high:** Few are satisfied\n"));
  const std::string value = "| Satisfied (`marketing.satisfied`) | marketing | 5% | about 10% | A study |";
  auto first = position(md, value);
  CHECK(md.find(value, first + 1) > position(md, "### 2. Recommendation 2"));  // once per recommendation
}

TEST_CASE("Markdown findings quote their evidence with its source, then list those not observed", "[markdown]") {
  auto md = render_markdown(sample_report(), firm("Rapport"));
  CHECK(contains(md, "### Few are satisfied (high)\n\nIT 40%, marketing 5%, gap +35 pp.\n"));
  CHECK(contains(md, "> “only one in ten is satisfied”\n>\n> — A study (Someone, 2013)\n"));
  CHECK(contains(md, "### Not observed for this client\n\n- Nobody talks\n"));
}

TEST_CASE("the perception gap is a GFM table with a dash where no benchmark is published", "[markdown]") {
  auto md = render_markdown(sample_report(), firm("Rapport"));
  CHECK(contains(md, "| Metric | IT | Marketing | Gap | IT benchmark | Marketing benchmark |\n"
                     "| --- | ---: | ---: | ---: | ---: | ---: |\n"
                     "| Satisfied | 40% | 5% | +35 pp | about 10% | – |\n"));
}

TEST_CASE("Markdown not-assessed items name the missing metrics and the unknown findings they build on", "[markdown]") {
  auto md = render_markdown(sample_report(), firm("Rapport"));
  CHECK(contains(md, "- **Finding** “One side distrusts the other” (`distrust`): missing `it.trust`\n"));
  CHECK(contains(md, "- **Recommendation** “Rebuild trust” (`rebuild`): depends on unassessed “One side distrusts "
                     "the other”\n"));
}

TEST_CASE("the Markdown appendix tabulates the sources, linking their addresses, then gives the method", "[markdown]") {
  auto md = render_markdown(sample_report(), firm("Rapport"));
  CHECK(contains(md, "| [A study](https://x.example/a) | Someone | 2013 | 405 marketing, 252 IT | A survey. |"));
  CHECK(contains(md, "### Method\n\nFirst method paragraph.\n"));
}

TEST_CASE("hostile text from rules and profiles cannot break tables or inject markup", "[markdown]") {
  auto report = sample_report();
  report.cover.company = "Evil | Co <script>alert(1)</script>";
  report.findings[0].title = "# *bold* and `code` | pipe";
  report.findings[0].narrative = "line one\n# not a heading\n| not | a row |";
  report.recommendations[0].because[0].values[0].label = "a | b\nc";
  report.recommendations[0].summary = "1. not a list *but* text_with_underscores";
  report.gaps[0].label = "gap | label <b>";
  report.sources[0].note = "note | with pipe";
  report.sources[0].url = "javascript:alert(1)";
  report.not_observed = {"- not a nested item"};
  auto md = render_markdown(report, firm("Firm <img src=x> | Ltd"));

  require_tables_intact(md);
  for (std::size_t at = md.find('<'); at != std::string::npos; at = md.find('<', at + 1)) {
    INFO(md.substr(at, 20));
    CHECK((at > 0 && md[at - 1] == '\\'));  // every '<' escaped: no HTML gets through
  }
  CHECK(contains(md, "| Company | Evil \\| Co \\<script\\>alert(1)\\</script\\> |"));
  CHECK(contains(md, "### \\# \\*bold\\* and \\`code\\` \\| pipe (high)"));
  CHECK(contains(md, "\nline one \\# not a heading \\| not \\| a row \\|\n"));  // newlines cannot open blocks
  CHECK(contains(md, "| a \\| b c (`marketing.satisfied`) |"));
  CHECK(contains(md, "\n1. **Recommendation 1.** 1. not a list \\*but\\* text\\_with\\_underscores\n"));
  CHECK(contains(md, "| gap \\| label \\<b\\> |"));
  CHECK(contains(md, "| note \\| with pipe |"));
  CHECK_FALSE(contains(md, "](javascript:"));  // only web addresses become links
  CHECK(contains(md, "\n- \\- not a nested item\n"));
  CHECK(contains(md, "Prepared by Firm \\<img src=x\\> \\| Ltd"));
}

TEST_CASE("assess writes the bundled example as a Markdown report", "[e2e][markdown]") {
  auto result = rapport::test::run_rapport(
      {"assess", "examples/northwind-retail.toml", "-r", "rules", "--format", "markdown"});
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  CHECK(contains(result.out, "# Rapport assessment: Northwind Retail\n"));
  CHECK(contains(result.out, "Prepared by Rapport"));
  CHECK(contains(result.out, "\n## Executive summary\n\n1. "));
  CHECK(contains(result.out, "\n## Perception gap\n"));
  CHECK(contains(result.out, "missing `cio_cost_cutting_mandate`"));
  require_tables_intact(result.out);
}

TEST_CASE("Markdown marks tentative items and says why, wherever they appear", "[markdown]") {
  auto report = sample_report();
  report.recommendations[0].tentative = true;
  report.recommendations[0].certainty = "Tentative: it rests on a gap that may be chance.";
  report.recommendations[0].because[0].tentative = true;
  report.findings[0].tentative = true;
  report.findings[0].certainty = "Tentative: the finding's gap may be chance.";
  const auto md = render_markdown(report, firm("Rapport"));
  CHECK(contains(md, "1. **Recommendation 1.** *(tentative)* Summary of recommendation 1. Tentative: it rests on a "
                     "gap that may be chance.\n"));
  CHECK(contains(md, "### 1. Recommendation 1 *(tentative)*\n"));
  CHECK(contains(md, "*Tentative: it rests on a gap that may be chance.*\n"));
  CHECK(contains(md, "- **high:** Few are satisfied *(tentative)*\n- **high:** Few are satisfied\n"));
  CHECK(contains(md, "### Few are satisfied (high) *(tentative)*\n\n*Tentative: the finding's gap may be chance.*\n"));
  CHECK_FALSE(contains(md, "### 2. Recommendation 2 *(tentative)*"));
}

TEST_CASE("Markdown shows n, intervals and the gap's test when the profile gives counts", "[markdown]") {
  auto report = sample_report();
  report.confidence = "95%";
  report.significance = "5%";
  auto& value = report.recommendations[0].because[0].values[0];
  value.n = "12";
  value.ci = "1–35%";
  auto& withheld = report.recommendations[0].because[1].values[0];
  withheld.reference = "it.satisfied";
  withheld.value = "withheld";
  withheld.n = "4";
  withheld.standing = "withheld: 4 answered, fewer than 5 (anonymity)";
  auto& gap = report.gaps[0];
  gap.n_text = "10/12";
  gap.p_text = "p = 0.01";
  gap.p_short = "0.01";
  gap.significant = true;
  const auto md = render_markdown(report, firm("Rapport"));
  require_tables_intact(md);
  CHECK(contains(md, "| Metric | Group | Client | n | 95% CI | Benchmark | Benchmark source |\n"));
  CHECK(contains(md, "| Satisfied (`marketing.satisfied`) | marketing | 5% | 12 | 1–35% | about 10% | A study |\n"));
  CHECK(contains(md, "| Satisfied (`it.satisfied`) | marketing | withheld: 4 answered, fewer than 5 (anonymity) | 4 | – |"));
  CHECK(contains(md, "| Metric | IT | Marketing | Gap | n (IT/marketing) | p | IT benchmark | Marketing benchmark |\n"));
  CHECK(contains(md, "| Satisfied | 40% | 5% | +35 pp | 10/12 | 0.01 \\* | about 10% | – |\n"));
  CHECK(contains(md, "gaps significant at the 5% level are marked \\*."));
}

TEST_CASE("Markdown lists insufficient evidence apart from not assessed, then the notes on the evidence", "[markdown]") {
  auto report = sample_report();
  report.insufficient = {{"finding", "low_trust", "Low trust", {}, {}, {"it.trust (4 answered)"}, {}}};
  report.evidence_notes = {"The IT answers on trust are withheld."};
  const auto md = render_markdown(report, firm("Rapport"));
  const auto not_assessed = position(md, "## Not assessed (2)");
  const auto insufficient = position(md, "## Insufficient evidence (1)\n\n- **Finding** “Low trust” (`low_trust`): too "
                                         "few answers for it.trust (4 answered)\n");
  const auto notes = position(md, "### Notes on the evidence\n\n- The IT answers on trust are withheld.\n");
  CHECK(not_assessed < insufficient);
  CHECK(insufficient < notes);
  CHECK(notes < position(md, "## Appendix"));
}
