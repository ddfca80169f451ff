// A worker's work on one chunk (see batch_worker.hpp).
#include "cli/batch_worker.hpp"

#include <cstring>
#include <span>
#include <string_view>

#include "dsl/source_file.hpp"

namespace rapport::cli {

namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

bool is_blank(std::string_view line) { return line.find_first_not_of(" \t\r") == std::string_view::npos; }

}  // namespace

ChunkAssessor::ChunkAssessor(const engine::RuleSet& rules, const engine::EvidenceOptions& evidence,
                             const BatchLineWriter& lines, std::string input_name, ErrorDisplay display)
    : rules_(rules),
      lines_(lines),
      input_name_(std::move(input_name)),
      display_(display),
      reader_(rules),
      evaluator_(rules, evidence) {}

void ChunkAssessor::assess(BatchChunk& chunk) {
  entries_.clear();
  error_lines_.clear();
  chunk.assessed = 0;
  chunk.failed = 0;
  chunk.output.clear();
  chunk.shown_errors.clear();
  chunk.shown_ends.clear();

  if (chunk.files.empty())
    read_lines(chunk);
  else
    read_files(chunk);

  // All the chunk's valid profiles in one call: the evaluator works through them a block at a time.
  evaluator_.evaluate(std::span<const engine::Profile>(chunk.profiles.data(), chunk.assessed),
                      std::span<engine::BatchOutcome>(chunk.outcomes.data(), chunk.assessed));

  for (const Entry& entry : entries_) {
    if (!entry.valid) {
      chunk.output.append(error_lines_, entry.error_begin, entry.error_end - entry.error_begin);
      continue;
    }
    const RecordId id{entry.line, chunk.files.empty() ? std::string_view() : chunk.files[entry.file].path};
    lines_.append_outcome(chunk.output, id, chunk.profiles[entry.profile], chunk.outcomes[entry.profile]);
  }
}

// The next profile of the chunk to read into: reused from earlier chunks when there is one.
engine::Profile& ChunkAssessor::next_profile(BatchChunk& chunk) {
  if (chunk.assessed == chunk.profiles.size()) {
    chunk.profiles.emplace_back();
    chunk.outcomes.emplace_back();
  }
  return chunk.profiles[chunk.assessed];
}

void ChunkAssessor::read_lines(BatchChunk& chunk) {
  std::string_view text = chunk.lines.text();
  if (chunk.starts_input && text.starts_with(kByteOrderMark)) text.remove_prefix(kByteOrderMark.size());
  std::uint64_t line = chunk.first_line;
  while (!text.empty()) {
    const void* found = std::memchr(text.data(), '\n', text.size());
    const std::size_t length = found ? static_cast<const char*>(found) - text.data() : text.size();
    std::string_view record = text.substr(0, length);
    text.remove_prefix(found ? length + 1 : length);
    if (!record.empty() && record.back() == '\r') record.remove_suffix(1);
    if (!is_blank(record)) {
      const engine::RecordPlace place{input_name_, static_cast<std::uint32_t>(line)};
      engine::Profile& profile = next_profile(chunk);
      if (reader_.read(record, chunk.lines.readable_from(record.data()), place, profile, errors_)) {
        entries_.push_back({line, 0, true, chunk.assessed++, 0, 0});
      } else {
        fail(chunk, {line, 0, false, 0, 0, 0}, RecordId{line, {}});
        if (show_more(chunk)) {
          for (const auto& error : errors_) chunk.shown_errors += dsl::render(error, record, display_.color) + "\n";
          chunk.shown_ends.push_back(chunk.shown_errors.size());
        }
      }
    }
    ++line;
  }
}

void ChunkAssessor::read_files(BatchChunk& chunk) {
  for (std::uint32_t f = 0; f < chunk.files.size(); ++f) {
    const ProfileFile& file = chunk.files[f];
    const dsl::SourceFile source(file.path, file.text);
    engine::ProfileResult result = engine::load_profile(source, rules_);
    if (result.profile) {
      next_profile(chunk) = std::move(*result.profile);
      entries_.push_back({0, f, true, chunk.assessed++, 0, 0});
      continue;
    }
    errors_ = std::move(result.diagnostics);
    fail(chunk, {0, f, false, 0, 0, 0}, RecordId{0, file.path});
    if (show_more(chunk)) {
      dsl::SourceMap sources;
      sources.add(file.path, file.text);
      for (const auto& error : errors_) chunk.shown_errors += dsl::render(error, sources, display_.color) + "\n";
      chunk.shown_ends.push_back(chunk.shown_errors.size());
    }
  }
}

void ChunkAssessor::fail(BatchChunk& chunk, Entry entry, const RecordId& id) {
  entry.error_begin = error_lines_.size();
  lines_.append_error(error_lines_, id, errors_);
  entry.error_end = error_lines_.size();
  entries_.push_back(entry);
  ++chunk.failed;
}

bool ChunkAssessor::show_more(const BatchChunk& chunk) const {
  if (display_.enough_shown && display_.enough_shown->load(std::memory_order_relaxed)) return false;
  return chunk.shown_ends.size() < display_.records_per_chunk;
}

}  // namespace rapport::cli
