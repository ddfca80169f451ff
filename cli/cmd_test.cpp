// rapport test [PATHS...]: run the rule tests (*.test.toml) against their rules, one line per case,
// then "N passed, M failed" and, with --coverage, what no case shows.
#include <fmt/format.h>

#include <memory>

#include "cli/commands.hpp"
#include "cli/diagnostic_output.hpp"
#include "cli/errors.hpp"
#include "cli/exit_codes.hpp"
#include "cli/file_io.hpp"
#include "cli/terminal.hpp"
#include "cli/test_render.hpp"
#include "cli/test_run.hpp"

namespace rapport::cli {
namespace {

struct TestParams {
  std::vector<std::string> paths;
  std::vector<std::string> rules;
  std::string format = "text";
  bool coverage = false;
  bool verbose = false;
};

// Unreadable input outranks invalid files, which outrank failed cases: each hides the ones after it.
int exit_code(const RuleTestRun& run) {
  if (run.unreadable_input) return kIoError;
  if (run.invalid_files() > 0) return kInvalidInput;
  return run.failed() > 0 ? kCheckFailed : kOk;
}

int run_test(const TestParams& params) {
  dsl::SourceMap sources;
  const RuleTestRun run = run_rule_tests(params.paths, params.rules, sources);
  print_diagnostics(stderr, run.diagnostics, sources);
  if (!run.rules)
    throw InvalidInput("the rules have " + diagnostic_summary(run.diagnostics) +
                       "; fix them (rapport check lists them all)");

  TestOutputOptions options{params.verbose, params.coverage, {use_color(stdout), terminal_width(stdout)}};
  write_output("-", params.format == "json" ? render_test_json(run, options) : render_test_text(run, options));
  if (const std::size_t invalid = run.invalid_files(); invalid > 0) {
    print_failure(stderr,
                  fmt::format("{} test file{} {} errors; {} cases were not run", invalid, invalid == 1 ? "" : "s",
                              invalid == 1 ? "has" : "have", invalid == 1 ? "its" : "their"),
                  "fix what the messages above point at; the cases of the other files ran");
  }
  return exit_code(run);
}

}  // namespace

Command add_test_command(CLI::App& app) {
  auto params = std::make_shared<TestParams>();
  CLI::App* command = app.add_subcommand("test", "Run the rule tests (*.test.toml) and report coverage");
  command->add_option("paths", params->paths,
                      "Directories (every *.rules and *.test.toml below them) or files "
                      "(default: the bundled rules and their tests)");
  command->add_option("-r,--rules", params->rules,
                      "Test this rule set (file or directory, repeatable) instead of the rules found with the tests")
      ->allow_extra_args(false);  // -r RULES PATH: the path is a test path, not more rules
  command->add_option("-f,--format", params->format, "Output format: text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->default_str("text");
  command->add_flag("--coverage", params->coverage,
                    "List the findings and recommendations no case makes fire or makes not fire");
  command->add_flag("-v,--verbose", params->verbose, "Also list every expectation that held");
  return {command, [params] { return run_test(*params); }};
}

}  // namespace rapport::cli
