// Loading what a subcommand works on — rules and profiles — and stopping with exit 3
// (after printing the diagnostics to stderr) when they are invalid.
#pragma once

#include <string>
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

// Refuses an output path that names one of the inputs (it would destroy it). Throws UsageError.
void refuse_output_over_input(const std::string& output, const std::vector<std::string>& inputs);

}  // namespace rapport::cli
