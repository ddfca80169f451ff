// Turns the ways a parse can stop (an X3 expectation failure, a grammar SyntaxError, or text
// left over) into positioned diagnostics that say what was expected after which token.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string_view>

#include "dsl/diagnostic.hpp"
#include "dsl/source_file.hpp"

namespace rapport::dsl {

// The region being parsed: [begin, end) of the file's text. `begin` is where the scan for the
// token before an error starts, so "after 'x'" never reaches into another declaration.
struct ParseRegion {
  std::size_t begin = 0;
  std::size_t end = 0;
};

// "expected WHAT after 'PREVIOUS'", placed where the unexpected token starts (whitespace and
// comments after `stopped` skipped). With nothing left in the file, placed just after the
// previous token.
Diagnostic expected_here(const SourceFile& file, ParseRegion region, std::size_t stopped, std::string_view what);

Diagnostic error_at(const SourceFile& file, std::size_t offset, const char* code, std::string message,
                    std::string help = {});

// Runs `parse`; a syntax error it throws comes back as a diagnostic.
std::optional<Diagnostic> catch_syntax_error(const SourceFile& file, ParseRegion region,
                                             const std::function<void()>& parse);

}  // namespace rapport::dsl
