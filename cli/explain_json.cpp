// `rapport explain --format json` (schema in docs/json-output.md): the same explanation as the text,
// as data. Every tree node carries its value both as a raw number (shares 0–1) and as the report shows it.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cmath>

#include "cli/explain_render.hpp"
#include "cli/explain_wording.hpp"
#include "cli/value_format.hpp"

namespace rapport::cli {

namespace {

using Json = nlohmann::ordered_json;
using engine::ExprNode;

std::string kind_key(ExprNode::Kind kind) {
  switch (kind) {
    case ExprNode::Kind::Literal: return "literal";
    case ExprNode::Kind::Metric: return "metric";
    case ExprNode::Kind::Finding: return "finding";
    case ExprNode::Kind::Gap: return "gap";
    case ExprNode::Kind::Benchmark: return "benchmark";
    case ExprNode::Kind::Weight: return "weight";
    case ExprNode::Kind::Operator: return "operator";
    case ExprNode::Kind::Call: return "function";
    case ExprNode::Kind::Statistic: return "statistic";
  }
  return "?";
}

std::string unit_key(engine::Unit unit) {
  switch (unit) {
    case engine::Unit::Truth: return "truth";
    case engine::Unit::Plain: return "number";
    case engine::Unit::Percent: return "percent";
    case engine::Unit::Points: return "points";
  }
  return "?";
}

std::string where(const dsl::Location& at) { return fmt::format("{}:{}:{}", at.file, at.line, at.col); }

// Computed values lose binary-fraction noise (55.99999999999999 -> 56), as in the report.
Json number(double value) {
  if (engine::is_unknown(value) || !std::isfinite(value)) return nullptr;
  return std::round(value * 1e9) / 1e9;
}

Json strings(const std::vector<std::string>& items) {
  Json list = Json::array();
  for (const auto& item : items) list.push_back(item);
  return list;
}

Json slot_refs(const engine::RuleSet& rules, const std::vector<std::uint32_t>& slots) {
  std::vector<std::string> refs;
  for (const auto s : slots) refs.push_back(slot_reference(rules, s));
  return strings(refs);
}

Json finding_ids(const engine::RuleSet& rules, const std::vector<std::uint32_t>& findings) {
  std::vector<std::string> ids;
  for (const auto f : findings) ids.push_back(rules.findings[f].id);
  return strings(ids);
}

Json tree(const engine::RuleSet& rules, const engine::TracedExpression& e, std::uint32_t index) {
  const ExprNode& written = e.written(index);
  const engine::TracedNode& traced = e.nodes[index];
  const bool truth = written.unit == engine::Unit::Truth || written.kind == ExprNode::Kind::Finding;
  Json value = engine::is_unknown(traced.value) ? Json(nullptr) : truth ? Json(traced.value != 0) : number(traced.value);
  Json node = {{"text", written.text},
               {"kind", kind_key(written.kind)},
               {"value", value},
               {"shown", traced_value(e, index)},
               {"unit", unit_key(written.unit)},
               {"at", where(written.where)},
               {"decisive", traced.decisive}};
  if (written.kind == ExprNode::Kind::Operator || written.kind == ExprNode::Kind::Call)
    node["operator"] = std::string(engine::spelling(written.op));
  if (written.kind == ExprNode::Kind::Metric) node["metric"] = slot_reference(rules, written.ref);
  if (written.kind == ExprNode::Kind::Finding || written.kind == ExprNode::Kind::Weight)
    node["finding"] = rules.findings[written.ref].id;
  node["missing"] = slot_refs(rules, traced.missing_slots);
  node["insufficient"] = slot_refs(rules, traced.thin_slots);
  node["unknown_findings"] = finding_ids(rules, traced.unknown_findings);
  Json children = Json::array();
  for (const auto child : traced.children) children.push_back(tree(rules, e, child));
  node["children"] = children;
  return node;
}

Json metric_ids(const engine::RuleSet& rules, const std::vector<std::uint32_t>& metrics) {
  Json list = Json::array();
  for (const auto m : metrics) list.push_back(rules.metrics[m].id);
  return list;
}

Json decision(const engine::RuleSet& rules, const engine::TracedExpression& e, const engine::Decision& d,
              const engine::Explanation& all) {
  std::vector<std::string> because;
  for (const auto node : d.because) because.push_back(clause(rules, e, node, &all));
  return {{"status", verdict_key(d.verdict)},
          {"reason", reason(rules, e, d, &all)},
          {"because", strings(because)},
          {"missing", slot_refs(rules, d.missing_slots)},
          {"insufficient", slot_refs(rules, d.thin_slots)},
          {"unknown_findings", finding_ids(rules, d.unknown_findings)},
          {"tentative", d.tentative},
          {"doubted_gaps", metric_ids(rules, d.doubted_gaps)}};
}

Json priority(const engine::RuleSet& rules, const engine::PriorityBreakdown& p) {
  Json terms = Json::array();
  for (const auto& term : p.terms) {
    terms.push_back({{"text", p.expression.written(term.node).text},
                     {"value", number(p.expression.nodes[term.node].value)},
                     {"sign", term.subtracted ? "-" : "+"}});
  }
  return {{"value", number(p.expression.value)},
          {"rank", p.rank},
          {"of", p.ranked},
          {"terms", terms},
          {"expression", tree(rules, p.expression, 0)}};
}

Json what_it_takes(const engine::RuleSet& rules, const engine::RecommendationExplanation& rec,
                   const engine::Explanation& all) {
  Json changes = Json::array();
  for (const auto& flip : rec.what_it_takes->flips) {
    changes.push_back({{"metric", slot_reference(rules, flip.slot)},
                       {"from", number(flip.from)},
                       {"to", number(flip.to)},
                       {"threshold", number(flip.threshold)},
                       {"direction", flip.to > flip.from ? "raise" : "lower"},
                       {"onwards", flip.onwards},
                       {"relative_size", number(flip.size)},
                       {"leaves_it", verdict_key(flip.verdict)},
                       {"summary", removal(rules, flip)}});
  }
  const auto& flips = rec.what_it_takes->flips;
  const std::string summary = flips.empty() ? no_single_change(rules, rec, all) : removal(rules, flips.front());
  return {{"summary", summary}, {"changes", changes}};
}

Json recommendation(const engine::RuleSet& rules, const engine::RecommendationExplanation& rec,
                    const engine::Explanation& all) {
  const auto& declared = rules.recommendations[rec.recommendation];
  Json out = {{"id", declared.id}, {"title", declared.title}, {"at", where(declared.where)}};
  out.update(decision(rules, rec.condition, rec.decision, all));
  out["condition"] = tree(rules, rec.condition, 0);
  out["priority"] = rec.priority ? priority(rules, *rec.priority) : Json(nullptr);
  out["what_would_it_take"] = rec.what_it_takes ? what_it_takes(rules, rec, all) : Json(nullptr);
  out["findings_read"] = finding_ids(rules, rec.findings_read);
  return out;
}

Json finding(const engine::RuleSet& rules, const engine::FindingExplanation& f, const engine::Explanation& all) {
  const auto& declared = rules.findings[f.finding];
  Json out = {{"id", declared.id},
              {"title", declared.title},
              {"severity", severity_key(declared.severity)},
              {"at", where(declared.where)}};
  out.update(decision(rules, f.condition, f.decision, all));
  out["condition"] = tree(rules, f.condition, 0);
  return out;
}

}  // namespace

std::string render_explain_json(const ExplainInput& in) {
  Json recommendations = Json::array();
  for (const auto& rec : in.explanation.recommendations) recommendations.push_back(recommendation(in.rules, rec, in.explanation));
  Json findings = Json::array();
  for (const auto& f : in.explanation.findings) findings.push_back(finding(in.rules, f, in.explanation));
  const Json out = {{"rapport_version", RAPPORT_VERSION},
                    {"profile", in.profile_path},
                    {"company", in.company},
                    {"rules_fingerprint", in.rules_fingerprint},
                    {"recommendations", recommendations},
                    {"findings", findings}};
  return out.dump(2) + "\n";
}

}  // namespace rapport::cli
