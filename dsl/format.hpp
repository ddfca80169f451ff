// rapport fmt's engine: prints a rule file in the one canonical layout, keeping every comment.
// Canonical means: declarations separated by one blank line, fields indented two spaces, `end` at
// column 1, expressions with the parentheses they need (and `and` inside `or` parenthesised),
// wrapped before binary operators to a width (110 columns), strings as written (one literal per line).
#pragma once

#include <optional>
#include <string>

#include "dsl/ast.hpp"
#include "dsl/diagnostic.hpp"
#include "dsl/source_file.hpp"

namespace rapport::dsl {

struct FormatOptions {
  // Expressions wrap to stay within this many columns; a quote moves to its own line beyond it.
  // Strings are never split, so a long one goes past it.
  unsigned width = 110;
  // Parenthesise `and` directly inside `or` (`a or (b and c)`). format_source turns this off for a
  // file whose parentheses would then nest deeper than the parser allows.
  bool clarify_and_in_or = true;
};

// The canonical text of `parsed`, which must be what parse_rule_file made of `file` without errors.
std::string format_rule_file(const SourceFile& file, const RuleFile& parsed, const FormatOptions& options = {});

struct FormatResult {
  std::optional<std::string> text;  // the canonical text; absent when the file has syntax errors
  Diagnostics diagnostics;          // the syntax errors
};

// Parses `file` and formats it. Before returning the text, parses it again and makes sure it says
// exactly what the original said (same declarations, expressions and comments): if not, that is a
// bug in the formatter and std::logic_error is thrown rather than a changed rule returned.
FormatResult format_source(const SourceFile& file, const FormatOptions& options = {});

}  // namespace rapport::dsl
