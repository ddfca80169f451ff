// run(): Kleene three-valued logic with NaN as unknown, arithmetic and the functions,
// checked on small hand-assembled programs so every table is exact.
#include <catch2/catch.hpp>

#include <cmath>
#include <initializer_list>
#include <vector>

#include "engine/program.hpp"

namespace rapport::engine {
namespace {

constexpr double T = 1.0;
constexpr double F = 0.0;
const double U = kUnknown;

// A program that loads its operands from slots 0..n-1 and applies `op` to them.
Program apply(OpCode op, std::uint32_t operands, std::uint32_t arg = 0) {
  Program p;
  for (std::uint32_t i = 0; i < operands; ++i) p.code.push_back({OpCode::LoadSlot, i});
  p.code.push_back({op, arg});
  return p;
}

double run_with(OpCode op, std::vector<double> values, std::uint32_t arg = 0) {
  const Program p = apply(op, static_cast<std::uint32_t>(values.size()), arg);
  return run(p, values.data(), nullptr);
}

// Compares results with unknown as a value of its own.
bool same(double a, double b) { return (std::isnan(a) && std::isnan(b)) || a == b; }

struct Row {
  double a, b, want;
};

void check_table(OpCode op, std::initializer_list<Row> rows) {
  for (const Row& row : rows) {
    INFO("a=" << row.a << " b=" << row.b);
    CHECK(same(run_with(op, {row.a, row.b}), row.want));
  }
}

TEST_CASE("not swaps true and false and keeps unknown unknown", "[program][logic]") {
  CHECK(same(run_with(OpCode::Not, {T}), F));
  CHECK(same(run_with(OpCode::Not, {F}), T));
  CHECK(same(run_with(OpCode::Not, {U}), U));
}

TEST_CASE("and follows Kleene's table: false dominates, then unknown", "[program][logic]") {
  check_table(OpCode::And, {{T, T, T}, {T, F, F}, {T, U, U},
                            {F, T, F}, {F, F, F}, {F, U, F},
                            {U, T, U}, {U, F, F}, {U, U, U}});
}

TEST_CASE("or follows Kleene's table: true dominates, then unknown", "[program][logic]") {
  check_table(OpCode::Or, {{T, T, T}, {T, F, T}, {T, U, T},
                           {F, T, T}, {F, F, F}, {F, U, U},
                           {U, T, T}, {U, F, U}, {U, U, U}});
}

TEST_CASE("all is an n-ary and: any false makes it false, else any unknown makes it unknown", "[program][logic]") {
  CHECK(same(run_with(OpCode::All, {T, T, T}, 3), T));
  CHECK(same(run_with(OpCode::All, {T, U, T}, 3), U));
  CHECK(same(run_with(OpCode::All, {U, U, F}, 3), F));
  CHECK(same(run_with(OpCode::All, {F, T, T}, 3), F));
  CHECK(same(run_with(OpCode::All, {U}, 1), U));
  CHECK(same(run_with(OpCode::All, {T}, 1), T));
}

TEST_CASE("any is an n-ary or: any true makes it true, else any unknown makes it unknown", "[program][logic]") {
  CHECK(same(run_with(OpCode::Any, {F, F, F}, 3), F));
  CHECK(same(run_with(OpCode::Any, {F, U, F}, 3), U));
  CHECK(same(run_with(OpCode::Any, {U, U, T}, 3), T));
  CHECK(same(run_with(OpCode::Any, {T, F, F}, 3), T));
  CHECK(same(run_with(OpCode::Any, {U}, 1), U));
  CHECK(same(run_with(OpCode::Any, {F}, 1), F));
}

TEST_CASE("comparisons are true or false on known values and unknown when either side is unknown", "[program]") {
  check_table(OpCode::Lt, {{1, 2, T}, {2, 1, F}, {2, 2, F}, {U, 1, U}, {1, U, U}, {U, U, U}});
  check_table(OpCode::Le, {{1, 2, T}, {2, 2, T}, {3, 2, F}, {U, 2, U}, {2, U, U}});
  check_table(OpCode::Gt, {{2, 1, T}, {1, 2, F}, {2, 2, F}, {U, 1, U}, {1, U, U}});
  check_table(OpCode::Ge, {{2, 2, T}, {1, 2, F}, {U, 1, U}, {1, U, U}});
  check_table(OpCode::Eq, {{0.5, 0.5, T}, {0.5, 0.6, F}, {U, 0.5, U}, {0.5, U, U}, {U, U, U}});
  check_table(OpCode::Ne, {{0.5, 0.6, T}, {0.5, 0.5, F}, {U, 0.5, U}, {0.5, U, U}});
}

TEST_CASE("arithmetic with an unknown operand is unknown", "[program]") {
  check_table(OpCode::Add, {{1, 2, 3}, {U, 2, U}, {1, U, U}});
  check_table(OpCode::Sub, {{0.3, 0.1, 0.3 - 0.1}, {U, 2, U}, {1, U, U}});
  check_table(OpCode::Mul, {{2, 3, 6}, {U, 0, U}, {0, U, U}});
  check_table(OpCode::Div, {{6, 3, 2}, {U, 3, U}, {6, U, U}});
  CHECK(same(run_with(OpCode::Neg, {2}), -2));
  CHECK(same(run_with(OpCode::Neg, {U}), U));
  CHECK(same(run_with(OpCode::Abs, {-0.25}), 0.25));
  CHECK(same(run_with(OpCode::Abs, {U}), U));
}

TEST_CASE("division by zero is unknown, not infinity", "[program]") {
  check_table(OpCode::Div, {{1, 0, U}, {0, 0, U}, {-3, 0, U}});
}

TEST_CASE("min and max are unknown as soon as one operand is unknown", "[program]") {
  CHECK(same(run_with(OpCode::Min, {3, 1, 2}, 3), 1));
  CHECK(same(run_with(OpCode::Max, {3, 1, 2}, 3), 3));
  CHECK(same(run_with(OpCode::Min, {3, U}, 2), U));
  CHECK(same(run_with(OpCode::Max, {U, 3}, 2), U));
}

TEST_CASE("known is never unknown: true for a value, false for unknown", "[program]") {
  CHECK(same(run_with(OpCode::Known, {0}), T));
  CHECK(same(run_with(OpCode::Known, {0.42}), T));
  CHECK(same(run_with(OpCode::Known, {U}), F));
}

TEST_CASE("default gives the value when it is known and the fallback otherwise", "[program]") {
  check_table(OpCode::Default, {{0.3, 0, 0.3}, {U, 0, 0}, {U, U, U}, {0, 5, 0}});
}

TEST_CASE("constants, slots and findings are loaded by index", "[program]") {
  Program p;
  p.constants = {0.3};
  p.code = {{OpCode::LoadSlot, 1}, {OpCode::PushConst, 0}, {OpCode::Lt, 0}, {OpCode::LoadFinding, 2}, {OpCode::And, 0}};
  const double slots[] = {0.9, 0.1};
  const double findings[] = {U, U, T};
  CHECK(run(p, slots, findings) == T);
}

TEST_CASE("a long program runs beyond the inline stack without losing values", "[program]") {
  // any(c1, ..., c300): 300 operands on the stack at once.
  Program p;
  p.constants = {0.0, 1.0};
  for (int i = 0; i < 299; ++i) p.code.push_back({OpCode::PushConst, 0});
  p.code.push_back({OpCode::PushConst, 1});
  p.code.push_back({OpCode::Any, 300});
  CHECK(run(p, nullptr, nullptr) == T);
}

TEST_CASE("an empty program is unknown", "[program]") {
  CHECK(is_unknown(run(Program{}, nullptr, nullptr)));
}

TEST_CASE("comparisons treat values within rounding error as equal", "[program]") {
  // 0.37 - 0.29 is not exactly 0.08 in binary floating point; a consultant means 8 points either way.
  const double gap = 0.37 - 0.29;
  check_table(OpCode::Ge, {{gap, 0.08, T}});
  check_table(OpCode::Le, {{gap, 0.08, T}});
  check_table(OpCode::Eq, {{gap, 0.08, T}, {0.1 + 0.2, 0.3, T}});
  check_table(OpCode::Gt, {{gap, 0.08, F}, {0.0801, 0.08, T}});
  check_table(OpCode::Lt, {{0.0799, 0.08, T}});
}

}  // namespace
}  // namespace rapport::engine
