// The Markdown report: the seven sections of a ClientReport as GitHub-flavoured Markdown with tables.
// Text from rules and profiles is escaped, so a `|`, `<script>` or `*` in it shows as written.
#include <fmt/format.h>

#include <algorithm>

#include "cli/brand.hpp"
#include "cli/markdown_escape.hpp"
#include "cli/report.hpp"
#include "cli/report_model.hpp"

namespace rapport::cli {
namespace {

class MarkdownReport {
 public:
  MarkdownReport(const ClientReport& report, const Brand& brand) : report_(report), brand_(brand) {}

  std::string render() {
    cover();
    executive_summary();
    recommendations();
    findings();
    perception_gap();
    not_assessed();
    insufficient_evidence();
    warnings();
    sources_and_method();
    while (out_.size() > 1 && out_[out_.size() - 2] == '\n') out_.pop_back();  // one final newline
    return out_;
  }

 private:
  const ClientReport& report_;
  const Brand& brand_;
  std::string out_;

  void line(std::string_view text = {}) {
    out_ += text;
    out_ += '\n';
  }
  void block(std::string_view text) {  // a paragraph, list or table, followed by a blank line
    line(text);
    line();
  }
  static std::string tentative_mark(bool tentative) { return tentative ? " *(tentative)*" : ""; }

  // Why a fired item is only tentative, as its own paragraph.
  void certainty(bool tentative, const std::string& why) {
    if (tentative && !why.empty()) block("*" + md_escape(why) + "*");
  }

  void table_header(std::initializer_list<std::string_view> columns, std::string_view alignments) {  // l or r
    std::string names = "|", rule = "|";
    for (auto column : columns) names += fmt::format(" {} |", column);
    for (char a : alignments) rule += a == 'r' ? " ---: |" : " --- |";
    line(names);
    line(rule);
  }

  // 1. Who was assessed, when, how many answered, which rules judged them, and who prepared it.
  void cover() {
    const auto& c = report_.cover;
    block("# Rapport assessment: " + md_escape(c.company));
    block("Prepared by " + md_escape(brand_.firm.empty() ? "Rapport" : brand_.firm));
    line("| Company | " + md_cell(c.company) + " |");  // the header row: GFM tables need one
    line("| --- | --- |");
    line("| Industry | " + md_cell(c.industry) + " |");
    line("| Assessment date | " + md_cell(c.assessed_on) + " |");
    line(fmt::format("| Respondents | IT {}, marketing {} |", md_escape(c.it_respondents),
                     md_escape(c.marketing_respondents)));
    line(fmt::format("| Rule set | {}: {} findings, {} recommendations, {} metrics, {} sources |",
                     md_escape(c.rules_version), c.findings, c.recommendations, c.metrics, c.sources));
    line();
  }

  // 2. The first three recommendations, one paragraph each.
  void executive_summary() {
    block("## Executive summary");
    if (report_.recommendations.empty()) {
      block("No recommendation applies to this profile.");
      return;
    }
    const auto count = std::min<std::size_t>(3, report_.recommendations.size());
    for (std::size_t i = 0; i < count; ++i) {
      const auto& rec = report_.recommendations[i];
      std::string text = fmt::format("{}. **{}.**{} {}", rec.rank, md_inline(rec.title), tentative_mark(rec.tentative),
                                     md_inline(rec.summary));
      if (rec.tentative) text += " " + md_inline(rec.certainty);
      block(text);
    }
  }

  // 3. Ranked recommendations with the findings behind them and the client's values next to benchmarks.
  void recommendations() {
    const auto shown = report_.recommendations.size();
    block(fmt::format("## Recommendations ({} of {} apply{})", report_.applying, report_.cover.recommendations,
                      shown < report_.applying ? fmt::format(", top {} shown", shown) : ""));
    if (report_.recommendations.empty()) block("No recommendation applies to this profile.");
    for (const auto& rec : report_.recommendations) recommendation(rec);
  }

  void recommendation(const RecommendationView& rec) {
    block(fmt::format("### {}. {}{}", rec.rank, md_escape(rec.title), tentative_mark(rec.tentative)));
    block(fmt::format("**Priority:** {} · **Owner:** {} · **Horizon:** {} days · **id:** {}", md_escape(rec.priority),
                      md_escape(rec.owner), rec.horizon_days, md_code(rec.id)));
    certainty(rec.tentative, rec.certainty);
    if (!rec.rationale.empty()) block(md_escape(rec.rationale));
    if (!rec.actions.empty()) {
      block("**Actions**");
      for (const auto& action : rec.actions) line("- " + md_escape(action));
      line();
    }
    if (rec.because.empty()) return;
    block("**Because**");
    for (const auto& finding : rec.because) {
      line(fmt::format("- **{}:** {}{}", md_escape(finding.severity), md_escape(finding.title),
                       tentative_mark(finding.tentative)));
    }
    line();
    std::vector<const ValueLine*> values;  // a value read by two findings is shown once
    for (const auto& finding : rec.because) {
      for (const auto& value : finding.values) {
        auto same = [&](const ValueLine* v) { return v->reference == value.reference; };
        if (std::none_of(values.begin(), values.end(), same)) values.push_back(&value);
      }
    }
    if (values.empty()) return;
    // n and the interval only when the profile says how many answered: empty columns would only puzzle a reader.
    const bool counted = std::any_of(values.begin(), values.end(), [](const ValueLine* v) { return !v->n.empty(); });
    if (counted) {
      const std::string ci = report_.confidence + " CI";
      table_header({"Metric", "Group", "Client", "n", ci, "Benchmark", "Benchmark source"}, "llrrrrl");
    } else {
      table_header({"Metric", "Group", "Client", "Benchmark", "Benchmark source"}, "llrrl");
    }
    for (const auto* v : values) {
      std::string row = fmt::format("| {} ({}) | {} | {} |", md_cell(v->label), md_code(v->reference),
                                    md_cell(v->group), md_cell(v->standing.empty() ? v->value : v->standing));
      if (counted) row += fmt::format(" {} | {} |", md_cell(v->n), md_cell(v->ci));
      line(row + fmt::format(" {} | {} |", md_cell(v->benchmark), md_cell(v->benchmark_source)));
    }
    line();
  }

  // 4. Every fired finding with its narrative and evidence, then those that did not fire.
  void findings() {
    block(fmt::format("## Findings ({} of {} observed)", report_.findings.size(), report_.cover.findings));
    if (report_.findings.empty()) block("No finding was observed for this client.");
    for (const auto& finding : report_.findings) {
      block(fmt::format("### {} ({}){}", md_escape(finding.title), md_escape(finding.severity),
                        tentative_mark(finding.tentative)));
      certainty(finding.tentative, finding.certainty);
      if (!finding.narrative.empty()) block(md_escape(finding.narrative));
      for (const auto& citation : finding.evidence) {
        line("> “" + md_escape(citation.quote) + "”");
        line(">");
        line("> — " + md_escape(citation.source));
        line();
      }
    }
    if (!report_.not_observed.empty()) {
      block("### Not observed for this client");
      for (const auto& title : report_.not_observed) line("- " + md_escape(title));
      line();
    }
  }

  // 5. IT and marketing side by side for every metric asked of both, with the published benchmarks.
  void perception_gap() {
    block("## Perception gap");
    if (report_.gaps.empty()) {
      block("The rules ask no metric of both groups.");
      return;
    }
    const bool counted = std::any_of(report_.gaps.begin(), report_.gaps.end(),
                                     [](const GapRow& r) { return !r.n_text.empty(); });
    std::string intro = "Every metric asked of both IT and marketing. The gap is IT minus marketing.";
    if (counted) {
      intro += fmt::format(" n is how many answered in IT and in marketing; p tests whether the gap could be "
                           "chance, and gaps significant at the {} level are marked \\*.",
                           report_.significance);
    }
    block(intro);
    if (counted) {
      table_header({"Metric", "IT", "Marketing", "Gap", "n (IT/marketing)", "p", "IT benchmark", "Marketing benchmark"},
                   "lrrrrrrr");
    } else {
      table_header({"Metric", "IT", "Marketing", "Gap", "IT benchmark", "Marketing benchmark"}, "lrrrrr");
    }
    for (const auto& row : report_.gaps) {
      std::string cells = fmt::format("| {} | {} | {} | {} |", md_cell(row.label), md_cell(row.it_text),
                                      md_cell(row.marketing_text), md_cell(row.gap_text));
      if (counted) {
        std::string p = md_inline(row.p_short);
        if (row.significant.value_or(false)) p += " \\*";
        cells += fmt::format(" {} | {} |", md_cell(row.n_text), p.empty() ? "–" : p);
      }
      line(cells + fmt::format(" {} | {} |", md_cell(row.it_benchmark_text), md_cell(row.marketing_benchmark_text)));
    }
    line();
  }

  // "missing `it.trust`; depends on unassessed “Title”"
  static std::string reasons(const NotAssessedItem& item) {
    std::vector<std::string> parts;
    for (const auto& reason : undecided_reasons(item)) {
      std::string items;
      for (const auto& it : reason.items)
        items += (items.empty() ? "" : ", ") + (reason.titles ? "“" + md_escape(it) + "”" : md_code(it));
      parts.push_back(items.empty() ? reason.label : reason.label + " " + items);
    }
    return fmt::format("{}", fmt::join(parts, "; "));
  }

  void undecided_list(const std::vector<NotAssessedItem>& items) {
    for (const auto& item : items) {
      line(fmt::format("- **{}** “{}” ({}): {}", item.kind == "recommendation" ? "Recommendation" : "Finding",
                       md_escape(item.title), md_code(item.id), reasons(item)));
    }
    line();
  }

  // 6b. What the profile answers, but from too few people to use; and which values were withheld, and why.
  void insufficient_evidence() {
    if (!report_.insufficient.empty()) {
      block(fmt::format("## Insufficient evidence ({})", report_.insufficient.size()));
      undecided_list(report_.insufficient);
      block("The survey asked about these, but too few people answered to draw a conclusion either way. Survey "
            "more people in the group to assess them.");
    }
    if (report_.evidence_notes.empty()) return;
    block("### Notes on the evidence");
    for (const auto& note : report_.evidence_notes) line("- " + md_escape(note));
    line();
  }

  // 6c. Arithmetic the profile's figures broke: a division by zero or an overflow (none in most reports).
  void warnings() {
    if (report_.warnings.empty()) return;
    block(fmt::format("## Warnings ({})", report_.warnings.size()));
    for (const auto& warning : report_.warnings) line("- " + md_escape(warning));
    line();
    block(kWarningsAdvice);
  }

  // 6. What the profile lacks the data to decide, and which values would decide it.
  void not_assessed() {
    block(fmt::format("## Not assessed ({})", report_.not_assessed.size()));
    if (report_.not_assessed.empty()) {
      block("Everything the rules ask about could be assessed from this profile.");
      return;
    }
    undecided_list(report_.not_assessed);
    block("These are not reported as absent: the profile lacks the data to decide. Add the missing survey "
          "values to assess them.");
  }

  // 7. Appendix: the studies the rules cite, and how the assessment reaches its conclusions.
  void sources_and_method() {
    block("## Appendix: sources and method");
    block("### Sources");
    if (report_.sources.empty()) {
      block("The rules cite no source.");
    } else {
      table_header({"Source", "By", "Year", "Sample", "Note"}, "lllll");
      for (const auto& s : report_.sources) {
        line(fmt::format("| {} | {} | {} | {} | {} |", md_link(s.title, s.url), md_cell(s.by), md_cell(s.year),
                         md_cell(s.sample), md_cell(s.note)));
      }
      line();
    }
    block("### Method");
    for (const auto& paragraph : report_.method) block(md_escape(paragraph));
  }
};

}  // namespace

std::string render_markdown(const ClientReport& report, const Brand& brand) {
  return MarkdownReport(report, brand).render();
}

}  // namespace rapport::cli
