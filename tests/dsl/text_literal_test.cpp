// Texts: escapes, adjacent strings joined, {placeholders} parsed with spans into the file, {{ }}.
#include <catch2/catch.hpp>

#include "parse_fixture.hpp"

using namespace rapport::dsl;
using namespace rapport::dsl::testing;

namespace {

// The title text of `source s  title <literal> end`.
struct TitleOf {
  Parsed parsed;
  explicit TitleOf(const std::string& literal) : parsed("source s\n  title " + literal + "\nend\n") {}
  const Text& text() const { return std::get<TextField>(parsed.declarations().at(0).fields.at(0)).text; }
};

}  // namespace

TEST_CASE("escapes decode to their characters", "[text]") {
  TitleOf title(R"("a \"quoted\" word, a \\ backslash,\na\ttab, \{braces\} and \u{1F600} \u{e9}")");
  INFO(title.parsed.rendered());
  REQUIRE(title.parsed.diagnostics().empty());
  CHECK(title.text().value == "a \"quoted\" word, a \\ backslash,\na\ttab, {braces} and \xF0\x9F\x98\x80 é");
  REQUIRE(title.text().parts.size() == 1);
  CHECK(title.text().parts[0].text == title.text().value);
}

TEST_CASE("UTF-8 text passes through unchanged", "[text]") {
  TitleOf title("\"“Trust” – café\"");
  REQUIRE(title.parsed.diagnostics().empty());
  CHECK(title.text().value == "“Trust” – café");
}

TEST_CASE("an empty string is one empty text part", "[text]") {
  TitleOf title("\"\"");
  REQUIRE(title.parsed.diagnostics().empty());
  CHECK(title.text().value.empty());
  REQUIRE(title.text().parts.size() == 1);
  CHECK_FALSE(title.text().parts[0].is_placeholder);
}

TEST_CASE("adjacent strings, even across lines and comments, are one text", "[text]") {
  TitleOf title("\"abc \"\n    \"def\"  # more below\n    \"!\"");
  INFO(title.parsed.rendered());
  REQUIRE(title.parsed.diagnostics().empty());
  CHECK(title.text().value == "abc def!");
  REQUIRE(title.text().parts.size() == 1);
  CHECK(title.parsed.slice(title.text().span) == "\"abc \"\n    \"def\"  # more below\n    \"!\"");
}

TEST_CASE("placeholders split a text into literal and expression parts", "[text]") {
  TitleOf title(R"("Only {it.satisfied} of IT, {gap(x) * 100} points")");
  INFO(title.parsed.rendered());
  REQUIRE(title.parsed.diagnostics().empty());
  const Text& text = title.text();
  CHECK(text.value == "Only {it.satisfied} of IT, {gap(x) * 100} points");
  REQUIRE(text.parts.size() == 5);
  CHECK(text.parts[0].text == "Only ");
  CHECK(text.parts[1].is_placeholder);
  CHECK(show(text.parts[1].expr) == "it.satisfied");
  CHECK(text.parts[2].text == " of IT, ");
  CHECK(show(text.parts[3].expr) == "(* (gap() x) 100)");
  CHECK(text.parts[4].text == " points");
}

TEST_CASE("placeholder spans point at the expression's bytes in the file", "[text]") {
  TitleOf title("\"é – {it.x} and {  marketing.y }\"");
  REQUIRE(title.parsed.diagnostics().empty());
  const Text& text = title.text();
  REQUIRE(text.parts.size() == 4);
  CHECK(title.parsed.slice(text.parts[1].expr.span) == "it.x");
  CHECK(title.parsed.slice(text.parts[1].expr.name_span) == "x");
  CHECK(title.parsed.slice(text.parts[3].expr.span) == "marketing.y");
  const Location where = title.parsed.file.locate(text.parts[3].expr.span.begin);
  CHECK(where.line == 2);
  CHECK(where.col == 28);
}

TEST_CASE("a text may begin and end with a placeholder, and placeholders may touch", "[text]") {
  TitleOf title(R"("{a}{b}")");
  REQUIRE(title.parsed.diagnostics().empty());
  REQUIRE(title.text().parts.size() == 2);
  CHECK(title.text().parts[0].is_placeholder);
  CHECK(title.text().parts[1].is_placeholder);
}

TEST_CASE("doubled braces are literal braces", "[text]") {
  TitleOf title(R"("a {{literal}} and }} {{ {x}")");
  INFO(title.parsed.rendered());
  REQUIRE(title.parsed.diagnostics().empty());
  CHECK(title.text().value == "a {literal} and } { {x}");
  REQUIRE(title.text().parts.size() == 2);
  CHECK(title.text().parts[0].text == "a {literal} and } { ");
  CHECK(show(title.text().parts[1].expr) == "x");
}

TEST_CASE("a placeholder may sit in any of several adjacent strings", "[text]") {
  TitleOf title("\"a {x} \"\n  \"b {y}\"");
  REQUIRE(title.parsed.diagnostics().empty());
  REQUIRE(title.text().parts.size() == 4);
  CHECK(title.text().parts[2].text == " b ");
  CHECK(title.parsed.slice(title.text().parts[3].expr.span) == "y");
}

TEST_CASE("evidence and benchmark quotes are decoded too", "[text]") {
  Parsed parsed(
      "finding f\n  evidence s \"a\\tb {x}\"\nend\n"
      "metric m\n  benchmark it 5% from s \"q\\\"\"\nend\n");
  INFO(parsed.rendered());
  REQUIRE(parsed.diagnostics().empty());
  const auto evidence = fields_of<EvidenceField>(parsed.declarations()[0]).at(0);
  CHECK(evidence.quote.value == "a\tb {x}");
  CHECK(evidence.quote.parts.size() == 2);
  CHECK(fields_of<BenchmarkField>(parsed.declarations()[1]).at(0).quote.value == "q\"");
}
