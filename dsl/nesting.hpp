// The parenthesis-depth guard run before X3 sees an expression: X3 recurses once per
// parenthesis and has no depth limit of its own, so hostile input could overflow the stack.
#pragma once

#include <cstddef>
#include <optional>

#include "dsl/diagnostic.hpp"
#include "dsl/source_file.hpp"

namespace rapport::dsl {

// An error at the first '(' in [begin, end) that opens more than `max_nesting` levels, if any.
std::optional<Diagnostic> check_nesting(const SourceFile& file, std::size_t begin, std::size_t end,
                                        std::size_t max_nesting);

}  // namespace rapport::dsl
