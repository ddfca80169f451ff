// The CSV reader: RFC 4180 and the variations survey tools and spreadsheets write; malformed rows
// reported at file:line:col, left out, and the rest still read.
#include <catch2/catch.hpp>

#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "dsl/diagnostic_codes.hpp"
#include "dsl/source_file.hpp"
#include "engine/csv.hpp"

namespace {

using rapport::dsl::DiagSeverity;
using rapport::dsl::SourceFile;
using rapport::engine::CsvOptions;
using rapport::engine::CsvTable;
using rapport::engine::read_csv;
namespace code = rapport::dsl::code;

using Rows = std::vector<std::vector<std::string>>;

std::string fixture_text(const std::string& name) {
  std::ifstream in(std::string(RAPPORT_TEST_DATA) + "/fixtures/csv/" + name, std::ios::binary);
  REQUIRE(in);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

Rows fields_of(const CsvTable& table) {
  Rows rows;
  for (const auto& record : table.records) rows.push_back(record.fields);
  return rows;
}

std::vector<std::uint32_t> lines_of(const CsvTable& table) {
  std::vector<std::uint32_t> lines;
  for (const auto& record : table.records) lines.push_back(record.line);
  return lines;
}

CsvTable read_text(const std::string& text, CsvOptions options = {}) {
  const SourceFile file("answers.csv", text);
  return read_csv(file, options);
}

}  // namespace

TEST_CASE("plain RFC 4180 records are split into fields", "[csv]") {
  const auto table = read_text("a,b,c\n1,2,3\n");
  CHECK(table.diagnostics.empty());
  CHECK(table.separator == ',');
  CHECK(fields_of(table) == Rows{{"a", "b", "c"}, {"1", "2", "3"}});
  CHECK(lines_of(table) == std::vector<std::uint32_t>{1, 2});
}

TEST_CASE("quoted fields keep separators, doubled quotes and line breaks", "[csv]") {
  const auto table = read_text("q,comment\n1,\"a, b\"\n2,\"say \"\"hi\"\"\"\n3,\"two\r\nlines\"\n4,\"\"\n");
  CHECK(table.diagnostics.empty());
  CHECK(fields_of(table) == Rows{{"q", "comment"}, {"1", "a, b"}, {"2", "say \"hi\""}, {"3", "two\nlines"}, {"4", ""}});
  CHECK(lines_of(table) == std::vector<std::uint32_t>{1, 2, 3, 4, 6});
}

TEST_CASE("CRLF, LF and lone CR line endings all end records and count as one line each", "[csv]") {
  for (const std::string eol : {"\n", "\r\n", "\r"}) {
    const auto table = read_text("a,b" + eol + "1,2" + eol + eol + "3,4");
    INFO("line ending of " << eol.size() << " bytes");
    CHECK(table.diagnostics.empty());
    CHECK(fields_of(table) == Rows{{"a", "b"}, {"1", "2"}, {"3", "4"}});
    CHECK(lines_of(table) == std::vector<std::uint32_t>{1, 2, 4});
  }
}

TEST_CASE("a UTF-8 byte order mark is not part of the first header", "[csv]") {
  const auto table = read_text("\xEF\xBB\xBF\"Timestamp\",Q1\r\nx,y\r\n");
  CHECK(table.diagnostics.empty());
  CHECK(table.records.at(0).fields.at(0) == "Timestamp");
}

TEST_CASE("the separator is detected from the header line, outside quotes", "[csv]") {
  CHECK(rapport::engine::detect_separator("a;b;c\n1,5;2;3") == ';');
  CHECK(rapport::engine::detect_separator("\"a;b;c\",d\n") == ',');
  CHECK(rapport::engine::detect_separator("a\tb\tc") == '\t');
  CHECK(rapport::engine::detect_separator("single") == ',');
  CHECK(rapport::engine::detect_separator("a,b;c") == ',');  // a tie goes to the comma
  const auto table = read_text("Gruppe;Anteil\nIT;12,5\n");
  CHECK(table.separator == ';');
  CHECK(fields_of(table) == Rows{{"Gruppe", "Anteil"}, {"IT", "12,5"}});
}

TEST_CASE("a separator named by the caller wins over detection", "[csv]") {
  const auto table = read_text("a;b,c\n1;2,3\n", CsvOptions{','});
  CHECK(fields_of(table) == Rows{{"a;b", "c"}, {"1;2", "3"}});
}

TEST_CASE("Excel's sep= first line names the separator and is not a record", "[csv]") {
  const auto table = fixture_text("european_semicolon.csv");
  const SourceFile file("european_semicolon.csv", table);
  const auto read = read_csv(file);
  CHECK(read.diagnostics.empty());
  CHECK(read.separator == ';');
  CHECK(fields_of(read) == Rows{{"Abteilung", "Zufriedenheit (1-5)", "Budgetanteil", "Kommentar"},
                                {"IT", "4", "12,5", "Gut; könnte besser sein"},
                                {"Marketing", "2", "30", ""},
                                {"Marketing", "3", "27,5", "Zwei\nZeilen"}});
  CHECK(lines_of(read) == std::vector<std::uint32_t>{2, 3, 4, 5});
}

TEST_CASE("blank lines, rows of empty fields and a trailing separator are no data", "[csv]") {
  const auto table = read_text("\na,b,\n1,2,\n,,\n\n3,4,\n\n");
  CHECK(table.diagnostics.empty());
  CHECK(fields_of(table) == Rows{{"a", "b", ""}, {"1", "2", ""}, {"3", "4", ""}});
  CHECK(lines_of(table) == std::vector<std::uint32_t>{2, 3, 6});
}

TEST_CASE("a file with lone CR line endings keeps line breaks inside quotes", "[csv]") {
  const SourceFile file("mac_cr.csv", fixture_text("mac_cr.csv"));
  const auto table = read_csv(file);
  CHECK(table.diagnostics.empty());
  CHECK(fields_of(table) == Rows{{"group", "answer", ""}, {"it", "yes", ""}, {"marketing", "no\nreally", ""}, {"it", "no", ""}});
  CHECK(lines_of(table) == std::vector<std::uint32_t>{1, 2, 3, 5});
}

TEST_CASE("every malformed row is reported at its line and column, and the other rows are read", "[csv]") {
  const SourceFile file("broken.csv", fixture_text("broken.csv"));
  const auto table = read_csv(file);
  CHECK(lines_of(table) == std::vector<std::uint32_t>{1, 2, 5, 6, 8, 9, 11, 13});
  REQUIRE(table.diagnostics.size() == 5);
  const auto& d = table.diagnostics;
  CHECK(d[0].code == code::csv_field_count);
  CHECK(d[0].message == "this row has 5 fields, the header has 4");
  CHECK((d[0].where.line == 3 && d[0].where.col == 20));
  CHECK(d[0].severity == DiagSeverity::Error);
  CHECK(d[1].code == code::csv_stray_quote);
  CHECK((d[1].where.line == 4 && d[1].where.col == 18));
  CHECK(d[2].code == code::csv_field_count);
  CHECK(d[2].severity == DiagSeverity::Warning);
  CHECK(d[2].where.line == 5);
  CHECK(d[3].code == code::csv_stray_quote);
  CHECK(d[3].message == "text after the closing quote of a field");
  CHECK((d[3].where.line == 7 && d[3].where.col == 15));
  CHECK(d[4].code == code::csv_unterminated_quote);
  CHECK((d[4].where.line == 12 && d[4].where.col == 16));
  CHECK_THAT(d[4].help, Catch::Contains("reading goes on at line 13"));
  for (const auto& diag : d) {
    CHECK(diag.where.file == "broken.csv");
    CHECK_FALSE(diag.help.empty());
  }
}

TEST_CASE("a short row is padded with blank answers", "[csv]") {
  const auto table = read_text("a,b,c\n1\n");
  REQUIRE(table.records.size() == 2);
  CHECK(table.records[1].fields == std::vector<std::string>{"1", "", ""});
  CHECK(table.records[1].offsets.size() == 3);
}

TEST_CASE("a quote left open on one line is blamed on that line, not on the row it runs into", "[csv]") {
  const SourceFile file("x.csv", "g,c\nit,\"oops\nmarketing,\"fine\"\nit,ok\n");
  const auto table = read_csv(file);
  REQUIRE(table.diagnostics.size() == 1);
  CHECK(table.diagnostics[0].code == code::csv_unterminated_quote);
  CHECK((table.diagnostics[0].where.line == 2 && table.diagnostics[0].where.col == 4));
  REQUIRE(table.diagnostics[0].notes.size() == 1);
  CHECK(table.diagnostics[0].notes[0].where->line == 3);
  CHECK(fields_of(table) == Rows{{"g", "c"}, {"marketing", "fine"}, {"it", "ok"}});
}

TEST_CASE("field positions point at the field in the file", "[csv]") {
  const SourceFile file("x.csv", "\xEF\xBB\xBFgroup,answer\nit,  \"yes\"\n");
  const auto table = read_csv(file);
  REQUIRE(table.records.size() == 2);
  CHECK(table.records[1].fields[1] == "yes");  // spaces before an opening quote are layout
  const auto header = rapport::engine::field_location(file, table.records[0], 1);
  CHECK((header.line == 1 && header.col == 7));
  const auto answer = rapport::engine::field_location(file, table.records[1], 1);
  CHECK((answer.line == 2 && answer.col == 6));
}

TEST_CASE("UTF-16 text is refused with a plain reason, other non-UTF-8 bytes are read with a warning", "[csv]") {
  const auto utf16 = read_text(std::string("\xFF\xFE" "a\0,\0b\0", 8));
  CHECK(utf16.records.empty());
  REQUIRE(utf16.diagnostics.size() == 1);
  CHECK(utf16.diagnostics[0].code == code::not_text);
  CHECK(utf16.diagnostics[0].severity == DiagSeverity::Error);
  CHECK(utf16.diagnostics[0].message == "this is not a text file: it looks like UTF-16 text");

  const auto latin1 = read_text("Abteilung,Kommentar\nIT,sch\xF6n\n");
  CHECK(fields_of(latin1).size() == 2);
  REQUIRE(latin1.diagnostics.size() == 1);
  CHECK(latin1.diagnostics[0].severity == DiagSeverity::Warning);
  CHECK((latin1.diagnostics[0].where.line == 2 && latin1.diagnostics[0].where.col == 7));
  CHECK(latin1.diagnostics[0].code == code::csv_encoding);
  CHECK(read_text("ok,\xC3\xA9,\xE2\x80\x93,\xF0\x9F\x98\x80\n").diagnostics.empty());
  CHECK(read_text("a\xED\xA0\x80\n").diagnostics.size() == 1);  // a UTF-16 surrogate is not UTF-8
}

TEST_CASE("arbitrary bytes never crash or hang the reader, and records keep their width", "[csv]") {
  std::mt19937 random(20260323);
  constexpr char kBytes[] = "ab,;\t\"\r\n \xEF\xBB\xBF\xC3\xA9\xFF";
  const std::string alphabet = std::string(kBytes, sizeof kBytes - 1) + std::string(1, '\0');
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    const auto length = random() % 120;
    for (std::size_t i = 0; i < length; ++i)
      text.push_back(round % 2 ? alphabet[random() % alphabet.size()] : static_cast<char>(random() % 256));
    const SourceFile file("random.csv", text);
    const auto table = read_csv(file);
    for (const auto& record : table.records) {
      CHECK(record.fields.size() == table.records.front().fields.size());
      CHECK(record.offsets.size() == record.fields.size());
      CHECK(record.line >= 1);
    }
    for (const auto& diag : table.diagnostics) CHECK(diag.where.file == "random.csv");
  }
}

TEST_CASE("a malformed header row stops reading, since no row can be read without it", "[csv]") {
  const auto table = read_text("group,\"comment\nit,fine\nmarketing,also fine\n");
  CHECK(table.records.empty());
  REQUIRE(table.diagnostics.size() == 1);
  CHECK(table.diagnostics[0].code == code::csv_unterminated_quote);
  CHECK(table.diagnostics[0].where.line == 1);
  CHECK_THAT(table.diagnostics[0].help, Catch::Contains("header row"));
}

TEST_CASE("a CSV diagnostic renders as file:line:col with the quoted line and a caret", "[csv]") {
  rapport::dsl::SourceMap sources;
  const auto& file = sources.add("broken.csv", fixture_text("broken.csv"));
  const auto table = read_csv(file);
  REQUIRE_FALSE(table.diagnostics.empty());
  const std::string shown = rapport::dsl::render(table.diagnostics[0], sources);
  CHECK_THAT(shown, Catch::StartsWith("broken.csv:3:20: error: this row has 5 fields, the header has 4\n"));
  CHECK_THAT(shown, Catch::Contains("marketing,no,2,too,many\n"));
  CHECK_THAT(shown, Catch::Contains("^"));
  CHECK_THAT(shown, Catch::Contains("help: a field that holds the separator (comma) must be in quotes"));
}

TEST_CASE("a tab-separated export is read like a comma-separated one", "[csv]") {
  const auto table = read_text("Department\tComment\r\nIT\t\"tabs\tand, commas\"\r\nMarketing\tok\r\n");
  CHECK(table.diagnostics.empty());
  CHECK(table.separator == '\t');
  CHECK(fields_of(table) == Rows{{"Department", "Comment"}, {"IT", "tabs\tand, commas"}, {"Marketing", "ok"}});
  CHECK(rapport::engine::separator_name(table.separator) == "tab");
}
