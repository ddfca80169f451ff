// The failures a subcommand reports by throwing; main() maps each to its exit code and prints it as
// `error: MESSAGE` and, when there is one, `help: WHAT TO DO`.
#pragma once

#include <stdexcept>
#include <string>
#include <utility>

namespace rapport::cli {

// What went wrong (what()) and what to do about it (help(), may be empty when the message says it).
class CommandFailure : public std::runtime_error {
 public:
  explicit CommandFailure(const std::string& message, std::string help = "")
      : std::runtime_error(message), help_(std::move(help)) {}
  const std::string& help() const { return help_; }

 private:
  std::string help_;
};

// The rules or the profile are invalid; the diagnostics have already been printed. Exit 3.
class InvalidInput : public CommandFailure {
 public:
  using CommandFailure::CommandFailure;
};

// The command line asks for something impossible (e.g. -o naming an input). Exit 2.
class UsageError : public CommandFailure {
 public:
  using CommandFailure::CommandFailure;
};

// An input could not be read or an output could not be written. Carries the path and the OS's reason. Exit 4.
class IoError : public CommandFailure {
 public:
  using CommandFailure::CommandFailure;
};

// "cannot read PATH: No such file or directory", with what to do about that reason.
IoError cannot_read(const std::string& path, int error_number);
// "cannot write PATH: Permission denied", with what to do about that reason.
IoError cannot_write(const std::string& path, int error_number);

}  // namespace rapport::cli
