// The JSON report for tools (schema in docs/json-output.md). Keys keep a fixed order;
// unknown values are null, never omitted, so consumers can tell "missing" from "absent".
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

#include "cli/report.hpp"
#include "cli/report_model.hpp"
#include "cli/value_format.hpp"

namespace rapport::cli {
namespace {

using Json = nlohmann::ordered_json;

Json number_or_null(double value) { return engine::is_unknown(value) ? Json(nullptr) : Json(value); }

// Priorities and gaps are computed; drop binary-fraction noise (55.99999999999999 -> 56).
Json rounded(double value) {
  return engine::is_unknown(value) ? Json(nullptr) : Json(std::round(value * 1e6) / 1e6);
}

Json optional_int(const std::optional<int>& value) { return value ? Json(*value) : Json(nullptr); }

Json slot_values(const ReportInput& in, const engine::Program& program) {
  Json values = Json::object();
  for (auto slot : program.slots) values[slot_reference(in.rules, slot)] = number_or_null(in.profile.values[slot]);
  return values;
}

Json missing(const ReportInput& in, const std::vector<std::uint32_t>& slots) {
  Json list = Json::array();
  for (auto slot : slots) list.push_back(slot_reference(in.rules, slot));
  return list;
}

Json finding_ids(const ReportInput& in, const std::vector<std::uint32_t>& findings) {
  Json list = Json::array();
  for (auto f : findings) list.push_back(in.rules.findings[f].id);
  return list;
}

Json recommendations(const ReportInput& in) {
  Json list = Json::array();
  int rank = 0;
  for (auto index : shown_ranking(in)) {
    const auto& rec = in.rules.recommendations[index];
    const auto& outcome = in.assessment.recommendations[index];
    Json actions = Json::array();
    for (const auto& action : outcome.actions) actions.push_back(fill(action));
    list.push_back({{"rank", ++rank},
                    {"id", rec.id},
                    {"title", rec.title},
                    {"priority", rounded(outcome.priority)},
                    {"owner", owner_key(rec.owner)},
                    {"horizon_days", rec.horizon_days},
                    {"actions", actions},
                    {"because", finding_ids(in, outcome.because)},
                    {"rationale", rec.rationale},
                    {"values", slot_values(in, rec.condition)}});
  }
  return list;
}

Json findings(const ReportInput& in) {
  Json list = Json::array();
  for (const auto& outcome : in.assessment.findings) {
    const auto& finding = in.rules.findings[outcome.finding];
    Json evidence = Json::array();
    for (const auto& citation : finding.evidence) {
      evidence.push_back({{"source", in.rules.sources[citation.source].id}, {"quote", citation.quote}});
    }
    list.push_back({{"id", finding.id},
                    {"title", finding.title},
                    {"severity", severity_key(finding.severity)},
                    {"status", verdict_key(outcome.verdict)},
                    {"narrative", fill(outcome.narrative)},
                    {"values", slot_values(in, finding.condition)},
                    {"evidence", evidence},
                    {"missing", missing(in, outcome.missing_slots)},
                    {"unknown_findings", finding_ids(in, outcome.unknown_findings)}});
  }
  return list;
}

Json metrics(const ReportInput& in) {
  Json list = Json::array();
  for (std::uint32_t m = 0; m < in.rules.metrics.size(); ++m) {
    const auto& metric = in.rules.metrics[m];
    Json values = Json::object();
    Json benchmarks = Json::object();
    for (auto audience : metric.asked) {
      auto slot = in.rules.slot_of(m, audience);
      values[audience_key(audience)] = slot ? number_or_null(in.profile.values[*slot]) : Json(nullptr);
    }
    for (const auto& benchmark : metric.benchmarks) {
      benchmarks[audience_key(benchmark.group)] = {{"value", benchmark.value},
                                                   {"bound", bound_key(benchmark.bound)},
                                                   {"source", in.rules.sources[benchmark.source].id}};
    }
    list.push_back({{"id", metric.id},
                    {"label", metric.label},
                    {"question", metric.question},
                    {"kind", kind_key(metric.kind)},
                    {"values", values},
                    {"benchmarks", benchmarks}});
  }
  return list;
}

Json not_assessed(const ReportInput& in) {
  Json list = Json::array();
  for (const auto& outcome : in.assessment.findings) {
    if (outcome.verdict != engine::Verdict::Unknown) continue;
    list.push_back({{"kind", "finding"},
                    {"id", in.rules.findings[outcome.finding].id},
                    {"missing", missing(in, outcome.missing_slots)},
                    {"unknown_findings", finding_ids(in, outcome.unknown_findings)}});
  }
  for (const auto& outcome : in.assessment.recommendations) {
    if (outcome.verdict != engine::Verdict::Unknown) continue;
    list.push_back({{"kind", "recommendation"},
                    {"id", in.rules.recommendations[outcome.recommendation].id},
                    {"missing", missing(in, outcome.missing_slots)},
                    {"unknown_findings", finding_ids(in, outcome.unknown_findings)}});
  }
  return list;
}

// The sections the JSON shares with the client reports: summary paragraphs, gaps, sources and method.
Json summary(const ClientReport& report) {
  Json list = Json::array();
  for (std::size_t i = 0; i < std::min<std::size_t>(3, report.recommendations.size()); ++i) {
    const auto& rec = report.recommendations[i];
    list.push_back({{"id", rec.id}, {"title", rec.title}, {"paragraph", rec.summary}});
  }
  return list;
}

Json perception_gap(const ClientReport& report) {
  auto optional = [](const std::optional<double>& v) { return v ? Json(*v) : Json(nullptr); };
  Json list = Json::array();
  for (const auto& row : report.gaps) {
    list.push_back({{"metric", row.metric_id},
                    {"it", optional(row.it)},
                    {"marketing", optional(row.marketing)},
                    {"gap", row.it && row.marketing ? rounded(*row.it - *row.marketing) : Json(nullptr)},
                    {"it_benchmark", optional(row.it_benchmark)},
                    {"marketing_benchmark", optional(row.marketing_benchmark)}});
  }
  return list;
}

Json sources(const ClientReport& report) {
  Json list = Json::array();
  for (const auto& source : report.sources) {
    list.push_back({{"id", source.id},
                    {"title", source.title},
                    {"by", source.by},
                    {"year", source.year},
                    {"sample", source.sample},
                    {"note", source.note}});
  }
  return list;
}

}  // namespace

std::string render_json(const ReportInput& in) {
  const ClientReport client = build_client_report(in);
  Json report = {
      {"rapport_version", RAPPORT_VERSION},
      {"company",
       {{"name", in.profile.company.name},
        {"industry", in.profile.company.industry},
        {"assessed_on", in.profile.company.assessed_on}}},
      {"respondents",
       {{"it", optional_int(in.profile.it_respondents)},
        {"marketing", optional_int(in.profile.marketing_respondents)}}},
      {"rule_files", in.rule_files},
      {"rules_fingerprint", in.rules_fingerprint},
      {"executive_summary", summary(client)},
      {"recommendations", recommendations(in)},
      {"findings", findings(in)},
      {"metrics", metrics(in)},
      {"perception_gap", perception_gap(client)},
      {"not_assessed", not_assessed(in)},
      {"sources", sources(client)},
      {"method", client.method},
  };
  return report.dump(2) + "\n";
}

}  // namespace rapport::cli
