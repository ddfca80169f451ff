// The ways the benchmarks evaluate the synthetic workload, shared by the benchmarks, the callgrind
// runs and the agreement check, so that what is timed is what is checked:
//   native       the generated straight-line program (native_codegen.hpp), one profile at a time;
//   interpreter  Rapport's stack machine, engine::run per finding per profile (the scalar baseline);
//   block        Rapport's block evaluator, FindingsBlockProgram over kBlockSize profiles in columns.
#pragma once

#include <cstdint>
#include <vector>

#include "bench/workload.hpp"
#include "engine/model.hpp"

#if RAPPORT_BENCH_BLOCK
#include "engine/block_program.hpp"
#endif

namespace rapport::bench {

// A generated native program: values by metric index in, one truth per rule out.
using NativeProgram = void (*)(const double* values, double* findings);

// The synthetic profiles laid out for each evaluator. `rows` feeds the native program (by metric) and
// `slot_rows` the interpreter (by the rule set's slots); `blocks` holds the slot values of each block
// of kBlockSize profiles column-major, as BlockColumns::inputs begins.
struct WorkloadInputs {
  std::uint32_t metrics = 0;
  std::uint32_t slots = 0;
  std::size_t profiles = 0;
  std::vector<double> rows;
  std::vector<double> slot_rows;
  std::vector<double> blocks;

  WorkloadInputs(const engine::RuleSet& rules, const WorkloadShape& shape, std::vector<double> values);
  const double* row(std::size_t p) const { return rows.data() + p * metrics; }
  const double* slot_row(std::size_t p) const { return slot_rows.data() + p * slots; }
};

constexpr std::size_t kColumnRows = 256;  // profiles per block: engine::kBlockSize when it is there

// The interpreter: every finding of `rules` in evaluation order, as engine::evaluate runs them.
inline void interpret(const engine::RuleSet& rules, const double* inputs, double* findings) {
  for (const std::uint32_t f : rules.finding_order) findings[f] = engine::run(rules.findings[f].condition, inputs, findings);
}

// Throws unless finding r of `rules` is the workload's rule r (rule_0000, rule_0001, ...).
void expect_workload_findings(const engine::RuleSet& rules, std::uint32_t rule_count);

#if RAPPORT_BENCH_BLOCK
static_assert(kColumnRows == engine::kBlockSize);

// The block evaluator with its reused buffers; `run` evaluates block b of the inputs.
class BlockEvaluation {
 public:
  BlockEvaluation(const engine::RuleSet& rules, const WorkloadInputs& inputs);
  // Fills findings() for block b; returns how many profiles it holds.
  std::size_t run(std::size_t block);
  // Truth of finding f for row p of the last block run.
  double finding(std::uint32_t f, std::size_t p) const { return columns_.findings[f * kColumnRows + p]; }

 private:
  const WorkloadInputs& inputs_;
  engine::BlockLayout layout_;  // the columns the rules read: here, the slots they compare
  engine::FindingsBlockProgram program_;
  engine::BlockColumns columns_;
  engine::BlockScratch scratch_;
};
#endif

}  // namespace rapport::bench
