// Exit codes shared by every subcommand (documented in docs/cli.md).
#pragma once

namespace rapport::cli {

enum ExitCode : int {
  kOk = 0,
  kCheckFailed = 1,    // a check the user asked for failed (later: test failures, fmt --check, --fail-on)
  kUsage = 2,          // bad command line
  kInvalidInput = 3,   // rules or profile are invalid
  kIoError = 4,        // unreadable input, unwritable output
  kInternalError = 70, // a bug in Rapport (EX_SOFTWARE)
};

}  // namespace rapport::cli
