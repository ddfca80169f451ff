// rapport batch INPUT: assess many profiles (JSON Lines, or a directory of TOML profiles) and write one
// JSON line per profile, in input order, on many threads and in constant memory. A pure filter from
// standard input to standard output, so it runs as a Hadoop Streaming mapper or under Spark's RDD.pipe.
#include <fmt/format.h>

#include <memory>
#include <thread>

#include "cli/batch_input.hpp"
#include "cli/batch_pipeline.hpp"
#include "cli/commands.hpp"
#include "cli/errors.hpp"
#include "cli/exit_codes.hpp"
#include "cli/file_io.hpp"
#include "cli/inputs.hpp"
#include "cli/progress_bar.hpp"
#include "cli/terminal.hpp"

namespace rapport::cli {
namespace {

struct BatchParams {
  std::string input;
  std::vector<std::string> rules;
  std::string output = "-";
  unsigned threads = 0;  // 0: every core
  engine::EvidenceOptions evidence;
};

constexpr std::size_t kShownErrors = 20;

int run_batch_command(const BatchParams& params) {
  if (params.input != "-") refuse_output_over_input(params.output, {params.input});

  dsl::SourceMap sources;
  const RuleInput rules = require_rules(params.rules, sources);
  const std::unique_ptr<BatchSource> source = open_batch_source(params.input);

  BatchSettings settings;
  settings.threads = params.threads > 0 ? params.threads : std::max(1u, std::thread::hardware_concurrency());
  settings.evidence = params.evidence;
  settings.color = use_color(stderr);
  settings.shown_errors = kShownErrors;
  // A portfolio summary gathers its figures here: settings.observer sees each valid profile with its
  // outcome, in input order, on the writing thread.

  StreamingOutput output(params.output);
  ProgressBar progress(stderr_is_terminal(), source->total_units());
  const BatchTotals totals = run_batch(*source, rules.rules, settings, output, progress);
  progress.clear();
  output.commit();

  if (totals.failed == 0) return kOk;
  if (totals.failed > totals.shown)
    fmt::print(stderr, "... and {} more record{} with errors, not shown here\n", totals.failed - totals.shown,
               totals.failed - totals.shown == 1 ? "" : "s");
  fmt::print(stderr, "error: {} of {} record{} in {} could not be read; their lines in the output say why\n",
             totals.failed, totals.records, totals.records == 1 ? "" : "s", source->name());
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
  command->footer(
      "Output: one JSON line per profile, in input order (docs/json-output.md); a record that cannot be read gets "
      "a line with its error, and the others are still assessed.\n"
      "Exit codes: 0 every profile assessed, 2 usage error, 3 some records could not be read (or the rules are "
      "invalid), 4 the input cannot be read or the output written (no output file is left).");
  return {command, [params] { return run_batch_command(*params); }};
}

}  // namespace rapport::cli
