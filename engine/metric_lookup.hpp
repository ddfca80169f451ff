// Finding a metric and its slots from the text of a key, fast enough to run for every value of a
// million profiles: an open-addressing table over the rule set's ids, built once, that hashes a key
// from its length and its first and last bytes and never builds a std::string.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "engine/model.hpp"

namespace rapport::engine {

class MetricLookup {
 public:
  struct Entry {
    std::string_view id;  // points into the RuleSet, which must outlive the table
    std::uint32_t metric = 0;
    std::array<std::optional<std::uint32_t>, 3> slots;  // by Audience: It, Marketing, Company

    std::optional<std::uint32_t> slot(Audience audience) const { return slots[static_cast<std::size_t>(audience)]; }
  };

  explicit MetricLookup(const RuleSet& rules);

  // The metric whose id is `key`, or nullptr.
  const Entry* find(std::string_view key) const;

 private:
  static std::uint64_t hash(std::string_view key);

  std::vector<Entry> entries_;
  std::vector<std::uint32_t> buckets_;  // entry index + 1; 0 is empty. Size a power of two.
  std::uint64_t mask_ = 0;
};

}  // namespace rapport::engine
