// The grammar-free scans: where declarations start, comments, parenthesis depth, previous token.
#include <catch2/catch.hpp>

#include "dsl/lexical_scan.hpp"

using namespace rapport::dsl;
using namespace rapport::dsl::lexical;

TEST_CASE("a declaration starts at a line whose first word is a declaration keyword", "[lexical]") {
  const std::string text =
      "source a end\n"
      "  metric b\n"
      "\tfinding c\n"
      "recommendation d\n"
      "sourced e\n"           // a longer word, not the keyword
      "  title \"metric\"\n"  // not the first word
      "x finding\n"
      "metric_x\n";
  CHECK(declaration_starts(text) == std::vector<std::size_t>{0, 15, 25, 35});
}

TEST_CASE("a declaration keyword right after a byte order mark starts a declaration", "[lexical]") {
  CHECK(declaration_starts("\xEF\xBB\xBFsource s end") == std::vector<std::size_t>{3});
}

TEST_CASE("comments are found outside strings only, without their line ending", "[lexical]") {
  const auto found = comments("# one\r\ntitle \"# not\" # two\n\"open # string\nlast # three");
  REQUIRE(found.size() == 3);
  CHECK(found[0].text == "# one");
  CHECK(found[0].span == Span{0, 5});
  CHECK(found[1].text == "# two");
  CHECK(found[2].text == "# three");
}

TEST_CASE("parenthesis depth ignores strings and comments and reports the first too deep", "[lexical]") {
  CHECK(too_deep_parenthesis("(()) ((x))", 0, 10, 2) == std::string::npos);
  CHECK(too_deep_parenthesis("((( ", 0, 4, 2) == 2);
  CHECK(too_deep_parenthesis("\"(((\" # (((\n(", 0, 13, 0) == 12);
  CHECK(too_deep_parenthesis("))((", 0, 4, 1) == 3);  // a stray ')' does not make room
}

TEST_CASE("the previous token is a dotted reference, a number with its unit, a string or an operator", "[lexical]") {
  const std::string text = "when marketing.satisfaction 30% >= \"a b\" # note\n  x";
  const auto before = [&](std::string_view what) {
    const Token t = previous_token(text, 0, text.find(what));
    return text.substr(t.begin, t.end - t.begin);
  };
  CHECK(before("30%") == "marketing.satisfaction");
  CHECK(before(">=") == "30%");
  CHECK(before("\"a b\"") == ">=");
  CHECK(before("x") == "\"a b\"");  // the comment is skipped
  CHECK(previous_token(text, 0, 0).kind == TokenKind::End);
}

TEST_CASE("skipping blanks passes whitespace and comments", "[lexical]") {
  const std::string text = "  # c\n\t x";
  CHECK(skip_blanks(text, 0, text.size()) == text.size() - 1);
  CHECK(skip_blanks(text, 0, 3) == 3);
}
