// Reading one response: whether a survey tool marked it as a preview, test, spam or unfinished, and
// what one of its answers means for a metric. Private to the survey import (engine/survey_import.cpp).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "engine/csv.hpp"
#include "engine/model.hpp"
#include "engine/survey_export.hpp"
#include "engine/survey_mapping.hpp"

namespace rapport::engine {

enum class ResponseStatus { Response, Preview, Test, Spam, Unfinished };

// The Qualtrics columns that say whether a row is a real, finished response (none in other exports).
struct StatusColumns {
  std::optional<std::size_t> status;    // "Status": IP Address, Survey Preview, Survey Test, Spam, ... or 0, 1, 2, 8
  std::optional<std::size_t> finished;  // "Finished": True/False or 1/0

  static StatusColumns of(const SurveyExport& survey);
  ResponseStatus status_of(const CsvRecord& row) const;
};

// What one answer (or, for a SurveyMonkey option question, one row's option columns) means.
struct AnswerValue {
  enum class Kind { Missing, Value, Unreadable } kind = Kind::Missing;
  double value = 0;          // a share's 1 (yes) or 0 (no); a scale's coded number
  std::size_t column = 0;    // the cell read (for Unreadable: the one to point at)
  std::string expected;      // for Unreadable: what the mapping reads, in words
};

AnswerValue read_answer(const CsvRecord& row, const std::vector<std::size_t>& columns, const MetricMapping& mapping,
                        const Metric& metric, const AnswerSet& missing);

// Whether a "choose all that apply" cell ("CRM, Analytics" or "CRM,Analytics") includes `choice`.
bool has_choice(std::string_view cell, std::string_view choice);

}  // namespace rapport::engine
