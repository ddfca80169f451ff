// Checks parsed rule files as one rule set and compiles them for evaluation.
#pragma once

#include <cstdint>
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

// What the rule set is checked for: every use gets the same errors and the same compiled programs, and
// only what it will read is built beyond them.
enum class CheckFor : std::uint8_t {
  Evaluation,   // errors only: assess, batch, whatif, import (they never show warnings)
  Explanation,  // errors, and each condition's explanation tree (ExprTree): explain
  Everything,   // errors, lint warnings (the condition prover's too) and explanation trees: check, test
};

// Runs the passes in order (declare, resolve, type-check, cycles, compile, lint) and returns every
// problem found. Files are taken in the order given; ids are global across them. The lints only warn and
// the explanation trees only serve explain, yet they were most of the time a check took: `purpose` leaves
// them out where they are not read.
CheckResult check(const std::vector<ParsedFile>& files, CheckFor purpose = CheckFor::Everything);

}  // namespace rapport::engine
