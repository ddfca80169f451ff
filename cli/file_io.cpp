// Reading inputs and writing outputs atomically (see file_io.hpp).
#include "cli/file_io.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>

namespace rapport::cli {
namespace {

std::string reason(int error_number) { return std::strerror(error_number); }

void write_all(int fd, const std::string& content, const std::string& shown_path) {
  const char* data = content.data();
  std::size_t left = content.size();
  while (left > 0) {
    ssize_t written = ::write(fd, data, left);
    if (written < 0) {
      if (errno == EINTR) continue;
      throw IoError("cannot write " + shown_path + ": " + reason(errno));
    }
    data += written;
    left -= static_cast<std::size_t>(written);
  }
}

}  // namespace

std::string read_text_file(const std::filesystem::path& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    throw IoError("cannot read " + path.string() + ": it is a directory, not a file");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw IoError("cannot read " + path.string() + ": " + reason(errno));
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) throw IoError("cannot read " + path.string() + ": " + reason(errno));
  return buffer.str();
}

void write_output(const std::string& path, const std::string& content) {
  if (path == "-") {
    std::cout << content << std::flush;
    if (!std::cout) throw IoError("cannot write to standard output");
    return;
  }
  const std::filesystem::path target(path);
  const std::filesystem::path directory = target.has_parent_path() ? target.parent_path() : ".";
  std::string temp = (directory / ("." + target.filename().string() + ".XXXXXX")).string();
  int fd = ::mkstemp(temp.data());
  if (fd < 0) throw IoError("cannot write " + path + ": " + reason(errno));
  try {
    write_all(fd, content, path);
    if (::fsync(fd) != 0) throw IoError("cannot write " + path + ": " + reason(errno));
    // mkstemp creates 0600; a report should get the permissions any new file would.
    const mode_t mask = ::umask(0);
    ::umask(mask);
    ::fchmod(fd, 0666 & ~mask);
    if (::close(fd) != 0) {
      fd = -1;
      throw IoError("cannot write " + path + ": " + reason(errno));
    }
    fd = -1;
    if (std::rename(temp.c_str(), path.c_str()) != 0) {
      throw IoError("cannot write " + path + ": " + reason(errno));
    }
  } catch (...) {
    if (fd >= 0) ::close(fd);
    ::unlink(temp.c_str());
    throw;
  }
}

}  // namespace rapport::cli
