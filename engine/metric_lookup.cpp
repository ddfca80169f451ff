// The metric look-up table (see metric_lookup.hpp).
#include "engine/metric_lookup.hpp"

#include <algorithm>

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

}  // namespace rapport::engine
