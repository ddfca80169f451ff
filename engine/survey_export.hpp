// A survey tool's CSV export: which tool wrote it (Qualtrics, SurveyMonkey, Google Forms or a plain
// header), its columns with their ids and question texts, and the response rows. No I/O.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dsl/diagnostic.hpp"
#include "engine/csv.hpp"

namespace rapport::engine {

enum class Dialect { Auto, Qualtrics, SurveyMonkey, GoogleForms, Plain };

// "auto", "qualtrics", "surveymonkey", "google-forms", "plain": the names --dialect takes.
std::string_view dialect_name(Dialect dialect);
std::optional<Dialect> dialect_from_name(std::string_view name);  // case-insensitive; "google" and "monkey" too
std::vector<std::string> dialect_names();                         // every name, for help and "did you mean"

struct SurveyColumn {
  std::size_t index = 0;  // the field's position in every row, 0-based
  std::string id;         // Qualtrics "Q2_1"; SurveyMonkey "question - sub-label"; otherwise the header text
  std::string question;   // the question text; empty when the export has none (plain)
  std::string sublabel;   // SurveyMonkey's second header row ("Response", an answer option, a matrix row)
  std::string import_id;  // Qualtrics' third header row ("QID2_1")
  dsl::Location where;    // the column's cell in the first header row
};

struct SurveyExport {
  Dialect dialect = Dialect::Plain;  // the one found (or forced); never Auto
  char separator = ',';
  std::size_t header_rows = 1;
  std::vector<SurveyColumn> columns;
  std::vector<CsvRecord> rows;       // the responses, each as wide as the header
  dsl::Diagnostics diagnostics;      // the CSV reader's, then the header's

  // The columns a mapping names: by id, else Qualtrics import id, else question text; exact first,
  // then ignoring case and runs of spaces. Several matches mean the name is ambiguous.
  std::vector<const SurveyColumn*> find(std::string_view id_or_question) const;
  const std::string& answer(const CsvRecord& row, const SurveyColumn& column) const { return row.fields.at(column.index); }
};

// Reads an export; `dialect` Auto detects it from the header rows. `separator` 0 detects it too.
SurveyExport read_survey_export(const dsl::SourceFile& file, Dialect dialect = Dialect::Auto, char separator = 0);

// Which tool wrote these records (the first three are enough), Plain when none fits.
Dialect detect_dialect(const std::vector<CsvRecord>& records);

}  // namespace rapport::engine
