// The groups' values in a JSON profile record: "it", "marketing" and "company_metrics", each value
// plain or with its sample, checked as a TOML profile's are (profile_checks.hpp).
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "dsl/diagnostic_codes.hpp"
#include "engine/profile_json_walk.hpp"
#include "engine/suggest.hpp"

namespace rapport::engine::json_walk {

namespace code = dsl::code;

error_code RecordWalk::read_metrics(od::object& metrics, Audience audience) {
  for (auto result : metrics) {
    od::field field;
    if (auto error = std::move(result).get(field)) return error;
    // Metric ids are plain words: the key as written is looked up, and unescaped only when not found.
    std::string_view key = raw_key(field, field.value().raw_json_token().data());
    const char* key_at = last_;
    const MetricLookup::Entry* metric = state_.metrics.find(key);
    if (metric == nullptr && key.find('\\') != std::string_view::npos) {
      if (auto error = field.unescaped_key().get(key)) return error;
      metric = state_.metrics.find(key);
    }
    if (metric == nullptr) {
      report_unknown_metric(key, key_at, audience);
      continue;
    }
    const auto slot = metric->slot(audience);
    if (!slot) {
      report_not_asked(key, key_at, rules_.metrics[metric->metric], audience);
      continue;
    }
    if (!is_unknown(profile_.values[*slot])) {
      report(key_at, key.size() + 2, code::duplicate_field,
             fmt::format("'{}' is given twice in {}", key, object_name(table_key(audience))), "keep one of the two values");
      continue;
    }
    if (auto error = read_metric(field.value(), *metric, audience, *slot)) return error;
  }
  return simdjson::SUCCESS;
}

error_code RecordWalk::read_metric(od::value& value, const MetricLookup::Entry& entry, Audience audience,
                                   std::uint32_t slot) {
  const Metric& metric = rules_.metrics[entry.metric];
  od::json_type type{};
  if (auto error = value.type().get(type)) return error;
  // A flag's object is refused as any other value that is not true or false is, below.
  if (type == od::json_type::object && audience != Audience::Company && metric.kind != MetricKind::Flag) {
    const char* at = value.raw_json_token().data();
    od::object sample;
    if (auto error = value.get_object().get(sample)) return error;
    return read_sample(sample, at, metric, slot);
  }
  WrittenValue written;
  bool is_null = false;
  if (auto error = scalar(value, type, written, is_null)) return error;
  if (is_null) return simdjson::SUCCESS;  // unknown, as if left out
  if (const auto number = taken_as_written(written, metric)) {
    profile_.values[slot] = *number;
    return simdjson::SUCCESS;
  }
  ValueProblem problem;
  if (const auto number = check_metric_value(written, metric, problem))
    profile_.values[slot] = *number;
  else
    report(last_, 0, std::move(problem));
  return simdjson::SUCCESS;
}

error_code RecordWalk::read_sample(od::object& sample, const char* at, const Metric& metric, std::uint32_t slot) {
  const char* n_at = nullptr;
  const char* value_at = nullptr;
  WrittenSample fields;
  bool bad = false;
  for (auto result : sample) {
    ScalarField field;
    if (auto error = scalar_field(std::move(result), field)) return error;
    const auto& [key, key_at, value, is_null] = field;
    ValueProblem problem;
    bool read = true;
    switch (sample_key(key, metric.kind)) {
      case SampleKey::N:
        n_at = last_;
        read = (fields.n = check_sample_count(value, key, metric, kJson, problem)).has_value();
        break;
      case SampleKey::Count: read = (fields.count = check_sample_count(value, key, metric, kJson, problem)).has_value(); break;
      case SampleKey::Value:
        value_at = last_;
        read = (fields.value = check_metric_value(value, metric, problem)).has_value();
        break;
      case SampleKey::Sd: read = (fields.sd = check_sample_sd(value, metric, kJson, problem)).has_value(); break;
      case SampleKey::Unknown:
        report(key_at, key.size() + 2, unknown_sample_key(key, value, metric, kJson));
        bad = true;
        continue;
    }
    if (!read) report(last_, 0, std::move(problem));
    bad |= !read;
  }
  if (bad) return simdjson::SUCCESS;

  ValueProblem problem;
  SampleAt where = SampleAt::Whole;
  const auto checked = check_sample(fields, metric, kJson, problem, where);
  if (!checked) {
    if (where == SampleAt::N) return report(n_at, 0, std::move(problem)), simdjson::SUCCESS;
    if (where == SampleAt::Value) return report(value_at, 0, std::move(problem)), simdjson::SUCCESS;
    // The whole sample, from its '{' to its '}': the walk stands just past it.
    const char* after = nullptr;
    if (document_.current_location().get(after) != simdjson::SUCCESS) after = record_.data() + record_.size();
    std::size_t length = static_cast<std::size_t>(after - at);
    while (length > 1 && at[length - 1] != '}') --length;
    report(at, length, std::move(problem));
    return simdjson::SUCCESS;
  }
  profile_.values[slot] = checked->first;
  profile_.samples[slot] = checked->second;
  state_.n_at[slot] = offset(n_at);
  return simdjson::SUCCESS;
}

void RecordWalk::report_unknown_metric(std::string_view key, const char* at, Audience audience) {
  // Prefer the metrics this object can hold; fall back to any metric, then say where ids come from.
  std::vector<std::string> here, anywhere;
  for (const auto& [id, index] : rules_.metric_ids) {
    anywhere.push_back(id);
    if (rules_.slot_ids.contains(std::pair{index, audience})) here.push_back(id);
  }
  const std::string id(key);
  auto near = closest(id, here);
  if (!near) near = closest(id, anywhere);
  const std::string help = near ? fmt::format("did you mean '{}'?", *near)
                                : fmt::format("use the id of a metric the rules ask of {}", group_of(audience));
  report(at, key.size() + 2, code::unknown_key,
         fmt::format("unknown metric '{}' in {}", id, object_name(table_key(audience))), help);
}

void RecordWalk::report_not_asked(std::string_view key, const char* at, const Metric& metric, Audience audience) {
  std::vector<std::string> groups, objects;
  for (Audience asked : metric.asked) {
    groups.emplace_back(group_of(asked));
    objects.push_back(object_name(table_key(asked)));
  }
  const std::string help =
      groups.empty() ? std::string("the rules ask this metric of no group")
                     : fmt::format("'{}' is asked of {}; put it inside {}", metric.id, joined(groups), joined(objects, " or "));
  report(at, key.size() + 2, code::group_not_asked, fmt::format("'{}' is not asked of {}", metric.id, group_of(audience)),
         help);
}

void RecordWalk::check_sample_sizes() {
  for (std::uint32_t s = 0; s < rules_.slots.size(); ++s) {
    if (!profile_.samples[s].n) continue;
    if (auto problem = check_sample_size(profile_, rules_, s))
      state_.problems.push_back({state_.n_at[s], 0, std::move(*problem)});
  }
}

}  // namespace rapport::engine::json_walk
