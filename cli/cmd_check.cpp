// rapport check [RULES...]: parse and check a rule set, print every diagnostic, change nothing.
// As text (file:line:col: form, which editors parse) or as JSON for tools; --werror fails on warnings.
#include <fmt/format.h>

#include <memory>

#include "cli/commands.hpp"
#include "cli/diagnostic_json.hpp"
#include "cli/diagnostic_output.hpp"
#include "cli/exit_codes.hpp"
#include "cli/rule_loading.hpp"

namespace rapport::cli {
namespace {

struct CheckParams {
  std::vector<std::string> rules;
  std::string format = "text";
  bool werror = false;
};

void print_text(const LoadedRules& loaded, const dsl::SourceMap& sources) {
  print_diagnostics(stdout, loaded.diagnostics, sources);
  std::string what = fmt::format("{} file{}", loaded.files.size(), loaded.files.size() == 1 ? "" : "s");
  if (loaded.rules) {
    const auto& r = *loaded.rules;
    what += fmt::format(": {} sources, {} metrics, {} findings, {} recommendations", r.sources.size(),
                        r.metrics.size(), r.findings.size(), r.recommendations.size());
  }
  fmt::print("checked {}; {}\n", what, diagnostic_summary(loaded.diagnostics));
}

int run_check(const CheckParams& params) {
  dsl::SourceMap sources;
  const LoadedRules loaded = load_rules(params.rules, sources);
  if (params.format == "json") {
    fmt::print("{}", check_report_json(loaded.files, loaded.diagnostics, loaded.rules ? &*loaded.rules : nullptr));
  } else {
    print_text(loaded, sources);
  }
  std::fflush(stdout);
  if (dsl::has_errors(loaded.diagnostics)) return kInvalidInput;
  if (params.werror && dsl::count(loaded.diagnostics, dsl::DiagSeverity::Warning) > 0) return kCheckFailed;
  return kOk;
}

}  // namespace

Command add_check_command(CLI::App& app) {
  auto params = std::make_shared<CheckParams>();
  CLI::App* command = app.add_subcommand("check", "Check rule files and print every error and warning");
  command->add_option("rules", params->rules, "Rule files or directories (default: the bundled rules)");
  command->add_option("-f,--format", params->format,
                      "Output format: text (file:line:col: diagnostics, as editors read them) or json (for tools)")
      ->check(CLI::IsMember({"text", "json"}))
      ->default_str("text");
  command->add_flag("--werror", params->werror, "Treat warnings as failures: exit 1 if there is any warning");
  command->footer("Exit codes: 0 no errors (warnings allowed without --werror), 1 warnings with --werror, "
                  "3 errors in the rules, 4 a file cannot be read.");
  return {command, [params] { return run_check(*params); }};
}

}  // namespace rapport::cli
