// A compiled expression: a flat program over a dense vector of metric slots and finding results.
// Compiled once by the checker, run once per profile; no strings or allocation at run time.
#pragma once

#include <cstdint>
#include <vector>

#include "engine/value.hpp"

namespace rapport::engine {

enum class OpCode : std::uint8_t {
  PushConst,     // push constants[arg]
  LoadSlot,      // push slots[arg]            (NaN when the profile lacks it)
  LoadFinding,   // push findings[arg]         (0, 1 or NaN)
  Neg, Not, Abs, Known,
  Add, Sub, Mul, Div,
  Eq, Ne, Lt, Le, Gt, Ge,
  And, Or,
  Min, Max,      // arg = number of operands (>= 2)
  All, Any,      // arg = number of operands (>= 1)
  Default,       // pop fallback, value: value if known else fallback
  Doubt,         // the gap on top becomes unknown when slots[arg] is unknown: see InputLayout's gap trust
};

struct Instr {
  OpCode op;
  std::uint32_t arg = 0;
};

struct Program {
  std::vector<Instr> code;       // postfix order
  std::vector<double> constants;
  Unit unit = Unit::Plain;       // what the result means
  std::vector<std::uint32_t> slots;     // every metric slot the program reads (sorted, unique)
  std::vector<std::uint32_t> findings;  // every finding it reads (sorted, unique)
  std::vector<std::uint32_t> gaps;      // every metric whose gap(m) it reads (sorted, unique)
  std::vector<std::uint32_t> statistics;  // every statistic input it reads: n(it.m), ci_low(...), ... (sorted, unique)

  bool empty() const { return code.empty(); }
};

// Evaluate with three-valued logic. `slots` and `findings` are indexed as the RuleSet lays them out.
// Division by zero yields unknown.
double run(const Program& program, const double* slots, const double* findings);

// What went wrong in a program's arithmetic for one profile: a division by zero (it.x / it.y with it.y
// at 0) or an overflow to infinity (it.x * 1e308). Either leaves the value unknown.
enum class Fault : std::uint8_t { None, DivisionByZero, Overflow };

// The first fault in the program's evaluation, found by tracing it again: for the few results that come
// out unknown, so run() pays nothing for it.
Fault find_fault(const Program& program, const double* slots, const double* findings);

// The same evaluation, also recording after every instruction the value it left on top of the stack:
// `values[i]` is the value of the sub-expression instruction i completes (see ExprTree). Both share
// one evaluator, so explain shows exactly what run() computed; run() pays nothing for it.
double trace(const Program& program, const double* slots, const double* findings, std::vector<double>& values);

}  // namespace rapport::engine
