// The public entry points of the rule-language parser.
#pragma once

#include <cstddef>

#include "dsl/ast.hpp"
#include "dsl/diagnostic.hpp"
#include "dsl/source_file.hpp"

namespace rapport::dsl {

struct ParseLimits {
  std::size_t max_nesting = 64;   // parentheses/calls inside one expression
  std::size_t max_depth = 256;    // nodes from an expression's root to its deepest leaf
                                  // (`not not ... x`, `a + b + ...`), so walks cannot overflow the stack
};

struct ParseResult {
  RuleFile file;                  // every declaration that parsed; broken ones are left out
  Diagnostics diagnostics;        // every syntax error in the file, in order
};

// Parse a whole rule file. Never throws for bad input: errors come back as diagnostics,
// and parsing recovers at the next line that starts a declaration.
ParseResult parse_rule_file(const SourceFile& file, const ParseLimits& limits = {});

}  // namespace rapport::dsl
