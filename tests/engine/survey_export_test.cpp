// Survey exports: each tool's header rows are recognised (or the tool is named), columns get their
// ids and question texts, and rows keep their line numbers.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "dsl/diagnostic_codes.hpp"
#include "dsl/source_file.hpp"
#include "engine/survey_export.hpp"

namespace {

using rapport::dsl::DiagSeverity;
using rapport::dsl::SourceFile;
using rapport::engine::Dialect;
using rapport::engine::read_survey_export;
using rapport::engine::SurveyExport;
namespace code = rapport::dsl::code;

std::string fixture_text(const std::string& name) {
  std::ifstream in(std::string(RAPPORT_TEST_DATA) + "/fixtures/csv/" + name, std::ios::binary);
  REQUIRE(in);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

SurveyExport read_fixture(const std::string& name, Dialect dialect = Dialect::Auto) {
  const SourceFile file(name, fixture_text(name));
  return read_survey_export(file, dialect);
}

SurveyExport read_text(const std::string& text, Dialect dialect = Dialect::Auto) {
  const SourceFile file("answers.csv", text);
  return read_survey_export(file, dialect);
}

std::vector<std::string> ids_of(const SurveyExport& survey) {
  std::vector<std::string> ids;
  for (const auto& column : survey.columns) ids.push_back(column.id);
  return ids;
}

std::vector<std::uint32_t> lines_of(const SurveyExport& survey) {
  std::vector<std::uint32_t> lines;
  for (const auto& row : survey.rows) lines.push_back(row.line);
  return lines;
}

}  // namespace

TEST_CASE("a Qualtrics export with a BOM, CRLF and multi-line answers has three header rows", "[survey_export]") {
  const auto survey = read_fixture("qualtrics.csv");
  CHECK(survey.diagnostics.empty());
  CHECK(survey.dialect == Dialect::Qualtrics);
  CHECK(survey.header_rows == 3);
  REQUIRE(survey.columns.size() == 15);
  CHECK(survey.columns[0].id == "StartDate");
  const auto& kpis = survey.columns[12];
  CHECK(kpis.id == "Q2_1");
  CHECK(kpis.question == "How far do you agree? - IT and marketing share KPIs");
  CHECK(kpis.import_id == "QID2_1");
  CHECK((kpis.where.line == 1 && kpis.where.col > 1));
  CHECK(survey.columns[8].import_id == "_recordId");
  CHECK(lines_of(survey) == std::vector<std::uint32_t>{4, 6, 7, 8});
  CHECK(survey.answer(survey.rows[0], survey.columns[14]) == "Shared roadmap reviews.\nAnd one budget owner.");
  CHECK(survey.answer(survey.rows[1], survey.columns[14]) == "They call it \"agile\", we call it late.");
  CHECK(survey.answer(survey.rows[3], survey.columns[11]) == "Marketing");
}

TEST_CASE("Qualtrics columns are found by id, import id or question text", "[survey_export]") {
  const auto survey = read_fixture("qualtrics.csv");
  auto found = survey.find("Q1");
  REQUIRE(found.size() == 1);
  CHECK(found[0]->index == 11);
  found = survey.find("QID2_2");
  REQUIRE(found.size() == 1);
  CHECK(found[0]->id == "Q2_2");
  found = survey.find("Which department do you work in?");
  REQUIRE(found.size() == 1);
  CHECK(found[0]->id == "Q1");
  found = survey.find("  which DEPARTMENT do you   work in? ");  // case and spacing as a person types them
  REQUIRE(found.size() == 1);
  CHECK(found[0]->id == "Q1");
  CHECK(survey.find("Q9").empty());
}

TEST_CASE("a Qualtrics export whose import-id row was deleted is still recognised, with two header rows",
          "[survey_export]") {
  const auto survey = read_text(
      "StartDate,EndDate,Status,ResponseId,Q1\nStart Date,End Date,Response Type,Response ID,Department\n"
      "2026-03-02,2026-03-02,IP Address,R_1,IT\n");
  CHECK(survey.dialect == Dialect::Qualtrics);
  CHECK(survey.header_rows == 2);
  CHECK(survey.columns[4].question == "Department");
  CHECK(lines_of(survey) == std::vector<std::uint32_t>{3});
}

TEST_CASE("a SurveyMonkey export names sub-labelled columns after the question carried over blank cells",
          "[survey_export]") {
  const auto survey = read_fixture("surveymonkey.csv");
  CHECK(survey.diagnostics.empty());
  CHECK(survey.dialect == Dialect::SurveyMonkey);
  CHECK(survey.header_rows == 2);
  CHECK(ids_of(survey) == std::vector<std::string>{"Respondent ID", "Collector ID", "Start Date", "End Date",
                                                   "IP Address", "Email Address", "First Name", "Last Name",
                                                   "Custom Data 1", "Which department do you work in?",
                                                   "Which department do you work in? - Other (please specify)",
                                                   "How satisfied are you with IT–marketing collaboration?",
                                                   "Which tools do you share? - CRM", "Which tools do you share? - Analytics",
                                                   "Which tools do you share? - Marketing automation",
                                                   "Which tools do you share? - Other (please specify)"});
  CHECK(survey.columns[13].question == "Which tools do you share?");
  CHECK(survey.columns[13].sublabel == "Analytics");
  CHECK(survey.find("Which tools do you share?").size() == 4);  // by question: ambiguous
  CHECK(survey.find("Which department do you work in?").size() == 1);
  CHECK(lines_of(survey) == std::vector<std::uint32_t>{3, 4, 5});
  CHECK(survey.answer(survey.rows[2], survey.columns[15]) == "Our own spreadsheet, \"v7\"");
}

TEST_CASE("a Google Forms export starts with Timestamp and its headers are the questions", "[survey_export]") {
  const auto survey = read_fixture("google_forms.csv");
  CHECK(survey.diagnostics.empty());
  CHECK(survey.dialect == Dialect::GoogleForms);
  CHECK(survey.header_rows == 1);
  CHECK(survey.columns[2].question == "How far do you agree? [IT and marketing share KPIs]");
  const auto found = survey.find("how far do you agree? [we plan the budget together]");
  REQUIRE(found.size() == 1);
  CHECK(found[0]->index == 3);
  CHECK(lines_of(survey) == std::vector<std::uint32_t>{2, 3, 4});
  CHECK(read_text("Marca temporal,Departamento\n2026,TI\n").dialect == Dialect::GoogleForms);
}

TEST_CASE("any other CSV is plain, with one header row and no question texts", "[survey_export]") {
  const auto survey = read_fixture("european_semicolon.csv");
  CHECK(survey.dialect == Dialect::Plain);
  CHECK(survey.separator == ';');
  CHECK(ids_of(survey) == std::vector<std::string>{"Abteilung", "Zufriedenheit (1-5)", "Budgetanteil", "Kommentar"});
  CHECK(survey.columns[0].question.empty());
  CHECK(lines_of(survey) == std::vector<std::uint32_t>{3, 4, 5});
  CHECK(survey.answer(survey.rows[0], *survey.find("budgetanteil").at(0)) == "12,5");
}

TEST_CASE("a named dialect overrides detection", "[survey_export]") {
  const auto plain = read_fixture("qualtrics.csv", Dialect::Plain);
  CHECK(plain.dialect == Dialect::Plain);
  CHECK(plain.header_rows == 1);
  CHECK(plain.rows.size() == 6);  // the question texts and import ids read as responses
  CHECK(lines_of(plain).front() == 2);

  const std::string two_rows = "Department,Satisfaction\nTeam,Score\nIT,4\n";
  CHECK(read_text(two_rows).dialect == Dialect::Plain);
  const auto monkey = read_text(two_rows, Dialect::SurveyMonkey);
  CHECK(monkey.dialect == Dialect::SurveyMonkey);
  CHECK(ids_of(monkey) == std::vector<std::string>{"Department - Team", "Satisfaction - Score"});
  CHECK(lines_of(monkey) == std::vector<std::uint32_t>{3});
}

TEST_CASE("a named dialect whose header rows are missing is reported", "[survey_export]") {
  const auto monkey = read_text("Department,Satisfaction\n", Dialect::SurveyMonkey);
  REQUIRE(monkey.diagnostics.size() == 1);
  CHECK(monkey.diagnostics[0].code == code::csv_header);
  CHECK(monkey.diagnostics[0].severity == DiagSeverity::Error);
  CHECK(monkey.columns.empty());

  const auto qualtrics = read_text("Q1,Q2\nDepartment,Trust\nIT,4\nMarketing,2\n", Dialect::Qualtrics);
  CHECK(qualtrics.header_rows == 2);
  REQUIRE(qualtrics.diagnostics.size() == 1);
  CHECK(qualtrics.diagnostics[0].severity == DiagSeverity::Warning);
  CHECK(qualtrics.diagnostics[0].where.line == 3);
  CHECK(lines_of(qualtrics) == std::vector<std::uint32_t>{3, 4});
}

TEST_CASE("an empty export is reported as such", "[survey_export]") {
  for (const std::string text : {"", "\xEF\xBB\xBF", "\r\n\r\n"}) {
    const auto survey = read_text(text);
    REQUIRE(survey.diagnostics.size() == 1);
    CHECK(survey.diagnostics[0].code == code::csv_empty);
    CHECK(survey.columns.empty());
  }
}

TEST_CASE("a malformed response row is reported and the other responses are kept", "[survey_export]") {
  const auto survey = read_fixture("broken.csv");
  CHECK(survey.dialect == Dialect::Plain);
  CHECK(lines_of(survey) == std::vector<std::uint32_t>{2, 5, 6, 8, 9, 11, 13});
  CHECK(rapport::dsl::count(survey.diagnostics, DiagSeverity::Error) == 4);
}

TEST_CASE("dialects are named as --dialect takes them", "[survey_export]") {
  using rapport::engine::dialect_from_name;
  using rapport::engine::dialect_name;
  for (const auto dialect : {Dialect::Auto, Dialect::Qualtrics, Dialect::SurveyMonkey, Dialect::GoogleForms, Dialect::Plain})
    CHECK(dialect_from_name(dialect_name(dialect)) == dialect);
  CHECK(dialect_name(Dialect::GoogleForms) == "google-forms");
  CHECK(dialect_from_name("Qualtrics") == Dialect::Qualtrics);
  CHECK(dialect_from_name("google") == Dialect::GoogleForms);
  CHECK_FALSE(dialect_from_name("excel").has_value());
  CHECK(rapport::engine::dialect_names().size() == 5);
}

TEST_CASE("detection needs no more than the header rows and never fails on odd shapes", "[survey_export]") {
  using rapport::engine::detect_dialect;
  CHECK(detect_dialect({}) == Dialect::Plain);
  const auto one_column = read_text("x\n\"{\"\"ImportId\"\":\"\"QID1\"\"}\"\n\"{\"\"ImportId\"\":\"\"QID1\"\"}\"\n1\n");
  CHECK(one_column.dialect == Dialect::Qualtrics);
  CHECK(one_column.columns.at(0).import_id == "QID1");
  CHECK(read_text("a\n").dialect == Dialect::Plain);
}
