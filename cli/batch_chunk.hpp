// A piece of `rapport batch`'s input on its way through the pipeline (batch_pipeline.hpp): filled by
// the reader, assessed and written out as JSON lines by a worker, emitted in order by the writer, then
// reused. Every buffer keeps its capacity from one use to the next, so memory stays flat.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/batch_evaluate.hpp"
#include "engine/profile.hpp"

namespace rapport::cli {

// A buffer of whole lines of JSON Lines, with kJsonPadding readable bytes after its text, so that
// records are parsed where they lie.
class LineBuffer {
 public:
  std::string_view text() const { return {data_.get(), size_}; }
  // How many bytes may be read from `at` on, padding included.
  std::size_t readable_from(const char* at) const { return static_cast<std::size_t>(data_.get() + capacity_ - at); }

  char* data() { return data_.get(); }
  std::size_t size() const { return size_; }
  std::size_t room() const;  // bytes that can still be added before the padding
  void reserve(std::size_t bytes);  // room for at least `bytes` of text, the text kept
  void resize(std::size_t size) { size_ = size; }
  void clear() { size_ = 0; }

 private:
  std::unique_ptr<char[]> data_;
  std::size_t size_ = 0;
  std::size_t capacity_ = 0;  // padding included
};

// One profile file of a directory input.
struct ProfileFile {
  std::string path;
  std::string text;
};

struct BatchChunk {
  std::uint64_t sequence = 0;        // its place in the input; the writer emits chunks in this order

  // What the reader put in: lines (JSON Lines) or files (a directory of TOML profiles).
  LineBuffer lines;
  std::uint64_t first_line = 1;      // the line number of the first of `lines`
  bool starts_input = false;         // the first chunk: a byte order mark may open it
  std::vector<ProfileFile> files;
  std::uint64_t input_units = 0;     // bytes or files, for the progress bar

  // What the worker made of it.
  std::vector<engine::Profile> profiles;      // the valid records', in input order; [0, assessed) are this chunk's
  std::vector<engine::BatchOutcome> outcomes; // outcomes[i] is profiles[i]'s
  std::size_t assessed = 0;
  std::size_t failed = 0;
  std::string output;                // the JSON lines, in input order
  std::string shown_errors;          // rendered diagnostics of the first failed records, for standard error
  std::vector<std::size_t> shown_ends;  // where each of those records' diagnostics end in shown_errors
};

}  // namespace rapport::cli
