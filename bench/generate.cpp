// rapport-bench-generate: writes the benchmarks' inputs from a seed. Subcommands:
//   rules      the synthetic rule file (N share metrics, M findings)
//   native     the native limit: the same rules as straight-line C++ (CMake compiles it with -O2)
//   profiles   the synthetic profiles as JSON Lines, for `rapport batch -r` the synthetic rules
//   realistic  profiles varied from the example profiles, as JSON Lines, for the bundled rules
#include <CLI/CLI.hpp>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <iostream>
#include <memory>

#include "bench/native_codegen.hpp"
#include "bench/profile_json.hpp"
#include "bench/profiles.hpp"
#include "bench/rule_texts.hpp"
#include "bench/workload.hpp"
#include "cli/file_io.hpp"
#include "dsl/diagnostic.hpp"
#include "dsl/source_file.hpp"

namespace {

using namespace rapport;
using namespace rapport::bench;
namespace fs = std::filesystem;

// Writes to a file or, for "-", to standard output, a chunk at a time (outputs reach gigabytes).
class Output {
 public:
  explicit Output(const std::string& path) {
    if (path == "-") return;
    file_ = std::make_unique<std::ofstream>(path, std::ios::binary | std::ios::trunc);
    if (!*file_) throw std::runtime_error("cannot write " + path);
  }
  void write(std::string& chunk, bool force = false) {
    if (!force && chunk.size() < (1u << 20)) return;
    stream().write(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    chunk.clear();
    if (!stream()) throw std::runtime_error("write failed");
  }
  void finish(std::string& chunk) {
    write(chunk, true);
    stream().flush();
  }

 private:
  std::unique_ptr<std::ofstream> file_;
  std::ostream& stream() { return file_ ? *file_ : std::cout; }
};

void add_shape_options(CLI::App& command, WorkloadShape& shape) {
  command.add_option("--metrics", shape.metrics, "share metrics (asked of IT)")->capture_default_str();
  command.add_option("--rules", shape.rules, "findings")->capture_default_str();
  command.add_option("--seed", shape.seed, "seed of the workload")->capture_default_str();
  command.add_option("--fire-rate", shape.fire_rate, "share of rules meant to fire")->capture_default_str();
  command.add_option("--missing", shape.missing, "share of values left out")->capture_default_str();
}

void write_rules(const WorkloadShape& shape, const std::string& path) {
  std::string text = rules_text(shape, make_rules(shape));
  Output(path).finish(text);
}

void write_native(const WorkloadShape& shape, const std::string& name, const std::string& path) {
  std::string text = native_program(shape, make_rules(shape), name);
  Output(path).finish(text);
}

void write_synthetic_profiles(const WorkloadShape& shape, std::uint32_t count, const std::string& path) {
  const engine::RuleSet rules = load_rule_texts({{"synthetic.rules", rules_text(shape, make_rules(shape))}});
  const ProfileJsonWriter writer(rules);
  Output out(path);
  std::string chunk;
  // A block of profiles at a time keeps memory flat for any count.
  constexpr std::uint32_t kStep = 4096;
  const std::vector<double> values = make_profiles(shape, count);
  for (std::uint32_t first = 0; first < count; first += kStep) {
    const std::uint32_t n = std::min(kStep, count - first);
    const std::vector<double> part(values.begin() + static_cast<std::ptrdiff_t>(first) * shape.metrics,
                                   values.begin() + static_cast<std::ptrdiff_t>(first + n) * shape.metrics);
    std::vector<engine::Profile> profiles = synthetic_profiles(rules, shape, part);
    for (std::uint32_t i = 0; i < n; ++i) {
      profiles[i].company.name = fmt::format("Synthetic {}", first + i);
      writer.append(chunk, profiles[i]);
      out.write(chunk);
    }
  }
  out.finish(chunk);
}

std::vector<engine::Profile> read_examples(const std::string& directory, const engine::RuleSet& rules) {
  std::vector<std::string> paths;
  for (const auto& entry : fs::directory_iterator(directory))
    if (entry.path().extension() == ".toml") paths.push_back(entry.path().string());
  std::sort(paths.begin(), paths.end());
  std::vector<engine::Profile> examples;
  for (const std::string& path : paths) {
    const dsl::SourceFile source(path, cli::read_text_file(path));
    engine::ProfileResult result = engine::load_profile(source, rules);
    if (!result.profile) throw std::runtime_error(path + " is not a valid profile for the rules");
    examples.push_back(std::move(*result.profile));
  }
  return examples;
}

void write_realistic(const std::string& rules_path, const std::string& examples, std::uint64_t count,
                     std::uint64_t seed, const std::string& path) {
  const engine::RuleSet rules = load_rule_texts(read_rule_texts(rules_path));
  ProfileVariation variation(rules, read_examples(examples, rules), seed);
  const ProfileJsonWriter writer(rules);
  Output out(path);
  std::string chunk;
  for (std::uint64_t i = 0; i < count; ++i) {
    writer.append(chunk, variation.next());
    out.write(chunk);
  }
  out.finish(chunk);
}

int run(int argc, char** argv) {
  CLI::App app{"Writes the benchmarks' inputs (rules, native program, profiles) from a seed.",
               "rapport-bench-generate"};
  app.require_subcommand(1);
  WorkloadShape shape;
  std::string output = "-";
  std::string name = "evaluate";
  std::uint32_t count = 1000;

  auto* rules = app.add_subcommand("rules", "the synthetic rule file");
  auto* native = app.add_subcommand("native", "the synthetic rules as straight-line C++ (the native limit)");
  auto* profiles = app.add_subcommand("profiles", "the synthetic profiles as JSON Lines");
  for (auto* command : {rules, native, profiles}) {
    add_shape_options(*command, shape);
    command->add_option("-o,--output", output, "file to write, - for stdout")->capture_default_str();
  }
  native->add_option("--name", name, "the C++ function's name (in rapport::bench::native)")->capture_default_str();
  profiles->add_option("--count", count, "profiles")->capture_default_str();

  std::string rule_path = "rules", examples = "examples";
  std::uint64_t realistic_count = 1000, seed = 42;
  auto* realistic = app.add_subcommand("realistic", "profiles varied from the examples, as JSON Lines");
  realistic->add_option("--rules", rule_path, "the rule set the examples are for")->capture_default_str();
  realistic->add_option("--examples", examples, "directory of example profiles (*.toml)")->capture_default_str();
  realistic->add_option("--count", realistic_count, "profiles")->capture_default_str();
  realistic->add_option("--seed", seed, "seed of the variation")->capture_default_str();
  realistic->add_option("-o,--output", output, "file to write, - for stdout")->capture_default_str();

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  if (rules->parsed()) write_rules(shape, output);
  if (native->parsed()) write_native(shape, name, output);
  if (profiles->parsed()) write_synthetic_profiles(shape, count, output);
  if (realistic->parsed()) write_realistic(rule_path, examples, realistic_count, seed, output);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "rapport-bench-generate: " << e.what() << "\n";
    return 1;
  }
}
