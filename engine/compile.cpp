// The compile pass: lays out one slot per (metric, audience) pair a profile can fill, compiles
// every condition, priority and placeholder, and fixes the order findings are evaluated in.
#include <algorithm>
#include <iterator>

#include "engine/check_passes.hpp"
#include "engine/compile_expression.hpp"

namespace rapport::engine::checking {

namespace {

// Slots follow the metrics' declaration order, and each metric's groups in its 'asked' order.
void assign_slots(RuleSet& rules) {
  for (std::uint32_t m = 0; m < rules.metrics.size(); ++m) {
    for (const Audience audience : rules.metrics[m].asked) {
      rules.slot_ids.emplace(std::pair{m, audience}, static_cast<std::uint32_t>(rules.slots.size()));
      rules.slots.push_back({m, audience});
    }
  }
}

Template compile_template(const CheckState& state, const dsl::Text& text, std::string source_text) {
  Template compiled;
  compiled.source_text = std::move(source_text);
  if (text.parts.empty() && !text.value.empty()) compiled.pieces.push_back({text.value, std::nullopt});
  for (const auto& part : text.parts) {
    if (part.is_placeholder)
      compiled.pieces.push_back({{}, compile_expression(state, part.expr)});
    else
      compiled.pieces.push_back({part.text, std::nullopt});
  }
  return compiled;
}

std::vector<std::uint32_t> merged(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b) {
  std::vector<std::uint32_t> both;
  std::set_union(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(both));
  return both;
}

// Dependencies first, otherwise declaration order: a depth-first post-order, with an explicit
// stack so long chains of findings cannot exhaust the call stack. The cycle pass ran before.
std::vector<std::uint32_t> evaluation_order(const std::vector<Finding>& findings) {
  std::vector<std::uint32_t> order;
  std::vector<bool> placed(findings.size(), false), entered(findings.size(), false);
  for (std::uint32_t start = 0; start < findings.size(); ++start) {
    if (entered[start]) continue;
    std::vector<std::pair<std::uint32_t, std::size_t>> frames{{start, 0}};
    entered[start] = true;
    while (!frames.empty()) {
      auto& [node, edge] = frames.back();
      const auto& reads = findings[node].condition.findings;
      if (edge < reads.size()) {
        const std::uint32_t next = reads[edge++];
        if (!entered[next]) {
          entered[next] = true;
          frames.emplace_back(next, 0);
        }
        continue;
      }
      if (!placed[node]) {
        placed[node] = true;
        order.push_back(node);
      }
      frames.pop_back();
    }
  }
  return order;
}

}  // namespace

void compile(CheckState& state) {
  RuleSet& rules = state.rules;
  // The explanation trees (text and place of every sub-expression) only serve explain; without them the
  // programs are the same and the trees stay empty.
  const bool trees = state.purpose != CheckFor::Evaluation;
  auto compiled = [&](const dsl::Expr& expr, std::uint32_t file, ExprTree& tree) {
    return trees ? compile_expression(state, expr, file, tree) : compile_expression(state, expr);
  };
  assign_slots(rules);
  for (std::size_t f = 0; f < rules.findings.size(); ++f) {
    const FindingSyntax& syntax = state.finding_syntax[f];
    Finding& finding = rules.findings[f];
    finding.condition = compiled(*syntax.when, syntax.file, finding.condition_tree);
    finding.narrative = compile_template(state, *syntax.narrative, std::move(finding.narrative.source_text));
  }
  for (std::size_t r = 0; r < rules.recommendations.size(); ++r) {
    const RecommendationSyntax& syntax = state.recommendation_syntax[r];
    Recommendation& rec = rules.recommendations[r];
    rec.condition = compiled(*syntax.when, syntax.file, rec.condition_tree);
    rec.priority = compiled(*syntax.priority, syntax.file, rec.priority_tree);
    for (std::size_t a = 0; a < syntax.actions.size(); ++a)
      rec.actions[a] = compile_template(state, *syntax.actions[a], std::move(rec.actions[a].source_text));
    rec.findings_used = merged(rec.condition.findings, rec.priority.findings);
  }
  rules.finding_order = evaluation_order(rules.findings);
}

}  // namespace rapport::engine::checking
