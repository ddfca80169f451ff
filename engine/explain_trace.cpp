// Tracing one expression: its program run through the evaluator's tracing hook, the values mapped
// back to the tree of sub-expressions as written, and what settled the result.
#include <algorithm>

#include "engine/explain.hpp"

namespace rapport::engine {

namespace {

using Kind = ExprNode::Kind;

bool is_operator(const ExprNode& node, OpCode op) { return node.kind == Kind::Operator && node.op == op; }

// `a or b or c` parses as `(a or b) or c`; a reader sees one `or` of three. Parentheses the
// author wrote are kept: they group on purpose.
bool chains(const ExprNode& node) {
  return is_operator(node, OpCode::And) || is_operator(node, OpCode::Or) || is_operator(node, OpCode::Add) ||
         is_operator(node, OpCode::Mul);
}

template <typename List>
void sort_unique(List& list) {
  std::sort(list.begin(), list.end());
  list.erase(std::unique(list.begin(), list.end()), list.end());
}

class Tracer {
 public:
  Tracer(const ExprTree& tree, const std::vector<double>& at_instr, TracedExpression& out)
      : tree_(tree), at_instr_(at_instr), out_(out) {}

  std::uint32_t add(std::uint32_t node) {
    const auto index = static_cast<std::uint32_t>(out_.nodes.size());
    const double value = node == tree_.root() ? out_.value : at_instr_[tree_.nodes[node].instr];
    out_.nodes.push_back({node, value, {}, false, {}, {}, {}});
    std::vector<std::uint32_t> operands;
    gather(tree_.nodes[node], operands);
    for (const std::uint32_t operand : operands) {
      const std::uint32_t child = add(operand);
      out_.nodes[index].children.push_back(child);
    }
    collect_missing(index);
    return index;
  }

 private:
  void gather(const ExprNode& node, std::vector<std::uint32_t>& operands) const {
    for (const std::uint32_t child : node.children) {
      const ExprNode& written = tree_.nodes[child];
      const bool same_chain = chains(node) && written.kind == Kind::Operator && written.op == node.op &&
                              !written.text.starts_with("(");
      if (same_chain)
        gather(written, operands);
      else
        operands.push_back(child);
    }
  }

  // An unknown value is unknown because of the unknown values below it, down to the metrics.
  void collect_missing(std::uint32_t index) {
    TracedNode& traced = out_.nodes[index];
    if (!is_unknown(traced.value)) return;
    const ExprNode& written = tree_.nodes[traced.node];
    if (written.kind == Kind::Metric) traced.missing_slots.push_back(written.ref);
    if (written.kind == Kind::Finding) traced.unknown_findings.push_back(written.ref);
    for (const std::uint32_t child : std::vector<std::uint32_t>(traced.children)) {
      const TracedNode& below = out_.nodes[child];
      if (!is_unknown(below.value)) continue;
      TracedNode& here = out_.nodes[index];
      here.missing_slots.insert(here.missing_slots.end(), below.missing_slots.begin(), below.missing_slots.end());
      here.unknown_findings.insert(here.unknown_findings.end(), below.unknown_findings.begin(),
                                   below.unknown_findings.end());
    }
    sort_unique(out_.nodes[index].missing_slots);
    sort_unique(out_.nodes[index].unknown_findings);
  }

  const ExprTree& tree_;
  const std::vector<double>& at_instr_;
  TracedExpression& out_;
};

bool is_true(double v) { return !is_unknown(v) && v != 0.0; }
bool is_false(double v) { return v == 0.0; }

// Kleene: which operands settle `all` (and) or `any` (or) at the value it took.
bool settles(bool conjunction, double result, double operand) {
  if (is_unknown(result)) return is_unknown(operand);
  if (conjunction) return is_true(result) || is_false(operand);
  return is_false(result) || is_true(operand);
}

class Settler {
 public:
  Settler(TracedExpression& expression, Decision& decision) : expression_(expression), decision_(decision) {}

  void settle(std::uint32_t index) {
    TracedNode& traced = expression_.nodes[index];
    traced.decisive = true;
    const ExprNode& written = expression_.written(index);
    const bool conjunction = written.op == OpCode::And || written.op == OpCode::All;
    const bool disjunction = written.op == OpCode::Or || written.op == OpCode::Any;
    const bool logical = written.kind == ExprNode::Kind::Operator || written.kind == ExprNode::Kind::Call;
    if (logical && (conjunction || disjunction)) {
      const double result = traced.value;
      for (const std::uint32_t child : std::vector<std::uint32_t>(traced.children))
        if (settles(conjunction, result, expression_.nodes[child].value)) settle(child);
      return;
    }
    if (logical && written.op == OpCode::Not) {
      settle(traced.children.front());
      return;
    }
    decision_.because.push_back(index);
  }

 private:
  TracedExpression& expression_;
  Decision& decision_;
};

}  // namespace

TracedExpression trace_expression(const Program& program, const ExprTree& tree, const double* slots,
                                  const double* findings) {
  TracedExpression traced;
  traced.tree = &tree;
  std::vector<double> at_instr;
  traced.value = trace(program, slots, findings, at_instr);
  if (!tree.nodes.empty()) Tracer(tree, at_instr, traced).add(tree.root());
  return traced;
}

Decision decide(TracedExpression& condition) {
  Decision decision;
  const double value = condition.value;
  decision.verdict = verdict_of(value);
  if (condition.nodes.empty()) return decision;
  Settler(condition, decision).settle(0);
  std::sort(decision.because.begin(), decision.because.end());
  if (decision.verdict != Verdict::Unknown) return decision;
  for (const std::uint32_t index : decision.because) {
    const TracedNode& node = condition.nodes[index];
    decision.missing_slots.insert(decision.missing_slots.end(), node.missing_slots.begin(), node.missing_slots.end());
    decision.unknown_findings.insert(decision.unknown_findings.end(), node.unknown_findings.begin(),
                                     node.unknown_findings.end());
  }
  sort_unique(decision.missing_slots);
  sort_unique(decision.unknown_findings);
  return decision;
}

std::string_view spelling(OpCode op) {
  switch (op) {
    case OpCode::PushConst:
    case OpCode::LoadSlot:
    case OpCode::LoadFinding:
    case OpCode::Doubt: return "";
    case OpCode::Neg: return "-";
    case OpCode::Not: return "not";
    case OpCode::Abs: return "abs";
    case OpCode::Known: return "known";
    case OpCode::Add: return "+";
    case OpCode::Sub: return "-";
    case OpCode::Mul: return "*";
    case OpCode::Div: return "/";
    case OpCode::Eq: return "=";
    case OpCode::Ne: return "!=";
    case OpCode::Lt: return "<";
    case OpCode::Le: return "<=";
    case OpCode::Gt: return ">";
    case OpCode::Ge: return ">=";
    case OpCode::And: return "and";
    case OpCode::Or: return "or";
    case OpCode::Min: return "min";
    case OpCode::Max: return "max";
    case OpCode::All: return "all";
    case OpCode::Any: return "any";
    case OpCode::Default: return "default";
  }
  return "?";
}

}  // namespace rapport::engine
