// The survey mapping (docs/survey.md): which export column holds each respondent's group, which column
// answers each metric and how its answers are coded. Read from TOML and checked against the export and
// the rule set, every problem a positioned diagnostic. No I/O.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dsl/diagnostic.hpp"
#include "dsl/source_file.hpp"
#include "engine/model.hpp"
#include "engine/profile.hpp"
#include "engine/survey_export.hpp"

namespace rapport::engine {

// An answer as a person compares answers: case, blanks around it and between words, and typographic
// apostrophes (’) do not count. "Don’t  know " is "don't know".
std::string answer_key(std::string_view answer);

// A set of answers, matched by answer_key; keeps them as written for messages.
class AnswerSet {
 public:
  void add(std::string_view answer);
  bool contains(std::string_view answer) const;
  bool empty() const { return written_.empty(); }
  const std::vector<std::string>& written() const { return written_; }

 private:
  std::vector<std::string> keys_;
  std::vector<std::string> written_;
};

// Likert labels to numbers ("Agree" = 4), and whether answers that are already numbers are taken too.
struct Coding {
  std::vector<std::pair<std::string, double>> labels;  // as written
  bool numbers = false;

  std::optional<double> value_of(std::string_view answer) const;  // by answer_key; numbers if allowed
};

// How a metric's answers become its value.
enum class Reading {
  Agree,   // a share: the answers in `agree` are yes, the others (or those in `disagree`) no
  Choice,  // a share from a "choose all that apply" question: yes when `choice` is among the answers
  Coded,   // a scale or number: the mean of the coded answers
};

// The columns one group's answers to a metric are in: one, or, for a SurveyMonkey "choose all that
// apply" question read with `choice`, every option's column.
struct GroupColumns {
  Audience group = Audience::It;
  std::vector<std::size_t> columns;  // indices into SurveyExport::columns
};

struct MetricMapping {
  std::uint32_t metric = 0;  // index into RuleSet::metrics
  Reading reading = Reading::Agree;
  std::vector<GroupColumns> groups;  // the groups it is read for, IT before marketing
  AnswerSet agree;
  AnswerSet disagree;                // empty: every answer not in `agree` counts as no
  std::string choice;
  Coding coding;
  AnswerSet missing;                 // this metric's own missing answers, besides the mapping's
  dsl::Location where;               // its [metrics.ID] header in the mapping
};

struct GroupMapping {
  std::size_t column = 0;  // index into SurveyExport::columns
  AnswerSet it;
  AnswerSet marketing;
  AnswerSet ignore;        // respondents outside both groups, left out without a warning
  dsl::Location where;     // the `column` value in the mapping, for problems found in the data
};

struct SurveyMapping {
  Company company;
  GroupMapping group;
  AnswerSet missing;                                       // not an answer, in every column (blank always)
  std::vector<MetricMapping> metrics;                      // in rule-set order
  std::vector<std::pair<std::uint32_t, double>> company_metrics;  // metric index, value as profiles store it
};

struct MappingResult {
  std::optional<SurveyMapping> mapping;  // present only when there are no errors
  dsl::Diagnostics diagnostics;
};

// Reads the mapping's TOML text and resolves it against the export's columns and the rules' metrics.
MappingResult read_survey_mapping(const dsl::SourceFile& toml, const SurveyExport& survey, const RuleSet& rules);

}  // namespace rapport::engine
