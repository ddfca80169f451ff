// Word wrapping for terminal output, counting UTF-8 code points as columns.
#pragma once

#include <string>
#include <string_view>

namespace rapport::cli {

// Wraps `text` to `width` columns; every line starts with `indent`, the first with `first_indent`.
std::string wrap(std::string_view text, int width, std::string_view first_indent, std::string_view indent);

// Columns a string takes on screen (code points; ANSI escapes count as zero).
int display_width(std::string_view text);

}  // namespace rapport::cli
