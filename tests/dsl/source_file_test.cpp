// SourceFile maps byte offsets to 1-based line:col (code points); SourceMap finds files by path.
#include <catch2/catch.hpp>

#include "dsl/source_file.hpp"

using rapport::dsl::SourceFile;
using rapport::dsl::SourceMap;

TEST_CASE("locate gives 1-based lines and columns", "[source_file]") {
  const SourceFile file("a.rules", "ab\ncd\n\nef");
  CHECK(file.locate(0).line == 1);
  CHECK(file.locate(0).col == 1);
  CHECK(file.locate(1).col == 2);
  CHECK(file.locate(2).col == 3);  // the newline itself is the column after the last character
  CHECK(file.locate(3).line == 2);
  CHECK(file.locate(3).col == 1);
  CHECK(file.locate(6).line == 3);
  CHECK(file.locate(8).line == 4);
  CHECK(file.locate(8).col == 2);
  CHECK(file.locate(8).file == "a.rules");
}

TEST_CASE("columns count code points, not bytes", "[source_file]") {
  const std::string text = "title \"CMO–CIO é\" x";
  const SourceFile file("a.rules", text);
  const auto x = static_cast<std::uint32_t>(text.find(" x") + 1);
  CHECK(file.locate(x).col == 19);
}

TEST_CASE("a byte order mark at the start of the file is not a column", "[source_file]") {
  const SourceFile file("a.rules", "\xEF\xBB\xBFsource x\nend");
  CHECK(file.locate(3).col == 1);
  CHECK(file.locate(10).col == 8);
  CHECK(file.line(1) == "source x");
}

TEST_CASE("CRLF and a lone CR each end one line, as LF does", "[source_file]") {
  const SourceFile file("a.csv", "ab\r\ncd\ref\ngh");
  CHECK(file.locate(4).line == 2);
  CHECK(file.locate(7).line == 3);
  CHECK(file.locate(7).col == 1);
  CHECK(file.locate(10).line == 4);
  CHECK(file.line(1) == "ab");
  CHECK(file.line(2) == "cd");
  CHECK(file.line(3) == "ef");
  CHECK(file.line(4) == "gh");
}

TEST_CASE("an offset past the end is clamped to the end of the text", "[source_file]") {
  const SourceFile file("a.rules", "ab\ncd");
  CHECK(file.locate(99).line == 2);
  CHECK(file.locate(99).col == 3);
}

TEST_CASE("the underline length counts code points and stops at the end of the line", "[source_file]") {
  const SourceFile file("a.rules", "é abc\nnext");
  CHECK(file.locate(0, 2).length == 1);   // é is two bytes, one code point
  CHECK(file.locate(3, 3).length == 3);
  CHECK(file.locate(3, 50).length == 3);  // cut at the newline
  CHECK(file.locate(6).length == 1);
}

TEST_CASE("line returns a line without its line ending", "[source_file]") {
  const SourceFile file("a.rules", "one\r\ntwo\nthree");
  CHECK(file.line(1) == "one");
  CHECK(file.line(2) == "two");
  CHECK(file.line(3) == "three");
  CHECK(file.line(4).empty());
  CHECK(file.line(0).empty());
}

TEST_CASE("a source map finds files by path and replaces a re-added path", "[source_file]") {
  SourceMap sources;
  sources.add("a.rules", "first");
  sources.add("b.rules", "second");
  REQUIRE(sources.find("a.rules") != nullptr);
  CHECK(sources.find("a.rules")->text() == "first");
  CHECK(sources.find("missing.rules") == nullptr);
  sources.add("a.rules", "changed");
  CHECK(sources.find("a.rules")->text() == "changed");
}
