// The benchmarks' smoke test (ctest): the generated workload is a valid rule set that fires about as
// often as asked, the native program built from it gives Rapport's verdicts (interpreter, block
// evaluator, BatchEvaluator) on 200 rules × 1000 profiles, and the JSON Lines generators write
// profiles that Rapport reads back with the same values. Correctness only; timing is bench/run.sh's.
#include <cmath>
#include <cstdio>
#include <sstream>
#include <stdexcept>
#include <string>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "bench/agreement.hpp"
#include "bench/native_programs.hpp"
#include "bench/profile_json.hpp"
#include "bench/profiles.hpp"
#include "bench/rule_texts.hpp"
#include "cli/file_io.hpp"
#include "dsl/source_file.hpp"

namespace {

using namespace rapport;
using namespace rapport::bench;

void expect(bool holds, const std::string& what) {
  if (!holds) throw std::runtime_error(what);
}

// A JSON profile line as the TOML profile it renders (docs/profile.md), so Rapport's own profile
// reader validates what the generators write.
std::string toml_of(const nlohmann::json& line) {
  std::string toml;
  for (const auto& [table, entries] : line.items()) {
    toml += "[" + table + "]\n";
    for (const auto& [key, value] : entries.items()) {
      if (!value.is_object()) {
        toml += key + " = " + value.dump() + "\n";
        continue;
      }
      std::string inline_table;
      for (const auto& [field, number] : value.items())
        inline_table += (inline_table.empty() ? "" : ", ") + field + " = " + number.dump();
      toml += key + " = { " + inline_table + " }\n";
    }
  }
  return toml;
}

// Writes each profile as JSON, reads it back through TOML, and compares values and samples.
void expect_json_round_trip(const engine::RuleSet& rules, const std::vector<engine::Profile>& profiles) {
  const ProfileJsonWriter writer(rules);
  for (const engine::Profile& profile : profiles) {
    std::string line;
    writer.append(line, profile);
    expect(line.back() == '\n' && line.find('\n') == line.size() - 1, "a profile is not one line: " + line);
    const dsl::SourceFile toml("line.toml", toml_of(nlohmann::json::parse(line)));
    engine::ProfileResult read = engine::load_profile(toml, rules);
    expect(read.profile.has_value(), "Rapport rejects a generated profile:\n" + toml.text());
    expect(read.profile->company.name == profile.company.name, "the company name changed: " + line);
    for (std::size_t s = 0; s < rules.slots.size(); ++s) {
      const double a = profile.values[s], b = read.profile->values[s];
      expect((std::isnan(a) && std::isnan(b)) || a == b, fmt::format("slot {} reads back as {}, not {}: {}", s, b, a, line));
      const bool sampled = s < profile.samples.size() && profile.samples[s].n;
      expect(!sampled || read.profile->samples[s].n == profile.samples[s].n, "a sample's n changed: " + line);
    }
  }
}

void check_synthetic() {
  const WorkloadShape shape = native_shape(200);
  const std::string text = rules_text(shape, make_rules(shape));
  expect(text == rules_text(shape, make_rules(shape)), "the rules are not the same from the same seed");
  WorkloadShape other = shape;
  other.seed += 1;
  expect(text != rules_text(other, make_rules(other)), "another seed gives the same rules");

  const engine::RuleSet rules = load_rule_texts({{"synthetic.rules", text}});
  const std::vector<double> values = make_profiles(shape, 1000);
  const std::vector<engine::Profile> profiles = synthetic_profiles(rules, shape, values);
  const WorkloadInputs inputs(rules, shape, values);
  const Agreement agreement = check_agreement(rules, inputs, native_program(200), &profiles);
  expect(!agreement.difference, "Rapport disagrees with the native program: " + agreement.difference.value_or(""));
  expect(agreement.fire_rate() > 0.15 && agreement.fire_rate() < 0.25,
         fmt::format("{:.1f}% of the verdicts fired, not about 20%", 100 * agreement.fire_rate()));
  expect(agreement.unknown > 0, "no verdict was unknown: the three-valued cases went untested");
  std::printf("synthetic: 200 rules x 1000 profiles agree (%.1f%% fired, %zu unknown)\n", 100 * agreement.fire_rate(),
              agreement.unknown);
  expect_json_round_trip(rules, std::vector<engine::Profile>(profiles.begin(), profiles.begin() + 100));
}

void check_realistic() {
  const std::string root = RAPPORT_SOURCE_DIR;
  const engine::RuleSet rules = load_rule_texts(read_rule_texts(root + "/rules"));
  const dsl::SourceFile source("northwind-retail.toml", cli::read_text_file(root + "/examples/northwind-retail.toml"));
  engine::ProfileResult example = engine::load_profile(source, rules);
  expect(example.profile.has_value(), "the example does not load");
  ProfileVariation variation(rules, {*example.profile}, 7);
  std::vector<engine::Profile> varied;
  for (int i = 0; i < 200; ++i) varied.push_back(variation.next());
  std::size_t changed = 0;
  for (const auto& p : varied)
    for (std::size_t s = 0; s < rules.slots.size(); ++s) changed += p.values[s] != example.profile->values[s];
  expect(changed > 200 * 10, "the varied profiles barely differ from the example");
  expect_json_round_trip(rules, varied);
  std::printf("realistic: 200 profiles varied from the example read back unchanged\n");
}

}  // namespace

int main() {
  try {
    check_synthetic();
    check_realistic();
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "FAILED: %s\n", e.what());
    return 1;
  }
}
