// The metric look-up table (see metric_lookup.hpp).
#include "engine/metric_lookup.hpp"

#include <algorithm>
#include <bit>
#include <cstring>

namespace rapport::engine {

MetricLookup::MetricLookup(const RuleSet& rules) {
  entries_.reserve(rules.metrics.size());
  for (std::uint32_t m = 0; m < rules.metrics.size(); ++m) {
    Entry entry;
    entry.id = rules.metrics[m].id;
    entry.metric = m;
    for (Audience audience : {Audience::It, Audience::Marketing, Audience::Company})
      entry.slots[static_cast<std::size_t>(audience)] = rules.slot_of(m, audience);
    entries_.push_back(entry);
  }
  // At most a quarter full, so a miss usually ends at the first empty bucket.
  const std::size_t size = std::bit_ceil(std::max<std::size_t>(16, entries_.size() * 4));
  buckets_.assign(size, 0);
  mask_ = size - 1;
  for (std::uint32_t i = 0; i < entries_.size(); ++i) {
    std::uint64_t b = hash(entries_[i].id) & mask_;
    while (buckets_[b] != 0) b = (b + 1) & mask_;
    buckets_[b] = i + 1;
  }
}

// Ids differ in length or at their ends (says_it_leads_digital, says_marketing_leads_digital), so the
// length and the first and last eight bytes, mixed by one multiplication, spread them well; a collision
// only costs a comparison, since find() compares whole ids.
std::uint64_t MetricLookup::hash(std::string_view key) {
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

const MetricLookup::Entry* MetricLookup::find(std::string_view key) const {
  for (std::uint64_t b = hash(key) & mask_;; b = (b + 1) & mask_) {
    const std::uint32_t index = buckets_[b];
    if (index == 0) return nullptr;
    const Entry& entry = entries_[index - 1];
    if (entry.id.size() == key.size() && std::memcmp(entry.id.data(), key.data(), key.size()) == 0) return &entry;
  }
}

}  // namespace rapport::engine
