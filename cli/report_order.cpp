// The order in which reports list recommendations and findings (see report.hpp).
#include <algorithm>

#include "cli/report.hpp"

namespace rapport::cli {

std::vector<std::uint32_t> shown_ranking(const ReportInput& input) {
  std::vector<std::uint32_t> ranking = input.assessment.ranking;
  if (input.top > 0 && ranking.size() > input.top) ranking.resize(input.top);
  return ranking;
}

std::vector<std::uint32_t> findings_by_severity(const ReportInput& input, engine::Verdict verdict) {
  std::vector<std::uint32_t> chosen;
  for (const auto& outcome : input.assessment.findings) {
    if (outcome.verdict == verdict) chosen.push_back(outcome.finding);
  }
  std::stable_sort(chosen.begin(), chosen.end(), [&](std::uint32_t a, std::uint32_t b) {
    return input.rules.findings[a].severity > input.rules.findings[b].severity;
  });
  return chosen;
}

}  // namespace rapport::cli
