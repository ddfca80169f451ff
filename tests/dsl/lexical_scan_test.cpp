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

namespace {

// The scans as first written, token by token from the start: the line-wise scans must agree with them.
Token previous_token_from_start(std::string_view text, std::size_t from, std::size_t at) {
  Token previous;
  for (Token token = next_token(text, from, at); token.kind != TokenKind::End; token = next_token(text, token.end, at))
    if (token.kind != TokenKind::Comment) previous = token;
  return previous;
}

std::vector<Span> comment_spans_from_start(std::string_view text) {
  std::vector<Span> spans;
  for (Token token = next_token(text, 0, text.size()); token.kind != TokenKind::End;
       token = next_token(text, token.end, text.size()))
    if (token.kind == TokenKind::Comment)
      spans.push_back({static_cast<std::uint32_t>(token.begin), static_cast<std::uint32_t>(token.end)});
  return spans;
}

}  // namespace

TEST_CASE("the previous token and the comments, found line by line, are those a scan from the start finds",
          "[lexical]") {
  // Random texts of the pieces that matter: strings (closed, open, with '#' and escapes), comments,
  // words, numbers, operators, blank lines and CRLF.
  const std::vector<std::string> pieces{"when", " ", "it.sat", "60%", ">=", "(", ")", "\"a # b\"", "\"open # x",
                                        "\"esc \\\" #\"", "# note", "\n", "\r\n", "\n\n", "\t", "10pp", "and", "é", "  ", "\r",
                                        "x", "<=", "3.5", "all(", ",", " \n"};
  std::uint64_t state = 12345;
  auto next = [&state](std::size_t n) {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<std::size_t>((state >> 33) % n);
  };
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    const std::size_t count = next(40);
    for (std::size_t i = 0; i < count; ++i) text += pieces[next(pieces.size())];
    std::vector<Span> found;
    for (const auto& comment : comments(text)) found.push_back(comment.span);
    INFO("text: " << text);
    REQUIRE(found == comment_spans_from_start(text));
    for (int probe = 0; probe < 20; ++probe) {
      const std::size_t at = next(text.size() + 2);
      const std::size_t from = next(at + 1);
      const Token fast = previous_token(text, from, at);
      const Token slow = previous_token_from_start(text, from, at);
      INFO("from " << from << ", at " << at);
      CHECK(fast.kind == slow.kind);
      CHECK(fast.begin == slow.begin);
      CHECK(fast.end == slow.end);
    }
  }
}
