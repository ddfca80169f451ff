// Where `rapport batch` reads profiles from: a JSON Lines stream (a file or standard input), read in
// large blocks and cut at line ends, or a directory of TOML profiles, read a few files at a time.
// Either way only the chunks in flight are in memory, never the whole input.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/batch_chunk.hpp"

namespace rapport::cli {

class BatchSource {
 public:
  virtual ~BatchSource() = default;

  // Fills `chunk` with the next piece of the input (lines, or files); false when none is left.
  // Throws IoError when the input cannot be read.
  virtual bool next(BatchChunk& chunk) = 0;
  // The input's size in the units of BatchChunk::input_units (bytes, or files), when it is known.
  virtual std::optional<std::uint64_t> total_units() const = 0;
  // How diagnostics name the input: its path, or <stdin>.
  virtual const std::string& name() const = 0;
};

// The files `input` stands for, to keep outputs off them: the *.toml profiles in it for a directory,
// none for standard input ("-"), itself otherwise.
std::vector<std::string> batch_input_files(const std::string& input);

// `input` is "-" (standard input), a directory (its *.toml files, in name order) or a JSON Lines file.
// Throws IoError when it does not exist or cannot be opened.
std::unique_ptr<BatchSource> open_batch_source(const std::string& input);

}  // namespace rapport::cli
