// The JSON profile reader (see profile_json.hpp): walks one record with simdjson's On-Demand API, in
// the order it is written, and hands every value to the checks the TOML loader uses (profile_checks.hpp).
// This file reads the record, its company and its respondents; profile_json_metrics.cpp the groups' values.
// Keys are read straight from the input buffer; the strings it keeps (the company's) reuse their
// capacity. Problems are kept as byte offsets and placed (line, column) only when there are any.
#include "engine/profile_json.hpp"

#include <algorithm>
#include <cstring>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <simdjson.h>

#include "dsl/diagnostic_codes.hpp"
#include "dsl/size_limit.hpp"
#include "dsl/text_encoding.hpp"
#include "engine/profile_checks.hpp"
#include "engine/profile_json_syntax.hpp"
#include "engine/profile_json_walk.hpp"
#include "engine/suggest.hpp"

namespace rapport::engine {

namespace code = dsl::code;
using json_walk::error_code;

static_assert(kJsonPadding >= simdjson::SIMDJSON_PADDING);

namespace {

const std::vector<std::string> kTables = {"company", "respondents", "it", "marketing", "company_metrics"};
const std::vector<std::string> kCompanyKeys = {"name", "industry", "assessed_on"};
const std::vector<std::string> kRespondentKeys = {"it", "marketing"};
const char* const kSyntaxHelp =
    "a record is one JSON object on one line, such as "
    "{\"company\": {\"name\": \"Northwind Retail\"}, \"it\": {\"satisfied_with_collaboration\": 0.21}} "
    "(see docs/profile.md)";

// What is wrong with a record simdjson could not read: a line that is not text or not UTF-8, said as it
// is for a whole file; otherwise the syntax error in plain words.
ValueProblem unreadable_record(error_code error, std::string_view record, std::size_t offset) {
  if (const auto kind = dsl::binary_kind(record))
    return {code::not_text, "this line is not text: it looks like " + kind->what, kind->help};
  if (error == simdjson::UTF8_ERROR) return {code::not_utf8, dsl::not_utf8_message(record, offset), dsl::kSaveAsUtf8};
  // What other tools write for a value that is not a number: JSON has no word for it.
  const std::string_view token = record.substr(offset, token_length(record, offset));
  for (const std::string_view word : {"NaN", "Infinity", "-Infinity", "nan", "inf", "-inf"}) {
    if (token == word)
      return {code::not_finite, fmt::format("invalid JSON: {} is not a number JSON can hold", word),
              "leave the value out: a value the profile lacks is unknown, and reported as such"};
  }
  return {code::profile_syntax, fmt::format("invalid JSON: {}", json_error_words(error)), kSyntaxHelp};
}

// Whether `token` is a JSON number (RFC 8259) too large for a double; if so `number` becomes its infinity.
bool beyond_double(std::string_view token, double& number) {
  token = token.substr(0, token.find_last_not_of(" \t\r\n") + 1);
  std::size_t i = token.starts_with('-') ? 1 : 0;
  const bool negative = i == 1;
  auto digits = [&] {
    const std::size_t from = i;
    while (i < token.size() && token[i] >= '0' && token[i] <= '9') ++i;
    return i > from;
  };
  if (i < token.size() && token[i] == '0') ++i;
  else if (!digits()) return false;
  if (i < token.size() && token[i] == '.' && (++i, !digits())) return false;
  if (i < token.size() && (token[i] == 'e' || token[i] == 'E')) {
    ++i;
    if (i < token.size() && (token[i] == '+' || token[i] == '-')) ++i;
    if (!digits()) return false;
  }
  if (i != token.size()) return false;
  // Well formed, yet refused: too large (a number too small to tell from zero reads as zero).
  number = negative ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
  return true;
}

}  // namespace

namespace json_walk {

std::string object_name(std::string_view key) { return fmt::format("\"{}\"", key); }

namespace {

Table table_of(std::string_view key) {
  if (key == "it") return Table::It;
  if (key == "marketing") return Table::Marketing;
  if (key == "company") return Table::Company;
  if (key == "respondents") return Table::Respondents;
  if (key == "company_metrics") return Table::CompanyMetrics;
  return Table::Unknown;
}

}  // namespace

// ---------------------------------------------------------------- the record

error_code RecordWalk::walk(std::size_t readable) {
  last_ = record_.data();
  // On-Demand insists that an object's document ends with '}', and says only "incomplete" otherwise.
  const auto last = record_.find_last_not_of(" \t\r\n");
  if (record_.front() == '{' && record_[last] != '}') {
    last_ = record_.data() + last + 1;
    return simdjson::INCOMPLETE_ARRAY_OR_OBJECT;
  }
  if (auto error = state_.parser.iterate(record_.data(), record_.size(), readable).get(document_)) {
    last_ = record_.data() + stage1_error_offset(error, record_);
    return error;
  }
  const error_code error = walk_root();
  // The parser knows best where a structural error is: at the token it could not take.
  const char* at = nullptr;
  if (error && error != simdjson::TRAILING_CONTENT && document_.current_location().get(at) == simdjson::SUCCESS)
    last_ = at;
  // A broken structure found only at the end of the record is an object left open.
  if (error == simdjson::TAPE_ERROR && last_ >= record_.data() + record_.size())
    return simdjson::INCOMPLETE_ARRAY_OR_OBJECT;
  return error;
}

error_code RecordWalk::walk_root() {
  od::object root;
  if (auto error = document_.get_object().get(root)) {
    if (error != simdjson::INCORRECT_TYPE) return error;
    od::json_type type{};
    if (auto e = document_.type().get(type)) return e;
    const char* what = type == od::json_type::array ? "an array" : type == od::json_type::string ? "a string"
                       : type == od::json_type::number ? "a number" : type == od::json_type::boolean ? "a boolean"
                                                                                                    : "null";
    report(record_.data(), 1, code::wrong_type, fmt::format("a profile is a JSON object, not {}", what), kSyntaxHelp);
    return simdjson::SUCCESS;
  }
  bool seen[5] = {};
  bool has_company = false;
  for (auto result : root) {
    od::field field;
    if (auto error = std::move(result).get(field)) return error;
    std::string_view key;
    if (auto error = key_of(field, key)) return error;
    // key_of leaves last_ at the key's opening quote; field.key() is gone once an escaped key is unescaped.
    const char* key_at = last_;
    const Table table = table_of(key);
    if (table == Table::Unknown) {
      od::json_type type{};
      if (auto error = field.value().type().get(type)) return error;
      report_unknown_table(key, key_at, type == od::json_type::object);
      continue;
    }
    bool& before = seen[static_cast<int>(table)];
    if (before) {
      report(key_at, key.size() + 2, code::duplicate_field,
             fmt::format("{} is given twice in the record", object_name(key)),
             fmt::format("merge the two into one {} object", object_name(key)));
      continue;
    }
    before = true;
    has_company |= table == Table::Company;
    if (auto error = read_table(table, key, key_at, field.value())) return error;
  }
  const char* trailing = nullptr;
  if (document_.current_location().get(trailing) == simdjson::SUCCESS) {  // OUT_OF_BOUNDS: nothing follows
    last_ = trailing;
    return simdjson::TRAILING_CONTENT;
  }
  if (!has_company)
    report(record_.data(), 1, code::missing_field, "the profile has no \"company\"",
           "add \"company\": {\"name\": \"Northwind Retail\"}");
  check_sample_sizes();
  return simdjson::SUCCESS;
}

// The key as written, straight from the input; only a key with escapes is unescaped (into the parser).
error_code RecordWalk::key_of(od::field& field, std::string_view& key) {
  key = raw_key(field, field.value().raw_json_token().data());
  if (key.find('\\') == std::string_view::npos) return simdjson::SUCCESS;
  return field.unescaped_key().get(key);
}

error_code RecordWalk::scalar_field(simdjson::simdjson_result<od::field> result, ScalarField& out) {
  od::field field;
  if (auto error = std::move(result).get(field)) return error;
  if (auto error = key_of(field, out.key)) return error;
  out.key_at = last_;
  out.value = {};
  out.is_null = false;
  return scalar(field.value(), out.value, out.is_null);
}

// The key between its quotes, escapes and all. The parser has checked the `"key" :` before the value,
// so its closing quote is found by walking back from the value over the colon and any spaces.
std::string_view RecordWalk::raw_key(od::field& field, const char* value_at) {
  const char* start = field.key().raw();
  last_ = start - 1;
  const char* end = value_at - 1;
  while (end > start && *end != ':') --end;
  while (end > start && *end != '"') --end;
  return std::string_view(start, static_cast<std::size_t>(end - start));
}

// A number, string, boolean or null as a WrittenValue; an object or array only by its type's name, unread.
error_code RecordWalk::scalar(od::value& value, WrittenValue& written, bool& is_null) {
  od::json_type type{};
  if (auto error = value.type().get(type)) return error;
  return scalar(value, type, written, is_null);
}

error_code RecordWalk::scalar(od::value& value, od::json_type type, WrittenValue& written, bool& is_null) {
  last_ = value.raw_json_token().data();
  is_null = false;
  switch (type) {
    case od::json_type::number: {
      double number = 0;
      if (auto error = value.get_double().get(number)) {
        // A well-formed number beyond a double's range (1e999) is a value to refuse at its key, as TOML's
        // inf is, not broken JSON.
        if (!beyond_double(value.raw_json_token(), number)) return error;
      }
      written = WrittenValue::of_number(number, "a number");
      return simdjson::SUCCESS;
    }
    case od::json_type::string: {
      std::string_view text;
      if (auto error = value.get_string().get(text)) return error;
      written = WrittenValue::of_text(text);
      return simdjson::SUCCESS;
    }
    case od::json_type::boolean: {
      bool flag = false;
      if (auto error = value.get_bool().get(flag)) return error;
      written = WrittenValue::of_boolean(flag);
      return simdjson::SUCCESS;
    }
    case od::json_type::null: {
      if (auto error = value.is_null().get(is_null)) return error;
      if (!is_null) return simdjson::N_ATOM_ERROR;
      written = WrittenValue::of_other("null");
      return simdjson::SUCCESS;
    }
    case od::json_type::object: written = WrittenValue::of_other("an object"); return simdjson::SUCCESS;
    case od::json_type::array: written = WrittenValue::of_other("an array"); return simdjson::SUCCESS;
  }
  return simdjson::TAPE_ERROR;
}

// One of the record's objects. null is as good as leaving it out, but for the company; anything else is
// the wrong type.
error_code RecordWalk::object_or_null(od::value& value, std::string_view key, od::object& object, bool& usable) {
  usable = false;
  od::json_type type{};
  last_ = value.raw_json_token().data();
  if (auto error = value.type().get(type)) return error;
  if (type == od::json_type::object) {
    usable = true;
    return value.get_object().get(object);
  }
  WrittenValue written;
  bool is_null = false;
  if (auto error = scalar(value, written, is_null)) return error;
  if (!is_null || key == "company")  // a profile always names its company
    report(last_, 0, code::wrong_type, fmt::format("{} must be an object, not {}", object_name(key), written.type_name),
           fmt::format("write {}: {{...}} with its keys inside the braces", object_name(key)));
  return simdjson::SUCCESS;
}

error_code RecordWalk::read_table(Table table, std::string_view key, const char* key_at, od::value& value) {
  od::object object;
  bool usable = false;
  if (auto error = object_or_null(value, key, object, usable)) return error;
  if (!usable) return simdjson::SUCCESS;
  switch (table) {
    case Table::Company: return read_company(object, key_at);
    case Table::Respondents: return read_respondents(object);
    case Table::It: return read_metrics(object, Audience::It);
    case Table::Marketing: return read_metrics(object, Audience::Marketing);
    case Table::CompanyMetrics: return read_metrics(object, Audience::Company);
    case Table::Unknown: break;
  }
  return simdjson::SUCCESS;
}

// A key at the top of a record that is none of its objects: say which one was probably meant.
void RecordWalk::report_unknown_table(std::string_view key, const char* at, bool is_object) {
  const std::string name(key);
  std::string help = "a profile's keys are \"company\", \"respondents\", \"it\", \"marketing\" and \"company_metrics\"";
  const auto metric = rules_.metric_ids.find(name);
  if (auto near = closest(name, kTables)) {
    help = fmt::format("did you mean \"{}\"?", *near);
  } else if (metric != rules_.metric_ids.end()) {
    std::vector<std::string> objects;
    for (Audience asked : rules_.metrics.at(metric->second).asked) objects.push_back(object_name(table_key(asked)));
    help = fmt::format("put '{}' inside {}", name, joined(objects, " or "));
  } else if (std::find(kCompanyKeys.begin(), kCompanyKeys.end(), name) != kCompanyKeys.end()) {
    help = fmt::format("put '{}' inside \"company\"", name);
  }
  report(at, key.size() + 2, code::unknown_key,
         fmt::format("unknown {} '{}' in the profile", is_object ? "object" : "key", name), help);
}

// ---------------------------------------------------------------- "company", "respondents"

error_code RecordWalk::read_company(od::object& company, const char* company_at) {
  bool has_name = false;
  for (auto result : company) {
    ScalarField field;
    if (auto error = scalar_field(std::move(result), field)) return error;
    const auto& [key, key_at, value, is_null] = field;
    const bool name = key == "name";
    if (!name && key != "industry" && key != "assessed_on") {
      report(key_at, key.size() + 2, code::unknown_key, fmt::format("unknown key '{}' in \"company\"", key),
             did_you_mean(std::string(key), kCompanyKeys, "\"company\" takes name, industry and assessed_on"));
      continue;
    }
    has_name |= name;
    if (is_null && !name) continue;  // an industry or date that is not known
    if (value.type != WrittenValue::Type::Text) {
      const std::string example = name ? "\"Northwind Retail\"" : key == "industry" ? "\"Retail\"" : "\"2026-10-15\"";
      report(last_, 0, code::wrong_type, fmt::format("'{}' takes text, not {}", key, value.type_name),
             fmt::format("write the text in double quotes, e.g. {}", assignment(kJson, key, example)));
      continue;
    }
    if (name && value.text.empty())
      report(last_, 0, code::bad_value, "the company name is empty",
             "write the company's name, e.g. \"name\": \"Northwind Retail\"");
    std::string& target = name ? profile_.company.name : key == "industry" ? profile_.company.industry
                                                                           : profile_.company.assessed_on;
    target.assign(value.text);
  }
  if (!has_name)
    report(company_at, std::strlen("\"company\""), code::missing_field, "\"company\" has no name",
           "add \"name\": \"Northwind Retail\" (the company's name) inside \"company\"");
  return simdjson::SUCCESS;
}

error_code RecordWalk::read_respondents(od::object& respondents) {
  for (auto result : respondents) {
    ScalarField field;
    if (auto error = scalar_field(std::move(result), field)) return error;
    const auto& [key, key_at, value, is_null] = field;
    const bool it = key == "it";
    if (!it && key != "marketing") {
      report(key_at, key.size() + 2, code::unknown_key, fmt::format("unknown key '{}' in \"respondents\"", key),
             did_you_mean(std::string(key), kRespondentKeys, "\"respondents\" takes it and marketing"));
      continue;
    }
    if (is_null) continue;
    ValueProblem problem;
    const auto count = check_respondents(value, key, kJson, problem);
    if (!count) report(last_, 0, std::move(problem));
    (it ? profile_.it_respondents : profile_.marketing_respondents) = count;
  }
  return simdjson::SUCCESS;
}

}  // namespace json_walk

namespace {

using json_walk::Problem;
using json_walk::ReaderState;
using json_walk::RecordWalk;

// Every field of a profile back to "not given", keeping the buffers' capacity.
void clear(Profile& profile, const RuleSet& rules) {
  profile.company.name.clear();
  profile.company.industry.clear();
  profile.company.assessed_on.clear();
  profile.it_respondents.reset();
  profile.marketing_respondents.reset();
  profile.values.assign(rules.slots.size(), kUnknown);
  profile.samples.assign(rules.slots.size(), Sample{});
}

}  // namespace

// ---------------------------------------------------------------- the reader

struct JsonProfileReader::State : ReaderState {
  using ReaderState::ReaderState;
};

JsonProfileReader::JsonProfileReader(const RuleSet& rules) : state_(std::make_unique<State>(rules)) {}
JsonProfileReader::~JsonProfileReader() = default;
JsonProfileReader::JsonProfileReader(JsonProfileReader&&) noexcept = default;
JsonProfileReader& JsonProfileReader::operator=(JsonProfileReader&&) noexcept = default;

bool JsonProfileReader::read(std::string_view record, std::size_t readable, const RecordPlace& place,
                             Profile& profile, dsl::Diagnostics& errors) {
  errors.clear();
  state_->problems.clear();
  clear(profile, state_->rules);
  if (record.size() > kMaxJsonRecordBytes) {
    errors.push_back({dsl::DiagSeverity::Error, code::record_too_long,
                      dsl::too_large_message("the record", record.size(), kMaxJsonRecordBytes),
                      dsl::Location{std::string(place.file), place.line, 1, 1}, {},
                      "a profile is a few kilobytes: check that each record is one profile on a line of its own"});
    return false;
  }
  if (readable < record.size() + kJsonPadding) {
    state_->padded.assign(record);
    state_->padded.append(kJsonPadding, ' ');
    record = std::string_view(state_->padded.data(), record.size());
    readable = state_->padded.size();
  }

  RecordWalk walk(*state_, record, profile);
  const error_code error = record.find_first_not_of(" \t\r\n") == std::string_view::npos
                               ? simdjson::EMPTY
                               : walk.walk(readable);
  if (error) {
    // Past a syntax error nothing can be read reliably: it alone is reported, as for TOML.
    state_->problems.clear();
    const char* at = walk.last_place() ? walk.last_place() : record.data();
    ValueProblem problem = unreadable_record(error, record, static_cast<std::size_t>(at - record.data()));
    if (problem.code == code::not_text) at = record.data();
    state_->problems.push_back({static_cast<std::size_t>(at - record.data()), 1, std::move(problem)});
  }
  if (state_->problems.empty()) return true;

  std::stable_sort(state_->problems.begin(), state_->problems.end(),
                   [](const Problem& a, const Problem& b) { return a.offset < b.offset; });
  for (auto& problem : state_->problems) {
    dsl::Diagnostic diagnostic;
    diagnostic.code = problem.what.code;
    diagnostic.message = std::move(problem.what.message);
    diagnostic.help = std::move(problem.what.help);
    diagnostic.where.file = std::string(place.file);
    diagnostic.where.line = place.line;
    diagnostic.where.col = column_of(record, problem.offset);
    const std::size_t length = problem.length > 0 ? problem.length : token_length(record, problem.offset);
    diagnostic.where.length = width_of(record, problem.offset, length);
    errors.push_back(std::move(diagnostic));
  }
  return false;
}

}  // namespace rapport::engine