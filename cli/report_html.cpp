// render_html: the client report as one self-contained HTML file (inline CSS and SVG, no scripts, no
// fetches) that reads on screen and prints to A4. Every text from a profile or rule file is escaped.
#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <string_view>

#include "cli/brand.hpp"
#include "cli/html_escape.hpp"
#include "cli/html_page.hpp"
#include "cli/report.hpp"
#include "cli/report_css.hpp"
#include "cli/report_model.hpp"
#include "cli/svg_chart.hpp"

namespace rapport::cli {
namespace {

constexpr std::string_view kDefaultAccent = "#1f4e79";

// A dashed badge after a title: the item holds only thanks to gaps that may be chance.
std::string tentative_badge(bool tentative) {
  return tentative ? " <span class=\"badge tentative\">tentative</span>" : "";
}

std::string certainty(bool tentative, const std::string& why) {
  return tentative && !why.empty() ? element("p", why, "certainty") + "\n" : "";
}

// A value with its confidence interval in small type under it.
std::string with_interval(const std::string& value, const std::string& interval) {
  if (interval.empty()) return escape(value);
  return escape(value) + element("span", interval, "ci");
}

std::string plural(std::size_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

class HtmlReport {
 public:
  HtmlReport(const ClientReport& report, const Brand& brand)
      : r_(report),
        firm_(brand.firm.empty() ? "Rapport" : brand.firm),
        accent_(is_hex_colour(brand.accent) ? brand.accent : std::string(kDefaultAccent)),
        logo_(brand.logo_data_uri.starts_with("data:image/") ? brand.logo_data_uri : "") {}

  std::string render() const {
    std::string out = head();
    out += "<body>\n<main>\n";
    out += cover() + summary() + recommendations() + findings() + perception_gap() + not_assessed() + appendix();
    out += "</main>\n</body>\n</html>\n";
    return out;
  }

 private:
  const ClientReport& r_;
  std::string firm_, accent_, logo_;

  std::string head() const {
    return html_head(r_.cover.company + " — CIO–CMO alignment assessment", report_css(accent_));
  }

  std::string cover() const {
    const Cover& c = r_.cover;
    std::string out = "<section class=\"cover\" id=\"cover\">\n<div class=\"brand\">";
    if (!logo_.empty()) out += fmt::format("<img src=\"{}\" alt=\"{}\">", escape(logo_), escape(firm_ + " logo"));
    out += element("span", firm_, "firm") + "</div>\n";
    out += element("div", "Client report", "kicker") + "\n";
    out += element("h1", c.company) + "\n";
    out += element("div", "CIO–CMO alignment assessment", "subtitle") + "\n<dl class=\"facts\">\n";
    auto fact = [](const std::string& term, const std::string& value) {
      return element("dt", term) + element("dd", value) + "\n";
    };
    if (!c.industry.empty()) out += fact("Industry", c.industry);
    if (!c.assessed_on.empty()) out += fact("Assessed on", c.assessed_on);
    out += fact("IT respondents", c.it_respondents);
    out += fact("Marketing respondents", c.marketing_respondents);
    out += fact("Rule set", c.rules_version);
    out += fact("Rule base", fmt::format("{}, {}, {}, {}", plural(c.findings, "finding", "findings"),
                                         plural(c.recommendations, "recommendation", "recommendations"),
                                         plural(c.metrics, "metric", "metrics"), plural(c.sources, "source", "sources")));
    out += "</dl>\n";
    out += element("div", "Prepared by " + firm_ + " for " + c.company + ". Confidential.", "confidential");
    return out + "\n</section>\n";
  }

  std::string summary() const {
    std::string out = "<section id=\"summary\">\n" + section_heading(1, "Executive summary");
    if (r_.recommendations.empty()) {
      return out + element("p", "No recommendation applies to this client on the data given.", "lead") + "</section>\n";
    }
    out += element("p", fmt::format("{} apply. The most pressing:", plural(r_.applying, "recommendation", "recommendations")),
                   "lead");
    for (std::size_t i = 0; i < r_.recommendations.size() && i < 3; ++i) {
      const auto& rec = r_.recommendations[i];
      out += fmt::format("<div class=\"summary-item\"><div class=\"rank\">{}</div><div><h3>{}{}</h3>{}{}</div></div>\n",
                         rec.rank, escape(rec.title), tentative_badge(rec.tentative), element("p", rec.summary),
                         certainty(rec.tentative, rec.certainty));
    }
    return out + "</section>\n";
  }

  std::string values_table(const std::vector<ValueLine>& values) const {
    if (values.empty()) return "";
    // n only when the profile says how many answered: an empty column would only puzzle a reader.
    const bool counted = std::any_of(values.begin(), values.end(), [](const ValueLine& v) { return !v.n.empty(); });
    std::string out = "<table><thead><tr><th>Metric</th><th>Group</th>";
    out += counted ? element("th", "Client (" + r_.confidence + " CI)", "num") + "<th class=\"num\">n</th>"
                   : "<th class=\"num\">Client</th>";
    out += "<th class=\"num\">Benchmark</th><th>Benchmark source</th></tr></thead><tbody>\n";
    for (const auto& v : values) {
      out += "<tr>" + element("td", v.label) + element("td", v.group);
      out += v.standing.empty() ? "<td class=\"num\">" + with_interval(v.value, v.ci) + "</td>" : element("td", v.standing);
      if (counted) out += element("td", v.n, "num");
      out += element("td", v.benchmark.empty() ? "none published" : v.benchmark, "num") +
             element("td", v.benchmark_source) + "</tr>\n";
    }
    return out + "</tbody></table>\n";
  }

  std::string recommendation(const RecommendationView& rec) const {
    std::string out = fmt::format("<article class=\"recommendation\" id=\"rec-{}\">\n", escape(rec.id));
    out += fmt::format("<h3>{}{}</h3>\n", escape(fmt::format("{}. {}", rec.rank, rec.title)),
                       tentative_badge(rec.tentative));
    out += fmt::format(
        "<div class=\"meta\"><span>Owner <strong>{}</strong></span><span>Horizon <strong>within {} days</strong></span>"
        "<span>Priority <strong>{}</strong></span></div>\n",
        escape(rec.owner), rec.horizon_days, escape(rec.priority));
    out += certainty(rec.tentative, rec.certainty);
    if (!rec.rationale.empty()) out += element("p", rec.rationale) + "\n";
    if (!rec.actions.empty()) {
      out += "<h4>Actions</h4>\n<ol>";
      for (const auto& action : rec.actions) out += element("li", action);
      out += "</ol>\n";
    }
    if (!rec.because.empty()) {
      out += "<div class=\"because\"><h4>Why: the findings behind it</h4>\n";
      for (const auto& f : rec.because) {
        out += fmt::format("<h5>{} {}{}</h5>\n", badge(f.severity), escape(f.title), tentative_badge(f.tentative));
        out += values_table(f.values);
      }
      out += "</div>\n";
    }
    return out + "</article>\n";
  }

  std::string recommendations() const {
    std::string out = "<section id=\"recommendations\">\n" + section_heading(2, "Recommendations");
    std::string lead = "Ranked by priority: the severity of the findings behind each, and the size of the gaps "
                       "between IT and marketing.";
    if (r_.recommendations.size() < r_.applying) {
      lead += fmt::format(" Showing the top {} of {}.", r_.recommendations.size(), r_.applying);
    }
    out += element("p", lead, "lead") + "\n";
    if (r_.recommendations.empty()) out += element("p", "No recommendation applies on the data given.");
    for (const auto& rec : r_.recommendations) out += recommendation(rec);
    return out + "</section>\n";
  }

  static std::string badge(const std::string& severity) {
    return fmt::format("<span class=\"badge {0}\">{0}</span>", escape(severity));
  }

  std::string finding(const FindingView& f) const {
    std::string out = fmt::format("<article class=\"finding\" id=\"finding-{}\">\n", escape(f.id));
    out += fmt::format("<h3>{} <span>{}</span>{}</h3>\n", badge(f.severity), escape(f.title), tentative_badge(f.tentative));
    out += certainty(f.tentative, f.certainty);
    if (!f.narrative.empty()) out += element("p", f.narrative) + "\n";
    out += values_table(f.values);
    if (!f.evidence.empty()) {
      out += "<h4>Evidence</h4>\n";
      for (const auto& c : f.evidence) {
        out += "<blockquote>";
        if (!c.quote.empty()) out += element("span", "“" + c.quote + "”");
        out += element("cite", c.source) + "</blockquote>\n";
      }
    }
    return out + "</article>\n";
  }

  std::string findings() const {
    std::string out = "<section id=\"findings\">\n" + section_heading(3, "Findings");
    out += element("p", fmt::format("{} observed, most severe first, each with the published evidence behind it.",
                                    plural(r_.findings.size(), "finding", "findings")),
                   "lead") +
           "\n";
    for (const auto& f : r_.findings) out += finding(f);
    if (!r_.not_observed.empty()) {
      out += "<h4>Checked and not observed</h4>\n<ul class=\"plain\">";
      for (const auto& title : r_.not_observed) out += element("li", title);
      out += "</ul>\n";
    }
    return out + "</section>\n";
  }

  bool counted() const {
    return std::any_of(r_.gaps.begin(), r_.gaps.end(),
                       [](const GapRow& g) { return !g.n_text.empty(); });
  }

  std::string gap_table() const {
    const bool with_tests = counted();
    std::string out =
        "<table><thead><tr><th>Metric</th><th class=\"num\">IT</th><th class=\"num\">IT benchmark</th>"
        "<th class=\"num\">Marketing</th><th class=\"num\">Marketing benchmark</th><th class=\"num\">Gap</th>";
    if (with_tests) out += "<th class=\"num\">n</th><th class=\"num\">p</th>";
    out += "</tr></thead><tbody>\n";
    auto or_dash = [](const std::string& text) { return text.empty() ? std::string("—") : text; };
    for (const auto& g : r_.gaps) {
      out += "<tr>" + element("td", g.label) + "<td class=\"num\">" + with_interval(g.it_text, g.it_ci_text) + "</td>" +
             element("td", or_dash(g.it_benchmark_text), "num") + "<td class=\"num\">" +
             with_interval(g.marketing_text, g.marketing_ci_text) + "</td>" +
             element("td", or_dash(g.marketing_benchmark_text), "num") + "<td class=\"num\">" +
             with_interval(g.gap_text, g.gap_ci_text) + "</td>";
      if (with_tests) {
        const bool significant = g.significant.value_or(false);
        out += element("td", or_dash(g.n_text), "num") +
               element("td", g.p_short.empty() ? "—" : g.p_short + (significant ? " *" : ""),
                       significant ? "num significant" : "num");
      }
      out += "</tr>\n";
    }
    return out + "</tbody></table>\n";
  }

  std::string perception_gap() const {
    std::string out = "<section id=\"perception-gap\">\n" + section_heading(4, "Perception gap");
    if (r_.gaps.empty()) return out + element("p", "The rule set asks no question of both groups.", "lead") + "</section>\n";
    out += element("p", "The same questions, asked of IT and of marketing. The further apart the two marks, the more "
                        "the functions see their relationship differently; diamonds mark the published benchmarks.",
                   "lead") +
           "\n";
    out += "<figure>" + render_gap_chart(r_.gaps, accent_) +
           element("figcaption", caption()) +
           "</figure>\n";
    return out + gap_table() + "</section>\n";
  }

  std::string caption() const {
    std::string text = "Gap = IT minus marketing (percentage points for shares). n/a: the survey lacks the answer.";
    if (counted()) {
      text += fmt::format(" Whiskers and the small figures under each value are {} confidence intervals; n is how "
                          "many answered in IT and in marketing; p tests whether the gap could be chance, and * marks "
                          "the gaps significant at the {} level.",
                          r_.confidence, r_.significance);
    }
    return text;
  }

  // "missing <code>it.trust</code>; depends on unassessed “Title”"
  static std::string reasons(const NotAssessedItem& item) {
    std::string out;
    for (const auto& reason : undecided_reasons(item)) {
      out += (out.empty() ? "" : "; ") + escape(reason.label) + (reason.items.empty() ? "" : " ");
      std::string items;
      for (const auto& it : reason.items) {
        items += (items.empty() ? "" : ", ") + (reason.titles ? escape("“" + it + "”") : element("code", it));
      }
      out += items;
    }
    return out;
  }

  static std::string undecided_table(const std::vector<NotAssessedItem>& items) {
    std::string out = "<table><thead><tr><th>Item</th><th>Kind</th><th>Why</th></tr></thead><tbody>\n";
    for (const auto& item : items) {
      out += "<tr>" + element("td", item.title) + element("td", item.kind) + "<td>" + reasons(item) + "</td></tr>\n";
    }
    return out + "</tbody></table>\n";
  }

  std::string not_assessed() const {
    std::string out = "<section id=\"not-assessed\">\n" + section_heading(5, "Not assessed, and why");
    if (r_.not_assessed.empty()) {
      out += element("p", "Everything in the rule set could be assessed on the data given.", "lead") + "\n";
    } else {
      out += element("p", "Missing data is never read as a “no”. These items could not be decided; collecting the "
                          "data listed would settle them.",
                     "lead") +
             "\n" + undecided_table(r_.not_assessed);
    }
    if (!r_.insufficient.empty()) {
      out += "<h3 id=\"insufficient-evidence\">Insufficient evidence</h3>\n";
      out += element("p", "The survey asked about these, but too few people answered to draw a conclusion either way. "
                          "Survey more people in the group to assess them.") +
             "\n" + undecided_table(r_.insufficient);
    }
    if (!r_.evidence_notes.empty()) {
      out += "<h3 id=\"evidence-notes\">Notes on the evidence</h3>\n<ul>";
      for (const auto& note : r_.evidence_notes) out += element("li", note);
      out += "</ul>\n";
    }
    if (!r_.warnings.empty()) {
      out += "<h3 id=\"warnings\">Warnings</h3>\n<ul>";
      for (const auto& warning : r_.warnings) out += element("li", warning);
      out += "</ul>\n" + element("p", kWarningsAdvice) + "\n";
    }
    return out + "</section>\n";
  }

  static std::string source(const SourceView& s) {
    std::string out = "<li>" + element("span", s.title, "title");
    std::string by = s.by;
    if (!s.year.empty()) by += (by.empty() ? "" : ", ") + s.year;
    if (!by.empty()) out += " — " + escape(by);
    if (!s.sample.empty()) out += "<br>" + element("span", "Sample: " + s.sample, "muted");
    if (!s.note.empty()) out += "<br>" + escape(s.note);
    // Shown as text, not a link: the report must not point a reader's browser anywhere on open.
    if (!s.url.empty()) out += "<br>" + element("span", s.url, "url");
    return out + "</li>\n";
  }

  std::string appendix() const {
    std::string out = "<section id=\"appendix\">\n" + section_heading(6, "Appendix: sources and method");
    out += "<h3>Sources</h3>\n<ol class=\"sources\">\n";
    for (const auto& s : r_.sources) out += source(s);
    out += "</ol>\n<h3>Method</h3>\n";
    for (const auto& paragraph : r_.method) out += element("p", paragraph) + "\n";
    out += element("p", "Rule set: " + r_.cover.rules_version + ".", "muted") + "\n</section>\n";
    out += element("footer", fmt::format("Prepared by {} with Rapport {}.", firm_, RAPPORT_VERSION)) + "\n";
    return out;
  }
};

}  // namespace

std::string render_html(const ClientReport& report, const Brand& brand) { return HtmlReport(report, brand).render(); }

}  // namespace rapport::cli
