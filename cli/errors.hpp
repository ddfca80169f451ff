// The failures a subcommand reports by throwing; main() maps each to its exit code.
#pragma once

#include <stdexcept>

#include "cli/file_io.hpp"  // IoError -> exit 4

namespace rapport::cli {

// The rules or the profile are invalid; the diagnostics have already been printed. Exit 3.
class InvalidInput : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The command line asks for something impossible (e.g. -o naming an input). Exit 2.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace rapport::cli
