// export_pdf (see pdf_export.hpp): write the HTML to a private temporary directory, let headless Chromium
// print it there, then move the PDF into place with write_output's temp-and-rename.
#include "cli/pdf_export.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <optional>
#include <thread>
#include <vector>

#include "cli/file_io.hpp"

extern char** environ;

namespace rapport::cli {
namespace {

namespace fs = std::filesystem;

constexpr auto kTimeout = std::chrono::seconds(120);
constexpr const char* kHtmlInstead = "run the command again; or write --format html and print it from a browser";

std::optional<fs::path> find_on_path(const std::vector<std::string>& names) {
  const char* path = std::getenv("PATH");
  if (path == nullptr) return std::nullopt;
  for (const auto& name : names) {
    std::string_view rest(path);
    while (!rest.empty()) {
      const auto colon = rest.find(':');
      const fs::path candidate = fs::path(std::string(rest.substr(0, colon))) / name;
      if (::access(candidate.c_str(), X_OK) == 0 && !fs::is_directory(candidate)) return candidate;
      if (colon == std::string_view::npos) break;
      rest.remove_prefix(colon + 1);
    }
  }
  return std::nullopt;
}

// A private directory under the system's temporary directory, removed with everything in it.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "rapport-pdf-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) {
      throw IoError("cannot create a temporary directory for the PDF: " + std::string(std::strerror(errno)),
                    "point TMPDIR at a directory you can write to");
    }
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

// Runs the command with its output going to `log`; returns its exit status, or throws on timeout.
int run(const std::vector<std::string>& command, const fs::path& log) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
  std::vector<char*> argv;
  for (const auto& arg : command) argv.push_back(const_cast<char*>(arg.c_str()));
  argv.push_back(nullptr);
  pid_t pid = 0;
  const int spawned = ::posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) throw IoError("cannot run " + command[0] + ": " + std::strerror(spawned), kHtmlInstead);

  const auto deadline = std::chrono::steady_clock::now() + kTimeout;
  int status = 0;
  while (true) {
    const pid_t done = ::waitpid(pid, &status, WNOHANG);
    if (done == pid) break;
    if (done < 0 && errno != EINTR) throw IoError("cannot wait for Chromium: " + std::string(std::strerror(errno)), kHtmlInstead);
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      throw IoError("Chromium did not finish printing the PDF within 120 seconds", kHtmlInstead);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

// The last few lines of Chromium's log, for an error message.
std::string log_tail(const fs::path& log) {
  std::string text;
  try {
    text = read_text_file(log);
  } catch (const IoError&) {
    return "";
  }
  std::size_t start = text.size();
  for (int lines = 0; lines < 4 && start > 0; ++lines) start = text.rfind('\n', start - 2) + 1;
  return text.substr(start == std::string::npos ? 0 : start);
}

}  // namespace

void export_pdf(const std::string& html, const std::string& output_path) {
  const auto chromium = find_on_path({"chromium", "chromium-browser"});
  if (!chromium) {
    throw IoError(
        "PDF output needs Chromium: install it with `sudo apt-get install chromium`, or use --format html and "
        "print from a browser");
  }
  TempDir temp;
  const fs::path page = temp.path() / "report.html";
  const fs::path pdf = temp.path() / "report.pdf";
  const fs::path log = temp.path() / "chromium.log";
  write_output(page.string(), html);
  const int status = run({chromium->string(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                          "--no-first-run", "--disable-background-networking", "--disable-component-update",
                          "--disable-sync", "--user-data-dir=" + (temp.path() / "profile").string(),
                          "--no-pdf-header-footer", "--print-to-pdf=" + pdf.string(), "file://" + page.string()},
                         log);
  std::error_code ec;
  if (status != 0 || !fs::exists(pdf, ec) || fs::file_size(pdf, ec) == 0) {
    throw IoError("cannot write " + output_path + ": Chromium failed to print the PDF (exit " +
                  std::to_string(status) + ")\n" + log_tail(log),
                  kHtmlInstead);
  }
  const std::string bytes = read_text_file(pdf);
  if (!bytes.starts_with("%PDF")) throw IoError("cannot write " + output_path + ": Chromium did not produce a PDF", kHtmlInstead);
  write_output(output_path, bytes);
}

}  // namespace rapport::cli
