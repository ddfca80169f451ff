// Decodes a text's string literal(s) in place: escapes, adjacent strings joined, {placeholders}
// parsed into expressions. The grammar only recognises strings; their meaning is made here.
#pragma once

#include "dsl/ast.hpp"
#include "dsl/diagnostic.hpp"
#include "dsl/parser.hpp"
#include "dsl/source_file.hpp"

namespace rapport::dsl {

// Reads the literal(s) at `text.span` in `file` and fills `text.value` and `text.parts`.
//   value: the decoded string; escapes and {{ }} decoded, each placeholder kept as written ("{it.x}").
//   parts: literal runs (decoded) and placeholders (parsed), in order; at least one part.
// Bad escapes (bad-escape), stray braces (bad-placeholder) and errors inside a placeholder are
// added to `diags`; the text is still filled as well as it can be.
void decode_text(Text& text, const SourceFile& file, const ParseLimits& limits, Diagnostics& diags);

}  // namespace rapport::dsl
