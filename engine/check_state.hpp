// What the checker's passes share: the syntax being checked, the rule set being built, what each
// pass learned (symbols, the meaning of every name, the unit of every node) and the diagnostics.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dsl/ast.hpp"
#include "dsl/diagnostic.hpp"
#include "engine/checker.hpp"
#include "engine/functions.hpp"
#include "engine/model.hpp"

namespace rapport::engine::checking {

// An id the rule set declares: what kind of thing it names and which one.
struct Symbol {
  dsl::DeclKind kind = dsl::DeclKind::Source;
  std::uint32_t index = 0;  // into the RuleSet vector of that kind
  dsl::Location where;
};

// Where each model element came from, so later passes can walk its syntax.
struct SourceSyntax {
  std::uint32_t file = 0;
  const dsl::Declaration* decl = nullptr;
};
struct MetricSyntax {
  std::uint32_t file = 0;
  const dsl::Declaration* decl = nullptr;
  const dsl::KindField* kind = nullptr;    // without it the metric's unit is unknown
  const dsl::AskedField* asked = nullptr;
  std::vector<const dsl::BenchmarkField*> benchmarks;  // parallel to Metric::benchmarks
};
struct FindingSyntax {
  std::uint32_t file = 0;
  const dsl::Declaration* decl = nullptr;
  const dsl::Expr* when = nullptr;
  const dsl::Text* narrative = nullptr;
  std::vector<const dsl::EvidenceField*> evidence;     // parallel to Finding::evidence
};
struct RecommendationSyntax {
  std::uint32_t file = 0;
  const dsl::Declaration* decl = nullptr;
  const dsl::Expr* when = nullptr;
  const dsl::Expr* priority = nullptr;
  std::vector<const dsl::Text*> actions;
};

// What a name or a call denotes, as decided by the resolve pass.
struct Meaning {
  enum class Kind : std::uint8_t {
    Slot,       // a metric answered by one audience: it.m, marketing.m, company-level m
    Finding,    // a finding's verdict
    Gap,        // gap(m)
    Benchmark,  // benchmark(it.m): a published constant
    Weight,     // weight(f): a finding's severity weight if it fired, else 0
    Statistic,  // n(it.m), ci_low(gap(m)), ...: `function` says which; audience Company means the gap
    Call,       // any other function
  };
  Kind kind = Kind::Slot;
  std::uint32_t index = 0;                  // the metric (Slot, Gap, Benchmark) or the finding (Finding, Weight)
  Audience audience = Audience::Company;    // Slot, Benchmark
  Function function = Function::Abs;        // Call

  static Meaning slot(std::uint32_t metric, Audience a) { return {Kind::Slot, metric, a, Function::Abs}; }
  static Meaning finding(std::uint32_t f) { return {Kind::Finding, f, Audience::Company, Function::Abs}; }
  static Meaning gap(std::uint32_t metric) { return {Kind::Gap, metric, Audience::Company, Function::Gap}; }
  static Meaning benchmark(std::uint32_t metric, Audience a) { return {Kind::Benchmark, metric, a, Function::Benchmark}; }
  static Meaning weight(std::uint32_t f) { return {Kind::Weight, f, Audience::Company, Function::Weight}; }
  static Meaning statistic(Function f, std::uint32_t metric, Audience a) { return {Kind::Statistic, metric, a, f}; }
  static Meaning call(Function f) { return {Kind::Call, 0, Audience::Company, f}; }
};

// Every expression the checker looks at: a condition, a priority or a placeholder, and its owner.
enum class Role : std::uint8_t { Condition, Priority, Placeholder };
struct ExprRoot {
  const dsl::Expr* expr = nullptr;
  std::uint32_t file = 0;
  dsl::DeclKind owner_kind = dsl::DeclKind::Finding;
  std::uint32_t owner = 0;                  // index of the finding or recommendation
  Role role = Role::Condition;
};

// A finding read by a finding's condition, and where: the edges of the cycle check.
struct FindingRead {
  std::uint32_t finding = 0;
  dsl::Location where;
};

struct CheckState {
  explicit CheckState(const std::vector<ParsedFile>& parsed, CheckFor for_use = CheckFor::Everything)
      : files(parsed), purpose(for_use) {}

  const std::vector<ParsedFile>& files;
  CheckFor purpose;
  dsl::Diagnostics diagnostics;
  RuleSet rules;

  // declare
  std::map<std::string, Symbol> symbols;
  std::vector<SourceSyntax> source_syntax;
  std::vector<MetricSyntax> metric_syntax;
  std::vector<FindingSyntax> finding_syntax;
  std::vector<RecommendationSyntax> recommendation_syntax;
  std::vector<ExprRoot> roots;

  // resolve
  std::unordered_map<const dsl::Expr*, Meaning> meanings;    // names and calls that resolved
  std::vector<std::vector<FindingRead>> finding_reads;       // per finding, from its condition

  // types
  std::unordered_map<const dsl::Expr*, Unit> units;          // nodes whose type is sound

  // Places and quotes.
  dsl::Location locate(std::uint32_t file, dsl::Span span) const;
  // The text as written, or "" when it is long or spans lines (too much for a message).
  std::string written(std::uint32_t file, dsl::Span span) const;
  // The text as written in quotes, for messages: "'it.x'", or "this expression".
  std::string quote(std::uint32_t file, dsl::Span span) const;

  // Reporting. The reference stays valid until the next report.
  dsl::Diagnostic& error(const char* code, dsl::Location where, std::string message, std::string help = {});
  dsl::Diagnostic& warning(const char* code, dsl::Location where, std::string message, std::string help = {});
  bool has_errors() const;

  // The declared ids of the given kinds, as candidates for "did you mean".
  std::vector<std::string> ids_of(std::initializer_list<dsl::DeclKind> kinds) const;
  // The help line suggesting the closest candidate, or "" when none is close.
  static std::string did_you_mean(const std::string& name, const std::vector<std::string>& candidates);
};

// Words for messages.
std::string_view kind_name(dsl::DeclKind kind);        // "metric"
std::string_view audience_name(Audience audience);     // "it", "marketing", "company"
std::string_view unit_phrase(Unit unit);               // "a percentage"
bool is_number(Unit unit);
std::string spell(double value);                       // shortest round-trip form: 0.5, 2019
Unit unit_of_metric(const Metric& metric);
// A string field's text when it may not hold placeholders: the literal parts, decoded.
std::string plain_text(const dsl::Text& text);

// Reports a Percent literal outside 0–100% or a Points literal outside ±100pp; false if it did.
bool check_literal_range(CheckState& state, std::uint32_t file, const dsl::Expr& number);

}  // namespace rapport::engine::checking
