// Profile values read from TOML: positioned errors, and each node handed to the checks of
// profile_checks.hpp as a WrittenValue.
#include "engine/profile_values.hpp"

#include <utility>

namespace rapport::engine {

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

// ---------------------------------------------------------------- TOML values

namespace {

// The literal names of describe_type, which a WrittenValue can point at.
std::string_view type_name(const toml::node& value) {
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

}  // namespace

std::string describe_type(const toml::node& value) { return std::string(type_name(value)); }

std::optional<double> as_number(const toml::node& value) {
  if (const auto* i = value.as_integer()) return static_cast<double>(i->get());
  if (const auto* f = value.as_floating_point()) return f->get();
  return std::nullopt;
}

WrittenValue written(const toml::node& value) {
  if (const auto* text = value.as_string()) return WrittenValue::of_text(text->get());
  if (const auto* flag = value.as_boolean()) return WrittenValue::of_boolean(flag->get());
  if (const auto* i = value.as_integer()) return WrittenValue::of_number(static_cast<double>(i->get()), type_name(value));
  if (const auto* f = value.as_floating_point()) return WrittenValue::of_number(f->get(), type_name(value));
  return WrittenValue::of_other(type_name(value));
}

std::optional<double> read_metric_value(const toml::node& value, const Metric& metric, ProfileErrors& errors) {
  ValueProblem problem;
  auto number = check_metric_value(written(value), metric, problem);
  if (!number) errors.add(problem, value.source());
  return number;
}

}  // namespace rapport::engine
