// Reading parts of a rule test case from parsed TOML: shared by the test-file parser and the reader of
// a case's [case.expect] table. Private to engine/ (toml++ stays out of the public headers).
#pragma once

#include <map>
#include <string>
#include <vector>

#include <toml++/toml.h>

#include "engine/model.hpp"
#include "engine/profile_values.hpp"
#include "engine/rule_tests.hpp"

namespace rapport::engine {

// The ids a test file may name, by kind, for look-ups and "did you mean" suggestions.
struct RuleIds {
  explicit RuleIds(const RuleSet& rules);

  std::map<std::string, std::uint32_t> findings;
  std::map<std::string, std::uint32_t> recommendations;
  std::map<std::string, std::uint32_t> slots;  // "it.m", "marketing.m" or "m", as the rules write them
  std::vector<std::string> finding_names, recommendation_names, slot_names;
  const RuleSet& rules;
};

// The keys of [case.expect], in the order the docs list them.
inline const std::vector<std::string>& expectation_keys() {
  static const std::vector<std::string> keys = {"fired",       "not_fired",       "unknown",
                                                "recommended", "not_recommended", "order"};
  return keys;
}

// An id written in a list, with the place it was written.
struct WrittenId {
  std::string text;
  dsl::Location where;
};

// A list of ids such as fired = ["low_trust"]; reports a value that is not a list of strings.
std::vector<WrittenId> read_id_list(const toml::key& key, const toml::node& value, std::string_view example,
                                    ProfileErrors& errors);

// Reads [case.expect] into `test`, reporting unknown keys and ids, contradictions and repeats.
void read_expectations(const toml::key& key, const toml::node& value, const RuleIds& ids, RuleTestCase& test,
                       ProfileErrors& errors);

}  // namespace rapport::engine
