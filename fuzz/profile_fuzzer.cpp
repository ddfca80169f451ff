// Fuzzes a TOML profile through what `rapport assess` does with it: load it against the bundled rules,
// render each diagnostic with its caret, and evaluate it when it loads.
#include <cstdint>
#include <string>

#include "engine/assessment.hpp"
#include "engine/profile.hpp"
#include "fuzz/bundled_rules.hpp"

using namespace rapport;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const engine::RuleSet& rules = fuzz::bundled_rules();
  dsl::SourceMap sources;
  const dsl::SourceFile& source = sources.add("fuzz.toml", std::string(reinterpret_cast<const char*>(data), size));
  const engine::ProfileResult result = engine::load_profile(source, rules);
  for (const auto& d : result.diagnostics) (void)dsl::render(d, sources);
  if (result.profile) (void)engine::evaluate(rules, *result.profile);
  return 0;
}
