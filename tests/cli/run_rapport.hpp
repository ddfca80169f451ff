// Runs the built rapport executable as a user would, capturing its output and exit code.
#pragma once

#include <sys/wait.h>

#include <cstdio>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace rapport::test {

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

inline std::string shell_quote(const std::string& arg) {
  std::string quoted = "'";
  for (char c : arg) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

inline std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// A fresh, empty directory for one test's output files.
inline std::filesystem::path scratch_dir(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() / ("rapport-test-" + name + "-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

// Runs `rapport ARGS...` from the repository root, so paths like examples/x.toml work.
// `env` is prefixed to the command, e.g. "NO_COLOR=1".
inline RunResult run_rapport(const std::vector<std::string>& args, const std::string& env = "") {
  static int counter = 0;
  auto dir = scratch_dir("run" + std::to_string(++counter));
  std::string command = "cd " + shell_quote(RAPPORT_SOURCE_DIR) + " && " + env + " " + shell_quote(RAPPORT_BINARY);
  for (const auto& arg : args) command += " " + shell_quote(arg);
  command += " >" + shell_quote((dir / "out").string()) + " 2>" + shell_quote((dir / "err").string()) + " </dev/null";
  int status = std::system(command.c_str());
  RunResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.out = slurp(dir / "out");
  result.err = slurp(dir / "err");
  std::filesystem::remove_all(dir);
  return result;
}

// Whether util-linux `script` is there to give rapport a pseudo-terminal.
inline bool can_run_on_terminal() { return std::system("command -v script >/dev/null 2>&1") == 0; }

// Runs `rapport ARGS...` from the repository root with a pseudo-terminal as its standard output
// (util-linux `script`), as a user at a terminal would; returns what the terminal showed (both streams).
inline std::string run_rapport_on_terminal(const std::vector<std::string>& args, const std::string& env = "") {
  std::string inner = env + " " + shell_quote(RAPPORT_BINARY);
  for (const auto& arg : args) inner += " " + shell_quote(arg);
  const std::string command = "cd " + shell_quote(RAPPORT_SOURCE_DIR) + " && script -qec " + shell_quote(inner) +
                              " /dev/null </dev/null 2>&1";
  std::string output;
  if (FILE* pipe = popen(command.c_str(), "r")) {
    char buffer[4096];
    for (std::size_t n; (n = fread(buffer, 1, sizeof buffer, pipe)) > 0;) output.append(buffer, n);
    pclose(pipe);
  }
  return output;
}

inline std::string fixture(const std::string& name) { return std::string(RAPPORT_TEST_DATA) + "/fixtures/" + name; }

}  // namespace rapport::test
