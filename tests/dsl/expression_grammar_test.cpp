// Expressions: every operator and precedence level, literals, references, calls and their spans.
#include <catch2/catch.hpp>

#include "parse_fixture.hpp"

using namespace rapport::dsl;
using namespace rapport::dsl::testing;

TEST_CASE("numbers are plain, percent or percentage points, normalised, with their spelling kept", "[expr]") {
  const Expr plain = parse_condition("3.5");
  CHECK(plain.kind == ExprKind::Number);
  CHECK(plain.unit == NumberUnit::Plain);
  CHECK(plain.number == 3.5);
  CHECK(plain.spelling == "3.5");

  const Expr percent = parse_condition("58%");
  CHECK(percent.unit == NumberUnit::Percent);
  CHECK(percent.number == 0.58);
  CHECK(percent.spelling == "58%");

  const Expr fraction = parse_condition("33.3%");
  CHECK(fraction.number == 0.333);

  const Expr points = parse_condition("10pp");
  CHECK(points.unit == NumberUnit::Points);
  CHECK(points.number == 0.10);
  CHECK(points.spelling == "10pp");

  CHECK(parse_condition("0").number == 0);
  CHECK(parse_condition("1200").number == 1200);
}

TEST_CASE("true and false are truth literals", "[expr]") {
  CHECK(parse_condition("true").kind == ExprKind::Truth);
  CHECK(parse_condition("true").truth);
  CHECK_FALSE(parse_condition("false").truth);
}

TEST_CASE("it.x and marketing.x are group references to a metric", "[expr]") {
  const Expr it = parse_condition("it.satisfied");
  CHECK(it.kind == ExprKind::GroupRef);
  CHECK(it.group == Group::It);
  CHECK(it.name == "satisfied");
  const Expr marketing = parse_condition("marketing.satisfied");
  CHECK(marketing.group == Group::Marketing);
  CHECK(marketing.name == "satisfied");
}

TEST_CASE("a bare identifier is a name", "[expr]") {
  const Expr name = parse_condition("cio_cmo_meetings_per_month");
  CHECK(name.kind == ExprKind::Name);
  CHECK(name.name == "cio_cmo_meetings_per_month");
}

TEST_CASE("identifiers may start with a keyword", "[expr]") {
  CHECK(show(parse_condition("iffy and ending or notable")) == "(or (and iffy ending) notable)");
  CHECK(show(parse_condition("itemised + marketing_spend + truely + falsehood")) ==
        "(+ (+ (+ itemised marketing_spend) truely) falsehood)");
  CHECK(show(parse_condition("android or sourced or metrics or endless")) ==
        "(or (or (or android sourced) metrics) endless)");
}

TEST_CASE("field keywords are not reserved inside expressions", "[expr]") {
  CHECK(show(parse_condition("title + label > kind")) == "(> (+ title label) kind)");
}

TEST_CASE("calls take zero or more arguments, each a whole expression", "[expr]") {
  CHECK(show(parse_condition("now()")) == "(now())");
  CHECK(show(parse_condition("abs(x)")) == "(abs() x)");
  CHECK(show(parse_condition("min(a, b)")) == "(min() a b)");
  CHECK(show(parse_condition("any(a or b, not c, x < 1)")) == "(any() (or a b) (not c) (< x 1))");
  CHECK(show(parse_condition("default(abs(gap(m)), 0)")) == "(default() (abs() (gap() m)) 0)");
  CHECK(parse_condition("max(a, b, c)").kind == ExprKind::Call);
}

TEST_CASE("every comparison operator is recognised, and = and == are the same", "[expr]") {
  CHECK(show(parse_condition("a = 1")) == "(= a 1)");
  CHECK(show(parse_condition("a == 1")) == "(= a 1)");
  CHECK(show(parse_condition("a != 1")) == "(!= a 1)");
  CHECK(show(parse_condition("a < 1")) == "(< a 1)");
  CHECK(show(parse_condition("a <= 1")) == "(<= a 1)");
  CHECK(show(parse_condition("a > 1")) == "(> a 1)");
  CHECK(show(parse_condition("a >= 1")) == "(>= a 1)");
}

TEST_CASE("operators bind by the precedence table", "[expr]") {
  CHECK(show(parse_condition("a or b and c")) == "(or a (and b c))");
  CHECK(show(parse_condition("a and b or c")) == "(or (and a b) c)");
  CHECK(show(parse_condition("not a and b")) == "(and (not a) b)");
  CHECK(show(parse_condition("not a < 1")) == "(not (< a 1))");
  CHECK(show(parse_condition("a + 1 < b * 2")) == "(< (+ a 1) (* b 2))");
  CHECK(show(parse_condition("a + b * c")) == "(+ a (* b c))");
  CHECK(show(parse_condition("a * b + c")) == "(+ (* a b) c)");
  CHECK(show(parse_condition("-a * b")) == "(* (neg a) b)");
  CHECK(show(parse_condition("50 + 100 * default(abs(gap(s)), 0)")) ==
        "(+ 50 (* 100 (default() (abs() (gap() s)) 0)))");
}

TEST_CASE("binary operators of one level associate to the left", "[expr]") {
  CHECK(show(parse_condition("a - b - c")) == "(- (- a b) c)");
  CHECK(show(parse_condition("a / b * c")) == "(* (/ a b) c)");
  CHECK(show(parse_condition("a or b or c")) == "(or (or a b) c)");
  CHECK(show(parse_condition("a and b and c")) == "(and (and a b) c)");
}

TEST_CASE("parentheses override precedence", "[expr]") {
  CHECK(show(parse_condition("(a + b) * c")) == "(* (+ a b) c)");
  CHECK(show(parse_condition("(a or b) and c")) == "(and (or a b) c)");
  CHECK(show(parse_condition("((((x))))")) == "x");
  CHECK(show(parse_condition("not (a and b)")) == "(not (and a b))");
}

TEST_CASE("not and minus chain without limit of repetition", "[expr]") {
  CHECK(show(parse_condition("not not a")) == "(not (not a))");
  CHECK(show(parse_condition("not not not a")) == "(not (not (not a)))");
  CHECK(show(parse_condition("- - 3")) == "(neg (neg 3))");
  CHECK(show(parse_condition("--3")) == "(neg (neg 3))");
  CHECK(show(parse_condition("a - -b")) == "(- a (neg b))");
}

TEST_CASE("spans cover each node, and names have their own span", "[expr]") {
  Parsed parsed(finding_when("not it.x < (30% + y)  # trailing"));
  REQUIRE(parsed.diagnostics().empty());
  const Expr& root = std::get<ExprField>(parsed.declarations()[0].fields[0]).expr;
  CHECK(parsed.slice(root.span) == "not it.x < (30% + y)");
  const Expr& cmp = root.args[0];
  CHECK(parsed.slice(cmp.span) == "it.x < (30% + y)");
  CHECK(parsed.slice(cmp.args[0].span) == "it.x");
  CHECK(parsed.slice(cmp.args[0].name_span) == "x");
  CHECK(parsed.slice(cmp.args[1].span) == "(30% + y)");  // parentheses belong to the group
  CHECK(parsed.slice(cmp.args[1].args[0].span) == "30%");
  CHECK(parsed.slice(cmp.args[1].args[1].name_span) == "y");
}

TEST_CASE("a call's span runs from its name to its closing parenthesis", "[expr]") {
  Parsed parsed(finding_when("max( a , b )"));
  REQUIRE(parsed.diagnostics().empty());
  const Expr& call = std::get<ExprField>(parsed.declarations()[0].fields[0]).expr;
  CHECK(parsed.slice(call.span) == "max( a , b )");
  CHECK(parsed.slice(call.name_span) == "max");
  CHECK(parsed.slice(call.args[1].span) == "b");
}

TEST_CASE("an expression may continue over lines and around comments", "[expr]") {
  CHECK(show(parse_condition("a < 1  # first part\n    or b > 2")) == "(or (< a 1) (> b 2))");
}
