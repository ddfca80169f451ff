// rapport assess PROFILE: evaluate one client's profile against the rules and write the report.
#include <memory>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/file_io.hpp"
#include "cli/inputs.hpp"
#include "cli/report.hpp"
#include "cli/terminal.hpp"

namespace rapport::cli {
namespace {

struct AssessParams {
  std::string profile;
  std::vector<std::string> rules;
  std::string format = "text";
  std::string output = "-";
  std::size_t top = 0;
};

int run_assess(const AssessParams& params) {
  std::vector<std::string> inputs = params.rules;
  inputs.push_back(params.profile);
  refuse_output_over_input(params.output, inputs);

  dsl::SourceMap sources;
  RuleInput rules = require_rules(params.rules, sources);
  engine::Profile profile = require_profile(params.profile, rules.rules, sources);
  engine::Assessment assessment = engine::evaluate(rules.rules, profile);

  ReportInput report{rules.rules, profile, assessment, rules.files, params.top};
  std::string rendered;
  if (params.format == "json") {
    rendered = render_json(report);
  } else {
    const bool to_terminal = params.output == "-";
    rendered = render_text(report, {to_terminal && use_color(stdout), to_terminal ? terminal_width(stdout) : 100});
  }
  write_output(params.output, rendered);
  return kOk;
}

}  // namespace

Command add_assess_command(CLI::App& app) {
  auto params = std::make_shared<AssessParams>();
  CLI::App* command = app.add_subcommand("assess", "Assess one client's survey profile and write the report");
  command->add_option("profile", params->profile, "The client's profile (TOML)")->required();
  add_rules_option(*command, params->rules);
  command->add_option("-f,--format", params->format, "Report format: text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->default_str("text");
  add_output_option(*command, params->output);
  command->add_option("--top", params->top, "Show only the N highest-priority recommendations");
  return {command, [params] { return run_assess(*params); }};
}

}  // namespace rapport::cli
