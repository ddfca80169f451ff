// One response at a time: Qualtrics' marks for previews, tests, spam and unfinished responses, and what
// an answer means for a metric under the mapping (yes/no, a coded number, missing, or unreadable).
#include "engine/survey_answers.hpp"

#include <charconv>

#include <fmt/format.h>

#include "engine/profile_reader.hpp"
#include "engine/profile_values.hpp"

namespace rapport::engine {

namespace {

std::optional<std::size_t> column_with_id(const SurveyExport& survey, std::string_view id) {
  for (const auto& column : survey.columns)
    if (column.id == id) return column.index;
  return std::nullopt;
}

std::optional<int> whole_number(std::string_view text) {
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

bool is_missing(std::string_view answer, const MetricMapping& mapping, const AnswerSet& missing) {
  return answer_key(answer).empty() || missing.contains(answer) || mapping.missing.contains(answer);
}

std::string quoted_list(const std::vector<std::string>& answers) {
  std::vector<std::string> quoted;
  for (const auto& answer : answers) quoted.push_back(fmt::format("'{}'", answer));
  return joined(quoted, " or ");
}

AnswerValue read_agree(const std::string& answer, const MetricMapping& mapping) {
  if (mapping.agree.contains(answer)) return {AnswerValue::Kind::Value, 1, 0, {}};
  if (mapping.disagree.empty() || mapping.disagree.contains(answer)) return {AnswerValue::Kind::Value, 0, 0, {}};
  std::vector<std::string> known = mapping.agree.written();
  known.insert(known.end(), mapping.disagree.written().begin(), mapping.disagree.written().end());
  std::string expected = fmt::format("{} (agree or disagree)", quoted_list(known));
  return {AnswerValue::Kind::Unreadable, 0, 0, std::move(expected)};
}

AnswerValue read_coded(const std::string& answer, const MetricMapping& mapping, const Metric& metric) {
  const bool scale = metric.kind == MetricKind::Scale;
  const std::string range = scale ? fmt::format("a number from {} to {}", number_text(metric.low), number_text(metric.high))
                                  : std::string("a number");
  if (const auto value = mapping.coding.value_of(answer)) {
    if (!scale || (*value >= metric.low && *value <= metric.high)) return {AnswerValue::Kind::Value, *value, 0, {}};
    return {AnswerValue::Kind::Unreadable, 0, 0, range};
  }
  std::vector<std::string> labels;
  for (const auto& [label, value] : mapping.coding.labels) labels.push_back(label);
  std::string expected = labels.empty() ? range : quoted_list(labels);
  if (!labels.empty() && mapping.coding.numbers) expected += fmt::format(", or {}", range);
  return {AnswerValue::Kind::Unreadable, 0, 0, std::move(expected)};
}

}  // namespace

StatusColumns StatusColumns::of(const SurveyExport& survey) {
  if (survey.dialect != Dialect::Qualtrics) return {};
  return {column_with_id(survey, "Status"), column_with_id(survey, "Finished")};
}

ResponseStatus StatusColumns::status_of(const CsvRecord& row) const {
  if (status) {
    // The text export writes the response type; the numeric one a code whose bits mark
    // a preview (1), a test (2) and spam (8), as in 9, a spam-flagged preview.
    const std::string text = answer_key(row.fields.at(*status));
    const int code = whole_number(text).value_or(0);
    if (text.find("spam") != std::string::npos || (code & 8) != 0) return ResponseStatus::Spam;
    if (text.find("preview") != std::string::npos || (code & 1) != 0) return ResponseStatus::Preview;
    if (text.find("test") != std::string::npos || (code & 2) != 0) return ResponseStatus::Test;
  }
  if (finished) {
    const std::string text = answer_key(row.fields.at(*finished));
    if (text == "false" || text == "0") return ResponseStatus::Unfinished;
  }
  return ResponseStatus::Response;
}

bool has_choice(std::string_view cell, std::string_view choice) {
  const std::string text = answer_key(cell), item = answer_key(choice);
  if (item.empty()) return false;
  auto separates = [](char c) { return c == ',' || c == ';'; };
  for (auto at = text.find(item); at != std::string::npos; at = text.find(item, at + 1)) {
    std::size_t before = at, after = at + item.size();
    while (before > 0 && text[before - 1] == ' ') --before;
    while (after < text.size() && text[after] == ' ') ++after;
    if ((before == 0 || separates(text[before - 1])) && (after == text.size() || separates(text[after]))) return true;
  }
  return false;
}

AnswerValue read_answer(const CsvRecord& row, const std::vector<std::size_t>& columns, const MetricMapping& mapping,
                        const Metric& metric, const AnswerSet& missing) {
  if (mapping.reading == Reading::Choice) {
    // One cell listing the options chosen, or (SurveyMonkey) a column per option holding it when chosen.
    // A respondent who left every cell blank skipped the question.
    AnswerValue out{AnswerValue::Kind::Missing, 0, columns.front(), {}};
    for (const std::size_t column : columns) {
      const std::string& cell = row.fields.at(column);
      if (is_missing(cell, mapping, missing)) continue;
      out.kind = AnswerValue::Kind::Value;
      if (has_choice(cell, mapping.choice)) out.value = 1;
    }
    return out;
  }
  const std::size_t column = columns.front();
  const std::string& answer = row.fields.at(column);
  if (is_missing(answer, mapping, missing)) return {AnswerValue::Kind::Missing, 0, column, {}};
  AnswerValue out = mapping.reading == Reading::Agree ? read_agree(answer, mapping) : read_coded(answer, mapping, metric);
  out.column = column;
  return out;
}

}  // namespace rapport::engine
