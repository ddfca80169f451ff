// The inputs of rapport batch (see batch_input.hpp).
#include "cli/batch_input.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <vector>

#include "cli/file_io.hpp"
#include "dsl/text_encoding.hpp"
#include "engine/profile_json.hpp"

namespace rapport::cli {

namespace fs = std::filesystem;

// ---------------------------------------------------------------- LineBuffer

std::size_t LineBuffer::room() const { return capacity_ - engine::kJsonPadding - size_; }

void LineBuffer::reserve(std::size_t bytes) {
  if (capacity_ >= bytes + engine::kJsonPadding) return;
  const std::size_t capacity = bytes + engine::kJsonPadding;
  auto grown = std::make_unique_for_overwrite<char[]>(capacity);
  if (size_ > 0) std::memcpy(grown.get(), data_.get(), size_);
  // The padding is never parsed as text, but it must be readable and is best not left uninitialised.
  std::memset(grown.get() + capacity - engine::kJsonPadding, ' ', engine::kJsonPadding);
  data_ = std::move(grown);
  capacity_ = capacity;
}

namespace {

// About this much text per chunk: a few hundred profiles, enough for the evaluator's blocks and for the
// locking to cost nothing, small enough that every thread gets work on a modest file.
constexpr std::size_t kChunkBytes = 256 * 1024;
constexpr std::size_t kDirectoryChunkFiles = 32;

// ---------------------------------------------------------------- JSON Lines

class JsonLinesSource : public BatchSource {
 public:
  JsonLinesSource(int fd, std::string name, bool owned) : fd_(fd), owned_(owned), name_(std::move(name)) {
    struct stat status {};
    if (::fstat(fd_, &status) == 0 && S_ISREG(status.st_mode)) total_ = static_cast<std::uint64_t>(status.st_size);
  }
  ~JsonLinesSource() override {
    if (owned_) ::close(fd_);
  }

  bool next(BatchChunk& chunk) override;
  std::optional<std::uint64_t> total_units() const override { return total_; }
  const std::string& name() const override { return name_; }

 private:
  std::size_t read_more(LineBuffer& buffer);
  // A gzip file or UTF-16 text would make every "line" an error: refused as a whole (exit 3), by its first line.
  void refuse_binary(std::string_view first_line) const {
    if (const auto kind = dsl::binary_kind(first_line))
      throw InvalidInput(name_ + " is not a text file: it looks like " + kind->what, kind->help);
  }

  int fd_;
  bool owned_;
  std::string name_;
  std::optional<std::uint64_t> total_;
  std::string carry_;  // the start of a line the last chunk could not end
  bool at_end_ = false;
  std::uint64_t next_line_ = 1;
};

std::size_t JsonLinesSource::read_more(LineBuffer& buffer) {
  if (buffer.room() < kChunkBytes / 4) buffer.reserve(std::max(buffer.size() * 2, kChunkBytes));
  for (;;) {
    const ssize_t got = ::read(fd_, buffer.data() + buffer.size(), buffer.room());
    if (got >= 0) {
      buffer.resize(buffer.size() + static_cast<std::size_t>(got));
      return static_cast<std::size_t>(got);
    }
    if (errno != EINTR) throw cannot_read(name_, errno);
  }
}

bool JsonLinesSource::next(BatchChunk& chunk) {
  chunk.files.clear();
  LineBuffer& buffer = chunk.lines;
  buffer.clear();
  buffer.reserve(kChunkBytes + carry_.size());
  std::memcpy(buffer.data(), carry_.data(), carry_.size());
  buffer.resize(carry_.size());
  carry_.clear();
  chunk.starts_input = next_line_ == 1;

  // Read until the chunk is full and holds a line end, then keep what follows the last one for later.
  while (!at_end_) {
    if (buffer.size() >= kChunkBytes) {
      const char* text = buffer.data();
      const void* last = ::memrchr(text, '\n', buffer.size());
      if (last != nullptr) {
        const std::size_t end = static_cast<const char*>(last) - text + 1;
        carry_.assign(text + end, buffer.size() - end);
        buffer.resize(end);
        break;
      }
    }
    if (read_more(buffer) == 0) at_end_ = true;
  }
  if (buffer.size() == 0) return false;

  const std::string_view text = buffer.text();
  if (chunk.starts_input) refuse_binary(text.substr(0, text.find('\n')));
  std::uint64_t lines = text.back() == '\n' ? 0 : 1;  // the input's last line may have no line end
  for (const char* p = text.data(); (p = static_cast<const char*>(std::memchr(p, '\n', text.end() - p))); ++p) ++lines;
  chunk.first_line = next_line_;
  next_line_ += lines;
  chunk.input_units = text.size();
  return true;
}

// ---------------------------------------------------------------- a directory of TOML profiles

// The *.toml files in `directory` (not below it), in name order.
std::vector<std::string> profile_files_in(const std::string& directory) {
  std::vector<std::string> files;
  std::error_code ec;
  for (fs::directory_iterator it(directory, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().extension() == ".toml" && !it->is_directory()) files.push_back(it->path().string());
  }
  if (ec) throw cannot_read(directory, ec.value());
  std::sort(files.begin(), files.end());
  return files;
}

class DirectorySource : public BatchSource {
 public:
  explicit DirectorySource(std::string path) : name_(std::move(path)), files_(profile_files_in(name_)) {}

  bool next(BatchChunk& chunk) override {
    chunk.lines.clear();
    chunk.files.resize(std::min(kDirectoryChunkFiles, files_.size() - next_));
    for (ProfileFile& file : chunk.files) {
      file.path = files_[next_++];
      file.text = read_text_file(file.path);
    }
    chunk.input_units = chunk.files.size();
    return !chunk.files.empty();
  }
  std::optional<std::uint64_t> total_units() const override { return files_.size(); }
  const std::string& name() const override { return name_; }

 private:
  std::string name_;
  std::vector<std::string> files_;
  std::size_t next_ = 0;
};

}  // namespace

std::vector<std::string> batch_input_files(const std::string& input) {
  if (input == "-") return {};
  std::error_code ec;
  if (fs::is_directory(input, ec)) return profile_files_in(input);
  return {input};
}

std::unique_ptr<BatchSource> open_batch_source(const std::string& input) {
  if (input == "-") return std::make_unique<JsonLinesSource>(STDIN_FILENO, "<stdin>", false);
  std::error_code ec;
  if (fs::is_directory(input, ec)) return std::make_unique<DirectorySource>(input);
  const int fd = ::open(input.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw cannot_read(input, errno);
  return std::make_unique<JsonLinesSource>(fd, input, true);
}

}  // namespace rapport::cli
