// How values read in reports: the units a consultant sees next to each number.
#include <catch2/catch.hpp>

#include "cli/text_wrap.hpp"
#include "cli/value_format.hpp"

using namespace rapport::cli;
using rapport::engine::kUnknown;
using rapport::engine::Unit;

TEST_CASE("shares read as percentages with at most one decimal", "[format]") {
  CHECK(format_value(0.58, Unit::Percent) == "58%");
  CHECK(format_value(0.585, Unit::Percent) == "58.5%");
  CHECK(format_value(1.0, Unit::Percent) == "100%");
  CHECK(format_value(0.0, Unit::Percent) == "0%");
}

TEST_CASE("gaps read as signed percentage points", "[format]") {
  CHECK(format_value(0.12, Unit::Points) == "+12 pp");
  CHECK(format_value(-0.05, Unit::Points) == "-5 pp");
  CHECK(format_value(0.0, Unit::Points) == "0 pp");
}

TEST_CASE("plain numbers drop trailing zeros and truth values read yes or no", "[format]") {
  CHECK(format_value(3.0, Unit::Plain) == "3");
  CHECK(format_value(3.25, Unit::Plain) == "3.25");
  CHECK(format_value(1.0, Unit::Truth) == "yes");
  CHECK(format_value(0.0, Unit::Truth) == "no");
}

TEST_CASE("unknown values read n/a in every unit", "[format]") {
  for (auto unit : {Unit::Percent, Unit::Points, Unit::Plain, Unit::Truth}) CHECK(format_value(kUnknown, unit) == "n/a");
}

TEST_CASE("wrapping breaks at spaces and counts UTF-8 characters, not bytes", "[format]") {
  CHECK(wrap("aaa bbb ccc", 7, "", "") == "aaa bbb\nccc");
  CHECK(wrap("“éé” “éé”", 9, "", "") == "“éé” “éé”");
  CHECK(wrap("one two three", 9, "- ", "  ") == "- one two\n  three");
  CHECK(display_width("\x1b[1mbold\x1b[0m") == 4);
}
