// The agreement check (see agreement.hpp), a block of profiles at a time.
#include "bench/agreement.hpp"

#include <algorithm>
#include <span>

#include <fmt/format.h>

#include "engine/assessment.hpp"
#include "engine/batch_evaluate.hpp"

namespace rapport::bench {

namespace {

const char* verdict_name(engine::Verdict v) {
  switch (v) {
    case engine::Verdict::Fired: return "fired";
    case engine::Verdict::NotFired: return "not fired";
    case engine::Verdict::Unknown: return "unknown";
  }
  return "?";
}

// Verdicts of one evaluator for a block: [row * rules + rule].
using Verdicts = std::vector<engine::Verdict>;

class VerdictCheck {
 public:
  VerdictCheck(const engine::RuleSet& rules, const WorkloadInputs& inputs) : rules_(rules), inputs_(inputs) {}

  // Records the first place where `theirs` differs from the native verdicts of the same block.
  void compare(const char* evaluator, std::size_t first, std::size_t count, const Verdicts& native,
               const Verdicts& theirs, Agreement& agreement) const {
    if (agreement.difference) return;
    const std::size_t n = rules_.findings.size();
    for (std::size_t i = 0; i < count * n; ++i) {
      if (native[i] == theirs[i]) continue;
      const std::size_t p = first + i / n;
      const std::size_t r = i % n;
      std::string values;
      for (std::uint32_t m = 0; m < inputs_.metrics; ++m) values += fmt::format(" {}", inputs_.row(p)[m]);
      agreement.difference = fmt::format("profile {}, {} ({}): native says {}, {} says {}; values:{}", p,
                                         finding_id(static_cast<std::uint32_t>(r)), rules_.findings[r].id,
                                         verdict_name(native[i]), evaluator, verdict_name(theirs[i]), values);
      return;
    }
  }

 private:
  const engine::RuleSet& rules_;
  const WorkloadInputs& inputs_;
};

}  // namespace

Agreement check_agreement(const engine::RuleSet& rules, const WorkloadInputs& inputs, NativeProgram native,
                          const std::vector<engine::Profile>* profiles) {
  const std::size_t n = rules.findings.size();
  expect_workload_findings(rules, static_cast<std::uint32_t>(n));
  Agreement agreement;
  const VerdictCheck check(rules, inputs);
  Verdicts native_verdicts(kColumnRows * n), theirs(kColumnRows * n);
  std::vector<double> findings(n);
  std::vector<engine::BatchOutcome> outcomes(kColumnRows);
  engine::BatchEvaluator batch(rules);
#if RAPPORT_BENCH_BLOCK
  BlockEvaluation block(rules, inputs);
#endif

  for (std::size_t first = 0; first < inputs.profiles; first += kColumnRows) {
    const std::size_t count = std::min(kColumnRows, inputs.profiles - first);
    for (std::size_t i = 0; i < count; ++i) {
      native(inputs.row(first + i), findings.data());
      for (std::size_t r = 0; r < n; ++r) native_verdicts[i * n + r] = engine::verdict_of(findings[r]);
    }
    for (std::size_t i = 0; i < count * n; ++i) {
      agreement.fired += native_verdicts[i] == engine::Verdict::Fired;
      agreement.unknown += native_verdicts[i] == engine::Verdict::Unknown;
    }
    agreement.verdicts += count * n;

    for (std::size_t i = 0; i < count; ++i) {
      interpret(rules, inputs.slot_row(first + i), findings.data());
      for (std::size_t r = 0; r < n; ++r) theirs[i * n + r] = engine::verdict_of(findings[r]);
    }
    check.compare("the interpreter", first, count, native_verdicts, theirs, agreement);

#if RAPPORT_BENCH_BLOCK
    block.run(first / kColumnRows);
    for (std::size_t i = 0; i < count; ++i)
      for (std::uint32_t r = 0; r < n; ++r) theirs[i * n + r] = engine::verdict_of(block.finding(r, i));
    check.compare("the block evaluator", first, count, native_verdicts, theirs, agreement);
#endif

    if (profiles) {
      batch.evaluate(std::span(*profiles).subspan(first, count), std::span(outcomes).first(count));
      std::fill(theirs.begin(), theirs.end(), engine::Verdict::NotFired);
      for (std::size_t i = 0; i < count; ++i) {
        for (const std::uint32_t f : outcomes[i].fired_findings) theirs[i * n + f] = engine::Verdict::Fired;
        for (const std::uint32_t f : outcomes[i].unknown_findings) theirs[i * n + f] = engine::Verdict::Unknown;
      }
      check.compare("BatchEvaluator", first, count, native_verdicts, theirs, agreement);
    }
  }
  return agreement;
}

}  // namespace rapport::bench
