// End-to-end: rapport fmt rewrites rule files in place, checks them for CI, shows diffs, and
// never touches a file it cannot format.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <thread>

#include "run_rapport.hpp"

using namespace rapport::test;
namespace fs = std::filesystem;

namespace {

const std::string kMessy =
    "# A finding written in a hurry.\n"
    "finding   low_trust   title \"Low trust\"\n"
    "    severity high\n\n\n"
    "  when it.trust<3 or (marketing.trust<3)   # either side\n"
    "end\n"
    "finding other\n"
    "end\n";

const std::string kCanonical =
    "# A finding written in a hurry.\n"
    "finding low_trust\n"
    "  title \"Low trust\"\n"
    "  severity high\n"
    "\n"
    "  when it.trust < 3 or marketing.trust < 3 # either side\n"
    "end\n"
    "\n"
    "finding other\n"
    "end\n";

void write(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

// rapport with `input` on its standard input (run_rapport gives it none).
RunResult run_with_input(const std::vector<std::string>& args, const std::string& input) {
  const fs::path dir = scratch_dir("fmt-stdin");
  write(dir / "in", input);
  std::string command = "cd " + shell_quote(RAPPORT_SOURCE_DIR) + " && " + shell_quote(RAPPORT_BINARY);
  for (const auto& arg : args) command += " " + shell_quote(arg);
  command += " <" + shell_quote((dir / "in").string()) + " >" + shell_quote((dir / "out").string()) + " 2>" +
             shell_quote((dir / "err").string());
  const int status = std::system(command.c_str());
  RunResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.out = slurp(dir / "out");
  result.err = slurp(dir / "err");
  fs::remove_all(dir);
  return result;
}

}  // namespace

TEST_CASE("fmt rewrites a rule file in place and says which files it reformatted", "[e2e][fmt]") {
  const fs::path dir = scratch_dir("fmt-in-place");
  write(dir / "a.rules", kMessy);
  const auto result = run_rapport({"fmt", (dir / "a.rules").string()});
  INFO(result.out << result.err);
  CHECK(result.exit_code == 0);
  CHECK(slurp(dir / "a.rules") == kCanonical);
  CHECK(result.out == "reformatted " + (dir / "a.rules").string() + "\n1 file reformatted\n");
  fs::remove_all(dir);
}

TEST_CASE("fmt rewrites a linked rule file through its link and keeps its permissions", "[e2e][fmt]") {
  const fs::path dir = scratch_dir("fmt-link");
  write(dir / "real" / "a.rules", kMessy);
  fs::permissions(dir / "real" / "a.rules", fs::perms::owner_read | fs::perms::owner_write);
  fs::create_symlink(dir / "real" / "a.rules", dir / "link.rules");
  const auto result = run_rapport({"fmt", (dir / "link.rules").string()});
  INFO(result.out << result.err);
  CHECK(result.exit_code == 0);
  CHECK(fs::is_symlink(dir / "link.rules"));
  CHECK(slurp(dir / "real" / "a.rules") == kCanonical);
  CHECK(fs::status(dir / "real" / "a.rules").permissions() == (fs::perms::owner_read | fs::perms::owner_write));
  fs::remove_all(dir);
}

TEST_CASE("fmt on a directory formats every .rules file below it and nothing else", "[e2e][fmt]") {
  const fs::path dir = scratch_dir("fmt-directory");
  write(dir / "a.rules", kMessy);
  write(dir / "nested" / "b.rules", kMessy);
  write(dir / "c.rules", kCanonical);
  write(dir / "notes.txt", kMessy);
  const auto result = run_rapport({"fmt", dir.string()});
  INFO(result.out << result.err);
  CHECK(result.exit_code == 0);
  CHECK(slurp(dir / "a.rules") == kCanonical);
  CHECK(slurp(dir / "nested" / "b.rules") == kCanonical);
  CHECK(slurp(dir / "notes.txt") == kMessy);
  CHECK(result.out.find("2 files reformatted, 1 already formatted") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("fmt --check lists the files that would change, exits 1 and leaves them untouched", "[e2e][fmt]") {
  const fs::path dir = scratch_dir("fmt-check");
  write(dir / "a.rules", kMessy);
  write(dir / "b.rules", kCanonical);
  const auto result = run_rapport({"fmt", "--check", dir.string()});
  INFO(result.out << result.err);
  CHECK(result.exit_code == 1);
  CHECK(result.out == "would reformat " + (dir / "a.rules").string() +
                          "\n1 file would be reformatted, 1 already formatted\n");
  CHECK(slurp(dir / "a.rules") == kMessy);
  CHECK(slurp(dir / "b.rules") == kCanonical);
  fs::remove_all(dir);
}

TEST_CASE("fmt leaves formatted files untouched and --check on them exits 0", "[e2e][fmt]") {
  const fs::path dir = scratch_dir("fmt-clean");
  write(dir / "a.rules", kCanonical);
  const auto written = fs::last_write_time(dir / "a.rules");
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  const auto result = run_rapport({"fmt", dir.string()});
  INFO(result.out << result.err);
  CHECK(result.exit_code == 0);
  CHECK(result.out == "1 file already formatted\n");
  CHECK(fs::last_write_time(dir / "a.rules") == written);
  const auto check = run_rapport({"fmt", "--check", dir.string()});
  CHECK(check.exit_code == 0);
  CHECK(check.out == "1 file already formatted\n");
  fs::remove_all(dir);
}

TEST_CASE("fmt never touches a file with syntax errors: diagnostics, exit 3, the other files formatted",
          "[e2e][fmt]") {
  const fs::path dir = scratch_dir("fmt-syntax-error");
  const std::string broken = "finding   broken\n  when it.trust <\nend\n";
  write(dir / "a.rules", broken);
  write(dir / "b.rules", kMessy);
  const auto result = run_rapport({"fmt", dir.string()});
  CHECK(result.exit_code == 3);
  CHECK(slurp(dir / "a.rules") == broken);
  CHECK(slurp(dir / "b.rules") == kCanonical);
  CHECK(result.err.find("a.rules:3:1: error: expected an expression") != std::string::npos);
  CHECK(result.out.find("1 file reformatted, 1 with syntax errors (left unchanged)") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("fmt leaves a file that is not text alone and says so, not that it has syntax errors", "[e2e][fmt]") {
  const fs::path dir = scratch_dir("fmt-not-text");
  const std::string png("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
  write(dir / "logo.rules", png);
  write(dir / "b.rules", kMessy);
  const auto result = run_rapport({"fmt", dir.string()});
  CHECK(result.exit_code == 3);
  CHECK(slurp(dir / "logo.rules") == png);
  CHECK(slurp(dir / "b.rules") == kCanonical);
  CHECK(result.err.find("logo.rules:1:1: error:") != std::string::npos);
  CHECK(result.out.find("1 file reformatted, 1 not rule text (left unchanged)") != std::string::npos);
  CHECK(result.out.find("syntax errors") == std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("fmt - formats standard input to standard output", "[e2e][fmt]") {
  const auto result = run_with_input({"fmt", "-"}, kMessy);
  INFO(result.err);
  CHECK(result.exit_code == 0);
  CHECK(result.out == kCanonical);
  const auto clean = run_with_input({"fmt", "-"}, kCanonical);
  CHECK(clean.out == kCanonical);
  const auto check = run_with_input({"fmt", "--check", "-"}, kMessy);
  CHECK(check.exit_code == 1);
  CHECK(check.out == "would reformat <stdin>\n");
  const auto broken = run_with_input({"fmt", "-"}, "finding f\n  when\nend\n");
  CHECK(broken.exit_code == 3);
  CHECK(broken.out.empty());
  CHECK(broken.err.find("<stdin>:3:1: error:") != std::string::npos);
}

TEST_CASE("fmt --diff prints a unified diff of what would change and writes nothing", "[e2e][fmt]") {
  const fs::path dir = scratch_dir("fmt-diff");
  write(dir / "a.rules", kMessy);
  const std::string path = (dir / "a.rules").string();
  const auto result = run_rapport({"fmt", "--diff", path});
  INFO(result.out << result.err);
  CHECK(result.exit_code == 0);
  CHECK(slurp(dir / "a.rules") == kMessy);
  CHECK(result.out ==
        "--- " + path + "\n"
        "+++ " + path + " (formatted)\n"
        "@@ -1,9 +1,10 @@\n"
        " # A finding written in a hurry.\n"
        "-finding   low_trust   title \"Low trust\"\n"
        "-    severity high\n"
        "-\n"
        "+finding low_trust\n"
        "+  title \"Low trust\"\n"
        "+  severity high\n"
        " \n"
        "-  when it.trust<3 or (marketing.trust<3)   # either side\n"
        "+  when it.trust < 3 or marketing.trust < 3 # either side\n"
        " end\n"
        "+\n"
        " finding other\n"
        " end\n"
        "1 file would be reformatted\n");
  const auto check = run_rapport({"fmt", "--check", "--diff", path});
  CHECK(check.exit_code == 1);
  CHECK(check.out.find("+++ " + path + " (formatted)") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("fmt usage: help, no paths, missing paths, standard input mixed with files", "[e2e][fmt]") {
  const auto help = run_rapport({"fmt", "--help"});
  CHECK(help.exit_code == 0);
  CHECK(help.out.find("--check") != std::string::npos);
  CHECK(help.out.find("--diff") != std::string::npos);
  CHECK(run_rapport({"fmt"}).exit_code == 2);
  CHECK(run_rapport({"fmt", "-", "rules"}).exit_code == 2);
  const auto missing = run_rapport({"fmt", "no/such/dir"});
  CHECK(missing.exit_code == 4);
  CHECK(missing.err.find("cannot read no/such/dir") != std::string::npos);
  const fs::path dir = scratch_dir("fmt-empty");
  const auto empty = run_rapport({"fmt", dir.string()});
  CHECK(empty.exit_code == 3);
  CHECK(empty.err.find("no .rules files found") != std::string::npos);
  fs::remove_all(dir);
}
