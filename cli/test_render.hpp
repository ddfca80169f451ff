// Rendering the results of `rapport test`: one line per case (and what differed when it failed),
// the closing "N passed, M failed" line and, on request, coverage; or the same as JSON for tools.
#pragma once

#include <string>

#include "cli/report.hpp"
#include "cli/test_run.hpp"

namespace rapport::cli {

struct TestOutputOptions {
  bool verbose = false;   // also list every expectation that held
  bool coverage = false;  // add what no case shows, and the share covered
  TextStyle style;
};

std::string render_test_text(const RuleTestRun& run, const TestOutputOptions& options);
std::string render_test_json(const RuleTestRun& run, const TestOutputOptions& options);

// "95.6%": one decimal, never rounded up to a whole 100% that was not reached.
std::string coverage_percent(const engine::Coverage& coverage);

}  // namespace rapport::cli
