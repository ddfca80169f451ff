// Diagnostics render in the rustc/clang form and sort by place.
#include <catch2/catch.hpp>

#include "dsl/diagnostic.hpp"
#include "dsl/diagnostic_codes.hpp"
#include "dsl/source_file.hpp"

using namespace rapport::dsl;

namespace {

Diagnostic error_at(std::string file, std::uint32_t line, std::uint32_t col, std::string message) {
  Diagnostic d;
  d.code = code::syntax;
  d.message = std::move(message);
  d.where.file = std::move(file);
  d.where.line = line;
  d.where.col = col;
  return d;
}

std::string lines(int count) {
  std::string text;
  for (int i = 1; i <= count; ++i) text += "line " + std::to_string(i) + "\n";
  return text;
}

}  // namespace

TEST_CASE("an error renders its place, the quoted line and a caret under the column", "[render]") {
  SourceMap sources;
  std::string text = lines(13) + "  when marketing.satisfaction 30%\n";
  sources.add("rules/trust.rules", text);
  const auto d = error_at("rules/trust.rules", 14, 31, "expected a comparison after 'marketing.satisfaction'");
  CHECK(render(d, sources) ==
        "rules/trust.rules:14:31: error: expected a comparison after 'marketing.satisfaction'\n"
        "   14 |   when marketing.satisfaction 30%\n"
        "      |                               ^\n");
}

TEST_CASE("the gutter is as wide as the line number", "[render]") {
  SourceMap sources;
  sources.add("a.rules", "x y\n");
  CHECK(render(error_at("a.rules", 1, 3, "bad"), sources) ==
        "a.rules:1:3: error: bad\n"
        "   1 | x y\n"
        "     |   ^\n");
}

TEST_CASE("a longer location is underlined with a caret and tildes", "[render]") {
  SourceMap sources;
  sources.add("a.rules", "when foo > 1\n");
  auto d = error_at("a.rules", 1, 6, "unknown id 'foo'");
  d.where.length = 3;
  CHECK(render(d, sources) ==
        "a.rules:1:6: error: unknown id 'foo'\n"
        "   1 | when foo > 1\n"
        "     |      ^~~\n");
}

TEST_CASE("tabs in the quoted line stay tabs in the caret line", "[render]") {
  SourceMap sources;
  sources.add("a.rules", "\twhen\tx\n");
  CHECK(render(error_at("a.rules", 1, 7, "bad"), sources) ==
        "a.rules:1:7: error: bad\n"
        "   1 | \twhen\tx\n"
        "     | \t    \t^\n");
}

TEST_CASE("the caret column counts code points in the quoted line", "[render]") {
  SourceMap sources;
  sources.add("a.rules", "title \"é–x\" y\n");
  CHECK(render(error_at("a.rules", 1, 13, "bad"), sources) ==
        "a.rules:1:13: error: bad\n"
        "   1 | title \"é–x\" y\n"
        "     |             ^\n");
}

TEST_CASE("a line longer than 120 code points is quoted as a window around the column", "[render]") {
  SourceMap sources;
  std::string record = "{\"company\": {\"name\": \"" + std::string(300, 'a') + "\"}, \"it\": 7, \"tail\": \"" +
                       std::string(2000, 'z') + "\"}";
  sources.add("p.jsonl", record + "\n");
  const auto col = static_cast<std::uint32_t>(record.find("\"it\"") + 1);
  auto d = error_at("p.jsonl", 1, col, "\"it\" must be an object");
  d.where.length = 4;
  const std::string shown = render(d, sources);
  INFO(shown);
  const std::string expected_line =
      "   1 | ..." + std::string(36, 'a') + "\"}, \"it\": 7, \"tail\": \"" + std::string(120 - 36 - 22, 'z') + "...\n";
  CHECK(shown == "p.jsonl:1:" + std::to_string(col) + ": error: \"it\" must be an object\n" + expected_line +
                     "     | " + std::string(3 + 40, ' ') + "^~~~\n");

  SECTION("near the start only the end is cut") {
    const std::string start = render(error_at("p.jsonl", 1, 2, "bad"), sources);
    CHECK(start.find("   1 | {\"company\"") != std::string::npos);
    CHECK(start.find("...\n     |  ^\n") != std::string::npos);
  }
  SECTION("a place past the end of the line keeps its caret after the last code point") {
    const auto end = static_cast<std::uint32_t>(record.size() + 1);
    const std::string last = render(error_at("p.jsonl", 1, end, "expected '}'"), sources);
    CHECK(last.find("   1 | ..." + std::string(120 - 2, 'z') + "\"}\n") != std::string::npos);
    CHECK(last.find("     | " + std::string(3 + 120, ' ') + "^\n") != std::string::npos);
  }
  SECTION("code points, not bytes, are counted, so a cut never splits a character") {
    SourceMap wide;
    std::string text;
    for (int i = 0; i < 200; ++i) text += "\u00e9";
    wide.add("w.rules", text + "\n");
    const std::string out = render(error_at("w.rules", 1, 150, "bad"), wide);
    std::string window;
    for (int i = 0; i < 120; ++i) window += "\u00e9";  // the last 120: the window does not run past the end
    CHECK(out.find("   1 | ..." + window + "\n     | " + std::string(3 + 69, ' ') + "^\n") != std::string::npos);
  }
}

TEST_CASE("a diagnostic without a position renders as file: error: message", "[render]") {
  SourceMap sources;
  Diagnostic d;
  d.message = "no rules found";
  d.where.file = "rules/";
  CHECK(render(d, sources) == "rules/: error: no rules found\n");
}

TEST_CASE("a file that the source map does not know renders without a quoted line", "[render]") {
  SourceMap sources;
  CHECK(render(error_at("gone.rules", 3, 2, "bad"), sources) == "gone.rules:3:2: error: bad\n");
}

TEST_CASE("warnings, notes with and without a place, and help render in order", "[render]") {
  SourceMap sources;
  sources.add("a.rules", "metric x\nend\nmetric x\nend\n");
  auto d = error_at("a.rules", 3, 8, "duplicate id 'x'");
  d.severity = DiagSeverity::Warning;
  Location first = d.where;
  first.line = 1;
  d.notes.push_back({"first declared here", first});
  d.notes.push_back({"ids must be unique in a rule set", std::nullopt});
  d.help = "rename one of them";
  CHECK(render(d, sources) ==
        "a.rules:3:8: warning: duplicate id 'x'\n"
        "   3 | metric x\n"
        "     |        ^\n"
        "a.rules:1:8: note: first declared here\n"
        "   1 | metric x\n"
        "     |        ^\n"
        "note: ids must be unique in a rule set\n"
        "help: rename one of them\n");
}

TEST_CASE("colour is added only when asked for", "[render]") {
  SourceMap sources;
  sources.add("a.rules", "x\n");
  auto d = error_at("a.rules", 1, 1, "bad");
  d.help = "fix it";
  const std::string plain = render(d, sources, false);
  const std::string coloured = render(d, sources, true);
  CHECK(plain.find('\x1b') == std::string::npos);
  CHECK(coloured.find("\x1b[1;31merror\x1b[0m") != std::string::npos);
  CHECK(coloured.find("\x1b[1;36mhelp\x1b[0m") != std::string::npos);
  CHECK(coloured.find("\x1b[1mbad\x1b[0m") != std::string::npos);
  d.severity = DiagSeverity::Warning;
  CHECK(render(d, sources, true).find("\x1b[1;33mwarning\x1b[0m") != std::string::npos);
}

TEST_CASE("errors are counted by severity", "[render]") {
  Diagnostics diags{error_at("a", 1, 1, "e")};
  Diagnostic warning = error_at("a", 2, 1, "w");
  warning.severity = DiagSeverity::Warning;
  diags.push_back(warning);
  CHECK(has_errors(diags));
  CHECK(count(diags, DiagSeverity::Error) == 1);
  CHECK(count(diags, DiagSeverity::Warning) == 1);
  CHECK_FALSE(has_errors(Diagnostics{warning}));
}

TEST_CASE("sorting orders by file, line and column and keeps equal places in order", "[render]") {
  Diagnostics diags{error_at("b", 1, 1, "b"), error_at("a", 2, 5, "a25"), error_at("a", 2, 1, "first"),
                    error_at("a", 2, 1, "second"), error_at("a", 1, 9, "a19")};
  sort_by_location(diags);
  std::vector<std::string> order;
  for (const auto& d : diags) order.push_back(d.message);
  CHECK(order == std::vector<std::string>{"a19", "first", "second", "a25", "b"});
}
