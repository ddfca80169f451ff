// The portfolio summary: its model built from a Portfolio of the bundled examples (and variants of them),
// the Markdown and HTML renderers (sections in order, charts with titles, the highlighted client, small
// portfolios withheld, hostile names escaped) and writing it to a file.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <sstream>

#include "cli/file_io.hpp"
#include "cli/inputs.hpp"
#include "cli/portfolio_charts.hpp"
#include "cli/portfolio_summary.hpp"
#include "cli/value_format.hpp"
#include "engine/batch_evaluate.hpp"
#include "run_rapport.hpp"

using namespace rapport;
using namespace rapport::cli;
using rapport::test::scratch_dir;
using rapport::test::slurp;

namespace {

const std::string kHostile = "<script>alert(1)</script> | *x* \"&'";
const std::string kEscaped = "&lt;script&gt;alert(1)&lt;/script&gt; | *x* &quot;&amp;&#39;";

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::size_t occurrences(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

std::size_t position(const std::string& text, const std::string& part) {
  const auto at = text.find(part);
  INFO("looking for " << part);
  REQUIRE(at != std::string::npos);
  return at;
}

struct Bundled {
  dsl::SourceMap sources;
  RuleInput rules;
  std::vector<engine::Profile> examples;  // the six example clients, Northwind Retail last
};

const Bundled& bundled() {
  static const Bundled b = [] {
    Bundled out{{}, {}, {}};
    out.rules = require_rules({std::string(RAPPORT_SOURCE_DIR) + "/rules"}, out.sources);
    for (const char* name : {"accenture-sample", "cmo-council-sample", "fjord-startup", "harbor-logistics",
                             "meridian-bank", "northwind-retail"}) {
      out.examples.push_back(require_profile(std::string(RAPPORT_SOURCE_DIR) + "/examples/" + name + ".toml",
                                             out.rules.rules, out.sources));
    }
    return out;
  }();
  return b;
}

const engine::RuleSet& rules() { return bundled().rules.rules; }

// `count` clients: the examples, then variants of them with their values nudged and new names, so the
// portfolio has the spread of a real one. Northwind Retail is the sixth.
std::vector<engine::Profile> clients(std::size_t count, const engine::RuleSet& rule_set = rules()) {
  std::vector<engine::Profile> out;
  for (std::size_t i = 0; i < count; ++i) {
    engine::Profile p = bundled().examples[i % 6];
    if (i >= 6) {
      p.company.name = "Client " + std::to_string(i);
      for (std::size_t s = 0; s < p.values.size(); ++s) {
        const auto& metric = rule_set.metrics[rule_set.slots[s].metric];
        if (engine::is_unknown(p.values[s]) || metric.kind == engine::MetricKind::Flag) continue;
        const double nudged = p.values[s] + (static_cast<double>(i % 7) - 3) * 0.02 * std::min(1.0, metric.high - metric.low);
        p.values[s] = std::isfinite(metric.high) ? std::clamp(nudged, metric.low, metric.high) : std::max(0.0, nudged);
      }
    }
    out.push_back(std::move(p));
  }
  return out;
}

engine::Portfolio portfolio_of(const std::vector<engine::Profile>& profiles, engine::PortfolioOptions options = {},
                               const engine::RuleSet& rule_set = rules()) {
  std::vector<engine::BatchOutcome> outcomes(profiles.size());
  engine::BatchEvaluator(rule_set, options.evidence).evaluate(profiles, outcomes);
  engine::Portfolio portfolio(rule_set, std::move(options));
  for (std::size_t i = 0; i < profiles.size(); ++i) portfolio.add(profiles[i], outcomes[i]);
  return portfolio;
}

PortfolioReport report_of(const engine::Portfolio& portfolio) {
  return build_portfolio_report({portfolio, bundled().rules.files, bundled().rules.fingerprint, "2026-11-02"});
}

const SpreadRow& metric_row(const PortfolioReport& report, const std::string& reference) {
  for (const auto& row : report.metrics)
    if (row.reference == reference) return row;
  FAIL("no metric row " << reference);
  return report.metrics.front();
}

std::uint32_t slot_of(const std::string& metric, engine::Audience audience) {
  return *rules().slot_of(*rules().metric_index(metric), audience);
}

const engine::PortfolioOptions kNorthwind{.highlight = "Northwind Retail"};

}  // namespace

TEST_CASE("the portfolio summary counts profiles and orders recommendations by how often they apply",
          "[portfolio]") {
  const engine::Portfolio portfolio = portfolio_of(clients(40));
  const PortfolioReport report = report_of(portfolio);
  CHECK(report.cover.profiles_text == "40");
  CHECK(report.cover.date == "2026-11-02");
  CHECK(contains(report.cover.rules_version, bundled().rules.fingerprint));
  REQUIRE(report.recommendations.size() == rules().recommendations.size());
  for (std::size_t i = 1; i < report.recommendations.size(); ++i) {
    CHECK(report.recommendations[i - 1].count >= report.recommendations[i].count);
  }
  const FrequencyRow& top = report.recommendations.front();
  std::uint32_t index = 0;
  while (rules().recommendations[index].id != top.id) ++index;
  CHECK(top.count == portfolio.recommendations()[index].applied);
  CHECK(top.share_text == profile_share(top.count, 40));
  CHECK_FALSE(report.withheld);
}

TEST_CASE("findings show how often they could not be decided, so missing data is visible", "[portfolio]") {
  // Northwind Retail leaves out the two budget flags: what rests on them is not decided for it.
  const PortfolioReport report = report_of(portfolio_of(clients(12)));
  const bool any_undecided = std::any_of(report.findings.begin(), report.findings.end(),
                                         [](const FrequencyRow& row) { return row.unknown_share > 0; });
  CHECK(any_undecided);
  for (const auto& row : report.findings) CHECK(row.share + row.unknown_share <= 1.0 + 1e-12);
}

TEST_CASE("each metric's percentiles are read from the portfolio's distribution and shown in its unit",
          "[portfolio]") {
  const engine::Portfolio portfolio = portfolio_of(clients(40));
  const PortfolioReport report = report_of(portfolio);
  const SpreadRow& row = metric_row(report, "it.satisfied_with_collaboration");
  const auto& values = portfolio.slots()[slot_of("satisfied_with_collaboration", engine::Audience::It)].values;
  CHECK(row.standing == SpreadStanding::Shown);
  CHECK(row.count == values.count());
  CHECK(row.percentile_texts[2] == format_value(values.percentile(50), engine::Unit::Percent));
  CHECK(row.percentile_texts[0] == format_value(values.percentile(10), engine::Unit::Percent));
  CHECK(row.benchmark_text == "about 10%");
  CHECK_FALSE(row.benchmark_rank_text.empty());
  const SpreadRow& trust = metric_row(report, "it.trust_in_other_function");
  CHECK(trust.axis.low == 1);
  CHECK(trust.axis.high == 5);
  const SpreadRow& charter = metric_row(report, "written_digital_charter");
  CHECK(charter.flag);
  CHECK_FALSE(charter.yes_text.empty());
  REQUIRE_FALSE(report.gaps.empty());
  CHECK(report.gaps.front().reference.starts_with("gap("));
  CHECK(report.gap_axis.low == -report.gap_axis.high);
}

TEST_CASE("spreads from few profiles are marked rough, and from fewer than --min-group-size withheld",
          "[portfolio]") {
  const PortfolioReport seven = report_of(portfolio_of(clients(7)));
  CHECK_FALSE(seven.withheld);
  const SpreadRow& satisfied = metric_row(seven, "it.satisfied_with_collaboration");
  CHECK(satisfied.standing == SpreadStanding::Few);
  CHECK(satisfied.count < kFewProfiles);
  CHECK(satisfied.standing_text == "rough: only " + std::to_string(satisfied.count) + " profiles");
  const bool any_withheld = std::any_of(seven.metrics.begin(), seven.metrics.end(), [](const SpreadRow& r) {
    return r.standing == SpreadStanding::Withheld && r.percentile_texts[2] == "–" && r.benchmark_rank_text.empty();
  });
  CHECK(any_withheld);

  const PortfolioReport three = report_of(portfolio_of(clients(3)));
  CHECK(three.withheld);
  const std::string markdown = render_portfolio_markdown(three, {});
  CHECK(contains(markdown, "fewer than 5"));
  CHECK_FALSE(contains(markdown, "| p10 |"));
  CHECK_FALSE(contains(render_portfolio_html(three, {}), "<svg"));

  const PortfolioReport lowered = report_of(portfolio_of(clients(3), {.evidence = {.min_group_size = 2}}));
  CHECK_FALSE(lowered.withheld);
  CHECK(metric_row(lowered, "it.satisfied_with_collaboration").standing == SpreadStanding::Few);
}

TEST_CASE("the Markdown summary has its sections in order", "[portfolio][markdown]") {
  const std::string md = render_portfolio_markdown(report_of(portfolio_of(clients(20), kNorthwind)), {});
  const std::vector<std::string> headings = {"# Portfolio summary", "## Recommendations by frequency",
                                             "## Findings by frequency", "## Metric distributions",
                                             "### Yes/no questions", "## Gap distributions (IT − marketing)",
                                             "## Highlighted client: Northwind Retail", "## Method"};
  for (std::size_t i = 1; i < headings.size(); ++i) CHECK(position(md, headings[i - 1]) < position(md, headings[i]));
  CHECK(contains(md, "| Profiles | 20 |"));
  CHECK(contains(md, "Percentile rank"));
  CHECK(contains(md, "within 0.05 points"));
}

TEST_CASE("the HTML summary is self-contained, with its sections in order", "[portfolio][html]") {
  const std::string html = render_portfolio_html(report_of(portfolio_of(clients(20), kNorthwind)), {});
  CHECK(html.starts_with("<!DOCTYPE html>"));
  CHECK(contains(html, "Content-Security-Policy"));
  CHECK_FALSE(contains(html, "<script"));
  CHECK_FALSE(contains(html, "src=\"http"));
  const std::vector<std::string> ids = {"id=\"cover\"", "id=\"recommendations\"", "id=\"findings\"", "id=\"metrics\"",
                                        "id=\"gaps\"", "id=\"highlight\"", "id=\"method\""};
  for (std::size_t i = 1; i < ids.size(); ++i) CHECK(position(html, ids[i - 1]) < position(html, ids[i]));
}

TEST_CASE("HTML charts: frequency bars and box plots, each with a title on the chart and on its marks",
          "[portfolio][html]") {
  const std::string html = render_portfolio_html(report_of(portfolio_of(clients(20))), {});
  CHECK(occurrences(html, "<svg") == 4);
  CHECK(contains(html, "aria-label=\"How often each recommendation applies\""));
  CHECK(contains(html, "aria-label=\"Spread of each metric across the portfolio\""));
  CHECK(contains(html, "class=\"box\""));
  CHECK(contains(html, "class=\"median\""));
  CHECK(contains(html, "<title>Median: "));
  CHECK(contains(html, ": applies to "));
  CHECK(contains(html, "Published benchmark: about 10%"));
}

TEST_CASE("the highlighted client is marked in the charts and tables, with its percentile ranks",
          "[portfolio][html]") {
  const engine::Portfolio portfolio = portfolio_of(clients(20), kNorthwind);
  const PortfolioReport report = report_of(portfolio);
  REQUIRE(report.highlight);
  CHECK(report.highlight->found);
  CHECK(report.highlight->position_text == "6th");
  const SpreadRow& row = metric_row(report, "it.satisfied_with_collaboration");
  CHECK(row.highlight_text == "21%");
  const auto& values = portfolio.slots()[slot_of("satisfied_with_collaboration", engine::Audience::It)].values;
  CHECK(row.highlight_rank_text == std::to_string(std::lround(values.rank_of(0.21) * 100)));
  REQUIRE_FALSE(report.highlight->recommendations.empty());
  CHECK(report.highlight->recommendations.front().detail == "1");

  const std::string html = render_portfolio_html(report, {});
  CHECK(contains(html, "<title>Northwind Retail: 21% (percentile rank " + row.highlight_rank_text + ")</title>"));
  CHECK(contains(html, "Northwind Retail has it"));
  CHECK(contains(html, "<tr class=\"client\">"));
  const std::string md = render_portfolio_markdown(report, {});
  CHECK(contains(md, "1. " + report.highlight->recommendations.front().title));
  CHECK(contains(md, "| Northwind Retail | Percentile rank |"));
}

TEST_CASE("the highlighted client's values in the portfolio's bottom or top tenth are listed, the most extreme first",
          "[portfolio]") {
  auto profiles = clients(20);
  profiles[5].values[slot_of("satisfied_with_collaboration", engine::Audience::It)] = 1.0;  // Northwind: all satisfied
  const PortfolioReport report = report_of(portfolio_of(profiles, kNorthwind));
  const auto& standouts = report.highlight->standouts;
  REQUIRE_FALSE(standouts.empty());
  for (std::size_t i = 0; i < standouts.size(); ++i) {
    CHECK((standouts[i].rank <= 10 || standouts[i].rank >= 90));
    if (i > 0) CHECK(std::abs(standouts[i - 1].rank - 50) >= std::abs(standouts[i].rank - 50));
  }
  const auto satisfied = std::find_if(standouts.begin(), standouts.end(), [](const Standout& s) {
    return s.label == "Satisfied with collaboration (IT)";
  });
  REQUIRE(satisfied != standouts.end());
  CHECK(satisfied->value == "100%");
  CHECK(satisfied->rank >= 95);
  CHECK(contains(render_portfolio_html(report, {}), "Where it stands out"));
  CHECK(contains(render_portfolio_markdown(report, {}), "- Satisfied with collaboration (IT): 100%, percentile rank"));
}

TEST_CASE("a highlighted name no profile carries is reported, in the summary and as a warning", "[portfolio]") {
  const engine::Portfolio portfolio = portfolio_of(clients(8), {.highlight = "Northwind"});
  const PortfolioReport report = report_of(portfolio);
  REQUIRE(report.highlight);
  CHECK_FALSE(report.highlight->found);
  CHECK(contains(render_portfolio_markdown(report, {}), "No profile in the input is named “Northwind”"));
  CHECK(contains(render_portfolio_html(report, {}), "No profile in the input is named “Northwind”"));
  const auto warning = highlight_warning(portfolio);
  REQUIRE(warning);
  CHECK(contains(*warning, "no profile is named “Northwind”"));
  CHECK_FALSE(highlight_warning(portfolio_of(clients(8), kNorthwind)));
  CHECK_FALSE(highlight_warning(portfolio_of(clients(8))));
}

TEST_CASE("several profiles with the highlighted name: the first is shown, and the summary says so", "[portfolio]") {
  auto profiles = clients(13);
  profiles[12].company.name = "Northwind Retail";  // the sixth is the original
  const PortfolioReport report = report_of(portfolio_of(profiles, kNorthwind));
  CHECK(report.highlight->position_text == "6th");
  REQUIRE(report.highlight->notes.size() == 1);
  CHECK(contains(report.highlight->notes.front(), "2 profiles are named “Northwind Retail”"));
}

TEST_CASE("hostile client names and rule texts are escaped in both formats", "[portfolio]") {
  engine::RuleSet hostile_rules = rules();
  hostile_rules.recommendations[0].title = "Recommendation " + kHostile;
  hostile_rules.findings[0].title = "Finding " + kHostile;
  hostile_rules.metrics[0].label = "Metric " + kHostile;
  auto profiles = clients(12, hostile_rules);
  profiles[3].company.name = kHostile;
  profiles[3].company.industry = "Industry " + kHostile;
  const engine::Portfolio portfolio = portfolio_of(profiles, {.highlight = kHostile}, hostile_rules);
  const PortfolioReport report = report_of(portfolio);

  const std::string html = render_portfolio_html(report, {});
  CHECK_FALSE(contains(html, "<script>"));
  CHECK(contains(html, "Recommendation " + kEscaped));
  CHECK(contains(html, "Metric " + kEscaped));
  CHECK(contains(html, "Industry " + kEscaped));

  const std::string md = render_portfolio_markdown(report, {});
  CHECK_FALSE(contains(md, "<script>"));
  CHECK(contains(md, "\\<script\\>"));
  // Every table row keeps its columns: escaped pipes do not split cells.
  std::istringstream lines(md);
  std::size_t columns = 0;
  for (std::string line; std::getline(lines, line);) {
    if (!line.starts_with("|")) {
      columns = 0;
      continue;
    }
    std::size_t cells = 0;
    for (std::size_t i = 0; i < line.size(); ++i) cells += line[i] == '|' && (i == 0 || line[i - 1] != '\\');
    if (columns == 0) columns = cells;
    INFO(line);
    CHECK(cells == columns);
  }
}

TEST_CASE("the method says how percentiles are computed and how precise they are", "[portfolio]") {
  const PortfolioReport report = report_of(portfolio_of(clients(10)));
  std::string method;
  for (const auto& paragraph : report.method) method += paragraph + "\n";
  CHECK(contains(method, "nearest-rank"));
  CHECK(contains(method, "within 0.05 points"));
  CHECK(contains(method, "On a 1–5 scale, values and gaps are within 0.002"));
  CHECK(contains(method, "within 0.5% of its value"));
  CHECK(contains(method, "fewer than 5 profiles is withheld"));
}

TEST_CASE("a spread chart writes withheld and empty rows in words, rough ones dashed, other axes under the row",
          "[portfolio][html]") {
  SpreadRow withheld, rough, scale;
  withheld.label = "Withheld metric";
  withheld.standing = SpreadStanding::Withheld;
  withheld.standing_text = "withheld: 3 profiles, fewer than 5";
  rough.label = "Rough metric";
  rough.standing = SpreadStanding::Few;
  rough.percentiles = {0.1, 0.2, 0.3, 0.4, 0.5};
  rough.percentile_texts = {"10%", "20%", "30%", "40%", "50%"};
  scale = rough;
  scale.label = "Scale metric";
  scale.standing = SpreadStanding::Shown;
  scale.axis = {1, 5, engine::Unit::Plain};
  scale.percentiles = {2, 2.5, 3, 3.5, 4};
  const std::string svg = render_spread_chart({withheld, rough, scale}, SpreadAxis{}, "Chart", "", "#1f4e79");
  CHECK(contains(svg, "withheld: 3 profiles, fewer than 5"));
  CHECK(contains(svg, "class=\"box rough\""));
  CHECK(occurrences(svg, "class=\"box\"") == 2);  // the legend's and the scale row's
  CHECK(contains(svg, "class=\"range\">3</text>"));  // the 1–5 axis's middle, under its row
}

TEST_CASE("portfolio counts read with thousands separators and ordinals, and shares never round to a false 0% or 100%",
          "[portfolio]") {
  CHECK(thousands(0) == "0");
  CHECK(thousands(999) == "999");
  CHECK(thousands(1234567) == "1,234,567");
  CHECK(profile_share(1, 1000) == "<1%");
  CHECK(profile_share(999, 1000) == ">99%");
  CHECK(profile_share(0, 5) == "0%");
  CHECK(profile_share(5, 5) == "100%");
  CHECK(profile_share(1, 3) == "33%");
  CHECK(profile_share(0, 0) == "–");
  CHECK(ordinal(1) == "1st");
  CHECK(ordinal(2) == "2nd");
  CHECK(ordinal(3) == "3rd");
  CHECK(ordinal(11) == "11th");
  CHECK(ordinal(12) == "12th");
  CHECK(ordinal(13) == "13th");
  CHECK(ordinal(22) == "22nd");
  CHECK(ordinal(111) == "111th");
  CHECK(ordinal(1003) == "1,003rd");
}

TEST_CASE("write_portfolio_summary writes the chosen format to the file", "[portfolio]") {
  const auto dir = scratch_dir("portfolio-write");
  const engine::Portfolio portfolio = portfolio_of(clients(10));
  const PortfolioSummaryInput input{portfolio, bundled().rules.files, bundled().rules.fingerprint, "2026-11-02"};
  write_portfolio_summary(input, PortfolioFormat::Html, (dir / "s.html").string());
  write_portfolio_summary(input, PortfolioFormat::Markdown, (dir / "s.md").string());
  CHECK(slurp(dir / "s.html").starts_with("<!DOCTYPE html>"));
  CHECK(slurp(dir / "s.md").starts_with("# Portfolio summary"));
  CHECK_THROWS_AS(write_portfolio_summary(input, PortfolioFormat::Html, (dir / "missing" / "s.html").string()), IoError);
  std::filesystem::remove_all(dir);
}
