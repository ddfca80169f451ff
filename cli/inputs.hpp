// Loading what a subcommand works on — rules and profiles — and stopping with exit 3
// (after printing the diagnostics to stderr) when they are invalid.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "dsl/source_file.hpp"
#include "engine/checker.hpp"
#include "engine/model.hpp"
#include "engine/profile.hpp"

namespace rapport::cli {

struct RuleInput {
  engine::RuleSet rules;
  std::vector<std::string> files;
  // A short hash of the rule files' names and contents: the rule-set version a report was made with.
  // Moving the rules elsewhere keeps it; editing any rule changes it.
  std::string fingerprint;
};

// Throws InvalidInput (diagnostics printed) or IoError.
RuleInput require_rules(const std::vector<std::string>& paths, dsl::SourceMap& sources,
                        engine::CheckFor purpose = engine::CheckFor::Evaluation);
engine::Profile require_profile(const std::string& path, const engine::RuleSet& rules, dsl::SourceMap& sources);

// Checks an output path before any work is done: refuses one that names an input file, which writing
// would destroy (UsageError, exit 2), and one that surely cannot be written (IoError, exit 4). `inputs`
// are files (see rule_set_files for a rule set's); `flag` is how the command line named the output.
void check_output(const std::string& output, const std::vector<std::string>& inputs, std::string_view flag = "-o");

}  // namespace rapport::cli
