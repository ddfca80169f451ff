// Golden formatter data: each tests/fmt/NAME.rules (messy layouts, every construct, comments
// everywhere, strings with escapes and placeholders) formats to exactly NAME.rules.formatted, and
// formatting that again changes nothing. Set RAPPORT_UPDATE_GOLDEN=1 to rewrite the .formatted
// files after a deliberate change of the canonical layout (then read the diff).
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "dsl/format.hpp"
#include "dsl/format_equivalence.hpp"
#include "parse_fixture.hpp"

namespace fs = std::filesystem;
using namespace rapport::dsl;
using namespace rapport::dsl::testing;

namespace {

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string format_text(const std::string& name, const std::string& text) {
  SourceMap sources;
  const FormatResult result = format_source(sources.add(name, text));
  INFO(name);
  REQUIRE(result.diagnostics.empty());
  REQUIRE(result.text);
  return *result.text;
}

}  // namespace

TEST_CASE("every golden rule file formats to its .formatted file, and formatting again changes nothing",
          "[format][golden]") {
  const fs::path folder = fs::path(RAPPORT_TEST_DATA) / "fmt";
  const bool update = std::getenv("RAPPORT_UPDATE_GOLDEN") != nullptr;
  std::size_t checked = 0;
  for (const auto& entry : fs::directory_iterator(folder)) {
    if (entry.path().extension() != ".rules") continue;
    const std::string name = entry.path().filename().string();
    const fs::path expected_path = entry.path().string() + ".formatted";
    const std::string input = read(entry.path());
    const std::string once = format_text(name, input);
    if (update) std::ofstream(expected_path, std::ios::binary) << once;
    INFO(name);
    REQUIRE(fs::exists(expected_path));
    CHECK(once == read(expected_path));
    CHECK(format_text(name, once) == once);
    CHECK(syntax_difference(Parsed(input).result.file, Parsed(once).result.file) == "");
    ++checked;
  }
  CHECK(checked >= 5);
}
