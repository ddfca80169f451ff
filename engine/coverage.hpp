// Rule-test coverage: which findings and recommendations the tests check both ways. A finding counts as
// made to fire only by a case that expects it fired and sees it fire; one that fires by accident in a
// case that says nothing about it is not tested, so it does not count. Likewise for the other sides.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "engine/model.hpp"
#include "engine/rule_tests.hpp"

namespace rapport::engine {

struct Coverage {
  // One flag per finding / recommendation, in declaration order: some held expectation shows it.
  std::vector<bool> fired, not_fired;                   // findings
  std::vector<bool> recommended, not_recommended;       // recommendations (order counts as recommended)

  std::size_t covered() const;  // sides shown, out of total()
  std::size_t total() const;    // two sides per finding and per recommendation
  bool complete() const { return covered() == total(); }

  // The ids of the uncovered side, in declaration order.
  static std::vector<std::uint32_t> missing(const std::vector<bool>& side);
};

// Nothing covered yet, sized for the rule set.
Coverage no_coverage(const RuleSet& rules);

// Adds what one case showed: each expectation that held. A recommendation counts as not recommended
// only when its condition was false, not when it could not be assessed.
void record(Coverage& coverage, const RuleTestResult& result);

}  // namespace rapport::engine
