// Finding, reading and running rule tests (see test_run.hpp).
#include "cli/test_run.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <utility>

#include "cli/errors.hpp"
#include "cli/file_io.hpp"
#include "cli/rule_loading.hpp"
#include "dsl/diagnostic_codes.hpp"
#include "engine/profile.hpp"

namespace rapport::cli {
namespace fs = std::filesystem;
namespace {

bool is_test_file(const fs::path& path) {
  const std::string name = path.filename().string();
  return name.size() > 10 && name.ends_with(".test.toml");
}

// A path under the working directory reads best relative to it (the bundled rules are found by an
// absolute path); any other path is shown as it is.
std::string shown(const fs::path& path) {
  if (path.is_relative()) return path.lexically_normal().string();
  std::error_code ec;
  const fs::path relative = fs::relative(path, fs::current_path(ec), ec);
  if (ec || relative.empty() || *relative.begin() == "..") return path.string();
  return relative.string();
}

struct TestInputs {
  std::vector<std::string> rule_files;
  std::vector<std::string> test_files;
};

// Every rule file and test file below `directory`, as the flags ask.
void collect(const fs::path& directory, bool rules, bool tests, TestInputs& inputs) {
  std::error_code ec;
  for (fs::recursive_directory_iterator it(directory, fs::directory_options::skip_permission_denied, ec), end;
       !ec && it != end; it.increment(ec)) {
    if (!it->is_regular_file(ec)) continue;
    if (rules && it->path().extension() == ".rules") inputs.rule_files.push_back(shown(it->path()));
    if (tests && is_test_file(it->path())) inputs.test_files.push_back(shown(it->path()));
  }
  if (ec) throw cannot_read(directory.string(), ec.value());
}

void sort_unique(std::vector<std::string>& files) {
  std::sort(files.begin(), files.end());
  files.erase(std::unique(files.begin(), files.end()), files.end());
}

TestInputs find_inputs(const std::vector<std::string>& paths, const std::vector<std::string>& rule_paths) {
  TestInputs inputs;
  const bool rules_named = !rule_paths.empty();
  for (const auto& path : rule_paths) {
    require_exists(path);
    if (fs::is_directory(path)) collect(path, true, false, inputs);
    else inputs.rule_files.push_back(shown(path));
  }
  const std::vector<std::string> test_paths =
      !paths.empty() ? paths : rules_named ? rule_paths : std::vector<std::string>{bundled_rules_dir()};
  for (const auto& path : test_paths) {
    require_exists(path);
    if (fs::is_directory(path)) {
      collect(path, !rules_named, true, inputs);
    } else if (fs::path(path).extension() == ".rules") {
      if (!rules_named) inputs.rule_files.push_back(shown(path));
    } else {
      inputs.test_files.push_back(shown(path));
      // A test file lives next to its rules.
      if (!rules_named) collect(fs::path(path).parent_path().empty() ? "." : fs::path(path).parent_path(), true,
                                false, inputs);
    }
  }
  sort_unique(inputs.rule_files);
  sort_unique(inputs.test_files);
  const std::string where = test_paths.size() == 1 ? test_paths.front() : "the paths given";
  if (inputs.rule_files.empty())
    throw InvalidInput("no .rules files found in " + where + "; name the rules to test with -r RULES");
  if (inputs.test_files.empty()) throw InvalidInput("no test files (*.test.toml) found in " + where,
                       "write test files next to the rules (docs/authoring.md, \"Testing rules\"), or name them");
  return inputs;
}

// Every base profile the cases name, read and loaded once however many cases name it.
class BaseProfiles {
 public:
  BaseProfiles(const engine::RuleSet& rules, dsl::SourceMap& sources, RuleTestRun& run)
      : rules_(rules), sources_(sources), run_(run) {}

  // The loaded profile, or nothing after adding the errors (once per test file and profile).
  const engine::Profile* load(const std::string& test_file, const engine::RuleTestCase& test);

 private:
  struct Loaded {
    std::optional<engine::Profile> profile;
    std::string problem;  // why there is none, said at the case that names it
    const char* code = dsl::code::bad_value;
  };
  const Loaded& read(const std::string& path);

  const engine::RuleSet& rules_;
  dsl::SourceMap& sources_;
  RuleTestRun& run_;
  std::map<std::string, Loaded> loaded_;
  std::map<std::pair<std::string, std::string>, bool> reported_;
};

const BaseProfiles::Loaded& BaseProfiles::read(const std::string& path) {
  if (const auto found = loaded_.find(path); found != loaded_.end()) return found->second;
  Loaded loaded;
  try {
    const dsl::SourceFile& source = sources_.add(path, read_text_file(path));
    engine::ProfileResult result = engine::load_profile(source, rules_);
    run_.diagnostics.insert(run_.diagnostics.end(), result.diagnostics.begin(), result.diagnostics.end());
    loaded.profile = std::move(result.profile);
    if (!loaded.profile) loaded.problem = "the base profile " + path + " is invalid (its errors are listed above)";
  } catch (const IoError& error) {
    run_.unreadable_input = true;
    loaded.problem = std::string(error.what());
    loaded.code = dsl::code::io_error;
  }
  return loaded_.emplace(path, std::move(loaded)).first->second;
}

const engine::Profile* BaseProfiles::load(const std::string& test_file, const engine::RuleTestCase& test) {
  // Resolved through symlinks, as the file system would: the bundled rules are a link to the sources,
  // and "../examples" is beside the sources' rules, not beside the link.
  const fs::path written = fs::path(test_file).parent_path() / *test.base_profile;
  std::error_code ec;
  const fs::path resolved = fs::weakly_canonical(written, ec);
  const fs::path path = ec ? written.lexically_normal() : fs::path(shown(resolved));
  const Loaded& loaded = read(path.string());
  if (loaded.profile) return &*loaded.profile;
  if (!std::exchange(reported_[{test_file, path.string()}], true)) {
    run_.diagnostics.push_back({dsl::DiagSeverity::Error, loaded.code, loaded.problem, test.base_profile_where, {},
                                "name a valid profile, relative to this test file"});
  }
  return nullptr;
}

void run_file(TestFileRun& file, const engine::RuleSet& rules, BaseProfiles& bases) {
  std::vector<const engine::Profile*> base_of;
  file.valid = file.parsed.diagnostics.empty();
  for (const auto& test : file.parsed.cases) {
    base_of.push_back(test.base_profile ? bases.load(file.path, test) : nullptr);
    if (test.base_profile && !base_of.back()) file.valid = false;
  }
  if (!file.valid) return;
  for (std::size_t i = 0; i < file.parsed.cases.size(); ++i)
    file.results.push_back(engine::run_rule_test(rules, file.parsed.cases[i], base_of[i]));
}

}  // namespace

std::size_t RuleTestRun::passed() const {
  std::size_t n = 0;
  for (const auto& file : files)
    n += static_cast<std::size_t>(std::count_if(file.results.begin(), file.results.end(),
                                                [](const auto& r) { return r.passed(); }));
  return n;
}

std::size_t RuleTestRun::failed() const {
  std::size_t n = 0;
  for (const auto& file : files) n += file.results.size();
  return n - passed();
}

std::size_t RuleTestRun::invalid_files() const {
  return static_cast<std::size_t>(std::count_if(files.begin(), files.end(), [](const auto& f) { return !f.valid; }));
}

RuleTestRun run_rule_tests(const std::vector<std::string>& paths, const std::vector<std::string>& rule_paths,
                           dsl::SourceMap& sources) {
  const TestInputs inputs = find_inputs(paths, rule_paths);
  RuleTestRun run;
  run.rule_files = inputs.rule_files;
  LoadedRules loaded = load_rules(inputs.rule_files, sources);
  if (!loaded.rules) {
    run.diagnostics = std::move(loaded.diagnostics);
    return run;
  }
  run.rules = std::move(loaded.rules);
  for (const auto& path : inputs.test_files) {
    const dsl::SourceFile& source = sources.add(path, read_text_file(path));
    TestFileRun file{path, engine::parse_rule_tests(source, *run.rules), false, {}};
    run.diagnostics.insert(run.diagnostics.end(), file.parsed.diagnostics.begin(), file.parsed.diagnostics.end());
    run.files.push_back(std::move(file));
  }
  BaseProfiles bases(*run.rules, sources, run);
  run.coverage = engine::no_coverage(*run.rules);
  for (auto& file : run.files) {
    run_file(file, *run.rules, bases);
    for (const auto& result : file.results) engine::record(*run.coverage, result);
  }
  return run;
}

}  // namespace rapport::cli
