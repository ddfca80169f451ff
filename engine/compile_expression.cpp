// The expression compiler: a post-order walk that emits one instruction per node.
#include "engine/compile_expression.hpp"

#include <algorithm>

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

class Emitter {
 public:
  explicit Emitter(const CheckState& state) : state_(state) {}

  Program finish(const Expr& root) {
    emit(root);
    const auto unit = state_.units.find(&root);
    program_.unit = unit == state_.units.end() ? Unit::Plain : unit->second;
    for (auto* list : {&program_.slots, &program_.findings}) {
      std::sort(list->begin(), list->end());
      list->erase(std::unique(list->begin(), list->end()), list->end());
    }
    return std::move(program_);
  }

 private:
  void emit(const Expr& e) {
    switch (e.kind) {
      case ExprKind::Number: constant(e.number); return;
      case ExprKind::Truth: constant(e.truth ? 1.0 : 0.0); return;
      case ExprKind::GroupRef:
      case ExprKind::Name: reference(e); return;
      case ExprKind::Call: call(e); return;
      case ExprKind::Unary:
      case ExprKind::Binary:
        for (const auto& arg : e.args) emit(arg);
        put(opcode_of(e.op));
        return;
    }
  }

  void put(OpCode op, std::uint32_t arg = 0) { program_.code.push_back({op, arg}); }

  void constant(double value) {
    const auto& constants = program_.constants;
    const auto found = std::find(constants.begin(), constants.end(), value);
    const auto index = static_cast<std::uint32_t>(found - constants.begin());
    if (found == constants.end()) program_.constants.push_back(value);
    put(OpCode::PushConst, index);
  }

  void slot(std::uint32_t metric, Audience audience) {
    const std::uint32_t index = state_.rules.slot_ids.at({metric, audience});
    program_.slots.push_back(index);
    put(OpCode::LoadSlot, index);
  }

  const Meaning& meaning(const Expr& e) const { return state_.meanings.at(&e); }

  void reference(const Expr& e) {
    const Meaning& m = meaning(e);
    if (m.kind == Meaning::Kind::Finding) {
      program_.findings.push_back(m.index);
      put(OpCode::LoadFinding, m.index);
    } else {
      slot(m.index, m.audience);
    }
  }

  void call(const Expr& e) {
    const Meaning& m = meaning(e);
    if (m.kind == Meaning::Kind::Gap) {
      slot(m.index, Audience::It);
      slot(m.index, Audience::Marketing);
      put(OpCode::Sub);
      return;
    }
    if (m.kind == Meaning::Kind::Benchmark) {
      constant(state_.rules.metrics[m.index].benchmark_for(m.audience)->value);
      return;
    }
    if (m.kind == Meaning::Kind::Weight) {
      // default(verdict, 0) * weight: fired gives the weight, not fired or unknown gives 0.
      program_.findings.push_back(m.index);
      put(OpCode::LoadFinding, m.index);
      constant(0.0);
      put(OpCode::Default);
      constant(severity_weight(state_.rules.findings[m.index].severity));
      put(OpCode::Mul);
      return;
    }
    for (const auto& arg : e.args) emit(arg);
    const auto count = static_cast<std::uint32_t>(e.args.size());
    switch (m.function) {
      case Function::Abs: put(OpCode::Abs); return;
      case Function::Known: put(OpCode::Known); return;
      case Function::Default: put(OpCode::Default); return;
      case Function::Min: put(OpCode::Min, count); return;
      case Function::Max: put(OpCode::Max, count); return;
      case Function::All: put(OpCode::All, count); return;
      case Function::Any: put(OpCode::Any, count); return;
      case Function::Gap:
      case Function::Benchmark:
      case Function::Weight: return;  // handled above by their meanings
    }
  }

  const CheckState& state_;
  Program program_;
};

}  // namespace

Program compile_expression(const CheckState& state, const dsl::Expr& root) { return Emitter(state).finish(root); }

}  // namespace rapport::engine::checking
