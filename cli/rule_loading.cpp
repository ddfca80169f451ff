// Finding, reading, parsing and checking rule files (see rule_loading.hpp).
#include "cli/rule_loading.hpp"

#include <algorithm>
#include <filesystem>

#include "cli/file_io.hpp"
#include "dsl/diagnostic_codes.hpp"
#include "dsl/parser.hpp"
#include "dsl/text_encoding.hpp"
#include "engine/checker.hpp"

namespace rapport::cli {
namespace fs = std::filesystem;
namespace {

std::vector<std::string> rule_files_in(const fs::path& directory) {
  std::vector<std::string> files;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(directory, fs::directory_options::skip_permission_denied, ec), end;
       !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file(ec) && it->path().extension() == ".rules") files.push_back(it->path().string());
  }
  if (ec) throw cannot_read(directory.string(), ec.value());
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

std::vector<std::string> find_rule_files(const std::vector<std::string>& paths) {
  std::vector<std::string> files;
  for (const auto& path : paths) {
    require_exists(path);
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      auto found = rule_files_in(path);
      files.insert(files.end(), found.begin(), found.end());
    } else {
      files.push_back(path);
    }
  }
  return files;
}

std::string bundled_rules_dir() {
  std::error_code ec;
  fs::path executable = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    fs::path candidate = executable.parent_path().parent_path() / "share" / "rapport" / "rules";
    if (fs::is_directory(candidate, ec)) return candidate.string();
  }
  throw IoError("cannot find the bundled rules next to the rapport executable (looked for ../share/rapport/rules)",
                "name a rule set with -r RULES, or reinstall rapport");
}

std::vector<std::string> rule_set_files(const std::vector<std::string>& paths) {
  return find_rule_files(paths.empty() ? std::vector<std::string>{bundled_rules_dir()} : paths);
}

LoadedRules load_rules(const std::vector<std::string>& paths, dsl::SourceMap& sources, engine::CheckFor purpose) {
  LoadedRules loaded;
  loaded.files = rule_set_files(paths);

  std::vector<engine::ParsedFile> parsed;
  for (const auto& path : loaded.files) {
    const dsl::SourceFile& source = sources.add(path, read_text_file(path));
    if (auto problem = dsl::text_problem(source)) {  // not parsed: it would only give a cascade of syntax errors
      loaded.diagnostics.push_back(std::move(*problem));
      continue;
    }
    dsl::ParseResult result = dsl::parse_rule_file(source);
    loaded.diagnostics.insert(loaded.diagnostics.end(), result.diagnostics.begin(), result.diagnostics.end());
    parsed.push_back({&source, std::move(result.file)});
  }
  if (loaded.files.empty()) {
    loaded.diagnostics.push_back({dsl::DiagSeverity::Error, dsl::code::no_rules,
                                  "no .rules files found in " + paths.front(), {paths.front()}, {},
                                  "name a .rules file or a directory that holds some"});
    return loaded;
  }

  // Meaning is checked only on syntax that parsed cleanly: errors in broken text would only echo.
  if (!dsl::has_errors(loaded.diagnostics)) {
    engine::CheckResult checked = engine::check(parsed, purpose);
    loaded.diagnostics.insert(loaded.diagnostics.end(), checked.diagnostics.begin(), checked.diagnostics.end());
    loaded.rules = std::move(checked.rules);
  }
  dsl::sort_by_location(loaded.diagnostics);
  return loaded;
}

}  // namespace rapport::cli
