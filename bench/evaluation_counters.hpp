// The timed loops of the evaluation benchmarks and their counters, shared by the core (bench_evaluation.cpp)
// and the growth table (bench_growth.cpp), so both time exactly the same code.
#pragma once

#include <benchmark/benchmark.h>

#include <vector>

#include "bench/bench_setup.hpp"

namespace rapport::bench {

// ns_per_profile_rule: CPU time per profile × rule; profiles_per_second; and the fire rate checked.
inline void set_evaluation_counters(benchmark::State& state, const SyntheticSetup& setup) {
  const double evaluations = static_cast<double>(setup.inputs->profiles) * setup.shape.rules;
  // An inverted rate of (evaluations × 1e-9) per second is nanoseconds per evaluation.
  state.counters["ns_per_profile_rule"] = benchmark::Counter(
      evaluations * 1e-9, benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
  state.counters["profiles_per_second"] = benchmark::Counter(static_cast<double>(setup.inputs->profiles),
                                                             benchmark::Counter::kIsIterationInvariantRate);
  state.counters["rules"] = setup.shape.rules;
  state.counters["profiles"] = static_cast<double>(setup.inputs->profiles);
  state.counters["fire_rate"] = setup.fire_rate;
}

// One profile at a time; the findings are written to memory after every profile, as Rapport's are.
inline void run_native(benchmark::State& state, const SyntheticSetup& setup) {
  std::vector<double> findings(setup.shape.rules);
  for (auto _ : state) {
    for (std::size_t p = 0; p < setup.inputs->profiles; ++p) {
      setup.native(setup.inputs->row(p), findings.data());
      benchmark::DoNotOptimize(findings.data());
      benchmark::ClobberMemory();
    }
  }
}

inline void run_interpreter(benchmark::State& state, const SyntheticSetup& setup) {
  std::vector<double> findings(setup.shape.rules);
  for (auto _ : state) {
    for (std::size_t p = 0; p < setup.inputs->profiles; ++p) {
      interpret(setup.rules, setup.inputs->slot_row(p), findings.data());
      benchmark::DoNotOptimize(findings.data());
      benchmark::ClobberMemory();
    }
  }
}

#if RAPPORT_BENCH_BLOCK
// A block of kBlockSize profiles at a time; copying a block's slot columns in is part of the time.
inline void run_block(benchmark::State& state, const SyntheticSetup& setup) {
  BlockEvaluation block(setup.rules, *setup.inputs);
  const std::size_t blocks = (setup.inputs->profiles + kColumnRows - 1) / kColumnRows;
  for (auto _ : state) {
    for (std::size_t b = 0; b < blocks; ++b) {
      block.run(b);
      benchmark::ClobberMemory();
    }
  }
}
#endif

}  // namespace rapport::bench
