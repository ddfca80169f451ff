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

constexpr const char* kFixAbove = "fix what the messages above point at, then run the command again";

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
                           "; no report was written",
                       kFixAbove);
  }
  return std::move(*result.profile);
}

void check_output(const std::string& output, const std::vector<std::string>& inputs, std::string_view flag) {
  if (output == "-") return;
  std::error_code ec;
  for (const auto& input : inputs) {
    // The same file by any name: a relative path, a symbolic or a hard link.
    if (input != "-" && std::filesystem::equivalent(output, input, ec)) {
      const std::string same = input == output ? "" : " (as " + input + ")";
      throw UsageError(fmt::format("{} {} names an input file{}: writing there would destroy it", flag, output, same),
                       fmt::format("give {} a file of its own: rapport never writes over what it reads", flag));
    }
  }
  require_writable(output);
}

}  // namespace rapport::cli
