// The bundled rule base's own tests (rules/*.test.toml) all pass and together cover every finding and
// every recommendation both ways: made to fire and made not to fire. A rule added without tests, or a
// test that stops checking one side, fails here with the ids that lost their coverage.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "cli/test_run.hpp"

using namespace rapport;

namespace {

const cli::RuleTestRun& bundled_run() {
  static dsl::SourceMap sources;
  static const cli::RuleTestRun run =
      cli::run_rule_tests({std::string(RAPPORT_SOURCE_DIR) + "/rules"}, {}, sources);
  return run;
}

std::string ids(const std::vector<bool>& side, bool findings) {
  const auto& rules = *bundled_run().rules;
  std::string out;
  for (const auto id : engine::Coverage::missing(side))
    out += (out.empty() ? "" : ", ") + (findings ? rules.findings[id].id : rules.recommendations[id].id);
  return out.empty() ? "none" : out;
}

}  // namespace

TEST_CASE("every test file of the bundled rule base is valid and every case passes", "[rules][ruletests]") {
  const auto& run = bundled_run();
  REQUIRE(run.rules);
  CHECK(run.diagnostics.empty());
  CHECK(run.invalid_files() == 0);
  CHECK(run.files.size() >= 7);
  for (const auto& file : run.files)
    for (const auto& result : file.results) {
      INFO(file.path << ":" << result.test->where.line << " " << result.test->name);
      CHECK(result.passed());
    }
  CHECK(run.passed() >= 100);
}

TEST_CASE("the bundled rule tests cover every finding and recommendation both ways", "[rules][ruletests]") {
  const auto& run = bundled_run();
  REQUIRE(run.coverage);
  const auto& coverage = *run.coverage;
  INFO("findings never made to fire: " << ids(coverage.fired, true));
  INFO("findings never made not to fire: " << ids(coverage.not_fired, true));
  INFO("recommendations never recommended: " << ids(coverage.recommended, false));
  INFO("recommendations never made not recommended: " << ids(coverage.not_recommended, false));
  CHECK(coverage.total() == 2 * (run.rules->findings.size() + run.rules->recommendations.size()));
  CHECK(coverage.complete());
}
