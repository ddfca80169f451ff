// A diagnostic is a value: severity, stable code, message, place, notes and help.
// Parsers and the checker return lists of them; nothing is thrown for bad input.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dsl/location.hpp"

namespace rapport::dsl {

class SourceMap;

enum class DiagSeverity { Error, Warning };

struct DiagNote {
  std::string message;
  std::optional<Location> where;  // a note may point at a second place ("first declared here")
};

struct Diagnostic {
  DiagSeverity severity = DiagSeverity::Error;
  std::string code;               // a stable code from dsl/diagnostic_codes.hpp
  std::string message;            // plain words, no trailing period
  Location where;
  std::vector<DiagNote> notes;
  std::string help;               // what to do next ("did you mean 'x'?"), may be empty
};

using Diagnostics = std::vector<Diagnostic>;

bool has_errors(const Diagnostics& diags);
std::size_t count(const Diagnostics& diags, DiagSeverity severity);
// Sort by file, line, column (stable, so equal places keep their order).
void sort_by_location(Diagnostics& diags);

// Render in the rustc/clang form:
//   rules/trust.rules:14:22: error: expected a comparison after 'marketing.satisfaction'
//      14 |   when marketing.satisfaction 30%
//         |                               ^
//   note: ...
//   help: ...
// The source line is quoted when `sources` knows the file. `color` adds ANSI colours.
// Every line ends with '\n', so rendered diagnostics concatenate.
std::string render(const Diagnostic& diag, const SourceMap& sources, bool color = false);

// The same, quoting `line` as the text of the diagnostic's own line (notes are not quoted): for texts
// read a piece at a time and never kept whole, such as a large JSON Lines file.
std::string render(const Diagnostic& diag, std::string_view line, bool color = false);

}  // namespace rapport::dsl
