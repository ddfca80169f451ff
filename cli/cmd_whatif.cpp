// rapport whatif PROFILE --set TARGET=VALUE...: what the assessment would say if some values were
// different or missing — recommendations that appear or disappear, moves in rank, findings that change.
#include <memory>

#include "cli/commands.hpp"
#include "cli/errors.hpp"
#include "cli/exit_codes.hpp"
#include "cli/file_io.hpp"
#include "cli/inputs.hpp"
#include "cli/rule_loading.hpp"
#include "cli/terminal.hpp"
#include "cli/whatif_render.hpp"
#include "cli/whatif_set.hpp"

namespace rapport::cli {
namespace {

struct WhatIfParams {
  std::string profile;
  std::vector<std::string> settings;
  std::vector<std::string> rules;
  std::string format = "text";
  std::string output = "-";
  engine::EvidenceOptions evidence;
};

int run_whatif(const WhatIfParams& params) {
  std::vector<std::string> inputs = rule_set_files(params.rules);
  inputs.push_back(params.profile);
  check_output(params.output, inputs);

  dsl::SourceMap sources;
  RuleInput rules = require_rules(params.rules, sources);
  const std::vector<engine::Override> set = read_settings(rules.rules, params.settings);
  const engine::Profile profile = require_profile(params.profile, rules.rules, sources);
  const engine::Overridden changed = engine::apply_overrides(rules.rules, profile, set);
  if (!changed.profile) throw UsageError("--set: a value does not fit its metric");  // read_settings checked each one
  const engine::WhatIf result = engine::what_if(rules.rules, profile, *changed.profile, params.evidence);

  const WhatIfInput input{rules.rules, profile, set, result, params.profile, rules.fingerprint};
  if (params.format == "json") {
    write_output(params.output, render_whatif_json(input));
    return kOk;
  }
  const bool to_terminal = params.output == "-";
  write_output(params.output,
               render_whatif_text(input, {to_terminal && use_color(stdout), to_terminal ? terminal_width(stdout) : 100}));
  return kOk;
}

}  // namespace

Command add_whatif_command(CLI::App& app) {
  auto params = std::make_shared<WhatIfParams>();
  CLI::App* command =
      app.add_subcommand("whatif", "Re-assess a profile with some values changed, and show what that changes");
  command->add_option("profile", params->profile, "The client's profile (TOML)")->required();
  command
      ->add_option("--set", params->settings,
                   "TARGET=VALUE: it.metric, marketing.metric or a company metric; 40%, 0.4, 3.5, true, false, "
                   "or unknown to remove the value (repeatable)")
      ->required()
      ->allow_extra_args(false);
  add_rules_option(*command, params->rules);
  command->add_option("-f,--format", params->format, "Output format: text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->default_str("text");
  add_output_option(*command, params->output);
  add_evidence_options(*command, params->evidence);
  return {command, [params] { return run_whatif(*params); }};
}

}  // namespace rapport::cli
