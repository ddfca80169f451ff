// The survey import: every response is sorted into its group (or left out, with the reason counted),
// its answers are read through the mapping and folded into running counts, means and variances, and
// figures about fewer respondents than the anonymity threshold are suppressed.
#include "engine/survey_import.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "dsl/diagnostic_codes.hpp"
#include "engine/profile_reader.hpp"
#include "engine/survey_answers.hpp"

namespace rapport::engine {

namespace {

namespace code = dsl::code;

// Running count, mean and sum of squared deviations (Welford), so no answer is kept.
struct Tally {
  int n = 0;
  int yes = 0;  // answers of 1: a share's yes (not read for scales)
  double mean = 0;
  double m2 = 0;

  void add(double value) {
    ++n;
    if (value == 1) ++yes;
    const double delta = value - mean;
    mean += delta / n;
    m2 += delta * (value - mean);
  }
};

// Where a cell is, underlining its text (quotes included) as far as its first line goes.
dsl::Location cell_location(const dsl::SourceFile& csv, const CsvRecord& row, std::size_t column) {
  if (column >= row.offsets.size()) return field_location(csv, row, column);
  const std::uint32_t offset = row.offsets[column];
  const bool quoted = offset < csv.text().size() && csv.text()[offset] == '"';
  const auto length = static_cast<std::uint32_t>(row.fields[column].size() + (quoted ? 2 : 0));
  return csv.locate(offset, std::max<std::uint32_t>(length, 1));
}

class Importer {
 public:
  Importer(const dsl::SourceFile& csv, const SurveyExport& survey, const SurveyMapping& mapping, const RuleSet& rules)
      : csv_(csv), survey_(survey), mapping_(mapping), rules_(rules), tallies_(mapping.metrics.size() * 2) {}

  void read_rows(SurveyImport& out) {
    const StatusColumns status = StatusColumns::of(survey_);
    for (const auto& row : survey_.rows) {
      switch (status.status_of(row)) {
        case ResponseStatus::Preview: ++out.skipped.preview; continue;
        case ResponseStatus::Test: ++out.skipped.test; continue;
        case ResponseStatus::Spam: ++out.skipped.spam; continue;
        case ResponseStatus::Unfinished: ++out.skipped.unfinished; continue;
        case ResponseStatus::Response: break;
      }
      const auto group = group_of_row(row, out);
      if (!group) continue;
      ++(*group == Audience::It ? out.it_respondents : out.marketing_respondents);
      read_answers(row, *group, out);
    }
  }

  void add_figures(SurveyImport& out, int min_group_size) const {
    out.it_suppressed = out.it_respondents > 0 && out.it_respondents < min_group_size;
    out.marketing_suppressed = out.marketing_respondents > 0 && out.marketing_respondents < min_group_size;
    for (std::size_t m = 0; m < mapping_.metrics.size(); ++m) {
      for (const auto& columns : mapping_.metrics[m].groups) {
        const Tally& tally = tallies_[slot(m, columns.group)];
        MetricFigure figure;
        figure.metric = mapping_.metrics[m].metric;
        figure.group = columns.group;
        figure.n = tally.n;
        figure.suppressed = tally.n > 0 && (tally.n < min_group_size || out.group_suppressed(columns.group));
        if (tally.n > 0 && !figure.suppressed) {
          if (mapping_.metrics[m].reading != Reading::Coded) figure.count = tally.yes;
          figure.mean = tally.mean;
          if (tally.n > 1) figure.sd = std::sqrt(tally.m2 / (tally.n - 1));
        }
        out.figures.push_back(figure);
      }
    }
  }

 private:
  static std::size_t slot(std::size_t metric, Audience group) { return metric * 2 + (group == Audience::It ? 0 : 1); }

  std::optional<Audience> group_of_row(const CsvRecord& row, SurveyImport& out) {
    const GroupMapping& group = mapping_.group;
    const std::string& answer = row.fields.at(group.column);
    if (group.it.contains(answer)) return Audience::It;
    if (group.marketing.contains(answer)) return Audience::Marketing;
    if (group.ignore.contains(answer)) {
      ++out.skipped.other_group;
      return std::nullopt;
    }
    const std::string& column = survey_.columns.at(group.column).id;
    if (answer_key(answer).empty() || mapping_.missing.contains(answer)) {
      ++out.skipped.no_group;
      warn(out, code::no_group, row, group.column,
           fmt::format("this response does not say which group the respondent is in (column '{}'); it is left out",
                       column),
           "a response counts only when its group is known");
      return std::nullopt;
    }
    ++out.skipped.unknown_group;
    std::vector<std::string> known = group.it.written();
    for (const auto* set : {&group.marketing, &group.ignore})
      known.insert(known.end(), set->written().begin(), set->written().end());
    warn(out, code::unknown_group, row, group.column,
         fmt::format("'{}' in column '{}' is not a group the mapping lists; this response is left out", answer, column),
         did_you_mean(answer, known,
                      "list it in [group] of the mapping: under it or marketing, or under ignore for respondents "
                      "outside both"));
    return std::nullopt;
  }

  void read_answers(const CsvRecord& row, Audience group, SurveyImport& out) {
    for (std::size_t m = 0; m < mapping_.metrics.size(); ++m) {
      const MetricMapping& metric = mapping_.metrics[m];
      for (const auto& columns : metric.groups) {
        if (columns.group != group) continue;
        const Metric& declared = rules_.metrics.at(metric.metric);
        const AnswerValue answer = read_answer(row, columns.columns, metric, declared, mapping_.missing);
        if (answer.kind == AnswerValue::Kind::Value) tallies_[slot(m, group)].add(answer.value);
        if (answer.kind != AnswerValue::Kind::Unreadable) continue;
        ++out.answers_left_out;
        warn(out, code::unmappable_answer, row, answer.column,
             fmt::format("'{}' in column '{}' is not an answer the mapping reads for '{}'; it is left out of that "
                         "metric",
                         row.fields.at(answer.column), survey_.columns.at(answer.column).id, declared.id),
             fmt::format("expected {}; or add it to the mapping (to `missing` if it means \"not answered\")",
                         answer.expected));
      }
    }
  }

  void warn(SurveyImport& out, const char* diag_code, const CsvRecord& row, std::size_t column, std::string message,
            std::string help) const {
    dsl::Diagnostic diag;
    diag.severity = dsl::DiagSeverity::Warning;
    diag.code = diag_code;
    diag.message = std::move(message);
    diag.where = cell_location(csv_, row, column);
    diag.help = std::move(help);
    out.diagnostics.push_back(std::move(diag));
  }

  const dsl::SourceFile& csv_;
  const SurveyExport& survey_;
  const SurveyMapping& mapping_;
  const RuleSet& rules_;
  std::vector<Tally> tallies_;  // two per mapped metric: IT, marketing
};

int rows_left_out_by_reader(const SurveyExport& survey) {
  return static_cast<int>(std::count_if(survey.diagnostics.begin(), survey.diagnostics.end(), [](const auto& diag) {
    return diag.severity == dsl::DiagSeverity::Error &&
           (diag.code == code::csv_field_count || diag.code == code::csv_stray_quote ||
            diag.code == code::csv_unterminated_quote);
  }));
}

// Nothing imported is a mistake in the mapping or the export, not a profile with no respondents.
void check_something_imported(const dsl::SourceFile& csv, const SurveyExport& survey, const SurveyMapping& mapping,
                              SurveyImport& out) {
  if (out.it_respondents + out.marketing_respondents > 0) return;
  dsl::Diagnostic diag;
  diag.code = code::no_responses;
  if (survey.rows.empty()) {
    diag.message = "the export holds no responses, only its header rows";
    diag.where = dsl::Location{csv.path(), 0, 0, 1};
    diag.help = "export the responses again, with the rows of the people who answered";
  } else {
    diag.message = fmt::format("none of the {} response{} in the export could be imported", survey.rows.size(),
                               survey.rows.size() == 1 ? "" : "s");
    diag.where = mapping.group.where;
    diag.help = out.skipped.unknown_group + out.skipped.no_group > 0
                    ? "the warnings above name the group answers the mapping does not list; list them under it and "
                      "marketing in [group]"
                    : "every response is a preview, a test, spam, unfinished or outside both groups";
  }
  out.diagnostics.push_back(std::move(diag));
}

}  // namespace

SurveyImport import_survey(const dsl::SourceFile& csv, const SurveyExport& survey, const SurveyMapping& mapping,
                           const RuleSet& rules, const ImportOptions& options) {
  SurveyImport out;
  out.min_group_size = options.min_group_size;
  out.skipped.malformed = rows_left_out_by_reader(survey);
  Importer importer(csv, survey, mapping, rules);
  importer.read_rows(out);
  importer.add_figures(out, options.min_group_size);
  check_something_imported(csv, survey, mapping, out);
  return out;
}

}  // namespace rapport::engine
