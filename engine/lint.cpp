// The lint pass: warnings about rule sets that are valid but probably not what was meant —
// metrics nobody reads, sources nobody cites, findings no recommendation builds on, and
// thresholds like `it.share > 50` that compare a share with a plain number.
#include <string>

#include "dsl/diagnostic_codes.hpp"
#include "engine/check_passes.hpp"

namespace rapport::engine::checking {

namespace {

using dsl::DeclKind;
using dsl::Expr;

struct Uses {
  std::vector<bool> metric;
  std::vector<bool> source;
  std::vector<bool> finding_by_recommendation;           // read by some recommendation directly
  std::vector<std::vector<std::uint32_t>> finding_reads;  // per finding, the findings any of its expressions read
};

bool is_comparison(dsl::Op op) {
  return op == dsl::Op::Eq || op == dsl::Op::Ne || op == dsl::Op::Lt || op == dsl::Op::Le || op == dsl::Op::Gt ||
         op == dsl::Op::Ge;
}

// `it.share > 50`: a share (or points) compared with a plain number above 1, which no share reaches.
void check_threshold(CheckState& state, std::uint32_t file, const Expr& value, const Expr& literal) {
  if (literal.kind != dsl::ExprKind::Number || literal.unit != dsl::NumberUnit::Plain || literal.number <= 1) return;
  const auto unit = state.units.find(&value);
  if (unit == state.units.end() || (unit->second != Unit::Percent && unit->second != Unit::Points)) return;
  const char* suffix = unit->second == Unit::Percent ? "%" : "pp";
  state.warning(dsl::code::suspicious_threshold, state.locate(file, literal.span),
                state.quote(file, value.span) + " is " + std::string(unit_phrase(unit->second)) +
                    ", compared with the plain number " + literal.spelling + ", which it never reaches",
                "did you mean " + literal.spelling + suffix + "?");
}

void walk(CheckState& state, const ExprRoot& root, const Expr& e, Uses& uses) {
  if (const auto it = state.meanings.find(&e); it != state.meanings.end()) {
    const Meaning& m = it->second;
    switch (m.kind) {
      case Meaning::Kind::Finding:
      case Meaning::Kind::Weight:
        if (root.owner_kind == DeclKind::Recommendation)
          uses.finding_by_recommendation[m.index] = true;
        else
          uses.finding_reads[root.owner].push_back(m.index);
        break;
      case Meaning::Kind::Slot:
      case Meaning::Kind::Gap:
      case Meaning::Kind::Benchmark:
      case Meaning::Kind::Statistic: uses.metric[m.index] = true; break;
      case Meaning::Kind::Call: break;
    }
  }
  if (e.kind == dsl::ExprKind::Binary && is_comparison(e.op)) {
    check_threshold(state, root.file, e.args[0], e.args[1]);
    check_threshold(state, root.file, e.args[1], e.args[0]);
  }
  for (const auto& arg : e.args) walk(state, root, arg, uses);
}

void cite(const CheckState& state, const std::string& id, Uses& uses) {
  const auto it = state.symbols.find(id);
  if (it != state.symbols.end() && it->second.kind == DeclKind::Source) uses.source[it->second.index] = true;
}

Uses gather(CheckState& state) {
  const RuleSet& rules = state.rules;
  Uses uses{std::vector<bool>(rules.metrics.size()), std::vector<bool>(rules.sources.size()),
            std::vector<bool>(rules.findings.size()), std::vector<std::vector<std::uint32_t>>(rules.findings.size())};
  for (const ExprRoot& root : state.roots) walk(state, root, *root.expr, uses);
  for (const auto& metric : state.metric_syntax)
    for (const auto* benchmark : metric.benchmarks) cite(state, benchmark->source.name, uses);
  for (const auto& finding : state.finding_syntax)
    for (const auto* evidence : finding.evidence) cite(state, evidence->source.name, uses);
  return uses;
}

// A finding counts as used when a recommendation reads it, or reads a finding that reads it.
std::vector<bool> used_findings(const Uses& uses) {
  std::vector<bool> used = uses.finding_by_recommendation;
  std::vector<std::uint32_t> todo;
  for (std::uint32_t f = 0; f < used.size(); ++f)
    if (used[f]) todo.push_back(f);
  while (!todo.empty()) {
    const std::uint32_t f = todo.back();
    todo.pop_back();
    for (const std::uint32_t read : uses.finding_reads[f]) {
      if (used[read]) continue;
      used[read] = true;
      todo.push_back(read);
    }
  }
  return used;
}

}  // namespace

void lint(CheckState& state) {
  const Uses uses = gather(state);
  const RuleSet& rules = state.rules;
  for (std::size_t m = 0; m < rules.metrics.size(); ++m)
    if (!uses.metric[m])
      state.warning(dsl::code::unused_metric, rules.metrics[m].where,
                    "metric '" + rules.metrics[m].id + "' is never used",
                    "use it in a condition, a priority or a placeholder, or remove it");
  for (std::size_t s = 0; s < rules.sources.size(); ++s)
    if (!uses.source[s])
      state.warning(dsl::code::unused_source, rules.sources[s].where,
                    "source '" + rules.sources[s].id + "' is never cited",
                    "cite it in a finding's evidence or a metric's benchmark, or remove it");
  const std::vector<bool> used = used_findings(uses);
  for (std::size_t f = 0; f < rules.findings.size(); ++f)
    if (!used[f])
      state.warning(dsl::code::unused_finding, rules.findings[f].where,
                    "no recommendation uses finding '" + rules.findings[f].id + "'",
                    "name it in a recommendation's condition, e.g. `when " + rules.findings[f].id + "`");
}

}  // namespace rapport::engine::checking
