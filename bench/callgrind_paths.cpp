// rapport-bench-callgrind: runs one key path for valgrind --tool=callgrind to count its instructions,
// which, unlike times, do not change when the machine is busy. Setup runs outside the count: run it
// with --toggle-collect='measured_*' so that only the measured_* function below is counted.
//   rapport-bench-callgrind load-rules DIR            parse, check (errors only, as assess does) and compile
//   rapport-bench-callgrind assess DIR PROFILE        load one profile and evaluate it (engine::evaluate)
//   rapport-bench-callgrind block|interpreter|native  one block of 256 synthetic profiles × 1000 rules
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "bench/bench_setup.hpp"
#include "bench/rule_texts.hpp"
#include "cli/file_io.hpp"
#include "dsl/source_file.hpp"
#include "engine/assessment.hpp"

using namespace rapport;
using namespace rapport::bench;

// The measured paths: plain names callgrind's --toggle-collect can match, kept out of line.
extern "C" {
[[gnu::noinline]] std::size_t measured_load_rules(const std::vector<RuleText>* texts) {
  return check_rule_texts(*texts, engine::CheckFor::Evaluation).rules->findings.size();
}

[[gnu::noinline]] std::size_t measured_assess(const engine::RuleSet* rules, const dsl::SourceFile* profile) {
  engine::ProfileResult loaded = engine::load_profile(*profile, *rules);
  return engine::evaluate(*rules, *loaded.profile).ranking.size();
}

[[gnu::noinline]] void measured_native(const SyntheticSetup* setup, double* findings) {
  for (std::size_t p = 0; p < kColumnRows; ++p) setup->native(setup->inputs->row(p), findings + p * setup->shape.rules);
}

[[gnu::noinline]] void measured_interpreter(const SyntheticSetup* setup, double* findings) {
  for (std::size_t p = 0; p < kColumnRows; ++p)
    interpret(setup->rules, setup->inputs->slot_row(p), findings + p * setup->shape.rules);
}

#if RAPPORT_BENCH_BLOCK
[[gnu::noinline]] void measured_block(BlockEvaluation* block) { block->run(0); }
#endif
}

namespace {

int usage() {
  std::fprintf(stderr, "usage: rapport-bench-callgrind load-rules DIR | assess DIR PROFILE | block | interpreter | native\n");
  return 2;
}

int run_block_path(const std::string& path) {
  constexpr std::uint32_t kRules = 1000;
  const SyntheticSetup& setup = synthetic_setup(kRules, kColumnRows, EngineProfiles::Without, kColumnRows);
  std::vector<double> findings(kColumnRows * kRules);
  if (path == "native") measured_native(&setup, findings.data());
  if (path == "interpreter") measured_interpreter(&setup, findings.data());
  if (path == "block") {
#if RAPPORT_BENCH_BLOCK
    BlockEvaluation block(setup.rules, *setup.inputs);
    measured_block(&block);
#else
    std::fprintf(stderr, "rapport-bench-callgrind: this build has no block evaluator (engine/block_program.cpp)\n");
    return 3;
#endif
  }
  std::printf("%s: %zu profiles x %u rules\n", path.c_str(), kColumnRows, kRules);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return usage();
  const std::string path = argv[1];
  try {
    if (path == "load-rules" && argc == 3) {
      const std::vector<RuleText> texts = read_rule_texts(argv[2]);
      std::printf("%zu findings\n", measured_load_rules(&texts));
      return 0;
    }
    if (path == "assess" && argc == 4) {
      const engine::RuleSet rules = load_rule_texts(read_rule_texts(argv[2]));
      const dsl::SourceFile profile(argv[3], cli::read_text_file(argv[3]));
      std::printf("%zu recommendations ranked\n", measured_assess(&rules, &profile));
      return 0;
    }
    if (path == "block" || path == "interpreter" || path == "native") return run_block_path(path);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "rapport-bench-callgrind: %s\n", e.what());
    return 1;
  }
  return usage();
}
