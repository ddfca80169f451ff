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

}  // namespace rapport::cli
