// The JSON report for tools (schema in docs/json-output.md). Keys keep a fixed order;
// unknown values are null, never omitted, so consumers can tell "missing" from "absent".
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

#include "cli/evaluation_warnings.hpp"
#include "cli/report.hpp"
#include "cli/report_evidence.hpp"
#include "cli/report_model.hpp"
#include "cli/value_format.hpp"
#include "engine/shortfall.hpp"

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
  for (auto slot : program.slots)
    values[slot_reference(in.rules, slot)] = number_or_null(in.assessment.evidence.inputs[slot]);
  return values;
}

Json missing(const ReportInput& in, const std::vector<std::uint32_t>& slots) {
  Json list = Json::array();
  for (auto slot : slots) list.push_back(slot_reference(in.rules, slot));
  return list;
}

Json metric_ids(const ReportInput& in, const std::vector<std::uint32_t>& metrics) {
  Json list = Json::array();
  for (auto m : metrics) list.push_back(in.rules.metrics[m].id);
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
                    {"values", slot_values(in, rec.condition)},
                    {"tentative", outcome.tentative},
                    {"doubted_gaps", metric_ids(in, outcome.doubted_gaps)}});
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
                    {"unknown_findings", finding_ids(in, outcome.unknown_findings)},
                    {"tentative", outcome.tentative},
                    {"doubted_gaps", metric_ids(in, outcome.doubted_gaps)}});
  }
  return list;
}

Json interval(const std::optional<engine::statistics::ConfidenceInterval>& ci) {
  return ci ? Json::array({rounded(ci->low), rounded(ci->high)}) : Json(nullptr);
}

std::string standing_key(engine::Standing standing) {
  switch (standing) {
    case engine::Standing::Absent: return "absent";
    case engine::Standing::Measured: return "measured";
    case engine::Standing::TooFew: return "insufficient";
    case engine::Standing::Suppressed: return "withheld";
  }
  return "absent";
}

// n, ci and p_value of one metric: per group asked, and for the gap when it was tested.
void add_statistics(const ReportInput& in, std::uint32_t m, Json& entry) {
  const auto& metric = in.rules.metrics[m];
  const auto& evidence = in.assessment.evidence;
  Json n = Json::object(), ci = Json::object(), standing = Json::object();
  for (auto audience : metric.asked) {
    if (audience == engine::Audience::Company) continue;
    const auto& e = evidence.slots[*in.rules.slot_of(m, audience)];
    n[audience_key(audience)] = optional_int(e.n);
    ci[audience_key(audience)] = interval(e.ci);
    standing[audience_key(audience)] = standing_key(e.standing);
  }
  const auto& gap = evidence.gaps[m];
  const bool both = metric.asked_of(engine::Audience::It) && metric.asked_of(engine::Audience::Marketing);
  if (both) ci["gap"] = gap.tested ? interval(gap.test.ci) : Json(nullptr);
  entry["n"] = n;
  entry["ci"] = ci;
  entry["standing"] = standing;
  entry["p_value"] = gap.tested ? rounded(gap.test.p_value) : Json(nullptr);
  entry["significant"] = gap.tested ? Json(gap.significant) : Json(nullptr);
}

Json metrics(const ReportInput& in) {
  Json list = Json::array();
  for (std::uint32_t m = 0; m < in.rules.metrics.size(); ++m) {
    const auto& metric = in.rules.metrics[m];
    Json values = Json::object();
    Json benchmarks = Json::object();
    for (auto audience : metric.asked) {
      auto slot = in.rules.slot_of(m, audience);
      values[audience_key(audience)] = slot ? number_or_null(in.assessment.evidence.inputs[*slot]) : Json(nullptr);
    }
    for (const auto& benchmark : metric.benchmarks) {
      benchmarks[audience_key(benchmark.group)] = {{"value", benchmark.value},
                                                   {"bound", bound_key(benchmark.bound)},
                                                   {"source", in.rules.sources[benchmark.source].id}};
    }
    Json entry = {{"id", metric.id},
                  {"label", metric.label},
                  {"question", metric.question},
                  {"kind", kind_key(metric.kind)},
                  {"values", values},
                  {"benchmarks", benchmarks}};
    add_statistics(in, m, entry);
    list.push_back(std::move(entry));
  }
  return list;
}

Json undecided_item(const ReportInput& in, const char* kind, const std::string& id, const engine::Grounds& g,
                    const engine::Shortfall& lacks) {
  return {{"kind", kind},
          {"id", id},
          {"missing", missing(in, g.missing_slots)},
          {"insufficient", missing(in, lacks.thin)},
          {"without_counts", missing(in, g.unsampled_slots)},
          {"unknown_findings", finding_ids(in, g.unknown_findings)}};
}

// Unknown items, split as the reports split them: data missing, or too few answers behind it.
Json undecided(const ReportInput& in, bool insufficient) {
  Json list = Json::array();
  auto add = [&](const char* kind, const std::string& id, const engine::Grounds& g) {
    const engine::Shortfall lacks = engine::shortfall_of(in.assessment, g);
    if (lacks.insufficient_evidence() == insufficient) list.push_back(undecided_item(in, kind, id, g, lacks));
  };
  for (const auto& outcome : in.assessment.findings)
    if (outcome.verdict == engine::Verdict::Unknown) add("finding", in.rules.findings[outcome.finding].id, outcome);
  for (const auto& outcome : in.assessment.recommendations)
    if (outcome.verdict == engine::Verdict::Unknown)
      add("recommendation", in.rules.recommendations[outcome.recommendation].id, outcome);
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

Json warnings(const ReportInput& in, const ClientReport& client) {
  Json list = Json::array();
  for (std::size_t i = 0; i < in.assessment.warnings.size(); ++i) {
    const auto& warning = in.assessment.warnings[i];
    list.push_back({{"code", warning_code(warning)},
                    {"rule", warning_rule_kind(warning)},
                    {"id", warning_rule_id(in.rules, warning)},
                    {"field", warning_field(warning)},
                    {"message", client.warnings.at(i)}});
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
      {"statistics",
       {{"significance_level", in.assessment.evidence.options.significance_level},
        {"confidence", in.assessment.evidence.confidence()},
        {"min_n", in.assessment.evidence.options.min_n},
        {"min_group_size", in.assessment.evidence.options.min_group_size}}},
      {"executive_summary", summary(client)},
      {"recommendations", recommendations(in)},
      {"findings", findings(in)},
      {"metrics", metrics(in)},
      {"perception_gap", perception_gap(client)},
      {"not_assessed", undecided(in, false)},
      {"insufficient_evidence", undecided(in, true)},
      {"evidence_notes", client.evidence_notes},
      {"sources", sources(client)},
      {"method", client.method},
  };
  // Only when there are some, so that the output of every other assessment stays as it was.
  if (!in.assessment.warnings.empty()) report["warnings"] = warnings(in, client);
  return report.dump(2) + "\n";
}

}  // namespace rapport::cli
