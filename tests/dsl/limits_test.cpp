// The rule file's size limits (ParseLimits): a file, a text and a count of declarations over their limit
// each get one positioned error, found before the work the limit guards against is done.
#include <catch2/catch.hpp>

#include "dsl/diagnostic_codes.hpp"
#include "dsl/size_limit.hpp"
#include "parse_fixture.hpp"

using namespace rapport::dsl;
using namespace rapport::dsl::testing;

namespace {

// "source s0 end\n" ... : `count` small declarations, one a line.
std::string sources(std::size_t count) {
  std::string text;
  for (std::size_t i = 0; i < count; ++i) text += "source s" + std::to_string(i) + " end\n";
  return text;
}

// A source whose title is `literal` (written with its quotes), on line 2 from column 9.
std::string titled(const std::string& literal) { return "source s\n  title " + literal + "\nend\n"; }

}  // namespace

// ---------------------------------------------------------------- file size

TEST_CASE("a rule file at the size limit parses, and one byte more is refused at 1:1", "[limits]") {
  const std::string text = "source s end\n# ";
  ParseLimits limits;
  limits.max_file_bytes = text.size() + 10;
  CHECK(Parsed(text + std::string(10, 'x'), limits).diagnostics().empty());
  const Parsed over(text + std::string(11, 'x'), limits);
  REQUIRE(over.diagnostics().size() == 1);
  const Diagnostic& d = over.diagnostics()[0];
  CHECK(d.code == code::file_too_large);
  CHECK(over.positions() == "1:1: the rule file is 26 bytes, more than the limit of 25 bytes\n");
  CHECK(d.help == "split the rules into several .rules files in one directory, and name the directory with -r");
  CHECK(over.declarations().empty());  // not parsed at all
}

TEST_CASE("the default rule file limit is 16 MiB, and a larger file is refused without being parsed", "[limits]") {
  CHECK(ParseLimits{}.max_file_bytes == 16u * 1024 * 1024);
  // Parsed, this would be 17 MiB of nested parentheses and broken declarations: thousands of errors.
  std::string text = "finding f\n  when ";
  text.resize(17u * 1024 * 1024, '(');
  const Parsed parsed(std::move(text));
  REQUIRE(parsed.diagnostics().size() == 1);
  CHECK(parsed.positions() == "1:1: the rule file is 17 MiB, more than the limit of 16 MiB\n");
}

TEST_CASE("sizes in messages read in bytes, KiB or MiB, with a decimal only when it says something", "[limits]") {
  CHECK(byte_size_text(1) == "1 byte");
  CHECK(byte_size_text(812) == "812 bytes");
  CHECK(byte_size_text(64 * 1024) == "64 KiB");
  CHECK(byte_size_text(16 * 1024 * 1024 + 512 * 1024) == "16.5 MiB");
  CHECK(byte_size_text(std::size_t{3} << 30) == "3 GiB");
  CHECK(too_large_message("the text", 65537, 65536) == "the text is 65537 bytes, more than the limit of 65536 bytes");
  CHECK(too_large_message("the text", 70000, 65536) == "the text is 68.4 KiB, more than the limit of 64 KiB");
}

// ---------------------------------------------------------------- text length

TEST_CASE("a text at the length limit parses, and one byte more is refused at its opening quote", "[limits]") {
  CHECK(ParseLimits{}.max_text_bytes == 64u * 1024);
  const std::size_t limit = ParseLimits{}.max_text_bytes;
  const Parsed at(titled("\"" + std::string(limit, 'a') + "\""));
  INFO(at.positions());
  CHECK(at.diagnostics().empty());
  const Parsed over(titled("\"" + std::string(limit + 1, 'a') + "\""));
  REQUIRE(over.diagnostics().size() == 1);
  const Diagnostic& d = over.diagnostics()[0];
  CHECK(d.code == code::text_too_long);
  CHECK(over.positions() == "2:9: the text is 65537 bytes, more than the limit of 65536 bytes\n");
  CHECK(d.help == "shorten it: a report's texts are read by people, a few paragraphs at most");
}

TEST_CASE("the text length limit counts every joined literal, as written", "[limits]") {
  ParseLimits limits;
  limits.max_text_bytes = 10;
  CHECK(Parsed(titled("\"abcde\"\n    \"fghij\""), limits).diagnostics().empty());
  CHECK(Parsed(titled("\"abcde\"  # a comment is not text\n    \"fghij\""), limits).diagnostics().empty());
  CHECK(Parsed(titled("\"abcde\"\n    \"fghijk\""), limits).positions() ==
        "2:9: the text is 11 bytes, more than the limit of 10 bytes\n");
  // Escapes count as written: \n is two bytes here.
  CHECK(Parsed(titled(R"("abcdefghi\n")"), limits).diagnostics().at(0).code == code::text_too_long);
}

TEST_CASE("an over-long text full of empty placeholders is refused once, without decoding them", "[limits]") {
  std::string placeholders;
  for (int i = 0; i < 512 * 1024; ++i) placeholders += "{}";  // each an error, if it were decoded
  const Parsed parsed(titled("\"" + placeholders + "\""));
  REQUIRE(parsed.diagnostics().size() == 1);
  CHECK(parsed.diagnostics()[0].code == code::text_too_long);
  CHECK(parsed.positions() == "2:9: the text is 1 MiB, more than the limit of 64 KiB\n");
}

TEST_CASE("the text limit applies to evidence quotes and benchmark quotes too", "[limits]") {
  ParseLimits limits;
  limits.max_text_bytes = 4;
  const Parsed parsed("metric m\n  benchmark it 58% from s \"12345\"\nend\nfinding f\n  evidence s \"abcde\"\nend\n",
                      limits);
  CHECK(parsed.positions() ==
        "2:27: the text is 5 bytes, more than the limit of 4 bytes\n"
        "5:14: the text is 5 bytes, more than the limit of 4 bytes\n");
}

// ---------------------------------------------------------------- number of declarations

TEST_CASE("a rule file with as many declarations as the limit parses, and the next one is refused", "[limits]") {
  ParseLimits limits;
  limits.max_declarations = 3;
  CHECK(Parsed(sources(3), limits).diagnostics().empty());
  // Nothing after the first declaration over the limit is read: the broken one after it is not reported.
  const Parsed over(sources(4) + "finding broken when\n", limits);
  REQUIRE(over.diagnostics().size() == 1);
  const Diagnostic& d = over.diagnostics()[0];
  CHECK(d.code == code::too_many_declarations);
  CHECK(over.positions() == "4:1: more than 3 declarations in one rule file\n");
  CHECK(d.help == "split the rules into several .rules files in one directory, and name the directory with -r");
  CHECK(over.declarations().size() == 3);
}

TEST_CASE("declarations on one line count one by one against the limit", "[limits]") {
  ParseLimits limits;
  limits.max_declarations = 2;
  CHECK(Parsed("source a end source b end source c end\n", limits).positions() ==
        "1:27: more than 2 declarations in one rule file\n");
}

TEST_CASE("the default limit of 100,000 declarations is refused at declaration 100,001", "[limits]") {
  CHECK(ParseLimits{}.max_declarations == 100'000);
  CHECK(Parsed(sources(100'000)).diagnostics().empty());
  const Parsed over(sources(100'001));
  REQUIRE(over.diagnostics().size() == 1);
  CHECK(over.positions() == "100001:1: more than 100000 declarations in one rule file\n");
}

// ---------------------------------------------------------------- no exponential time

TEST_CASE("unclosed nesting just under the limit fails with one error, not a search of every reading", "[limits]") {
  // Each of these would take exponential time if the grammar retried alternatives at every level.
  for (const std::string& condition :
       {std::string(60, '(') + "x <", [] { std::string s; for (int i = 0; i < 60; ++i) s += "f("; return s + "x"; }(),
        [] { std::string s; for (int i = 0; i < 60; ++i) s += "min(x, "; return s; }(),
        [] { std::string s; for (int i = 0; i < 30; ++i) s += "not (-"; return s + "x and"; }()}) {
    INFO(condition);
    const Parsed parsed(finding_when(condition));
    REQUIRE(parsed.diagnostics().size() == 1);
    CHECK(parsed.diagnostics()[0].code == code::syntax);
  }
}
