// Checks parsed rule files as one rule set and compiles them for evaluation.
#pragma once

#include <optional>
#include <vector>

#include "dsl/ast.hpp"
#include "dsl/diagnostic.hpp"
#include "dsl/source_file.hpp"
#include "engine/model.hpp"

namespace rapport::engine {

struct ParsedFile {
  const dsl::SourceFile* source;  // for turning spans into locations
  dsl::RuleFile syntax;
};

struct CheckResult {
  std::optional<RuleSet> rules;   // present when there are no errors (warnings allowed)
  dsl::Diagnostics diagnostics;   // errors and warnings, sorted by location
};

// Runs the passes in order (declare, resolve, type-check, cycles, compile, lint) and returns
// every problem found. Files are taken in the order given; ids are global across them.
CheckResult check(const std::vector<ParsedFile>& files);

}  // namespace rapport::engine
