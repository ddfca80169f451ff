// rapport: the command-line entry point. Registers every subcommand, parses the flags,
// runs the chosen one and maps failures to the documented exit codes (docs/cli.md).
#include <CLI/CLI.hpp>
#include <cstdio>
#include <exception>
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/errors.hpp"
#include "cli/exit_codes.hpp"

namespace {

constexpr const char* kFooter =
    "Exit codes: 0 ok, 1 a requested check failed, 2 usage error, 3 invalid rules or profile, 4 I/O error.\n"
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

}  // namespace

int main(int argc, char** argv) {
  using namespace rapport::cli;
  try {
    return run(argc, argv);
  } catch (const InvalidInput& e) {
    fmt::print(stderr, "error: {}\n", e.what());
    return kInvalidInput;
  } catch (const IoError& e) {
    fmt::print(stderr, "error: {}\n", e.what());
    return kIoError;
  } catch (const UsageError& e) {
    fmt::print(stderr, "error: {}\n", e.what());
    return kUsage;
  } catch (const std::exception& e) {
    fmt::print(stderr, "internal error: {}\nThis is a bug in rapport; please report it with the command you ran.\n",
               e.what());
    return kInternalError;
  }
}
