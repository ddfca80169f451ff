// Small fixtures for the dsl tests: parse inline rule text, show expressions as S-expressions,
// and render every diagnostic as a user would see it.
#pragma once

#include <string>

#include <catch2/catch.hpp>

#include "dsl/parser.hpp"

namespace rapport::dsl::testing {

// A parsed text that keeps its SourceFile alive (spans and locations point into it).
struct Parsed {
  SourceMap sources;
  const SourceFile& file;
  ParseResult result;

  explicit Parsed(std::string text, const ParseLimits& limits = {}, std::string path = "test.rules")
      : file(sources.add(std::move(path), std::move(text))), result(parse_rule_file(file, limits)) {}

  const std::vector<Declaration>& declarations() const { return result.file.declarations; }
  const Diagnostics& diagnostics() const { return result.diagnostics; }

  std::string slice(Span span) const { return file.text().substr(span.begin, span.end - span.begin); }

  std::string rendered() const {
    std::string out;
    for (const Diagnostic& diag : result.diagnostics) out += render(diag, sources);
    return out;
  }

  // "line:col: message" for each diagnostic: compact for exact-position checks.
  std::string positions() const {
    std::string out;
    for (const Diagnostic& d : result.diagnostics) {
      out += std::to_string(d.where.line) + ":" + std::to_string(d.where.col) + ": " + d.message + "\n";
    }
    return out;
  }
};

// The operator as written, except that negation shows as "neg" so it cannot be mistaken for subtraction.
inline std::string op_name(Op op) { return op == Op::Neg ? "neg" : std::string(rapport::dsl::spelling(op)); }

// An expression as an S-expression: (or (< it.x 30%) (not y)), f(a, b) as (f a b).
inline std::string show(const Expr& e) {
  switch (e.kind) {
    case ExprKind::Number: return e.spelling;
    case ExprKind::Truth: return e.truth ? "true" : "false";
    case ExprKind::GroupRef: return std::string(e.group == Group::It ? "it." : "marketing.") + e.name;
    case ExprKind::Name: return e.name;
    case ExprKind::Call: {
      std::string out = "(" + e.name + "()";
      for (const Expr& arg : e.args) out += " " + show(arg);
      return out + ")";
    }
    case ExprKind::Unary: return std::string("(") + op_name(e.op) + " " + show(e.args.at(0)) + ")";
    case ExprKind::Binary:
      return std::string("(") + op_name(e.op) + " " + show(e.args.at(0)) + " " + show(e.args.at(1)) + ")";
  }
  return "?";
}

// The rule text of a finding whose condition is `condition`, for expression tests.
inline std::string finding_when(const std::string& condition) {
  return "finding f\n  when " + condition + "\nend\n";
}

// The condition of a one-finding file; the parse must succeed without diagnostics.
inline Expr parse_condition(const std::string& condition) {
  Parsed parsed(finding_when(condition));
  INFO(parsed.rendered());
  REQUIRE(parsed.diagnostics().empty());
  REQUIRE(parsed.declarations().size() == 1);
  const auto& fields = parsed.declarations()[0].fields;
  REQUIRE(fields.size() == 1);
  return std::get<ExprField>(fields[0]).expr;
}

template <typename FieldType>
std::vector<FieldType> fields_of(const Declaration& decl) {
  std::vector<FieldType> found;
  for (const Field& field : decl.fields) {
    if (const auto* f = std::get_if<FieldType>(&field)) found.push_back(*f);
  }
  return found;
}

}  // namespace rapport::dsl::testing
