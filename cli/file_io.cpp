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
#include <utility>

namespace rapport::cli {
namespace {

std::string reason(int error_number) { return std::strerror(error_number); }

void write_all(int fd, std::string_view content, const std::string& shown_path) {
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
  StreamingOutput output(path);
  output.write(content);
  output.commit();
}

StreamingOutput::StreamingOutput(std::string path) : path_(std::move(path)) {
  if (path_ == "-") {
    std::cout << std::flush;  // what was printed before comes first
    fd_ = STDOUT_FILENO;
    return;
  }
  const std::filesystem::path target(path_);
  const std::filesystem::path directory = target.has_parent_path() ? target.parent_path() : ".";
  temp_ = (directory / ("." + target.filename().string() + ".XXXXXX")).string();
  fd_ = ::mkstemp(temp_.data());
  if (fd_ < 0) throw IoError("cannot write " + path_ + ": " + reason(errno));
}

StreamingOutput::~StreamingOutput() {
  if (temp_.empty()) return;
  if (fd_ >= 0) ::close(fd_);
  ::unlink(temp_.c_str());
}

void StreamingOutput::write(std::string_view bytes) {
  write_all(fd_, bytes, temp_.empty() ? std::string("standard output") : path_);
}

void StreamingOutput::commit() {
  if (temp_.empty()) return;
  if (::fsync(fd_) != 0) throw IoError("cannot write " + path_ + ": " + reason(errno));
  // mkstemp creates 0600; an output should get the permissions any new file would.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd_, 0666 & ~mask);
  const int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0) throw IoError("cannot write " + path_ + ": " + reason(errno));
  if (std::rename(temp_.c_str(), path_.c_str()) != 0) throw IoError("cannot write " + path_ + ": " + reason(errno));
  temp_.clear();
}

}  // namespace rapport::cli
