// Survey exports: tells Qualtrics (three header rows), SurveyMonkey (two, sub-labels on the second),
// Google Forms (Timestamp first) and plain CSV apart, and names each column from its header rows.
#include "engine/survey_export.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include <fmt/format.h>

#include "dsl/diagnostic_codes.hpp"
#include "dsl/source_file.hpp"

namespace rapport::engine {

namespace {

namespace code = dsl::code;

constexpr std::array kDialectNames = {"auto", "qualtrics", "surveymonkey", "google-forms", "plain"};

// Columns Qualtrics puts before the questions.
constexpr std::array<std::string_view, 17> kQualtricsMetadata = {
    "StartDate",         "EndDate",           "Status",           "IPAddress",         "Progress",
    "Duration (in seconds)", "Finished",      "RecordedDate",     "ResponseId",        "RecipientLastName",
    "RecipientFirstName", "RecipientEmail",   "ExternalReference", "LocationLatitude", "LocationLongitude",
    "DistributionChannel", "UserLanguage"};

// Google Forms names its first column in the form owner's language.
constexpr std::array<std::string_view, 7> kTimestampNames = {
    "timestamp", "marca temporal", "horodateur", "zeitstempel", "carimbo de data/hora", "informazioni cronologiche",
    "tijdstempel"};

// SurveyMonkey's sub-labels that add nothing to the question ("Response" under a one-answer question).
constexpr std::array<std::string_view, 2> kPlainSublabels = {"response", "open-ended response"};

std::string trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\n");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\n");
  return std::string(text.substr(first, last - first + 1));
}

// Lower case (ASCII), trimmed, every run of blanks one space: how a person compares header texts.
std::string loose(std::string_view text) {
  std::string out;
  bool blank = false;
  for (const char c : trimmed(text)) {
    if (c == ' ' || c == '\t' || c == '\n') {
      blank = true;
      continue;
    }
    if (blank) out.push_back(' ');
    blank = false;
    out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return out;
}

template <std::size_t N>
bool is_one_of(std::string_view text, const std::array<std::string_view, N>& names) {
  const std::string key = loose(text);
  return std::any_of(names.begin(), names.end(), [&](std::string_view name) { return loose(name) == key; });
}

// The value of "ImportId" in a Qualtrics cell such as {"ImportId":"QID2_1"}, if it has one.
std::optional<std::string> import_id_of(std::string_view cell) {
  const std::string text = trimmed(cell);
  if (!text.starts_with('{')) return std::nullopt;
  auto at = text.find("\"ImportId\"");
  if (at == std::string::npos) return std::nullopt;
  at = text.find_first_not_of(" :", at + 10);
  if (at == std::string::npos || text[at] != '"') return std::nullopt;
  const auto end = text.find('"', at + 1);
  if (end == std::string::npos) return std::nullopt;
  return text.substr(at + 1, end - at - 1);
}

bool is_import_id_row(const CsvRecord& record) {
  std::size_t ids = 0, filled = 0;
  for (const auto& cell : record.fields) {
    if (trimmed(cell).empty()) continue;
    ++filled;
    if (import_id_of(cell)) ++ids;
  }
  return ids > 0 && ids * 2 >= filled;
}

std::optional<std::size_t> column_named(const CsvRecord& record, std::string_view name) {
  for (std::size_t i = 0; i < record.fields.size(); ++i)
    if (loose(record.fields[i]) == loose(name)) return i;
  return std::nullopt;
}

// Qualtrics without its import-id row (deleted in a spreadsheet): metadata ids over their labels.
bool is_qualtrics_without_import_ids(const std::vector<CsvRecord>& records) {
  if (records.size() < 2) return false;
  const auto& ids = records[0].fields;
  const auto known = std::count_if(ids.begin(), ids.end(), [](const auto& id) { return is_one_of(id, kQualtricsMetadata); });
  const auto response_id = column_named(records[0], "ResponseId");
  return known >= 3 && response_id && loose(records[1].fields[*response_id]) == "response id";
}

bool is_surveymonkey(const std::vector<CsvRecord>& records) {
  if (records.size() < 2) return false;
  if (column_named(records[0], "Respondent ID") && column_named(records[0], "Collector ID")) return true;
  const auto& labels = records[1].fields;
  return trimmed(labels[0]).empty() &&
         std::any_of(labels.begin(), labels.end(), [](const auto& label) { return is_one_of(label, kPlainSublabels); });
}

std::size_t header_rows_of(Dialect dialect, const std::vector<CsvRecord>& records) {
  switch (dialect) {
    case Dialect::Qualtrics: return records.size() >= 3 && is_import_id_row(records[2]) ? 3 : 2;
    case Dialect::SurveyMonkey: return 2;
    default: return 1;
  }
}

SurveyColumn column_at(Dialect dialect, const std::vector<CsvRecord>& header, std::size_t i, std::string& carried) {
  SurveyColumn column;
  column.index = i;
  const std::string first = trimmed(header[0].fields[i]);
  switch (dialect) {
    case Dialect::Qualtrics:
      column.id = first;
      column.question = trimmed(header[1].fields[i]);
      if (header.size() > 2) column.import_id = import_id_of(header[2].fields[i]).value_or("");
      break;
    case Dialect::SurveyMonkey: {
      if (!first.empty()) carried = first;  // a question's text spans its sub-labelled columns
      column.question = carried;
      column.sublabel = trimmed(header[1].fields[i]);
      const bool plain = column.sublabel.empty() || is_one_of(column.sublabel, kPlainSublabels);
      column.id = plain ? column.question : fmt::format("{} - {}", column.question, column.sublabel);
      break;
    }
    case Dialect::GoogleForms:
      column.id = column.question = first;
      break;
    default:
      column.id = first;
  }
  return column;
}

// A problem with the header rows as a whole: at the start of `line`, or the whole file when 0.
void add_header_problem(SurveyExport& out, const dsl::SourceFile& file, dsl::DiagSeverity severity, std::string message,
                        std::string help, std::uint32_t line, const char* diag_code = code::csv_header) {
  dsl::Diagnostic diag;
  diag.severity = severity;
  diag.code = diag_code;
  diag.message = std::move(message);
  diag.where = dsl::Location{file.path(), line, line > 0 ? 1u : 0u, 1};
  diag.help = std::move(help);
  out.diagnostics.push_back(std::move(diag));
}

// A forced dialect whose header rows are not all there, or Qualtrics without its import-id row.
bool check_forced_header(SurveyExport& out, const dsl::SourceFile& file, const std::vector<CsvRecord>& records) {
  const std::size_t needed = out.dialect == Dialect::Qualtrics ? 2 : out.header_rows;
  if (records.size() < needed) {
    add_header_problem(out, file, dsl::DiagSeverity::Error,
                       fmt::format("a {} export starts with {} header rows; this file has {} row{}",
                                   dialect_name(out.dialect), out.dialect == Dialect::Qualtrics ? 3 : needed,
                                   records.size(), records.size() == 1 ? "" : "s"),
                       "export the responses again with their header rows, or name another --dialect", 0);
    return false;
  }
  if (out.dialect == Dialect::Qualtrics && out.header_rows == 2 && records.size() >= 3)
    add_header_problem(out, file, dsl::DiagSeverity::Warning,
                       "the third row holds no Qualtrics import ids ({\"ImportId\":\"QID1\"}); it is read as the first response",
                       "export from Qualtrics with its three header rows, or name another --dialect", records[2].line);
  return true;
}

}  // namespace

std::string_view dialect_name(Dialect dialect) { return kDialectNames[static_cast<std::size_t>(dialect)]; }

std::optional<Dialect> dialect_from_name(std::string_view name) {
  const std::string key = loose(name);
  if (key == "google" || key == "googleforms") return Dialect::GoogleForms;
  if (key == "monkey" || key == "survey-monkey") return Dialect::SurveyMonkey;
  for (std::size_t i = 0; i < kDialectNames.size(); ++i)
    if (key == kDialectNames[i]) return static_cast<Dialect>(i);
  return std::nullopt;
}

std::vector<std::string> dialect_names() { return {kDialectNames.begin(), kDialectNames.end()}; }

Dialect detect_dialect(const std::vector<CsvRecord>& records) {
  if (records.empty()) return Dialect::Plain;
  if ((records.size() >= 3 && is_import_id_row(records[2])) || is_qualtrics_without_import_ids(records))
    return Dialect::Qualtrics;
  if (is_surveymonkey(records)) return Dialect::SurveyMonkey;
  if (is_one_of(records[0].fields[0], kTimestampNames)) return Dialect::GoogleForms;
  return Dialect::Plain;
}

SurveyExport read_survey_export(const dsl::SourceFile& file, Dialect dialect, char separator) {
  CsvTable table = read_csv(file, CsvOptions{separator});
  SurveyExport out;
  out.separator = table.separator;
  out.diagnostics = std::move(table.diagnostics);
  std::vector<CsvRecord>& records = table.records;
  if (records.empty()) {
    if (!has_errors(out.diagnostics))
      add_header_problem(out, file, dsl::DiagSeverity::Error, "this file holds no header row and no responses",
                         "export the responses from the survey tool as CSV, with the header row", 0, code::csv_empty);
    return out;
  }
  out.dialect = dialect == Dialect::Auto ? detect_dialect(records) : dialect;
  out.header_rows = header_rows_of(out.dialect, records);
  if (dialect != Dialect::Auto && !check_forced_header(out, file, records)) return out;

  const std::vector<CsvRecord> header(records.begin(), records.begin() + static_cast<std::ptrdiff_t>(out.header_rows));
  std::string carried;
  for (std::size_t i = 0; i < header[0].fields.size(); ++i) {
    out.columns.push_back(column_at(out.dialect, header, i, carried));
    out.columns.back().where = field_location(file, header[0], i);
  }
  out.rows.assign(std::make_move_iterator(records.begin() + static_cast<std::ptrdiff_t>(out.header_rows)),
                  std::make_move_iterator(records.end()));
  return out;
}

std::vector<const SurveyColumn*> SurveyExport::find(std::string_view id_or_question) const {
  using Field = std::string SurveyColumn::*;
  const std::array<Field, 3> fields = {&SurveyColumn::id, &SurveyColumn::import_id, &SurveyColumn::question};
  const std::string wanted_loose = loose(id_or_question);
  for (const bool exact : {true, false}) {
    for (const Field field : fields) {
      std::vector<const SurveyColumn*> found;
      for (const auto& column : columns) {
        const std::string& text = column.*field;
        if (text.empty()) continue;
        if (exact ? text == id_or_question : loose(text) == wanted_loose) found.push_back(&column);
      }
      if (!found.empty()) return found;
    }
  }
  return {};
}

}  // namespace rapport::engine
