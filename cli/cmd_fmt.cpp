// rapport fmt [--check] [--diff] PATHS...: rewrites rule files in the canonical layout (dsl/format.hpp),
// in place and only when they change; or, with --check/--diff, says what would change.
#include <fmt/format.h>

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <iterator>
#include <memory>

#include "cli/commands.hpp"
#include "cli/diagnostic_output.hpp"
#include "cli/errors.hpp"
#include "cli/exit_codes.hpp"
#include "cli/file_io.hpp"
#include "cli/line_diff.hpp"
#include "cli/rule_loading.hpp"
#include "cli/terminal.hpp"
#include "dsl/diagnostic_codes.hpp"
#include "dsl/format.hpp"

namespace rapport::cli {
namespace {

namespace fs = std::filesystem;

constexpr const char* kStdinName = "<stdin>";

struct FmtParams {
  std::vector<std::string> paths;
  bool check = false;  // write nothing; exit 1 when a file would change
  bool diff = false;   // write nothing; print what would change
};

// What happened to the files, for the summary line and the exit code.
struct Tally {
  std::size_t changed = 0;
  std::size_t unchanged = 0;
  std::size_t invalid = 0;     // syntax errors: left as they are
  std::size_t not_text = 0;    // not UTF-8 text, or too large to be a rule file: left as they are
  std::size_t unreadable = 0;  // could not be read or written

  int exit_code(bool check) const {
    if (unreadable > 0) return kIoError;
    if (invalid > 0 || not_text > 0) return kInvalidInput;
    return check && changed > 0 ? kCheckFailed : kOk;
  }
};

// A binary file, another encoding or a file beyond the size limit: its one error says so, not a syntax error.
bool is_text_problem(const dsl::Diagnostics& diagnostics) {
  return diagnostics.size() == 1 && (diagnostics[0].code == dsl::code::not_text ||
                                     diagnostics[0].code == dsl::code::not_utf8 ||
                                     diagnostics[0].code == dsl::code::file_too_large);
}

std::string files(std::size_t n) { return fmt::format("{} file{}", n, n == 1 ? "" : "s"); }

// "2 files reformatted, 6 already formatted, 1 with syntax errors (left unchanged)"
std::string summary(const Tally& tally, bool writes) {
  std::vector<std::string> parts;
  if (tally.changed > 0) {
    parts.push_back(files(tally.changed) + (writes ? " reformatted" : " would be reformatted"));
  }
  if (tally.unchanged > 0) parts.push_back(fmt::format("{} already formatted", tally.unchanged));
  if (tally.invalid > 0) parts.push_back(fmt::format("{} with syntax errors (left unchanged)", tally.invalid));
  if (tally.not_text > 0) parts.push_back(fmt::format("{} not rule text (left unchanged)", tally.not_text));
  if (tally.unreadable > 0) parts.push_back(fmt::format("{} could not be read or written", tally.unreadable));
  if (parts.empty()) return "no files";
  std::string line = parts.front();
  if (tally.changed == 0 && tally.unchanged > 0) line = files(tally.unchanged) + " already formatted";
  for (std::size_t i = 1; i < parts.size(); ++i) line += ", " + parts[i];
  return line;
}

class Formatter {
 public:
  explicit Formatter(const FmtParams& params) : params_(params), diff_style_{use_color(stdout), 100} {}

  // One file: formatted in memory, written back only when the text changes (and writing is asked).
  void file(const std::string& path) {
    std::string text;
    try {
      text = read_text_file(path);
    } catch (const IoError& e) {
      print_failure(stderr, e);
      ++tally_.unreadable;
      return;
    }
    const std::optional<std::string> formatted = format(path, text);
    if (!formatted || *formatted == text) return;
    if (params_.diff) fmt::print("{}", unified_diff(text, *formatted, path, path + " (formatted)", diff_style_));
    if (!writes()) {
      if (!params_.diff) fmt::print("would reformat {}\n", path);
      return;
    }
    try {
      rewrite(path, *formatted);
      fmt::print("reformatted {}\n", path);
    } catch (const IoError& e) {
      print_failure(stderr, e);
      --tally_.changed;
      ++tally_.unreadable;
    }
  }

  // `-`: standard input to standard output (or, with --check/--diff, what would change).
  void standard_input() {
    const std::string text{std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
    if (std::cin.bad()) throw IoError("cannot read standard input", "check what is piped into rapport fmt -");
    const std::optional<std::string> formatted = format(kStdinName, text);
    if (!formatted) return;
    if (params_.diff) {
      fmt::print("{}", unified_diff(text, *formatted, kStdinName, std::string(kStdinName) + " (formatted)",
                                    diff_style_));
    } else if (params_.check) {
      if (*formatted != text) fmt::print("would reformat {}\n", kStdinName);
    } else {
      write_output("-", *formatted);
    }
  }

  bool writes() const { return !params_.check && !params_.diff; }
  const Tally& tally() const { return tally_; }

 private:
  // Rewrites a rule file atomically, through a symbolic link rather than over it, keeping its permissions.
  static void rewrite(const std::string& path, const std::string& text) {
    std::error_code ec;
    const fs::path target = fs::is_symlink(path, ec) ? fs::canonical(path, ec) : fs::path(path);
    if (ec) throw cannot_write(path, ec.value());
    const fs::perms permissions = fs::status(target, ec).permissions();
    write_output(target.string(), text);
    if (!ec) fs::permissions(target, permissions, ec);  // best effort: the text is what matters
  }

  // The canonical text, counted as a change or not; nothing (diagnostics printed) on syntax errors.
  std::optional<std::string> format(const std::string& name, const std::string& text) {
    dsl::SourceMap sources;
    const dsl::SourceFile& source = sources.add(name, text);
    dsl::FormatResult result = dsl::format_source(source);
    if (!result.text) {
      print_diagnostics(stderr, result.diagnostics, sources);
      ++(is_text_problem(result.diagnostics) ? tally_.not_text : tally_.invalid);
      return std::nullopt;
    }
    ++(*result.text == text ? tally_.unchanged : tally_.changed);
    return result.text;
  }

  const FmtParams& params_;
  TextStyle diff_style_;
  Tally tally_;
};

int run_fmt(const FmtParams& params) {
  if (params.paths.empty()) {
    throw UsageError("name the rule files or directories to format, or - for standard input "
                     "(for example: rapport fmt rules/)");
  }
  Formatter formatter(params);
  const bool from_stdin = params.paths.size() == 1 && params.paths.front() == "-";
  if (from_stdin) {
    formatter.standard_input();  // standard output carries the text: no summary
    return formatter.tally().exit_code(params.check);
  }
  for (const auto& path : params.paths) {
    if (path == "-")
      throw UsageError("- (standard input) cannot be mixed with files",
                       "format standard input on its own (rapport fmt - < FILE), or name only files");
  }
  const std::vector<std::string> paths = find_rule_files(params.paths);
  if (paths.empty()) {
    print_failure(stderr, fmt::format("no .rules files found in {}", fmt::join(params.paths, ", ")),
                  "name .rules files, or directories that hold some");
    return kInvalidInput;
  }
  for (const auto& path : paths) formatter.file(path);
  fmt::print("{}\n", summary(formatter.tally(), formatter.writes()));
  return formatter.tally().exit_code(params.check);
}

}  // namespace

Command add_fmt_command(CLI::App& app) {
  auto params = std::make_shared<FmtParams>();
  CLI::App* command = app.add_subcommand("fmt", "Rewrite rule files in the canonical layout, keeping every comment");
  command->add_option("paths", params->paths,
                      "Rule files, or directories (every *.rules file below them); - reads standard input "
                      "and writes the formatted text to standard output");
  command->add_flag("--check", params->check,
                    "Change nothing; list the files that would be reformatted and exit 1 if there are any");
  command->add_flag("--diff", params->diff, "Change nothing; print a unified diff of what would change");
  command->footer("Exit codes: 0 done (or already formatted), 1 --check found files to reformat, 2 usage error, "
                  "3 a file has syntax errors (it is left as it is; the others are formatted), 4 I/O error.");
  return {command, [params] { return run_fmt(*params); }};
}

}  // namespace rapport::cli
