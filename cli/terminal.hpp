// What the terminal allows: colour (only on a TTY, never with NO_COLOR) and its width.
#pragma once

#include <cstdio>

namespace rapport::cli {

// True when `stream` is a terminal and NO_COLOR is unset or empty (https://no-color.org).
bool use_color(std::FILE* stream);

// The terminal's width in columns, or 100 when it cannot be told (not a TTY).
int terminal_width(std::FILE* stream);

}  // namespace rapport::cli
