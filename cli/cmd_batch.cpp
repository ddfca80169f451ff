// rapport batch INPUT: assess many profiles (JSON Lines, or a directory of TOML profiles) and write one
// JSON line per profile, in input order, on many threads and in constant memory. A pure filter from
// standard input to standard output, so it runs as a Hadoop Streaming mapper or under Spark's RDD.pipe.
#include <fmt/format.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <thread>

#include "cli/batch_input.hpp"
#include "cli/batch_pipeline.hpp"
#include "cli/commands.hpp"
#include "cli/diagnostic_output.hpp"
#include "cli/errors.hpp"
#include "cli/exit_codes.hpp"
#include "cli/file_io.hpp"
#include "cli/inputs.hpp"
#include "cli/progress_bar.hpp"
#include "cli/rule_loading.hpp"
#include "cli/summary_options.hpp"
#include "cli/terminal.hpp"
#include "engine/portfolio.hpp"

namespace rapport::cli {
namespace {

struct BatchParams {
  std::string input;
  std::vector<std::string> rules;
  std::string output = "-";
  unsigned threads = 0;  // 0: every core
  engine::EvidenceOptions evidence;
  SummaryRequest summary;
};

constexpr std::size_t kShownErrors = 20;

bool same_file(const std::string& a, const std::string& b) {
  std::error_code ec;
  return std::filesystem::weakly_canonical(a, ec) == std::filesystem::weakly_canonical(b, ec);
}

// The JSON lines and the summary go somewhere of their own: not over an input (the profiles, the rules),
// not over each other, and not both to standard output.
void check_outputs(const BatchParams& params) {
  std::vector<std::string> inputs = rule_set_files(params.rules);
  const std::vector<std::string> profiles = batch_input_files(params.input);
  inputs.insert(inputs.end(), profiles.begin(), profiles.end());
  check_output(params.output, inputs);
  if (!params.summary.wanted()) return;
  const std::string& summary = params.summary.file;
  if (summary == "-" && params.output == "-") {
    throw UsageError("the JSON lines and the summary cannot both go to standard output",
                     "name a file for one of them, with -o FILE or with --summary FILE");
  }
  check_output(summary, inputs, "--summary");
  if (summary != "-" && params.output != "-" && same_file(summary, params.output)) {
    throw UsageError("--summary " + summary + " is also the output of -o", "give each its own file");
  }
}

void write_summary(const BatchParams& params, const engine::Portfolio& portfolio, const RuleInput& rules,
                   const BatchTotals& totals) {
  if (const auto warning = highlight_warning(portfolio)) fmt::print(stderr, "warning: {}\n", *warning);
  const PortfolioSummaryInput input{portfolio, rules.files, rules.fingerprint, today(), totals.failed};
  write_portfolio_summary(input, params.summary.resolved_format(), params.summary.file);
}

int run_batch_command(const BatchParams& params) {
  check_outputs(params);

  dsl::SourceMap sources;
  const RuleInput rules = require_rules(params.rules, sources);
  const std::unique_ptr<BatchSource> source = open_batch_source(params.input);

  BatchSettings settings;
  settings.threads = params.threads > 0 ? params.threads : std::max(1u, std::thread::hardware_concurrency());
  settings.evidence = params.evidence;
  settings.color = use_color(stderr);
  settings.shown_errors = kShownErrors;
  // The portfolio summary counts each valid profile as the writing thread sees it, in input order.
  std::optional<engine::Portfolio> portfolio;
  if (params.summary.wanted()) {
    portfolio.emplace(rules.rules, engine::PortfolioOptions{params.evidence, params.summary.highlight});
    settings.observer = [&portfolio](const engine::Profile& profile, const engine::BatchOutcome& outcome) {
      portfolio->add(profile, outcome);
    };
  }

  StreamingOutput output(params.output);
  ProgressBar progress(stderr_is_terminal(), source->total_units());
  const BatchTotals totals = run_batch(*source, rules.rules, settings, output, progress);
  progress.clear();
  output.commit();
  if (portfolio) write_summary(params, *portfolio, rules, totals);

  if (totals.failed == 0) return kOk;
  if (totals.failed > totals.shown)
    fmt::print(stderr, "... and {} more record{} with errors, not shown here\n", totals.failed - totals.shown,
               totals.failed - totals.shown == 1 ? "" : "s");
  print_failure(stderr,
                fmt::format("{} of {} record{} in {} could not be read; their lines in the output say why",
                            totals.failed, totals.records, totals.records == 1 ? "" : "s", source->name()),
                "fix those records and assess them again; the others were assessed (their lines are complete)");
  return kInvalidInput;
}

}  // namespace

Command add_batch_command(CLI::App& app) {
  auto params = std::make_shared<BatchParams>();
  CLI::App* command = app.add_subcommand(
      "batch", "Assess many profiles (JSON Lines or a directory of TOML profiles): one JSON line per profile");
  command
      ->add_option("input", params->input,
                   "JSON Lines file (one profile per line, as JSON), - for standard input, or a directory of "
                   "TOML profiles")
      ->required();
  add_rules_option(*command, params->rules);
  add_output_option(*command, params->output);
  command
      ->add_option("-j,--threads", params->threads,
                   "Worker threads (default: one per core); the output's order is the input's whatever the number")
      ->check(CLI::Range(1u, 1024u));
  add_evidence_options(*command, params->evidence);
  add_summary_options(*command, params->summary);
  command->footer(
      "Output: one JSON line per profile, in input order (docs/json-output.md); a record that cannot be read gets "
      "a line with its error, and the others are still assessed. With --summary FILE, also a summary of the whole "
      "portfolio, Markdown or HTML with charts (docs/portfolio.md).\n"
      "Exit codes: 0 every profile assessed, 2 usage error, 3 some records could not be read (or the rules are "
      "invalid), 4 the input cannot be read or the output written (no output file is left).");
  return {command, [params] { return run_batch_command(*params); }};
}

}  // namespace rapport::cli
