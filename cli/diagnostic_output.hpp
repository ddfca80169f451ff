// Printing diagnostics for people: rendered with source lines, coloured on a terminal.
#pragma once

#include <cstdio>
#include <string>

#include "dsl/diagnostic.hpp"
#include "dsl/source_file.hpp"

namespace rapport::cli {

void print_diagnostics(std::FILE* stream, const dsl::Diagnostics& diagnostics, const dsl::SourceMap& sources);

// "2 errors, 1 warning" / "no problems".
std::string diagnostic_summary(const dsl::Diagnostics& diagnostics);

}  // namespace rapport::cli
