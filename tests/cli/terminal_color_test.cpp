// End-to-end: colour appears on a real terminal, and NO_COLOR turns it off (https://no-color.org).
// `script` (util-linux, on every Debian) gives rapport a pseudo-terminal as its standard output.
#include <catch2/catch.hpp>

#include <cstdio>

#include "run_rapport.hpp"

using rapport::test::shell_quote;

namespace {

std::string on_a_terminal(const std::string& env) {
  return rapport::test::run_rapport_on_terminal({"assess", "examples/northwind-retail.toml", "-r", "rules"}, env);
}

}  // namespace

TEST_CASE("the text report is coloured on a terminal", "[e2e][color]") {
  if (std::system("command -v script >/dev/null 2>&1") != 0) {
    WARN("script (util-linux) is missing; cannot give rapport a terminal");
    return;
  }
  auto output = on_a_terminal("NO_COLOR=");
  CHECK(output.find("Northwind Retail") != std::string::npos);
  CHECK(output.find("\x1b[") != std::string::npos);
}

TEST_CASE("NO_COLOR turns colour off even on a terminal", "[e2e][color]") {
  if (std::system("command -v script >/dev/null 2>&1") != 0) {
    WARN("script (util-linux) is missing; cannot give rapport a terminal");
    return;
  }
  auto output = on_a_terminal("NO_COLOR=1");
  CHECK(output.find("Northwind Retail") != std::string::npos);
  CHECK(output.find("\x1b[") == std::string::npos);
}
