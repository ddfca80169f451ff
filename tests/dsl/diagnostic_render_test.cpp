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
