// The checks every profile value passes, whatever its format (see profile_checks.hpp): shares
// (fractions or "58%"), scales, numbers and flags; counts of people; samples and their sizes.
#include "engine/profile_checks.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <limits>
#include <utility>

#include <fmt/format.h>

#include "dsl/diagnostic_codes.hpp"
#include "engine/suggest.hpp"

namespace rapport::engine {

namespace code = dsl::code;

// ---------------------------------------------------------------- words

// Twelve significant digits hide the noise of derived values (0.58 * 100 is 57.99999999999999).
std::string number_text(double value) { return fmt::format("{:.12g}", value); }

std::string assignment(ProfileFormat format, std::string_view key, std::string_view value) {
  if (format == ProfileFormat::Json) return fmt::format("\"{}\": {}", key, value);
  return fmt::format("{} = {}", key, value);
}

std::string joined(const std::vector<std::string>& items, std::string_view last) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? last : ", ";
    out += items[i];
  }
  return out;
}

std::string did_you_mean(const std::string& word, const std::vector<std::string>& candidates,
                         std::string otherwise) {
  if (auto near = closest(word, candidates)) return fmt::format("did you mean '{}'?", *near);
  return otherwise;
}

std::string_view group_of(Audience audience) {
  switch (audience) {
    case Audience::It: return "the IT group";
    case Audience::Marketing: return "the marketing group";
    case Audience::Company: return "the company as a whole";
  }
  return "";
}

std::string_view table_key(Audience audience) {
  switch (audience) {
    case Audience::It: return "it";
    case Audience::Marketing: return "marketing";
    case Audience::Company: return "company_metrics";
  }
  return "";
}

namespace {

std::string_view trimmed(std::string_view text) {
  auto is_space = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

// Only decimal numerals: [+-] digits [. digits]. from_chars alone would also take "nan" and "1e3".
std::optional<double> decimal(std::string_view text) {
  text = trimmed(text);
  std::string_view digits = text;
  if (!digits.empty() && (digits.front() == '+' || digits.front() == '-')) digits.remove_prefix(1);
  const auto dot = digits.find('.');
  const std::string_view whole = digits.substr(0, dot);
  const std::string_view fraction = dot == std::string_view::npos ? std::string_view{} : digits.substr(dot + 1);
  auto all_digits = [](std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  if (whole.empty() || !all_digits(whole) || !all_digits(fraction)) return std::nullopt;
  if (dot != std::string_view::npos && fraction.empty()) return std::nullopt;

  if (text.front() == '+') text.remove_prefix(1);  // from_chars takes '-' but not '+'
  double result = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), result);
  if (error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return result;
}

std::optional<double> number_in(const WrittenValue& value) {
  if (value.type == WrittenValue::Type::Number) return value.number;
  return std::nullopt;
}

void fill(ValueProblem& problem, const char* code, std::string message, std::string help) {
  problem.code = code;
  problem.message = std::move(message);
  problem.help = std::move(help);
}

}  // namespace

std::optional<double> parse_percent(std::string_view text) {
  text = trimmed(text);
  if (text.empty() || text.back() != '%') return std::nullopt;
  text.remove_suffix(1);
  return decimal(text);
}

// ---------------------------------------------------------------- one check per metric kind

namespace {

const char* const kShareHelp = "write a fraction such as 0.58 or a percentage such as \"58%\"";

std::string quoted(std::string_view s) { return fmt::format("\"{}\"", s); }

// A number that is NaN or infinite is an error whatever the kind; an unknown value is left out.
bool finite_or_report(double number, const Metric& metric, ValueProblem& problem) {
  if (std::isfinite(number)) return true;
  fill(problem, code::not_finite, fmt::format("'{}' is {}, not a finite number", metric.id, number_text(number)),
       fmt::format("leave '{}' out if its value is unknown", metric.id));
  return false;
}

// A share given as a number that is not a fraction: 58 almost surely meant 58%, but 1.4 may as well
// have meant 0.14, so the help only hedges there.
std::string share_help(double number) {
  if (number <= 1 || number > 100) return kShareHelp;
  const std::string fix = fmt::format("write {} or \"{}%\"", number_text(number / 100), number_text(number));
  if (number == std::floor(number)) return fix;
  return fmt::format("if you meant {}%, {}", number_text(number), fix);
}

std::optional<double> check_share_text(std::string_view text, const Metric& metric, ValueProblem& problem) {
  if (auto percent = parse_percent(text)) {
    if (*percent >= 0 && *percent <= 100) return *percent / 100;
    fill(problem, code::out_of_range, fmt::format("'{}' is {}, outside 0% to 100%", metric.id, quoted(text)),
         "write a percentage from 0% to 100%, such as \"58%\"");
    return std::nullopt;
  }
  std::string help = kShareHelp;
  if (auto number = decimal(text)) {
    help = *number >= 0 && *number <= 1
               ? fmt::format("write {} without quotes, or \"{}%\"", number_text(*number), number_text(*number * 100))
               : share_help(*number);
  }
  fill(problem, code::wrong_type, fmt::format("'{}' is the string {}, which is not a percentage", metric.id, quoted(text)),
       help);
  return std::nullopt;
}

std::optional<double> check_share(const WrittenValue& value, const Metric& metric, ValueProblem& problem) {
  if (value.type == WrittenValue::Type::Text) return check_share_text(value.text, metric, problem);
  auto number = number_in(value);
  if (!number) {
    fill(problem, code::wrong_type,
         fmt::format("'{}' is a share, so it takes a fraction or a percentage, not {}", metric.id, value.type_name),
         kShareHelp);
    return std::nullopt;
  }
  if (!finite_or_report(*number, metric, problem)) return std::nullopt;
  if (*number >= 0 && *number <= 1) return *number;
  fill(problem, code::out_of_range,
       fmt::format("'{}' is {}, outside 0 to 1 (shares are fractions)", metric.id, number_text(*number)),
       share_help(*number));
  return std::nullopt;
}

// A scale or a plain number given as a string: suggest dropping the quotes when that is all it takes.
std::string unquote_help(const WrittenValue& value, std::string fallback) {
  if (value.type == WrittenValue::Type::Text)
    if (auto number = decimal(value.text)) return fmt::format("write {} without quotes", number_text(*number));
  return fallback;
}

std::optional<double> check_scale(const WrittenValue& value, const Metric& metric, ValueProblem& problem) {
  const auto number = number_in(value);
  if (number && std::isfinite(*number) && *number >= metric.low && *number <= metric.high) return *number;
  const std::string range = fmt::format("{} to {}", number_text(metric.low), number_text(metric.high));
  if (!number) {
    fill(problem, code::wrong_type,
         fmt::format("'{}' is a scale of {}, so it takes a number, not {}", metric.id, range, value.type_name),
         unquote_help(value, fmt::format("write a number from {}", range)));
    return std::nullopt;
  }
  if (!finite_or_report(*number, metric, problem)) return std::nullopt;
  fill(problem, code::out_of_range,
       fmt::format("'{}' is {}, outside its scale of {}", metric.id, number_text(*number), range),
       fmt::format("write a number from {}", range));
  return std::nullopt;
}

std::optional<double> check_number(const WrittenValue& value, const Metric& metric, ValueProblem& problem) {
  auto number = number_in(value);
  if (!number) {
    fill(problem, code::wrong_type, fmt::format("'{}' takes a number, not {}", metric.id, value.type_name),
         unquote_help(value, "write a number such as 2 or 2.5"));
    return std::nullopt;
  }
  if (!finite_or_report(*number, metric, problem)) return std::nullopt;
  return *number;
}

std::string flag_help(const WrittenValue& value) {
  if (auto number = number_in(value)) {
    if (*number == 1) return "write true instead of 1";
    if (*number == 0) return "write false instead of 0";
  }
  if (value.type == WrittenValue::Type::Text && (value.text == "true" || value.text == "false"))
    return fmt::format("write {} without quotes", value.text);
  return "write true or false, without quotes";
}

std::optional<double> check_flag(const WrittenValue& value, const Metric& metric, ValueProblem& problem) {
  if (value.type == WrittenValue::Type::Boolean) return value.boolean ? 1.0 : 0.0;
  fill(problem, code::wrong_type,
       fmt::format("'{}' is a flag, so it takes true or false, not {}", metric.id, value.type_name), flag_help(value));
  return std::nullopt;
}

}  // namespace

std::optional<double> check_metric_value(const WrittenValue& value, const Metric& metric, ValueProblem& problem) {
  if (auto as_written = taken_as_written(value, metric)) return as_written;
  switch (metric.kind) {
    case MetricKind::Share: return check_share(value, metric, problem);
    case MetricKind::Scale: return check_scale(value, metric, problem);
    case MetricKind::Number: return check_number(value, metric, problem);
    case MetricKind::Flag: return check_flag(value, metric, problem);
  }
  return std::nullopt;
}

// ---------------------------------------------------------------- counts of people

// How many people answered: a whole number, zero or more (14.0 is accepted as 14).
std::optional<int> check_respondents(const WrittenValue& value, std::string_view key, ProfileFormat format,
                                     ValueProblem& problem) {
  const auto number = number_in(value);
  if (number && *number >= 0 && *number <= std::numeric_limits<int>::max() && *number == std::floor(*number))
    return static_cast<int>(*number);
  const std::string group = key == "it" ? "IT" : std::string(key);
  if (!number) {
    fill(problem, code::wrong_type,
         fmt::format("the number of {} respondents must be a whole number, not {}", group, value.type_name),
         fmt::format("write a count without quotes, e.g. {}", assignment(format, key, "14")));
  } else if (!std::isfinite(*number)) {
    fill(problem, code::not_finite,
         fmt::format("the number of {} respondents is {}, not a finite number", group, number_text(*number)),
         fmt::format("write a count, e.g. {}, or leave it out", assignment(format, key, "14")));
  } else if (*number != std::floor(*number)) {
    fill(problem, code::wrong_type,
         fmt::format("the number of {} respondents must be a whole number, not {}", group, number_text(*number)),
         fmt::format("write how many people answered, e.g. {}", assignment(format, key, "14")));
  } else {
    fill(problem, code::out_of_range,
         fmt::format("the number of {} respondents is {}, which is not a count of people", group, number_text(*number)),
         fmt::format("write zero or more, e.g. {}", assignment(format, key, "14")));
  }
  return std::nullopt;
}

// ---------------------------------------------------------------- samples

namespace {

std::vector<std::string> keys_for(MetricKind kind) {
  if (kind == MetricKind::Share) return {"n", "count", "value"};
  return {"n", "mean", "sd"};
}

std::string example_for(const Metric& metric, ProfileFormat format) {
  const bool json = format == ProfileFormat::Json;
  if (metric.kind == MetricKind::Share)
    return assignment(format, metric.id, json ? "{\"count\": 3, \"n\": 14}" : "{ count = 3, n = 14 }");
  const std::string mean = number_text((metric.low + metric.high) / 2);
  return assignment(format, metric.id,
                    json ? fmt::format("{{\"mean\": {}, \"sd\": 0.9, \"n\": 14}}", mean)
                         : fmt::format("{{ mean = {}, sd = 0.9, n = 14 }}", mean));
}

}  // namespace

SampleKey sample_key(std::string_view key, MetricKind kind) {
  const bool share = kind == MetricKind::Share;
  if (key == "n") return SampleKey::N;
  if (share && key == "count") return SampleKey::Count;
  if ((share && key == "value") || (!share && key == "mean")) return SampleKey::Value;
  if (!share && key == "sd") return SampleKey::Sd;
  return SampleKey::Unknown;
}

ValueProblem unknown_sample_key(std::string_view key, const WrittenValue& value, const Metric& metric,
                                ProfileFormat format) {
  const bool share = metric.kind == MetricKind::Share;
  const auto allowed = keys_for(metric.kind);
  const std::string name(key);
  std::string help = did_you_mean(name, allowed, fmt::format("a {} sample takes {}", share ? "share's" : "value's",
                                                             joined(allowed, " and ")));
  if (!share && name == "value") {
    const auto number = number_in(value);
    help = fmt::format("a {}'s sample gives its mean: write {}", metric.kind == MetricKind::Scale ? "scale" : "number",
                       assignment(format, "mean", number ? number_text(*number) : "3.4"));
  }
  return {code::unknown_key, fmt::format("unknown key '{}' in the sample of '{}'", name, metric.id), help};
}

// A whole number of people: 0 or more (14.0 is read as 14).
std::optional<int> check_sample_count(const WrittenValue& value, std::string_view key, const Metric& metric,
                                      ProfileFormat format, ValueProblem& problem) {
  const auto number = number_in(value);
  if (!number || !std::isfinite(*number) || *number != std::floor(*number)) {
    fill(problem, number && !std::isfinite(*number) ? code::not_finite : code::wrong_type,
         fmt::format("'{}' of '{}' must be a whole number of people, not {}", key, metric.id,
                     number ? number_text(*number) : std::string(value.type_name)),
         fmt::format("write a count without quotes, e.g. {}", assignment(format, key, "14")));
    return std::nullopt;
  }
  if (*number < 0 || *number > std::numeric_limits<int>::max()) {
    fill(problem, code::out_of_range,
         fmt::format("'{}' of '{}' is {}, which is not a count of people", key, metric.id, number_text(*number)),
         fmt::format("write zero or more, e.g. {}", assignment(format, key, "14")));
    return std::nullopt;
  }
  return static_cast<int>(*number);
}

std::optional<double> check_sample_sd(const WrittenValue& value, const Metric& metric, ProfileFormat format,
                                      ValueProblem& problem) {
  const auto number = number_in(value);
  if (number && std::isfinite(*number) && *number >= 0) return *number;
  fill(problem, !number ? code::wrong_type : std::isfinite(*number) ? code::out_of_range : code::not_finite,
       fmt::format("the standard deviation of '{}' must be a number of 0 or more, not {}", metric.id,
                   number ? number_text(*number) : std::string(value.type_name)),
       fmt::format("write the sample standard deviation of the answers, e.g. {}", assignment(format, "sd", "0.9")));
  return std::nullopt;
}

std::optional<std::pair<double, Sample>> check_sample(const WrittenSample& sample, const Metric& metric,
                                                      ProfileFormat format, ValueProblem& problem, SampleAt& at) {
  auto refuse = [&](SampleAt where, const char* code, std::string message, std::string help) {
    at = where;
    fill(problem, code, std::move(message), std::move(help));
    return std::nullopt;
  };
  auto missing = [&](std::string message) {
    return refuse(SampleAt::Whole, code::missing_field, std::move(message),
                  fmt::format("write e.g. {}", example_for(metric, format)));
  };
  const auto& n = sample.n;
  const auto& count = sample.count;
  std::optional<double> value = sample.value;
  if (!n) return missing(fmt::format("the sample of '{}' does not say how many answered (n)", metric.id));
  if (*n == 0)
    return refuse(SampleAt::N, code::bad_value, fmt::format("'{}' has n = 0: nobody answered it", metric.id),
                  fmt::format("leave '{}' out: its value is unknown", metric.id));
  if (metric.kind == MetricKind::Share) {
    if (count && value)
      return refuse(SampleAt::Value, code::bad_value, fmt::format("'{}' gives both a count and a value", metric.id),
                    "keep one: count (how many agreed) is exact, value is a fraction");
    if (!count && !value) return missing(fmt::format("the sample of '{}' has neither a count nor a value", metric.id));
    if (count && *count > *n)
      return refuse(SampleAt::Whole, code::out_of_range,
                    fmt::format("'{}' has count = {}, more than the {} who answered", metric.id, *count, *n),
                    "count is how many of the n respondents agreed, so it is at most n");
    if (count) value = static_cast<double>(*count) / *n;
  } else if (!value) {
    return missing(fmt::format("the sample of '{}' has no mean", metric.id));
  }
  return std::pair{*value, Sample{n, count, sample.sd}};
}

std::optional<ValueProblem> check_sample_size(const Profile& profile, const RuleSet& rules, std::uint32_t slot) {
  const auto& n = profile.samples[slot].n;
  const Audience group = rules.slots[slot].audience;
  const auto respondents = profile.respondents(group);
  if (!n || !respondents || *n <= *respondents) return std::nullopt;
  return ValueProblem{
      code::out_of_range,
      fmt::format("'{}' has n = {}, more than the {} respondents in {}", rules.metrics[rules.slots[slot].metric].id, *n,
                  *respondents, group_of(group)),
      fmt::format("n counts the people in {} who answered this question, so it is at most {}", group_of(group),
                  *respondents)};
}

}  // namespace rapport::engine
