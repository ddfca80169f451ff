// The portfolio summary as one self-contained HTML file: the client report's stylesheet, charts as inline
// SVG, no scripts and no fetches (html_page.hpp). Every text from a rule or profile file is escaped.
#include <fmt/format.h>

#include <algorithm>

#include "cli/html_escape.hpp"
#include "cli/html_page.hpp"
#include "cli/portfolio_charts.hpp"
#include "cli/portfolio_summary.hpp"
#include "cli/report_css.hpp"
#include "cli/svg_marks.hpp"

namespace rapport::cli {
namespace {

// What the portfolio summary adds to the client report's sheet: the highlighted client's colour.
std::string portfolio_css() {
  return fmt::format("td.has {{ color: {0}; font-weight: 700; }}\ntr.client td {{ background: #fdf3ec; }}\n"
                     ".note {{ display: block; font-size: 8pt; color: var(--muted); font-style: italic; }}\n",
                     kMarketingColour);
}

// A figure with a small line under it in the cell (an interval, a rank, a note), as the client report does.
std::string with_note(const std::string& value, const std::string& note) {
  return note.empty() ? escape(value) : escape(value) + element("span", note, "ci");
}

class PortfolioHtml {
 public:
  PortfolioHtml(const PortfolioReport& report, const Brand& brand)
      : r_(report),
        firm_(brand.firm.empty() ? "Rapport" : brand.firm),
        accent_(is_hex_colour(brand.accent) ? brand.accent : Brand{}.accent),
        logo_(brand.logo_data_uri.starts_with("data:image/") ? brand.logo_data_uri : ""),
        client_(report.highlight && report.highlight->found ? report.highlight->name : "") {}

  std::string render() const {
    std::string out = html_head("Portfolio summary — CIO–CMO alignment", report_css(accent_) + portfolio_css());
    out += "<body>\n<main>\n" + cover() + recommendations() + findings() + metrics() + gaps() + highlight() + method();
    return out + "</main>\n</body>\n</html>\n";
  }

 private:
  const PortfolioReport& r_;
  std::string firm_, accent_, logo_;
  std::string client_;  // the highlighted client's name when found, else ""

  std::string open(std::string_view id, int number, const std::string& title) const {
    return fmt::format("<section id=\"{}\">\n", id) + section_heading(number, title);
  }

  // Sections that would expose single clients in a small portfolio say so instead.
  std::string withheld() const {
    return element("p", fmt::format("Withheld: the portfolio has {} profiles, fewer than {}, so this would expose "
                                    "single clients.", r_.cover.profiles_text, r_.min_group_size), "lead") +
           "\n</section>\n";
  }

  std::string cover() const {
    const auto& c = r_.cover;
    std::string out = "<section class=\"cover\" id=\"cover\">\n<div class=\"brand\">";
    if (!logo_.empty()) out += fmt::format("<img src=\"{}\" alt=\"{}\">", escape(logo_), escape(firm_ + " logo"));
    out += element("span", firm_, "firm") + "</div>\n" + element("div", "Portfolio summary", "kicker") + "\n";
    out += element("h1", c.profiles_text + (c.profiles == 1 ? " client profile" : " client profiles")) + "\n";
    out += element("div", "CIO–CMO alignment across the portfolio", "subtitle") + "\n<dl class=\"facts\">\n";
    auto fact = [](const std::string& term, const std::string& value) {
      return element("dt", term) + element("dd", value) + "\n";
    };
    out += fact("Profiles", c.profiles_text);
    if (!c.rejected_text.empty()) out += fact("Not counted", c.rejected_text);
    out += fact("Summary date", c.date);
    out += fact("Rule set", c.rules_version);
    out += fact("Rule base", fmt::format("{} findings, {} recommendations, {} metrics", c.findings, c.recommendations,
                                         c.metrics));
    if (!c.highlight.empty()) out += fact("Highlighted client", c.highlight);
    out += "</dl>\n";
    if (r_.withheld) {
      out += element("p", fmt::format("Too few profiles to summarise: with fewer than {}, frequencies and percentiles "
                                      "would come close to single clients' own results, so they are withheld.",
                                      r_.min_group_size), "lead");
    }
    out += element("div", "Prepared by " + firm_ + ". Confidential.", "confidential");
    return out + "\n</section>\n";
  }

  std::string client_cell(bool has) const {
    return has ? "<td class=\"has\">yes</td>" : "<td></td>";
  }

  std::string recommendations() const {
    std::string out = open("recommendations", 1, "Recommendations by frequency");
    if (r_.withheld) return out + withheld();
    out += element("p", "How many profiles each recommendation applied to, most frequent first. Mean rank is its "
                        "average place in the rankings it appeared in; top 3, how often it was among a profile's three "
                        "most pressing.", "lead") + "\n";
    out += "<figure>" + render_frequency_chart(r_.recommendations, "How often each recommendation applies", false,
                                               client_, accent_) +
           element("figcaption", "Share of profiles each recommendation applies to; the lighter part is tentative.") +
           "</figure>\n";
    out += "<table><thead><tr><th>Recommendation</th><th>Owner</th><th class=\"num\">Applies to</th>"
           "<th class=\"num\">Tentative</th><th class=\"num\">Mean rank</th><th class=\"num\">In top 3</th>";
    out += client_.empty() ? "" : element("th", client_);
    out += "</tr></thead><tbody>\n";
    for (const auto& row : r_.recommendations) {
      out += fmt::format("<tr{}>", row.highlighted ? " class=\"client\"" : "") + element("td", row.title) +
             element("td", row.detail) + "<td class=\"num\">" + with_note(row.share_text, row.count_text) + "</td>" +
             element("td", row.tentative_text, "num") + element("td", row.mean_rank_text, "num") +
             element("td", row.top3_text, "num") + (client_.empty() ? "" : client_cell(row.highlighted)) + "</tr>\n";
    }
    return out + "</tbody></table>\n</section>\n";
  }

  std::string findings() const {
    std::string out = open("findings", 2, "Findings by frequency");
    if (r_.withheld) return out + withheld();
    out += element("p", "How many profiles each finding fired for, and for how many it could not be decided because "
                        "the data was missing or too few people answered. Missing data is never counted as a “no”.",
                   "lead") + "\n";
    out += "<figure>" + render_frequency_chart(r_.findings, "How often each finding fires, and how often it cannot be decided",
                                               true, client_, accent_) +
           element("figcaption", "Share of profiles each finding fired for (lighter: tentative), then in grey the share "
                                 "where it could not be decided.") +
           "</figure>\n";
    out += "<table><thead><tr><th>Finding</th><th>Severity</th><th class=\"num\">Fired for</th>"
           "<th class=\"num\">Tentative</th><th class=\"num\">Not decided</th>";
    out += client_.empty() ? "" : element("th", client_);
    out += "</tr></thead><tbody>\n";
    for (const auto& row : r_.findings) {
      out += fmt::format("<tr{}>", row.highlighted ? " class=\"client\"" : "") + element("td", row.title) +
             fmt::format("<td><span class=\"badge {0}\">{0}</span></td>", escape(row.detail)) + "<td class=\"num\">" +
             with_note(row.share_text, row.count_text) + "</td>" + element("td", row.tentative_text, "num") +
             element("td", row.unknown_text, "num") + (client_.empty() ? "" : client_cell(row.highlighted)) + "</tr>\n";
    }
    return out + "</tbody></table>\n</section>\n";
  }

  // The metric's name, with why its figures are withheld or rough in small type under it.
  static std::string name_cell(const std::string& name, const SpreadRow& row) {
    return "<td>" + escape(name) + (row.standing_text.empty() ? "" : element("span", row.standing_text, "note")) + "</td>";
  }

  // `text` followed by `suffix`, or nothing when there is no text.
  static std::string followed(const std::string& text, std::string_view suffix) {
    return text.empty() ? "" : text + std::string(suffix);
  }

  // The spread table shared by metrics and gaps: percentiles, then the benchmark (metrics) or the extremes
  // (gaps), then the highlighted client and its percentile rank.
  std::string spread_table(const std::vector<const SpreadRow*>& rows, bool benchmarks) const {
    std::string out = "<table><thead><tr><th>Metric</th><th class=\"num\">Profiles</th><th class=\"num\">p10</th>"
                      "<th class=\"num\">p25</th><th class=\"num\">Median</th><th class=\"num\">p75</th>"
                      "<th class=\"num\">p90</th>";
    out += benchmarks ? "<th class=\"num\">Benchmark</th>" : "<th class=\"num\">Range</th>";
    if (!client_.empty()) out += element("th", client_, "num");
    out += "</tr></thead><tbody>\n";
    for (const SpreadRow* row : rows) {
      out += "<tr>" + name_cell(benchmarks ? row->label + " (" + row->group + ")" : row->label, *row);
      out += "<td class=\"num\">" + with_note(row->count_text, followed(row->set_aside_text, " set aside")) + "</td>";
      for (const auto& text : row->percentile_texts) out += element("td", text, "num");
      if (benchmarks) {
        out += "<td class=\"num\">" +
               with_note(row->benchmark_text.empty() ? "–" : row->benchmark_text,
                         followed(row->benchmark_rank_text, " of profiles below")) + "</td>";
      } else {
        out += element("td", row->min_text == "–" ? "–" : row->min_text + " to " + row->max_text, "num");
      }
      if (!client_.empty()) {
        const std::string rank = row->highlight_rank_text.empty() ? "" : "percentile " + row->highlight_rank_text;
        out += "<td class=\"num\">" + with_note(row->highlight_text, rank) + "</td>";
      }
      out += "</tr>\n";
    }
    return out + "</tbody></table>\n";
  }

  std::string metrics() const {
    std::string out = open("metrics", 3, "Metric distributions");
    if (r_.withheld) return out + withheld();
    out += element("p", "Each group's values across the portfolio, against the published benchmarks. The box holds the "
                        "middle half of the profiles, the whiskers run from the 10th to the 90th percentile, and the "
                        "line is the median. Set aside: values from too few answers to use.", "lead") + "\n";
    std::vector<SpreadRow> charted;
    std::vector<const SpreadRow*> tabled, flags;
    for (const auto& row : r_.metrics) {
      if (row.flag) {
        flags.push_back(&row);
      } else {
        charted.push_back(row);
        tabled.push_back(&row);
      }
    }
    out += "<figure>" + render_spread_chart(charted, r_.metric_axis, "Spread of each metric across the portfolio",
                                            client_, accent_) +
           element("figcaption", "Percentiles of each metric; diamonds mark the published benchmarks" +
                                 std::string(client_.empty() ? "." : ", dots " + client_ + ".")) + "</figure>\n";
    out += spread_table(tabled, true);
    if (!flags.empty()) out += "<h3>Yes/no questions</h3>\n" + flags_table(flags);
    return out + "</section>\n";
  }

  std::string flags_table(const std::vector<const SpreadRow*>& rows) const {
    std::string out = "<table><thead><tr><th>Metric</th><th class=\"num\">Profiles</th><th class=\"num\">Yes</th>";
    if (!client_.empty()) out += element("th", client_, "num");
    out += "</tr></thead><tbody>\n";
    for (const SpreadRow* row : rows) {
      out += "<tr>" + name_cell(row->label, *row) + element("td", row->count_text, "num") +
             element("td", row->yes_text.empty() ? "–" : row->yes_text, "num");
      if (!client_.empty()) out += element("td", row->highlight_text, "num");
      out += "</tr>\n";
    }
    return out + "</tbody></table>\n";
  }

  std::string gaps() const {
    std::string out = open("gaps", 4, "Gap distributions (IT − marketing)");
    if (r_.withheld) return out + withheld();
    if (r_.gaps.empty()) {
      return out + element("p", "The rules ask no metric of both IT and marketing.", "lead") + "</section>\n";
    }
    out += element("p", "For each metric asked of both groups, IT's value minus marketing's, from the profiles that give "
                        "both: right of the dashed zero line, IT agrees more than marketing.", "lead") + "\n";
    out += "<figure>" + render_spread_chart(r_.gaps, r_.gap_axis, "Spread of the IT−marketing gaps across the portfolio",
                                            client_, accent_) +
           element("figcaption", "Gaps in percentage points for shares. Box: middle half of the profiles; whiskers: 10th "
                                 "to 90th percentile.") + "</figure>\n";
    std::vector<const SpreadRow*> rows;
    for (const auto& row : r_.gaps) rows.push_back(&row);
    return out + spread_table(rows, false) + "</section>\n";
  }

  std::string items(const std::vector<HighlightItem>& list, bool ranked, const std::string& verb) const {
    std::string out = ranked ? "<ol>" : "<ul class=\"plain\">";
    for (const auto& item : list) {
      out += "<li>" + (ranked ? "" : fmt::format("<span class=\"badge {0}\">{0}</span> ", escape(item.detail))) +
             escape(item.title) + (item.tentative ? " <span class=\"badge tentative\">tentative</span>" : "") +
             element("span", verb + " " + item.share_text + " of the portfolio", "muted") + "</li>\n";
    }
    return out + (ranked ? "</ol>\n" : "</ul>\n");
  }

  static std::string standouts(const std::vector<Standout>& list) {
    std::string out = "<h3>Where it stands out</h3>\n";
    if (list.empty()) {
      return out + element("p", "None of its values or gaps is in the portfolio's bottom or top tenth.") + "\n";
    }
    out += "<table><thead><tr><th>Metric</th><th class=\"num\">Value</th><th class=\"num\">Percentile rank</th>"
           "<th>Where</th></tr></thead><tbody>\n";
    for (const auto& s : list) {
      out += "<tr>" + element("td", s.label) + element("td", s.value, "num") + element("td", std::to_string(s.rank), "num") +
             element("td", s.rank >= 90 ? "top tenth of the portfolio" : "bottom tenth of the portfolio") + "</tr>\n";
    }
    return out + "</tbody></table>\n";
  }

  std::string highlight() const {
    if (!r_.highlight) return "";
    const HighlightView& h = *r_.highlight;
    std::string out = open("highlight", 5, "Highlighted client: " + h.name);
    if (!h.found) {
      return out + element("p", "No profile in the input is named “" + h.name + "”. The name must match the profile's "
                                "[company] name exactly, including capitals and spaces.", "lead") + "\n</section>\n";
    }
    std::string facts = "The " + h.position_text + " profile assessed, in input order";
    if (!h.industry.empty()) facts += "; industry: " + h.industry;
    if (!h.assessed_on.empty()) facts += "; assessed on " + h.assessed_on;
    out += element("p", facts + ". Its values and gaps are marked in the charts and tables above, with their percentile "
                                "rank in the portfolio.", "lead") + "\n";
    for (const auto& note : h.notes) out += element("p", note) + "\n";
    out += standouts(h.standouts);
    out += "<h3>Its recommendations</h3>\n";
    out += h.recommendations.empty() ? element("p", "No recommendation applies to it.") + "\n"
                                     : items(h.recommendations, true, " — applies to");
    out += "<h3>Its findings</h3>\n";
    out += h.findings.empty() ? element("p", "No finding fired for it.") + "\n" : items(h.findings, false, " — fired for");
    return out + "</section>\n";
  }

  std::string method() const {
    std::string out = open("method", r_.highlight ? 6 : 5, "Method");
    for (const auto& paragraph : r_.method) out += element("p", paragraph) + "\n";
    out += element("p", "Rule set: " + r_.cover.rules_version + ".", "muted") + "\n</section>\n";
    return out + element("footer", fmt::format("Prepared by {} with Rapport {}.", firm_, RAPPORT_VERSION)) + "\n";
  }
};

}  // namespace

std::string render_portfolio_html(const PortfolioReport& report, const Brand& brand) {
  return PortfolioHtml(report, brand).render();
}

}  // namespace rapport::cli
