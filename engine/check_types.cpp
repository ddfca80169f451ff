// The type pass: infers the unit of every expression node (spec "Units") and reports operands of
// the wrong kind: numbers where truth is needed, truth where numbers are, mismatched = and !=.
#include <optional>
#include <string>

#include "dsl/diagnostic_codes.hpp"
#include "engine/check_passes.hpp"

namespace rapport::engine::checking {

namespace {

using dsl::Expr;
using dsl::ExprKind;
using dsl::Op;

// nullopt means "unsound": an error was reported below, so nothing above it is reported again.
using Typed = std::optional<Unit>;

bool is_plain_literal(const Expr& e) { return e.kind == ExprKind::Number && e.unit == dsl::NumberUnit::Plain; }

Unit literal_unit(dsl::NumberUnit unit) {
  switch (unit) {
    case dsl::NumberUnit::Percent: return Unit::Percent;
    case dsl::NumberUnit::Points: return Unit::Points;
    case dsl::NumberUnit::Plain: return Unit::Plain;
  }
  return Unit::Plain;
}

// + and -: a share minus a share is a difference in points; like units keep their unit; a bare
// number added to a unit takes that unit (it.share + 0.05); anything else is a plain number.
Unit sum_unit(Op op, const Expr& a, Unit ua, const Expr& b, Unit ub) {
  if (op == Op::Sub && ua == Unit::Percent && ub == Unit::Percent) return Unit::Points;
  if (ua == ub) return ua;
  if (is_plain_literal(a)) return ub;
  if (is_plain_literal(b)) return ua;
  return Unit::Plain;
}

// "compare it with a threshold, e.g. `it.share < 30%`", with a threshold in the value's unit.
std::string threshold_help(const CheckState& state, std::uint32_t file, const Expr& e, Unit unit) {
  const std::string text = state.written(file, e.span);
  const char* threshold = unit == Unit::Percent ? "30%" : unit == Unit::Points ? "10pp" : "3";
  return "compare it with a threshold, e.g. `" + (text.empty() ? std::string("x") : text) + " < " + threshold + "`";
}

class Typer {
 public:
  Typer(CheckState& state, const ExprRoot& root) : state_(state), root_(root) {}

  Typed type(const Expr& e) {
    const Typed unit = infer(e);
    if (unit) state_.units[&e] = *unit;
    return unit;
  }

 private:
  Typed infer(const Expr& e) {
    switch (e.kind) {
      case ExprKind::Number:
        check_literal_range(state_, root_.file, e);
        return literal_unit(e.unit);
      case ExprKind::Truth: return Unit::Truth;
      case ExprKind::GroupRef:
      case ExprKind::Name: return reference(e);
      case ExprKind::Call: return call(e);
      case ExprKind::Unary: return unary(e);
      case ExprKind::Binary: return binary(e);
    }
    return std::nullopt;
  }

  const Meaning* meaning(const Expr& e) const {
    const auto it = state_.meanings.find(&e);
    return it == state_.meanings.end() ? nullptr : &it->second;
  }

  Typed reference(const Expr& e) {
    const Meaning* m = meaning(e);
    if (m == nullptr) return std::nullopt;
    if (m->kind == Meaning::Kind::Finding) return Unit::Truth;
    return metric_unit(m->index);
  }

  // A metric whose 'kind' is missing (reported by declare) has no unit to check against.
  Typed metric_unit(std::uint32_t metric) const {
    if (state_.metric_syntax[metric].kind == nullptr) return std::nullopt;
    return unit_of_metric(state_.rules.metrics[metric]);
  }

  // Checks that an operand is a truth value (want_truth) or a number; reports it otherwise.
  bool expect(const Expr& operand, Typed unit, bool want_truth, std::string_view who) {
    if (!unit || is_number(*unit) != want_truth) return true;
    const std::string what = state_.quote(root_.file, operand.span);
    if (want_truth)
      state_.error(dsl::code::type_error, state_.locate(root_.file, operand.span),
                   std::string(who) + " needs a truth value, but " + what + " is " + std::string(unit_phrase(*unit)),
                   threshold_help(state_, root_.file, operand, *unit));
    else
      state_.error(dsl::code::type_error, state_.locate(root_.file, operand.span),
                   std::string(who) + " needs a number, but " + what + " is a truth value");
    return false;
  }

  Typed unary(const Expr& e) {
    const Typed operand = type(e.args.front());
    if (e.op == Op::Not) {
      expect(e.args.front(), operand, true, "'not'");
      return Unit::Truth;
    }
    if (!expect(e.args.front(), operand, false, "'-'")) return std::nullopt;
    return operand;
  }

  Typed binary(const Expr& e) {
    const Expr& a = e.args[0];
    const Expr& b = e.args[1];
    const Typed ua = type(a);
    const Typed ub = type(b);
    const std::string who = "'" + std::string(dsl::spelling(e.op)) + "'";
    switch (e.op) {
      case Op::And:
      case Op::Or:
        expect(a, ua, true, who);
        expect(b, ub, true, who);
        return Unit::Truth;
      case Op::Eq:
      case Op::Ne:
        if (ua && ub && is_number(*ua) != is_number(*ub))
          state_.error(dsl::code::type_error, state_.locate(root_.file, b.span),
                       who + " compares values of one kind, but " + state_.quote(root_.file, a.span) + " is " +
                           std::string(unit_phrase(*ua)) + " and " + state_.quote(root_.file, b.span) + " is " +
                           std::string(unit_phrase(*ub)));
        return Unit::Truth;
      case Op::Lt:
      case Op::Le:
      case Op::Gt:
      case Op::Ge:
        expect(a, ua, false, who);
        expect(b, ub, false, who);
        return Unit::Truth;
      case Op::Add:
      case Op::Sub:
      case Op::Mul:
      case Op::Div: {
        const bool fine_a = expect(a, ua, false, who);
        const bool fine_b = expect(b, ub, false, who);
        if (!ua || !ub || !fine_a || !fine_b) return std::nullopt;
        if (e.op == Op::Mul || e.op == Op::Div) return Unit::Plain;
        return sum_unit(e.op, a, *ua, b, *ub);
      }
      case Op::Not:
      case Op::Neg: break;  // unary operators never head a Binary node
    }
    return std::nullopt;
  }

  // A count and a p-value are plain numbers; an interval's end is in the unit of what it bounds.
  Typed statistic_unit(const Meaning& m) {
    switch (m.function) {
      case Function::Significant: return Unit::Truth;
      case Function::N:
      case Function::PValue: return Unit::Plain;
      default: return m.audience == Audience::Company ? Unit::Points : metric_unit(m.index);
    }
  }

  Typed call(const Expr& e) {
    const Meaning* m = meaning(e);
    if (m == nullptr) {  // unknown function or bad arguments, reported by resolve
      // gap's, benchmark's and weight's argument names a declaration, not a value: no type to check.
      const FunctionInfo* f = find_function(e.name);
      if (f == nullptr || !takes_an_id(f->function))
        for (const auto& arg : e.args) type(arg);
      return std::nullopt;
    }
    switch (m->kind) {
      case Meaning::Kind::Gap: return Unit::Points;
      case Meaning::Kind::Benchmark: return metric_unit(m->index);
      case Meaning::Kind::Weight: return Unit::Plain;
      case Meaning::Kind::Statistic: return statistic_unit(*m);
      default: break;
    }
    std::vector<Typed> units;
    for (const auto& arg : e.args) units.push_back(type(arg));
    const std::string who = "'" + e.name + "'";
    switch (m->function) {
      case Function::Known: return Unit::Truth;
      case Function::All:
      case Function::Any:
        for (std::size_t i = 0; i < e.args.size(); ++i) expect(e.args[i], units[i], true, who);
        return Unit::Truth;
      case Function::Abs:
      case Function::Min:
      case Function::Max: {
        bool fine = true;
        for (std::size_t i = 0; i < e.args.size(); ++i) fine = expect(e.args[i], units[i], false, who) && fine;
        if (!fine || !units.front()) return std::nullopt;
        return units.front();
      }
      case Function::Default: {
        if (!units[0] || !units[1]) return std::nullopt;
        if (is_number(*units[0]) != is_number(*units[1])) {
          state_.error(dsl::code::type_error, state_.locate(root_.file, e.args[1].span),
                       "the fallback of 'default' must be of the same kind as the value, but " +
                           state_.quote(root_.file, e.args[0].span) + " is " + std::string(unit_phrase(*units[0])) +
                           " and " + state_.quote(root_.file, e.args[1].span) + " is " + std::string(unit_phrase(*units[1])));
          return std::nullopt;
        }
        // The unit of the first numeric argument: a bare fallback (default(x, 0)) takes x's unit.
        return *units[0];
      }
      case Function::Gap:
      case Function::Benchmark:
      case Function::Weight:
      case Function::N:
      case Function::CiLow:
      case Function::CiHigh:
      case Function::PValue:
      case Function::Significant: break;  // typed above by their meanings
    }
    return std::nullopt;
  }

  CheckState& state_;
  const ExprRoot& root_;
};

}  // namespace

void check_types(CheckState& state) {
  for (const ExprRoot& root : state.roots) {
    const Typed unit = Typer(state, root).type(*root.expr);
    if (!unit) continue;
    const dsl::Location where = state.locate(root.file, root.expr->span);
    if (root.role == Role::Condition && *unit != Unit::Truth)
      state.error(dsl::code::type_error, where,
                  "a 'when' condition must be true or false, but this is " + std::string(unit_phrase(*unit)),
                  threshold_help(state, root.file, *root.expr, *unit));
    if (root.role == Role::Priority && *unit == Unit::Truth)
      state.error(dsl::code::type_error, where, "a priority must be a number, but this is a truth value",
                  "rank with a number, e.g. `priority 50 + 100 * abs(gap(metric))`");
  }
}

}  // namespace rapport::engine::checking
