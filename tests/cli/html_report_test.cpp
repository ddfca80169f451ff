// The HTML report: one self-contained file, every input escaped, the seven sections in order, a real
// chart, and branding from brand.toml (render_html directly, then end to end through `rapport assess`).
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <vector>

#include "cli/brand.hpp"
#include "cli/html_escape.hpp"
#include "cli/report.hpp"
#include "cli/report_model.hpp"
#include "run_rapport.hpp"

using namespace rapport::cli;
using rapport::test::run_rapport;
using rapport::test::scratch_dir;

namespace {

const std::string kHostile = "<script>alert(1)</script> \"&'";
const std::string kEscaped = "&lt;script&gt;alert(1)&lt;/script&gt; &quot;&amp;&#39;";

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::size_t position(const std::string& text, const std::string& part) {
  const auto at = text.find(part);
  INFO("looking for " << part);
  REQUIRE(at != std::string::npos);
  return at;
}

std::size_t occurrences(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

FindingView hostile_finding() {
  FindingView f{"unhappy", "Finding " + kHostile, "high", "fired", "Narrative " + kHostile, {}, {}};
  f.evidence.push_back({"study", "Source " + kHostile, "Quote " + kHostile});
  f.values.push_back({"it.satisfied", "Label " + kHostile, "IT", "21%", "about 10%", "Source " + kHostile});
  return f;
}

GapRow gap_row(std::string label, std::optional<double> it, std::optional<double> marketing) {
  GapRow row;
  row.metric_id = "m";
  row.label = std::move(label);
  row.is_share = true;
  row.it = it;
  row.marketing = marketing;
  row.it_text = it ? "64%" : "n/a";
  row.marketing_text = marketing ? "14%" : "n/a";
  row.gap_text = it && marketing ? "+50 pp" : "n/a";
  row.it_benchmark = 0.58;
  row.it_benchmark_text = "58%";
  return row;
}

ClientReport hostile_report() {
  ClientReport report;
  report.cover = {"Company " + kHostile, "Industry " + kHostile, "2026-01-31", "10", "12", "1 file, fingerprint abc123",
                  3, 4, 5, 1};
  for (int rank = 1; rank <= 4; ++rank) {
    RecommendationView rec;
    rec.rank = rank;
    rec.id = "rec" + std::to_string(rank);
    rec.title = "Recommendation " + std::to_string(rank) + " " + kHostile;
    rec.priority = "129";
    rec.owner = "CIO and CMO";
    rec.horizon_days = 90;
    rec.rationale = "Rationale " + kHostile;
    rec.actions = {"Action " + kHostile};
    rec.because = {hostile_finding()};
    rec.summary = "Summary of recommendation " + std::to_string(rank) + ".";
    report.recommendations.push_back(rec);
  }
  report.applying = 5;
  report.findings = {hostile_finding()};
  report.not_observed = {"Not observed " + kHostile};
  report.gaps = {gap_row("Metric " + kHostile, 0.64, 0.14), gap_row("Half missing", 0.5, std::nullopt)};
  report.not_assessed = {{"finding", "f2", "Unassessed " + kHostile, {"marketing.trust"}, {}}};
  report.sources = {{"study", "Source " + kHostile, "By " + kHostile, "2020", "100 IT", "Note " + kHostile,
                     "https://example.com/?a=1&b=<x>"}};
  report.method = {"Method " + kHostile};
  return report;
}

Brand test_brand() { return Brand{"Firm " + kHostile, "#0b6e4f", "data:image/svg+xml;base64,PHN2Zy8+", "logo.svg"}; }

void write_file(const std::filesystem::path& path, const std::string& text) { std::ofstream(path) << text; }

}  // namespace

TEST_CASE("escape replaces the five HTML-special characters and keeps everything else", "[html]") {
  CHECK(escape(kHostile) == kEscaped);
  CHECK(escape("Café – 58% ") == "Café – 58% ");
  CHECK(escape("") == "");
}

TEST_CASE("the HTML report escapes every text that comes from a profile or a rule file", "[html]") {
  const auto html = render_html(hostile_report(), test_brand());
  CHECK_FALSE(contains(html, "<script"));
  CHECK_FALSE(contains(html, "\"&'"));
  for (const std::string kind : {"Company", "Industry", "Recommendation 1", "Rationale", "Action", "Finding", "Narrative",
                                 "Quote", "Label", "Source", "Metric", "Unassessed", "Not observed", "By", "Note",
                                 "Method", "Firm"}) {
    INFO(kind);
    CHECK(contains(html, kind + " " + kEscaped));
  }
  CHECK(contains(html, "https://example.com/?a=1&amp;b=&lt;x&gt;"));
}

TEST_CASE("the HTML report is self-contained: no scripts, no fetches, inline CSS", "[html]") {
  const auto html = render_html(hostile_report(), test_brand());
  CHECK(html.starts_with("<!DOCTYPE html>"));
  CHECK(contains(html, "<style>"));
  CHECK(contains(html, "default-src 'none'"));
  for (const std::string fetch : {"src=\"http", "href=\"http", "src='http", "href='http", "url(", "@import", "<link",
                                  "<script", "<iframe", "javascript:"}) {
    INFO(fetch);
    CHECK_FALSE(contains(html, fetch));
  }
}

TEST_CASE("the HTML report shows the seven sections in order", "[html]") {
  const auto html = render_html(hostile_report(), test_brand());
  const auto cover = position(html, "<section class=\"cover\"");
  const auto summary = position(html, "<section id=\"summary\"");
  const auto recommendations = position(html, "<section id=\"recommendations\"");
  const auto findings = position(html, "<section id=\"findings\"");
  const auto gap = position(html, "<section id=\"perception-gap\"");
  const auto not_assessed = position(html, "<section id=\"not-assessed\"");
  const auto appendix = position(html, "<section id=\"appendix\"");
  CHECK(cover < summary);
  CHECK(summary < recommendations);
  CHECK(recommendations < findings);
  CHECK(findings < gap);
  CHECK(gap < not_assessed);
  CHECK(not_assessed < appendix);
}

TEST_CASE("the HTML executive summary has one paragraph for each of the first three recommendations", "[html]") {
  const auto html = render_html(hostile_report(), test_brand());
  const auto recommendations = position(html, "<section id=\"recommendations\"");
  CHECK(position(html, "Summary of recommendation 1.") < position(html, "Summary of recommendation 2."));
  CHECK(position(html, "Summary of recommendation 3.") < recommendations);
  CHECK_FALSE(contains(html, "Summary of recommendation 4."));
  CHECK(contains(html, "Showing the top 4 of 5."));
}

TEST_CASE("each HTML recommendation shows its owner, horizon, priority, actions and findings with benchmarks", "[html]") {
  const auto html = render_html(hostile_report(), test_brand());
  CHECK(occurrences(html, "<article class=\"recommendation\"") == 4);
  CHECK(contains(html, "Owner <strong>CIO and CMO</strong>"));
  CHECK(contains(html, "within 90 days"));
  CHECK(contains(html, "Priority <strong>129</strong>"));
  CHECK(contains(html, "<td class=\"num\">21%</td><td class=\"num\">about 10%</td>"));
  CHECK(contains(html, "<span class=\"badge high\">high</span>"));
}

TEST_CASE("the perception gap is an accessible SVG chart with the same data as a table", "[html]") {
  const auto html = render_html(hostile_report(), test_brand());
  const auto svg = html.substr(position(html, "<svg"), position(html, "</svg>") - position(html, "<svg"));
  CHECK(contains(svg, "role=\"img\""));
  CHECK(contains(svg, "aria-label=\"Perception gap"));
  CHECK(contains(svg, "<title>Perception gap"));
  CHECK(contains(svg, "<title>IT: 64%</title>"));
  CHECK(contains(svg, "<title>Marketing: 14%</title>"));
  CHECK(contains(svg, "<title>IT benchmark: 58%</title>"));
  CHECK(contains(svg, "Marketing: n/a"));
  CHECK(contains(svg, ">100%</text>"));
  CHECK(contains(svg, "Metric " + kEscaped));
  CHECK_FALSE(contains(svg, "<script"));
  // Every mark carries a title: circles, squares and diamonds each close on </title>.
  CHECK(occurrences(svg, "<circle") == occurrences(svg, "</title></circle>"));
  CHECK(occurrences(svg, "<rect") == occurrences(svg, "</title></rect>"));
  CHECK(occurrences(svg, "<path") == occurrences(svg, "</title></path>"));
  const auto table = html.substr(position(html, "</svg>"));
  CHECK(contains(table, "<td class=\"num\">n/a</td>"));
  CHECK(contains(table, "<td class=\"num\">+50 pp</td>"));
}

TEST_CASE("the HTML report uses the brand's accent, logo and firm name", "[html]") {
  const auto html = render_html(hostile_report(), test_brand());
  CHECK(contains(html, "--accent: #0b6e4f"));
  CHECK(contains(html, "<img src=\"data:image/svg+xml;base64,PHN2Zy8+\""));
  CHECK(contains(html, "Prepared by Firm " + kEscaped));
}

TEST_CASE("the HTML report without a brand is signed Rapport in the default accent", "[html]") {
  const auto html = render_html(hostile_report(), Brand{});
  CHECK(contains(html, "Prepared by Rapport"));
  CHECK(contains(html, "--accent: #1f4e79"));
  CHECK_FALSE(contains(html, "<img"));
}

TEST_CASE("the HTML report refuses an accent that is not a hex colour", "[html]") {
  const auto html = render_html(hostile_report(), Brand{"X", "red;}</style><script>", "", ""});
  CHECK(contains(html, "--accent: #1f4e79"));
  CHECK_FALSE(contains(html, "<script"));
}

TEST_CASE("the HTML report prints to A4 and keeps each recommendation on one page", "[html]") {
  const auto html = render_html(hostile_report(), test_brand());
  CHECK(contains(html, "@page { size: A4"));
  CHECK(contains(html, "@media print"));
  CHECK(contains(html, "break-inside: avoid"));
  CHECK(contains(html, "break-before: page"));
}

// ---------------------------------------------------------------- end to end

namespace {

const std::string kHostileRules = R"(source study
  title "Study <script>alert(1)</script> \"&'"
  by "Authors"
  year 2020
end

metric satisfied
  question "Satisfied?"
  label "Satisfied <script>alert(1)</script> \"&'"
  kind share
  asked both
  benchmark it about 10% from study "one in ten"
end

finding unhappy
  title "Unhappy <script>alert(1)</script> \"&'"
  severity high
  when it.satisfied < 30%
  evidence study "quote <script>alert(1)</script>"
  narrative "Narrative <script>alert(1)</script> \"&' {it.satisfied}"
end

recommendation fix
  title "Fix <script>alert(1)</script> \"&'"
  owner both
  horizon 30 days
  when unhappy
  priority 40
  action "Act <script>alert(1)</script> \"&'"
end
)";

const std::string kHostileProfile = R"([company]
name = "Co <script>alert(1)</script> \"&'"
assessed_on = 2026-01-31

[it]
satisfied = 0.2

[marketing]
satisfied = 0.5
)";

struct Workspace {
  std::filesystem::path dir, rules, profile;
};

Workspace hostile_workspace(const std::string& name) {
  Workspace w{scratch_dir(name), {}, {}};
  w.rules = w.dir / "hostile.rules";
  w.profile = w.dir / "hostile.toml";
  write_file(w.rules, kHostileRules);
  write_file(w.profile, kHostileProfile);
  return w;
}

}  // namespace

TEST_CASE("rapport assess --format html escapes hostile names from the rules and the profile", "[html][e2e]") {
  const auto w = hostile_workspace("html-hostile");
  const auto result = run_rapport({"assess", w.profile.string(), "-r", w.rules.string(), "--format", "html"});
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  CHECK_FALSE(contains(result.out, "<script"));
  CHECK(contains(result.out, "Co &lt;script&gt;alert(1)&lt;/script&gt; &quot;&amp;&#39;"));
  CHECK(contains(result.out, "Fix &lt;script&gt;"));
  CHECK(contains(result.out, "Act &lt;script&gt;"));
  CHECK(contains(result.out, "Unhappy &lt;script&gt;"));
  CHECK(contains(result.out, "Narrative &lt;script&gt;"));
  CHECK(contains(result.out, "Study &lt;script&gt;"));
  CHECK(contains(result.out, "<svg"));
  std::filesystem::remove_all(w.dir);
}

TEST_CASE("rapport assess --brand embeds the accent and the logo as a data URI", "[html][e2e]") {
  const auto w = hostile_workspace("html-brand");
  write_file(w.dir / "logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
  write_file(w.dir / "brand.toml", "firm = \"Acme Advisory\"\naccent = \"#0B6E4F\"\nlogo = \"logo.svg\"\n");
  const auto result = run_rapport({"assess", w.profile.string(), "-r", w.rules.string(), "-f", "html", "--brand",
                                   (w.dir / "brand.toml").string()});
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  CHECK(contains(result.out, "--accent: #0B6E4F"));
  CHECK(contains(result.out, "<img src=\"data:image/svg+xml;base64,"));
  CHECK(contains(result.out, "Prepared by Acme Advisory"));
  std::filesystem::remove_all(w.dir);
}

TEST_CASE("a brand file with a bad colour is invalid input, reported at its line and column", "[html][e2e]") {
  const auto w = hostile_workspace("html-bad-colour");
  const auto brand = w.dir / "brand.toml";
  write_file(brand, "firm = \"Acme\"\naccent = \"blue\"\n");
  const auto result =
      run_rapport({"assess", w.profile.string(), "-r", w.rules.string(), "-f", "html", "--brand", brand.string()});
  CHECK(result.exit_code == 3);
  CHECK(contains(result.err, brand.string() + ":2:10: error: 'blue' is not a colour"));
  CHECK(contains(result.err, "help: give the accent as a hex colour"));
  CHECK(result.out.empty());
  std::filesystem::remove_all(w.dir);
}

TEST_CASE("a brand file with an unknown key suggests the nearest one", "[html][e2e]") {
  const auto w = hostile_workspace("html-unknown-key");
  const auto brand = w.dir / "brand.toml";
  write_file(brand, "firm = \"Acme\"\naccnet = \"#123\"\n");
  const auto result =
      run_rapport({"assess", w.profile.string(), "-r", w.rules.string(), "-f", "html", "--brand", brand.string()});
  CHECK(result.exit_code == 3);
  CHECK(contains(result.err, brand.string() + ":2:1: error: unknown key 'accnet'"));
  CHECK(contains(result.err, "did you mean 'accent'?"));
  std::filesystem::remove_all(w.dir);
}

TEST_CASE("a brand file whose logo is missing is an I/O error naming the logo", "[html][e2e]") {
  const auto w = hostile_workspace("html-missing-logo");
  const auto brand = w.dir / "brand.toml";
  write_file(brand, "logo = \"nowhere.png\"\n");
  const auto result =
      run_rapport({"assess", w.profile.string(), "-r", w.rules.string(), "-f", "html", "--brand", brand.string()});
  CHECK(result.exit_code == 4);
  CHECK(contains(result.err, (w.dir / "nowhere.png").string()));
  CHECK(contains(result.err, "No such file or directory"));
  std::filesystem::remove_all(w.dir);
}

TEST_CASE("a brand logo that is not a PNG, SVG or JPEG is invalid input", "[html][e2e]") {
  const auto w = hostile_workspace("html-logo-type");
  const auto brand = w.dir / "brand.toml";
  write_file(brand, "logo = \"logo.gif\"\n");
  const auto result =
      run_rapport({"assess", w.profile.string(), "-r", w.rules.string(), "-f", "html", "--brand", brand.string()});
  CHECK(result.exit_code == 3);
  CHECK(contains(result.err, "is not a PNG, SVG or JPEG file"));
  std::filesystem::remove_all(w.dir);
}


TEST_CASE("a brand logo outside the brand file's folder is refused, and nothing outside it is read", "[html][e2e]") {
  const auto w = hostile_workspace("html-logo-outside");
  const auto brand_dir = w.dir / "brand";
  std::filesystem::create_directories(brand_dir / "img");
  write_file(w.dir / "secret.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>secret</text></svg>");
  std::filesystem::create_symlink(w.dir / "secret.svg", brand_dir / "linked.svg");
  write_file(brand_dir / "img" / "logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
  const auto brand = brand_dir / "brand.toml";
  for (const std::string& logo :
       std::vector<std::string>{"../secret.svg", (w.dir / "secret.svg").string(), "img/../../secret.svg", "linked.svg"}) {
    write_file(brand, "logo = \"" + logo + "\"\n");
    const auto result =
        run_rapport({"assess", w.profile.string(), "-r", w.rules.string(), "-f", "html", "--brand", brand.string()});
    INFO(logo << "\n" << result.err);
    CHECK(result.exit_code == 3);
    CHECK(contains(result.err, brand.string() + ":1:8: error: the logo '" + logo + "' is outside the brand file's folder"));
    CHECK(contains(result.err, "help: put the logo next to brand.toml"));
    CHECK(result.out.empty());
  }
  write_file(brand, "logo = \"img/logo.svg\"\n");
  const auto inside =
      run_rapport({"assess", w.profile.string(), "-r", w.rules.string(), "-f", "html", "--brand", brand.string()});
  INFO(inside.err);
  CHECK(inside.exit_code == 0);
  CHECK(contains(inside.out, "<img src=\"data:image/svg+xml;base64,"));
  std::filesystem::remove_all(w.dir);
}

TEST_CASE("an output (-o) naming the brand's logo is refused before anything is written, in every format", "[html][e2e]") {
  const auto w = hostile_workspace("html-logo-output");
  const std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"/>";
  write_file(w.dir / "logo.svg", svg);
  write_file(w.dir / "brand.toml", "logo = \"logo.svg\"\n");
  for (const std::string format : {"html", "json", "markdown"}) {
    const auto result = run_rapport({"assess", w.profile.string(), "-r", w.rules.string(), "-f", format, "--brand",
                                     (w.dir / "brand.toml").string(), "-o", (w.dir / "logo.svg").string()});
    INFO(format << "\n" << result.err);
    CHECK(result.exit_code == 2);
    CHECK(contains(result.err, "logo.svg"));
    std::ifstream in(w.dir / "logo.svg");
    CHECK(std::string(std::istreambuf_iterator<char>(in), {}) == svg);
  }
  std::filesystem::remove_all(w.dir);
}


TEST_CASE("the chart draws each value's confidence interval as a whisker and stars a significant gap", "[html]") {
  auto report = hostile_report();
  auto& row = report.gaps[0];
  row.it_ci = rapport::engine::statistics::ConfidenceInterval{0.39, 0.83, 0.95};
  row.marketing_ci = rapport::engine::statistics::ConfidenceInterval{0.05, 0.34, 0.95};
  row.it_ci_text = "39–83%";
  row.marketing_ci_text = "5–34%";
  row.it_n = "14";
  row.marketing_n = "22";
  row.n_text = "14/22";
  row.p_text = "p = 0.002";
  row.p_short = "0.002";
  row.significant = true;
  report.gaps[1].n_text = "9/–";  // the other row: one group's count only, untested
  report.confidence = "90%";
  report.significance = "10%";
  const auto html = render_html(report, test_brand());
  const auto svg = html.substr(position(html, "<svg"), position(html, "</svg>") - position(html, "<svg"));
  // The whiskers span the intervals on the 0–100% axis (x = 252 + value × 380).
  CHECK(contains(svg, "M400.2 83.0H567.4"));  // IT 39–83%, just above the first row's line (y = 87)
  CHECK(contains(svg, "<title>IT confidence interval: 39–83%</title>"));
  CHECK(contains(svg, "<title>Marketing confidence interval: 5–34%</title>"));
  CHECK(occurrences(svg, "class=\"whisker\"") == 2);  // the untested row has none
  CHECK(contains(svg, ">+50 pp*</text>"));
  CHECK(contains(svg, ">p = 0.002</text>"));
  CHECK(contains(svg, "(p = 0.002, significant)"));
  const auto table = html.substr(position(html, "</svg>"));
  CHECK(contains(table, "<th class=\"num\">n</th><th class=\"num\">p</th>"));
  CHECK(contains(table, "64%<span class=\"ci\">39–83%</span>"));
  CHECK(contains(table, "<td class=\"num significant\">0.002 *</td>"));
  CHECK(contains(table, "<td class=\"num\">9/–</td><td class=\"num\">—</td>"));
  CHECK(contains(html, "are 90% confidence intervals"));  // the levels the assessment used, not constants
  CHECK(contains(html, "significant at the 10% level"));
}

TEST_CASE("tentative items carry a badge and say why, escaped", "[html]") {
  auto report = hostile_report();
  report.recommendations[0].tentative = true;
  report.recommendations[0].certainty = "Tentative: " + kHostile;
  report.findings[0].tentative = true;
  report.findings[0].certainty = "Tentative finding: " + kHostile;
  const auto html = render_html(report, test_brand());
  CHECK(occurrences(html, "<span class=\"badge tentative\">tentative</span>") == 3);  // summary, ranked list, findings
  CHECK(contains(html, "<p class=\"certainty\">Tentative: " + kEscaped + "</p>"));
  CHECK(contains(html, "<p class=\"certainty\">Tentative finding: " + kEscaped + "</p>"));
  CHECK_FALSE(contains(html, "<script>"));
}

TEST_CASE("the HTML report lists insufficient evidence apart from not assessed, with the notes on the evidence",
          "[html]") {
  auto report = hostile_report();
  report.insufficient = {{"finding", "low_trust", "Low trust " + kHostile, {}, {}, {"it.trust (4 answered)"}, {}}};
  report.evidence_notes = {"Withheld " + kHostile};
  const auto html = render_html(report, test_brand());
  const auto not_assessed = position(html, "<section id=\"not-assessed\"");
  const auto insufficient = position(html, "<h3 id=\"insufficient-evidence\">Insufficient evidence</h3>");
  const auto notes = position(html, "<h3 id=\"evidence-notes\">Notes on the evidence</h3>");
  CHECK(not_assessed < insufficient);
  CHECK(insufficient < notes);
  CHECK(contains(html, "<td>Low trust " + kEscaped + "</td><td>finding</td><td>too few answers for "
                       "<code>it.trust (4 answered)</code></td>"));
  CHECK(contains(html, "<td>missing <code>marketing.trust</code></td>"));
  CHECK(contains(html, "<li>Withheld " + kEscaped + "</li>"));
}
