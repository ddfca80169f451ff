// What an undecided (unknown) finding or recommendation lacks, gathered through the unknown findings
// it reads, and whether it is "not assessed" (data missing) or "insufficient evidence" (data given,
// but from too few people to use).
#pragma once

#include <cstdint>
#include <vector>

#include "engine/assessment.hpp"

namespace rapport::engine {

struct Shortfall {
  std::vector<std::uint32_t> missing;    // slots the profile lacks (sorted)
  std::vector<std::uint32_t> thin;       // slots given but set aside for too few answers (sorted)
  std::vector<std::uint32_t> unsampled;  // slots given without the n or sd a statistic needs (sorted)

  // Nothing is missing: only answers from too few people stand in the way.
  bool insufficient_evidence() const { return missing.empty() && unsampled.empty() && !thin.empty(); }
};

Shortfall shortfall_of(const Assessment& assessment, const Grounds& grounds);

}  // namespace rapport::engine
