// Printing diagnostics for people: rendered with source lines, coloured on a terminal.
#pragma once

#include <cstdio>
#include <string>

#include "cli/errors.hpp"
#include "dsl/diagnostic.hpp"
#include "dsl/source_file.hpp"

namespace rapport::cli {

void print_diagnostics(std::FILE* stream, const dsl::Diagnostics& diagnostics, const dsl::SourceMap& sources);

// A failure that stops a command, in the same form as a diagnostic without a place:
// `error: MESSAGE`, then `help: WHAT TO DO` when it says.
void print_failure(std::FILE* stream, const std::string& message, const std::string& help);
void print_failure(std::FILE* stream, const CommandFailure& failure);

// "2 errors, 1 warning" / "no problems".
std::string diagnostic_summary(const dsl::Diagnostics& diagnostics);

}  // namespace rapport::cli
