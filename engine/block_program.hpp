// Block evaluation: a compiled Program run over a block of profiles at once. Each instruction loops over
// up to kBlockSize profiles, so the interpreter's dispatch is paid once per block instead of once per
// profile, and the loops are simple enough for the compiler to vectorise. Same three-valued semantics,
// bit for bit, as run() (program.hpp); the tests hold them to it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "engine/model.hpp"
#include "engine/program.hpp"

namespace rapport::engine {

constexpr std::size_t kBlockSize = 256;

// Which inputs a block holds: only those some program reads, so that a block of profiles stays small
// enough for the cache (most statistics are read by no rule).
struct BlockLayout {
  static constexpr std::uint32_t kNoColumn = ~std::uint32_t{0};
  std::vector<std::uint32_t> inputs;     // column c holds input inputs[c] (InputLayout numbering)
  std::vector<std::uint32_t> column_of;  // by input: its column, or kNoColumn when no program reads it

  static BlockLayout of(const RuleSet& rules);        // what the rule set's programs read
  static BlockLayout identity(std::uint32_t inputs);  // every input, column i = input i
};

// Inputs and findings of a block are column-major: column c of profile p is at [c * kBlockSize + p].
struct BlockColumns {
  std::vector<double> inputs;    // BlockLayout::inputs.size() columns
  std::vector<double> findings;  // one column per finding
  std::size_t count = 0;         // profiles in the block (<= kBlockSize)
};

// A Program rewritten for blocks: loads become references to columns, and common shapes (a metric
// compared with a constant) become single instructions.
struct BlockProgram {
  enum class Op : std::uint8_t {
    Column,         // push input column arg
    FindingColumn,  // push findings column arg
    Const,          // push constants[arg] in every row
    CompareConst,   // push (input column arg) `compare` constants[arg2]: the shape of most conditions
    AndCompareConst,  // top = top and ((input column arg) `op` constants[arg2]): a fused all(...)/and
    OrCompareConst,   // top = top or ((input column arg) `op` constants[arg2]): a fused any(...)/or
    Unary,          // apply `op` (Neg, Not, Abs, Known) to the top
    Doubt,          // the top becomes unknown where input column arg is unknown
    Binary,         // apply `op` (Add ... Or, Default) to the two top values
    Fold,           // fold the arg top values with `op` (Min, Max, All, Any), left to right
  };
  struct Instr {
    Op kind;
    OpCode op = OpCode::PushConst;  // the Program operation it performs
    std::uint32_t arg = 0;
    std::uint32_t arg2 = 0;
  };
  std::vector<Instr> code;
  std::vector<double> constants;
  std::size_t depth = 0;  // stack slots it needs
};

BlockProgram compile_block(const Program& program, const BlockLayout& layout);

// Scratch space for run_block; reuse it across calls (one per thread).
struct BlockScratch {
  std::vector<double> stack;  // depth × kBlockSize
};

// out[p] = run(program, inputs of profile p, findings of profile p) for p < columns.count.
void run_block(const BlockProgram& program, const BlockColumns& columns, BlockScratch& scratch, double* out);

// Every finding of a rule set, compiled for blocks, in evaluation order (dependencies first).
class FindingsBlockProgram {
 public:
  FindingsBlockProgram(const RuleSet& rules, const BlockLayout& layout);
  // Fills columns.findings (resized to findings × kBlockSize) from columns.inputs.
  void run(BlockColumns& columns, BlockScratch& scratch) const;

 private:
  std::vector<std::uint32_t> order_;
  std::vector<BlockProgram> programs_;  // by finding index
};

}  // namespace rapport::engine
