// Reading client profiles written as JSON, one object per line of a JSON Lines file (`rapport batch`):
// the tables, keys and checks of a TOML profile (docs/profile.md), with JSON's types. Built for a
// million records a second: the Profile is reused from record to record, a valid record allocates
// nothing once buffers have grown, and metric ids are found through a table built once.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>

#include "dsl/diagnostic.hpp"
#include "engine/model.hpp"
#include "engine/profile.hpp"

namespace rapport::engine {

// How many bytes past a record's end the parser may read (it reads in 64-byte blocks). A caller that
// has them readable saves a copy of the record.
inline constexpr std::size_t kJsonPadding = 64;

// The longest record read: a profile is a few kilobytes, so a longer line is surely not one (and
// is refused, record-too-long, without being parsed).
inline constexpr std::size_t kMaxJsonRecordBytes = 1024 * 1024;

// Where a record is, for its diagnostics: the file as they name it, and the record's line in it.
struct RecordPlace {
  std::string_view file;
  std::uint32_t line = 1;
};

// Not thread-safe: one per thread. The rule set must outlive it.
class JsonProfileReader {
 public:
  explicit JsonProfileReader(const RuleSet& rules);
  ~JsonProfileReader();
  JsonProfileReader(JsonProfileReader&&) noexcept;
  JsonProfileReader& operator=(JsonProfileReader&&) noexcept;

  // Reads one record, a JSON object without its line ending (and without a byte order mark), into
  // `profile`, replacing what it held. `readable` is how many bytes from record.data() may be read;
  // with fewer than record.size() + kJsonPadding the record is copied first. Returns true for a valid
  // profile. Otherwise `errors` holds every problem found, in order: as for TOML, all of them, except
  // that a JSON syntax error ends the reading. Columns count code points from the record's start.
  bool read(std::string_view record, std::size_t readable, const RecordPlace& place, Profile& profile,
            dsl::Diagnostics& errors);
  bool read(std::string_view record, const RecordPlace& place, Profile& profile, dsl::Diagnostics& errors) {
    return read(record, record.size(), place, profile, errors);
  }

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace rapport::engine
