// A client's survey profile, validated against the rule set's metric declarations.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "dsl/diagnostic.hpp"
#include "dsl/source_file.hpp"
#include "engine/model.hpp"

namespace rapport::engine {

struct Company {
  std::string name;
  std::string industry;
  std::string assessed_on;      // ISO date as written, may be empty
};

struct Profile {
  Company company;
  std::optional<int> it_respondents;
  std::optional<int> marketing_respondents;
  std::vector<double> values;   // one per RuleSet slot; kUnknown where the profile has none
};

struct ProfileResult {
  std::optional<Profile> profile; // present only when there are no errors
  dsl::Diagnostics diagnostics;
};

// Reads TOML text (already loaded by the caller). Every problem is a positioned diagnostic:
// TOML syntax, unknown tables and keys (with a suggestion), wrong types, shares outside 0..1,
// NaN or infinity, scale values out of bounds. Missing metrics are fine.
ProfileResult load_profile(const dsl::SourceFile& toml, const RuleSet& rules);

}  // namespace rapport::engine
