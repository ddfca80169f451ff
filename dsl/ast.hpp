// The syntax tree of a rule file: every language construct, positioned by byte spans.
// Produced by the grammar (dsl/grammar_def.hpp); consumed by the checker, the formatter and the tests.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace rapport::dsl {

// Byte offsets [begin, end) into the rule file's text. SourceFile::locate turns them into line:col.
struct Span {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  friend bool operator==(const Span&, const Span&) = default;
};

// ---------------------------------------------------------------- expressions

enum class ExprKind : std::uint8_t {
  Number,    // 3, 2.5, 58%, 10pp
  Truth,     // true, false
  GroupRef,  // it.metric, marketing.metric
  Name,      // company_metric or finding_id
  Call,      // gap(metric), abs(x), min(a, b), known(x), ...
  Unary,     // not x, -x
  Binary,    // a and b, a < b, a + b, ...
};

enum class NumberUnit : std::uint8_t { Plain, Percent, Points };

// Operators, from the loosest binding to the tightest (see the precedence table in grammar_def.hpp).
enum class Op : std::uint8_t { Or, And, Not, Eq, Ne, Lt, Le, Gt, Ge, Add, Sub, Mul, Div, Neg };

// How an operator is written in a rule file ("<=", "and"); Sub and Neg are both "-".
std::string_view spelling(Op op);

enum class Group : std::uint8_t { It, Marketing };

// One node of an expression. A single node type keeps walks (checker, formatter, explain) simple.
struct Expr {
  ExprKind kind = ExprKind::Number;
  Span span;

  double number = 0;            // Number: the value, normalised (58% -> 0.58, 10pp -> 0.10)
  NumberUnit unit = NumberUnit::Plain;
  std::string spelling;         // Number: the literal as written ("58%"), for the formatter

  bool truth = false;           // Truth

  Group group = Group::It;      // GroupRef
  std::string name;             // GroupRef: metric id; Name: the identifier; Call: the function
  Span name_span;               // GroupRef/Name/Call: where the identifier is

  Op op = Op::Or;               // Unary, Binary
  std::vector<Expr> args;       // Unary: 1, Binary: 2, Call: the arguments
};

// ---------------------------------------------------------------- text with {placeholders}

// A string literal, decoded. `parts` splits it into literal text and {expression} placeholders;
// `{{` and `}}` stand for literal braces. A string without placeholders has one text part.
struct TemplatePart {
  bool is_placeholder = false;
  std::string text;             // literal text (decoded), when !is_placeholder
  Expr expr;                    // the placeholder's expression, when is_placeholder
};

struct Text {
  std::string value;            // the decoded string, placeholders left verbatim
  std::vector<TemplatePart> parts;
  Span span;                    // the literal(s), quotes included
};

struct Ident {
  std::string name;
  Span span;
};

// ---------------------------------------------------------------- declarations and their fields

enum class DeclKind : std::uint8_t { Source, Metric, Finding, Recommendation };

// Who answers a metric: one of the two surveyed groups, or the company as a whole.
enum class Audience : std::uint8_t { It, Marketing, Company };

enum class MetricKind : std::uint8_t { Share, Scale, Number, Flag };
enum class Severity : std::uint8_t { Info, Low, Medium, High, Critical };
enum class Owner : std::uint8_t { Cio, Cmo, Both };
// How a published figure is stated: "58%", "about 50%", "under 50%" (less than half), "over 50%".
enum class Bound : std::uint8_t { Exact, About, Under, Over };

enum class FieldKey : std::uint8_t {
  // source
  Title, By, Year, Sample, Url, Note,
  // metric
  Question, Label, Kind, Asked, Benchmark,
  // finding
  Severity, When, Evidence, Narrative,
  // recommendation
  Owner, Horizon, Priority, Action, Rationale,
};

// title / by / url / note / question / label / narrative / action / rationale  "text"
struct TextField { FieldKey key = FieldKey::Title; Text text; Span span; };
// year 2010 / horizon 90 days
struct NumberField { FieldKey key = FieldKey::Year; double value = 0; Span span; };
// severity high
struct SeverityField { Severity value = Severity::Info; Span span; };
// owner cio | cmo | both
struct OwnerField { Owner value = Owner::Both; Span span; };
// share | scale 1 to 5 | number | flag
struct KindField { MetricKind kind = MetricKind::Share; double low = 0; double high = 0; Span span; };
// asked it, marketing | asked both | asked company
struct AskedField { std::vector<Audience> audiences; Span span; };
// sample marketing 405, it 252   (company stands for the total)
struct GroupCount { Audience group = Audience::It; double count = 0; Span span; };
struct SampleField { std::vector<GroupCount> counts; Span span; };
// benchmark it 58% from cmo_council "58% of CIOs said ..."      (quote optional)
// benchmark marketing under 50% from accenture_disconnect
struct BenchmarkField {
  Audience group = Audience::It;
  Bound bound = Bound::Exact;
  Expr value;                   // a Number literal
  Ident source;
  bool has_quote = false;
  Text quote;
  Span span;
};
// evidence accenture_disconnect "only one in ten ... is satisfied"
struct EvidenceField { Ident source; Text quote; Span span; };
// when <condition> / priority <number expression>
struct ExprField { FieldKey key = FieldKey::When; Expr expr; Span span; };

using Field = std::variant<TextField, NumberField, SeverityField, OwnerField, KindField, AskedField,
                           SampleField, BenchmarkField, EvidenceField, ExprField>;

// source|metric|finding|recommendation ID <fields> end
struct Declaration {
  DeclKind kind = DeclKind::Source;
  Ident id;
  std::vector<Field> fields;
  Span span;                    // from the keyword through `end`
};

struct Comment {
  std::string text;             // from '#' to the end of the line, '#' included
  Span span;
};

struct RuleFile {
  std::vector<Declaration> declarations;
  std::vector<Comment> comments;  // every comment, in order, for the formatter
};

}  // namespace rapport::dsl
