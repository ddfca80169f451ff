// Telling UTF-8 text from what is not: the check every reader makes before it parses a file.
#include <catch2/catch.hpp>

#include <string>

#include "dsl/diagnostic.hpp"
#include "dsl/diagnostic_codes.hpp"
#include "dsl/source_file.hpp"
#include "dsl/text_encoding.hpp"

using namespace rapport::dsl;

namespace {

std::optional<Diagnostic> problem_of(const std::string& text) { return text_problem(SourceFile("f.txt", text)); }

}  // namespace

TEST_CASE("UTF-8 text is fine, with or without a byte order mark and whatever its line ends", "[text]") {
  CHECK_FALSE(problem_of("plain ASCII\n"));
  CHECK_FALSE(problem_of("\xEF\xBB\xBF" "caf\xC3\xA9\r\nna\xC3\xAFve \xE2\x80\x93 \xF0\x9F\x98\x80\r\n"));
  CHECK_FALSE(problem_of("old Mac\rline ends\r"));
  CHECK_FALSE(problem_of(""));
}

TEST_CASE("a byte that is not UTF-8 is reported where it is, with how to save the file as UTF-8", "[text]") {
  const auto problem = problem_of("first line\nname = \"Caf\xE9\"\n");
  REQUIRE(problem);
  CHECK(problem->code == code::not_utf8);
  CHECK((problem->where.line == 2 && problem->where.col == 12));
  CHECK(problem->message.starts_with("not valid UTF-8: byte 0xE9 does not belong here"));
  CHECK(problem->help.find("UTF-8") != std::string::npos);
}

TEST_CASE("overlong forms, surrogates, code points past U+10FFFF and cut-off sequences are not UTF-8", "[text]") {
  CHECK(first_invalid_utf8("a\xC0\xAF") == 1u);          // '/' written in two bytes
  CHECK(first_invalid_utf8("ab\xED\xA0\x80") == 2u);     // a UTF-16 surrogate
  CHECK(first_invalid_utf8("\xF4\x90\x80\x80") == 0u);   // U+110000
  CHECK(first_invalid_utf8("ok \xE2\x80") == 3u);        // the last character cut short
  CHECK(first_invalid_utf8("\x80 stray") == 0u);         // a continuation byte with nothing before it
  CHECK_FALSE(first_invalid_utf8("\xF4\x8F\xBF\xBF"));   // U+10FFFF, the last code point
  CHECK(utf8_sequence_length("\xE2\x80\x93", 0) == 3u);
}

TEST_CASE("a binary file is not text: one error at 1:1 that says what it looks like", "[text]") {
  struct Case {
    std::string bytes;
    std::string looks_like;
  };
  const Case cases[] = {
      {std::string("\x1F\x8B\x08\x00\x00\x00", 6), "a gzip archive"},
      {"PK\x03\x04rest", "a ZIP archive"},
      {"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n", "a PDF document"},
      {"\x89PNG\r\n\x1A\nIHDR", "a PNG image"},
      {"\xFF\xD8\xFF\xE0", "a JPEG image"},
      {std::string("\xFF\xFE" "a\0b\0", 6), "UTF-16 text"},
      {std::string("a\0b\0c\0", 6), "UTF-16 text"},
      {std::string("text, then \0\0\0\x01\x02 data", 21), "binary data"},
  };
  for (const Case& c : cases) {
    INFO(c.looks_like);
    const auto problem = problem_of(c.bytes);
    REQUIRE(problem);
    CHECK(problem->code == code::not_text);
    CHECK((problem->where.line == 1 && problem->where.col == 1));
    CHECK(problem->message.starts_with("this is not a text file: it looks like " + c.looks_like));
    CHECK_FALSE(problem->help.empty());
  }
}

TEST_CASE("a binary file's diagnostic quotes no line; a bad byte's line is quoted with U+FFFD in its place",
          "[text]") {
  SourceMap sources;
  const SourceFile& binary = sources.add("data.gz", std::string("\x1F\x8B\x08\x00\nxyz", 8));
  CHECK(render(*text_problem(binary), sources) ==
        "data.gz:1:1: error: this is not a text file: it looks like a gzip archive\n"
        "help: decompress it first (for example: gunzip -k FILE), and give Rapport the text inside\n");

  const SourceFile& latin1 = sources.add("p.toml", "name = \"Caf\xE9\"\n");
  const std::string shown = render(*text_problem(latin1), sources);
  CHECK(shown.find("   1 | name = \"Caf\xEF\xBF\xBD\"\n     |            ^\n") != std::string::npos);
}
