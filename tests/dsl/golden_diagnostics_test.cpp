// Golden diagnostics: each tests/dsl/diagnostics/NAME.rules is parsed and its rendered
// diagnostics must equal NAME.rules.expected exactly, caret included.
// Set RAPPORT_UPDATE_GOLDEN=1 to rewrite the .expected files after a deliberate change.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

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

}  // namespace

TEST_CASE("every golden rule file renders exactly its expected diagnostics", "[golden]") {
  const fs::path folder = fs::path(RAPPORT_TEST_DATA) / "dsl" / "diagnostics";
  const bool update = std::getenv("RAPPORT_UPDATE_GOLDEN") != nullptr;
  std::size_t checked = 0;
  for (const auto& entry : fs::directory_iterator(folder)) {
    if (entry.path().extension() != ".rules") continue;
    const fs::path expected_path = entry.path().string() + ".expected";
    Parsed parsed(read(entry.path()), {}, entry.path().filename().string());
    const std::string actual = parsed.rendered();
    if (update) std::ofstream(expected_path, std::ios::binary) << actual;
    INFO(entry.path().filename().string());
    REQUIRE(fs::exists(expected_path));
    CHECK(actual == read(expected_path));
    ++checked;
  }
  CHECK(checked >= 5);
}
