// A client's survey profile, validated against the rule set's metric declarations.
#pragma once

#include <cstddef>
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

// Who stands behind one group's value, when the profile says: how many answered the question and,
// for a share, how many of them agreed; for a scale or number, how spread the answers were. The
// statistics use these; without them they fall back to the group's [respondents] count.
struct Sample {
  std::optional<int> n;          // people who answered this question
  std::optional<int> count;      // of those, how many agreed (shares given as counts)
  std::optional<double> sd;      // sample standard deviation (scales and numbers)
};

struct Profile {
  Company company;
  std::optional<int> it_respondents;
  std::optional<int> marketing_respondents;
  std::vector<double> values;   // one per RuleSet slot; kUnknown where the profile has none
  std::vector<Sample> samples;  // one per RuleSet slot; empty where the profile gives only a value

  std::optional<int> respondents(Audience group) const {
    return group == Audience::It ? it_respondents
           : group == Audience::Marketing ? marketing_respondents : std::nullopt;
  }
};

// The largest TOML profile read: a profile is a few kilobytes, so a larger file is surely not one.
inline constexpr std::size_t kMaxProfileBytes = 16 * 1024 * 1024;

struct ProfileResult {
  std::optional<Profile> profile; // present only when there are no errors
  dsl::Diagnostics diagnostics;
};

// Reads TOML text (already loaded by the caller). Every problem is a positioned diagnostic:
// TOML syntax, unknown tables and keys (with a suggestion), wrong types, shares outside 0..1,
// NaN or infinity, scale values out of bounds, a file over kMaxProfileBytes (file-too-large, at 1:1,
// not parsed). Missing metrics are fine.
ProfileResult load_profile(const dsl::SourceFile& toml, const RuleSet& rules);

}  // namespace rapport::engine
