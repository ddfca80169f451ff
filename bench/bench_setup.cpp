// Building and checking the benchmarks' workload (see bench_setup.hpp).
#include "bench/bench_setup.hpp"

#include <algorithm>
#include <cstdlib>
#include <tuple>

#include <fmt/format.h>

#include "bench/agreement.hpp"
#include "bench/native_programs.hpp"
#include "bench/profiles.hpp"
#include "bench/rule_texts.hpp"

namespace rapport::bench {

namespace {

std::unique_ptr<SyntheticSetup> build(std::uint32_t rules, std::size_t profiles, EngineProfiles engine_profiles,
                                      std::size_t checked) {
  auto setup = std::make_unique<SyntheticSetup>();
  setup->shape = native_shape(rules);
  setup->native = native_program(rules);
  setup->rules = load_rule_texts({{"synthetic.rules", rules_text(setup->shape, make_rules(setup->shape))}});
  std::vector<double> values = make_profiles(setup->shape, static_cast<std::uint32_t>(profiles));

  // The check runs on the first `checked` profiles, the same ones the full workload starts with.
  const std::size_t n = std::min(checked, profiles);
  const std::vector<double> head(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(n * setup->shape.metrics));
  const WorkloadInputs head_inputs(setup->rules, setup->shape, head);
  std::vector<engine::Profile> head_profiles;
  if (engine_profiles == EngineProfiles::With) head_profiles = synthetic_profiles(setup->rules, setup->shape, head);
  const Agreement agreement = check_agreement(setup->rules, head_inputs, setup->native,
                                              engine_profiles == EngineProfiles::With ? &head_profiles : nullptr);
  if (agreement.difference) {
    fmt::print(stderr, "rapport-bench: Rapport disagrees with the native program ({} rules): {}\n", rules,
               *agreement.difference);
    std::abort();
  }
  setup->fire_rate = agreement.fire_rate();
  fmt::print(stderr, "rapport-bench: {} rules × {} profiles: {} profiles checked against the native program{}, "
             "{:.1f}% of verdicts fired, {:.1f}% unknown\n", rules, profiles, n,
             engine_profiles == EngineProfiles::With ? " (BatchEvaluator too)" : "", 100.0 * agreement.fire_rate(),
             100.0 * static_cast<double>(agreement.unknown) / static_cast<double>(agreement.verdicts));

  if (engine_profiles == EngineProfiles::With) setup->profiles = synthetic_profiles(setup->rules, setup->shape, values);
  setup->inputs = std::make_unique<WorkloadInputs>(setup->rules, setup->shape, std::move(values));
  return setup;
}

}  // namespace

const SyntheticSetup& synthetic_setup(std::uint32_t rules, std::size_t profiles, EngineProfiles engine_profiles,
                                      std::size_t checked) {
  // Benchmarks register one shape after another; keeping only the last bounds memory.
  static std::unique_ptr<SyntheticSetup> last;
  static std::tuple<std::uint32_t, std::size_t, EngineProfiles> last_key;
  const auto key = std::make_tuple(rules, profiles, engine_profiles);
  if (!last || last_key != key) {
    last.reset();
    last = build(rules, profiles, engine_profiles, checked);
    last_key = key;
  }
  return *last;
}

}  // namespace rapport::bench
