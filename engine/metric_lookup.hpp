// Finding a metric and its slots from the text of a key, fast enough to run for every value of a
// million profiles: an open-addressing table over the rule set's ids, built once, that hashes a key
// from its length and its first and last bytes and never builds a std::string.
#pragma once

#include <array>
#include <bit>
#include <cstring>
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

  // The metric whose id is `key`, or nullptr. Inline: it runs for every value read.
  const Entry* find(std::string_view key) const {
    for (std::uint64_t b = hash(key) & mask_;; b = (b + 1) & mask_) {
      const std::uint32_t index = buckets_[b];
      if (index == 0) return nullptr;
      const Entry& entry = entries_[index - 1];
      if (entry.id.size() == key.size() && std::memcmp(entry.id.data(), key.data(), key.size()) == 0) return &entry;
    }
  }

 private:
  // Ids differ in length or at their ends (says_it_leads_digital, says_marketing_leads_digital), so the
  // length and the first and last eight bytes, mixed by one multiplication, spread them well; a
  // collision only costs a comparison, since find() compares whole ids.
  static std::uint64_t hash(std::string_view key) {
    std::uint64_t head = 0, tail = 0;
    if (key.size() >= 8) {
      std::memcpy(&head, key.data(), 8);
      std::memcpy(&tail, key.data() + key.size() - 8, 8);
    } else if (!key.empty()) {
      std::memcpy(&head, key.data(), key.size());
    }
    const std::uint64_t mixed = (head ^ std::rotl(tail, 29) ^ key.size()) * 0x9E3779B97F4A7C15ull;
    return mixed ^ (mixed >> 32);
  }

  std::vector<Entry> entries_;
  std::vector<std::uint32_t> buckets_;  // entry index + 1; 0 is empty. Size a power of two.
  std::uint64_t mask_ = 0;
};

}  // namespace rapport::engine
