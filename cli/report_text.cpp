// The text report: ranked recommendations with the findings and values behind them,
// then every finding, then what could not be assessed. Colour only when the style asks.
#include <fmt/format.h>

#include <algorithm>

#include "cli/report.hpp"
#include "cli/text_wrap.hpp"
#include "cli/value_format.hpp"

namespace rapport::cli {
namespace {

class TextReport {
 public:
  TextReport(const ReportInput& input, const TextStyle& style) : in_(input), style_(style) {}

  std::string render() {
    cover();
    recommendations();
    findings();
    not_assessed();
    return out_;
  }

 private:
  const ReportInput& in_;
  const TextStyle& style_;
  std::string out_;

  std::string paint(const char* code, std::string_view text) const {
    if (!style_.color) return std::string(text);
    return fmt::format("\x1b[{}m{}\x1b[0m", code, text);
  }
  std::string bold(std::string_view t) const { return paint("1", t); }
  std::string dim(std::string_view t) const { return paint("2", t); }
  std::string heading(std::string_view t) const { return paint("1;4", t); }

  std::string severity_tag(engine::Severity severity) const {
    std::string tag = "[" + severity_key(severity) + "]";
    switch (severity) {
      case engine::Severity::Critical:
      case engine::Severity::High: return paint("1;31", tag);
      case engine::Severity::Medium: return paint("33", tag);
      case engine::Severity::Low: return paint("36", tag);
      case engine::Severity::Info: return paint("2", tag);
    }
    return tag;
  }

  void line(std::string_view text = {}) {
    out_ += text;
    out_ += '\n';
  }
  void paragraph(std::string_view text, std::string_view indent) {
    line(wrap(text, style_.width, indent, indent));
  }

  void cover() {
    const auto& company = in_.profile.company;
    line(bold("Rapport assessment: " + company.name));
    std::string facts;
    if (!company.industry.empty()) facts += company.industry;
    if (!company.assessed_on.empty()) facts += (facts.empty() ? "" : " · ") + std::string("assessed ") + company.assessed_on;
    if (!facts.empty()) line(facts);
    auto count = [](const std::optional<int>& n) { return n ? std::to_string(*n) : std::string("not given"); };
    line(fmt::format("Respondents: IT {} · marketing {}", count(in_.profile.it_respondents),
                     count(in_.profile.marketing_respondents)));
    line(dim(fmt::format("Rules: {} findings, {} recommendations, {} metrics, {} sources",
                         in_.rules.findings.size(), in_.rules.recommendations.size(), in_.rules.metrics.size(),
                         in_.rules.sources.size())));
    line();
  }

  // "it.satisfied_with_collaboration = 18% (benchmark about 10%, …)" for every metric a condition reads
  // that this block has not shown yet.
  void values_read(const engine::Program& condition, std::string_view indent, std::vector<std::uint32_t>& shown) {
    for (auto slot : condition.slots) {
      if (std::find(shown.begin(), shown.end(), slot) != shown.end()) continue;
      shown.push_back(slot);
      const auto& metric = in_.rules.metrics[in_.rules.slots[slot].metric];
      std::string text = fmt::format("{} = {}", slot_reference(in_.rules, slot),
                                     format_value(in_.profile.values[slot], unit_of(metric)));
      if (const auto* benchmark = metric.benchmark_for(in_.rules.slots[slot].audience)) {
        text += fmt::format(" (benchmark {}, {})", format_benchmark(*benchmark, metric),
                            in_.rules.sources[benchmark->source].title);
      }
      line(wrap(text, style_.width, indent, std::string(indent) + "  "));
    }
  }

  void recommendations() {
    auto ranking = shown_ranking(in_);
    std::size_t applying = in_.assessment.ranking.size();
    line(heading(fmt::format("RECOMMENDATIONS ({} of {} apply{})", applying, in_.rules.recommendations.size(),
                             ranking.size() < applying ? fmt::format(", top {} shown", ranking.size()) : "")));
    line();
    if (ranking.empty()) {
      paragraph("No recommendation applies to this profile.", "  ");
      line();
    }
    int rank = 0;
    for (auto index : ranking) {
      const auto& outcome = in_.assessment.recommendations[index];
      const auto& rec = in_.rules.recommendations[index];
      std::string priority = engine::is_unknown(outcome.priority) ? "priority unknown"
                                                                  : "priority " + format_number(outcome.priority);
      line(wrap(fmt::format("{}  {}", bold(rec.title), dim("(" + priority + ")")), style_.width,
                fmt::format("{:>2}. ", ++rank), "    "));
      line(fmt::format("    Owner: {} · Horizon: {} days · id: {}", owner_name(rec.owner), rec.horizon_days, rec.id));
      if (!rec.rationale.empty()) paragraph(rec.rationale, "    ");
      line("    Actions:");
      for (const auto& action : outcome.actions) line(wrap(fill(action), style_.width, "      - ", "        "));
      std::vector<std::uint32_t> shown;
      if (!outcome.because.empty()) {
        line("    Because:");
        for (auto f : outcome.because) {
          const auto& finding = in_.rules.findings[f];
          line(wrap(severity_tag(finding.severity) + " " + finding.title, style_.width, "      - ", "        "));
          values_read(finding.condition, "          ", shown);
        }
      }
      bool new_values = false;
      for (auto slot : rec.condition.slots) new_values |= std::find(shown.begin(), shown.end(), slot) == shown.end();
      if (new_values) {
        line("    Values:");
        values_read(rec.condition, "      ", shown);
      }
      line();
    }
  }

  void findings() {
    auto fired = findings_by_severity(in_, engine::Verdict::Fired);
    line(heading(fmt::format("FINDINGS ({} of {} observed)", fired.size(), in_.rules.findings.size())));
    line();
    for (auto f : fired) {
      const auto& finding = in_.rules.findings[f];
      line(wrap(severity_tag(finding.severity) + " " + bold(finding.title), style_.width, "  ", "    "));
      paragraph(fill(in_.assessment.findings[f].narrative), "    ");
      for (const auto& citation : finding.evidence) {
        const auto& source = in_.rules.sources[citation.source];
        std::string cited = source.title + (source.year ? fmt::format(" ({})", *source.year) : "");
        paragraph(dim(fmt::format("Evidence: {}: “{}”", cited, citation.quote)), "    ");
      }
      line();
    }
    auto quiet = findings_by_severity(in_, engine::Verdict::NotFired);
    if (!quiet.empty()) {
      line("  Not observed for this client:");
      for (auto f : quiet) line(wrap(in_.rules.findings[f].title, style_.width, "    - ", "      "));
      line();
    }
  }

  std::string missing_list(const std::vector<std::uint32_t>& slots, const std::vector<std::uint32_t>& findings) {
    std::string text;
    for (auto slot : slots) text += (text.empty() ? "" : ", ") + slot_reference(in_.rules, slot);
    std::string needs = text.empty() ? "" : "missing " + text;
    std::string unknown;
    for (auto f : findings) unknown += (unknown.empty() ? "" : ", ") + in_.rules.findings[f].id;
    if (!unknown.empty()) needs += (needs.empty() ? "" : "; ") + std::string("depends on unassessed ") + unknown;
    return needs;
  }

  void not_assessed() {
    std::vector<std::string> items;
    for (const auto& outcome : in_.assessment.findings) {
      if (outcome.verdict != engine::Verdict::Unknown) continue;
      const auto& finding = in_.rules.findings[outcome.finding];
      items.push_back(fmt::format("Finding “{}” ({}): {}", finding.title, finding.id,
                                  missing_list(outcome.missing_slots, outcome.unknown_findings)));
    }
    for (const auto& outcome : in_.assessment.recommendations) {
      if (outcome.verdict != engine::Verdict::Unknown) continue;
      const auto& rec = in_.rules.recommendations[outcome.recommendation];
      items.push_back(fmt::format("Recommendation “{}” ({}): {}", rec.title, rec.id,
                                  missing_list(outcome.missing_slots, outcome.unknown_findings)));
    }
    line(heading(fmt::format("NOT ASSESSED ({})", items.size())));
    line();
    if (items.empty()) paragraph("Everything the rules ask about could be assessed from this profile.", "  ");
    for (const auto& item : items) line(wrap(item, style_.width, "  - ", "    "));
    if (!items.empty()) {
      line();
      paragraph("These are not reported as absent: the profile lacks the data to decide. Add the missing "
                "survey values to assess them.",
                "  ");
    }
  }
};

}  // namespace

std::string render_text(const ReportInput& input, const TextStyle& style) { return TextReport(input, style).render(); }

}  // namespace rapport::cli
