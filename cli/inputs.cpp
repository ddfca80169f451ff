// Loading rules and profiles for subcommands (see inputs.hpp).
#include "cli/inputs.hpp"

#include <fmt/format.h>

#include <cstdint>
#include <filesystem>
#include <string_view>

#include "cli/diagnostic_output.hpp"
#include "cli/errors.hpp"
#include "cli/file_io.hpp"
#include "cli/rule_loading.hpp"

namespace rapport::cli {

namespace {

std::string fingerprint_of(const std::vector<std::string>& files, const dsl::SourceMap& sources) {
  std::uint64_t hash = 14695981039346656037ull;  // FNV-1a, 64 bits
  auto mix = [&hash](std::string_view bytes) {
    for (unsigned char c : bytes) hash = (hash ^ c) * 1099511628211ull;
    hash = (hash ^ 0xFF) * 1099511628211ull;  // separator, so "ab"+"c" differs from "a"+"bc"
  };
  for (const auto& file : files) {
    mix(std::filesystem::path(file).filename().string());
    if (const auto* source = sources.find(file)) mix(source->text());
  }
  return fmt::format("{:08x}", static_cast<std::uint32_t>(hash ^ (hash >> 32)));
}

}  // namespace

RuleInput require_rules(const std::vector<std::string>& paths, dsl::SourceMap& sources, engine::CheckFor purpose) {
  // Warnings are not shown here (rapport check shows them), so the lints that make them are not run.
  LoadedRules loaded = load_rules(paths, sources, purpose);
  if (!loaded.rules) {
    print_diagnostics(stderr, loaded.diagnostics, sources);
    throw InvalidInput("the rules have " + diagnostic_summary(loaded.diagnostics) +
                       "; fix them (rapport check lists them all)");
  }
  std::string fingerprint = fingerprint_of(loaded.files, sources);
  return {std::move(*loaded.rules), std::move(loaded.files), std::move(fingerprint)};
}

engine::Profile require_profile(const std::string& path, const engine::RuleSet& rules, dsl::SourceMap& sources) {
  const dsl::SourceFile& source = sources.add(path, read_text_file(path));
  engine::ProfileResult result = engine::load_profile(source, rules);
  if (!result.profile) {
    print_diagnostics(stderr, result.diagnostics, sources);
    throw InvalidInput("the profile " + path + " has " + diagnostic_summary(result.diagnostics) +
                       "; no report was written");
  }
  return std::move(*result.profile);
}

void refuse_output_over_input(const std::string& output, const std::vector<std::string>& inputs) {
  if (output == "-") return;
  std::error_code ec;
  for (const auto& input : inputs) {
    if (std::filesystem::equivalent(output, input, ec)) {
      throw UsageError("-o " + output + " names an input file; write the report somewhere else");
    }
  }
}

}  // namespace rapport::cli
