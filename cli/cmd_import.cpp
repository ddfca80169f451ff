// rapport import RESPONSES.csv --survey SURVEY.toml: a survey tool's export, read through the survey
// mapping, becomes a profile for `assess`. Row problems are warnings (errors with --strict).
#include <fmt/format.h>

#include <memory>

#include "cli/commands.hpp"
#include "cli/diagnostic_output.hpp"
#include "cli/errors.hpp"
#include "cli/exit_codes.hpp"
#include "cli/file_io.hpp"
#include "cli/imported_profile.hpp"
#include "cli/inputs.hpp"
#include "cli/rule_loading.hpp"
#include "engine/survey_import.hpp"

namespace rapport::cli {
namespace {

struct ImportParams {
  std::string responses;
  std::string survey;
  std::vector<std::string> rules;
  std::string output = "-";
  std::string dialect = "auto";
  std::string separator = "auto";
  bool strict = false;
  int min_group_size = 5;
};

char separator_of(const std::string& flag) {
  if (flag == "," || flag == "comma") return ',';
  if (flag == ";" || flag == "semicolon") return ';';
  if (flag == "tab" || flag == "\\t" || flag == "\t") return '\t';
  return 0;  // auto
}

// The export, or exit 3 when its header rows cannot be read (no column can be named).
engine::SurveyExport read_export(const ImportParams& params, const dsl::SourceFile& csv, const dsl::SourceMap& sources) {
  engine::SurveyExport survey =
      engine::read_survey_export(csv, *engine::dialect_from_name(params.dialect), separator_of(params.separator));
  if (survey.columns.empty()) {
    print_diagnostics(stderr, survey.diagnostics, sources);
    throw InvalidInput(fmt::format("{} cannot be read as a survey export; nothing was written", params.responses),
                       "export the responses again as CSV in UTF-8, or name the tool and separator with --dialect and "
                       "--separator (docs/survey.md)");
  }
  return survey;
}

int run_import(const ImportParams& params) {
  std::vector<std::string> inputs = rule_set_files(params.rules);
  inputs.push_back(params.responses);
  inputs.push_back(params.survey);
  check_output(params.output, inputs);

  dsl::SourceMap sources;
  const RuleInput rules = require_rules(params.rules, sources);
  const dsl::SourceFile& csv = sources.add(params.responses, read_text_file(params.responses));
  const dsl::SourceFile& mapping_file = sources.add(params.survey, read_text_file(params.survey));
  const engine::SurveyExport survey = read_export(params, csv, sources);
  const engine::MappingResult mapping = engine::read_survey_mapping(mapping_file, survey, rules.rules);
  if (!mapping.mapping) {
    print_diagnostics(stderr, mapping.diagnostics, sources);
    throw InvalidInput(fmt::format("the survey mapping {} has {}; nothing was written", params.survey,
                                   diagnostic_summary(mapping.diagnostics)),
                       "fix what the messages above point at (docs/survey.md describes mappings)");
  }

  const engine::SurveyImport imported =
      engine::import_survey(csv, survey, *mapping.mapping, rules.rules, {params.min_group_size});
  dsl::Diagnostics problems = survey.diagnostics;
  problems.insert(problems.end(), imported.diagnostics.begin(), imported.diagnostics.end());
  dsl::sort_by_location(problems);
  print_diagnostics(stderr, problems, sources);
  if (dsl::has_errors(imported.diagnostics)) throw InvalidInput("nothing could be imported; nothing was written",
                       "check that the mapping's group column and answers match the export (see the messages above)");
  if (params.strict && !problems.empty())
    throw InvalidInput(fmt::format("--strict: the responses have {} (see above); nothing was written",
                                   diagnostic_summary(problems)),
                       "fix the responses or the mapping, or run without --strict to import the rest with warnings");

  const ImportSources from{params.responses, params.survey, survey.dialect};
  write_output(params.output, render_imported_profile(*mapping.mapping, imported, rules.rules, from));
  for (const auto& note : import_notes(imported, rules.rules)) fmt::print(stderr, "note: {}\n", note);
  fmt::print(stderr, "{}\n", import_summary(imported, params.responses));
  return kOk;
}

}  // namespace

Command add_import_command(CLI::App& app) {
  auto params = std::make_shared<ImportParams>();
  CLI::App* command =
      app.add_subcommand("import", "Turn a survey tool's CSV export into a profile, through a survey mapping");
  command->add_option("responses", params->responses, "The survey responses: a CSV export (Qualtrics, SurveyMonkey, "
                                                      "Google Forms or plain)")
      ->required();
  command->add_option("-s,--survey", params->survey,
                      "The survey mapping (TOML): the group column, which column answers each metric, how answers "
                      "are coded (docs/survey.md)")
      ->required();
  add_rules_option(*command, params->rules);
  add_output_option(*command, params->output);
  command
      ->add_option("--dialect", params->dialect,
                   "Which tool wrote the export: auto (default), qualtrics, surveymonkey, google-forms or plain")
      ->check([](const std::string& name) {
        return engine::dialect_from_name(name) ? std::string() : "not a dialect: " + name;
      })
      ->default_str("auto");
  command->add_option("--separator", params->separator, "The field separator: auto (default), ',', ';' or tab")
      ->check(CLI::Validator(
          [](std::string& value) {
            return value == "auto" || separator_of(value) != 0 ? std::string()
                                                               : "not a separator: " + value + " (auto, ',', ';' or tab)";
          },
          "auto|,|;|tab", "separator"))
      ->default_str("auto");
  command->add_flag("--strict", params->strict,
                    "Treat every problem in the responses (a malformed row, an answer the mapping cannot read) as an "
                    "error: exit 3 and write nothing");
  command
      ->add_option("--min-group-size", params->min_group_size,
                   "Anonymity: suppress every figure about fewer respondents than this (default 5)")
      ->check(CLI::Validator(
          [](std::string& value) {
            return value.find_first_not_of("0123456789") == std::string::npos && value.size() < 7 &&
                           std::stoi(value) >= 1
                       ? std::string()
                       : "must be a whole number of 1 or more: " + value;
          },
          "N>=1", "group size"))
      ->default_str("5");
  command->footer("Exit codes: 0 imported (warnings allowed without --strict), 2 usage error, 3 the mapping or "
                  "the export is invalid, or a problem with --strict (nothing is written), 4 a file cannot be read "
                  "or written.");
  return {command, [params] { return run_import(*params); }};
}

}  // namespace rapport::cli
