// Loads the bundled rule base (rules/) and the source articles once, for the rule-base tests.
#pragma once

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "dsl/parser.hpp"
#include "engine/checker.hpp"

namespace rapport::test {

inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

struct RuleBase {
  dsl::SourceMap sources;
  engine::CheckResult checked;
  dsl::Diagnostics syntax;
};

inline const RuleBase& bundled_rule_base() {
  static RuleBase base = [] {
    RuleBase loaded;
    std::vector<std::string> paths;
    for (const auto& entry : std::filesystem::directory_iterator(std::string(RAPPORT_SOURCE_DIR) + "/rules")) {
      if (entry.path().extension() == ".rules") paths.push_back(entry.path().string());
    }
    std::sort(paths.begin(), paths.end());
    std::vector<engine::ParsedFile> parsed;
    for (const auto& path : paths) {
      const auto& source = loaded.sources.add(path, read_file(path));
      auto result = dsl::parse_rule_file(source);
      loaded.syntax.insert(loaded.syntax.end(), result.diagnostics.begin(), result.diagnostics.end());
      parsed.push_back({&source, std::move(result.file)});
    }
    loaded.checked = engine::check(parsed);
    return loaded;
  }();
  return base;
}

// Whitespace-insensitive form: non-breaking spaces become spaces, runs of whitespace one space.
inline std::string normalise(const std::string& text) {
  std::string spaced;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (static_cast<unsigned char>(text[i]) == 0xC2 && i + 1 < text.size() &&
        static_cast<unsigned char>(text[i + 1]) == 0xA0) {
      spaced += ' ';
      ++i;
    } else {
      spaced += text[i];
    }
  }
  std::string out;
  for (char c : spaced) {
    bool space = c == ' ' || c == '\n' || c == '\r' || c == '\t';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

inline const std::string& articles() {
  static std::string text = [] {
    std::string dir = std::string(RAPPORT_TEST_DATA) + "/fixtures/articles/";
    return normalise(read_file(dir + "cio-vs-cmo-real-problem.txt")) + "\n" +
           normalise(read_file(dir + "mistrust-between-cio-and-cmo.txt"));
  }();
  return text;
}

}  // namespace rapport::test
