// The lines of `rapport batch` (see batch_json.hpp).
#include "cli/batch_json.hpp"

#include <fmt/format.h>

#include "cli/json_text.hpp"

namespace rapport::cli {

BatchLineWriter::BatchLineWriter(const engine::RuleSet& rules) {
  for (const auto& recommendation : rules.recommendations) {
    std::string head = "{\"id\":";
    append_json_string(head, recommendation.id);
    head += ",\"priority\":";
    recommendation_heads_.push_back(std::move(head));
  }
  for (const auto& finding : rules.findings) {
    std::string id;
    append_json_string(id, finding.id);
    finding_ids_.push_back(std::move(id));
  }
}

namespace {

void append_id(std::string& out, const RecordId& id) {
  if (id.file.empty()) {
    out += "{\"line\":";
    append_json_integer(out, id.line);
  } else {
    out += "{\"file\":";
    append_json_string(out, id.file);
  }
}

void append_findings(std::string& out, std::string_view key, const std::vector<std::uint32_t>& findings,
                     const std::vector<std::string>& quoted_ids) {
  out += ",\"";
  out += key;
  out += "\":[";
  for (std::size_t i = 0; i < findings.size(); ++i) {
    if (i > 0) out += ',';
    out += quoted_ids[findings[i]];
  }
  out += ']';
}

}  // namespace

void BatchLineWriter::append_outcome(std::string& out, const RecordId& id, const engine::Profile& profile,
                                     const engine::BatchOutcome& outcome) const {
  append_id(out, id);
  out += ",\"company\":";
  append_json_string(out, profile.company.name);
  out += ",\"recommendations\":[";
  for (std::size_t i = 0; i < outcome.ranking.size(); ++i) {
    const engine::RankedRecommendation& ranked = outcome.ranking[i];
    if (i > 0) out += ',';
    out += recommendation_heads_[ranked.recommendation];
    append_json_number(out, ranked.priority);
    out += ranked.tentative ? ",\"tentative\":true}" : ",\"tentative\":false}";
  }
  out += ']';
  append_findings(out, "fired", outcome.fired_findings, finding_ids_);
  append_findings(out, "unknown", outcome.unknown_findings, finding_ids_);
  append_findings(out, "tentative", outcome.tentative_findings, finding_ids_);
  out += "}\n";
}

std::string error_text(const dsl::Diagnostic& error) {
  const dsl::Location& at = error.where;
  const std::string place = at.has_position() ? fmt::format("{}:{}:{}", at.file, at.line, at.col) : at.file;
  return fmt::format("{}: {}: {}", place, error.severity == dsl::DiagSeverity::Error ? "error" : "warning",
                     error.message);
}

void BatchLineWriter::append_error(std::string& out, const RecordId& id, const dsl::Diagnostics& errors) const {
  append_id(out, id);
  out += ",\"error\":";
  append_json_string(out, errors.empty() ? std::string("unreadable") : error_text(errors.front()));
  out += ",\"errors\":[";
  for (std::size_t i = 0; i < errors.size(); ++i) {
    if (i > 0) out += ',';
    append_json_string(out, error_text(errors[i]));
  }
  out += "]}\n";
}

}  // namespace rapport::cli
