// parse_rule_tests: reads a *.test.toml file, a list of [[case]] tables, and validates every case
// against the rule set. Profile tables in a case are read by the profile loader's own reader, so a bad
// value in a test reads exactly like a bad value in a profile.
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <toml++/toml.h>

#include "dsl/diagnostic_codes.hpp"
#include "dsl/text_encoding.hpp"
#include "engine/profile_reader.hpp"
#include "engine/rule_test_reading.hpp"
#include "engine/rule_tests.hpp"
#include "engine/suggest.hpp"

namespace rapport::engine {
namespace {

namespace code = dsl::code;

const std::vector<std::string> kCaseKeys = {"name",      "profile", "missing",         "company", "respondents",
                                            "it",        "marketing", "company_metrics", "expect"};

const char* const kFileHelp =
    "a test file is TOML: one [[case]] header per case, each with a name, optional profile values "
    "([case.it], [case.marketing], [case.company_metrics]) and a [case.expect] table (see docs/authoring.md)";

bool is_one_of(const std::string& name, const std::vector<std::string>& names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

std::string slot_name(const RuleSet& rules, const Slot& slot) {
  const std::string& id = rules.metrics.at(slot.metric).id;
  switch (slot.audience) {
    case Audience::It: return "it." + id;
    case Audience::Marketing: return "marketing." + id;
    case Audience::Company: return id;
  }
  return id;
}

// Reads one [[case]] table.
class CaseReader {
 public:
  CaseReader(const RuleIds& ids, ProfileErrors& errors) : ids_(ids), errors_(errors) {}

  RuleTestCase read(const toml::table& table);

 private:
  void read_key(const toml::key& key, const toml::node& value, ProfileReader& profile);
  void report_unknown_key(const toml::key& key);
  void read_name(const toml::node& value);
  void read_base_profile(const toml::node& value);
  void read_missing(const toml::key& key, const toml::node& value);
  void report_unknown_slot(const WrittenId& written);
  void check_missing_not_set();
  void check_expects_something();

  const RuleIds& ids_;
  ProfileErrors& errors_;
  RuleTestCase test_;
  std::vector<dsl::Location> missing_where_;
  bool has_name_ = false;
  bool expect_had_errors_ = false;  // then "expects nothing" would only repeat them
};

RuleTestCase CaseReader::read(const toml::table& table) {
  test_.where = errors_.where(table.source());
  test_.where.length = 8;  // [[case]]
  ProfileReader profile(ids_.rules, errors_, {.company_name_required = false, .table_prefix = "case."});
  for (auto&& [key, value] : table) read_key(key, value, profile);
  test_.values = profile.take();
  if (!has_name_)
    errors_.add(code::missing_field, test_.where, "the case has no name",
                "add name = \"...\", a sentence saying what the case shows, e.g. "
                "name = \"12% IT satisfaction is a finding\"");
  check_missing_not_set();
  check_expects_something();
  return std::move(test_);
}

void CaseReader::read_key(const toml::key& key, const toml::node& value, ProfileReader& profile) {
  const std::string name(key.str());
  if (name == "name") {
    read_name(value);
  } else if (name == "profile") {
    read_base_profile(value);
  } else if (name == "missing") {
    read_missing(key, value);
  } else if (name == "expect") {
    const std::size_t errors_before = errors_.size();
    read_expectations(key, value, ids_, test_, errors_);
    expect_had_errors_ = expect_had_errors_ || errors_.size() > errors_before;
  } else if (!profile.read_table(key, value)) {
    report_unknown_key(key);
  }
}

void CaseReader::report_unknown_key(const toml::key& key) {
  const std::string name(key.str());
  std::string help = did_you_mean(name, kCaseKeys, fmt::format("a case takes {}", joined(kCaseKeys, " or ")));
  if (is_one_of(name, expectation_keys())) {
    help = fmt::format("put '{}' under [case.expect]", name);
    expect_had_errors_ = true;  // the case does expect something, in the wrong place
  } else if (const auto metric = ids_.rules.metric_ids.find(name); metric != ids_.rules.metric_ids.end()) {
    std::vector<std::string> tables;
    for (Audience asked : ids_.rules.metrics.at(metric->second).asked)
      tables.push_back(fmt::format("[case.{}]", table_key(asked)));
    help = fmt::format("put '{}' under {}", name, joined(tables, " or "));
  }
  errors_.add(code::unknown_key, key.source(), fmt::format("unknown key '{}' in a case", name), help);
}

void CaseReader::read_name(const toml::node& value) {
  has_name_ = true;
  const auto* text = value.as_string();
  if (!text) {
    errors_.add(code::wrong_type, value.source(), fmt::format("'name' takes text, not {}", describe_type(value)),
                "write the case's name in double quotes");
  } else if (text->get().empty()) {
    errors_.add(code::bad_value, value.source(), "the case's name is empty",
                "say in a sentence what the case shows, e.g. name = \"12% IT satisfaction is a finding\"");
  } else {
    test_.name = text->get();
  }
}

void CaseReader::read_base_profile(const toml::node& value) {
  const auto* text = value.as_string();
  if (!text || text->get().empty()) {
    errors_.add(code::wrong_type, value.source(),
                text ? std::string("the base profile's path is empty")
                     : fmt::format("'profile' takes a path, not {}", describe_type(value)),
                "name a profile relative to this test file, e.g. profile = \"../examples/northwind-retail.toml\"");
    return;
  }
  test_.base_profile = text->get();
  test_.base_profile_where = errors_.where(value.source());
}

void CaseReader::read_missing(const toml::key& key, const toml::node& value) {
  for (const auto& written : read_id_list(key, value, "[\"it.trust_in_other_function\"]", errors_)) {
    const auto slot = ids_.slots.find(written.text);
    if (slot == ids_.slots.end()) {
      report_unknown_slot(written);
    } else if (std::find(test_.missing.begin(), test_.missing.end(), slot->second) != test_.missing.end()) {
      errors_.add(code::duplicate_id, written.where, fmt::format("'{}' is listed twice in missing", written.text),
                  "list each value once");
    } else {
      test_.missing.push_back(slot->second);
      missing_where_.push_back(written.where);
    }
  }
}

void CaseReader::report_unknown_slot(const WrittenId& written) {
  std::string help = did_you_mean(written.text, ids_.slot_names,
                                  "write it.METRIC, marketing.METRIC, or METRIC for a company metric");
  std::string message = fmt::format("no metric value '{}' in the rules", written.text);
  if (const auto metric = ids_.rules.metric_ids.find(written.text); metric != ids_.rules.metric_ids.end()) {
    std::vector<std::string> refs;
    for (Audience asked : ids_.rules.metrics.at(metric->second).asked)
      refs.push_back(slot_name(ids_.rules, Slot{metric->second, asked}));
    message = fmt::format("'{}' is not asked of the company as a whole", written.text);
    help = fmt::format("say which group's value is missing: {}", joined(refs, " or "));
  }
  errors_.add(code::unknown_id, written.where, message, help);
}

void CaseReader::check_missing_not_set() {
  for (std::size_t i = 0; i < test_.missing.size(); ++i) {
    if (is_unknown(test_.values.values.at(test_.missing[i]))) continue;
    const std::string name = slot_name(ids_.rules, ids_.rules.slots.at(test_.missing[i]));
    errors_.add(code::bad_value, missing_where_[i],
                fmt::format("the case both gives a value for '{}' and lists it as missing", name),
                "keep one: the value, or the entry in missing");
  }
}

void CaseReader::check_expects_something() {
  if (!test_.expectations.empty() || test_.order || expect_had_errors_) return;
  errors_.add(code::missing_field, test_.where, "the case expects nothing, so it could never fail",
              fmt::format("add a [case.expect] table with {}", joined(expectation_keys(), " or ")));
}

// The file's top level: only the list of cases.
void read_cases(const toml::table& document, const RuleIds& ids, ProfileErrors& errors, RuleTestFile& file) {
  for (auto&& [key, value] : document) {
    const std::string name(key.str());
    if (name != "case") {
      const bool belongs_to_case = is_one_of(name, kCaseKeys) || is_one_of(name, expectation_keys());
      errors.add(code::unknown_key, key.source(), fmt::format("unknown key '{}' outside any case", name),
                 belongs_to_case ? fmt::format("put '{}' in a case, below a [[case]] header", name)
                                 : did_you_mean(name, {"case"}, "a test file holds only [[case]] tables"));
      continue;
    }
    const auto* cases = value.as_array();
    if (!cases || !cases->is_array_of_tables()) {
      errors.add(code::wrong_type, value.source(),
                 fmt::format("'case' must be a list of tables, not {}", describe_type(value)),
                 "write [[case]] with double brackets, once before each case");
      continue;
    }
    for (const auto& node : *cases) file.cases.push_back(CaseReader(ids, errors).read(*node.as_table()));
  }
}

}  // namespace

RuleIds::RuleIds(const RuleSet& rule_set) : rules(rule_set) {
  for (std::uint32_t f = 0; f < rules.findings.size(); ++f) {
    findings.emplace(rules.findings[f].id, f);
    finding_names.push_back(rules.findings[f].id);
  }
  for (std::uint32_t r = 0; r < rules.recommendations.size(); ++r) {
    recommendations.emplace(rules.recommendations[r].id, r);
    recommendation_names.push_back(rules.recommendations[r].id);
  }
  for (std::uint32_t s = 0; s < rules.slots.size(); ++s) {
    slots.emplace(slot_name(rules, rules.slots[s]), s);
    slot_names.push_back(slot_name(rules, rules.slots[s]));
  }
}

RuleTestFile parse_rule_tests(const dsl::SourceFile& source, const RuleSet& rules) {
  RuleTestFile file;
  if (auto problem = dsl::text_problem(source)) {
    file.diagnostics.push_back(std::move(*problem));
    return file;
  }
  ProfileErrors errors(source.path());
  try {
    const toml::table document = toml::parse(std::string_view(source.text()), std::string_view(source.path()));
    read_cases(document, RuleIds(rules), errors, file);
  } catch (const toml::parse_error& error) {
    report_toml_syntax(error, errors, kFileHelp);
  }
  if (errors.empty() && file.cases.empty())
    errors.add(code::missing_field, dsl::Location{source.path(), 0, 0, 1}, "the test file has no cases", kFileHelp);
  // toml++ keeps a table's keys sorted; the cases and their expectations read best as written.
  for (auto& test : file.cases)
    std::stable_sort(test.expectations.begin(), test.expectations.end(),
                     [](const IdExpectation& a, const IdExpectation& b) { return a.where < b.where; });
  std::stable_sort(file.cases.begin(), file.cases.end(),
                   [](const RuleTestCase& a, const RuleTestCase& b) { return a.where < b.where; });
  if (!errors.empty()) file.cases.clear();
  file.diagnostics = errors.take();
  return file;
}

}  // namespace rapport::engine
