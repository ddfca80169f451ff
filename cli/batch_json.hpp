// The lines `rapport batch` writes, one per profile (docs/json-output.md, "rapport batch"): the company,
// its ranked recommendations with their priorities, the fired, unknown and tentative findings; or, for
// a record that could not be read, where and why. Written by hand into a reused buffer, with every id
// quoted once beforehand, since a million of them are written a second.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dsl/diagnostic.hpp"
#include "engine/batch_evaluate.hpp"
#include "engine/model.hpp"
#include "engine/profile.hpp"

namespace rapport::cli {

// Which record a line is about: its line in a JSON Lines input, or, when `file` is not empty, its
// file in a directory of profiles.
struct RecordId {
  std::uint64_t line = 0;
  std::string_view file;
};

class BatchLineWriter {
 public:
  explicit BatchLineWriter(const engine::RuleSet& rules);

  // {"line":3,"company":"…","recommendations":[{"id":"…","priority":129,"tentative":false},…],
  //  "fired":[…],"unknown":[…],"tentative":[…]} and a line break.
  void append_outcome(std::string& out, const RecordId& id, const engine::Profile& profile,
                      const engine::BatchOutcome& outcome) const;

  // {"line":3,"error":"FILE:3:14: error: …","errors":["FILE:3:14: error: …",…]} and a line break:
  // "error" is the first of "errors".
  void append_error(std::string& out, const RecordId& id, const dsl::Diagnostics& errors) const;

 private:
  std::vector<std::string> recommendation_heads_;  // {"id":"agree_shared_standards","priority":
  std::vector<std::string> finding_ids_;           // "shadow_it"
};

// "FILE:LINE:COL: error: MESSAGE" (or "FILE: error: MESSAGE" for a problem with no place in the file).
std::string error_text(const dsl::Diagnostic& error);

}  // namespace rapport::cli
