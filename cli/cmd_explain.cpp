// rapport explain PROFILE [ID...]: why each finding and recommendation came out as it did on one
// profile, with the value of every sub-expression, and what single change would remove a recommendation.
#include <memory>

#include "cli/commands.hpp"
#include "cli/errors.hpp"
#include "cli/exit_codes.hpp"
#include "cli/explain_render.hpp"
#include "cli/file_io.hpp"
#include "cli/inputs.hpp"
#include "cli/rule_loading.hpp"
#include "cli/terminal.hpp"
#include "engine/explain.hpp"
#include "engine/suggest.hpp"

namespace rapport::cli {
namespace {

struct ExplainParams {
  std::string profile;
  std::vector<std::string> ids;
  std::vector<std::string> rules;
  std::string format = "text";
  std::string output = "-";
  engine::EvidenceOptions evidence;
};

// The items named on the command line; an id that names neither is a usage error, with a suggestion.
std::vector<engine::ItemRef> items_named(const engine::RuleSet& rules, const std::vector<std::string>& ids) {
  std::vector<engine::ItemRef> items;
  for (const auto& id : ids) {
    if (const auto item = engine::find_item(rules, id)) {
      items.push_back(*item);
      continue;
    }
    std::string message = "'" + id + "' is not a finding or recommendation of these rules";
    if (rules.metric_index(id)) message = "'" + id + "' is a metric; explain takes the id of a finding or recommendation";
    if (const auto close = engine::closest(id, engine::item_ids(rules))) message += "; did you mean '" + *close + "'?";
    throw UsageError(message, "name findings and recommendations as the rules declare them, or no ids to explain them all");
  }
  return items;
}

int run_explain(const ExplainParams& params) {
  std::vector<std::string> inputs = rule_set_files(params.rules);
  inputs.push_back(params.profile);
  check_output(params.output, inputs);

  dsl::SourceMap sources;
  RuleInput rules = require_rules(params.rules, sources, engine::CheckFor::Explanation);
  const std::vector<engine::ItemRef> items = items_named(rules.rules, params.ids);
  engine::Profile profile = require_profile(params.profile, rules.rules, sources);
  const engine::Explanation explanation = engine::explain(rules.rules, profile, items, params.evidence);

  const ExplainInput input{rules.rules, explanation, params.profile, profile.company.name, rules.fingerprint};
  if (params.format == "json") {
    write_output(params.output, render_explain_json(input));
    return kOk;
  }
  const bool to_terminal = params.output == "-";
  write_output(params.output,
               render_explain_text(input, {to_terminal && use_color(stdout), to_terminal ? terminal_width(stdout) : 100}));
  return kOk;
}

}  // namespace

Command add_explain_command(CLI::App& app) {
  auto params = std::make_shared<ExplainParams>();
  CLI::App* command = app.add_subcommand(
      "explain", "Explain why findings and recommendations fired or not on a profile, value by value");
  command->add_option("profile", params->profile, "The client's profile (TOML)")->required();
  command->add_option("ids", params->ids,
                      "Ids of the findings and recommendations to explain (default: all); each comes with the "
                      "findings it reads");
  add_rules_option(*command, params->rules);
  command->add_option("-f,--format", params->format, "Output format: text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->default_str("text");
  add_output_option(*command, params->output);
  add_evidence_options(*command, params->evidence);
  return {command, [params] { return run_explain(*params); }};
}

}  // namespace rapport::cli
