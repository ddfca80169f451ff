// (b) Loading rules: parse, check and compile rule text already in memory (what cli::load_rules does
// after reading the files), for the synthetic rule files and for the bundled rules/. Reports the time
// per load and the rule text's throughput (bytes_per_second). loading_* is what assess and batch do
// (errors only); checking_* adds the lints of rapport check, the condition prover among them.
#include <benchmark/benchmark.h>

#include "bench/native_programs.hpp"
#include "bench/rule_texts.hpp"
#include "bench/workload.hpp"

namespace rapport::bench {
namespace {

void load(benchmark::State& state, const std::vector<RuleText>& texts, engine::CheckFor purpose) {
  for (auto _ : state) {
    engine::CheckResult result = check_rule_texts(texts, purpose);
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

std::vector<RuleText> synthetic_texts(benchmark::State& state) {
  const WorkloadShape shape = native_shape(static_cast<std::uint32_t>(state.range(0)));
  return {{"synthetic.rules", rules_text(shape, make_rules(shape))}};
}

std::vector<RuleText> bundled_texts() { return read_rule_texts(std::string(RAPPORT_SOURCE_DIR) + "/rules"); }

void loading_synthetic_rules(benchmark::State& state) { load(state, synthetic_texts(state), engine::CheckFor::Evaluation); }
void loading_bundled_rules(benchmark::State& state) { load(state, bundled_texts(), engine::CheckFor::Evaluation); }
void checking_synthetic_rules(benchmark::State& state) { load(state, synthetic_texts(state), engine::CheckFor::Everything); }
void checking_bundled_rules(benchmark::State& state) { load(state, bundled_texts(), engine::CheckFor::Everything); }

BENCHMARK(loading_synthetic_rules)->ArgName("rules")->Arg(100)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);
BENCHMARK(loading_bundled_rules)->Unit(benchmark::kMillisecond);
BENCHMARK(checking_synthetic_rules)->ArgName("rules")->Arg(100)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);
BENCHMARK(checking_bundled_rules)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace rapport::bench
