// The text report lays out a ClientReport: seven sections in order, wrapped, coloured only on request.
#include <catch2/catch.hpp>

#include <sstream>

#include "cli/report.hpp"
#include "cli/report_model.hpp"
#include "cli/text_wrap.hpp"

using namespace rapport::cli;

namespace {

FindingView unhappy() {
  FindingView f;
  f.id = "unhappy";
  f.title = "Few are satisfied with the collaboration";
  f.severity = "high";
  f.status = "fired";
  f.narrative = "IT 40%, marketing 5%, gap +35 pp.";
  f.evidence = {{"study", "A study (Someone, 2013)", "only one in ten is satisfied"}};
  f.values = {{"it.satisfied", "Satisfied", "IT", "40%", "about 10%", "A study"},
              {"marketing.satisfied", "Satisfied", "marketing", "5%", "about 10%", "A study"}};
  return f;
}

RecommendationView recommendation(int rank, std::string id, std::string title) {
  RecommendationView r;
  r.rank = rank;
  r.id = std::move(id);
  r.title = std::move(title);
  r.priority = std::to_string(100 - rank);
  r.owner = "CMO";
  r.horizon_days = 90;
  r.rationale = "Because it matters.";
  r.actions = {"Do the first thing", "Do the second thing"};
  r.because = {unhappy(), unhappy()};  // the same values twice: shown once
  r.summary = "Summary of " + r.title + ".";
  return r;
}

ClientReport sample_report() {
  ClientReport report;
  report.cover = {"Fixture Co", "Retail", "2026-01-31", "10", "not given", "1 file, fingerprint abc123", 3, 5, 2, 1};
  report.applying = 4;
  for (int rank = 1; rank <= 4; ++rank) {
    report.recommendations.push_back(recommendation(rank, "rec" + std::to_string(rank), "Recommendation " +
                                                                                            std::to_string(rank)));
  }
  report.findings = {unhappy()};
  report.not_observed = {"Nobody talks"};
  GapRow gap;
  gap.metric_id = "satisfied";
  gap.label = "Satisfied";
  gap.is_share = true;
  gap.it = 0.4;
  gap.marketing = 0.05;
  gap.it_text = "40%";
  gap.marketing_text = "5%";
  gap.gap_text = "+35 pp";
  gap.it_benchmark_text = "about 10%";
  gap.marketing_benchmark_text = "about 10%";
  report.gaps = {gap};
  report.not_assessed = {{"finding", "distrust", "One side distrusts the other", {"it.trust"}, {}},
                         {"recommendation", "rebuild", "Rebuild trust", {}, {"One side distrusts the other"}}};
  report.sources = {{"study", "A study", "Someone", "2013", "405 marketing, 252 IT", "A survey.", "https://x.example"}};
  report.method = {"First method paragraph.", "Second method paragraph."};
  return report;
}

std::size_t position(const std::string& text, const std::string& needle) {
  auto at = text.find(needle);
  INFO("looking for: " << needle);
  REQUIRE(at != std::string::npos);
  return at;
}

}  // namespace

TEST_CASE("the text report shows the seven sections in order", "[text]") {
  auto text = render_text(sample_report(), {});
  auto cover = position(text, "Rapport assessment: Fixture Co");
  auto summary = position(text, "EXECUTIVE SUMMARY");
  auto recommendations = position(text, "RECOMMENDATIONS (4 of 5 apply)");
  auto findings = position(text, "FINDINGS (1 of 3 observed)");
  auto gap = position(text, "PERCEPTION GAP (1 metric asked of both IT and marketing)");
  auto not_assessed = position(text, "NOT ASSESSED (2)");
  auto appendix = position(text, "SOURCES AND METHOD");
  CHECK(cover < summary);
  CHECK(summary < recommendations);
  CHECK(recommendations < findings);
  CHECK(findings < gap);
  CHECK(gap < not_assessed);
  CHECK(not_assessed < appendix);
}

TEST_CASE("the text cover names the company, date, respondents per group and rule-set version", "[text]") {
  auto text = render_text(sample_report(), {});
  CHECK(text.find("Retail · assessed 2026-01-31") != std::string::npos);
  CHECK(text.find("Respondents: IT 10 · marketing not given") != std::string::npos);
  CHECK(text.find("1 file, fingerprint abc123") != std::string::npos);
}

TEST_CASE("the text executive summary gives the first three recommendations one paragraph each", "[text]") {
  auto text = render_text(sample_report(), {});
  auto summary = text.substr(position(text, "EXECUTIVE SUMMARY"), position(text, "RECOMMENDATIONS") -
                                                                     position(text, "EXECUTIVE SUMMARY"));
  CHECK(summary.find(" 1. Summary of Recommendation 1.") != std::string::npos);
  CHECK(summary.find(" 3. Summary of Recommendation 3.") != std::string::npos);
  CHECK(summary.find("Recommendation 4") == std::string::npos);
}

TEST_CASE("each text recommendation shows its rank, priority, owner, horizon, actions and values once", "[text]") {
  auto text = render_text(sample_report(), {});
  CHECK(text.find(" 1. Recommendation 1 (priority 99)") != std::string::npos);
  CHECK(text.find("    Owner: CMO · Horizon: 90 days · id: rec1") != std::string::npos);
  CHECK(text.find("      - Do the first thing") != std::string::npos);
  CHECK(text.find("      - [high] Few are satisfied with the collaboration") != std::string::npos);
  const std::string value = "marketing.satisfied = 5% (benchmark about 10%, A study)";
  auto first = position(text, value);
  auto second_rec = position(text, " 2. Recommendation 2");
  CHECK(text.find(value, first + 1) > second_rec);  // not repeated within the first recommendation
}

TEST_CASE("a shortened text ranking says how many recommendations are shown", "[text]") {
  auto report = sample_report();
  report.applying = 7;
  CHECK(render_text(report, {}).find("RECOMMENDATIONS (7 of 5 apply, top 4 shown)") != std::string::npos);
}

TEST_CASE("text findings show severity, narrative and cited evidence, then those not observed", "[text]") {
  auto text = render_text(sample_report(), {});
  CHECK(text.find("  [high] Few are satisfied with the collaboration\n    IT 40%, marketing 5%, gap +35 pp.") !=
        std::string::npos);
  CHECK(text.find("Evidence: A study (Someone, 2013): “only one in ten is satisfied”") != std::string::npos);
  CHECK(text.find("  Not observed for this client:\n    - Nobody talks") != std::string::npos);
}

TEST_CASE("the text perception gap is an aligned table with a dumbbell per metric", "[text]") {
  auto text = render_text(sample_report(), {});
  auto header = text.substr(position(text, "  Metric"));
  header = header.substr(0, header.find('\n'));
  auto row = text.substr(position(text, "  Satisfied "));
  row = row.substr(0, row.find('\n'));
  CHECK(row.find("40%") + 3 == header.find("IT") + 2);  // values right-aligned under their headings
  CHECK(row.find("+35 pp") != std::string::npos);
  CHECK(row.find("about 10%") != std::string::npos);
  auto bar = text.substr(position(text, "    |"));
  bar = bar.substr(0, bar.find('\n'));
  CHECK(bar.find('M') < bar.find('I'));  // marketing (5%) left of IT (40%)
  CHECK(bar.find("0%–100%") != std::string::npos);
}

TEST_CASE("text not-assessed items name the missing metrics and the unknown findings they build on", "[text]") {
  auto text = render_text(sample_report(), {});
  CHECK(text.find("  - Finding “One side distrusts the other” (distrust): missing it.trust") != std::string::npos);
  CHECK(text.find("  - Recommendation “Rebuild trust” (rebuild): depends on unassessed “One side distrusts the "
                  "other”") != std::string::npos);
}

TEST_CASE("the text appendix lists sources with author, year, sample and note, then the method", "[text]") {
  auto text = render_text(sample_report(), {});
  CHECK(text.find("    - A study (Someone, 2013). Sample: 405 marketing, 252 IT. A survey.") != std::string::npos);
  CHECK(text.find("      https://x.example") != std::string::npos);
  CHECK(position(text, "First method paragraph.") < position(text, "Second method paragraph."));
}

TEST_CASE("an empty text report says nothing applies and everything was assessed", "[text]") {
  ClientReport report;
  auto text = render_text(report, {});
  CHECK(text.find("No recommendation applies to this profile.") != std::string::npos);
  CHECK(text.find("Everything the rules ask about could be assessed from this profile.") != std::string::npos);
  CHECK(text.find("The rules ask no metric of both groups.") != std::string::npos);
}

TEST_CASE("no text report line is wider than the style's width", "[text]") {
  auto report = sample_report();
  report.recommendations[0].rationale.clear();
  for (int i = 0; i < 40; ++i) report.recommendations[0].rationale += "word" + std::to_string(i) + " ";
  for (int width : {60, 80, 100}) {
    std::istringstream lines(render_text(report, {false, width}));
    for (std::string line; std::getline(lines, line);) {
      INFO(line);
      CHECK(display_width(line) <= width);
    }
  }
}

TEST_CASE("the text report is coloured only when the style asks for it", "[text]") {
  CHECK(render_text(sample_report(), {false, 100}).find("\x1b[") == std::string::npos);
  auto coloured = render_text(sample_report(), {true, 100});
  CHECK(coloured.find("\x1b[1;4mEXECUTIVE SUMMARY\x1b[0m") != std::string::npos);
  CHECK(coloured.find("\x1b[1;31m[high]\x1b[0m") != std::string::npos);
}
