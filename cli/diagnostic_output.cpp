// Printing diagnostics (see diagnostic_output.hpp).
#include "cli/diagnostic_output.hpp"

#include <fmt/format.h>

#include "cli/terminal.hpp"

namespace rapport::cli {

void print_diagnostics(std::FILE* stream, const dsl::Diagnostics& diagnostics, const dsl::SourceMap& sources) {
  const bool color = use_color(stream);
  for (const auto& diagnostic : diagnostics) {
    fmt::print(stream, "{}\n", dsl::render(diagnostic, sources, color));
  }
  std::fflush(stream);
}

void print_failure(std::FILE* stream, const std::string& message, const std::string& help) {
  const dsl::Diagnostic failure{dsl::DiagSeverity::Error, "", message, {}, {}, help};
  fmt::print(stream, "{}", dsl::render(failure, dsl::SourceMap{}, use_color(stream)));
  std::fflush(stream);
}

void print_failure(std::FILE* stream, const CommandFailure& failure) {
  print_failure(stream, failure.what(), failure.help());
}

std::string diagnostic_summary(const dsl::Diagnostics& diagnostics) {
  auto errors = dsl::count(diagnostics, dsl::DiagSeverity::Error);
  auto warnings = dsl::count(diagnostics, dsl::DiagSeverity::Warning);
  if (errors == 0 && warnings == 0) return "no problems";
  std::string text;
  if (errors > 0) text = fmt::format("{} error{}", errors, errors == 1 ? "" : "s");
  if (warnings > 0) {
    if (!text.empty()) text += ", ";
    text += fmt::format("{} warning{}", warnings, warnings == 1 ? "" : "s");
  }
  return text;
}

}  // namespace rapport::cli
