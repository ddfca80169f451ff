// Profiles as JSON Lines, the input of `rapport batch`: the TOML profile's tables (docs/profile.md)
// rendered as one JSON object per line: {"company":{...},"respondents":{...},"it":{...},
// "marketing":{...},"company_metrics":{...}}. A value with its sample becomes {"count":3,"n":14},
// {"value":0.21,"n":14} or {"mean":3.1,"sd":0.8,"n":12}; unknown values are left out.
#pragma once

#include <string>
#include <vector>

#include "engine/model.hpp"
#include "engine/profile.hpp"

namespace rapport::bench {

class ProfileJsonWriter {
 public:
  explicit ProfileJsonWriter(const engine::RuleSet& rules);
  // Appends the profile as one line, newline included.
  void append(std::string& out, const engine::Profile& profile) const;

 private:
  struct Key {
    std::uint32_t slot;
    engine::MetricKind kind;
    std::string quoted;  // "metric_id":
  };
  std::vector<Key> it_, marketing_, company_;

  void append_table(std::string& out, const char* name, const std::vector<Key>& keys,
                    const engine::Profile& profile) const;
};

// A JSON string literal, quotes included.
std::string json_string(const std::string& text);

}  // namespace rapport::bench
