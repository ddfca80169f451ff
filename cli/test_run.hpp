// Running rule tests for `rapport test`: finds the rule files and *.test.toml files, reads them and
// every base profile the cases name, and runs each case of each valid test file. Prints nothing.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "dsl/diagnostic.hpp"
#include "dsl/source_file.hpp"
#include "engine/coverage.hpp"
#include "engine/model.hpp"
#include "engine/rule_tests.hpp"

namespace rapport::cli {

struct TestFileRun {
  std::string path;                               // as shown to the user
  engine::RuleTestFile parsed;
  bool valid = false;                             // no errors in the file or in its base profiles
  std::vector<engine::RuleTestResult> results;    // one per case, when valid
};

struct RuleTestRun {
  std::optional<engine::RuleSet> rules;           // absent when the rules are invalid
  std::vector<std::string> rule_files;
  std::vector<TestFileRun> files;                 // in path order
  dsl::Diagnostics diagnostics;                   // rules, test files and base profiles, in that order
  bool unreadable_input = false;                  // a base profile could not be read
  std::optional<engine::Coverage> coverage;       // when the rules are valid

  std::size_t passed() const;
  std::size_t failed() const;
  std::size_t invalid_files() const;
};

// `paths` are directories (every *.rules and *.test.toml file below them) or files (a .rules file, or
// a test file, whose directory's rules are then used). `rule_paths`, when given, name the rule set
// instead, and `paths` then default to them. Both empty: the bundled rules and their tests.
// Texts are added to `sources` for diagnostics. Throws IoError for a path that cannot be read, and
// InvalidInput when there is no rule file or no test file to run.
RuleTestRun run_rule_tests(const std::vector<std::string>& paths, const std::vector<std::string>& rule_paths,
                           dsl::SourceMap& sources);

}  // namespace rapport::cli
