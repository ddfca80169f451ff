// rapport fmt never changes what the bundled rule base means: formatted, every rule file keeps its
// syntax tree (positions aside), the rule set checks the same, and every example profile gets the
// same verdicts, priorities and ranking. The same holds for a copy of the rules with every run of
// blanks rewritten, which also formats back to exactly the bundled (canonical) text.
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <random>

#include "dsl/format.hpp"
#include "dsl/format_equivalence.hpp"
#include "dsl/lexical_scan.hpp"
#include "engine/assessment.hpp"
#include "engine/profile.hpp"
#include "rule_base_fixture.hpp"

using namespace rapport;
namespace fs = std::filesystem;

namespace {

struct RuleText {
  std::string path;
  std::string text;
};

std::vector<RuleText> bundled_rule_texts() {
  std::vector<RuleText> files;
  for (const auto& entry : fs::directory_iterator(std::string(RAPPORT_SOURCE_DIR) + "/rules")) {
    if (entry.path().extension() == ".rules") files.push_back({entry.path().string(), test::read_file(entry.path())});
  }
  std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
  REQUIRE(files.size() >= 7);
  return files;
}

// A rule set parsed and checked from texts; keeps the sources its spans point into.
struct CheckedRules {
  dsl::SourceMap sources;
  std::vector<engine::ParsedFile> parsed;
  engine::CheckResult checked;

  explicit CheckedRules(const std::vector<RuleText>& files) {
    for (const auto& file : files) {
      const auto& source = sources.add(file.path, file.text);
      auto result = dsl::parse_rule_file(source);
      INFO(file.path);
      REQUIRE(result.diagnostics.empty());
      parsed.push_back({&source, std::move(result.file)});
    }
    checked = engine::check(parsed);
    REQUIRE(checked.rules);
  }
};

std::vector<RuleText> formatted(const std::vector<RuleText>& files) {
  std::vector<RuleText> out;
  for (const auto& file : files) {
    dsl::SourceMap sources;
    const auto result = dsl::format_source(sources.add(file.path, file.text));
    INFO(file.path);
    REQUIRE(result.text);
    out.push_back({file.path, *result.text});
  }
  return out;
}

bool same_number(double a, double b) { return (std::isnan(a) && std::isnan(b)) || a == b; }

// Every example profile gets the same outcome from both rule sets.
void require_same_assessments(const engine::RuleSet& before, const engine::RuleSet& after) {
  std::size_t examples = 0;
  for (const auto& entry : fs::directory_iterator(std::string(RAPPORT_SOURCE_DIR) + "/examples")) {
    if (entry.path().extension() != ".toml") continue;
    ++examples;
    INFO(entry.path().filename().string());
    const dsl::SourceFile toml(entry.path().string(), test::read_file(entry.path()));
    const auto profile_before = engine::load_profile(toml, before);
    const auto profile_after = engine::load_profile(toml, after);
    REQUIRE(profile_before.profile);
    REQUIRE(profile_after.profile);
    const auto a = engine::evaluate(before, *profile_before.profile);
    const auto b = engine::evaluate(after, *profile_after.profile);
    REQUIRE(a.findings.size() == b.findings.size());
    for (std::size_t i = 0; i < a.findings.size(); ++i) {
      INFO(before.findings[i].id);
      CHECK(a.findings[i].verdict == b.findings[i].verdict);
    }
    REQUIRE(a.recommendations.size() == b.recommendations.size());
    for (std::size_t i = 0; i < a.recommendations.size(); ++i) {
      INFO(before.recommendations[i].id);
      CHECK(a.recommendations[i].verdict == b.recommendations[i].verdict);
      CHECK(same_number(a.recommendations[i].priority, b.recommendations[i].priority));
    }
    CHECK(a.ranking == b.ranking);
    CHECK_FALSE(a.ranking.empty());
  }
  CHECK(examples >= 6);
}

// Formats `files` and requires the result to say, check and evaluate exactly as they do.
void require_meaning_kept(const std::vector<RuleText>& files) {
  const std::vector<RuleText> after_texts = formatted(files);
  const CheckedRules before(files);
  const CheckedRules after(after_texts);
  for (std::size_t i = 0; i < files.size(); ++i) {
    INFO(files[i].path);
    CHECK(dsl::syntax_difference(before.parsed[i].syntax, after.parsed[i].syntax) == "");
  }
  CHECK(before.checked.diagnostics.size() == after.checked.diagnostics.size());
  require_same_assessments(*before.checked.rules, *after.checked.rules);
}

// The same tokens with every run of blanks rewritten at random: spaces, tabs, line breaks where
// there were none. Blank lines and whether a comment had code before it on its line are what
// the formatter keeps, so those stay as they were.
std::string deformed(const std::string& text, std::uint32_t seed) {
  std::mt19937 rng(seed);
  const auto pick = [&](std::vector<std::string> options) {
    return options[std::uniform_int_distribution<std::size_t>(0, options.size() - 1)(rng)];
  };
  std::string out;
  std::size_t previous_end = 0;
  bool after_comment = false;
  bool after_minus = false;  // `kind scale -2 to 2`: the sign stays on its number
  for (auto token = dsl::lexical::next_token(text, 0, text.size()); token.kind != dsl::lexical::TokenKind::End;
       token = dsl::lexical::next_token(text, token.end, text.size())) {
    const std::string_view blanks(text.data() + previous_end, token.begin - previous_end);
    const auto newlines = std::count(blanks.begin(), blanks.end(), '\n');
    const bool comment = token.kind == dsl::lexical::TokenKind::Comment;
    if (previous_end == 0) {
      out += blanks;
    } else if (newlines >= 2) {
      out += pick({"\n\n", "\n  \n\t\n   "});
    } else if (comment || after_comment) {
      out += newlines == 1 ? pick({"\n", "\n    ", "\n\t"}) : std::string(" ");
    } else if (after_minus) {
      out += blanks.empty() ? "" : " ";
    } else {
      out += blanks.empty() ? pick({"", " "}) : pick({" ", "   ", "\t", "\n", "\n        ", "\n "});
    }
    out += text.substr(token.begin, token.end - token.begin);
    after_comment = comment;
    after_minus = token.kind == dsl::lexical::TokenKind::Symbol && text[token.begin] == '-';
    previous_end = token.end;
  }
  return out;
}

}  // namespace

TEST_CASE("formatting the bundled rules keeps their syntax trees, checks and every example's outcome",
          "[rules][format]") {
  require_meaning_kept(bundled_rule_texts());
}

TEST_CASE("a copy of the bundled rules with its blanks rewritten formats back to exactly the bundled text",
          "[rules][format]") {
  const std::vector<RuleText> canonical = bundled_rule_texts();
  for (std::uint32_t seed = 1; seed <= 5; ++seed) {
    std::vector<RuleText> messy;
    for (const auto& file : canonical) messy.push_back({file.path, deformed(file.text, seed)});
    INFO("seed " << seed);
    require_meaning_kept(messy);
    const std::vector<RuleText> back = formatted(messy);
    for (std::size_t i = 0; i < canonical.size(); ++i) {
      INFO(canonical[i].path << " deformed:\n" << messy[i].text);
      CHECK(back[i].text == canonical[i].text);
    }
  }
}
