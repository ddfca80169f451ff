// The portfolio summary as GitHub-flavoured Markdown: cover, recommendations and findings by frequency,
// metric and gap distributions, the highlighted client, and the method. Text from rules and profiles is
// escaped (markdown_escape.hpp).
#include <fmt/format.h>

#include <initializer_list>

#include "cli/markdown_escape.hpp"
#include "cli/portfolio_summary.hpp"

namespace rapport::cli {
namespace {

class PortfolioMarkdown {
 public:
  PortfolioMarkdown(const PortfolioReport& report, const Brand& brand)
      : r_(report), brand_(brand), client_(report.highlight && report.highlight->found) {}

  std::string render() {
    cover();
    recommendations();
    findings();
    metrics();
    gaps();
    highlight();
    method();
    while (out_.size() > 1 && out_[out_.size() - 2] == '\n') out_.pop_back();  // one final newline
    return out_;
  }

 private:
  const PortfolioReport& r_;
  const Brand& brand_;
  const bool client_;  // a highlighted client was found: its columns are shown
  std::string out_;

  void line(std::string_view text = {}) {
    out_ += text;
    out_ += '\n';
  }
  void block(std::string_view text) {
    line(text);
    line();
  }
  void table_header(std::initializer_list<std::string_view> columns, std::string_view alignments) {  // l or r
    std::string names = "|", rule = "|";
    for (auto column : columns) names += fmt::format(" {} |", column);
    for (char a : alignments) rule += a == 'r' ? " ---: |" : " --- |";
    line(names);
    line(rule);
  }
  std::string client_name() const { return md_inline(r_.cover.highlight); }

  // Sections 1 to 4 have nothing to show when the portfolio is too small to summarise anonymously.
  bool withheld_note() {
    if (r_.withheld) {
      block(fmt::format("Withheld: the portfolio has {} profiles, fewer than {}, so this would expose single clients.",
                        r_.cover.profiles_text, r_.min_group_size));
    }
    return r_.withheld;
  }

  void cover() {
    const auto& c = r_.cover;
    block("# Portfolio summary: CIO–CMO alignment");
    block("Prepared by " + md_escape(brand_.firm.empty() ? "Rapport" : brand_.firm));
    line("| Profiles | " + md_cell(c.profiles_text) + " |");  // the header row: GFM tables need one
    line("| --- | --- |");
    if (!c.rejected_text.empty()) line("| Not counted | " + md_cell(c.rejected_text) + " |");
    line("| Summary date | " + md_cell(c.date) + " |");
    line(fmt::format("| Rule set | {}: {} findings, {} recommendations, {} metrics |", md_cell(c.rules_version),
                     c.findings, c.recommendations, c.metrics));
    if (!c.highlight.empty()) line("| Highlighted client | " + md_cell(c.highlight) + " |");
    line();
    if (r_.withheld) {
      block(fmt::format("**Too few profiles to summarise.** With fewer than {} profiles, frequencies and percentiles "
                        "would come close to single clients' own results, so they are withheld.",
                        r_.min_group_size));
    }
  }

  std::string client_mark(bool has) const { return has ? "**yes**" : "–"; }

  void recommendations() {
    block("## Recommendations by frequency");
    if (withheld_note()) return;
    block("How many profiles each recommendation applied to, most frequent first; its mean place in the rankings it "
          "appeared in; and how often it was among a profile's three most pressing.");
    if (client_) {
      table_header({"Recommendation", "Owner", "Applies to", "Tentative", "Mean rank", "In top 3", client_name()},
                   "llrrrrl");
    } else {
      table_header({"Recommendation", "Owner", "Applies to", "Tentative", "Mean rank", "In top 3"}, "llrrrr");
    }
    for (const auto& row : r_.recommendations) {
      std::string cells = fmt::format("| {} ({}) | {} | {} ({}) | {} | {} | {} |", md_cell(row.title), md_code(row.id),
                                      md_cell(row.detail), row.share_text, row.count_text, row.tentative_text,
                                      row.mean_rank_text, row.top3_text);
      line(client_ ? cells + fmt::format(" {} |", client_mark(row.highlighted)) : cells);
    }
    line();
  }

  void findings() {
    block("## Findings by frequency");
    if (withheld_note()) return;
    block("How many profiles each finding fired for, and for how many it could not be decided: the data was missing, "
          "or too few people answered. Missing data is never counted as a “no”.");
    if (client_) {
      table_header({"Finding", "Severity", "Fired for", "Tentative", "Not decided", client_name()}, "llrrrl");
    } else {
      table_header({"Finding", "Severity", "Fired for", "Tentative", "Not decided"}, "llrrr");
    }
    for (const auto& row : r_.findings) {
      std::string cells = fmt::format("| {} ({}) | {} | {} ({}) | {} | {} |", md_cell(row.title), md_code(row.id),
                                      md_cell(row.detail), row.share_text, row.count_text, row.tentative_text,
                                      row.unknown_text);
      line(client_ ? cells + fmt::format(" {} |", client_mark(row.highlighted)) : cells);
    }
    line();
  }

  std::string percentile_cells(const SpreadRow& row) const {
    std::string cells;
    for (const auto& text : row.percentile_texts) cells += fmt::format(" {} |", md_cell(text));
    return cells;
  }

  std::string client_cells(const SpreadRow& row) const {
    return client_ ? fmt::format(" {} | {} |", md_cell(row.highlight_text), md_cell(row.highlight_rank_text)) : "";
  }

  void metrics() {
    block("## Metric distributions");
    if (withheld_note()) return;
    block("Each group's values across the portfolio: the 10th, 25th, 50th (median), 75th and 90th percentiles, next "
          "to the published benchmark and the share of profiles below it. Set aside: values from too few answers.");
    if (client_) {
      table_header({"Metric", "Group", "Profiles", "Set aside", "p10", "p25", "Median", "p75", "p90", "Benchmark",
                    "Below benchmark", client_name(), "Percentile rank", "Note"},
                   "llrrrrrrrrrrrl");
    } else {
      table_header({"Metric", "Group", "Profiles", "Set aside", "p10", "p25", "Median", "p75", "p90", "Benchmark",
                    "Below benchmark", "Note"},
                   "llrrrrrrrrrl");
    }
    for (const auto& row : r_.metrics) {
      if (row.flag) continue;
      line(fmt::format("| {} ({}) | {} | {} | {} |{} {} | {} |{} {} |", md_cell(row.label), md_code(row.reference),
                       md_cell(row.group), row.count_text, md_cell(row.set_aside_text), percentile_cells(row),
                       md_cell(row.benchmark_text), md_cell(row.benchmark_rank_text), client_cells(row),
                       md_cell(row.standing_text)));
    }
    line();
    flags();
  }

  void flags() {
    bool any = false;
    for (const auto& row : r_.metrics) any = any || row.flag;
    if (!any) return;
    block("### Yes/no questions");
    if (client_) {
      table_header({"Metric", "Profiles", "Yes", client_name(), "Note"}, "lrrrl");
    } else {
      table_header({"Metric", "Profiles", "Yes", "Note"}, "lrrl");
    }
    for (const auto& row : r_.metrics) {
      if (!row.flag) continue;
      line(fmt::format("| {} ({}) | {} | {} |{} {} |", md_cell(row.label), md_code(row.reference), row.count_text,
                       md_cell(row.yes_text), client_ ? " " + md_cell(row.highlight_text) + " |" : "",
                       md_cell(row.standing_text)));
    }
    line();
  }

  void gaps() {
    block("## Gap distributions (IT − marketing)");
    if (withheld_note()) return;
    if (r_.gaps.empty()) {
      block("The rules ask no metric of both IT and marketing.");
      return;
    }
    block("For each metric asked of both groups, IT's value minus marketing's (percentage points for shares), from "
          "the profiles that give both. Positive: IT agrees more than marketing.");
    if (client_) {
      table_header({"Metric", "Profiles", "p10", "p25", "Median", "p75", "p90", "Min", "Max", client_name(),
                    "Percentile rank", "Note"},
                   "lrrrrrrrrrrl");
    } else {
      table_header({"Metric", "Profiles", "p10", "p25", "Median", "p75", "p90", "Min", "Max", "Note"}, "lrrrrrrrrl");
    }
    for (const auto& row : r_.gaps) {
      line(fmt::format("| {} ({}) | {} |{} {} | {} |{} {} |", md_cell(row.label), md_code(row.reference),
                       row.count_text, percentile_cells(row), md_cell(row.min_text), md_cell(row.max_text),
                       client_cells(row), md_cell(row.standing_text)));
    }
    line();
  }

  void highlight() {
    if (!r_.highlight) return;
    const HighlightView& h = *r_.highlight;
    block("## Highlighted client: " + md_escape(h.name));
    if (!h.found) {
      block(fmt::format("No profile in the input is named “{}”. The name must match the profile's [company] name "
                        "exactly, including capitals and spaces.",
                        md_inline(h.name)));
      return;
    }
    std::string facts = "The " + h.position_text + " profile assessed, in input order";
    if (!h.industry.empty()) facts += "; industry: " + md_inline(h.industry);
    if (!h.assessed_on.empty()) facts += "; assessed on " + md_inline(h.assessed_on);
    block(facts + ". Its values and gaps are in the tables above, with their percentile rank in the portfolio.");
    for (const auto& note : h.notes) block(md_escape(note));
    block("### Where it stands out");
    if (h.standouts.empty()) block("None of its values or gaps is in the portfolio's bottom or top tenth.");
    for (const auto& s : h.standouts) {
      line(fmt::format("- {}: {}, percentile rank {} ({} tenth of the portfolio)", md_inline(s.label),
                       md_inline(s.value), s.rank, s.rank >= 90 ? "top" : "bottom"));
    }
    if (!h.standouts.empty()) line();
    block("### Its recommendations");
    if (h.recommendations.empty()) block("No recommendation applies to it.");
    for (const auto& item : h.recommendations) {
      line(fmt::format("{}. {}{}: applies to {} of the portfolio", item.detail, md_inline(item.title),
                       item.tentative ? " *(tentative)*" : "", item.share_text));
    }
    line();
    block("### Its findings");
    if (h.findings.empty()) block("No finding fired for it.");
    for (const auto& item : h.findings) {
      line(fmt::format("- **{}:** {}{}: fired for {} of the portfolio", md_inline(item.detail), md_inline(item.title),
                       item.tentative ? " *(tentative)*" : "", item.share_text));
    }
    line();
  }

  void method() {
    block("## Method");
    for (const auto& paragraph : r_.method) block(md_escape(paragraph));
  }
};

}  // namespace

std::string render_portfolio_markdown(const PortfolioReport& report, const Brand& brand) {
  return PortfolioMarkdown(report, brand).render();
}

}  // namespace rapport::cli
