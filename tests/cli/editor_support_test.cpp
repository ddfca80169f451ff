// Editor support (editors/): the TextMate grammar highlights every word of the language as the
// parser reads it, and the VS Code problem matcher picks up what `rapport check` prints.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>

#include "run_rapport.hpp"
#include "textmate_tokenizer.hpp"

namespace {

using rapport::test::run_rapport;
using rapport::test::slurp;

const std::string kEditors = std::string(RAPPORT_SOURCE_DIR) + "/editors";

nlohmann::json read_json(const std::string& path) { return nlohmann::json::parse(slurp(path)); }

const rapport::test::TextMateGrammar& grammar() {
  static const rapport::test::TextMateGrammar g(read_json(kEditors + "/vscode/syntaxes/rapport.tmLanguage.json"));
  return g;
}

// The scopes of the first occurrence of `word` in `line` (of its first byte).
std::string scope_of(const std::string& line, const std::string& word, std::size_t occurrence = 0) {
  std::size_t at = line.find(word);
  while (occurrence-- > 0 && at != std::string::npos) at = line.find(word, at + 1);
  REQUIRE(at != std::string::npos);
  return grammar().tokenize(line)[at];
}

// Every word the grammar source treats as a keyword or an enumerated value, read from the parser itself
// so that a new keyword without highlighting fails this test.
std::set<std::string> language_words() {
  const std::string source = slurp(std::string(RAPPORT_SOURCE_DIR) + "/dsl/grammar_def.hpp");
  std::set<std::string> words;
  const std::regex keyword(R"re(keyword\("([a-z]+)"\))re");
  const std::regex symbol(R"re(\{"([a-z]+)", *[A-Z][A-Za-z]*::)re");
  for (const auto* re : {&keyword, &symbol})
    for (std::sregex_iterator it(source.begin(), source.end(), *re), end; it != end; ++it) words.insert((*it)[1]);
  return words;
}

std::set<std::string> function_names() {
  const std::string source = slurp(std::string(RAPPORT_SOURCE_DIR) + "/engine/functions.cpp");
  std::set<std::string> names;
  const std::regex info(R"re(FunctionInfo\{"([a-z]+)")re");
  for (std::sregex_iterator it(source.begin(), source.end(), info), end; it != end; ++it) names.insert((*it)[1]);
  return names;
}

}  // namespace

TEST_CASE("the VS Code extension declares the rules language with the TextMate grammar it ships") {
  const auto package = read_json(kEditors + "/vscode/package.json");
  const auto& contributes = package.at("contributes");
  CHECK(contributes.at("languages").at(0).at("extensions").at(0) == ".rules");
  const auto& entry = contributes.at("grammars").at(0);
  CHECK(entry.at("scopeName") == "source.rapport");
  const auto grammar_json = read_json(kEditors + "/vscode/" + entry.at("path").get<std::string>());
  CHECK(grammar_json.at("scopeName") == "source.rapport");
  CHECK(read_json(kEditors + "/vscode/language-configuration.json").at("comments").at("lineComment") == "#");
}

TEST_CASE("every regex in the TextMate grammar compiles") {
  CHECK(grammar().regexes().size() >= 10);
}

TEST_CASE("every keyword, enumerated value and function of the language is highlighted") {
  const std::set<std::string> words = language_words();
  REQUIRE(words.size() >= 40);  // the extraction found the grammar's words
  for (const auto& word : words) {
    INFO("word: " << word);
    // A word is a keyword where the parser expects it: at the start of a line or before an id.
    const bool highlighted = !scope_of(word + " x", word).empty() || !scope_of("  when " + word + " x", word).empty();
    CHECK(highlighted);
  }
  const std::set<std::string> functions = function_names();
  REQUIRE(functions.size() >= 10);
  for (const auto& name : functions) {
    INFO("function: " << name);
    CHECK_THAT(scope_of("  when " + name + "(it.x) > 1", name + "("), Catch::Contains("support.function"));
  }
}

TEST_CASE("declarations, fields and expressions get the scopes themes colour") {
  const std::string decl = "finding low_satisfaction";
  CHECK_THAT(scope_of(decl, "finding"), Catch::Contains("storage.type.declaration"));
  CHECK_THAT(scope_of(decl, "low_satisfaction"), Catch::Contains("entity.name.type"));
  CHECK_THAT(scope_of("end", "end"), Catch::Contains("storage.type.end"));

  const std::string when = "  when it.satisfied < 30% or marketing.satisfied < benchmark(marketing.satisfied) - 10pp";
  CHECK_THAT(scope_of(when, "when"), Catch::Contains("keyword.other.field"));
  CHECK_THAT(scope_of(when, "it."), Catch::Contains("variable.language.group"));
  CHECK_THAT(scope_of(when, "satisfied"), Catch::Contains("variable.other.metric"));
  CHECK_THAT(scope_of(when, "30%"), Catch::Contains("constant.numeric"));
  CHECK_THAT(scope_of(when, "%"), Catch::Contains("constant.numeric"));
  CHECK_THAT(scope_of(when, "10pp"), Catch::Contains("constant.numeric"));
  CHECK_THAT(scope_of(when, "or "), Catch::Contains("keyword.operator.logical"));
  CHECK_THAT(scope_of(when, "<"), Catch::Contains("keyword.operator.comparison"));
  CHECK_THAT(scope_of(when, "-"), Catch::Contains("keyword.operator.arithmetic"));
  CHECK_THAT(scope_of(when, "benchmark"), Catch::Contains("support.function"));

  const std::string kind = "  kind scale 1 to 5";
  CHECK_THAT(scope_of(kind, "scale"), Catch::Contains("constant.language"));
  CHECK_THAT(scope_of(kind, "to"), Catch::Contains("constant.language"));
  CHECK_THAT(scope_of(kind, "5"), Catch::Contains("constant.numeric"));

  // A metric called `lower_trust` is an identifier, not the severity `low` or the operator `or`.
  const std::string ids = "  when lower_trust and forum";
  CHECK(scope_of(ids, "lower_trust") == "");
  CHECK(scope_of(ids, "forum") == "");
}

TEST_CASE("strings hold escapes and placeholders, and a '#' inside a string is not a comment") {
  const std::string line =
      R"(  narrative "Only {it.satisfied} ({{points}}) \"quoted\" \u{2014} #12" # a real comment)";
  CHECK_THAT(scope_of(line, "Only"), Catch::Contains("string.quoted.double"));
  CHECK_THAT(scope_of(line, "{it"), Catch::Contains("meta.embedded.expression"));
  CHECK_THAT(scope_of(line, "satisfied"), Catch::Contains("variable.other.metric"));
  CHECK_THAT(scope_of(line, "{{"), Catch::Contains("constant.character.escape"));
  CHECK_THAT(scope_of(line, "points"), !Catch::Contains("meta.embedded"));
  CHECK_THAT(scope_of(line, R"(\")"), Catch::Contains("constant.character.escape"));
  CHECK_THAT(scope_of(line, "quoted"), Catch::Contains("string.quoted.double"));
  CHECK_THAT(scope_of(line, R"(\u{2014})"), Catch::Contains("constant.character.escape"));
  CHECK_THAT(scope_of(line, "#12"), Catch::Contains("string.quoted.double"));
  CHECK_THAT(scope_of(line, "#12"), !Catch::Contains("comment"));
  CHECK_THAT(scope_of(line, "# a real"), Catch::Contains("comment.line.number-sign"));
}

TEST_CASE("the editor sample uses the whole language and is a valid rule set") {
  const auto result = run_rapport({"check", "editors/sample.rules"}, "NO_COLOR=1");
  CHECK(result.exit_code == 0);
  CHECK_THAT(result.out, Catch::Contains("no problems"));
  const std::string sample = slurp(kEditors + "/sample.rules");
  for (const auto& word : language_words()) {
    INFO("word: " << word);
    CHECK(std::regex_search(sample, std::regex("\\b" + word + "\\b")));
  }
  for (const auto& name : function_names()) {
    INFO("function: " << name);
    CHECK_THAT(sample, Catch::Contains(name + "("));
  }
}

TEST_CASE("the VS Code problem matcher reads the diagnostics rapport check prints") {
  const auto package = read_json(kEditors + "/vscode/package.json");
  const auto& pattern = package.at("contributes").at("problemMatchers").at(0).at("pattern");
  const std::regex matcher(pattern.at("regexp").get<std::string>());

  const auto result = run_rapport({"check", "tests/fixtures/bad_syntax.rules"}, "NO_COLOR=1");
  REQUIRE(result.exit_code == 3);
  std::istringstream lines(result.out);
  std::vector<std::string> matched_lines;
  std::string line;
  while (std::getline(lines, line)) {
    std::smatch m;
    if (std::regex_match(line, m, matcher)) matched_lines.push_back(line);
  }
  REQUIRE(matched_lines.size() == 2);  // the two errors; not the quoted source, caret or summary lines
  std::smatch m;
  REQUIRE(std::regex_match(matched_lines[0], m, matcher));
  CHECK(m[pattern.at("file").get<int>()] == "tests/fixtures/bad_syntax.rules");
  CHECK(m[pattern.at("line").get<int>()] == "12");
  CHECK(m[pattern.at("column").get<int>()] == "31");
  CHECK(m[pattern.at("severity").get<int>()] == "error");
  CHECK(m[pattern.at("message").get<int>()] == "expected a comparison after 'marketing.satisfaction'");
}
