// Reading inputs and writing outputs atomically (see file_io.hpp), and the words for why they failed.
#include "cli/file_io.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <utility>

#include "dsl/size_limit.hpp"

namespace rapport::cli {
namespace {

namespace fs = std::filesystem;

std::string reason(int error_number) { return std::strerror(error_number); }

// The directory a file is (to be) in, as the user wrote it: "." for a bare name.
std::string directory_of(const std::string& path) {
  const fs::path parent = fs::path(path).parent_path();
  return parent.empty() ? std::string(".") : parent.string();
}

// Every input has a size limit (docs/language.md, "Limits"), the largest 64 MiB (a survey export), checked
// with a positioned error once the file is read. A file far beyond all of them is not read at all, so a
// wrong path to a disk image or a never-ending pipe cannot fill the memory first.
constexpr std::uintmax_t kReadCeiling = std::uintmax_t{256} << 20;

// `bytes` is the file's size, or 0 for a pipe or device, whose size is known only to pass the ceiling.
IoError too_large_to_read(const std::string& path, std::uintmax_t bytes) {
  const std::string size = bytes > 0 ? dsl::byte_size_text(bytes) : "more than " + dsl::byte_size_text(kReadCeiling);
  return IoError(fmt::format("cannot read {}: it is {}, and no input of Rapport is larger than {}", path, size,
                             dsl::byte_size_text(kReadCeiling)),
                 "check the path: rule files and profiles are at most 16 MiB, survey exports 64 MiB");
}

IoError cannot_write_standard_output(int error_number) {
  return IoError("cannot write to standard output: " + reason(error_number),
                 "check where standard output goes: a full disk, or a pipe whose reader stopped");
}

// Throws cannot_write(path) or, with an empty path, cannot_write_standard_output().
void write_all(int fd, std::string_view content, const std::string& path) {
  const char* data = content.data();
  std::size_t left = content.size();
  while (left > 0) {
    ssize_t written = ::write(fd, data, left);
    if (written < 0) {
      if (errno == EINTR) continue;
      throw path.empty() ? cannot_write_standard_output(errno) : cannot_write(path, errno);
    }
    data += written;
    left -= static_cast<std::size_t>(written);
  }
}

// /dev/stdout, /dev/fd/1, /proc/self/fd/1: a stream the shell opened, perhaps a file, to add to in place.
bool names_a_stream(std::string_view path) {
  return path.starts_with("/dev/std") || path.starts_with("/dev/fd/") ||
         (path.starts_with("/proc/") && path.find("/fd/") != std::string_view::npos);
}

}  // namespace

IoError cannot_read(const std::string& path, int error_number) {
  std::string help;
  switch (error_number) {
    case ENOENT: help = "check the path: there is no file of that name there"; break;
    case ENOTDIR: help = "check the path: a part of it before the last '/' is a file, not a directory"; break;
    case EISDIR: help = "name a file, not a directory"; break;
    case EACCES:
    case EPERM: help = "you may not read it: check its permissions (ls -l " + path + ")"; break;
    case ELOOP: help = "check the path: its symbolic links go round in a loop"; break;
    default: help = "check that the file is there and readable, then run the command again"; break;
  }
  return IoError("cannot read " + path + ": " + reason(error_number), help);
}

IoError cannot_write(const std::string& path, int error_number) {
  const std::string directory = directory_of(path);
  std::string help;
  switch (error_number) {
    case ENOENT: help = "the directory " + directory + " does not exist: create it first, or write somewhere else"; break;
    case ENOTDIR: help = "a part of the path before the last '/' is a file, not a directory: write somewhere else"; break;
    case EISDIR: help = "name a file to write, not a directory (for example " + (fs::path(path) / "report").string() + ")"; break;
    case EACCES:
    case EPERM: help = "you may not write in " + directory + ": write to a directory of yours, or check its permissions"; break;
    case EROFS: help = "that file system is read-only: write somewhere else"; break;
    case ENOSPC:
    case EDQUOT: help = "the disk is full: free some space, or write somewhere else"; break;
    default: help = "check that the place is writable, then run the command again"; break;
  }
  return IoError("cannot write " + path + ": " + reason(error_number), help);
}

std::string read_text_file(const fs::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw cannot_read(path.string(), errno);
  std::string text;
  struct stat status {};
  int error = ::fstat(fd, &status) != 0 ? errno : S_ISDIR(status.st_mode) ? EISDIR : 0;
  const bool regular = error == 0 && S_ISREG(status.st_mode);
  if (regular && static_cast<std::uintmax_t>(status.st_size) > kReadCeiling) {
    ::close(fd);
    throw too_large_to_read(path.string(), static_cast<std::uintmax_t>(status.st_size));
  }
  if (regular) text.reserve(static_cast<std::size_t>(status.st_size));
  char buffer[64 * 1024];
  while (error == 0) {
    const ssize_t got = ::read(fd, buffer, sizeof buffer);
    if (got == 0) break;
    if (got > 0) text.append(buffer, static_cast<std::size_t>(got));
    else if (errno != EINTR) error = errno;
    if (text.size() > kReadCeiling) {  // a pipe or a device: its size shows only while reading
      ::close(fd);
      throw too_large_to_read(path.string(), 0);
    }
  }
  ::close(fd);
  if (error != 0) throw cannot_read(path.string(), error);
  return text;
}

void require_exists(const std::string& path) {
  struct stat status {};
  if (::stat(path.c_str(), &status) != 0) throw cannot_read(path, errno);
}

void write_output(const std::string& path, const std::string& content) {
  if (path == "-") {
    std::cout << content << std::flush;
    if (!std::cout) throw cannot_write_standard_output(errno);
    return;
  }
  StreamingOutput output(path);
  output.write(content);
  output.commit();
}

void require_writable(const std::string& path) {
  if (path == "-") return;
  struct stat status {};
  if (::stat(path.c_str(), &status) == 0) {
    if (S_ISDIR(status.st_mode)) throw cannot_write(path, EISDIR);
    if (!S_ISREG(status.st_mode) || names_a_stream(path)) return;  // written in place: open() will tell
  }
  const std::string directory = directory_of(path);
  if (::stat(directory.c_str(), &status) != 0) throw cannot_write(path, errno);
  if (!S_ISDIR(status.st_mode)) throw cannot_write(path, ENOTDIR);
  if (::access(directory.c_str(), W_OK) != 0) throw cannot_write(path, errno);
}

StreamingOutput::StreamingOutput(std::string path) : path_(std::move(path)) {
  if (path_ == "-") {
    std::cout << std::flush;  // what was printed before comes first
    fd_ = STDOUT_FILENO;
    target_ = Target::StandardOutput;
    return;
  }
  struct stat status {};
  const bool exists = ::stat(path_.c_str(), &status) == 0;
  if (exists && S_ISDIR(status.st_mode)) throw cannot_write(path_, EISDIR);
  const bool regular = exists && S_ISREG(status.st_mode);
  if ((exists && !regular) || names_a_stream(path_)) {
    // A device, a FIFO or a socket, or a stream the shell opened: a temporary file renamed over it
    // would replace it (in /dev!) rather than write to it. Added to a stream that is a file, not truncated.
    fd_ = ::open(path_.c_str(), O_WRONLY | O_CLOEXEC | (regular ? O_APPEND : 0));
    if (fd_ < 0) throw cannot_write(path_, errno);
    target_ = Target::InPlace;
    return;
  }
  const fs::path target(path_);
  temp_ = (fs::path(directory_of(path_)) / ("." + target.filename().string() + ".XXXXXX")).string();
  fd_ = ::mkstemp(temp_.data());
  if (fd_ < 0) throw cannot_write(path_, errno);
}

StreamingOutput::~StreamingOutput() {
  if (target_ == Target::StandardOutput || fd_ < 0) return;
  ::close(fd_);
  if (target_ == Target::Replaced) ::unlink(temp_.c_str());
}

void StreamingOutput::write(std::string_view bytes) {
  write_all(fd_, bytes, target_ == Target::StandardOutput ? std::string() : path_);
}

void StreamingOutput::commit() {
  if (target_ == Target::StandardOutput || fd_ < 0) return;
  const int fd = std::exchange(fd_, -1);
  if (target_ == Target::InPlace) {
    if (::close(fd) != 0) throw cannot_write(path_, errno);
    return;
  }
  if (::fsync(fd) != 0) {
    const int error = errno;
    ::close(fd);
    ::unlink(temp_.c_str());
    throw cannot_write(path_, error);
  }
  // mkstemp creates 0600; an output should get the permissions any new file would.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd, 0666 & ~mask);
  const int closed = ::close(fd);
  const int error = closed != 0 ? errno : std::rename(temp_.c_str(), path_.c_str()) != 0 ? errno : 0;
  if (error != 0) {
    ::unlink(temp_.c_str());
    throw cannot_write(path_, error);
  }
  temp_.clear();
}

}  // namespace rapport::cli
