// Comparing two JSON reports of one client (docs/json-output.md), keyed on their stable ids:
// which recommendations are new, resolved or moved, which findings changed status, which metrics moved.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "dsl/diagnostic.hpp"
#include "dsl/source_file.hpp"

namespace rapport::cli {

// What a comparison needs from one JSON report, in the report's own order.
struct ReportSnapshot {
  struct Recommendation {
    std::string id;
    std::string title;
    int rank = 0;
    std::optional<double> priority;  // none when the report says null
  };
  struct Finding {
    std::string id;
    std::string title;
    std::string severity;
    std::string status;  // "fired", "not_fired" or "unknown"
  };
  struct Metric {
    std::string id;
    std::string label;
    std::string kind;  // "share", "scale", "number" or "flag"
    std::vector<std::pair<std::string, std::optional<double>>> values;  // group → value (none when null)
  };

  std::string file;
  std::string company;
  std::string assessed_on;
  std::vector<Recommendation> recommendations;
  std::vector<Finding> findings;
  std::vector<Metric> metrics;
};

// A report read from its text, or the diagnostics saying why it is not a Rapport JSON report
// (a JSON syntax error at line:col, or a missing or mistyped key).
struct ReadReport {
  std::optional<ReportSnapshot> report;
  dsl::Diagnostics diagnostics;
};
ReadReport read_report(const dsl::SourceFile& source);

enum class RankChange {
  New,          // recommended now, not before
  Resolved,     // recommended before, not now
  Moved,        // recommended in both, at a different rank
  Reprioritised // same rank, different priority
};

struct RecommendationChange {
  RankChange change = RankChange::New;
  std::string id;
  std::string title;
  std::optional<int> rank_before, rank_after;
  std::optional<double> priority_before, priority_after;
};

struct FindingChange {
  std::string id;
  std::string title;
  std::string severity;
  std::string status_before, status_after;  // "" when the finding is not in that report (rules changed)
};

// One group's value of one metric that differs between the reports; none = missing (null or absent).
struct MetricChange {
  std::string id;
  std::string label;
  std::string kind;
  std::string group;  // "it", "marketing" or "company"
  std::optional<double> before, after;
};

struct AssessmentDiff {
  struct Side {
    std::string file;
    std::string company;
    std::string assessed_on;
  };
  Side before, after;
  // New and moved in their new rank order, then resolved in their old rank order.
  std::vector<RecommendationChange> recommendations;
  // In the later report's order, then those only the earlier one has.
  std::vector<FindingChange> findings;
  // Metrics in the later report's order, groups as it, marketing, company.
  std::vector<MetricChange> metrics;

  bool empty() const { return recommendations.empty() && findings.empty() && metrics.empty(); }
  bool same_company() const { return before.company == after.company; }
};

AssessmentDiff diff_assessments(const ReportSnapshot& before, const ReportSnapshot& after);

}  // namespace rapport::cli
