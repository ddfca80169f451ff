// Fuzzes `rapport batch`'s JSON Lines input through the worker that reads, assesses and writes a chunk,
// and checks what it promises: one output line per record (blank lines are not records), each a JSON
// object naming its record's line, in input order.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "cli/batch_json.hpp"
#include "cli/batch_worker.hpp"
#include "fuzz/bundled_rules.hpp"

using namespace rapport;

namespace {

[[noreturn]] void broken(const std::string& why, std::string_view output) {
  std::fprintf(stderr, "jsonl_fuzzer: %s\n--- output\n%.*s\n", why.c_str(), static_cast<int>(output.size()),
               output.data());
  std::abort();
}

bool is_blank(std::string_view line) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const engine::RuleSet& rules = fuzz::bundled_rules();
  static const cli::BatchLineWriter lines(rules);
  // One worker for the whole run, as in rapport batch, where it takes chunk after chunk: state left over
  // from one chunk must not leak into the next.
  static cli::ChunkAssessor assessor(rules, {}, lines, "fuzz.jsonl", cli::ErrorDisplay{});

  cli::BatchChunk chunk;
  chunk.lines.reserve(size);
  if (size > 0) std::memcpy(chunk.lines.data(), data, size);
  chunk.lines.resize(size);
  chunk.starts_input = true;
  assessor.assess(chunk);

  // The records, as the worker should have cut them (after a byte order mark, at each '\n').
  std::string_view input(reinterpret_cast<const char*>(data), size);
  if (input.starts_with("\xEF\xBB\xBF")) input.remove_prefix(3);
  std::vector<std::uint64_t> records;
  std::uint64_t line = 1;
  for (std::size_t start = 0; start < input.size(); ++line) {
    const std::size_t end = std::min(input.find('\n', start), input.size());
    if (!is_blank(input.substr(start, end - start))) records.push_back(line);
    start = end + 1;
  }

  std::string_view output = chunk.output;
  std::size_t record = 0;
  while (!output.empty()) {
    const std::size_t end = output.find('\n');
    if (end == std::string_view::npos) broken("the last output line has no line end", chunk.output);
    const auto parsed = nlohmann::json::parse(output.substr(0, end), nullptr, false);
    if (parsed.is_discarded() || !parsed.is_object()) broken("an output line is not a JSON object", chunk.output);
    if (record >= records.size()) broken("more output lines than records", chunk.output);
    if (!parsed.contains("line") || parsed["line"] != records[record])
      broken("output line " + std::to_string(record + 1) + " does not name record line " +
                 std::to_string(records[record]), chunk.output);
    if (!parsed.contains("error") && !parsed.contains("company")) broken("a line with neither company nor error", chunk.output);
    ++record;
    output.remove_prefix(end + 1);
  }
  if (record != records.size()) broken("fewer output lines than records", chunk.output);
  return 0;
}
