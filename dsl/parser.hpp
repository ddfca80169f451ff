// The public entry points of the rule-language parser.
#pragma once

#include <cstddef>

#include "dsl/ast.hpp"
#include "dsl/diagnostic.hpp"
#include "dsl/source_file.hpp"

namespace rapport::dsl {

// Each limit is refused with a positioned error (docs/language.md, "Limits"), never a crash or a hang.
struct ParseLimits {
  std::size_t max_nesting = 64;   // parentheses/calls inside one expression
  std::size_t max_depth = 256;    // nodes from an expression's root to its deepest leaf
                                  // (`not not ... x`, `a + b + ...`), so walks cannot overflow the stack
  std::size_t max_file_bytes = 16 * 1024 * 1024;  // a rule file; larger ones are not parsed at all
  std::size_t max_text_bytes = 64 * 1024;         // one text, its joined literals as written between quotes
  std::size_t max_declarations = 100'000;         // in one rule file
};

struct ParseResult {
  RuleFile file;                  // every declaration that parsed; broken ones are left out
  Diagnostics diagnostics;        // every syntax error in the file, in order
};

// Parse a whole rule file. Never throws for bad input: errors come back as diagnostics,
// and parsing recovers at the next line that starts a declaration.
ParseResult parse_rule_file(const SourceFile& file, const ParseLimits& limits = {});

}  // namespace rapport::dsl
