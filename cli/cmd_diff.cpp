// rapport diff BEFORE.json AFTER.json: what changed between two JSON reports of one client.
#include <fmt/format.h>

#include <memory>

#include "cli/assessment_diff.hpp"
#include "cli/commands.hpp"
#include "cli/diagnostic_output.hpp"
#include "cli/diff_render.hpp"
#include "cli/errors.hpp"
#include "cli/exit_codes.hpp"
#include "cli/file_io.hpp"
#include "cli/inputs.hpp"
#include "cli/terminal.hpp"

namespace rapport::cli {
namespace {

struct DiffParams {
  std::string before;
  std::string after;
  std::string format = "text";
  std::string output = "-";
};

// Reads one JSON report, or prints why it is not one and stops with exit 3.
ReportSnapshot require_report(const std::string& path, dsl::SourceMap& sources) {
  const dsl::SourceFile& source = sources.add(path, read_text_file(path));
  ReadReport result = read_report(source);
  if (!result.report) {
    print_diagnostics(stderr, result.diagnostics, sources);
    throw InvalidInput(path + " is not a Rapport JSON report; nothing was compared",
                       "compare two reports written by rapport assess -f json");
  }
  return std::move(*result.report);
}

int run_diff(const DiffParams& params) {
  check_output(params.output, {params.before, params.after});
  dsl::SourceMap sources;
  const ReportSnapshot before = require_report(params.before, sources);
  const ReportSnapshot after = require_report(params.after, sources);
  const AssessmentDiff diff = diff_assessments(before, after);
  if (!diff.same_company()) {
    fmt::print(stderr, "warning: the reports are of different companies ('{}' and '{}'); comparing them anyway\n",
               diff.before.company, diff.after.company);
  }
  if (params.format == "markdown") {
    write_output(params.output, render_diff_markdown(diff));
  } else if (params.format == "html") {
    write_output(params.output, render_diff_html(diff));
  } else {
    const bool to_terminal = params.output == "-";
    write_output(params.output, render_diff_text(diff, {to_terminal && use_color(stdout),
                                                        to_terminal ? terminal_width(stdout) : 100}));
  }
  return kOk;
}

}  // namespace

Command add_diff_command(CLI::App& app) {
  auto params = std::make_shared<DiffParams>();
  CLI::App* command = app.add_subcommand("diff", "Compare two JSON reports of one client: what changed, by id");
  command->add_option("before", params->before, "The earlier report (rapport assess -f json)")->required();
  command->add_option("after", params->after, "The later report")->required();
  command->add_option("-f,--format", params->format, "Output format: text, markdown or html")
      ->check(CLI::IsMember({"text", "markdown", "html"}))
      ->default_str("text");
  add_output_option(*command, params->output);
  return {command, [params] { return run_diff(*params); }};
}

}  // namespace rapport::cli
