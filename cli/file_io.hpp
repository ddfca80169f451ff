// Reading inputs and writing outputs: plain words on failure, and atomic writes
// (a temporary file in the target's directory, then a rename), so no half-written report is left.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "cli/errors.hpp"  // IoError -> exit 4

namespace rapport::cli {

// Reads a whole file. Throws IoError ("cannot read PATH: No such file or directory", with what to do).
std::string read_text_file(const std::filesystem::path& path);

// Throws IoError ("cannot read PATH: No such file or directory", with what to do) when nothing is at `path`.
void require_exists(const std::string& path);

// Writes `content` to `path` atomically, or to standard output when path is "-".
// Throws IoError when the directory is not writable or the rename fails.
void write_output(const std::string& path, const std::string& content);

// Throws IoError, before any work is done, when `path` ("-" aside) surely cannot be written: it is a
// directory, or its directory does not exist or is not writable.
void require_writable(const std::string& path);

// An output written piece by piece as it is made, for outputs too large to hold: to standard output
// when path is "-", otherwise to a temporary file in the target's directory that commit() renames over
// the target. Destroyed without commit(), it removes the temporary file: a run that fails midway
// leaves no partial output. A target that exists and is not a regular file (/dev/null, a FIFO, a
// terminal) or that names a standard stream (/dev/stdout) is written in place: there is nothing to
// rename over it. Every member throws IoError with the path and the OS's reason.
class StreamingOutput {
 public:
  explicit StreamingOutput(std::string path);
  ~StreamingOutput();
  StreamingOutput(const StreamingOutput&) = delete;
  StreamingOutput& operator=(const StreamingOutput&) = delete;

  void write(std::string_view bytes);
  void commit();

 private:
  enum class Target { StandardOutput, InPlace, Replaced };
  std::string path_;
  std::string temp_;  // for Target::Replaced, until commit()
  Target target_ = Target::Replaced;
  int fd_ = -1;
};

}  // namespace rapport::cli
