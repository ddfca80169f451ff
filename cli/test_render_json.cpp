// The JSON output of `rapport test` (see test_render.hpp and docs/cli.md): every case with each
// expectation and its outcome, the counts, and coverage when asked for. Keys keep a fixed order.
#include <nlohmann/json.hpp>

#include <cmath>

#include "cli/test_render.hpp"
#include "cli/value_format.hpp"

namespace rapport::cli {
namespace {

using Json = nlohmann::ordered_json;
using engine::Expect;

std::string expect_key(Expect expect) {
  switch (expect) {
    case Expect::Fired: return "fired";
    case Expect::NotFired: return "not_fired";
    case Expect::Unknown: return "unknown";
    case Expect::Recommended: return "recommended";
    case Expect::NotRecommended: return "not_recommended";
  }
  return "";
}

Json recommendation_ids(const engine::RuleSet& rules, const std::vector<std::uint32_t>& ids) {
  Json list = Json::array();
  for (const std::uint32_t r : ids) list.push_back(rules.recommendations.at(r).id);
  return list;
}

Json expectation(const engine::RuleSet& rules, const engine::ExpectationResult& checked) {
  const auto& e = checked.expectation;
  const bool finding = engine::is_finding_expectation(e.expect);
  return Json{{"expect", expect_key(e.expect)},
              {"id", finding ? rules.findings.at(e.id).id : rules.recommendations.at(e.id).id},
              {"line", e.where.line},
              {"column", e.where.col},
              {"held", checked.held},
              {"actual", verdict_key(checked.actual)}};
}

Json case_json(const engine::RuleSet& rules, const TestFileRun& file, const engine::RuleTestResult& result) {
  Json expectations = Json::array();
  for (const auto& checked : result.expectations) expectations.push_back(expectation(rules, checked));
  Json order = nullptr;
  if (result.order) {
    order = Json{{"line", result.order->where.line},
                 {"held", result.order->held},
                 {"expected", recommendation_ids(rules, result.order->expected)},
                 {"actual", recommendation_ids(rules, result.order->actual)}};
  }
  return Json{{"file", file.path},      {"line", result.test->where.line}, {"name", result.test->name},
              {"passed", result.passed()}, {"expectations", expectations},  {"order", order}};
}

Json id_list(const engine::RuleSet& rules, const std::vector<bool>& side, bool findings) {
  Json list = Json::array();
  for (const std::uint32_t id : engine::Coverage::missing(side))
    list.push_back(findings ? rules.findings.at(id).id : rules.recommendations.at(id).id);
  return list;
}

Json coverage_json(const engine::RuleSet& rules, const engine::Coverage& c) {
  // Floored like the text's percentage: 99.96% is not 100%.
  const double percent =
      c.complete() ? 100.0
                   : std::floor(1000.0 * static_cast<double>(c.covered()) / static_cast<double>(c.total())) / 10;
  return Json{{"covered", c.covered()},
              {"total", c.total()},
              {"percent", percent},
              {"findings_never_fired", id_list(rules, c.fired, true)},
              {"findings_never_not_fired", id_list(rules, c.not_fired, true)},
              {"recommendations_never_recommended", id_list(rules, c.recommended, false)},
              {"recommendations_never_not_recommended", id_list(rules, c.not_recommended, false)}};
}

}  // namespace

std::string render_test_json(const RuleTestRun& run, const TestOutputOptions& options) {
  const engine::RuleSet& rules = *run.rules;
  Json files = Json::array();
  Json cases = Json::array();
  for (const auto& file : run.files) {
    files.push_back(Json{{"path", file.path}, {"valid", file.valid}, {"cases", file.results.size()}});
    for (const auto& result : file.results) cases.push_back(case_json(rules, file, result));
  }
  Json out{{"rule_files", run.rule_files}, {"files", files},         {"cases", cases},
           {"passed", run.passed()},       {"failed", run.failed()}, {"invalid_files", run.invalid_files()}};
  if (options.coverage && run.coverage) out["coverage"] = coverage_json(rules, *run.coverage);
  return out.dump(2) + "\n";
}

}  // namespace rapport::cli
