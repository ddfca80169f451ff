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

// What to check beyond what evaluation needs.
enum class Lints : bool {
  Skip,  // errors only: what assess, batch and the other evaluating commands need (warnings they never show)
  Run,   // errors and lint warnings, including the condition prover's: rapport check and rapport test
};

// Runs the passes in order (declare, resolve, type-check, cycles, compile, then the lints unless
// skipped) and returns every problem found. Files are taken in the order given; ids are global across
// them. Skipping the lints changes no error and no compiled rule: they only warn, and the prover behind
// them is most of the time a check takes.
CheckResult check(const std::vector<ParsedFile>& files, Lints lints = Lints::Run);

}  // namespace rapport::engine
