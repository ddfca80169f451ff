// Finds, reads, parses and checks a rule set: the files and directories named with -r,
// or the bundled rules next to the executable.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "dsl/diagnostic.hpp"
#include "dsl/source_file.hpp"
#include "engine/checker.hpp"
#include "engine/model.hpp"

namespace rapport::cli {

struct LoadedRules {
  std::optional<engine::RuleSet> rules;  // present when there are no errors
  dsl::Diagnostics diagnostics;          // syntax and meaning, sorted by location
  std::vector<std::string> files;        // the .rules files read, in order
};

// `paths` are files or directories (every *.rules file below a directory, in path order).
// Empty means the bundled rules. Texts are added to `sources` so diagnostics can quote them.
// Throws IoError for a path that does not exist or cannot be read. `purpose`: see engine::check.
LoadedRules load_rules(const std::vector<std::string>& paths, dsl::SourceMap& sources,
                       engine::CheckFor purpose = engine::CheckFor::Everything);

// The rule files `paths` name: a file as it is, a directory as every *.rules file below it, in
// path order. Throws IoError for a path that does not exist or a directory that cannot be read.
std::vector<std::string> find_rule_files(const std::vector<std::string>& paths);

// The rule files of the rule set that -r names: find_rule_files(paths), or the bundled rules' files
// when `paths` is empty. What load_rules reads.
std::vector<std::string> rule_set_files(const std::vector<std::string>& paths);

// The bundled rule directory: ../share/rapport/rules next to the executable (build tree or install).
// Throws IoError when it is not there.
std::string bundled_rules_dir();

}  // namespace rapport::cli
