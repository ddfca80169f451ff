// The profile reader (profile_reader.hpp) and load_profile, which reads a TOML profile with it and
// validates it against the rule set's metrics. Every problem becomes a positioned diagnostic; all are collected.
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <toml++/toml.h>

#include "dsl/diagnostic_codes.hpp"
#include "dsl/size_limit.hpp"
#include "dsl/text_encoding.hpp"
#include "engine/profile.hpp"
#include "engine/profile_reader.hpp"
#include "engine/profile_values.hpp"
#include "engine/suggest.hpp"

namespace rapport::engine {

namespace {

namespace code = dsl::code;

const std::vector<std::string> kTables = {"company", "respondents", "it", "marketing", "company_metrics"};
const std::vector<std::string> kCompanyKeys = {"name", "industry", "assessed_on"};
const std::vector<std::string> kRespondentKeys = {"it", "marketing"};

// A key at the top of a profile that is none of its tables: say which table was probably meant.
void report_unknown_top_level(const toml::key& key, const toml::node& value, const RuleSet& rules,
                              ProfileErrors& errors) {
  const std::string name(key.str());
  std::string help = fmt::format("a profile's tables are {}",
                                 joined({"[company]", "[respondents]", "[it]", "[marketing]", "[company_metrics]"}));
  const auto metric = rules.metric_ids.find(name);
  if (auto near = closest(name, kTables)) {
    help = fmt::format("did you mean [{}]?", *near);
  } else if (metric != rules.metric_ids.end()) {
    std::vector<std::string> tables;
    for (Audience asked : rules.metrics.at(metric->second).asked)
      tables.push_back(fmt::format("[{}]", table_key(asked)));
    help = fmt::format("put '{}' under {}", name, joined(tables));
  } else if (std::find(kCompanyKeys.begin(), kCompanyKeys.end(), name) != kCompanyKeys.end()) {
    help = fmt::format("put '{}' under [company]", name);
  }
  const std::string message = value.is_table() ? fmt::format("unknown table [{}]", name)
                                               : fmt::format("unknown key '{}' outside any table", name);
  errors.add(code::unknown_key, key.source(), message, help);
}

// toml++ refuses a float beyond a double's range (1e999) as "'1e999' could not be interpreted as a value",
// placed just after it. That is a number too large, not broken TOML: say so, at the number as written in
// `line` (toml++ quotes it without its sign and digit separators).
bool report_beyond_double(const toml::parse_error& error, ProfileErrors& errors, std::string_view line) {
  if (!error.description().ends_with("' could not be interpreted as a value")) return false;
  const auto& after = error.source().begin;
  std::size_t end = 0;  // the byte after the number: columns count code points
  for (std::size_t column = 1; column < after.column && end < line.size(); ++column) {
    ++end;
    while (end < line.size() && (static_cast<unsigned char>(line[end]) & 0xC0) == 0x80) ++end;
  }
  std::size_t begin = end;
  while (begin > 0 && std::string_view("0123456789+-._eE").find(line[begin - 1]) != std::string_view::npos) --begin;
  const std::string_view written = line.substr(begin, end - begin);
  std::string digits(written);
  std::erase(digits, '_');  // TOML's digit separators
  char* stop = nullptr;
  const double value = std::strtod(digits.c_str(), &stop);
  if (digits.empty() || stop != digits.c_str() + digits.size() || !std::isinf(value)) return false;
  const dsl::Location at{errors.path(), static_cast<std::uint32_t>(after.line),
                         static_cast<std::uint32_t>(after.column - written.size()),
                         static_cast<std::uint32_t>(written.size())};
  errors.add(code::not_finite, at, fmt::format("'{}' is too large to be a finite number", written),
             "write the figure itself; no survey value is beyond 1e308");
  return true;
}

}  // namespace

void report_toml_syntax(const toml::parse_error& error, ProfileErrors& errors, std::string help, std::string_view line) {
  if (!line.empty() && report_beyond_double(error, errors, line)) return;
  // toml++ describes errors as "Error while parsing <context>: <detail>"; the detail is the news.
  std::string_view description = error.description();
  const auto colon = description.find(": ");
  if (description.starts_with("Error while parsing") && colon != std::string_view::npos)
    description.remove_prefix(colon + 2);
  errors.add(code::profile_syntax, error.source(), fmt::format("invalid TOML: {}", description), std::move(help));
}

ProfileReader::ProfileReader(const RuleSet& rules, ProfileErrors& errors, Options options)
    : rules_(rules), errors_(errors), options_(options) {
  profile_.values.assign(rules.slots.size(), kUnknown);
  profile_.samples.assign(rules.slots.size(), Sample{});
  sample_sizes_at_.assign(rules.slots.size(), dsl::Location{});
}

bool ProfileReader::read_table(const toml::key& key, const toml::node& value) {
  const std::string name(key.str());
  if (name == "company") {
    has_company_ = true;
    if (const auto* table = expect_table(key, value)) read_company(key, *table);
  } else if (name == "respondents") {
    if (const auto* table = expect_table(key, value)) read_respondents(*table);
  } else if (name == "it" || name == "marketing" || name == "company_metrics") {
    const Audience audience =
        name == "it" ? Audience::It : name == "marketing" ? Audience::Marketing : Audience::Company;
    if (const auto* table = expect_table(key, value)) read_metric_values(*table, audience);
  } else {
    return false;
  }
  return true;
}

std::string ProfileReader::table_name(std::string_view name) const {
  return fmt::format("[{}{}]", options_.table_prefix, name);
}

const toml::table* ProfileReader::expect_table(const toml::key& key, const toml::node& value) {
  if (const auto* table = value.as_table()) return table;
  const std::string table = table_name(key.str());
  const std::string help = value.is_array()
                               ? fmt::format("write {} with single brackets; it is one table", table)
                               : fmt::format("write {} on a line of its own, then its keys below it", table);
  errors_.add(code::wrong_type, value.source(),
              fmt::format("'{}' must be a table, not {}", key.str(), describe_type(value)), help);
  return nullptr;
}

// ---------------------------------------------------------------- [company]

void ProfileReader::read_company(const toml::key& table_key, const toml::table& table) {
  bool has_name = false;
  for (auto&& [key, value] : table) {
    const std::string name(key.str());
    if (name == "name") {
      has_name = true;
      if (auto text = read_string(key, value, "\"Northwind Retail\"")) {
        if (text->empty())
          errors_.add(code::bad_value, value.source(), "the company name is empty",
                      "write the company's name, e.g. name = \"Northwind Retail\"");
        profile_.company.name = *text;
      }
    } else if (name == "industry") {
      if (auto text = read_string(key, value, "\"Retail\"")) profile_.company.industry = *text;
    } else if (name == "assessed_on") {
      read_assessed_on(value);
    } else {
      const std::string table = table_name("company");
      errors_.add(code::unknown_key, key.source(), fmt::format("unknown key '{}' in {}", name, table),
                  did_you_mean(name, kCompanyKeys, fmt::format("{} takes {}", table, joined(kCompanyKeys))));
    }
  }
  if (!has_name && options_.company_name_required)
    errors_.add(code::missing_field, table_key.source(), "[company] has no name",
                "add name = \"Northwind Retail\" (the company's name) under [company]");
}

std::optional<std::string> ProfileReader::read_string(const toml::key& key, const toml::node& value,
                                                      std::string_view example) {
  if (const auto* text = value.as_string()) return text->get();
  errors_.add(code::wrong_type, value.source(),
              fmt::format("'{}' takes text, not {}", key.str(), describe_type(value)),
              fmt::format("write the text in double quotes, e.g. {} = {}", key.str(), example));
  return std::nullopt;
}

void ProfileReader::read_assessed_on(const toml::node& value) {
  if (const auto* date = value.as_date()) {
    const toml::date& d = date->get();
    profile_.company.assessed_on = fmt::format("{:04}-{:02}-{:02}", d.year, d.month, d.day);
  } else if (const auto* text = value.as_string()) {
    profile_.company.assessed_on = text->get();
  } else {
    errors_.add(code::wrong_type, value.source(),
                fmt::format("'assessed_on' takes a date, not {}", describe_type(value)),
                "write a date such as assessed_on = 2026-10-15");
  }
}

// ---------------------------------------------------------------- [respondents]

void ProfileReader::read_respondents(const toml::table& table) {
  for (auto&& [key, value] : table) {
    const std::string name(key.str());
    if (name == "it") {
      profile_.it_respondents = read_count(key, value);
    } else if (name == "marketing") {
      profile_.marketing_respondents = read_count(key, value);
    } else {
      const std::string table = table_name("respondents");
      errors_.add(code::unknown_key, key.source(), fmt::format("unknown key '{}' in {}", name, table),
                  did_you_mean(name, kRespondentKeys, table + " takes it and marketing"));
    }
  }
}

std::optional<int> ProfileReader::read_count(const toml::key& key, const toml::node& value) {
  ValueProblem problem;
  auto count = check_respondents(written(value), key.str(), ProfileFormat::Toml, problem);
  if (!count) errors_.add(problem, value.source());
  return count;
}

// ---------------------------------------------------------------- [it], [marketing], [company_metrics]

void ProfileReader::read_metric_values(const toml::table& table, Audience audience) {
  for (auto&& [key, value] : table) {
    const auto id = rules_.metric_ids.find(std::string(key.str()));
    if (id == rules_.metric_ids.end()) {
      report_unknown_metric(key, audience);
      continue;
    }
    const Metric& metric = rules_.metrics.at(id->second);
    const auto slot = rules_.slot_ids.find(std::pair{id->second, audience});
    if (slot == rules_.slot_ids.end()) {
      report_not_asked(key, metric, audience);
      continue;
    }
    // A flag's table is refused as any other non-boolean is, by read_metric_value.
    if (const auto* sample = value.as_table(); sample && audience != Audience::Company && metric.kind != MetricKind::Flag)
      read_sample(*sample, metric, slot->second);
    else if (auto number = read_metric_value(value, metric, errors_))
      profile_.values.at(slot->second) = *number;
  }
}

void ProfileReader::report_unknown_metric(const toml::key& key, Audience audience) {
  // Prefer the metrics this table can hold; fall back to any metric, then say where ids come from.
  std::vector<std::string> here, anywhere;
  for (const auto& [id, index] : rules_.metric_ids) {
    anywhere.push_back(id);
    if (rules_.slot_ids.contains(std::pair{index, audience})) here.push_back(id);
  }
  const std::string id(key.str());
  auto near = closest(id, here);
  if (!near) near = closest(id, anywhere);
  const std::string help =
      near ? fmt::format("did you mean '{}'?", *near)
           : fmt::format("use the id of a metric the rules ask of {}", group_of(audience));
  errors_.add(code::unknown_key, key.source(),
              fmt::format("unknown metric '{}' in {}", id, table_name(table_key(audience))), help);
}

void ProfileReader::report_not_asked(const toml::key& key, const Metric& metric, Audience audience) {
  std::vector<std::string> groups, tables;
  for (Audience asked : metric.asked) {
    groups.emplace_back(group_of(asked));
    tables.push_back(table_name(table_key(asked)));
  }
  const std::string help =
      groups.empty() ? std::string("the rules ask this metric of no group")
                     : fmt::format("'{}' is asked of {}; put it under {}", metric.id, joined(groups), joined(tables));
  errors_.add(code::group_not_asked, key.source(),
              fmt::format("'{}' is not asked of {}", metric.id, group_of(audience)), help);
}

ProfileResult load_profile(const dsl::SourceFile& file, const RuleSet& rules) {
  ProfileResult result;
  // The size first: it costs nothing, and a huge file is not worth scanning for its encoding.
  if (auto too_large = dsl::check_file_size(file, kMaxProfileBytes, "the profile",
                                            "a profile is a few kilobytes of TOML: check that this is the client's "
                                            "profile (see docs/profile.md)")) {
    result.diagnostics.push_back(std::move(*too_large));
    return result;
  }
  if (auto problem = dsl::text_problem(file)) {
    result.diagnostics.push_back(std::move(*problem));
    return result;
  }
  ProfileErrors errors(file.path());
  ProfileReader reader(rules, errors, {});
  try {
    const toml::table document = toml::parse(std::string_view(file.text()), std::string_view(file.path()));
    for (auto&& [key, value] : document)
      if (!reader.read_table(key, value)) report_unknown_top_level(key, value, rules, errors);
  } catch (const toml::parse_error& error) {
    report_toml_syntax(error, errors,
                       "a profile is TOML: [table] headers, then key = value lines, with text in double quotes "
                       "(see docs/profile.md)",
                       file.line(static_cast<std::uint32_t>(error.source().begin.line)));
    result.diagnostics = errors.take();
    return result;
  }
  if (!reader.saw_company()) {
    // No place in the file to point at: the whole file is at fault (line 0).
    errors.add(code::missing_field, dsl::Location{errors.path(), 0, 0, 1}, "the profile has no [company] table",
               "add a [company] table with at least name = \"Northwind Retail\"");
  }
  reader.check_sample_sizes();
  if (errors.empty()) result.profile = reader.take();
  result.diagnostics = errors.take();
  return result;
}

}  // namespace rapport::engine
