// The words of `rapport explain` (see explain_wording.hpp).
#include "cli/explain_wording.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "cli/value_format.hpp"

namespace rapport::cli {

namespace {

using engine::ExprNode;
using engine::OpCode;
using engine::Verdict;

bool is_comparison(OpCode op) {
  return op == OpCode::Eq || op == OpCode::Ne || op == OpCode::Lt || op == OpCode::Le || op == OpCode::Gt ||
         op == OpCode::Ge;
}

bool is_conjunction(const ExprNode& n) { return n.op == OpCode::And || n.op == OpCode::All; }
bool is_disjunction(const ExprNode& n) { return n.op == OpCode::Or || n.op == OpCode::Any; }
bool is_logical(const ExprNode& n) {
  return (n.kind == ExprNode::Kind::Operator || n.kind == ExprNode::Kind::Call) && (is_conjunction(n) || is_disjunction(n));
}

std::string quoted(const std::string& text) { return "`" + text + "`"; }

std::string missing_words(const engine::RuleSet& rules, const engine::TracedNode& node) {
  std::vector<std::string> parts;
  if (!node.missing_slots.empty())
    parts.push_back(slot_list(rules, node.missing_slots) + (node.missing_slots.size() == 1 ? " is" : " are") +
                    " missing");
  if (!node.thin_slots.empty())
    parts.push_back(slot_list(rules, node.thin_slots) + (node.thin_slots.size() == 1 ? " has" : " have") +
                    " too few answers to use");
  if (!node.unknown_findings.empty())
    parts.push_back(finding_list(rules, node.unknown_findings) + (node.unknown_findings.size() == 1 ? " is" : " are") +
                    " unknown");
  return joined(parts);
}

// The metrics an unknown finding lacks, following the unknown findings it reads.
void lacking(const engine::Explanation& all, std::uint32_t finding, std::vector<std::uint32_t>& slots,
             std::vector<std::uint32_t>& seen) {
  if (std::find(seen.begin(), seen.end(), finding) != seen.end()) return;
  seen.push_back(finding);
  for (const auto& f : all.findings) {
    if (f.finding != finding) continue;
    slots.insert(slots.end(), f.decision.missing_slots.begin(), f.decision.missing_slots.end());
    for (const auto next : f.decision.unknown_findings) lacking(all, next, slots, seen);
  }
}

std::string lacks_words(const engine::RuleSet& rules, const engine::Explanation* all, std::uint32_t finding) {
  if (all == nullptr) return {};
  std::vector<std::uint32_t> slots, seen;
  lacking(*all, finding, slots, seen);
  std::sort(slots.begin(), slots.end());
  slots.erase(std::unique(slots.begin(), slots.end()), slots.end());
  return slots.empty() ? std::string() : " (the profile lacks " + slot_list(rules, slots) + ")";
}

}  // namespace

std::string verdict_words(engine::Verdict verdict) {
  switch (verdict) {
    case Verdict::Fired: return "fired";
    case Verdict::NotFired: return "not fired";
    case Verdict::Unknown: return "unknown";
  }
  return "?";
}

std::string joined(const std::vector<std::string>& items, const char* last) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? last : ", ";
    out += items[i];
  }
  return out;
}

std::string slot_list(const engine::RuleSet& rules, const std::vector<std::uint32_t>& slots) {
  std::vector<std::string> names;
  for (const auto slot : slots) names.push_back(slot_reference(rules, slot));
  return joined(names);
}

std::string finding_list(const engine::RuleSet& rules, const std::vector<std::uint32_t>& findings) {
  std::vector<std::string> names;
  for (const auto f : findings) names.push_back(quoted(rules.findings[f].id));
  return joined(names);
}

std::string traced_value(const engine::TracedExpression& e, std::uint32_t node) {
  const double value = e.nodes[node].value;
  if (engine::is_unknown(value)) return "unknown";
  const ExprNode& written = e.written(node);
  if (written.kind == ExprNode::Kind::Finding) return value != 0 ? "fired" : "not fired";
  if (written.unit == engine::Unit::Truth) return value != 0 ? "true" : "false";
  return format_value(value, written.unit);
}

std::string substituted(const engine::TracedExpression& e, std::uint32_t node) {
  const ExprNode& written = e.written(node);
  const auto& children = e.nodes[node].children;
  if (written.kind != ExprNode::Kind::Operator || !is_comparison(written.op) || children.size() != 2) return {};
  return fmt::format("{} {} {}", traced_value(e, children[0]), engine::spelling(written.op), traced_value(e, children[1]));
}

std::string clause(const engine::RuleSet& rules, const engine::TracedExpression& e, std::uint32_t node,
                   const engine::Explanation* all) {
  const ExprNode& written = e.written(node);
  const engine::TracedNode& traced = e.nodes[node];
  const std::string value = traced_value(e, node);
  if (written.kind == ExprNode::Kind::Finding) {
    if (value == "unknown") return quoted(written.text) + " is unknown" + lacks_words(rules, all, written.ref);
    return quoted(written.text) + (value == "fired" ? " fired" : " did not fire");
  }
  if (engine::is_unknown(traced.value)) {
    const std::string why = missing_words(rules, traced);
    if (written.kind == ExprNode::Kind::Metric) return quoted(written.text) + " is missing";
    return quoted(written.text) + " is unknown" + (why.empty() ? "" : " (" + why + ")");
  }
  const std::string values = substituted(e, node);
  return quoted(written.text) + " is " + value + (values.empty() ? "" : " (" + values + ")");
}

std::string reason(const engine::RuleSet& rules, const engine::TracedExpression& e, const engine::Decision& d,
                   const engine::Explanation* all) {
  std::vector<std::string> clauses;
  for (const auto node : d.because) clauses.push_back(clause(rules, e, node, all));
  const ExprNode* root = e.nodes.empty() ? nullptr : &e.written(0);
  const bool several = clauses.size() > 1 && root != nullptr && is_logical(*root);
  switch (d.verdict) {
    case Verdict::Fired:
      if (several && is_conjunction(*root)) return "fired because all of these hold: " + joined(clauses, "; ");
      return "fired because " + joined(clauses, "; and ");
    case Verdict::NotFired:
      if (several && is_disjunction(*root)) return "not fired because none of these holds: " + joined(clauses, "; ");
      return "not fired because " + joined(clauses, "; and ");
    case Verdict::Unknown: return "unknown because " + joined(clauses, "; and ");
  }
  return {};
}

std::string change(const engine::RuleSet& rules, const engine::Flip& flip) {
  const engine::Metric& metric = rules.metrics[rules.slots[flip.slot].metric];
  const engine::Unit unit = unit_of(metric);
  const std::string name = slot_reference(rules, flip.slot);
  if (metric.kind == engine::MetricKind::Flag) {
    return fmt::format("changing {} from {} to {}", name, flip.from != 0 ? "true" : "false", flip.to != 0 ? "true" : "false");
  }
  const bool up = flip.to > flip.from;
  std::string text = fmt::format("{} {} from {} to {}", up ? "raising" : "lowering", name, format_value(flip.from, unit),
                                 format_value(flip.to, unit));
  if (flip.onwards) return text + (up ? " or more" : " or less");
  return text + (up ? " (higher values bring it back)" : " (lower values bring it back)");
}

std::string removal(const engine::RuleSet& rules, const engine::Flip& flip) {
  if (flip.verdict == Verdict::Unknown) {
    return change(rules, flip) + " would leave it undecided (the rest of its condition needs data the profile lacks)";
  }
  return change(rules, flip) + " would remove it";
}

std::string no_single_change(const engine::RuleSet& rules, const engine::RecommendationExplanation& rec,
                             const engine::Explanation& all) {
  std::vector<std::string> clauses;
  for (const auto node : rec.decision.because) clauses.push_back(clause(rules, rec.condition, node));
  const std::string text = "no change of a single metric removes it; it rests on " + joined(clauses);
  if (clauses.size() != 1) return text + ", each enough on its own";
  const ExprNode& only = rec.condition.written(rec.decision.because.front());
  if (only.kind == ExprNode::Kind::Finding) {
    for (const auto& f : all.findings)
      if (f.finding == only.ref) return text + ", which " + reason(rules, f.condition, f.decision, &all);
  }
  return text;
}

}  // namespace rapport::cli
