// Golden tests: every example profile's text and JSON reports, compared byte for byte with the files in
// tests/golden/. The reports are made from the repository root with relative paths and `-r rules`, so
// they do not depend on where the repository or the build tree is. Regenerate them after an intended
// change with scripts/update-golden.sh and review the diff.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "run_rapport.hpp"

using rapport::test::run_rapport;
using rapport::test::slurp;

namespace {

namespace fs = std::filesystem;

// How to regenerate, naming the executable these tests ran (the script's default is build/bin/rapport).
const std::string kRegenerate =
    "If the change is intended, regenerate the golden files from the repository root with\n"
    "  RAPPORT=" +
    std::string(RAPPORT_BINARY) +
    " bash scripts/update-golden.sh\n"
    "and review them with `git diff tests/golden` before committing.";

fs::path golden_dir() { return fs::path(RAPPORT_TEST_DATA) / "golden"; }

// The examples, by name (examples/NAME.toml), in name order.
std::vector<std::string> example_names() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(fs::path(RAPPORT_SOURCE_DIR) / "examples")) {
    if (entry.is_regular_file() && entry.path().extension() == ".toml") names.push_back(entry.path().stem().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  if (!text.empty() && text.back() != '\n') lines.back() += "  (no newline at end)";
  return lines;
}

// A unified-diff-like listing of the lines that differ ("-" golden, "+" actual), with two lines of
// context around each change and "@@ golden line N @@" before each hunk. Long listings are cut short.
std::string diff_hint(const std::string& expected, const std::string& actual) {
  const auto a = split_lines(expected);
  const auto b = split_lines(actual);
  const std::size_t n = a.size();
  const std::size_t m = b.size();
  // Longest common subsequence table, from the end: lcs[i][j] for a[i..] and b[j..].
  std::vector<std::vector<std::size_t>> lcs(n + 1, std::vector<std::size_t>(m + 1, 0));
  for (std::size_t i = n; i-- > 0;) {
    for (std::size_t j = m; j-- > 0;) {
      lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  struct Op {
    char tag;          // ' ', '-' or '+'
    std::size_t line;  // 0-based line in the golden file (for ' ' and '-') or in the actual output ('+')
    const std::string* text;
  };
  std::vector<Op> ops;
  std::size_t i = 0;
  std::size_t j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] == b[j]) {
      ops.push_back({' ', i, &a[i]});
      ++i, ++j;
    } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
      ops.push_back({'-', i, &a[i]});  // removals before additions, as in a unified diff
      ++i;
    } else {
      ops.push_back({'+', j, &b[j]});
      ++j;
    }
  }

  constexpr std::size_t kContext = 2;
  constexpr std::size_t kMaxLines = 60;
  std::vector<bool> shown(ops.size(), false);
  for (std::size_t k = 0; k < ops.size(); ++k) {
    if (ops[k].tag == ' ') continue;
    const std::size_t from = k >= kContext ? k - kContext : 0;
    const std::size_t to = std::min(ops.size(), k + kContext + 1);
    for (std::size_t c = from; c < to; ++c) shown[c] = true;
  }
  std::ostringstream out;
  out << "--- golden\n+++ actual\n";
  std::size_t printed = 0;
  std::size_t golden_line = 0;  // golden lines consumed before ops[k]
  for (std::size_t k = 0; k < ops.size(); ++k) {
    if (shown[k] && (k == 0 || !shown[k - 1])) out << "@@ golden line " << golden_line + 1 << " @@\n";
    if (shown[k]) {
      if (printed == kMaxLines) {
        out << "... (more differences not shown)\n";
        break;
      }
      out << ops[k].tag << *ops[k].text << '\n';
      ++printed;
    }
    if (ops[k].tag != '+') ++golden_line;
  }
  return out.str();
}

// Runs `rapport assess examples/NAME.toml -r rules [extra...]` as the update script does and compares the
// output with tests/golden/NAME.SUFFIX.
void check_against_golden(const std::string& name, const std::string& suffix, const std::vector<std::string>& extra) {
  std::vector<std::string> args{"assess", "examples/" + name + ".toml", "-r", "rules"};
  args.insert(args.end(), extra.begin(), extra.end());
  const auto result = run_rapport(args, "NO_COLOR=1");
  std::string flags;
  for (const auto& arg : extra) flags += " " + arg;
  INFO("rapport assess examples/" << name << ".toml -r rules" << flags);
  INFO(result.err);
  CHECK(result.exit_code == 0);
  CHECK(result.err.empty());
  if (result.exit_code != 0) return;  // CHECK, not REQUIRE: the other examples are still compared

  const auto golden_path = golden_dir() / (name + suffix);
  if (!fs::exists(golden_path)) {
    FAIL_CHECK("there is no golden file tests/golden/" << name << suffix << " for examples/" << name << ".toml.\n"
                                                       << kRegenerate);
    return;
  }
  const auto golden = slurp(golden_path);
  if (result.out != golden) {
    FAIL_CHECK("the report for examples/" << name << ".toml differs from tests/golden/" << name << suffix << ":\n"
                                          << diff_hint(golden, result.out) << kRegenerate);
  } else {
    SUCCEED("matches tests/golden/" << name << suffix);
  }
}

}  // namespace

const std::vector<std::string> kGoldenSuffixes = {".txt", ".json", ".md", ".html"};

TEST_CASE("there are at least six example profiles, each with a golden report in every format", "[golden]") {
  const auto names = example_names();
  CHECK(names.size() >= 6);
  for (const auto& name : names) {
    for (const auto& suffix : kGoldenSuffixes) {
      INFO("examples/" << name << ".toml needs tests/golden/" << name << suffix << ".\n" << kRegenerate);
      CHECK(fs::exists(golden_dir() / (name + suffix)));
    }
  }
}

TEST_CASE("every golden report belongs to an example profile", "[golden]") {
  const auto names = example_names();
  const std::set<std::string> known(names.begin(), names.end());
  for (const auto& entry : fs::directory_iterator(golden_dir())) {
    const auto file = entry.path().filename().string();
    INFO("tests/golden/" << file << " has no examples/" << entry.path().stem().string()
                         << ".toml; scripts/update-golden.sh removes such files");
    CHECK(std::count(kGoldenSuffixes.begin(), kGoldenSuffixes.end(), entry.path().extension().string()) == 1);
    CHECK(known.count(entry.path().stem().string()) == 1);
  }
}

TEST_CASE("each example's text report matches its golden file", "[golden]") {
  for (const auto& name : example_names()) {
    DYNAMIC_SECTION(name) { check_against_golden(name, ".txt", {}); }
  }
}

TEST_CASE("each example's JSON report matches its golden file", "[golden]") {
  for (const auto& name : example_names()) {
    DYNAMIC_SECTION(name) { check_against_golden(name, ".json", {"-f", "json"}); }
  }
}

TEST_CASE("each example's Markdown report matches its golden file", "[golden]") {
  for (const auto& name : example_names()) {
    DYNAMIC_SECTION(name) { check_against_golden(name, ".md", {"-f", "markdown"}); }
  }
}

TEST_CASE("each example's HTML report matches its golden file", "[golden]") {
  for (const auto& name : example_names()) {
    DYNAMIC_SECTION(name) { check_against_golden(name, ".html", {"-f", "html"}); }
  }
}

TEST_CASE("the golden diff hint shows the changed lines with their context", "[golden]") {
  const std::string golden = "a\nb\nc\nd\ne\nf\ng\n";
  const std::string actual = "a\nb\nc\nD\ne\nf\ng\n";
  CHECK(diff_hint(golden, actual) == "--- golden\n+++ actual\n@@ golden line 2 @@\n b\n c\n-d\n+D\n e\n f\n");
  CHECK(diff_hint("x\n", "x") == "--- golden\n+++ actual\n@@ golden line 1 @@\n-x\n+x  (no newline at end)\n");
}
