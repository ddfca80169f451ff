// Turning a survey export's responses into the figures a profile holds: per group and metric, how many
// answered, how many agreed, the mean and standard deviation; with the rows left out and why, each
// unreadable answer as a positioned warning, and every figure from too few people suppressed. No I/O.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "dsl/diagnostic.hpp"
#include "dsl/source_file.hpp"
#include "engine/model.hpp"
#include "engine/survey_export.hpp"
#include "engine/survey_mapping.hpp"

namespace rapport::engine {

struct ImportOptions {
  int min_group_size = 5;  // anonymity: no figure about fewer respondents than this
};

// One metric in one group. Only aggregates: never an individual's answer.
struct MetricFigure {
  std::uint32_t metric = 0;  // index into RuleSet::metrics
  Audience group = Audience::It;
  int n = 0;                 // respondents who answered (not missing, readable)
  bool suppressed = false;   // fewer than min_group_size answered, or the group is too small: no figures
  int count = 0;             // shares: how many of the n agreed
  double mean = 0;           // scales and numbers
  std::optional<double> sd;  // sample standard deviation, when two or more answered
};

// Responses read but not imported, by reason.
struct SkippedRows {
  int malformed = 0;       // the CSV reader could not read the row
  int preview = 0;         // Qualtrics: survey previews
  int test = 0;            // Qualtrics: generated test responses
  int spam = 0;            // Qualtrics: flagged as spam
  int unfinished = 0;      // Qualtrics: Finished is false
  int no_group = 0;        // the group question was not answered
  int unknown_group = 0;   // an answer to the group question the mapping does not list
  int other_group = 0;     // an answer the mapping's [group] ignore lists

  int total() const { return malformed + preview + test + spam + unfinished + no_group + unknown_group + other_group; }
};

struct SurveyImport {
  int it_respondents = 0;
  int marketing_respondents = 0;
  bool it_suppressed = false;         // a group smaller than min_group_size: every figure suppressed
  bool marketing_suppressed = false;
  std::vector<MetricFigure> figures;  // mapping order (rule-set order), IT before marketing within a metric
  SkippedRows skipped;
  int answers_left_out = 0;           // unreadable answers, each a warning; the rest of the row is kept
  int min_group_size = 5;
  // Warnings at the CSV cell for each row problem (a group or answer the mapping does not know); an
  // error when nothing can be imported at all.
  dsl::Diagnostics diagnostics;

  int respondents(Audience group) const { return group == Audience::It ? it_respondents : marketing_respondents; }
  bool group_suppressed(Audience group) const { return group == Audience::It ? it_suppressed : marketing_suppressed; }
};

// `csv` is the export's text, for the positions of warnings.
SurveyImport import_survey(const dsl::SourceFile& csv, const SurveyExport& survey, const SurveyMapping& mapping,
                           const RuleSet& rules, const ImportOptions& options = {});

}  // namespace rapport::engine
