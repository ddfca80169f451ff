// Hostile nesting gets a positioned error, never a stack overflow.
#include <catch2/catch.hpp>

#include "dsl/diagnostic_codes.hpp"
#include "parse_fixture.hpp"

using namespace rapport::dsl;
using namespace rapport::dsl::testing;

namespace {

std::string repeated(const std::string& piece, std::size_t times) {
  std::string out;
  out.reserve(piece.size() * times);
  for (std::size_t i = 0; i < times; ++i) out += piece;
  return out;
}

}  // namespace

TEST_CASE("100,000 nested parentheses in a condition are refused at the first one too deep", "[nesting]") {
  const std::size_t depth = 100'000;
  Parsed parsed("source s end\n" + finding_when(repeated("(", depth) + "x" + repeated(")", depth)) +
                "source t end\n");
  REQUIRE(parsed.diagnostics().size() == 1);
  const Diagnostic& d = parsed.diagnostics()[0];
  CHECK(d.code == code::nesting_too_deep);
  CHECK(d.message == "expression nested too deeply (more than 64 levels of parentheses)");
  CHECK(d.help == "split it into findings that build on each other");
  CHECK(d.where.line == 3);
  CHECK(d.where.col == 8 + 64);  // "  when " then 64 parentheses that are fine
  REQUIRE(parsed.declarations().size() == 2);  // the broken finding is skipped, its neighbours are not
}

TEST_CASE("nesting up to the limit parses", "[nesting]") {
  Parsed parsed(finding_when(repeated("(", 64) + "x" + repeated(")", 64)));
  INFO(parsed.rendered());
  CHECK(parsed.diagnostics().empty());
  ParseLimits tight;
  tight.max_nesting = 3;
  CHECK(Parsed(finding_when("f(g(((x))))"), tight).positions() ==
        "2:13: expression nested too deeply (more than 3 levels of parentheses)\n");
  CHECK(Parsed(finding_when("f(g(((x))))"), ParseLimits{4, 256}).diagnostics().empty());
}

TEST_CASE("parentheses inside strings and comments do not count as nesting", "[nesting]") {
  ParseLimits tight;
  tight.max_nesting = 2;
  Parsed parsed("finding f\n  title \"((((((\"  # ((((((\n  when (a)\nend\n", tight);
  INFO(parsed.rendered());
  CHECK(parsed.diagnostics().empty());
}

TEST_CASE("100,000 nested parentheses in a placeholder are refused at the first one too deep", "[nesting]") {
  const std::size_t depth = 100'000;
  const std::string text = "source s\n  title \"{" + repeated("(", depth) + "x" + repeated(")", depth) + "}\"\nend\n";
  ParseLimits long_texts;  // a text this long is refused as such first, unless texts may be longer
  long_texts.max_text_bytes = 1024 * 1024;
  Parsed parsed(text, long_texts);
  REQUIRE(parsed.diagnostics().size() == 1);
  CHECK(parsed.diagnostics()[0].code == code::nesting_too_deep);
  CHECK(parsed.diagnostics()[0].where.line == 2);
  CHECK(parsed.diagnostics()[0].where.col == 11 + 64);  // "  title \"{" then 64 that are fine
  CHECK(Parsed(text).positions() == "2:9: the text is 195.3 KiB, more than the limit of 64 KiB\n");
}

TEST_CASE("100,000 chained nots are refused as too deep, without recursion", "[nesting]") {
  Parsed parsed(finding_when(repeated("not ", 100'000) + "x"));
  REQUIRE(parsed.diagnostics().size() == 1);
  CHECK(parsed.diagnostics()[0].code == code::nesting_too_deep);
  CHECK(parsed.diagnostics()[0].message == "expression nested too deeply (more than 256 levels of operators)");
  CHECK(parsed.diagnostics()[0].where.line == 2);
  CHECK(parsed.diagnostics()[0].where.col == 8);
}

TEST_CASE("a 100,000-term chain of operators is refused as too deep", "[nesting]") {
  Parsed parsed(finding_when("x" + repeated(" + x", 100'000) + " > 1"));
  REQUIRE(parsed.diagnostics().size() == 1);
  CHECK(parsed.diagnostics()[0].code == code::nesting_too_deep);
  CHECK(parsed.diagnostics()[0].where.col == 8);
  CHECK(Parsed(finding_when(repeated("- ", 100'000) + "1 < x")).diagnostics().at(0).code == code::nesting_too_deep);
}

TEST_CASE("a chain up to the depth limit parses", "[nesting]") {
  ParseLimits limits;
  limits.max_depth = 10;
  CHECK(Parsed(finding_when("not not not not not not not not not x"), limits).diagnostics().empty());
  CHECK(Parsed(finding_when("not not not not not not not not not not x"), limits).positions() ==
        "2:8: expression nested too deeply (more than 10 levels of operators)\n");
  CHECK(Parsed(finding_when("a + a + a + a + a + a + a + a + a + a"), limits).diagnostics().empty());
  CHECK(Parsed(finding_when("a + a + a + a + a + a + a + a + a + a + a"), limits).diagnostics().size() == 1);
}

TEST_CASE("a call with many arguments is wide, not deep", "[nesting]") {
  Parsed parsed(finding_when("any(x" + repeated(", x", 10'000) + ")"));
  INFO(parsed.rendered());
  CHECK(parsed.diagnostics().empty());
}
