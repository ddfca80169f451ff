// Per-kind validation of profile values: shares (fractions or "58%"), scales, numbers and flags.
#include "engine/profile_values.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <utility>

#include <fmt/format.h>

#include "dsl/diagnostic_codes.hpp"

namespace rapport::engine {

namespace code = dsl::code;

// ---------------------------------------------------------------- errors and positions

dsl::Location ProfileErrors::where(const toml::source_region& region) const {
  dsl::Location at;
  at.file = path_;
  at.line = region.begin.line;
  at.col = region.begin.column;
  // toml++ counts columns in code points, as dsl::Location does, so the width carries over.
  if (region.end.line == region.begin.line && region.end.column > region.begin.column)
    at.length = region.end.column - region.begin.column;
  return at;
}

void ProfileErrors::add(const char* code, const toml::source_region& at, std::string message, std::string help) {
  add(code, where(at), std::move(message), std::move(help));
}

void ProfileErrors::add(const char* code, dsl::Location at, std::string message, std::string help) {
  dsl::Diagnostic diag;
  diag.code = code;
  diag.message = std::move(message);
  diag.where = std::move(at);
  diag.help = std::move(help);
  list_.push_back(std::move(diag));
}

dsl::Diagnostics ProfileErrors::take() {
  dsl::sort_by_location(list_);
  return std::move(list_);
}

// ---------------------------------------------------------------- small readers

std::string describe_type(const toml::node& value) {
  switch (value.type()) {
    case toml::node_type::table: return "a table";
    case toml::node_type::array: return "an array";
    case toml::node_type::string: return "a string";
    case toml::node_type::integer: return "an integer";
    case toml::node_type::floating_point: return "a number";
    case toml::node_type::boolean: return "a boolean";
    case toml::node_type::date: return "a date";
    case toml::node_type::time: return "a time";
    case toml::node_type::date_time: return "a date and time";
    case toml::node_type::none: break;
  }
  return "nothing";
}

// Twelve significant digits hide the noise of derived values (0.58 * 100 is 57.99999999999999).
std::string number_text(double value) { return fmt::format("{:.12g}", value); }

std::optional<double> as_number(const toml::node& value) {
  if (const auto* i = value.as_integer()) return static_cast<double>(i->get());
  if (const auto* f = value.as_floating_point()) return f->get();
  return std::nullopt;
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

}  // namespace

std::optional<double> parse_percent(std::string_view text) {
  text = trimmed(text);
  if (text.empty() || text.back() != '%') return std::nullopt;
  text.remove_suffix(1);
  return decimal(text);
}

// ---------------------------------------------------------------- one reader per metric kind

namespace {

const char* const kShareHelp = "write a fraction such as 0.58 or a percentage such as \"58%\"";

std::string quoted(std::string_view s) { return fmt::format("\"{}\"", s); }

// A number that is NaN or infinite is an error whatever the kind; an unknown value is left out.
bool finite_or_report(double number, const toml::node& value, const Metric& metric, ProfileErrors& errors) {
  if (std::isfinite(number)) return true;
  errors.add(code::not_finite, value.source(),
             fmt::format("'{}' is {}, not a finite number", metric.id, number_text(number)),
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

std::optional<double> read_share_text(std::string_view text, const toml::node& value, const Metric& metric,
                                      ProfileErrors& errors) {
  if (auto percent = parse_percent(text)) {
    if (*percent >= 0 && *percent <= 100) return *percent / 100;
    errors.add(code::out_of_range, value.source(),
               fmt::format("'{}' is {}, outside 0% to 100%", metric.id, quoted(text)),
               "write a percentage from 0% to 100%, such as \"58%\"");
    return std::nullopt;
  }
  std::string help = kShareHelp;
  if (auto number = decimal(text)) {
    help = *number >= 0 && *number <= 1
               ? fmt::format("write {} without quotes, or \"{}%\"", number_text(*number), number_text(*number * 100))
               : share_help(*number);
  }
  errors.add(code::wrong_type, value.source(),
             fmt::format("'{}' is the string {}, which is not a percentage", metric.id, quoted(text)), help);
  return std::nullopt;
}

std::optional<double> read_share(const toml::node& value, const Metric& metric, ProfileErrors& errors) {
  if (const auto* text = value.as_string()) return read_share_text(text->get(), value, metric, errors);
  auto number = as_number(value);
  if (!number) {
    errors.add(code::wrong_type, value.source(),
               fmt::format("'{}' is a share, so it takes a fraction or a percentage, not {}", metric.id,
                           describe_type(value)),
               kShareHelp);
    return std::nullopt;
  }
  if (!finite_or_report(*number, value, metric, errors)) return std::nullopt;
  if (*number >= 0 && *number <= 1) return *number;
  errors.add(code::out_of_range, value.source(),
             fmt::format("'{}' is {}, outside 0 to 1 (shares are fractions)", metric.id, number_text(*number)),
             share_help(*number));
  return std::nullopt;
}

// A scale or a plain number given as a string: suggest dropping the quotes when that is all it takes.
std::string unquote_help(const toml::node& value, std::string fallback) {
  if (const auto* text = value.as_string())
    if (auto number = decimal(text->get())) return fmt::format("write {} without quotes", number_text(*number));
  return fallback;
}

std::optional<double> read_scale(const toml::node& value, const Metric& metric, ProfileErrors& errors) {
  const std::string range = fmt::format("{} to {}", number_text(metric.low), number_text(metric.high));
  auto number = as_number(value);
  if (!number) {
    errors.add(code::wrong_type, value.source(),
               fmt::format("'{}' is a scale of {}, so it takes a number, not {}", metric.id, range,
                           describe_type(value)),
               unquote_help(value, fmt::format("write a number from {}", range)));
    return std::nullopt;
  }
  if (!finite_or_report(*number, value, metric, errors)) return std::nullopt;
  if (*number >= metric.low && *number <= metric.high) return *number;
  errors.add(code::out_of_range, value.source(),
             fmt::format("'{}' is {}, outside its scale of {}", metric.id, number_text(*number), range),
             fmt::format("write a number from {}", range));
  return std::nullopt;
}

std::optional<double> read_number(const toml::node& value, const Metric& metric, ProfileErrors& errors) {
  auto number = as_number(value);
  if (!number) {
    errors.add(code::wrong_type, value.source(),
               fmt::format("'{}' takes a number, not {}", metric.id, describe_type(value)),
               unquote_help(value, "write a number such as 2 or 2.5"));
    return std::nullopt;
  }
  if (!finite_or_report(*number, value, metric, errors)) return std::nullopt;
  return *number;
}

std::string flag_help(const toml::node& value) {
  if (auto number = as_number(value)) {
    if (*number == 1) return "write true instead of 1";
    if (*number == 0) return "write false instead of 0";
  }
  if (const auto* text = value.as_string()) {
    if (text->get() == "true" || text->get() == "false") return fmt::format("write {} without quotes", text->get());
  }
  return "write true or false, without quotes";
}

std::optional<double> read_flag(const toml::node& value, const Metric& metric, ProfileErrors& errors) {
  if (const auto* flag = value.as_boolean()) return flag->get() ? 1.0 : 0.0;
  errors.add(code::wrong_type, value.source(),
             fmt::format("'{}' is a flag, so it takes true or false, not {}", metric.id, describe_type(value)),
             flag_help(value));
  return std::nullopt;
}

}  // namespace

std::optional<double> read_metric_value(const toml::node& value, const Metric& metric, ProfileErrors& errors) {
  switch (metric.kind) {
    case MetricKind::Share: return read_share(value, metric, errors);
    case MetricKind::Scale: return read_scale(value, metric, errors);
    case MetricKind::Number: return read_number(value, metric, errors);
    case MetricKind::Flag: return read_flag(value, metric, errors);
  }
  return std::nullopt;
}

}  // namespace rapport::engine
