// What a worker thread of `rapport batch` does to a chunk: reads every record (JSON Lines through the
// JSON profile reader, files through the TOML loader), assesses the valid ones together in one call of
// its BatchEvaluator, and writes one JSON line per record, in input order, into the chunk.
#pragma once

#include <atomic>
#include <string>
#include <vector>

#include "cli/batch_chunk.hpp"
#include "cli/batch_json.hpp"
#include "dsl/diagnostic.hpp"
#include "engine/batch_evaluate.hpp"
#include "engine/evidence.hpp"
#include "engine/model.hpp"
#include "engine/profile_json.hpp"

namespace rapport::cli {

// How much of the failed records' diagnostics a chunk renders for standard error.
struct ErrorDisplay {
  bool color = false;
  std::size_t records_per_chunk = 20;           // the writer shows at most this many in all
  const std::atomic<bool>* enough_shown = nullptr;  // set by the writer once it has shown them all
};

class ChunkAssessor {
 public:
  ChunkAssessor(const engine::RuleSet& rules, const engine::EvidenceOptions& evidence, const BatchLineWriter& lines,
                std::string input_name, ErrorDisplay display);

  void assess(BatchChunk& chunk);

 private:
  // A record of the chunk in input order: a valid profile (its index) or a failed one (its line's text).
  struct Entry {
    std::uint64_t line = 0;
    std::uint32_t file = 0;      // index into BatchChunk::files, for a directory
    bool valid = false;
    std::size_t profile = 0;     // valid: index into BatchChunk::profiles
    std::size_t error_begin = 0, error_end = 0;  // failed: its line in error_lines_
  };

  void read_lines(BatchChunk& chunk);
  void read_files(BatchChunk& chunk);
  engine::Profile& next_profile(BatchChunk& chunk);
  void fail(BatchChunk& chunk, Entry entry, const RecordId& id);
  bool show_more(const BatchChunk& chunk) const;

  const engine::RuleSet& rules_;
  const BatchLineWriter& lines_;
  std::string input_name_;
  ErrorDisplay display_;
  engine::JsonProfileReader reader_;
  engine::BatchEvaluator evaluator_;
  dsl::Diagnostics errors_;
  std::vector<Entry> entries_;
  std::string error_lines_;
};

}  // namespace rapport::cli
