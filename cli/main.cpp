// rapport: the command-line entry point. Registers every subcommand, parses the flags,
// runs the chosen one and maps failures to the documented exit codes (docs/cli.md).
#include <CLI/CLI.hpp>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <new>
#include <string>
#include <string_view>
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/diagnostic_output.hpp"
#include "cli/errors.hpp"
#include "cli/exit_codes.hpp"

namespace {

constexpr const char* kFooter =
    "Exit codes: 0 ok, 1 a requested check failed, 2 usage error, 3 invalid input (rules, profile, ...), 4 I/O "
    "error, 70 internal error.\n"
    "Run 'rapport SUBCOMMAND --help' for a subcommand's flags. NO_COLOR turns colour off.";

int run(int argc, char** argv) {
  using namespace rapport::cli;
  CLI::App app{"Rapport assesses how well a client's IT and marketing functions work together,\n"
               "from survey profiles and plain-text rules.",
               "rapport"};
  app.set_version_flag("-V,--version", std::string("rapport ") + RAPPORT_VERSION);
  app.footer(kFooter);
  app.require_subcommand(1);

  const std::vector<Command> commands = {
      add_assess_command(app),
      add_check_command(app),
      add_diff_command(app),
      add_fmt_command(app),
      add_test_command(app),
      add_explain_command(app),
      add_whatif_command(app),
      add_import_command(app),
      add_batch_command(app),
  };

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kOk : kUsage;
  }
  for (const auto& command : commands) {
    if (command.flags->parsed()) return command.run();
  }
  return kUsage;
}

// What the exception says, when it is words for people rather than a library's internals
// ("basic_string::_M_create", "map::at", "std::bad_cast"); otherwise nothing.
std::string plain_detail(const char* what) {
  const std::string_view text = what;
  const bool internal = text.empty() || text.find("::") != std::string_view::npos ||
                        text.find("_M_") != std::string_view::npos || text.starts_with("std") ||
                        text.starts_with("basic_") || text.starts_with("bad_") || text.starts_with("vector") ||
                        text.find("operator") != std::string_view::npos;
  return internal ? std::string() : std::string(text);
}

int internal_error(const std::string& detail) {
  rapport::cli::print_failure(
      stderr,
      "internal error: rapport stopped on something it did not expect" + (detail.empty() ? std::string() : ": " + detail),
      "this is a bug in rapport: please report it, with the command you ran and, if you can, its input files");
  return rapport::cli::kInternalError;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace rapport::cli;
  try {
    return run(argc, argv);
  } catch (const InvalidInput& e) {
    print_failure(stderr, e);
    return kInvalidInput;
  } catch (const IoError& e) {
    print_failure(stderr, e);
    return kIoError;
  } catch (const UsageError& e) {
    print_failure(stderr, e);
    return kUsage;
  } catch (const std::bad_alloc&) {
    print_failure(stderr, "out of memory",
                  "close other programs or give rapport more memory; rapport batch reads in constant memory, so "
                  "split a large profile or rule set, or run batch with fewer --threads");
    return kInternalError;
  } catch (const std::filesystem::filesystem_error& e) {
    // A file-system call that was expected to succeed did not: the path and the reason, in plain words.
    const std::string path = e.path1().empty() ? std::string("a file") : e.path1().string();
    print_failure(stderr, "cannot use " + path + ": " + e.code().message(),
                  "check that the path exists and that you may read and write there, then run the command again");
    return kIoError;
  } catch (const std::exception& e) {
    return internal_error(plain_detail(e.what()));
  } catch (...) {
    return internal_error("");
  }
}
