// Rule-test coverage: collects, over every case run, the expectations that held (see coverage.hpp).
#include "engine/coverage.hpp"

#include <algorithm>

namespace rapport::engine {
namespace {

std::size_t count_true(const std::vector<bool>& side) {
  return static_cast<std::size_t>(std::count(side.begin(), side.end(), true));
}

}  // namespace

std::size_t Coverage::covered() const {
  return count_true(fired) + count_true(not_fired) + count_true(recommended) + count_true(not_recommended);
}

std::size_t Coverage::total() const {
  return fired.size() + not_fired.size() + recommended.size() + not_recommended.size();
}

std::vector<std::uint32_t> Coverage::missing(const std::vector<bool>& side) {
  std::vector<std::uint32_t> ids;
  for (std::uint32_t i = 0; i < side.size(); ++i)
    if (!side[i]) ids.push_back(i);
  return ids;
}

Coverage no_coverage(const RuleSet& rules) {
  Coverage coverage;
  coverage.fired.assign(rules.findings.size(), false);
  coverage.not_fired.assign(rules.findings.size(), false);
  coverage.recommended.assign(rules.recommendations.size(), false);
  coverage.not_recommended.assign(rules.recommendations.size(), false);
  return coverage;
}

void record(Coverage& coverage, const RuleTestResult& result) {
  for (const auto& checked : result.expectations) {
    if (!checked.held) continue;
    const std::uint32_t id = checked.expectation.id;
    switch (checked.expectation.expect) {
      case Expect::Fired: coverage.fired.at(id) = true; break;
      case Expect::NotFired: coverage.not_fired.at(id) = true; break;
      case Expect::Unknown: break;  // neither side: the rule could not decide
      case Expect::Recommended: coverage.recommended.at(id) = true; break;
      case Expect::NotRecommended:
        if (checked.actual == Verdict::NotFired) coverage.not_recommended.at(id) = true;
        break;
    }
  }
  if (result.order && result.order->held)
    for (const std::uint32_t r : result.order->expected) coverage.recommended.at(r) = true;
}

}  // namespace rapport::engine
