// The evaluator of compiled expressions: a small stack machine over doubles with Kleene logic,
// where NaN is "unknown". Every operator maps unknown inputs to the three-valued answer here.
#include "engine/program.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <functional>
#include <vector>

namespace rapport::engine {

namespace {

constexpr double kTrue = 1.0;
constexpr double kFalse = 0.0;

bool is_false(double v) { return v == 0.0; }
bool is_true(double v) { return !is_unknown(v) && v != 0.0; }
double truth(bool b) { return b ? kTrue : kFalse; }

// Kleene conjunction over n values: false dominates, then unknown, then true.
double kleene_and(const double* v, std::size_t n) {
  bool unknown = false;
  for (std::size_t i = 0; i < n; ++i) {
    if (is_false(v[i])) return kFalse;
    if (is_unknown(v[i])) unknown = true;
  }
  return unknown ? kUnknown : kTrue;
}

// Kleene disjunction over n values: true dominates, then unknown, then false.
double kleene_or(const double* v, std::size_t n) {
  bool unknown = false;
  for (std::size_t i = 0; i < n; ++i) {
    if (is_true(v[i])) return kTrue;
    if (is_unknown(v[i])) unknown = true;
  }
  return unknown ? kUnknown : kFalse;
}

// min/max are unknown as soon as one operand is: the extreme of partly unknown values is unknown.
template <typename Pick>
double extreme(const double* v, std::size_t n, Pick pick) {
  double best = v[0];
  for (std::size_t i = 0; i < n; ++i) {
    if (is_unknown(v[i])) return kUnknown;
    best = pick(best, v[i]);
  }
  return best;
}

// Arithmetic that overflows gives unknown at once, as the language says, not an infinity that a comparison
// would then treat as a figure (1e300 * 1e300 == 1e301 * 1e301 would be true).
double finite(double v) { return std::isinf(v) ? kUnknown : v; }

template <typename Compare>
// Values closer than rounding error count as equal: 0.37 - 0.29 must meet a threshold of 8pp,
// whatever the last bit of the binary fractions says.
double compare(double a, double b, Compare cmp) {
  if (is_unknown(a) || is_unknown(b)) return kUnknown;
  const double scale = std::max({1.0, std::abs(a), std::abs(b)});
  if (std::abs(a - b) <= 1e-9 * scale) a = b;
  return truth(cmp(a, b));
}

// Observes nothing: the plain evaluation, which the compiler reduces to the bare stack machine.
struct NoTrace {
  void operator()(std::size_t /*pc*/, double /*top*/) const {}
};

// Records the value each instruction leaves on top of the stack.
struct RecordTrace {
  double* values;
  void operator()(std::size_t pc, double top) const { values[pc] = top; }
};

// The one evaluator. `Tracer` is called after every instruction with its index and its result.
template <typename Tracer>
double run_on(const Program& program, const double* slots, const double* findings, double* stack,
              const Tracer& tracer) {
  std::size_t top = 0;  // number of values on the stack
  const std::size_t size = program.code.size();
  for (std::size_t pc = 0; pc < size; ++pc) {
    const Instr& in = program.code[pc];
    switch (in.op) {
      case OpCode::PushConst: stack[top++] = program.constants[in.arg]; break;
      case OpCode::LoadSlot: stack[top++] = slots[in.arg]; break;
      case OpCode::LoadFinding: stack[top++] = findings[in.arg]; break;
      case OpCode::Neg: stack[top - 1] = -stack[top - 1]; break;
      case OpCode::Not: {
        const double v = stack[top - 1];
        stack[top - 1] = is_unknown(v) ? kUnknown : truth(is_false(v));
        break;
      }
      case OpCode::Abs: stack[top - 1] = std::abs(stack[top - 1]); break;
      case OpCode::Doubt:
        if (is_unknown(slots[in.arg])) stack[top - 1] = kUnknown;
        break;
      case OpCode::Known: stack[top - 1] = truth(!is_unknown(stack[top - 1])); break;
      case OpCode::Default: {
        const double fallback = stack[--top];
        if (is_unknown(stack[top - 1])) stack[top - 1] = fallback;
        break;
      }
      case OpCode::Add: --top; stack[top - 1] = finite(stack[top - 1] + stack[top]); break;
      case OpCode::Sub: --top; stack[top - 1] = finite(stack[top - 1] - stack[top]); break;
      case OpCode::Mul: --top; stack[top - 1] = finite(stack[top - 1] * stack[top]); break;
      case OpCode::Div: {
        const double d = stack[--top];
        stack[top - 1] = d == 0.0 ? kUnknown : finite(stack[top - 1] / d);
        break;
      }
      case OpCode::Eq: --top; stack[top - 1] = compare(stack[top - 1], stack[top], std::equal_to<>{}); break;
      case OpCode::Ne: --top; stack[top - 1] = compare(stack[top - 1], stack[top], std::not_equal_to<>{}); break;
      case OpCode::Lt: --top; stack[top - 1] = compare(stack[top - 1], stack[top], std::less<>{}); break;
      case OpCode::Le: --top; stack[top - 1] = compare(stack[top - 1], stack[top], std::less_equal<>{}); break;
      case OpCode::Gt: --top; stack[top - 1] = compare(stack[top - 1], stack[top], std::greater<>{}); break;
      case OpCode::Ge: --top; stack[top - 1] = compare(stack[top - 1], stack[top], std::greater_equal<>{}); break;
      case OpCode::And: --top; stack[top - 1] = kleene_and(stack + top - 1, 2); break;
      case OpCode::Or: --top; stack[top - 1] = kleene_or(stack + top - 1, 2); break;
      case OpCode::All: top -= in.arg; stack[top] = kleene_and(stack + top, in.arg); ++top; break;
      case OpCode::Any: top -= in.arg; stack[top] = kleene_or(stack + top, in.arg); ++top; break;
      case OpCode::Min:
        top -= in.arg;
        stack[top] = extreme(stack + top, in.arg, [](double a, double b) { return std::min(a, b); });
        ++top;
        break;
      case OpCode::Max:
        top -= in.arg;
        stack[top] = extreme(stack + top, in.arg, [](double a, double b) { return std::max(a, b); });
        ++top;
        break;
    }
    tracer(pc, stack[top - 1]);
  }
  if (top == 0) return kUnknown;  // an empty program (a field that was never written) knows nothing
  // An overflow to infinity is no more a usable figure than NaN: both read as unknown.
  const double result = stack[top - 1];
  return std::isfinite(result) ? result : kUnknown;
}

// The stack never holds more values than there are instructions, so small programs (all
// real rules) run on a fixed buffer and only pathological ones pay for an allocation.
template <typename Tracer>
double run_with(const Program& program, const double* slots, const double* findings, const Tracer& tracer) {
  constexpr std::size_t kInline = 128;
  if (program.code.size() <= kInline) {
    std::array<double, kInline> stack;
    return run_on(program, slots, findings, stack.data(), tracer);
  }
  std::vector<double> stack(program.code.size());
  return run_on(program, slots, findings, stack.data(), tracer);
}

}  // namespace

double run(const Program& program, const double* slots, const double* findings) {
  return run_with(program, slots, findings, NoTrace{});
}

double trace(const Program& program, const double* slots, const double* findings, std::vector<double>& values) {
  values.assign(program.code.size(), kUnknown);
  return run_with(program, slots, findings, RecordTrace{values.data()});
}

namespace {

// How many values an instruction takes from the stack.
std::size_t operand_count(const Instr& in) {
  switch (in.op) {
    case OpCode::PushConst:
    case OpCode::LoadSlot:
    case OpCode::LoadFinding: return 0;
    case OpCode::Neg:
    case OpCode::Not:
    case OpCode::Abs:
    case OpCode::Doubt:
    case OpCode::Known: return 1;
    case OpCode::All:
    case OpCode::Any:
    case OpCode::Min:
    case OpCode::Max: return in.arg;
    default: return 2;
  }
}

bool is_arithmetic(OpCode op) {
  return op == OpCode::Add || op == OpCode::Sub || op == OpCode::Mul || op == OpCode::Div;
}

}  // namespace

Fault find_fault(const Program& program, const double* slots, const double* findings) {
  std::vector<double> values;
  trace(program, slots, findings, values);
  // Replays the stack by instruction index, to see each operation's operands.
  std::vector<std::size_t> made_by;
  for (std::size_t pc = 0; pc < program.code.size(); ++pc) {
    const Instr& in = program.code[pc];
    const std::size_t count = operand_count(in);
    if (is_arithmetic(in.op) && made_by.size() >= 2) {
      const double a = values[made_by[made_by.size() - 2]], b = values[made_by.back()];
      if (in.op == OpCode::Div && b == 0.0) return Fault::DivisionByZero;
      // Known operands and an unknown result: the one other way is a result too large for a double.
      if (!is_unknown(a) && !is_unknown(b) && is_unknown(values[pc])) return Fault::Overflow;
    }
    made_by.resize(made_by.size() - std::min(count, made_by.size()));
    made_by.push_back(pc);
  }
  return Fault::None;
}

}  // namespace rapport::engine
