// The survey mapping's file as a whole: [company] and [company_metrics] (read as a profile reads them),
// [answers] (named answer lists and codings), [group], and how a mapping names an export's columns.
#include "engine/survey_mapping.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>
#include <toml++/toml.h>

#include "dsl/diagnostic_codes.hpp"
#include "dsl/text_encoding.hpp"
#include "engine/profile_reader.hpp"
#include "engine/suggest.hpp"
#include "engine/survey_mapping_reader.hpp"
#include "engine/value.hpp"

namespace rapport::engine {

namespace {

namespace code = dsl::code;

const std::vector<std::string> kTables = {"company", "group", "answers", "metrics", "company_metrics"};
const std::vector<std::string> kGroupKeys = {"column", "it", "marketing", "ignore"};

const toml::table* expect_table(const toml::key& key, const toml::node& value, ProfileErrors& errors) {
  if (const auto* table = value.as_table()) return table;
  errors.add(code::wrong_type, value.source(), fmt::format("'{}' must be a table, not {}", key.str(), describe_type(value)),
             fmt::format("write [{}] on a line of its own, then its keys below it", key.str()));
  return nullptr;
}

// Returns the table it was probably meant to be, if any.
std::optional<std::string> report_unknown_table(const toml::key& key, const toml::node& value, ProfileErrors& errors) {
  const std::string name(key.str());
  const auto near = closest(name, kTables);
  errors.add(code::unknown_key, key.source(),
             value.is_table() ? fmt::format("unknown table [{}] in a survey mapping", name)
                              : fmt::format("unknown key '{}' outside any table", name),
             near ? fmt::format("did you mean '{}'?", *near)
                  : "a survey mapping's tables are [company], [group], [answers], [metrics.ID] and [company_metrics]");
  return near;
}

// A mapping table that must be there: reported at the top of the file (line 0) when it is not.
void require_table(bool seen, std::string_view what, std::string help, ProfileErrors& errors) {
  if (seen) return;
  errors.add(code::missing_field, dsl::Location{errors.path(), 0, 0, 1}, fmt::format("the mapping has no {}", what),
             std::move(help));
}

}  // namespace

// ---------------------------------------------------------------- [answers]

void MappingReader::read_answers_table(const toml::table& table) {
  for (auto&& [key, value] : table) {
    const std::string name(key.str());
    if (name == "missing" && !value.is_array()) {
      errors_.add(code::wrong_type, value.source(),
                  fmt::format("'missing' in [answers] must be a list of answers, not {}", describe_type(value)),
                  "write the answers that mean \"not answered\", e.g. missing = [\"Don't know\", \"Prefer not to say\"]");
    } else if (value.is_array()) {
      if (auto list = read_answer_list(key, value)) (name == "missing" ? mapping_.missing : lists_[name]) = *list;
    } else if (const auto* coding = value.as_table()) {
      if (auto read = read_coding_table(*coding)) codings_[name] = *read;
    } else {
      errors_.add(code::wrong_type, value.source(),
                  fmt::format("'{}' in [answers] must be a list of answers or a coding, not {}", name, describe_type(value)),
                  fmt::format("write a list, {} = [\"Agree\", \"Strongly agree\"], or a coding of labels to numbers, "
                              "{} = {{ \"Disagree\" = 1, \"Agree\" = 2 }}",
                              name, name));
    }
  }
}

std::optional<AnswerSet> MappingReader::read_answer_list(const toml::key& key, const toml::node& value) {
  if (const auto* name = value.as_string()) {
    if (const auto found = lists_.find(name->get()); found != lists_.end()) return found->second;
    std::vector<std::string> names;
    for (const auto& [list, answers] : lists_) names.push_back(list);
    errors_.add(code::unknown_key, value.source(), fmt::format("no list of answers named '{}' in [answers]", name->get()),
                did_you_mean(name->get(), names,
                             fmt::format("a text names a list in [answers]; write a single answer in brackets: "
                                         "{} = [\"{}\"]",
                                         key.str(), name->get())));
    return std::nullopt;
  }
  const auto* array = value.as_array();
  if (!array) {
    errors_.add(code::wrong_type, value.source(),
                fmt::format("'{}' takes a list of answers, not {}", key.str(), describe_type(value)),
                fmt::format("write the answers in brackets, e.g. {} = [\"Agree\", \"Strongly agree\"]", key.str()));
    return std::nullopt;
  }
  AnswerSet answers;
  bool ok = true;
  for (const auto& element : *array) {
    if (const auto* text = element.as_string()) {
      answers.add(text->get());
      continue;
    }
    ok = false;
    errors_.add(code::wrong_type, element.source(),
                fmt::format("an answer in '{}' must be text, not {}", key.str(), describe_type(element)),
                "write each answer in double quotes, exactly as the survey tool exports it: \"4\", not 4");
  }
  return ok ? std::optional(answers) : std::nullopt;
}

std::optional<MappingReader::NamedCoding> MappingReader::read_coding_table(const toml::table& table) {
  NamedCoding out;
  bool ok = true;
  for (auto&& [label, value] : table) {
    const auto number = as_number(value);
    if (!number || !std::isfinite(*number)) {
      ok = false;
      errors_.add(code::wrong_type, value.source(),
                  fmt::format("the answer '{}' must be coded as a number, not {}", label.str(),
                              number ? number_text(*number) : describe_type(value)),
                  fmt::format("write e.g. \"{}\" = 4", label.str()));
      continue;
    }
    out.coding.labels.emplace_back(label.str(), *number);
    out.numbers.push_back(&value);
  }
  // TOML tables come in key order; messages list a coding from its lowest number up.
  std::vector<std::size_t> order(out.numbers.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return out.coding.labels[a].second < out.coding.labels[b].second; });
  NamedCoding sorted;
  for (const std::size_t i : order) {
    sorted.coding.labels.push_back(out.coding.labels[i]);
    sorted.numbers.push_back(out.numbers[i]);
  }
  out = std::move(sorted);
  if (table.empty()) {
    ok = false;
    errors_.add(code::missing_field, table.source(), "this coding has no answers",
                "code each answer the survey offers: { \"Disagree\" = 1, \"Agree\" = 2 }");
  }
  return ok ? std::optional(std::move(out)) : std::nullopt;
}

// ---------------------------------------------------------------- [group]

void MappingReader::read_group(const toml::key& key, const toml::table& table) {
  GroupMapping& group = mapping_.group;
  bool has_column = false;
  for (auto&& [name, value] : table) {
    if (name.str() == "column") {
      has_column = true;
      group.where = errors_.where(value.source());
      if (auto columns = resolve_column(value, false)) group.column = columns->front();
    } else if (name.str() == "it" || name.str() == "marketing" || name.str() == "ignore") {
      auto& set = name.str() == "it" ? group.it : name.str() == "marketing" ? group.marketing : group.ignore;
      if (auto answers = read_answer_list(name, value)) set = *answers;
    } else {
      report_unknown_key(name, "[group]", kGroupKeys);
    }
  }
  if (!has_column)
    errors_.add(code::missing_field, key.source(), "[group] does not say which column holds the respondent's group",
                "add the column of the question \"Which department do you work in?\", e.g. column = \"Q1\"");
  if (group.it.empty() && group.marketing.empty())
    errors_.add(code::missing_field, key.source(), "[group] lists no answer for IT or for marketing",
                "list the answers of each group, e.g. it = [\"IT\"] and marketing = [\"Marketing\"]");
  const std::vector<std::pair<const AnswerSet*, std::string_view>> sets = {
      {&group.it, "it"}, {&group.marketing, "marketing"}, {&group.ignore, "ignore"}};
  for (std::size_t i = 0; i < sets.size(); ++i)
    for (std::size_t j = i + 1; j < sets.size(); ++j)
      for (const auto& answer : sets[i].first->written())
        if (sets[j].first->contains(answer))
          errors_.add(code::bad_value, key.source(), fmt::format("'{}' is listed under both {} and {} in [group]", answer,
                                                                 sets[i].second, sets[j].second),
                      "an answer can put a respondent in one group only; keep it in one list");
}

// ---------------------------------------------------------------- columns

std::optional<std::vector<std::size_t>> MappingReader::resolve_column(const toml::node& value, bool several) {
  const auto* text = value.as_string();
  if (!text) {
    errors_.add(code::wrong_type, value.source(), fmt::format("a column is named by text, not {}", describe_type(value)),
                "name the column by its id, import id or question text, e.g. column = \"Q5\"");
    return std::nullopt;
  }
  const std::string& name = text->get();
  const auto found = survey_.find(name);
  if (found.empty()) {
    std::vector<std::string> ids, questions;
    for (const auto& column : survey_.columns) {
      ids.push_back(column.id);
      if (!column.question.empty()) questions.push_back(column.question);
    }
    auto near = closest(name, ids);
    if (!near) near = closest(name, questions);
    errors_.add(code::unknown_column, value.source(), fmt::format("the export has no column '{}'", name),
                near ? fmt::format("did you mean '{}'?", *near)
                     : "name a column by its id (Q5), its import id (QID5) or its question text, as the export's "
                       "header rows write it");
    return std::nullopt;
  }
  const bool one_question = std::all_of(found.begin(), found.end(), [&](const SurveyColumn* column) {
    return !column->sublabel.empty() && column->question == found.front()->question;
  });
  if (found.size() > 1 && !(several && one_question)) {
    std::vector<std::string> ids;
    for (const auto* column : found) ids.push_back(fmt::format("'{}'", column->id));
    errors_.add(code::ambiguous_column, value.source(),
                fmt::format("'{}' names {} columns: {}", name, found.size(), joined(ids)),
                "name one column by its id; a question with an answer option per column is read with choice = "
                "\"OPTION\"");
    return std::nullopt;
  }
  std::vector<std::size_t> indices;
  for (const auto* column : found) indices.push_back(column->index);
  return indices;
}

void MappingReader::report_unknown_key(const toml::key& key, std::string_view table,
                                       const std::vector<std::string>& allowed) {
  const std::string name(key.str());
  errors_.add(code::unknown_key, key.source(), fmt::format("unknown key '{}' in {}", name, table),
              did_you_mean(name, allowed, fmt::format("{} takes {}", table, joined(allowed))));
}

// ---------------------------------------------------------------- the whole file

MappingResult read_survey_mapping(const dsl::SourceFile& file, const SurveyExport& survey, const RuleSet& rules) {
  MappingResult result;
  if (auto problem = dsl::text_problem(file)) {
    result.diagnostics.push_back(std::move(*problem));
    return result;
  }
  ProfileErrors errors(file.path());
  toml::table document;
  try {
    document = toml::parse(std::string_view(file.text()), std::string_view(file.path()));
  } catch (const toml::parse_error& error) {
    report_toml_syntax(error, errors,
                       "a survey mapping is TOML: [table] headers, then key = value lines, with text in double "
                       "quotes (see docs/survey.md)");
    result.diagnostics = errors.take();
    return result;
  }
  MappingReader reader(survey, rules, errors);
  ProfileReader company(rules, errors, {});
  for (auto&& [key, value] : document)  // first: [group] and [metrics] name its lists and codings
    if (key.str() == "answers")
      if (const auto* table = expect_table(key, value, errors)) reader.read_answers_table(*table);
  // A misspelt table ([metric]) is reported as such, not again as a missing table.
  bool saw_group = false, saw_metrics = false, saw_company = false;
  for (auto&& [key, value] : document) {
    const std::string name(key.str());
    if (name == "answers") continue;
    if (name == "group" || name == "metrics") {
      const auto* table = expect_table(key, value, errors);
      (name == "group" ? saw_group : saw_metrics) = true;
      if (table && name == "group") reader.read_group(key, *table);
      if (table && name == "metrics") reader.read_metrics(key, *table);
    } else if (name != "company" && name != "company_metrics") {
      const auto meant = report_unknown_table(key, value, errors);
      saw_group |= meant == "group";
      saw_metrics |= meant == "metrics";
      saw_company |= meant == "company";
    } else {
      company.read_table(key, value);
    }
  }
  require_table(saw_company || company.saw_company(), "[company] table",
                "add [company] with the client's name = \"Northwind Retail\" (copied into the profile)", errors);
  require_table(saw_group, "[group] table",
                "add [group] with the column that holds each respondent's group and the answers of each group", errors);
  require_table(saw_metrics, "[metrics] table",
                "add a [metrics.ID] table for each metric the survey asks, with the column that answers it", errors);
  if (!errors.empty()) {
    result.diagnostics = errors.take();
    return result;
  }
  SurveyMapping mapping = std::move(reader.take());
  Profile profile = company.take();
  mapping.company = profile.company;
  for (std::uint32_t slot = 0; slot < rules.slots.size(); ++slot)
    if (rules.slots[slot].audience == Audience::Company && !is_unknown(profile.values[slot]))
      mapping.company_metrics.emplace_back(rules.slots[slot].metric, profile.values[slot]);
  result.mapping = std::move(mapping);
  return result;
}

}  // namespace rapport::engine
