// The block evaluator (see block_program.hpp). Each operation is a plain loop over kBlockSize rows with
// branch-free selects, which GCC vectorises; the three-valued rules are those of engine/program.cpp.
#include "engine/block_program.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace rapport::engine {

namespace {

constexpr std::size_t B = kBlockSize;
constexpr double kNaN = kUnknown;
constexpr double kLargest = std::numeric_limits<double>::max();

inline bool nan(double v) { return v != v; }

// The helpers below combine bools with & and |, never && or ||: short-circuit operators are control flow,
// and GCC leaves a loop with control flow in it unvectorised (the selects it can turn into blends).

// compare() of program.cpp: values closer than rounding error count as equal.
template <OpCode kOp>
inline double compare(double a, double b) {
  const double abs_a = a < 0.0 ? -a : a, abs_b = b < 0.0 ? -b : b;
  const double larger = abs_a > abs_b ? abs_a : abs_b;
  const double scale = larger > 1.0 ? larger : 1.0;
  const double difference = a - b;
  const bool equal = (difference < 0.0 ? -difference : difference) <= 1e-9 * scale;
  // Within tolerance the two compare as equal; otherwise as they are (infinities are never within it).
  bool result;
  if constexpr (kOp == OpCode::Eq) result = equal | (a == b);
  else if constexpr (kOp == OpCode::Ne) result = !equal & (a != b);
  else if constexpr (kOp == OpCode::Lt) result = !equal & (a < b);
  else if constexpr (kOp == OpCode::Le) result = equal | (a <= b);
  else if constexpr (kOp == OpCode::Gt) result = !equal & (a > b);
  else result = equal | (a >= b);
  const double truth = result ? 1.0 : 0.0;
  return nan(a) | nan(b) ? kNaN : truth;
}

// Kleene: false dominates a conjunction, then unknown; true dominates a disjunction, then unknown.
inline double kleene_and(double a, double b) {
  const bool any_false = (a == 0.0) | (b == 0.0);
  const double otherwise = nan(a) | nan(b) ? kNaN : 1.0;
  return any_false ? 0.0 : otherwise;
}
inline double kleene_or(double a, double b) {
  const bool any_true = ((a != 0.0) & !nan(a)) | ((b != 0.0) & !nan(b));
  const double otherwise = nan(a) | nan(b) ? kNaN : 0.0;
  return any_true ? 1.0 : otherwise;
}
// A lone operand of all()/any() still becomes a truth value.
inline double truth_of(double a) { return nan(a) ? kNaN : (a != 0.0 ? 1.0 : 0.0); }

// An overflow is unknown at the operation, as in the stack machine (program.cpp). Written as a comparison
// (false for NaN, which stays NaN) so that the loops stay vectorised.
inline double finite(double r) { return (r <= kLargest) & (r >= -kLargest) ? r : kNaN; }

template <OpCode kOp>
inline double binary(double a, double b) {
  if constexpr (kOp == OpCode::Add) return finite(a + b);
  else if constexpr (kOp == OpCode::Sub) return finite(a - b);
  else if constexpr (kOp == OpCode::Mul) return finite(a * b);
  else if constexpr (kOp == OpCode::Div) return b == 0.0 ? kNaN : finite(a / b);
  else if constexpr (kOp == OpCode::And || kOp == OpCode::All) return kleene_and(a, b);
  else if constexpr (kOp == OpCode::Or || kOp == OpCode::Any) return kleene_or(a, b);
  else if constexpr (kOp == OpCode::Default) return nan(a) ? b : a;
  else if constexpr (kOp == OpCode::Min) return nan(a) || nan(b) ? kNaN : std::min(a, b);
  else if constexpr (kOp == OpCode::Max) return nan(a) || nan(b) ? kNaN : std::max(a, b);
  else return compare<kOp>(a, b);
}

template <OpCode kOp>
void binary_rows(const double* __restrict a, const double* __restrict b, double* __restrict out) {
  for (std::size_t p = 0; p < B; ++p) out[p] = binary<kOp>(a[p], b[p]);
}

// `out` may be `a` (the stack slot the left operand already sits in): no __restrict on that pair.
template <OpCode kOp>
void binary_in_place(const double* a, const double* b, double* out) {
  if (a == out) {
    for (std::size_t p = 0; p < B; ++p) out[p] = binary<kOp>(out[p], b[p]);
  } else {
    binary_rows<kOp>(a, b, out);
  }
}

template <OpCode kOp>
void compare_const_rows(const double* __restrict a, double c, double* __restrict out) {
  for (std::size_t p = 0; p < B; ++p) out[p] = compare<kOp>(a[p], c);
}

// out = acc AND/OR (a `compare` c), in one pass: the fused tail of all(...)/any(...) over comparisons.
// Written with (known, holds) pairs rather than with compare() and kleene_and(): GCC 12 leaves the
// composition of those two unvectorised (it mixes boolean widths), and this form gives the same values.
template <OpCode kOp, bool kAny>
inline double fold_compare(double acc, double a, double c) {
  const double abs_a = a < 0.0 ? -a : a, abs_c = c < 0.0 ? -c : c;
  const double larger = abs_a > abs_c ? abs_a : abs_c;
  const double scale = larger > 1.0 ? larger : 1.0;
  const double difference = a - c;
  const bool equal = (difference < 0.0 ? -difference : difference) <= 1e-9 * scale;
  bool result;
  if constexpr (kOp == OpCode::Eq) result = equal | (a == c);
  else if constexpr (kOp == OpCode::Ne) result = !equal & (a != c);
  else if constexpr (kOp == OpCode::Lt) result = !equal & (a < c);
  else if constexpr (kOp == OpCode::Le) result = equal | (a <= c);
  else if constexpr (kOp == OpCode::Gt) result = !equal & (a > c);
  else result = equal | (a >= c);
  const bool term_known = !nan(a) & !nan(c);
  const bool term_holds = term_known & result;
  const bool acc_known = !nan(acc);
  const bool acc_holds = acc_known & (acc != 0.0);
  bool known, holds;
  if constexpr (kAny) {  // true dominates, then unknown
    holds = acc_holds | term_holds;
    known = holds | (acc_known & term_known);
  } else {  // false dominates, then unknown
    holds = acc_holds & term_holds;
    known = (acc_known & !acc_holds) | (term_known & !term_holds) | (acc_known & term_known);
  }
  const double truth = holds ? 1.0 : 0.0;
  return known ? truth : kNaN;
}

// `out` may be `acc` (the stack slot the running result sits in): a loop for each case, each free of
// aliasing, so that both vectorise.
template <OpCode kOp, bool kAny>
void fold_compare_const_rows(const double* acc, const double* __restrict a, double c, double* out) {
  if (acc == out) {
    double* __restrict in_place = out;
    for (std::size_t p = 0; p < B; ++p) in_place[p] = fold_compare<kOp, kAny>(in_place[p], a[p], c);
    return;
  }
  const double* __restrict from = acc;
  double* __restrict to = out;
  for (std::size_t p = 0; p < B; ++p) to[p] = fold_compare<kOp, kAny>(from[p], a[p], c);
}

template <bool kAny>
void apply_fold_compare_const(OpCode op, const double* acc, const double* a, double c, double* out) {
  switch (op) {
    case OpCode::Eq: return fold_compare_const_rows<OpCode::Eq, kAny>(acc, a, c, out);
    case OpCode::Ne: return fold_compare_const_rows<OpCode::Ne, kAny>(acc, a, c, out);
    case OpCode::Lt: return fold_compare_const_rows<OpCode::Lt, kAny>(acc, a, c, out);
    case OpCode::Le: return fold_compare_const_rows<OpCode::Le, kAny>(acc, a, c, out);
    case OpCode::Gt: return fold_compare_const_rows<OpCode::Gt, kAny>(acc, a, c, out);
    case OpCode::Ge: return fold_compare_const_rows<OpCode::Ge, kAny>(acc, a, c, out);
    default: return;
  }
}

void apply_binary(OpCode op, const double* a, const double* b, double* out) {
  switch (op) {
    case OpCode::Add: return binary_in_place<OpCode::Add>(a, b, out);
    case OpCode::Sub: return binary_in_place<OpCode::Sub>(a, b, out);
    case OpCode::Mul: return binary_in_place<OpCode::Mul>(a, b, out);
    case OpCode::Div: return binary_in_place<OpCode::Div>(a, b, out);
    case OpCode::Eq: return binary_in_place<OpCode::Eq>(a, b, out);
    case OpCode::Ne: return binary_in_place<OpCode::Ne>(a, b, out);
    case OpCode::Lt: return binary_in_place<OpCode::Lt>(a, b, out);
    case OpCode::Le: return binary_in_place<OpCode::Le>(a, b, out);
    case OpCode::Gt: return binary_in_place<OpCode::Gt>(a, b, out);
    case OpCode::Ge: return binary_in_place<OpCode::Ge>(a, b, out);
    case OpCode::And: case OpCode::All: return binary_in_place<OpCode::And>(a, b, out);
    case OpCode::Or: case OpCode::Any: return binary_in_place<OpCode::Or>(a, b, out);
    case OpCode::Default: return binary_in_place<OpCode::Default>(a, b, out);
    case OpCode::Min: return binary_in_place<OpCode::Min>(a, b, out);
    case OpCode::Max: return binary_in_place<OpCode::Max>(a, b, out);
    default: return;
  }
}

void apply_compare_const(OpCode op, const double* a, double c, double* out) {
  switch (op) {
    case OpCode::Eq: return compare_const_rows<OpCode::Eq>(a, c, out);
    case OpCode::Ne: return compare_const_rows<OpCode::Ne>(a, c, out);
    case OpCode::Lt: return compare_const_rows<OpCode::Lt>(a, c, out);
    case OpCode::Le: return compare_const_rows<OpCode::Le>(a, c, out);
    case OpCode::Gt: return compare_const_rows<OpCode::Gt>(a, c, out);
    case OpCode::Ge: return compare_const_rows<OpCode::Ge>(a, c, out);
    default: return;
  }
}

void apply_unary(OpCode op, const double* a, double* out) {
  switch (op) {
    case OpCode::Neg: for (std::size_t p = 0; p < B; ++p) out[p] = -a[p]; return;
    case OpCode::Abs: for (std::size_t p = 0; p < B; ++p) out[p] = std::abs(a[p]); return;
    case OpCode::Not:
      for (std::size_t p = 0; p < B; ++p) out[p] = nan(a[p]) ? kNaN : (a[p] == 0.0 ? 1.0 : 0.0);
      return;
    case OpCode::Known: for (std::size_t p = 0; p < B; ++p) out[p] = nan(a[p]) ? 0.0 : 1.0; return;
    case OpCode::All: case OpCode::Any: for (std::size_t p = 0; p < B; ++p) out[p] = truth_of(a[p]); return;
    default: for (std::size_t p = 0; p < B; ++p) out[p] = a[p]; return;
  }
}

bool is_comparison(OpCode op) {
  return op == OpCode::Eq || op == OpCode::Ne || op == OpCode::Lt || op == OpCode::Le || op == OpCode::Gt ||
         op == OpCode::Ge;
}

// and/or of `operands` values, all(...)/any(...) of two or more: the Kleene connectives.
bool is_connective(const Instr& in) {
  if (in.op == OpCode::And || in.op == OpCode::Or) return true;
  return (in.op == OpCode::All || in.op == OpCode::Any) && in.arg >= 2;
}

// A connective whose operands after the first are metric-vs-constant comparisons (the shape of nearly
// every condition) folds each of them into the first operand's slot as it goes: one pass per comparison,
// instead of one to compare and one to combine. Kleene's and/or are associative and the fold stays left
// to right, so the result is bit for bit the same.
bool fuse_connective(BlockProgram& block, const Instr& in) {
  using Op = BlockProgram::Op;
  const std::size_t operands = in.op == OpCode::And || in.op == OpCode::Or ? 2 : in.arg;
  const std::size_t tail = operands - 1;
  if (block.code.size() < operands) return false;
  const auto first_fused = block.code.end() - static_cast<std::ptrdiff_t>(tail);
  if (!std::all_of(first_fused, block.code.end(), [](const auto& i) { return i.kind == Op::CompareConst; })) return false;
  const Op fused = in.op == OpCode::And || in.op == OpCode::All ? Op::AndCompareConst : Op::OrCompareConst;
  for (auto it = first_fused; it != block.code.end(); ++it) it->kind = fused;
  return true;
}

}  // namespace

BlockLayout BlockLayout::identity(std::uint32_t inputs) {
  BlockLayout layout;
  for (std::uint32_t i = 0; i < inputs; ++i) layout.inputs.push_back(i);
  layout.column_of = layout.inputs;
  return layout;
}

BlockLayout BlockLayout::of(const RuleSet& rules) {
  BlockLayout layout;
  layout.column_of.assign(rules.layout().size(), kNoColumn);
  auto note = [&](const Program& program) {
    for (const Instr& in : program.code) {
      if ((in.op != OpCode::LoadSlot && in.op != OpCode::Doubt) || layout.column_of[in.arg] != kNoColumn) continue;
      layout.column_of[in.arg] = static_cast<std::uint32_t>(layout.inputs.size());
      layout.inputs.push_back(in.arg);
    }
  };
  for (const auto& finding : rules.findings) note(finding.condition);
  for (const auto& rec : rules.recommendations) {
    note(rec.condition);
    note(rec.priority);
  }
  return layout;
}

BlockProgram compile_block(const Program& program, const BlockLayout& layout) {
  using Op = BlockProgram::Op;
  BlockProgram block;
  block.constants = program.constants;
  std::size_t depth = 0;
  const auto& code = program.code;
  for (std::size_t pc = 0; pc < code.size(); ++pc) {
    const Instr& in = code[pc];
    switch (in.op) {
      case OpCode::LoadSlot:
        // metric <op> constant: one instruction, no column copied.
        if (pc + 2 < code.size() && code[pc + 1].op == OpCode::PushConst && is_comparison(code[pc + 2].op)) {
          block.code.push_back({Op::CompareConst, code[pc + 2].op, layout.column_of[in.arg], code[pc + 1].arg});
          pc += 2;
        } else {
          block.code.push_back({Op::Column, in.op, layout.column_of[in.arg], 0});
        }
        ++depth;
        break;
      case OpCode::LoadFinding: block.code.push_back({Op::FindingColumn, in.op, in.arg, 0}); ++depth; break;
      case OpCode::PushConst: block.code.push_back({Op::Const, in.op, in.arg, 0}); ++depth; break;
      case OpCode::Neg: case OpCode::Not: case OpCode::Abs: case OpCode::Known:
        block.code.push_back({Op::Unary, in.op, 0, 0});
        break;
      case OpCode::Doubt: block.code.push_back({Op::Doubt, in.op, layout.column_of[in.arg], 0}); break;
      case OpCode::Min: case OpCode::Max: case OpCode::All: case OpCode::Any:
        if (is_connective(in) && fuse_connective(block, in)) {
          depth -= in.arg - 1;
          break;
        }
        block.code.push_back({Op::Fold, in.op, in.arg, 0});
        depth -= in.arg - 1;
        break;
      default:  // the binary operators
        if (is_connective(in) && fuse_connective(block, in)) {
          --depth;
          break;
        }
        block.code.push_back({Op::Binary, in.op, 0, 0});
        --depth;
        break;
    }
    block.depth = std::max(block.depth, depth);
  }
  return block;
}

void run_block(const BlockProgram& program, const BlockColumns& columns, BlockScratch& scratch, double* out) {
  using Op = BlockProgram::Op;
  if (program.code.empty()) {  // a field that was never written knows nothing
    std::fill(out, out + B, kNaN);
    return;
  }
  if (scratch.stack.size() < program.depth * B) scratch.stack.resize(program.depth * B);
  // operand[d] is the value at stack depth d: a column of the inputs, or the stack slot d itself.
  constexpr std::size_t kInlineDepth = 64;
  const double* inline_operands[kInlineDepth];
  std::vector<const double*> large;
  const double** operand = inline_operands;
  if (program.depth > kInlineDepth) {
    large.resize(program.depth);
    operand = large.data();
  }
  double* const stack = scratch.stack.data();
  auto slot = [stack](std::size_t d) { return stack + d * B; };
  std::size_t top = 0;
  for (const auto& in : program.code) {
    switch (in.kind) {
      case Op::Column: operand[top++] = columns.inputs.data() + in.arg * B; break;
      case Op::FindingColumn: operand[top++] = columns.findings.data() + in.arg * B; break;
      case Op::Const: {
        double* s = slot(top);
        std::fill(s, s + B, program.constants[in.arg]);
        operand[top++] = s;
        break;
      }
      case Op::CompareConst: {
        double* s = slot(top);
        apply_compare_const(in.op, columns.inputs.data() + in.arg * B, program.constants[in.arg2], s);
        operand[top++] = s;
        break;
      }
      case Op::AndCompareConst:
      case Op::OrCompareConst: {
        // Folds into the running result below it: the stack does not grow.
        double* s = slot(top - 1);
        const double* input = columns.inputs.data() + in.arg * B;
        const double c = program.constants[in.arg2];
        if (in.kind == Op::AndCompareConst)
          apply_fold_compare_const<false>(in.op, operand[top - 1], input, c, s);
        else
          apply_fold_compare_const<true>(in.op, operand[top - 1], input, c, s);
        operand[top - 1] = s;
        break;
      }
      case Op::Unary: {
        double* s = slot(top - 1);
        apply_unary(in.op, operand[top - 1], s);
        operand[top - 1] = s;
        break;
      }
      case Op::Doubt: {
        double* s = slot(top - 1);
        const double* value = operand[top - 1];
        const double* trust = columns.inputs.data() + in.arg * B;
        for (std::size_t p = 0; p < B; ++p) s[p] = nan(trust[p]) ? kNaN : value[p];
        operand[top - 1] = s;
        break;
      }
      case Op::Binary: {
        double* s = slot(top - 2);
        apply_binary(in.op, operand[top - 2], operand[top - 1], s);
        operand[top - 2] = s;
        --top;
        break;
      }
      case Op::Fold: {
        const std::size_t base = top - in.arg;
        double* s = slot(base);
        if (in.arg == 1) {
          apply_unary(in.op, operand[base], s);
        } else {
          apply_binary(in.op, operand[base], operand[base + 1], s);
          for (std::size_t i = 2; i < in.arg; ++i) apply_binary(in.op, s, operand[base + i], s);
        }
        operand[base] = s;
        top = base + 1;
        break;
      }
    }
  }
  // An overflow to infinity is no more a usable figure than NaN: both read as unknown.
  const double* result = operand[top - 1];
  for (std::size_t p = 0; p < B; ++p) out[p] = std::isfinite(result[p]) ? result[p] : kNaN;
}

FindingsBlockProgram::FindingsBlockProgram(const RuleSet& rules, const BlockLayout& layout)
    : order_(rules.finding_order) {
  programs_.reserve(rules.findings.size());
  for (const auto& finding : rules.findings) programs_.push_back(compile_block(finding.condition, layout));
}

void FindingsBlockProgram::run(BlockColumns& columns, BlockScratch& scratch) const {
  // Every finding is in the order and writes its whole column: no need to clear the block first.
  columns.findings.resize(programs_.size() * B);
  for (const std::uint32_t f : order_) run_block(programs_[f], columns, scratch, columns.findings.data() + f * B);
}

}  // namespace rapport::engine
