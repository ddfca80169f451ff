// (a) The evaluation core: the synthetic workload of 32 share metrics × 1,000 rules × 100,000 profiles,
// evaluated by the native program, Rapport's interpreter, its block evaluator and BatchEvaluator.
// Every benchmark reports ns_per_profile_rule (CPU time per profile × rule) and profiles per second.
#include <benchmark/benchmark.h>

#include <span>

#include "bench/bench_setup.hpp"
#include "bench/evaluation_counters.hpp"
#include "engine/batch_evaluate.hpp"

namespace rapport::bench {
namespace {

constexpr std::uint32_t kRules = 1000;
constexpr std::size_t kProfiles = 100'000;
constexpr std::size_t kBatchChunk = 1024;  // profiles per BatchEvaluator::evaluate call

// All benchmarks of the core share one setup: engine profiles included, every profile checked.
const SyntheticSetup& core() { return synthetic_setup(kRules, kProfiles, EngineProfiles::With, kProfiles); }

void evaluation_native(benchmark::State& state) {
  const SyntheticSetup& setup = core();
  run_native(state, setup);
  set_evaluation_counters(state, setup);
}

void evaluation_interpreter(benchmark::State& state) {
  const SyntheticSetup& setup = core();
  run_interpreter(state, setup);
  set_evaluation_counters(state, setup);
}

#if RAPPORT_BENCH_BLOCK
void evaluation_block(benchmark::State& state) {
  const SyntheticSetup& setup = core();
  run_block(state, setup);
  set_evaluation_counters(state, setup);
}
BENCHMARK(evaluation_block)->Unit(benchmark::kMillisecond);
#endif

// The full engine path of `rapport batch`: evidence, every finding, recommendations, ranking, outcomes.
void evaluation_batch_evaluator(benchmark::State& state) {
  const SyntheticSetup& setup = core();
  engine::BatchEvaluator evaluator(setup.rules);
  std::vector<engine::BatchOutcome> outcomes(kBatchChunk);
  const std::span<const engine::Profile> profiles(setup.profiles);
  for (auto _ : state) {
    for (std::size_t first = 0; first < profiles.size(); first += kBatchChunk) {
      const std::size_t n = std::min(kBatchChunk, profiles.size() - first);
      evaluator.evaluate(profiles.subspan(first, n), std::span(outcomes).first(n));
      benchmark::DoNotOptimize(outcomes.data());
      benchmark::ClobberMemory();
    }
  }
  set_evaluation_counters(state, setup);
}

BENCHMARK(evaluation_native)->Unit(benchmark::kMillisecond);
BENCHMARK(evaluation_interpreter)->Unit(benchmark::kMillisecond);
BENCHMARK(evaluation_batch_evaluator)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace rapport::bench
