// The canonical layout, construct by construct: what `rapport fmt` prints for small inputs.
#include <catch2/catch.hpp>

#include "dsl/format.hpp"
#include "dsl/format_equivalence.hpp"
#include "dsl/format_expr.hpp"
#include "parse_fixture.hpp"

using namespace rapport::dsl;
using namespace rapport::dsl::testing;

namespace {

// The canonical text of `text`, which must parse; checks on the way that formatting it again
// changes nothing and that it says what `text` said.
std::string formatted(const std::string& text, unsigned width = FormatOptions{}.width) {
  SourceMap sources;
  const FormatResult result = format_source(sources.add("test.rules", text), {width});
  INFO(text);
  REQUIRE(result.diagnostics.empty());
  REQUIRE(result.text);
  SourceMap again;
  const FormatResult twice = format_source(again.add("test.rules", *result.text), {width});
  REQUIRE(twice.text);
  CHECK(*twice.text == *result.text);
  CHECK(syntax_difference(Parsed(text).result.file, Parsed(*result.text).result.file) == "");
  return *result.text;
}

// The condition of a one-finding file, as the formatter prints it.
std::string condition(const std::string& written) {
  const std::string text = formatted(finding_when(written));
  const std::string prefix = "finding f\n  when ";
  REQUIRE(text.starts_with(prefix));
  REQUIRE(text.ends_with("\nend\n"));
  return text.substr(prefix.size(), text.size() - prefix.size() - 5);
}

}  // namespace

TEST_CASE("a declaration is laid out with its fields indented two spaces and end at column 1", "[format]") {
  CHECK(formatted("finding   f title \"T\"    severity high\n      when x\n   end") ==
        "finding f\n  title \"T\"\n  severity high\n  when x\nend\n");
  CHECK(formatted("finding f end") == "finding f\nend\n");
}

TEST_CASE("declarations are separated by exactly one blank line", "[format]") {
  CHECK(formatted("finding a\nend\nfinding b\nend\n\n\n\nfinding c\nend finding d\nend\n") ==
        "finding a\nend\n\nfinding b\nend\n\nfinding c\nend\n\nfinding d\nend\n");
}

TEST_CASE("blank lines between fields are kept, one at most, but not after the header or before end",
          "[format]") {
  CHECK(formatted("finding a\n\n\n  title \"T\"\n\n\n\n  severity low\n  when x\n\n\nend\n") ==
        "finding a\n  title \"T\"\n\n  severity low\n  when x\nend\n");
}

TEST_CASE("simple fields keep their words and numbers as written, one space apart", "[format]") {
  CHECK(formatted("source s\n  sample marketing 405 ,it    252\n  year   2010\nend\n") ==
        "source s\n  sample marketing 405, it 252\n  year 2010\nend\n");
  CHECK(formatted("metric m\n  kind scale  -2  to  2.5\n  asked it ,marketing\nend\n") ==
        "metric m\n  kind scale -2 to 2.5\n  asked it, marketing\nend\n");
  CHECK(formatted("metric m\n  benchmark  it   about 58%  from   s\nend\n") ==
        "metric m\n  benchmark it about 58% from s\nend\n");
  CHECK(formatted("recommendation r\n  owner   cmo  horizon  090   days\nend\n") ==
        "recommendation r\n  owner cmo\n  horizon 090 days\nend\n");
}

TEST_CASE("expressions get the parentheses precedence requires and lose the others", "[format]") {
  CHECK(condition("((a)) or ((b))") == "a or b");
  CHECK(condition("(a or b) or c") == "a or b or c");
  CHECK(condition("a or (b or c)") == "a or (b or c)");  // another tree: the parentheses stay
  CHECK(condition("a and (b or c)") == "a and (b or c)");
  CHECK(condition("not (a or b)") == "not (a or b)");
  CHECK(condition("not (it.x < 3)") == "not it.x < 3");
  CHECK(condition("(not x) = true") == "(not x) = true");
  CHECK(condition("(a + b) * c > a + (b * c)") == "(a + b) * c > a + b * c");
  CHECK(condition("a - (b - c) < (a - b) - c") == "a - (b - c) < a - b - c");
  CHECK(condition("-(x * y) < (-x) * y") == "-(x * y) < -x * y");
  CHECK(condition("- - x > -(-y)") == "- -x > - -y");
}

TEST_CASE("and inside or is parenthesised, as a reader would want", "[format]") {
  CHECK(condition("a or b and c") == "a or (b and c)");
  CHECK(condition("a and b or c") == "(a and b) or c");
}

TEST_CASE("and inside or stays bare where its parentheses would nest deeper than the parser allows",
          "[format]") {
  std::string deep = "a or b and x";
  for (int level = 1; level < 40; ++level) deep = "a or b and (" + deep + ")";
  const std::string text = formatted(finding_when(deep), 10000);
  CHECK(text == finding_when(deep));
  CHECK(condition("a or b and c") == "a or (b and c)");  // other files are not affected
}

TEST_CASE("comparisons keep parentheses around comparison operands, as they do not chain", "[format]") {
  CHECK(condition("(a < b) = (c >= d)") == "(a < b) = (c >= d)");
  CHECK(condition("x == 3 and y != 4") == "x = 3 and y != 4");
}

TEST_CASE("number literals keep their spelling and unit", "[format]") {
  CHECK(condition("gap(x) <= -8pp and it.z > 0.5% and y = 007 and w < 2.50") ==
        "gap(x) <= -8pp and it.z > 0.5% and y = 007 and w < 2.50");
}

TEST_CASE("a long condition wraps before an operator, aligned with its first operand", "[format]") {
  CHECK(condition("aaaaaaaaaa or bbbbbbbbbb or cccccccccc or dddddddddd") ==
        "aaaaaaaaaa or bbbbbbbbbb or cccccccccc or dddddddddd");
  const std::string text = formatted(finding_when("aaaaaaaaaa or bbbbbbbbbb or cccccccccc or dddddddddd"), 40);
  CHECK(text ==
        "finding f\n"
        "  when aaaaaaaaaa or bbbbbbbbbb\n"
        "       or cccccccccc or dddddddddd\n"
        "end\n");
}

TEST_CASE("a parenthesised sum too long for any line breaks inside, aligned after its parenthesis",
          "[format]") {
  const std::string text =
      formatted("recommendation r\n  priority 35 + 5 * (weight(aaaaaa) + weight(bbbbbb) + weight(cccccc))"
                " + 100 * default(xxxxxxxx, 0)\nend\n",
                52);
  CHECK(text ==
        "recommendation r\n"
        "  priority 35 + 5 * (weight(aaaaaa) + weight(bbbbbb)\n"
        "                     + weight(cccccc))\n"
        "           + 100 * default(xxxxxxxx, 0)\n"
        "end\n");
}

TEST_CASE("long call arguments wrap after a comma, aligned after the call's parenthesis", "[format]") {
  const std::string text = formatted(finding_when("max(weight(aaaaaaaaaaaa), weight(bbbbbbbbbbbb), weight(c))"), 44);
  CHECK(text ==
        "finding f\n"
        "  when max(weight(aaaaaaaaaaaa),\n"
        "           weight(bbbbbbbbbbbb), weight(c))\n"
        "end\n");
}

TEST_CASE("comments keep their place: above declarations, between fields, at line ends, in expressions",
          "[format]") {
  CHECK(formatted("# header\n\n\n# about a\nfinding a # on the header\n# first\n  title \"T\"    # on a field   \n"
                  "end # on end\n# after\nfinding b\nend\n") ==
        "# header\n\n# about a\nfinding a # on the header\n  # first\n  title \"T\" # on a field\nend # on end\n\n"
        "# after\nfinding b\nend\n");
  CHECK(formatted(finding_when("a or # why b\n b")) == "finding f\n  when a # why b\n       or b\nend\n");
  CHECK(formatted(finding_when("a\n# own line\n or b")) == "finding f\n  when a\n       # own line\n       or b\nend\n");
  CHECK(formatted("finding f\n  when x\n  # before end\nend\n# last") ==
        "finding f\n  when x\n  # before end\nend\n\n# last\n");
}

TEST_CASE("strings are copied as written, one literal per line aligned under the first", "[format]") {
  CHECK(formatted("finding f\n  narrative \"a \\\"b\\\" {it.x} {{c}} \\u{e9}\"   \"d\"\n  \"e\"\nend\n") ==
        "finding f\n  narrative \"a \\\"b\\\" {it.x} {{c}} \\u{e9}\"\n            \"d\"\n            \"e\"\nend\n");
}

TEST_CASE("a quote goes below its evidence or benchmark, indented four, only when it does not fit", "[format]") {
  CHECK(formatted("finding f\n  evidence s\n    \"short\"\nend\n") == "finding f\n  evidence s \"short\"\nend\n");
  CHECK(formatted("finding f\n  evidence s \"a quote that is too long\"\nend\n", 30) ==
        "finding f\n  evidence s\n    \"a quote that is too long\"\nend\n");
  CHECK(formatted("metric m\n  benchmark it 45% from s \"a quote that is long\" \"and more\"\nend\n", 40) ==
        "metric m\n  benchmark it 45% from s\n    \"a quote that is long\"\n    \"and more\"\nend\n");
}

TEST_CASE("a file with syntax errors is not formatted: its diagnostics come back instead", "[format]") {
  SourceMap sources;
  const FormatResult result = format_source(sources.add("bad.rules", "finding f\n  when x <\nend\n"));
  CHECK_FALSE(result.text);
  REQUIRE(result.diagnostics.size() == 1);
  CHECK(result.diagnostics[0].where.line == 3);
}

TEST_CASE("line endings become LF, trailing blanks go, and a byte order mark stays", "[format]") {
  CHECK(formatted("finding f  \r\n  when x  # note  \r\nend\r\n") == "finding f\n  when x # note\nend\n");
  CHECK(formatted("\xEF\xBB\xBF# bom\nfinding f\nend") == "\xEF\xBB\xBF# bom\nfinding f\nend\n");
}

TEST_CASE("an empty file stays empty and a file of comments keeps them", "[format]") {
  CHECK(formatted("") == "");
  CHECK(formatted("\n\n  \n") == "");
  CHECK(formatted("\n\n# one\n\n\n\n   # two") == "# one\n\n# two\n");
}

TEST_CASE("the syntax comparison ignores positions and names the first difference", "[format]") {
  CHECK(syntax_difference(Parsed("finding f when a or b end").result.file,
                          Parsed("finding f\n  when (a) or b\nend\n").result.file) == "");
  const std::string difference = syntax_difference(Parsed("finding f when a or b and c end").result.file,
                                                   Parsed("finding f when (a or b) and c end").result.file);
  CHECK(difference.find("(or a (and b c))") != std::string::npos);
  CHECK(difference.find("(and (or a b) c)") != std::string::npos);
  CHECK(syntax_difference(Parsed("finding f end # a").result.file, Parsed("finding f end # b").result.file) != "");
  CHECK(syntax_difference(Parsed("finding f when x < 58% end").result.file,
                          Parsed("finding f when x < 0.58 end").result.file) != "");
}
