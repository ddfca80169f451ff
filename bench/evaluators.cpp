// Laying the synthetic profiles out for each evaluator, and the block evaluator's loop (see evaluators.hpp).
#include "bench/evaluators.hpp"

#include <algorithm>
#include <stdexcept>

#include "bench/profiles.hpp"

namespace rapport::bench {

WorkloadInputs::WorkloadInputs(const engine::RuleSet& rules, const WorkloadShape& shape, std::vector<double> values)
    : metrics(shape.metrics),
      slots(static_cast<std::uint32_t>(rules.slots.size())),
      profiles(values.size() / shape.metrics),
      rows(std::move(values)) {
  const std::vector<std::uint32_t> slot_of = synthetic_slots(rules, metrics);
  slot_rows.assign(profiles * slots, engine::kUnknown);
  const std::size_t block_count = (profiles + kColumnRows - 1) / kColumnRows;
  blocks.assign(block_count * slots * kColumnRows, engine::kUnknown);
  for (std::size_t p = 0; p < profiles; ++p) {
    double* block = blocks.data() + (p / kColumnRows) * slots * kColumnRows;
    for (std::uint32_t m = 0; m < metrics; ++m) {
      slot_rows[p * slots + slot_of[m]] = rows[p * metrics + m];
      block[slot_of[m] * kColumnRows + p % kColumnRows] = rows[p * metrics + m];
    }
  }
}

void expect_workload_findings(const engine::RuleSet& rules, std::uint32_t rule_count) {
  if (rules.findings.size() != rule_count) throw std::runtime_error("the rule set does not hold the workload's rules");
  for (std::uint32_t r = 0; r < rule_count; ++r) {
    if (rules.findings[r].id != finding_id(r))
      throw std::runtime_error("finding " + std::to_string(r) + " is " + rules.findings[r].id + ", not " + finding_id(r));
  }
}

#if RAPPORT_BENCH_BLOCK
BlockEvaluation::BlockEvaluation(const engine::RuleSet& rules, const WorkloadInputs& inputs)
    : inputs_(inputs), layout_(engine::BlockLayout::of(rules)), program_(rules, layout_) {
  columns_.inputs.assign(layout_.inputs.size() * kColumnRows, engine::kUnknown);
}

std::size_t BlockEvaluation::run(std::size_t block) {
  // Each column the rules read is a slot (InputLayout::value(slot) == slot); statistics, which no
  // synthetic rule reads, would stay unknown.
  const double* from = inputs_.blocks.data() + block * inputs_.slots * kColumnRows;
  for (std::size_t c = 0; c < layout_.inputs.size(); ++c) {
    const std::uint32_t input = layout_.inputs[c];
    if (input < inputs_.slots)
      std::copy_n(from + input * kColumnRows, kColumnRows, columns_.inputs.begin() + static_cast<std::ptrdiff_t>(c * kColumnRows));
  }
  columns_.count = std::min(kColumnRows, inputs_.profiles - block * kColumnRows);
  program_.run(columns_, scratch_);
  return columns_.count;
}
#endif

}  // namespace rapport::bench
