// Parses the expression inside a {placeholder} of a text, with spans into the file.
#pragma once

#include <cstddef>
#include <optional>

#include "dsl/ast.hpp"
#include "dsl/diagnostic.hpp"
#include "dsl/parser.hpp"
#include "dsl/source_file.hpp"

namespace rapport::dsl {

// [begin, end) is the raw text between the braces. Errors are added to `diags`.
std::optional<Expr> parse_placeholder(const SourceFile& file, std::size_t begin, std::size_t end,
                                      const ParseLimits& limits, Diagnostics& diags);

}  // namespace rapport::dsl
