// Reading inputs and writing outputs: plain words on failure, and atomic writes
// (a temporary file in the target's directory, then a rename), so no half-written report is left.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

namespace rapport::cli {

// An input could not be read or an output could not be written. Carries the path and the OS's reason.
class IoError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Reads a whole file. Throws IoError ("cannot read PATH: No such file or directory").
std::string read_text_file(const std::filesystem::path& path);

// Writes `content` to `path` atomically, or to standard output when path is "-".
// Throws IoError when the directory is not writable or the rename fails.
void write_output(const std::string& path, const std::string& content);

// An output written piece by piece as it is made, for outputs too large to hold: to standard output
// when path is "-", otherwise to a temporary file in the target's directory that commit() renames over
// the target. Destroyed without commit(), it removes the temporary file: a run that fails midway
// leaves no partial output. Every member throws IoError with the path and the OS's reason.
class StreamingOutput {
 public:
  explicit StreamingOutput(std::string path);
  ~StreamingOutput();
  StreamingOutput(const StreamingOutput&) = delete;
  StreamingOutput& operator=(const StreamingOutput&) = delete;

  void write(std::string_view bytes);
  void commit();

 private:
  std::string path_;
  std::string temp_;  // empty for standard output
  int fd_ = -1;
};

}  // namespace rapport::cli
