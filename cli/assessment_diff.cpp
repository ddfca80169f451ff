// Reading JSON reports and comparing two of them (see assessment_diff.hpp).
#include "cli/assessment_diff.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <string_view>

#include "dsl/diagnostic_codes.hpp"
#include "dsl/text_encoding.hpp"

namespace rapport::cli {
namespace {

using nlohmann::json;

constexpr const char* kHowToMake = "make the report with 'rapport assess PROFILE -f json' (docs/json-output.md)";
constexpr std::size_t kMaxProblems = 10;  // a file of some other shape would otherwise yield one per element

// Values that print the same in a report count as equal.
bool same_value(const std::optional<double>& a, const std::optional<double>& b) {
  if (a.has_value() != b.has_value()) return false;
  return !a || std::fabs(*a - *b) < 1e-9;
}

// ─── Reading ───────────────────────────────────────────────────────────────────────────────────

enum class Want { String, Number, NumberOrNull, Object, Array };

const char* want_name(Want want) {
  switch (want) {
    case Want::String: return "a string";
    case Want::Number: return "a number";
    case Want::NumberOrNull: return "a number or null";
    case Want::Object: return "an object";
    case Want::Array: return "an array";
  }
  return "a value";
}

bool is(const json& value, Want want) {
  switch (want) {
    case Want::String: return value.is_string();
    case Want::Number: return value.is_number();
    case Want::NumberOrNull: return value.is_number() || value.is_null();
    case Want::Object: return value.is_object();
    case Want::Array: return value.is_array();
  }
  return false;
}

// Checks the report's shape while copying out what a comparison needs; JSON carries no positions
// once parsed, so a shape problem names the key's path ("recommendations[2].id") instead of a line.
class SnapshotReader {
 public:
  explicit SnapshotReader(std::string file) : file_(std::move(file)) {}

  ReportSnapshot read(const json& document) {
    ReportSnapshot snapshot;
    snapshot.file = file_;
    if (!document.is_object()) {
      problem(dsl::code::wrong_type, "the top level is not an object, so this is not a Rapport JSON report");
      return snapshot;
    }
    if (const json* company = field(document, "company", "", Want::Object)) {
      snapshot.company = text(*company, "name", "company");
      snapshot.assessed_on = optional_text(*company, "assessed_on");
    }
    each(document, "recommendations", [&](const json& item, const std::string& at) {
      ReportSnapshot::Recommendation rec{text(item, "id", at), optional_text(item, "title"), 0, {}};
      if (const json* rank = field(item, "rank", at, Want::Number)) rec.rank = rank->get<int>();
      rec.priority = number(item, "priority", at);
      snapshot.recommendations.push_back(std::move(rec));
    });
    each(document, "findings", [&](const json& item, const std::string& at) {
      snapshot.findings.push_back({text(item, "id", at), optional_text(item, "title"),
                                   optional_text(item, "severity"), text(item, "status", at)});
    });
    each(document, "metrics", [&](const json& item, const std::string& at) {
      ReportSnapshot::Metric metric{text(item, "id", at), optional_text(item, "label"), text(item, "kind", at), {}};
      if (const json* values = field(item, "values", at, Want::Object)) {
        for (const auto& [group, value] : values->items()) {
          metric.values.emplace_back(group, number(*values, group, at + ".values"));
        }
      }
      snapshot.metrics.push_back(std::move(metric));
    });
    return snapshot;
  }

  dsl::Diagnostics diagnostics;

 private:
  void problem(const char* code, std::string message) {
    if (diagnostics.size() >= kMaxProblems) return;
    diagnostics.push_back({dsl::DiagSeverity::Error, code, std::move(message), {file_, 0, 0, 1}, {}, kHowToMake});
  }

  static std::string path(const std::string& at, std::string_view key) {
    return at.empty() ? std::string(key) : at + "." + std::string(key);
  }

  const json* field(const json& object, std::string_view key, const std::string& at, Want want) {
    auto found = object.find(key);
    if (found == object.end()) {
      problem(dsl::code::missing_field, "missing key '" + path(at, key) + "'");
      return nullptr;
    }
    if (!is(*found, want)) {
      problem(dsl::code::wrong_type, "'" + path(at, key) + "' should be " + want_name(want) + ", not " +
                                         found->type_name());
      return nullptr;
    }
    return &*found;
  }

  std::string text(const json& object, std::string_view key, const std::string& at) {
    const json* value = field(object, key, at, Want::String);
    return value ? value->get<std::string>() : std::string();
  }

  static std::string optional_text(const json& object, std::string_view key) {
    auto found = object.find(key);
    return found != object.end() && found->is_string() ? found->get<std::string>() : std::string();
  }

  std::optional<double> number(const json& object, std::string_view key, const std::string& at) {
    const json* value = field(object, key, at, Want::NumberOrNull);
    if (!value || value->is_null()) return std::nullopt;
    return value->get<double>();
  }

  template <typename Visit>
  void each(const json& document, std::string_view key, Visit visit) {
    const json* list = field(document, key, "", Want::Array);
    if (!list) return;
    for (std::size_t i = 0; i < list->size(); ++i) {
      const std::string at = std::string(key) + "[" + std::to_string(i) + "]";
      if (!(*list)[i].is_object()) {
        problem(dsl::code::wrong_type, "'" + at + "' should be an object, not " + (*list)[i].type_name());
        continue;
      }
      visit((*list)[i], at);
    }
  }

  std::string file_;
};

// nlohmann's message without its "[json.exception.parse_error.101] parse error at line 1, column 5: " prefix.
std::string plain_parse_message(const json::parse_error& error) {
  std::string_view message = error.what();
  auto start = message.find("parse error");
  if (start != std::string_view::npos) {
    auto colon = message.find(": ", start);
    if (colon != std::string_view::npos) message.remove_prefix(colon + 2);
  }
  return "not valid JSON: " + std::string(message);
}

// ─── Comparing ─────────────────────────────────────────────────────────────────────────────────

template <typename Item>
std::map<std::string, const Item*> by_id(const std::vector<Item>& items) {
  std::map<std::string, const Item*> index;
  for (const auto& item : items) index.emplace(item.id, &item);
  return index;
}

std::vector<RecommendationChange> compare_recommendations(const ReportSnapshot& before, const ReportSnapshot& after) {
  std::vector<RecommendationChange> changes;
  const auto earlier = by_id(before.recommendations);
  const auto later = by_id(after.recommendations);
  for (const auto& rec : after.recommendations) {
    auto found = earlier.find(rec.id);
    if (found == earlier.end()) {
      changes.push_back({RankChange::New, rec.id, rec.title, std::nullopt, rec.rank, std::nullopt, rec.priority});
      continue;
    }
    const auto& old = *found->second;
    RankChange change = old.rank != rec.rank ? RankChange::Moved : RankChange::Reprioritised;
    if (change == RankChange::Reprioritised && same_value(old.priority, rec.priority)) continue;
    changes.push_back({change, rec.id, rec.title, old.rank, rec.rank, old.priority, rec.priority});
  }
  for (const auto& old : before.recommendations) {
    if (later.count(old.id) == 0) {
      changes.push_back(
          {RankChange::Resolved, old.id, old.title, old.rank, std::nullopt, old.priority, std::nullopt});
    }
  }
  return changes;
}

std::vector<FindingChange> compare_findings(const ReportSnapshot& before, const ReportSnapshot& after) {
  std::vector<FindingChange> changes;
  const auto earlier = by_id(before.findings);
  const auto later = by_id(after.findings);
  for (const auto& finding : after.findings) {
    auto found = earlier.find(finding.id);
    std::string old_status = found == earlier.end() ? "" : found->second->status;
    if (old_status != finding.status) {
      changes.push_back({finding.id, finding.title, finding.severity, old_status, finding.status});
    }
  }
  for (const auto& old : before.findings) {
    if (later.count(old.id) == 0) changes.push_back({old.id, old.title, old.severity, old.status, ""});
  }
  return changes;
}

// it, marketing, company, then any other group alphabetically.
int group_order(const std::string& group) {
  static const std::array<std::string_view, 3> kOrder = {"it", "marketing", "company"};
  auto found = std::find(kOrder.begin(), kOrder.end(), group);
  return static_cast<int>(found - kOrder.begin());
}

std::optional<double> value_of(const ReportSnapshot::Metric* metric, const std::string& group) {
  if (metric == nullptr) return std::nullopt;
  for (const auto& [name, value] : metric->values) {
    if (name == group) return value;
  }
  return std::nullopt;
}

void compare_metric(const ReportSnapshot::Metric* old, const ReportSnapshot::Metric* now,
                    std::vector<MetricChange>& changes) {
  std::vector<std::string> groups;
  for (const auto* metric : {old, now}) {
    if (metric == nullptr) continue;
    for (const auto& entry : metric->values) {
      if (std::find(groups.begin(), groups.end(), entry.first) == groups.end()) groups.push_back(entry.first);
    }
  }
  std::sort(groups.begin(), groups.end(), [](const std::string& a, const std::string& b) {
    return std::pair(group_order(a), a) < std::pair(group_order(b), b);
  });
  const auto& shown = now != nullptr ? *now : *old;
  for (const auto& group : groups) {
    auto before = value_of(old, group);
    auto after = value_of(now, group);
    if (!same_value(before, after)) changes.push_back({shown.id, shown.label, shown.kind, group, before, after});
  }
}

std::vector<MetricChange> compare_metrics(const ReportSnapshot& before, const ReportSnapshot& after) {
  std::vector<MetricChange> changes;
  const auto earlier = by_id(before.metrics);
  const auto later = by_id(after.metrics);
  for (const auto& metric : after.metrics) {
    auto found = earlier.find(metric.id);
    compare_metric(found == earlier.end() ? nullptr : found->second, &metric, changes);
  }
  for (const auto& old : before.metrics) {
    if (later.count(old.id) == 0) compare_metric(&old, nullptr, changes);
  }
  return changes;
}

}  // namespace

ReadReport read_report(const dsl::SourceFile& source) {
  ReadReport result;
  if (auto problem = dsl::text_problem(source)) {
    result.diagnostics.push_back(std::move(*problem));
    return result;
  }
  json document;
  try {
    document = json::parse(source.text());
  } catch (const json::parse_error& error) {
    // `byte` counts the bytes read, the offending one included.
    const std::size_t read = error.byte == 0 ? 0 : error.byte - 1;
    const auto offset = static_cast<std::uint32_t>(std::min(read, source.text().size()));
    result.diagnostics.push_back({dsl::DiagSeverity::Error, dsl::code::syntax, plain_parse_message(error),
                                  source.locate(offset), {}, kHowToMake});
    return result;
  }
  SnapshotReader reader(source.path());
  ReportSnapshot snapshot = reader.read(document);
  result.diagnostics = std::move(reader.diagnostics);
  if (result.diagnostics.empty()) result.report = std::move(snapshot);
  return result;
}

AssessmentDiff diff_assessments(const ReportSnapshot& before, const ReportSnapshot& after) {
  AssessmentDiff diff;
  diff.before = {before.file, before.company, before.assessed_on};
  diff.after = {after.file, after.company, after.assessed_on};
  diff.recommendations = compare_recommendations(before, after);
  diff.findings = compare_findings(before, after);
  diff.metrics = compare_metrics(before, after);
  return diff;
}

}  // namespace rapport::cli
