// Flags shared by several subcommands (see commands.hpp).
#include "cli/commands.hpp"

namespace rapport::cli {

void add_rules_option(CLI::App& command, std::vector<std::string>& rules) {
  command.add_option("-r,--rules", rules,
                     "Rule file or directory of .rules files (repeatable; default: the bundled rules)");
}

void add_output_option(CLI::App& command, std::string& output) {
  command.add_option("-o,--output", output, "Write to FILE (atomically), or - for standard output")
      ->default_str("-");
}

// Levels of 0.5 and above would call most noise significant; 0 would call nothing significant.
const CLI::Validator kSignificanceLevel(
    [](std::string& text) -> std::string {
      const std::string problem = "the significance level must be above 0 and below 0.5, e.g. 0.05 or 0.1";
      try {
        std::size_t used = 0;
        const double level = std::stod(text, &used);
        return used == text.size() && level > 0 && level < 0.5 ? "" : problem;
      } catch (const std::exception&) {
        return problem;
      }
    },
    "LEVEL");

void add_evidence_options(CLI::App& command, engine::EvidenceOptions& options) {
  command
      .add_option("--significance-level", options.significance_level,
                  "A gap between IT and marketing is significant when its p-value is below this")
      ->check(kSignificanceLevel)
      ->default_str("0.05");
  command
      .add_option("--min-n", options.min_n, "Fewer answers than this behind a group's figure: insufficient evidence")
      ->check(CLI::Range(1, 100000))
      ->default_str("5");
  command
      .add_option("--min-group-size", options.min_group_size,
                  "Withhold a group's figure when fewer than this answered, to keep them anonymous")
      ->check(CLI::Range(1, 100000))
      ->default_str("5");
}

}  // namespace rapport::cli
