// The expression compiler: a post-order walk that emits one instruction per node.
#include "engine/compile_expression.hpp"

#include <algorithm>
#include <string>
#include <vector>

namespace rapport::engine::checking {

namespace {

using dsl::Expr;
using dsl::ExprKind;
using dsl::Op;

OpCode opcode_of(Op op) {
  switch (op) {
    case Op::Or: return OpCode::Or;
    case Op::And: return OpCode::And;
    case Op::Not: return OpCode::Not;
    case Op::Eq: return OpCode::Eq;
    case Op::Ne: return OpCode::Ne;
    case Op::Lt: return OpCode::Lt;
    case Op::Le: return OpCode::Le;
    case Op::Gt: return OpCode::Gt;
    case Op::Ge: return OpCode::Ge;
    case Op::Add: return OpCode::Add;
    case Op::Sub: return OpCode::Sub;
    case Op::Mul: return OpCode::Mul;
    case Op::Div: return OpCode::Div;
    case Op::Neg: return OpCode::Neg;
  }
  return OpCode::Neg;
}

// What weight() gives a fired finding: its severity on a scale of 1 (info) to 5 (critical).
double severity_weight(Severity severity) {
  switch (severity) {
    case Severity::Info: return 1;
    case Severity::Low: return 2;
    case Severity::Medium: return 3;
    case Severity::High: return 4;
    case Severity::Critical: return 5;
  }
  return 0;
}

// The expression as written on one line: comments dropped, runs of spaces and line breaks made one space.
std::string one_line(const CheckState& state, std::uint32_t file, dsl::Span span) {
  const dsl::SourceFile* source = file < state.files.size() ? state.files[file].source : nullptr;
  if (source == nullptr || span.end > source->text().size()) return {};
  std::string text;
  bool in_comment = false;
  for (std::uint32_t i = span.begin; i < span.end; ++i) {
    const char c = source->text()[i];
    if (c == '\n') in_comment = false;
    if (c == '#') in_comment = true;
    if (in_comment) continue;
    const bool space = c == ' ' || c == '\t' || c == '\r' || c == '\n';
    if (space && (text.empty() || text.back() == ' ')) continue;
    text += space ? ' ' : c;
  }
  while (!text.empty() && text.back() == ' ') text.pop_back();
  return text;
}

class Emitter {
 public:
  // With a tree, every node also records what explain needs; without one, only code is emitted.
  Emitter(const CheckState& state, std::uint32_t file, ExprTree* tree) : state_(state), file_(file), tree_(tree) {}

  Program finish(const Expr& root) {
    emit(root);
    const auto unit = state_.units.find(&root);
    program_.unit = unit == state_.units.end() ? Unit::Plain : unit->second;
    for (auto* list : {&program_.slots, &program_.findings, &program_.gaps, &program_.statistics}) {
      std::sort(list->begin(), list->end());
      list->erase(std::unique(list->begin(), list->end()), list->end());
    }
    return std::move(program_);
  }

 private:
  using Kind = ExprNode::Kind;

  // Emits `e` and returns its node in the tree (0 when there is no tree).
  std::uint32_t emit(const Expr& e) {
    switch (e.kind) {
      case ExprKind::Number: constant(e.number); return node(e, Kind::Literal);
      case ExprKind::Truth: constant(e.truth ? 1.0 : 0.0); return node(e, Kind::Literal);
      case ExprKind::GroupRef:
      case ExprKind::Name: return reference(e);
      case ExprKind::Call: return call(e);
      case ExprKind::Unary:
      case ExprKind::Binary: {
        std::vector<std::uint32_t> children;
        for (const auto& arg : e.args) children.push_back(emit(arg));
        put(opcode_of(e.op));
        return node(e, Kind::Operator, 0, std::move(children));
      }
    }
    return 0;
  }

  // The node for the instruction just emitted.
  std::uint32_t node(const Expr& e, Kind kind, std::uint32_t ref = 0, std::vector<std::uint32_t> children = {}) {
    if (tree_ == nullptr) return 0;  // compiling without an explanation tree: nothing to describe
    const auto unit = state_.units.find(&e);
    return add(kind, one_line(state_, file_, e.span), e.span, unit == state_.units.end() ? Unit::Plain : unit->second,
               ref, std::move(children));
  }

  std::uint32_t add(Kind kind, std::string text, dsl::Span span, Unit unit, std::uint32_t ref,
                    std::vector<std::uint32_t> children) {
    if (tree_ == nullptr) return 0;
    const auto instr = static_cast<std::uint32_t>(program_.code.size() - 1);
    tree_->nodes.push_back({kind, std::move(text), state_.locate(file_, span), unit, program_.code.back().op, instr,
                            ref, std::move(children)});
    return static_cast<std::uint32_t>(tree_->nodes.size() - 1);
  }

  void put(OpCode op, std::uint32_t arg = 0) { program_.code.push_back({op, arg}); }

  void constant(double value) {
    const auto& constants = program_.constants;
    const auto found = std::find(constants.begin(), constants.end(), value);
    const auto index = static_cast<std::uint32_t>(found - constants.begin());
    if (found == constants.end()) program_.constants.push_back(value);
    put(OpCode::PushConst, index);
  }

  std::uint32_t slot(std::uint32_t metric, Audience audience) {
    const std::uint32_t index = state_.rules.slot_ids.at({metric, audience});
    program_.slots.push_back(index);
    put(OpCode::LoadSlot, index);
    return index;
  }

  const Meaning& meaning(const Expr& e) const { return state_.meanings.at(&e); }

  std::uint32_t reference(const Expr& e) {
    const Meaning& m = meaning(e);
    if (m.kind == Meaning::Kind::Finding) {
      program_.findings.push_back(m.index);
      put(OpCode::LoadFinding, m.index);
      return node(e, Kind::Finding, m.index);
    }
    return node(e, Kind::Metric, slot(m.index, m.audience));
  }

  // gap(m) reads two slots that the text names only once: each gets a node of its own, "it.m".
  std::uint32_t gap_side(const Expr& e, std::uint32_t metric, Audience audience) {
    const std::uint32_t index = slot(metric, audience);
    const Metric& declared = state_.rules.metrics[metric];
    const dsl::Span where = e.args.empty() ? e.span : e.args.front().span;
    return add(Kind::Metric, std::string(audience_name(audience)) + "." + declared.id, where,
               unit_of_metric(declared), index, {});
  }

  std::uint32_t call(const Expr& e) {
    const Meaning& m = meaning(e);
    if (m.kind == Meaning::Kind::Gap) {
      std::vector<std::uint32_t> sides{gap_side(e, m.index, Audience::It), gap_side(e, m.index, Audience::Marketing)};
      put(OpCode::Sub);
      program_.gaps.push_back(m.index);
      put(OpCode::Doubt, state_.rules.layout().of(GapStatistic::Trust, m.index));
      return node(e, Kind::Gap, m.index, std::move(sides));
    }
    if (m.kind == Meaning::Kind::Benchmark) {
      constant(state_.rules.metrics[m.index].benchmark_for(m.audience)->value);
      return node(e, Kind::Benchmark, m.index);
    }
    if (m.kind == Meaning::Kind::Statistic) return statistic(e, m);
    if (m.kind == Meaning::Kind::Weight) {
      // default(verdict, 0) * weight: fired gives the weight, not fired or unknown gives 0.
      program_.findings.push_back(m.index);
      put(OpCode::LoadFinding, m.index);
      const dsl::Span where = e.args.empty() ? e.span : e.args.front().span;
      const std::uint32_t verdict =
          add(Kind::Finding, state_.rules.findings[m.index].id, where, Unit::Truth, m.index, {});
      constant(0.0);
      put(OpCode::Default);
      constant(severity_weight(state_.rules.findings[m.index].severity));
      put(OpCode::Mul);
      return node(e, Kind::Weight, m.index, {verdict});
    }
    std::vector<std::uint32_t> children;
    for (const auto& arg : e.args) children.push_back(emit(arg));
    const auto count = static_cast<std::uint32_t>(e.args.size());
    switch (m.function) {
      case Function::Abs: put(OpCode::Abs); break;
      case Function::Known: put(OpCode::Known); break;
      case Function::Default: put(OpCode::Default); break;
      case Function::Min: put(OpCode::Min, count); break;
      case Function::Max: put(OpCode::Max, count); break;
      case Function::All: put(OpCode::All, count); break;
      case Function::Any: put(OpCode::Any, count); break;
      case Function::Gap:
      case Function::Benchmark:
      case Function::Weight:
      case Function::N:
      case Function::CiLow:
      case Function::CiHigh:
      case Function::PValue:
      case Function::Significant: return 0;  // handled above by their meanings
    }
    return node(e, Kind::Call, 0, std::move(children));
  }

  // A statistic is one load from the inputs. It depends on the values it describes: when those are
  // missing, the item that reads it lacks them (Program::slots), not only the statistic.
  std::uint32_t statistic(const Expr& e, const Meaning& m) {
    const InputLayout layout = state_.rules.layout();
    std::uint32_t input = 0;
    if (m.audience == Audience::Company) {  // of gap(m)
      program_.slots.push_back(state_.rules.slot_ids.at({m.index, Audience::It}));
      program_.slots.push_back(state_.rules.slot_ids.at({m.index, Audience::Marketing}));
      const GapStatistic which = m.function == Function::CiLow    ? GapStatistic::CiLow
                                 : m.function == Function::CiHigh ? GapStatistic::CiHigh
                                 : m.function == Function::PValue ? GapStatistic::PValue
                                                                  : GapStatistic::Significant;
      input = layout.of(which, m.index);
    } else {
      const std::uint32_t slot = state_.rules.slot_ids.at({m.index, m.audience});
      program_.slots.push_back(slot);
      const SlotStatistic which = m.function == Function::N       ? SlotStatistic::N
                                  : m.function == Function::CiLow ? SlotStatistic::CiLow
                                                                  : SlotStatistic::CiHigh;
      input = layout.of(which, slot);
    }
    program_.statistics.push_back(input);
    put(OpCode::LoadSlot, input);
    return node(e, Kind::Statistic, input);
  }

  const CheckState& state_;
  std::uint32_t file_;
  ExprTree* tree_;
  Program program_;
};

}  // namespace

Program compile_expression(const CheckState& state, const dsl::Expr& root) {
  return Emitter(state, 0, nullptr).finish(root);
}

Program compile_expression(const CheckState& state, const dsl::Expr& root, std::uint32_t file, ExprTree& tree) {
  tree.nodes.clear();
  return Emitter(state, file, &tree).finish(root);
}

}  // namespace rapport::engine::checking
