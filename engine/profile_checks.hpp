// The checks a profile's values must pass whatever format they were written in (a TOML profile or a
// JSON Lines record): each metric kind's values, counts of people, standard deviations and samples.
// A problem comes back as words and a stable code; the format's reader places it in its own text.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/model.hpp"
#include "engine/profile.hpp"

namespace rapport::engine {

// The syntax help lines show examples in: `it = 14` or `"it": 14`.
enum class ProfileFormat : std::uint8_t { Toml, Json };

// What a reader found where a value belongs, described without the parser's own types.
struct WrittenValue {
  enum class Type : std::uint8_t { Number, Text, Boolean, Other };
  Type type = Type::Other;
  double number = 0;           // Number
  std::string_view text;       // Text
  bool boolean = false;        // Boolean
  std::string_view type_name;  // for messages about the wrong type: "an integer", "a table", "an object"

  static WrittenValue of_number(double n, std::string_view name) { return {Type::Number, n, {}, false, name}; }
  static WrittenValue of_text(std::string_view t) { return {Type::Text, 0, t, false, "a string"}; }
  static WrittenValue of_boolean(bool b) { return {Type::Boolean, 0, {}, b, "a boolean"}; }
  static WrittenValue of_other(std::string_view name) { return {Type::Other, 0, {}, false, name}; }
};

// Why a value was refused: a code from dsl/diagnostic_codes.hpp, the message and what to write instead.
struct ValueProblem {
  const char* code = nullptr;
  std::string message;
  std::string help;
};

// A number as a person reads it: 0.58, 58, 2.5 (at most twelve significant digits).
std::string number_text(double value);

// "58%", "58.5 %", "-3%" -> 58, 58.5, -3 (in percent, not yet divided by 100).
std::optional<double> parse_percent(std::string_view text);

// `key = value` or `"key": value`, as a help line shows it in the profile's format.
std::string assignment(ProfileFormat format, std::string_view key, std::string_view value);

// "a", "a and b", "a, b and c" (or with another word before the last, such as " or ")
std::string joined(const std::vector<std::string>& items, std::string_view last = " and ");

// "did you mean 'x'?" for the candidate closest to `word`, or `otherwise` when none is close.
std::string did_you_mean(const std::string& word, const std::vector<std::string>& candidates, std::string otherwise);

// "it", "marketing", "company_metrics": the name of the profile table that holds a group's values.
std::string_view table_key(Audience audience);

// "the IT group", "the marketing group", "the company as a whole".
std::string_view group_of(Audience audience);

// The value `metric` takes, normalised as the engine stores it (shares 0..1, flags 0/1), or nothing
// after filling `problem`: wrong type, not finite, or out of range.
std::optional<double> check_metric_value(const WrittenValue& value, const Metric& metric, ValueProblem& problem);

// The common case of check_metric_value, inline for readers that see millions of values: a number or
// boolean that `metric` takes as it is written. Nothing when the value needs the full check.
inline std::optional<double> taken_as_written(const WrittenValue& value, const Metric& metric) {
  const double n = value.number;
  const bool number = value.type == WrittenValue::Type::Number;
  switch (metric.kind) {
    case MetricKind::Share:
      if (number && n >= 0 && n <= 1) return n;
      break;
    case MetricKind::Scale:
      if (number && n >= metric.low && n <= metric.high) return n;
      break;
    case MetricKind::Number:
      if (number && n - n == 0) return n;  // finite: inf - inf and NaN - NaN are NaN
      break;
    case MetricKind::Flag:
      if (value.type == WrittenValue::Type::Boolean) return value.boolean ? 1.0 : 0.0;
      break;
  }
  return std::nullopt;
}

// How many people in a group answered ([respondents] it or marketing): a whole number, zero or more.
std::optional<int> check_respondents(const WrittenValue& value, std::string_view key, ProfileFormat format,
                                     ValueProblem& problem);

// ---------------------------------------------------------------- samples: { count, n }, { mean, sd, n }

// The keys a sample can hold; which ones a metric takes depends on its kind.
enum class SampleKey : std::uint8_t { N, Count, Value, Sd, Unknown };
SampleKey sample_key(std::string_view key, MetricKind kind);
// The problem with a key the metric's sample does not take (with a suggestion).
ValueProblem unknown_sample_key(std::string_view key, const WrittenValue& value, const Metric& metric,
                                ProfileFormat format);

// `n` or `count`: a whole number of people, 0 or more.
std::optional<int> check_sample_count(const WrittenValue& value, std::string_view key, const Metric& metric,
                                      ProfileFormat format, ValueProblem& problem);
// `sd`: a number of 0 or more.
std::optional<double> check_sample_sd(const WrittenValue& value, const Metric& metric, ProfileFormat format,
                                      ValueProblem& problem);

// A sample's fields as read (each already checked on its own), and whether the value was written at all.
struct WrittenSample {
  std::optional<int> n;
  std::optional<int> count;
  std::optional<double> value;  // a share's value or a scale's mean
  std::optional<double> sd;
};

// Where a problem with the sample as a whole points: at the whole sample, at its n, or at its value.
enum class SampleAt : std::uint8_t { Whole, N, Value };

// The group value and the sample behind it, or nothing after filling `problem` and `at`: no n, n = 0,
// both count and value, neither, count above n, no mean.
std::optional<std::pair<double, Sample>> check_sample(const WrittenSample& sample, const Metric& metric,
                                                      ProfileFormat format, ValueProblem& problem, SampleAt& at);

// After every table is read: a question cannot have more answers (its sample's n) than its group has
// respondents. The problem, if slot `slot` of `profile` has one.
std::optional<ValueProblem> check_sample_size(const Profile& profile, const RuleSet& rules, std::uint32_t slot);

}  // namespace rapport::engine
