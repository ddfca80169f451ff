// (c) How the evaluation cost grows: M in {100, 1000, 10000} rules × P in {1e3, 1e4, 1e5} profiles, for
// the native program, the interpreter and the block evaluator. Registered shape by shape, so the
// evaluators of one shape share its setup (each shape is checked against the native program first).
#include <benchmark/benchmark.h>

#include "bench/bench_setup.hpp"
#include "bench/evaluation_counters.hpp"

namespace rapport::bench {
namespace {

constexpr std::size_t kChecked = 10'000;  // profiles of each shape compared with the native program

template <void (*Run)(benchmark::State&, const SyntheticSetup&)>
void growth(benchmark::State& state) {
  const SyntheticSetup& setup = synthetic_setup(static_cast<std::uint32_t>(state.range(0)),
                                                static_cast<std::size_t>(state.range(1)), EngineProfiles::Without,
                                                kChecked);
  Run(state, setup);
  set_evaluation_counters(state, setup);
}

const bool registered = [] {
  for (const std::int64_t rules : {100, 1000, 10000}) {
    for (const std::int64_t profiles : {1000, 10000, 100000}) {
      auto add = [&](const char* name, void (*fn)(benchmark::State&)) {
        benchmark::RegisterBenchmark(name, fn)
            ->Args({rules, profiles})
            ->ArgNames({"rules", "profiles"})
            ->Unit(benchmark::kMillisecond);
      };
      add("growth_native", growth<run_native>);
      add("growth_interpreter", growth<run_interpreter>);
#if RAPPORT_BENCH_BLOCK
      add("growth_block", growth<run_block>);
#endif
    }
  }
  return true;
}();

}  // namespace
}  // namespace rapport::bench
