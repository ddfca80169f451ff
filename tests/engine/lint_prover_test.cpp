// The condition prover on its own (engine/condition_analysis.hpp): the evaluator's tolerance and
// unknowns, division by zero, overflow, shared comparisons and the budget.
#include <catch2/catch.hpp>

#include <limits>

#include "engine/condition_analysis.hpp"

namespace rapport::engine::testing {

namespace {

using analysis::Box;
using analysis::ConditionGraph;
using analysis::Interval;
using analysis::NodeKind;
using analysis::Prover;
using analysis::Verdict;
using dsl::Op;

constexpr double kInf = std::numeric_limits<double>::infinity();

// Slot 0 is a share, slot 1 an unbounded number, slot 2 a flag.
std::vector<analysis::SlotRange> ranges() { return {{0, 1, false}, {-kInf, kInf, false}, {0, 1, true}}; }

Verdict never_true(const ConditionGraph& graph, std::uint32_t node, const analysis::Budget& budget = {}) {
  const Prover prover(graph, ranges());
  return prover.can_be(node, analysis::kTrue, prover.full_box(true), budget);
}

}  // namespace

TEST_CASE("the prover decides comparisons at a threshold with the evaluator's tolerance", "[prover]") {
  ConditionGraph g;
  const auto x = g.slot(0);
  const auto c = g.constant(0.4);
  const auto below = g.compare(Op::Lt, x, c), at_least = g.compare(Op::Ge, x, c);
  CHECK(never_true(g, g.make(NodeKind::And, {below, at_least})) == Verdict::Impossible);
  const auto at_most = g.compare(Op::Le, x, c);
  CHECK(never_true(g, g.make(NodeKind::And, {at_most, at_least})) == Verdict::Possible);
  // 0.4 + 5e-10 equals 0.4 for the evaluator.
  const auto above = g.compare(Op::Gt, x, c), under_near = g.compare(Op::Lt, x, g.constant(0.4 + 5e-10));
  CHECK(never_true(g, g.make(NodeKind::And, {above, under_near})) == Verdict::Impossible);
}

TEST_CASE("a comparison written two ways is one node", "[prover]") {
  ConditionGraph g;
  const auto x = g.slot(0), c = g.constant(0.3);
  CHECK(g.compare(Op::Lt, x, c) == g.negation(g.compare(Op::Ge, x, c)));
  CHECK(g.compare(Op::Gt, x, c) == g.compare(Op::Lt, c, x));
  CHECK(g.compare(Op::Eq, x, c) == g.compare(Op::Eq, c, x));
  CHECK(g.negation(g.negation(x)) == x);
}

TEST_CASE("division by zero is unknown, so a quotient compared both ways is never true", "[prover]") {
  ConditionGraph g;
  const auto quotient = g.make(NodeKind::Div, {g.slot(0), g.constant(0)});
  const auto known = g.make(NodeKind::Known, {quotient});
  CHECK(never_true(g, known) == Verdict::Impossible);
  const auto safe = g.make(NodeKind::Div, {g.slot(0), g.slot(1)});
  CHECK(never_true(g, g.make(NodeKind::Known, {safe})) == Verdict::Possible);
  CHECK(never_true(g, g.make(NodeKind::Not, {g.make(NodeKind::Known, {safe})})) == Verdict::Possible);
}

TEST_CASE("a value that can overflow to infinity may compare equal to anything", "[prover]") {
  ConditionGraph g;
  const auto n = g.slot(1);
  // For n = 1.5e308, n * 2 overflows to infinity, which program.cpp finds equal to 1: the
  // condition below is true for that profile, so it must not be called impossible.
  const auto huge = g.compare(Op::Gt, n, g.constant(1e308));
  const auto doubled = g.compare(Op::Le, g.make(NodeKind::Mul, {n, g.constant(2)}), g.constant(1));
  CHECK(never_true(g, g.make(NodeKind::And, {huge, doubled})) != Verdict::Impossible);
  // An unbounded metric by itself never overflows: 'n > 5 and n <= 2' is never true.
  const auto contradiction = g.make(NodeKind::And, {g.compare(Op::Gt, n, g.constant(5)), g.compare(Op::Le, n, g.constant(2))});
  CHECK(never_true(g, contradiction) == Verdict::Impossible);
}

TEST_CASE("known and default are reasoned about with the value missing and present", "[prover]") {
  ConditionGraph g;
  const auto x = g.slot(0);
  const auto missing = g.negation(g.make(NodeKind::Known, {x}));
  const auto fallback = g.compare(Op::Eq, g.make(NodeKind::Default, {x, g.constant(2)}), g.constant(2));
  CHECK(never_true(g, g.make(NodeKind::And, {missing, fallback})) == Verdict::Possible);
  const auto present_two = g.make(NodeKind::And, {g.make(NodeKind::Known, {x}), fallback});
  CHECK(never_true(g, present_two) == Verdict::Impossible);  // a known share is never 2
  const auto flag = g.slot(2);
  CHECK(never_true(g, g.make(NodeKind::And, {flag, g.negation(flag)})) == Verdict::Impossible);
}

TEST_CASE("differ is never true for the same condition with its operands swapped", "[prover]") {
  ConditionGraph g;
  const auto a = g.compare(Op::Lt, g.slot(0), g.constant(0.3));
  const auto b = g.compare(Op::Ge, g.slot(1), g.constant(2));
  const auto ab = g.make(NodeKind::And, {a, b}), ba = g.make(NodeKind::And, {b, a});
  CHECK(never_true(g, g.make(NodeKind::Differ, {ab, ba})) == Verdict::Impossible);
  const auto a_or_b = g.make(NodeKind::Or, {a, b});
  CHECK(never_true(g, g.make(NodeKind::Differ, {ab, a_or_b})) == Verdict::Possible);
}

TEST_CASE("the prover gives up when the budget runs out, and never answers Impossible then", "[prover]") {
  ConditionGraph g;
  // (it - m) - (it - m) > 0.01 is never true, but intervals forget the two differences are one.
  const auto d = g.make(NodeKind::Sub, {g.slot(0), g.slot(1)});
  const auto zero = g.make(NodeKind::Sub, {d, d});
  const auto claim = g.compare(Op::Gt, zero, g.constant(0.01));
  CHECK(never_true(g, claim, {50, 64, 1'000'000}) == Verdict::GaveUp);
}

}  // namespace rapport::engine::testing
