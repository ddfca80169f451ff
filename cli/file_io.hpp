// Reading inputs and writing outputs: plain words on failure, and atomic writes
// (a temporary file in the target's directory, then a rename), so no half-written report is left.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>

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

}  // namespace rapport::cli
