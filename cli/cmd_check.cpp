// rapport check [RULES...]: parse and check a rule set, print every diagnostic, change nothing.
#include <fmt/format.h>

#include <memory>

#include "cli/commands.hpp"
#include "cli/diagnostic_output.hpp"
#include "cli/exit_codes.hpp"
#include "cli/rule_loading.hpp"

namespace rapport::cli {
namespace {

struct CheckParams {
  std::vector<std::string> rules;
};

int run_check(const CheckParams& params) {
  dsl::SourceMap sources;
  LoadedRules loaded = load_rules(params.rules, sources);
  print_diagnostics(stdout, loaded.diagnostics, sources);
  std::string what = fmt::format("{} file{}", loaded.files.size(), loaded.files.size() == 1 ? "" : "s");
  if (loaded.rules) {
    const auto& r = *loaded.rules;
    what += fmt::format(": {} sources, {} metrics, {} findings, {} recommendations", r.sources.size(),
                        r.metrics.size(), r.findings.size(), r.recommendations.size());
  }
  fmt::print("checked {}; {}\n", what,
             diagnostic_summary(loaded.diagnostics));
  return dsl::has_errors(loaded.diagnostics) ? kInvalidInput : kOk;
}

}  // namespace

Command add_check_command(CLI::App& app) {
  auto params = std::make_shared<CheckParams>();
  CLI::App* command = app.add_subcommand("check", "Check rule files and print every error and warning");
  command->add_option("rules", params->rules, "Rule files or directories (default: the bundled rules)");
  return {command, [params] { return run_check(*params); }};
}

}  // namespace rapport::cli
