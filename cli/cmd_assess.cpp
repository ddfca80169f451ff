// rapport assess PROFILE: evaluate one client's profile against the rules and write the report.
#include <memory>

#include "cli/brand.hpp"
#include "cli/commands.hpp"
#include "cli/diagnostic_output.hpp"
#include "cli/errors.hpp"
#include "cli/evaluation_warnings.hpp"
#include "cli/exit_codes.hpp"
#include "cli/file_io.hpp"
#include "cli/inputs.hpp"
#include "cli/pdf_export.hpp"
#include "cli/report.hpp"
#include "cli/report_model.hpp"
#include "cli/rule_loading.hpp"
#include "cli/terminal.hpp"

namespace rapport::cli {
namespace {

struct AssessParams {
  std::string profile;
  std::vector<std::string> rules;
  std::string format = "text";
  std::string brand;
  std::string output = "-";
  std::size_t top = 0;
  engine::EvidenceOptions evidence;
};

int run_assess(const AssessParams& params) {
  if (params.format == "pdf" && params.output == "-") {
    throw UsageError("a PDF report is a binary file: name it with -o, e.g. -o report.pdf");
  }
  std::vector<std::string> inputs = rule_set_files(params.rules);
  inputs.push_back(params.profile);
  if (!params.brand.empty()) inputs.push_back(params.brand);
  check_output(params.output, inputs);

  dsl::SourceMap sources;
  // Read first, whatever the format: its logo is an input too, and -o must not name it.
  const Brand brand = params.brand.empty() ? Brand{} : load_brand(params.brand, sources);
  if (!brand.logo_path.empty()) check_output(params.output, {brand.logo_path});
  RuleInput rules = require_rules(params.rules, sources);
  engine::Profile profile = require_profile(params.profile, rules.rules, sources);
  engine::Assessment assessment = engine::evaluate(rules.rules, profile, params.evidence);
  // The report shows them too; stderr tells whoever runs the command, whatever the format.
  print_diagnostics(stderr, warning_diagnostics(rules.rules, assessment.warnings), sources);

  ReportInput input{rules.rules, profile, assessment, rules.files, rules.fingerprint, params.top};
  if (params.format == "json") {
    write_output(params.output, render_json(input));
    return kOk;
  }
  const ClientReport report = build_client_report(input);
  if (params.format == "markdown") {
    write_output(params.output, render_markdown(report, brand));
  } else if (params.format == "html") {
    write_output(params.output, render_html(report, brand));
  } else if (params.format == "pdf") {
    export_pdf(render_html(report, brand), params.output);
  } else {
    const bool to_terminal = params.output == "-";
    write_output(params.output,
                 render_text(report, {to_terminal && use_color(stdout), to_terminal ? terminal_width(stdout) : 100}));
  }
  return kOk;
}

}  // namespace

Command add_assess_command(CLI::App& app) {
  auto params = std::make_shared<AssessParams>();
  CLI::App* command = app.add_subcommand("assess", "Assess one client's survey profile and write the report");
  command->add_option("profile", params->profile, "The client's profile (TOML)")->required();
  add_rules_option(*command, params->rules);
  command->add_option("-f,--format", params->format, "Report format: text, markdown, html, pdf or json")
      ->check(CLI::IsMember({"text", "markdown", "html", "pdf", "json"}))
      ->default_str("text");
  command->add_option("--brand", params->brand, "Brand file (TOML): the firm's name, accent colour and logo");
  add_output_option(*command, params->output);
  command->add_option("--top", params->top, "Show only the N highest-priority recommendations");
  add_evidence_options(*command, params->evidence);
  return {command, [params] { return run_assess(*params); }};
}

}  // namespace rapport::cli
