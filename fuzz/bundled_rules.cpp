// Loading the bundled rules for the fuzzers (see bundled_rules.hpp).
#include "fuzz/bundled_rules.hpp"

#include <cstdio>
#include <cstdlib>

#include "cli/rule_loading.hpp"

namespace rapport::fuzz {

const engine::RuleSet& bundled_rules() {
  static const engine::RuleSet rules = [] {
    dsl::SourceMap sources;
    cli::LoadedRules loaded = cli::load_rules({RAPPORT_SOURCE_DIR "/rules"}, sources, engine::CheckFor::Evaluation);
    if (!loaded.rules) {
      std::fprintf(stderr, "fuzz: the bundled rules in %s/rules do not load\n", RAPPORT_SOURCE_DIR);
      std::abort();
    }
    return std::move(*loaded.rules);
  }();
  return rules;
}

}  // namespace rapport::fuzz
