// The text report: the seven sections of a ClientReport laid out for a terminal or a plain-text file,
// wrapped to the style's width. Colour (bold headings, severity colours) only when the style asks.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>

#include "cli/report.hpp"
#include "cli/report_model.hpp"
#include "cli/text_wrap.hpp"

namespace rapport::cli {
namespace {

std::string pad_right(std::string_view text, int width) {
  return std::string(text) + std::string(static_cast<std::size_t>(std::max(0, width - display_width(text))), ' ');
}
std::string pad_left(std::string_view text, int width) {
  return std::string(static_cast<std::size_t>(std::max(0, width - display_width(text))), ' ') + std::string(text);
}

class TextReport {
 public:
  TextReport(const ClientReport& report, const TextStyle& style) : report_(report), style_(style) {}

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
    return out_;
  }

 private:
  const ClientReport& report_;
  const TextStyle& style_;
  std::string out_;

  std::string bold(std::string_view t) const { return style_.paint("1", t); }
  std::string dim(std::string_view t) const { return style_.paint("2", t); }
  std::string heading(std::string_view t) const { return style_.paint("1;4", t); }

  std::string tentative_tag(bool tentative) const { return tentative ? " " + style_.paint("33", "[tentative]") : ""; }

  std::string severity_tag(const std::string& severity) const {
    std::string tag = "[" + severity + "]";
    if (severity == "critical" || severity == "high") return style_.paint("1;31", tag);
    if (severity == "medium") return style_.paint("33", tag);
    if (severity == "low") return style_.paint("36", tag);
    return style_.paint("2", tag);
  }

  void line(std::string_view text = {}) {
    out_ += text;
    out_ += '\n';
  }
  void paragraph(std::string_view text, std::string_view indent) { line(wrap(text, style_.width, indent, indent)); }
  void section(std::string_view title) {
    line(heading(title));
    line();
  }

  // 1. Who was assessed, when, how many answered, and which rules judged them.
  void cover() {
    const auto& c = report_.cover;
    line(bold("Rapport assessment: " + c.company));
    std::string facts = c.industry;
    if (!c.assessed_on.empty()) facts += (facts.empty() ? "" : " · ") + std::string("assessed ") + c.assessed_on;
    if (!facts.empty()) line(facts);
    line(fmt::format("Respondents: IT {} · marketing {}", c.it_respondents, c.marketing_respondents));
    auto count = [](std::size_t n, std::string_view noun) { return fmt::format("{} {}{}", n, noun, n == 1 ? "" : "s"); };
    line(wrap(dim(fmt::format("Rules: {}, {}, {}, {} ({})", count(c.findings, "finding"),
                              count(c.recommendations, "recommendation"), count(c.metrics, "metric"),
                              count(c.sources, "source"), c.rules_version)),
              style_.width, "", "  "));
    line();
  }

  // 2. The first three recommendations, one paragraph each, readable without the rest.
  void executive_summary() {
    section("EXECUTIVE SUMMARY");
    if (report_.recommendations.empty()) {
      paragraph("No recommendation applies to this profile.", "  ");
      line();
      return;
    }
    const auto count = std::min<std::size_t>(3, report_.recommendations.size());
    for (std::size_t i = 0; i < count; ++i) {
      const auto& rec = report_.recommendations[i];
      std::string text = bold(rec.title + ".") + tentative_tag(rec.tentative) + " " + rec.summary;
      if (rec.tentative) text += " " + rec.certainty;
      line(wrap(text, style_.width, fmt::format("{:>2}. ", rec.rank), "    "));
      line();
    }
  }

  // "it.satisfied_with_collaboration = 18% (benchmark about 10%, The CMO–CIO disconnect)"
  void value_line(const ValueLine& value, std::string_view indent) {
    std::string text = value.reference + " = " + value.value;
    if (!value.standing.empty()) {
      text = value.reference + ": " + value.standing;
    } else if (!value.n.empty()) {
      text += " (n = " + value.n + (value.ci.empty() ? "" : ", CI " + value.ci) + ")";
    }
    if (!value.benchmark.empty()) {
      text += " (benchmark " + value.benchmark;
      if (!value.benchmark_source.empty()) text += ", " + value.benchmark_source;
      text += ")";
    }
    line(wrap(text, style_.width, indent, std::string(indent) + "  "));
  }

  // 3. Ranked recommendations, each with the findings behind it and the client's values next to benchmarks.
  void recommendations() {
    const auto shown = report_.recommendations.size();
    section(fmt::format("RECOMMENDATIONS ({} of {} apply{})", report_.applying, report_.cover.recommendations,
                        shown < report_.applying ? fmt::format(", top {} shown", shown) : ""));
    if (report_.recommendations.empty()) {
      paragraph("No recommendation applies to this profile.", "  ");
      line();
    }
    for (const auto& rec : report_.recommendations) recommendation(rec);
  }

  void recommendation(const RecommendationView& rec) {
    const std::string priority = "priority " + rec.priority;
    line(wrap(fmt::format("{} {}{}", bold(rec.title), dim("(" + priority + ")"), tentative_tag(rec.tentative)),
              style_.width, fmt::format("{:>2}. ", rec.rank), "    "));
    line(fmt::format("    Owner: {} · Horizon: {} days · id: {}", rec.owner, rec.horizon_days, rec.id));
    if (rec.tentative) paragraph(rec.certainty, "    ");
    if (!rec.rationale.empty()) paragraph(rec.rationale, "    ");
    if (!rec.actions.empty()) {
      line("    Actions:");
      for (const auto& action : rec.actions) line(wrap(action, style_.width, "      - ", "        "));
    }
    if (!rec.because.empty()) {
      line("    Because:");
      std::vector<std::string> shown;  // a value read by two findings is shown once, under the first
      for (const auto& finding : rec.because) {
        line(wrap(severity_tag(finding.severity) + " " + finding.title + tentative_tag(finding.tentative), style_.width,
                  "      - ", "        "));
        for (const auto& value : finding.values) {
          if (std::find(shown.begin(), shown.end(), value.reference) != shown.end()) continue;
          shown.push_back(value.reference);
          value_line(value, "          ");
        }
      }
    }
    line();
  }

  // 4. Every fired finding with its narrative and evidence, then those that did not fire.
  void findings() {
    section(fmt::format("FINDINGS ({} of {} observed)", report_.findings.size(), report_.cover.findings));
    if (report_.findings.empty()) {
      paragraph("No finding was observed for this client.", "  ");
      line();
    }
    for (const auto& finding : report_.findings) {
      line(wrap(severity_tag(finding.severity) + " " + bold(finding.title) + tentative_tag(finding.tentative),
                style_.width, "  ", "    "));
      if (!finding.narrative.empty()) paragraph(finding.narrative, "    ");
      if (finding.tentative) paragraph(finding.certainty, "    ");
      for (const auto& citation : finding.evidence) {
        paragraph(dim(fmt::format("Evidence: {}: “{}”", citation.source, citation.quote)), "    ");
      }
      line();
    }
    if (!report_.not_observed.empty()) {
      line("  Not observed for this client:");
      for (const auto& title : report_.not_observed) line(wrap(title, style_.width, "    - ", "      "));
      line();
    }
  }

  // A dumbbell on the row's axis: I for IT, M for marketing, '=' between them, '#' where they meet.
  static std::string dumbbell(const GapRow& row, int width) {
    std::string bar(static_cast<std::size_t>(width), '.');
    const double span = row.high - row.low;
    auto position = [&](double v) {
      double fraction = span > 0 ? (v - row.low) / span : 0;
      return static_cast<int>(std::lround(std::clamp(fraction, 0.0, 1.0) * (width - 1)));
    };
    if (row.it && row.marketing) {
      const int it = position(*row.it), marketing = position(*row.marketing);
      for (int i = std::min(it, marketing); i <= std::max(it, marketing); ++i) bar[static_cast<std::size_t>(i)] = '=';
    }
    if (row.it) bar[static_cast<std::size_t>(position(*row.it))] = 'I';
    if (row.marketing) {
      auto& cell = bar[static_cast<std::size_t>(position(*row.marketing))];
      cell = row.it && cell == 'I' ? '#' : 'M';
    }
    return "|" + bar + "|";
  }

  static std::string axis_end(const GapRow& row, double v) {
    if (row.is_share) return fmt::format("{}%", std::lround(v * 100));
    return fmt::format("{}", v);
  }

  // 5. IT and marketing side by side for every metric asked of both, with the published benchmarks.
  void perception_gap() {
    section(fmt::format("PERCEPTION GAP ({} metric{} asked of both IT and marketing)", report_.gaps.size(),
                        report_.gaps.size() == 1 ? "" : "s"));
    if (report_.gaps.empty()) {
      paragraph("The rules ask no metric of both groups.", "  ");
      line();
      return;
    }
    // n and p only when the profile says how many answered: empty columns would only puzzle a reader.
    const bool counted = std::any_of(report_.gaps.begin(), report_.gaps.end(),
                                     [](const GapRow& r) { return !r.n_text.empty(); });
    std::vector<std::string> headers{"IT", "Marketing", "Gap"};
    if (counted) headers.insert(headers.end(), {"n", "p"});
    const std::size_t numeric = headers.size();  // right-aligned so digits line up; benchmarks (words) left
    headers.insert(headers.end(), {"IT benchmark", "Mkt benchmark"});
    auto cells_of = [&](const GapRow& row) {
      std::vector<std::string> cells{row.it_text, row.marketing_text, row.gap_text};
      if (counted) cells.insert(cells.end(), {row.n_text, p_cell(row)});
      cells.insert(cells.end(), {row.it_benchmark_text, row.marketing_benchmark_text});
      return cells;
    };
    std::vector<int> widths;
    for (const auto& h : headers) widths.push_back(display_width(h));
    int label_width = display_width("Metric");
    for (const auto& row : report_.gaps) {
      const auto cells = cells_of(row);
      for (std::size_t c = 0; c < cells.size(); ++c) widths[c] = std::max(widths[c], display_width(cells[c]));
      label_width = std::max(label_width, display_width(row.label));
    }
    int fixed = 2;
    for (int w : widths) fixed += 2 + w;
    if (style_.width - fixed < 16) {  // too narrow for a table: one wrapped paragraph per metric
      for (const auto& row : report_.gaps) gap_paragraph(row);
      gap_legend(counted);
      return;
    }
    label_width = std::min(label_width, style_.width - fixed);

    auto table_line = [&](const std::string& label, const std::vector<std::string>& cells, bool header) {
      std::string text = "  " + pad_right(label, label_width);
      for (std::size_t c = 0; c < cells.size(); ++c)
        text += "  " + (c < numeric ? pad_left(cells[c], widths[c]) : pad_right(cells[c], widths[c]));
      while (!text.empty() && text.back() == ' ') text.pop_back();
      line(header ? bold(text) : text);
    };
    table_line("Metric", headers, true);
    const int bar_width = std::clamp(label_width - 4, 10, 40);
    for (const auto& row : report_.gaps) {
      // A label wider than its column wraps; the values stay on its first line.
      std::string label = wrap(row.label, label_width, "", "");
      std::string first = label.substr(0, label.find('\n'));
      table_line(first, cells_of(row), false);
      for (std::size_t at = label.find('\n'); at != std::string::npos; at = label.find('\n', at + 1)) {
        line("  " + label.substr(at + 1, label.find('\n', at + 1) - at - 1));
      }
      line(dim(fmt::format("    {} {}–{}", dumbbell(row, bar_width), axis_end(row, row.low), axis_end(row, row.high))));
    }
    gap_legend(counted);
  }

  // "0.03 *": the p-value of the gap's test, starred when significant.
  static std::string p_cell(const GapRow& row) {
    if (row.p_short.empty()) return "";
    return row.p_short + (row.significant.value_or(false) ? " *" : "  ");
  }

  void gap_paragraph(const GapRow& row) {
    line(wrap(row.label, style_.width, "  ", "  "));
    std::string text = fmt::format("IT {} · marketing {} · gap {}", row.it_text, row.marketing_text, row.gap_text);
    if (!row.n_text.empty()) text += fmt::format(" · n {}", row.n_text);
    if (!row.p_text.empty())
      text += fmt::format(" · {} ({})", row.p_text, row.significant.value_or(false) ? "significant" : "not significant");
    if (!row.it_benchmark_text.empty() || !row.marketing_benchmark_text.empty()) {
      text += fmt::format(" · benchmarks: IT {}, marketing {}",
                          row.it_benchmark_text.empty() ? "none" : row.it_benchmark_text,
                          row.marketing_benchmark_text.empty() ? "none" : row.marketing_benchmark_text);
    }
    paragraph(text, "    ");
    line(dim(fmt::format("    {} {}–{}", dumbbell(row, std::clamp(style_.width - 20, 10, 40)), axis_end(row, row.low),
                         axis_end(row, row.high))));
  }

  void gap_legend(bool counted) {
    line();
    std::string legend = "Gap is IT minus marketing. In the bars, I marks IT, M marks marketing and # both; shares are "
                         "drawn from 0% to 100%, other measures on their own range.";
    if (counted)
      legend += fmt::format(" n is how many answered in IT and in marketing. p tests whether the gap could be chance; "
                            "* marks the gaps that are significant at the {} level.",
                            report_.significance);
    paragraph(legend, "  ");
    line();
  }

  static std::string needs(const NotAssessedItem& item) {
    std::string text;
    for (const auto& reason : undecided_reasons(item)) {
      std::string items;
      for (const auto& it : reason.items) items += (items.empty() ? "" : ", ") + (reason.titles ? "“" + it + "”" : it);
      text += (text.empty() ? "" : "; ") + reason.label + (items.empty() ? "" : " " + items);
    }
    return text;
  }

  void undecided_list(const std::vector<NotAssessedItem>& items) {
    for (const auto& item : items) {
      std::string kind = item.kind == "recommendation" ? "Recommendation" : "Finding";
      line(wrap(fmt::format("{} “{}” ({}): {}", kind, item.title, item.id, needs(item)), style_.width, "  - ",
                "    "));
    }
    line();
  }

  // 6b. What the profile answers, but from too few people to use; and which values were withheld, and why.
  void insufficient_evidence() {
    if (!report_.insufficient.empty()) {
      section(fmt::format("INSUFFICIENT EVIDENCE ({})", report_.insufficient.size()));
      undecided_list(report_.insufficient);
      paragraph("The survey asked about these, but too few people answered to draw a conclusion either way. "
                "Survey more people in the group to assess them.",
                "  ");
      line();
    }
    if (report_.evidence_notes.empty()) return;
    section("NOTES ON THE EVIDENCE");
    for (const auto& note : report_.evidence_notes) line(wrap(note, style_.width, "  - ", "    "));
    line();
  }

  // 6c. Arithmetic the profile's figures broke: a division by zero or an overflow (none in most reports).
  void warnings() {
    if (report_.warnings.empty()) return;
    section(fmt::format("WARNINGS ({})", report_.warnings.size()));
    for (const auto& warning : report_.warnings) line(wrap(warning, style_.width, "  - ", "    "));
    line();
    paragraph(kWarningsAdvice, "  ");
    line();
  }

  // 6. What the profile lacks the data to decide, and which values would decide it.
  void not_assessed() {
    section(fmt::format("NOT ASSESSED ({})", report_.not_assessed.size()));
    if (report_.not_assessed.empty()) {
      paragraph("Everything the rules ask about could be assessed from this profile.", "  ");
      line();
      return;
    }
    undecided_list(report_.not_assessed);
    paragraph("These are not reported as absent: the profile lacks the data to decide. Add the missing "
              "survey values to assess them.",
              "  ");
    line();
  }

  // 7. Appendix: the studies the rules cite, and how the assessment reaches its conclusions.
  void sources_and_method() {
    section("SOURCES AND METHOD");
    line("  Sources:");
    if (report_.sources.empty()) paragraph("The rules cite no source.", "    ");
    for (const auto& source : report_.sources) {
      std::string text = source.title;
      std::string by = source.by;
      if (!source.year.empty()) by += (by.empty() ? "" : ", ") + source.year;
      if (!by.empty()) text += " (" + by + ")";
      text += ".";
      if (!source.sample.empty()) text += " Sample: " + source.sample + ".";
      if (!source.note.empty()) text += " " + source.note;
      line(wrap(text, style_.width, "    - ", "      "));
      if (!source.url.empty()) line(wrap(dim(source.url), style_.width, "      ", "      "));
    }
    line();
    line("  Method:");
    for (std::size_t i = 0; i < report_.method.size(); ++i) {
      if (i > 0) line();
      paragraph(report_.method[i], "    ");
    }
  }
};

}  // namespace

std::string render_text(const ClientReport& report, const TextStyle& style) {
  return TextReport(report, style).render();
}

}  // namespace rapport::cli
