// Syntax errors: each one positioned exactly, worded as "expected X after 'Y'", and every
// error in a file reported, with recovery at the next declaration.
#include <catch2/catch.hpp>

#include "dsl/diagnostic_codes.hpp"
#include "parse_fixture.hpp"

using namespace rapport::dsl;
using namespace rapport::dsl::testing;

TEST_CASE("a value where a comparison should follow is reported at the value, after the reference", "[syntax]") {
  Parsed parsed(
      "finding trust\n"
      "  title \"Few trust marketing\"\n"
      "  severity high\n"
      "  when marketing.satisfaction 30%\n"
      "end\n");
  REQUIRE(parsed.diagnostics().size() == 1);
  const Diagnostic& d = parsed.diagnostics()[0];
  CHECK(d.code == code::syntax);
  CHECK(d.message == "expected a comparison after 'marketing.satisfaction'");
  CHECK(d.where.file == "test.rules");
  CHECK(d.where.line == 4);
  CHECK(d.where.col == 31);
  CHECK(parsed.rendered() ==
        "test.rules:4:31: error: expected a comparison after 'marketing.satisfaction'\n"
        "   4 |   when marketing.satisfaction 30%\n"
        "     |                               ^\n");
}

TEST_CASE("after a complete condition, something else is reported as a missing operator", "[syntax]") {
  CHECK(Parsed(finding_when("a > 3 b")).positions() == "2:14: expected an operator after '3'\n");
  CHECK(Parsed(finding_when("done 3")).positions() == "2:13: expected an operator after 'done'\n");
  CHECK(Parsed("recommendation r\n  priority 50 60\nend\n").positions() ==
        "2:15: expected an operator after '50'\n");
}

TEST_CASE("a priority that is followed by something else expects an operator", "[syntax]") {
  CHECK(Parsed("recommendation r\n  priority it.x 2\nend\n").positions() ==
        "2:17: expected an operator after 'it.x'\n");
}

TEST_CASE("an unknown field keyword lists the fields of that declaration", "[syntax]") {
  CHECK(Parsed("finding f\n  titel \"x\"\nend\n").positions() ==
        "2:3: expected a field of a finding (title, severity, when, evidence, narrative) or 'end' after 'f'\n");
  CHECK(Parsed("source s\n  title \"x\"\n  severity high\nend\n").positions() ==
        "3:3: expected a field of a source (title, by, year, sample, url, note) or 'end' after '\"x\"'\n");
  CHECK(Parsed("metric m\n  kind share\n  owner cio\nend\n").positions() ==
        "3:3: expected a field of a metric (question, label, kind, asked, benchmark) or 'end' after 'share'\n");
  CHECK(Parsed("recommendation r\n  narrative \"x\"\nend\n").positions() ==
        "2:3: expected a field of a recommendation (title, owner, horizon, when, priority, action, rationale) "
        "or 'end' after 'r'\n");
}

TEST_CASE("a missing end is reported at the next declaration, which still parses", "[syntax]") {
  Parsed parsed("finding f\n  title \"x\"\nfinding g\n  title \"y\"\nend\n");
  CHECK(parsed.positions() ==
        "3:1: expected a field of a finding (title, severity, when, evidence, narrative) or 'end' after '\"x\"'\n");
  REQUIRE(parsed.declarations().size() == 1);
  CHECK(parsed.declarations()[0].id.name == "g");
}

TEST_CASE("a missing end at the end of the file is reported just after the last token", "[syntax]") {
  CHECK(Parsed("finding f\n  severity high\n\n").positions() ==
        "2:16: expected a field of a finding (title, severity, when, evidence, narrative) or 'end' after 'high'\n");
  CHECK(Parsed("finding f\n  when x > 1  # trailing comment").positions() ==
        "2:13: expected a field of a finding (title, severity, when, evidence, narrative) or 'end' after '1'\n");
}

TEST_CASE("every syntax error in a file is reported, and good declarations survive", "[syntax]") {
  Parsed parsed(
      "source s\n"
      "  title \"ok\"\n"
      "end\n"
      "finding a\n"
      "  when x >\n"
      "end\n"
      "finding b\n"
      "  severity urgent\n"
      "end\n"
      "metric m\n"
      "  kind share\n"
      "end\n"
      "recommendation r\n"
      "  horizon 30 weeks\n"
      "end\n");
  CHECK(parsed.positions() ==
        "6:1: expected an expression after '>'\n"
        "8:12: expected a severity (info, low, medium, high or critical) after 'severity'\n"
        "14:14: expected 'days' after '30'\n");
  REQUIRE(parsed.declarations().size() == 2);
  CHECK(parsed.declarations()[0].id.name == "s");
  CHECK(parsed.declarations()[1].id.name == "m");
}

TEST_CASE("text before the first declaration is an error", "[syntax]") {
  CHECK(Parsed("# fine\nhello world\nsource s end\n").positions() ==
        "2:1: expected a declaration: source, metric, finding or recommendation\n");
}

TEST_CASE("text after a declaration's end is an error", "[syntax]") {
  CHECK(Parsed("source s\nend\nstray\n").positions() ==
        "3:1: expected a declaration: source, metric, finding or recommendation after 'end'\n");
  CHECK(Parsed("source s end )\n").positions() ==
        "1:14: expected a declaration: source, metric, finding or recommendation after 'end'\n");
}

TEST_CASE("an unterminated string is reported at its opening quote", "[syntax]") {
  Parsed parsed("source s\n  title \"abc\nend\nsource t end\n");
  CHECK(parsed.positions() == "2:9: unterminated string\n");
  CHECK(parsed.diagnostics()[0].help ==
        "close it with '\"' on the same line; a long text continues in a second string");
  REQUIRE(parsed.declarations().size() == 1);
  CHECK(Parsed("source s\n  title \"abc \\\"\nend\n").positions() == "2:9: unterminated string\n");
}

TEST_CASE("a space between a number and its unit is reported at the unit", "[syntax]") {
  Parsed parsed(finding_when("x > 90 %"));
  CHECK(parsed.positions() == "2:15: a space separates '90' from its unit '%'\n");
  CHECK(parsed.diagnostics()[0].help == "write '90%'");
  CHECK(Parsed(finding_when("x > 10 pp")).positions() == "2:15: a space separates '10' from its unit 'pp'\n");
  CHECK(Parsed("metric m\n  benchmark it 58 % from s\nend\n").positions() ==
        "2:19: a space separates '58' from its unit '%'\n");
}

TEST_CASE("a unit after a unit is not taken for a spaced unit", "[syntax]") {
  CHECK(Parsed(finding_when("x > 90% %")).positions() == "2:16: expected an operator after '90%'\n");
}

TEST_CASE("a number too large for a double is an error, not a zero", "[syntax]") {
  const Parsed huge(finding_when("x > 1" + std::string(400, '0')));
  CHECK(huge.positions() == "2:12: the number '1" + std::string(23, '0') + "…' is out of range\n");
  REQUIRE(huge.diagnostics().size() == 1);
  CHECK(huge.diagnostics()[0].code == code::bad_value);
  CHECK(huge.diagnostics()[0].help ==
        "a number in a rule lies between about 1e-308 and 1e308 (or is 0); write one in that range");
  CHECK(Parsed("source s\n  year 1" + std::string(400, '0') + "\nend\n").positions() ==
        "2:8: the number '1" + std::string(23, '0') + "…' is out of range\n");
}

TEST_CASE("a number too small to tell from zero is an error, not a zero", "[syntax]") {
  const Parsed tiny(finding_when("x > 0." + std::string(400, '0') + "1"));
  CHECK(tiny.positions() == "2:12: the number '0." + std::string(22, '0') + "…' is out of range\n");
  CHECK(Parsed(finding_when("x > 0." + std::string(300, '0') + "1")).diagnostics().empty());  // 1e-301 is fine
}

TEST_CASE("comparisons do not chain", "[syntax]") {
  Parsed parsed(finding_when("a < b < c"));
  CHECK(parsed.positions() == "2:14: comparisons do not chain\n");
  CHECK(parsed.diagnostics()[0].help == "join two comparisons with 'and', as in 'a < b and b < c'");
  CHECK(Parsed(finding_when("a = b = c")).positions() == "2:14: comparisons do not chain\n");
}

TEST_CASE("a missing operand is an expected expression after the operator", "[syntax]") {
  CHECK(Parsed(finding_when("a or")).positions() == "3:1: expected an expression after 'or'\n");
  CHECK(Parsed(finding_when("a and and b")).positions() == "2:14: expected an expression after 'and'\n");
  CHECK(Parsed(finding_when("a + * b")).positions() == "2:12: expected an expression after '+'\n");
  CHECK(Parsed(finding_when("not")).positions() == "3:1: expected an expression after 'not'\n");
  CHECK(Parsed("finding f\n  when\nend\n").positions() == "3:1: expected an expression after 'when'\n");
}

TEST_CASE("unbalanced parentheses and bad argument lists are reported where they go wrong", "[syntax]") {
  CHECK(Parsed(finding_when("(a or b")).positions() == "3:1: expected ')' after 'b'\n");
  CHECK(Parsed(finding_when("f(a b)")).positions() == "2:12: expected ',' or ')' after 'a'\n");
  CHECK(Parsed(finding_when("f(a,)")).positions() == "2:12: expected an expression after ','\n");
  CHECK(Parsed(finding_when("f(+)")).positions() == "2:10: expected an expression after '('\n");
  CHECK(Parsed(finding_when("a > 1)")).positions() == "2:13: expected an operator after '1'\n");
}

TEST_CASE("a group reference needs a dot and a metric id", "[syntax]") {
  CHECK(Parsed(finding_when("it > 3")).positions() == "2:11: expected '.' after 'it'\n");
  CHECK(Parsed(finding_when("marketing. > 3")).positions() == "2:19: expected a metric id after 'marketing.'\n");
  CHECK(Parsed(finding_when("it.end > 3")).positions() == "2:11: expected a metric id after 'it.'\n");
}

TEST_CASE("reserved words are not identifiers", "[syntax]") {
  CHECK(Parsed("finding end\nend\n").positions() == "1:9: expected a finding id after 'finding'\n");
  CHECK(Parsed(finding_when("x and marketing")).positions() == "3:1: expected '.' after 'marketing'\n");
  CHECK(Parsed("source\nend\n").positions() == "2:1: expected a source id after 'source'\n");
}

TEST_CASE("each field reports what its value should be", "[syntax]") {
  CHECK(Parsed("source s\n  title foo\nend\n").positions() == "2:9: expected a string after 'title'\n");
  CHECK(Parsed("source s\n  year 2010.5\nend\n").positions() == "2:8: expected a whole number after 'year'\n");
  CHECK(Parsed("source s\n  sample all 10\nend\n").positions() ==
        "2:10: expected a group (it, marketing or total) after 'sample'\n");
  CHECK(Parsed("source s\n  sample it 10,\nend\n").positions() ==
        "3:1: expected a group (it, marketing or total) after ','\n");
  CHECK(Parsed("source s\n  sample it ten\nend\n").positions() == "2:13: expected a whole number after 'it'\n");
  CHECK(Parsed("metric m\n  kind percent\nend\n").positions() ==
        "2:8: expected a kind of metric (share, scale, number or flag) after 'kind'\n");
  CHECK(Parsed("metric m\n  kind scale 1 5\nend\n").positions() == "2:16: expected 'to' after '1'\n");
  CHECK(Parsed("metric m\n  kind scale low to 5\nend\n").positions() == "2:14: expected a number after 'scale'\n");
  CHECK(Parsed("metric m\n  asked everyone\nend\n").positions() ==
        "2:9: expected a group (it, marketing, company or both) after 'asked'\n");
  CHECK(Parsed("metric m\n  asked it, both\nend\n").positions() ==
        "2:13: expected a group (it, marketing or company) after ','\n");
  CHECK(Parsed("metric m\n  benchmark all 5% from s\nend\n").positions() ==
        "2:13: expected a group (it, marketing or company) after 'benchmark'\n");
  CHECK(Parsed("metric m\n  benchmark it about from s\nend\n").positions() ==
        "2:22: expected a number after 'about'\n");
  CHECK(Parsed("metric m\n  benchmark it 5% s\nend\n").positions() == "2:19: expected 'from' after '5%'\n");
  CHECK(Parsed("metric m\n  benchmark it 5% from \"s\"\nend\n").positions() ==
        "2:24: expected a source id after 'from'\n");
  CHECK(Parsed("finding f\n  evidence \"quote\"\nend\n").positions() ==
        "2:12: expected a source id after 'evidence'\n");
  CHECK(Parsed("finding f\n  evidence s\nend\n").positions() == "3:1: expected a string after 's'\n");
  CHECK(Parsed("recommendation r\n  owner ceo\nend\n").positions() ==
        "2:9: expected an owner (cio, cmo or both) after 'owner'\n");
  CHECK(Parsed("recommendation r\n  horizon soon\nend\n").positions() ==
        "2:11: expected a whole number after 'horizon'\n");
}

TEST_CASE("a long string before an error is shortened in the message", "[syntax]") {
  CHECK(Parsed("source s\n  title \"a very long title that goes on and on\" 3\nend\n").positions() ==
        "2:49: expected a field of a source (title, by, year, sample, url, note) or 'end' after "
        "'\"a very long title that …\"'\n");
}

TEST_CASE("columns of errors count code points", "[syntax]") {
  CHECK(Parsed("source s\n  title \"é–é\" 7\nend\n").positions() ==
        "2:15: expected a field of a source (title, by, year, sample, url, note) or 'end' after '\"é–é\"'\n");
}

TEST_CASE("bad escapes are reported at the backslash and the declaration is kept", "[syntax]") {
  Parsed parsed("source s\n  title \"a \\q b \\u{110000} c \\u{zz} d \\é\"\nend\n");
  CHECK(parsed.positions() ==
        "2:12: unknown escape '\\q' in a string\n"
        "2:17: bad unicode escape '\\u{110000}' in a string\n"
        "2:30: bad unicode escape '\\u{zz}' in a string\n"
        "2:39: unknown escape '\\é' in a string\n");
  for (const Diagnostic& d : parsed.diagnostics()) CHECK(d.code == code::bad_escape);
  REQUIRE(parsed.declarations().size() == 1);
}

TEST_CASE("stray or empty braces in a text are bad placeholders", "[syntax]") {
  Parsed parsed("source s\n  title \"a } b {} c { d\"\nend\n");
  CHECK(parsed.positions() ==
        "2:12: unmatched '}' in a string\n"
        "2:16: empty placeholder '{}' in a string\n"
        "2:21: unclosed '{' in a string\n");
  for (const Diagnostic& d : parsed.diagnostics()) CHECK(d.code == code::bad_placeholder);
}

TEST_CASE("errors inside a placeholder are placed at the right column", "[syntax]") {
  CHECK(Parsed("source s\n  title \"x {it.} y\"\nend\n").positions() ==
        "2:16: expected a metric id after 'it.'\n");
  CHECK(Parsed("source s\n  title \"é {a b} y\"\nend\n").positions() ==
        "2:15: expected an operator or '}' after 'a'\n");
  CHECK(Parsed("source s\n  title \"{a +}\"\nend\n").positions() == "2:14: expected an expression after '+'\n");
  CHECK(Parsed("source s\n  title \"{)}\"\nend\n").positions() == "2:11: expected an expression\n");
  CHECK(Parsed("source s\n  title \"{a < b < c}\"\nend\n").positions() == "2:17: comparisons do not chain\n");
}

TEST_CASE("a keyword that starts a line always starts a new declaration", "[syntax]") {
  Parsed parsed("finding f\n  when a >\nmetric m\n  kind share\nend\n");
  CHECK(parsed.positions() == "3:1: expected an expression after '>'\n");
  REQUIRE(parsed.declarations().size() == 1);
  CHECK(parsed.declarations()[0].id.name == "m");
}
