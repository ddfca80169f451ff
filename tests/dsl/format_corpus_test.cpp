// A generated corpus for the formatter: seeded random rule files, valid but written every odd way
// (nested expressions of every operator and function, redundant parentheses, comments between any
// two tokens, tabs, CRLF, runs of blank lines, strings with escapes and placeholders). Each must
// format, parse again without errors, say the same thing and come out the same when formatted again.
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include "dsl/format.hpp"
#include "dsl/format_equivalence.hpp"
#include "parse_fixture.hpp"

using namespace rapport::dsl;
using namespace rapport::dsl::testing;

namespace {

// An expression being generated: its text with the parentheses it needs, and its precedence level
// (grammar_def.hpp: 1 or, 2 and, 3 not, 4 comparison, 5 + -, 6 * /, 7 prefix -, 8 operand).
struct Generated {
  std::string text;
  int level = 8;
};

class RuleFileGenerator {
 public:
  explicit RuleFileGenerator(std::uint32_t seed) : rng_(seed) {}

  std::string file() {
    std::string out = chance(20) ? "# generated rule file\n" + pick_of({"", "\n", "\n\n\n"}) : "";
    const int declarations = between(0, 5);
    for (int i = 0; i < declarations; ++i) {
      out += declaration();
      out += i + 1 < declarations ? pick_of({"\n", "\n\n", "\n\n\n", " ", "\n# between\n", "\n\n  # indented\n\n",
                                             "\r\n", " # after end\n"})
                                  : pick_of({"", "\n", "\n\n", "\n# the end", "\n# the end\n\n"});
    }
    return out;
  }

 private:
  int between(int low, int high) { return std::uniform_int_distribution<int>(low, high)(rng_); }
  bool chance(int percent) { return between(1, 100) <= percent; }
  std::string pick_of(const std::vector<std::string>& options) {
    return options[static_cast<std::size_t>(between(0, static_cast<int>(options.size()) - 1))];
  }

  // Whatever may stand between two tokens: blanks, line breaks, comments.
  std::string gap() {
    if (chance(70)) return " ";
    return pick_of({"  ", "\t", "\n    ", "\n\n      ", " # a comment\n    ", "\n  # own line\n    ", "\r\n  ",
                    "  #\n", " \t# tabbed comment   \n\t", "\n"});
  }
  // Between the parts of one string literal's placeholder: on one line, no comments.
  std::string inline_gap() { return chance(80) ? " " : pick_of({"", "  ", "\t"}); }

  std::string ident() {
    static const std::vector<std::string> names = {"x", "satisfied", "it_budget", "notable", "ending", "iffy",
                                                   "order_x", "sourced", "trueish", "a1", "_private",
                                                   "a_rather_long_metric_name_for_wrapping_purposes"};
    return pick_of(names);
  }

  std::string number() {
    return pick_of({"3", "2.5", "58%", "10pp", "0.5%", "007", "100", "1.25pp", "0", "12345.678"});
  }

  Generated operand(int depth, bool in_placeholder) {
    switch (between(0, depth > 0 ? 5 : 3)) {
      case 0: return {number()};
      case 1: return {pick_of({"true", "false"})};
      case 2: {
        const std::string group = pick_of({"it", "marketing"});
        if (in_placeholder || chance(85)) return {group + "." + ident()};
        return {group + gap() + "." + gap() + ident()};  // the grammar skips blanks around the dot
      }
      case 3: return {ident()};
      default: return call(depth, in_placeholder);
    }
  }

  Generated call(int depth, bool in_placeholder) {
    static const std::vector<std::string> functions = {"gap", "abs", "min", "max", "known", "default",
                                                       "all", "any", "benchmark", "weight", "custom"};
    std::string text = pick_of(functions) + "(";
    const int args = between(0, 3);
    for (int i = 0; i < args; ++i) {
      if (i > 0) text += (in_placeholder ? inline_gap() : gap()) + "," ;
      text += separator(in_placeholder) + expression(depth - 1, in_placeholder).text;
    }
    return {text + separator(in_placeholder) + ")"};
  }

  std::string separator(bool in_placeholder) { return in_placeholder ? inline_gap() : (chance(50) ? "" : gap()); }

  // `child` as an operand that needs at least `level`: parenthesised when it binds more loosely,
  // and sometimes when it need not be.
  std::string operand_of(const Generated& child, int level, bool in_placeholder) {
    if (child.level >= level && !chance(10)) return child.text;
    return "(" + separator(in_placeholder) + child.text + separator(in_placeholder) + ")";
  }

  Generated expression(int depth, bool in_placeholder = false) {
    if (depth <= 0 || chance(25)) return operand(depth, in_placeholder);
    const auto space = [&] { return in_placeholder ? std::string(" ") : gap(); };
    switch (between(0, 6)) {
      case 0:
      case 1: {  // a left-associative chain of one level
        static const std::vector<std::vector<std::string>> levels = {
            {"or"}, {"and"}, {"+", "-"}, {"*", "/"}};
        static const int level_of[] = {1, 2, 5, 6};
        const int which = between(0, 3);
        const int level = level_of[which];
        std::string text = operand_of(expression(depth - 1, in_placeholder), level, in_placeholder);
        const int more = between(1, 4);
        for (int i = 0; i < more; ++i) {
          text += space() + pick_of(levels[static_cast<std::size_t>(which)]) + space() +
                  operand_of(expression(depth - 1, in_placeholder), level + 1, in_placeholder);
        }
        return {text, level};
      }
      case 2: {  // a comparison: non-associative
        const std::string op = pick_of({"=", "==", "!=", "<", "<=", ">", ">="});
        return {operand_of(expression(depth - 1, in_placeholder), 5, in_placeholder) + space() + op + space() +
                    operand_of(expression(depth - 1, in_placeholder), 5, in_placeholder),
                4};
      }
      case 3: {  // not, possibly repeated
        std::string text = "not" + space();
        if (chance(20)) text += "not" + space();
        return {text + operand_of(expression(depth - 1, in_placeholder), 3, in_placeholder), 3};
      }
      case 4: {  // prefix minus, possibly repeated
        std::string text = "-" + (chance(50) ? std::string() : space());
        if (chance(15)) text += "-" + space();
        return {text + operand_of(expression(depth - 1, in_placeholder), 7, in_placeholder), 7};
      }
      default: return operand(depth, in_placeholder);
    }
  }

  std::string literal() {
    std::string text = "\"";
    const int pieces = between(0, 6);
    for (int i = 0; i < pieces; ++i) {
      text += pick_of({"plain words ", "x", "\\\"quoted\\\"", "\\\\", "\\n", "\\t", "\\{", "\\}", "\\u{1F600}",
                       "\\u{e9}", "{{", "}}", "é’…", "# not a comment ", "a long stretch of text that goes on "});
      if (chance(25)) text += "{" + inline_gap() + expression(2, true).text + inline_gap() + "}";
    }
    return text + "\"";
  }

  std::string text() {
    std::string out = literal();
    const int more = chance(30) ? between(1, 3) : 0;
    for (int i = 0; i < more; ++i) out += gap() + literal();
    return out;
  }

  std::string field_line(const std::string& body) { return pick_of({"\n  ", "\n", "\n\t", "\n\n  ", " ", "\n      "}) + body; }

  std::string source_field() {
    switch (between(0, 2)) {
      case 0: return pick_of({"title", "by", "url", "note"}) + gap() + text();
      case 1: return "year" + gap() + pick_of({"2010", "1999", "0042"});
      default: {
        std::string out = "sample";
        const int counts = between(1, 3);
        for (int i = 0; i < counts; ++i) {
          if (i > 0) out += gap() + ",";
          out += gap() + pick_of({"it", "marketing", "total"}) + gap() + pick_of({"252", "405", "7"});
        }
        return out;
      }
    }
  }

  std::string audience_list() {
    if (chance(30)) return "both";
    std::string out = pick_of({"it", "marketing", "company"});
    if (chance(50)) out += gap() + "," + gap() + pick_of({"it", "marketing", "company"});
    return out;
  }

  std::string metric_field() {
    switch (between(0, 3)) {
      case 0: return pick_of({"question", "label"}) + gap() + text();
      case 1:
        return "kind" + gap() +
               (chance(50) ? pick_of({"share", "number", "flag"})
                           : "scale" + gap() + pick_of({"1", "-2", "0.5"}) + gap() + "to" + gap() +
                                 pick_of({"5", "2", "10.5"}));
      case 2: return "asked" + gap() + audience_list();
      default: {
        std::string out = "benchmark" + gap() + pick_of({"it", "marketing", "company"}) + gap();
        if (chance(50)) out += pick_of({"about", "under", "over"}) + gap();
        out += number() + gap() + "from" + gap() + ident();
        if (chance(60)) out += gap() + text();
        return out;
      }
    }
  }

  std::string finding_field() {
    switch (between(0, 3)) {
      case 0: return pick_of({"title", "narrative"}) + gap() + text();
      case 1: return "severity" + gap() + pick_of({"info", "low", "medium", "high", "critical"});
      case 2: return "when" + gap() + expression(between(1, 5)).text;
      default: return "evidence" + gap() + ident() + gap() + text();
    }
  }

  std::string recommendation_field() {
    switch (between(0, 4)) {
      case 0: return pick_of({"title", "action", "rationale"}) + gap() + text();
      case 1: return "owner" + gap() + pick_of({"cio", "cmo", "both"});
      case 2: return "horizon" + gap() + pick_of({"30", "90", "180"}) + gap() + "days";
      case 3: return "when" + gap() + expression(between(1, 5)).text;
      default: return "priority" + gap() + expression(between(1, 5)).text;
    }
  }

  std::string declaration() {
    const int kind = between(0, 3);
    std::string out = pick_of({"", "  ", "\t"});
    out += std::vector<std::string>{"source", "metric", "finding", "recommendation"}[static_cast<std::size_t>(kind)];
    out += gap() + ident() + (chance(15) ? " # header comment\n" : "");
    const int fields = between(0, 6);
    for (int i = 0; i < fields; ++i) {
      if (chance(10)) out += "\n  # a comment between fields\n";
      switch (kind) {
        case 0: out += field_line(source_field()); break;
        case 1: out += field_line(metric_field()); break;
        case 2: out += field_line(finding_field()); break;
        default: out += field_line(recommendation_field()); break;
      }
      if (chance(10)) out += " # trailing\n";
    }
    if (chance(10)) out += "\n\n  # before end\n";
    return out + pick_of({"\nend", "\n  end", " end", "\n\nend"});
  }

  std::mt19937 rng_;
};

std::optional<std::string> formatted(const std::string& text) {
  SourceMap sources;
  const FormatResult result = format_source(sources.add("generated.rules", text));
  return result.text;
}

}  // namespace

TEST_CASE("formatting generated rule files keeps what they say and is idempotent", "[format][corpus]") {
  constexpr std::uint32_t kFiles = 300;
  for (std::uint32_t seed = 1; seed <= kFiles; ++seed) {
    const std::string text = RuleFileGenerator(seed).file();
    Parsed original(text);
    INFO("seed " << seed << ", generated file:\n" << text << "\n--- end of file");
    INFO(original.rendered());
    REQUIRE(original.diagnostics().empty());  // the generator writes valid files only

    std::optional<std::string> once;
    REQUIRE_NOTHROW(once = formatted(text));
    REQUIRE(once);
    INFO("formatted:\n" << *once << "\n--- end of formatted");
    Parsed reparsed(*once);
    INFO(reparsed.rendered());
    REQUIRE(reparsed.diagnostics().empty());
    REQUIRE(syntax_difference(original.result.file, reparsed.result.file) == "");
    REQUIRE(formatted(*once) == once);
  }
}
