// (b) Loading rules: parse, check and compile rule text already in memory (what cli::load_rules does
// after reading the files), for the synthetic rule files and for the bundled rules/. Reports the time
// per load and the rule text's throughput (bytes_per_second).
#include <benchmark/benchmark.h>

#include "bench/native_programs.hpp"
#include "bench/rule_texts.hpp"
#include "bench/workload.hpp"

namespace rapport::bench {
namespace {

void load(benchmark::State& state, const std::vector<RuleText>& texts) {
  for (auto _ : state) {
    engine::CheckResult result = check_rule_texts(texts);
    if (!result.rules) {
      state.SkipWithError("the rules do not check");
      return;
    }
    benchmark::DoNotOptimize(result);
  }
  const auto bytes = static_cast<std::int64_t>(total_size(texts));
  state.SetBytesProcessed(state.iterations() * bytes);
  state.counters["rule_bytes"] = static_cast<double>(bytes);
}

void loading_synthetic_rules(benchmark::State& state) {
  const WorkloadShape shape = native_shape(static_cast<std::uint32_t>(state.range(0)));
  load(state, {{"synthetic.rules", rules_text(shape, make_rules(shape))}});
}

void loading_bundled_rules(benchmark::State& state) {
  load(state, read_rule_texts(std::string(RAPPORT_SOURCE_DIR) + "/rules"));
}

BENCHMARK(loading_synthetic_rules)->ArgName("rules")->Arg(100)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);
BENCHMARK(loading_bundled_rules)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace rapport::bench
