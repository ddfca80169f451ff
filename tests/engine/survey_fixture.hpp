// Test fixture for the survey mapping and import: a small hand-built rule set, an export read from
// inline CSV text, and a mapping read against both, kept alive together so locations stay valid.
#pragma once

#include <catch2/catch.hpp>

#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "dsl/source_file.hpp"
#include "engine/survey_export.hpp"
#include "engine/survey_import.hpp"
#include "engine/survey_mapping.hpp"

namespace rapport::engine::testing {

inline void add_metric(RuleSet& rules, const std::string& id, MetricKind kind, std::vector<Audience> asked,
                       double low = 0, double high = 1) {
  const auto index = static_cast<std::uint32_t>(rules.metrics.size());
  Metric metric;
  metric.id = id;
  metric.kind = kind;
  metric.low = low;
  metric.high = high;
  metric.asked = asked;
  rules.metrics.push_back(metric);
  rules.metric_ids[id] = index;
  for (Audience audience : asked) {
    rules.slot_ids[{index, audience}] = static_cast<std::uint32_t>(rules.slots.size());
    rules.slots.push_back(Slot{index, audience});
  }
}

// Metrics, in order: satisfied (share, both), trust (scale 1 to 5, both), ignores_standards (share, IT),
// wants_data (share, marketing), tools_shared (share, both), hours (number, both),
// meetings (number, company), charter (flag, company), budget_share (share, company).
inline const RuleSet& survey_rules() {
  static const RuleSet built = [] {
    RuleSet r;
    add_metric(r, "satisfied", MetricKind::Share, {Audience::It, Audience::Marketing});
    add_metric(r, "trust", MetricKind::Scale, {Audience::It, Audience::Marketing}, 1, 5);
    add_metric(r, "ignores_standards", MetricKind::Share, {Audience::It});
    add_metric(r, "wants_data", MetricKind::Share, {Audience::Marketing});
    add_metric(r, "tools_shared", MetricKind::Share, {Audience::It, Audience::Marketing});
    add_metric(r, "hours", MetricKind::Number, {Audience::It, Audience::Marketing}, -1e300, 1e300);
    add_metric(r, "meetings", MetricKind::Number, {Audience::Company}, -1e300, 1e300);
    add_metric(r, "charter", MetricKind::Flag, {Audience::Company});
    add_metric(r, "budget_share", MetricKind::Share, {Audience::Company});
    return r;
  }();
  return built;
}

// An export and a mapping read against it; the import on demand.
class SurveyCase {
 public:
  SurveyCase(const std::string& csv, const std::string& mapping)
      : csv_(std::make_unique<dsl::SourceFile>("responses.csv", csv)),
        mapping_file_(std::make_unique<dsl::SourceFile>("survey.toml", mapping)),
        export_(read_survey_export(*csv_)),
        result_(read_survey_mapping(*mapping_file_, export_, survey_rules())) {}

  const SurveyExport& survey() const { return export_; }
  const MappingResult& result() const { return result_; }
  const dsl::Diagnostics& diagnostics() const { return result_.diagnostics; }

  const SurveyMapping& mapping() const {
    INFO(dump(result_.diagnostics));
    REQUIRE(result_.mapping.has_value());
    return *result_.mapping;
  }

  SurveyImport import(int min_group_size = 1) const {
    return import_survey(*csv_, export_, mapping(), survey_rules(), ImportOptions{min_group_size});
  }

  // The one diagnostic of a mapping that fails exactly once.
  const dsl::Diagnostic& only_error() const {
    INFO(dump(result_.diagnostics));
    CHECK_FALSE(result_.mapping.has_value());
    REQUIRE(result_.diagnostics.size() == 1);
    return result_.diagnostics.front();
  }

  static std::string dump(const dsl::Diagnostics& diagnostics) {
    std::ostringstream out;
    for (const auto& d : diagnostics)
      out << d.where.file << ":" << d.where.line << ":" << d.where.col << ": [" << d.code << "] " << d.message
          << " (help: " << d.help << ")\n";
    return out.str();
  }

 private:
  std::unique_ptr<dsl::SourceFile> csv_;
  std::unique_ptr<dsl::SourceFile> mapping_file_;
  SurveyExport export_;
  MappingResult result_;
};

// "file:line:col", the way tests state where a diagnostic points.
inline std::string place(const dsl::Location& where) {
  return where.file + ":" + std::to_string(where.line) + ":" + std::to_string(where.col);
}

// The figure of `metric` (by id) for `group`; fails the test when there is none.
inline const MetricFigure& figure(const SurveyImport& imported, const std::string& metric, Audience group) {
  const auto index = survey_rules().metric_ids.at(metric);
  for (const auto& f : imported.figures)
    if (f.metric == index && f.group == group) return f;
  FAIL("no figure for " << metric);
  return imported.figures.front();
}

// A plain export: group, satisfaction, trust, hours, tools, a comment.
inline const std::string kPlainCsv =
    "Department,Satisfied?,Trust,Hours,Tools,Comment\n"  // line 1
    "IT,Yes,4,10,\"CRM, Analytics\",\n"                   // 2
    "IT,No,2,12,CRM,\n"                                   // 3
    "Marketing,Yes,5,\"3,5\",Analytics,\"fine, really\"\n"  // 4
    "Marketing,Don't know,3,4,,\n"                        // 5
    "IT,yes ,1,8,\"Analytics, Marketing automation\",\n"  // 6
    "Finance,Yes,5,1,CRM,\n"                              // 7
    "IT,Maybe,4,9,CRM,\n"                                 // 8
    ",Yes,4,1,CRM,\n"                                     // 9
    "Marketing,No,4,6,Analytics,\n"                       // 10
    "IT,Yes,5,11,CRM,\n";                                 // 11

// A mapping of kPlainCsv, with a named coding, a share, a scale, a number, a choice and company metrics.
inline const std::string kPlainMapping = R"([company]
name = "Northwind Retail"
industry = "Retail"
assessed_on = 2026-10-15
[group]
column = "Department"
it = ["IT"]
marketing = ["Marketing"]
[answers]
missing = ["Don't know"]
trust5 = { "1" = 1, "2" = 2, "3" = 3, "4" = 4, "5" = 5 }
[metrics.satisfied]
column = "Satisfied?"
agree = ["Yes"]
disagree = ["No"]
[metrics.trust]
column = "Trust"
scale = "trust5"
[metrics.hours]
column = "Hours"
[metrics.tools_shared]
column = "Tools"
choice = "CRM"
[company_metrics]
meetings = 0.5
charter = false
budget_share = "58%"
)";

}  // namespace rapport::engine::testing
