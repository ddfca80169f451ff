// The walk of one JSON profile record, shared by profile_json.cpp (the record, its company and its
// respondents) and profile_json_metrics.cpp (the groups' metric values and their samples). Private to engine/.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <simdjson.h>

#include "engine/metric_lookup.hpp"
#include "engine/model.hpp"
#include "engine/profile.hpp"
#include "engine/profile_checks.hpp"

namespace rapport::engine::json_walk {

namespace od = simdjson::ondemand;
using simdjson::error_code;

inline constexpr ProfileFormat kJson = ProfileFormat::Json;

// A problem found in the record, placed by byte offset until the record is done.
struct Problem {
  std::size_t offset = 0;
  std::size_t length = 0;  // bytes to underline; 0: the JSON token found there
  ValueProblem what;
};

// How messages name one of the record's objects: "it" in double quotes, as the record writes it.
std::string object_name(std::string_view key);

enum class Table : std::uint8_t { Company, Respondents, It, Marketing, CompanyMetrics, Unknown };

// One field of an object whose values are plain ("company", "respondents", a value's sample): its key,
// where the key is written, and its value. After RecordWalk::scalar_field, last_place() is the value.
struct ScalarField {
  std::string_view key;
  const char* key_at = nullptr;
  WrittenValue value;
  bool is_null = false;
};

// What a reader keeps from record to record.
struct ReaderState {
  explicit ReaderState(const RuleSet& r) : rules(r), metrics(r), n_at(r.slots.size(), 0) {}

  const RuleSet& rules;
  MetricLookup metrics;
  od::parser parser;
  std::string padded;                // a copy of records given without padding
  std::vector<std::size_t> n_at;     // per slot: where its sample's n is, for check_sample_size
  std::vector<Problem> problems;     // of the current record
};

// One record's walk. Functions return a simdjson error only for JSON syntax, which ends the walk;
// every other problem is recorded and the walk goes on, so that all of them are reported.
class RecordWalk {
 public:
  RecordWalk(ReaderState& state, std::string_view record, Profile& profile)
      : state_(state), rules_(state.rules), record_(record), profile_(profile) {}

  error_code walk(std::size_t readable);
  const char* last_place() const { return last_; }

 private:
  error_code walk_root();
  std::size_t offset(const char* at) const { return static_cast<std::size_t>(at - record_.data()); }
  void report(const char* at, std::size_t length, ValueProblem what) {
    state_.problems.push_back({offset(at), length, std::move(what)});
  }
  void report(const char* at, std::size_t length, const char* code, std::string message, std::string help) {
    report(at, length, ValueProblem{code, std::move(message), std::move(help)});
  }

  error_code key_of(od::field& field, std::string_view& key);
  std::string_view raw_key(od::field& field, const char* value_at);
  error_code scalar(od::value& value, WrittenValue& written, bool& is_null);
  error_code scalar(od::value& value, od::json_type type, WrittenValue& written, bool& is_null);
  error_code scalar_field(simdjson::simdjson_result<od::field> result, ScalarField& out);
  error_code object_or_null(od::value& value, std::string_view key, od::object& object, bool& usable);
  error_code read_table(Table table, std::string_view key, const char* key_at, od::value& value);
  error_code read_company(od::object& company, const char* key_at);
  error_code read_respondents(od::object& respondents);
  error_code read_metrics(od::object& metrics, Audience audience);
  error_code read_metric(od::value& value, const MetricLookup::Entry& metric, Audience audience, std::uint32_t slot);
  error_code read_sample(od::object& sample, const char* at, const Metric& metric, std::uint32_t slot);
  void report_unknown_table(std::string_view key, const char* at, bool is_object);
  void report_unknown_metric(std::string_view key, const char* at, Audience audience);
  void report_not_asked(std::string_view key, const char* at, const Metric& metric, Audience audience);
  void check_sample_sizes();

  ReaderState& state_;
  const RuleSet& rules_;
  std::string_view record_;
  Profile& profile_;
  od::document document_;
  const char* last_ = nullptr;  // where the walk is: a syntax error without a place of its own is put here
};


}  // namespace rapport::engine::json_walk
