// Translating checked expressions into the prover's graph: gap(m) is it.m - marketing.m,
// benchmark(...) its published constant, weight(f) default(f, 0) * severity, a finding its condition.
#include "engine/condition_analysis_rules.hpp"

namespace rapport::engine::checking {

namespace {

using analysis::NodeKind;
using dsl::Expr;
using dsl::ExprKind;

// weight(f) of a fired finding: its severity from 1 (info) to 5 (critical), as compile_expression.cpp.
double severity_weight(Severity severity) { return static_cast<double>(severity) + 1; }

NodeKind arithmetic(dsl::Op op) {
  switch (op) {
    case dsl::Op::Add: return NodeKind::Add;
    case dsl::Op::Sub: return NodeKind::Sub;
    case dsl::Op::Mul: return NodeKind::Mul;
    default: return NodeKind::Div;
  }
}

class Translator {
 public:
  Translator(const CheckState& state, RuleConditions& out) : state_(state), out_(out) {}

  std::uint32_t translate(const Expr& e) {
    const std::uint32_t id = node(e);
    out_.nodes[&e] = id;
    return id;
  }

 private:
  analysis::ConditionGraph& graph() { return out_.graph; }

  std::vector<std::uint32_t> all(const std::vector<Expr>& args) {
    std::vector<std::uint32_t> ids;
    for (const auto& arg : args) ids.push_back(translate(arg));
    return ids;
  }

  std::uint32_t slot(std::uint32_t metric, Audience audience) {
    return graph().slot(state_.rules.slot_ids.at({metric, audience}));
  }

  std::uint32_t node(const Expr& e) {
    switch (e.kind) {
      case ExprKind::Number: return graph().constant(e.number);
      case ExprKind::Truth: return graph().constant(e.truth ? 1.0 : 0.0);
      case ExprKind::GroupRef:
      case ExprKind::Name: {
        const Meaning& m = state_.meanings.at(&e);
        return m.kind == Meaning::Kind::Finding ? out_.findings.at(m.index) : slot(m.index, m.audience);
      }
      case ExprKind::Call: return call(e);
      case ExprKind::Unary: {
        const std::uint32_t a = translate(e.args[0]);
        return e.op == dsl::Op::Not ? graph().negation(a) : graph().make(NodeKind::Neg, {a});
      }
      case ExprKind::Binary: return binary(e);
    }
    return graph().constant(0);
  }

  std::uint32_t binary(const Expr& e) {
    const std::uint32_t a = translate(e.args[0]);
    const std::uint32_t b = translate(e.args[1]);
    switch (e.op) {
      case dsl::Op::Or: return graph().make(NodeKind::Or, {a, b});
      case dsl::Op::And: return graph().make(NodeKind::And, {a, b});
      case dsl::Op::Eq:
      case dsl::Op::Ne:
      case dsl::Op::Lt:
      case dsl::Op::Le:
      case dsl::Op::Gt:
      case dsl::Op::Ge: return graph().compare(e.op, a, b);
      default: return graph().make(arithmetic(e.op), {a, b});
    }
  }

  std::uint32_t call(const Expr& e) {
    const Meaning& m = state_.meanings.at(&e);
    switch (m.kind) {
      case Meaning::Kind::Gap:
        return graph().make(NodeKind::Sub, {slot(m.index, Audience::It), slot(m.index, Audience::Marketing)});
      case Meaning::Kind::Benchmark:
        return graph().constant(state_.rules.metrics[m.index].benchmark_for(m.audience)->value);
      case Meaning::Kind::Statistic: return graph().slot(statistic_input(m));
      case Meaning::Kind::Weight: {
        const std::uint32_t verdict = graph().make(NodeKind::Default, {out_.findings.at(m.index), graph().constant(0)});
        const double weight = severity_weight(state_.rules.findings[m.index].severity);
        return graph().make(NodeKind::Mul, {verdict, graph().constant(weight)});
      }
      default: break;
    }
    std::vector<std::uint32_t> args = all(e.args);
    switch (m.function) {
      case Function::Abs: return graph().make(NodeKind::Abs, std::move(args));
      case Function::Known: return graph().make(NodeKind::Known, std::move(args));
      case Function::Default: return graph().make(NodeKind::Default, std::move(args));
      case Function::Min: return graph().make(NodeKind::Min, std::move(args));
      case Function::Max: return graph().make(NodeKind::Max, std::move(args));
      case Function::All: return graph().make(NodeKind::And, std::move(args));
      case Function::Any: return graph().make(NodeKind::Or, std::move(args));
      default: return graph().constant(0);  // gap, benchmark and weight are handled by their meanings
    }
  }

  // A statistic is a free variable of its own (its range is set in translate_conditions).
  std::uint32_t statistic_input(const Meaning& m) const {
    const InputLayout layout = state_.rules.layout();
    if (m.audience != Audience::Company) {
      const std::uint32_t slot = state_.rules.slot_ids.at({m.index, m.audience});
      return layout.of(m.function == Function::N ? SlotStatistic::N
                       : m.function == Function::CiLow ? SlotStatistic::CiLow : SlotStatistic::CiHigh, slot);
    }
    return layout.of(m.function == Function::CiLow    ? GapStatistic::CiLow
                     : m.function == Function::CiHigh ? GapStatistic::CiHigh
                     : m.function == Function::PValue ? GapStatistic::PValue : GapStatistic::Significant,
                     m.index);
  }

  const CheckState& state_;
  RuleConditions& out_;
};

// What each input of the layout may hold: metric values their range, counts any number of people,
// interval ends the range of what they bound, p-values 0 to 1, significance and trust a flag.
std::vector<analysis::SlotRange> input_ranges(const RuleSet& rules) {
  const InputLayout layout = rules.layout();
  std::vector<analysis::SlotRange> ranges(layout.size());
  for (std::uint32_t s = 0; s < rules.slots.size(); ++s) {
    const Metric& metric = rules.metrics[rules.slots[s].metric];
    const bool flag = metric.kind == MetricKind::Flag;
    ranges[layout.value(s)] = {metric.low, metric.high, flag};
    ranges[layout.of(SlotStatistic::N, s)] = {0, 1e9, false};
    ranges[layout.of(SlotStatistic::CiLow, s)] = {metric.low, metric.high, false};
    ranges[layout.of(SlotStatistic::CiHigh, s)] = {metric.low, metric.high, false};
  }
  for (std::uint32_t m = 0; m < rules.metrics.size(); ++m) {
    const Metric& metric = rules.metrics[m];
    const double span = metric.high - metric.low;
    ranges[layout.of(GapStatistic::CiLow, m)] = {-span, span, false};
    ranges[layout.of(GapStatistic::CiHigh, m)] = {-span, span, false};
    ranges[layout.of(GapStatistic::PValue, m)] = {0, 1, false};
    ranges[layout.of(GapStatistic::Significant, m)] = {0, 1, true};
    ranges[layout.of(GapStatistic::Trust, m)] = {0, 1, true};
  }
  return ranges;
}

}  // namespace

RuleConditions translate_conditions(const CheckState& state) {
  const RuleSet& rules = state.rules;
  RuleConditions out;
  out.slots = input_ranges(rules);
  Translator translator(state, out);
  // Dependencies first, so a finding's condition can inline every finding it reads.
  out.findings.assign(rules.findings.size(), 0);
  for (const std::uint32_t f : rules.finding_order) out.findings[f] = translator.translate(*state.finding_syntax[f].when);
  for (const auto& recommendation : state.recommendation_syntax)
    out.recommendations.push_back(translator.translate(*recommendation.when));
  for (const ExprRoot& root : state.roots) translator.translate(*root.expr);
  return out;
}

}  // namespace rapport::engine::checking
