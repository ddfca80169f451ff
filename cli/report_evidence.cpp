// Wording of the statistics behind values, shared by every report format (see report_evidence.hpp).
#include "cli/report_evidence.hpp"

#include <fmt/format.h>

#include <cmath>

#include "cli/value_format.hpp"

namespace rapport::cli {

namespace {

std::string metric_label(const engine::Metric& metric) { return metric.label.empty() ? metric.id : metric.label; }

std::string group_phrase(engine::Audience audience) {
  return audience == engine::Audience::It ? "IT" : "marketing";
}

}  // namespace

engine::Unit gap_unit(const engine::Metric& metric) {
  return metric.kind == engine::MetricKind::Share ? engine::Unit::Points : engine::Unit::Plain;
}

// Intervals are rough by nature: whole percentage points, and one decimal on a scale.
std::string interval_text(const engine::statistics::ConfidenceInterval& ci, engine::Unit unit) {
  auto percent = [](double v) { return fmt::format("{}", std::lround(v * 100)); };
  auto plain = [](double v) { return fmt::format("{:.1f}", v); };
  auto signed_text = [](std::string t) { return t.starts_with("-") || t == "0" ? t : "+" + t; };
  switch (unit) {
    case engine::Unit::Percent: return percent(ci.low) + "–" + percent(ci.high) + "%";
    case engine::Unit::Points: return signed_text(percent(ci.low)) + " to " + signed_text(percent(ci.high)) + " pp";
    default:
      if (ci.low < 0) return signed_text(plain(ci.low)) + " to " + signed_text(plain(ci.high));
      return plain(ci.low) + "–" + plain(ci.high);
  }
}

std::string p_value_text(double p) {
  if (engine::is_unknown(p)) return "";
  if (p < 0.001) return "p < 0.001";
  if (p < 0.01) return fmt::format("p = {:.3f}", p);
  return fmt::format("p = {:.2f}", p);
}

std::string level_text(double level) { return format_number(level * 100) + "%"; }

std::string standing_text(const engine::SlotEvidence& slot, const engine::EvidenceOptions& options) {
  const int n = slot.n.value_or(0);
  switch (slot.standing) {
    case engine::Standing::Suppressed:
      return fmt::format("withheld: {} answered, fewer than {} (anonymity)", n, options.min_group_size);
    case engine::Standing::TooFew:
      return fmt::format("set aside: {} answered, at least {} needed", n, options.min_n);
    default: return "";
  }
}

std::vector<std::string> evidence_notes(const engine::RuleSet& rules, const engine::Evidence& evidence) {
  std::vector<std::string> notes;
  bool any_group_value = false, any_count = false;
  for (std::uint32_t s = 0; s < rules.slots.size(); ++s) {
    const engine::SlotEvidence& e = evidence.slots[s];
    const auto& slot = rules.slots[s];
    if (slot.audience == engine::Audience::Company || e.standing == engine::Standing::Absent) continue;
    any_group_value = true;
    any_count = any_count || e.n.has_value();
    const std::string label = metric_label(rules.metrics[slot.metric]);
    const int n = e.n.value_or(0);
    if (e.standing == engine::Standing::Suppressed)
      notes.push_back(fmt::format(
          "The {} answers on \"{}\" are withheld: only {} people answered, fewer than {}, so the figure could "
          "identify them. Survey respondents were promised anonymity.",
          group_phrase(slot.audience), label, n, evidence.options.min_group_size));
    else if (e.standing == engine::Standing::TooFew)
      notes.push_back(fmt::format(
          "The {} answers on \"{}\" are set aside as insufficient evidence: only {} people answered, and at "
          "least {} are needed.",
          group_phrase(slot.audience), label, n, evidence.options.min_n));
  }
  if (any_group_value && !any_count)
    notes.push_back(
        "The profile does not say how many people answered, so no confidence intervals or significance tests "
        "could be computed: every difference between IT and marketing is taken at face value.");
  return notes;
}

std::string tentative_note(const engine::RuleSet& rules, const engine::Evidence& evidence,
                           const std::vector<std::uint32_t>& doubted_gaps) {
  std::vector<std::string> gaps;
  for (const std::uint32_t m : doubted_gaps) {
    const auto& metric = rules.metrics[m];
    const auto& test = evidence.gaps[m].test;
    gaps.push_back(fmt::format("the gap in \"{}\" ({}, {})", metric_label(metric),
                               format_value(test.difference, gap_unit(metric)), p_value_text(test.p_value)));
  }
  std::string list;
  for (std::size_t i = 0; i < gaps.size(); ++i) list += (i == 0 ? "" : i + 1 == gaps.size() ? " and " : ", ") + gaps[i];
  return fmt::format("Tentative: it rests on {}, which {} not statistically significant at the {} level with these "
                     "sample sizes. It may be chance; confirm it before acting on it.",
                     list, gaps.size() == 1 ? "is" : "are", level_text(evidence.options.significance_level));
}

std::string thin_reference(const engine::RuleSet& rules, const engine::Evidence& evidence, std::uint32_t slot) {
  return fmt::format("{} ({} answered)", slot_reference(rules, slot), evidence.slots[slot].n.value_or(0));
}

}  // namespace rapport::cli
