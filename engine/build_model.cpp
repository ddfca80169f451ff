// Builds the rule set's sources, metrics, findings and recommendations from their checked fields,
// reporting values that cannot be right whatever else the rule set says (scale 5 to 1, year 0, ...).
#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "dsl/diagnostic_codes.hpp"
#include "engine/declaration_fields.hpp"

namespace rapport::engine::checking {

namespace {

using dsl::DeclKind;
using dsl::FieldKey;

// Deeper trees than this are refused, so the recursive passes that follow stay far from the
// stack's limit whatever the input (the parser builds `not not ... x` and long chains iteratively).
constexpr std::size_t kMaxExprDepth = 1000;

std::size_t depth_of(const dsl::Expr& root) {
  std::vector<std::pair<const dsl::Expr*, std::size_t>> todo{{&root, 1}};
  std::size_t deepest = 0;
  while (!todo.empty()) {
    const auto [node, depth] = todo.back();
    todo.pop_back();
    deepest = std::max(deepest, depth);
    for (const auto& arg : node->args) todo.emplace_back(&arg, depth + 1);
  }
  return deepest;
}

// Queues an expression for the later passes; false (after reporting) when it is too deep to walk.
bool add_root(CheckState& state, const ExprRoot& root) {
  if (depth_of(*root.expr) > kMaxExprDepth) {
    state.error(dsl::code::nesting_too_deep, state.locate(root.file, root.expr->span),
                "this expression nests more than " + std::to_string(kMaxExprDepth) + " levels deep",
                "split it into findings that build on each other");
    return false;
  }
  state.roots.push_back(root);
  return true;
}

void add_placeholder_roots(CheckState& state, const dsl::Text& text, std::uint32_t file, DeclKind owner_kind,
                           std::uint32_t owner) {
  for (const auto& part : text.parts)
    if (part.is_placeholder) add_root(state, {&part.expr, file, owner_kind, owner, Role::Placeholder});
}

// A text shown exactly as written: placeholders are filled only in narratives and actions.
std::string literal_text(CheckState& state, std::uint32_t file, const dsl::Text& text, std::string_view what) {
  for (const auto& part : text.parts)
    if (part.is_placeholder)
      state.error(dsl::code::bad_placeholder, state.locate(file, part.expr.span),
                  "a " + std::string(what) + " is shown as written, so it cannot hold a placeholder",
                  "placeholders are filled in narratives and actions; write {{ and }} for literal braces");
  return plain_text(text);
}

// Queues a `when` or `priority` for the later passes and keeps a copy of its tree in the model;
// the syntax it came from, or null when the field is missing or too deep to check.
const dsl::Expr* take_expression(CheckState& state, const FieldSet& fields, FieldKey key, DeclKind owner_kind,
                                 std::uint32_t owner, dsl::Expr& copy) {
  const auto* field = fields.get<dsl::ExprField>(key);
  if (field == nullptr) return nullptr;
  const Role role = key == FieldKey::Priority ? Role::Priority : Role::Condition;
  if (!add_root(state, {&field->expr, fields.file, owner_kind, owner, role})) return nullptr;
  // The copy outlives the parsed files; evaluation never reads it, so it is not made for evaluation.
  if (state.purpose != CheckFor::Evaluation) copy = field->expr;
  return &field->expr;
}

std::string text_of(CheckState& state, const FieldSet& fields, FieldKey key) {
  const auto* field = fields.get<dsl::TextField>(key);
  return field ? literal_text(state, fields.file, field->text, field_name(key)) : std::string();
}

bool is_whole(double v, double lowest, double highest) {
  return std::isfinite(v) && v == std::floor(v) && v >= lowest && v <= highest;
}

std::string range_of(const Metric& metric) {
  switch (metric.kind) {
    case MetricKind::Share: return "0% to 100%";
    case MetricKind::Flag: return "0 to 1";
    case MetricKind::Scale: return spell(metric.low) + " to " + spell(metric.high);
    case MetricKind::Number: return "any number";
  }
  return "";
}

// Sets the metric's kind and valid range; false when the range is unusable (no kind, bad scale).
bool read_kind(CheckState& state, const FieldSet& fields, Metric& metric) {
  const auto* kind = fields.get<dsl::KindField>(FieldKey::Kind);
  if (kind == nullptr) return false;
  metric.kind = kind->kind;
  constexpr double kInf = std::numeric_limits<double>::infinity();
  switch (kind->kind) {
    case MetricKind::Share:
    case MetricKind::Flag: metric.low = 0; metric.high = 1; return true;
    case MetricKind::Number: metric.low = -kInf; metric.high = kInf; return true;
    case MetricKind::Scale: break;
  }
  metric.low = kind->low;
  metric.high = kind->high;
  if (kind->low < kind->high) return true;
  state.error(dsl::code::bad_value, state.locate(fields.file, kind->span),
              "a scale runs from its lowest answer to its highest, but " + spell(kind->low) + " to " +
                  spell(kind->high) + " does not",
              "write the lowest answer first, e.g. `kind scale 1 to 5`");
  return false;
}

void read_asked(CheckState& state, const FieldSet& fields, Metric& metric) {
  const auto* asked = fields.get<dsl::AskedField>(FieldKey::Asked);
  if (asked == nullptr) return;
  for (const Audience audience : asked->audiences) {
    if (metric.asked_of(audience)) {
      state.error(dsl::code::bad_value, state.locate(fields.file, asked->span),
                  "'asked' lists " + std::string(audience_name(audience)) + " twice", "list each group once");
      continue;
    }
    metric.asked.push_back(audience);
  }
}

// A benchmark's figure must be a literal that the metric could take: shares as percentages in
// 0–100%, scales and numbers as plain numbers within the metric's range.
bool check_benchmark_value(CheckState& state, std::uint32_t file, const dsl::Expr& value, const Metric& metric,
                           bool range_known) {
  const dsl::Location where = state.locate(file, value.span);
  if (value.kind != dsl::ExprKind::Number) {
    state.error(dsl::code::bad_value, where, "a benchmark is a published figure, written as a number");
    return false;
  }
  if (!check_literal_range(state, file, value)) return false;
  if (!range_known) return true;
  if (value.unit == dsl::NumberUnit::Points) {
    state.error(dsl::code::bad_value, where,
                "a benchmark is a level, not a difference in percentage points like " + value.spelling,
                metric.kind == MetricKind::Share ? "write it as a percentage, e.g. 10%" : "write a plain number");
    return false;
  }
  if (value.unit == dsl::NumberUnit::Percent &&
      (metric.kind == MetricKind::Scale || metric.kind == MetricKind::Number)) {
    state.error(dsl::code::bad_value, where,
                "metric '" + metric.id + "' is not a share, so its benchmark is a plain number, not " + value.spelling);
    return false;
  }
  if (value.number < metric.low || value.number > metric.high) {
    const bool share_as_plain = metric.kind == MetricKind::Share && value.unit == dsl::NumberUnit::Plain;
    state.error(dsl::code::bad_value, where,
                "benchmark " + value.spelling + " is outside the range of metric '" + metric.id + "' (" +
                    range_of(metric) + ")",
                share_as_plain ? "a share is written as a percentage: did you mean " + value.spelling + "%?" : "");
    return false;
  }
  return true;
}

void read_benchmarks(CheckState& state, const FieldSet& fields, Metric& metric, MetricSyntax& syntax,
                     bool range_known) {
  const auto* asked = fields.get<dsl::AskedField>(FieldKey::Asked);
  for (const auto* field : fields.all<dsl::BenchmarkField>(FieldKey::Benchmark)) {
    const std::string group(audience_name(field->group));
    const dsl::Location where = state.locate(fields.file, field->span);
    if (asked != nullptr && !metric.asked_of(field->group)) {
      state.error(dsl::code::group_not_asked, where,
                  "metric '" + metric.id + "' is not asked of " + group + ", so it has no " + group +
                      " figure to compare with a benchmark",
                  "benchmark a group listed in 'asked', or add " + group + " to 'asked'")
          .notes.push_back({"'asked' is here", state.locate(fields.file, asked->span)});
      continue;
    }
    if (metric.benchmark_for(field->group) != nullptr) {
      const auto first = syntax.benchmarks[static_cast<std::size_t>(metric.benchmark_for(field->group) -
                                                                    metric.benchmarks.data())];
      state.error(dsl::code::duplicate_field, where, "metric '" + metric.id + "' has a second " + group + " benchmark",
                  "keep one of them")
          .notes.push_back({"first given here", state.locate(fields.file, first->span)});
      continue;
    }
    if (!check_benchmark_value(state, fields.file, field->value, metric, range_known)) continue;
    Benchmark benchmark;
    benchmark.group = field->group;
    benchmark.bound = field->bound;
    benchmark.value = field->value.number;
    if (field->has_quote) benchmark.quote = literal_text(state, fields.file, field->quote, "benchmark quote");
    metric.benchmarks.push_back(std::move(benchmark));
    syntax.benchmarks.push_back(field);  // its source is resolved with every other name
  }
}

}  // namespace

void build_source(CheckState& state, const FieldSet& fields) {
  Source source;
  source.id = fields.decl->id.name;
  source.where = state.locate(fields.file, fields.decl->id.span);
  source.title = text_of(state, fields, FieldKey::Title);
  source.by = text_of(state, fields, FieldKey::By);
  source.url = text_of(state, fields, FieldKey::Url);
  source.note = text_of(state, fields, FieldKey::Note);
  if (const auto* year = fields.get<dsl::NumberField>(FieldKey::Year)) {
    if (is_whole(year->value, 1, 9999))
      source.year = static_cast<int>(year->value);
    else
      state.error(dsl::code::bad_value, state.locate(fields.file, year->span), spell(year->value) + " is not a year",
                  "write the year of publication, e.g. `year 2019`");
  }
  if (const auto* sample = fields.get<dsl::SampleField>(FieldKey::Sample)) {
    for (const auto& count : sample->counts) {
      const dsl::Location where = state.locate(fields.file, count.span);
      const std::string group = count.group == Audience::Company ? "total" : std::string(audience_name(count.group));
      const bool listed = std::any_of(source.sample.begin(), source.sample.end(),
                                      [&](const auto& s) { return s.first == count.group; });
      if (!is_whole(count.count, 0, 1e9))
        state.error(dsl::code::bad_value, where, "a sample size is a whole number of respondents, not " + spell(count.count));
      else if (listed)
        state.error(dsl::code::bad_value, where, "the sample lists " + group + " twice", "list each group once");
      else
        source.sample.emplace_back(count.group, static_cast<int>(count.count));
    }
  }
  state.rules.sources.push_back(std::move(source));
  state.source_syntax.push_back({fields.file, fields.decl});
}

void build_metric(CheckState& state, const FieldSet& fields) {
  Metric metric;
  metric.id = fields.decl->id.name;
  metric.where = state.locate(fields.file, fields.decl->id.span);
  metric.question = text_of(state, fields, FieldKey::Question);
  metric.label = text_of(state, fields, FieldKey::Label);
  if (metric.label.empty()) metric.label = metric.id;
  const bool range_known = read_kind(state, fields, metric);
  read_asked(state, fields, metric);
  MetricSyntax syntax{fields.file, fields.decl, fields.get<dsl::KindField>(FieldKey::Kind),
                      fields.get<dsl::AskedField>(FieldKey::Asked), {}};
  read_benchmarks(state, fields, metric, syntax, range_known);
  state.rules.metric_ids.emplace(metric.id, static_cast<std::uint32_t>(state.rules.metrics.size()));
  state.rules.metrics.push_back(std::move(metric));
  state.metric_syntax.push_back(std::move(syntax));
}

void build_finding(CheckState& state, const FieldSet& fields) {
  const auto index = static_cast<std::uint32_t>(state.rules.findings.size());
  Finding finding;
  FindingSyntax syntax{fields.file, fields.decl, nullptr, nullptr, {}};
  finding.id = fields.decl->id.name;
  finding.where = state.locate(fields.file, fields.decl->id.span);
  finding.title = text_of(state, fields, FieldKey::Title);
  if (const auto* severity = fields.get<dsl::SeverityField>(FieldKey::Severity)) finding.severity = severity->value;
  syntax.when = take_expression(state, fields, FieldKey::When, DeclKind::Finding, index, finding.condition_ast);
  for (const auto* evidence : fields.all<dsl::EvidenceField>(FieldKey::Evidence)) {
    finding.evidence.push_back({0, literal_text(state, fields.file, evidence->quote, "quote")});
    syntax.evidence.push_back(evidence);  // its source is resolved with every other name
  }
  if (const auto* narrative = fields.get<dsl::TextField>(FieldKey::Narrative)) {
    finding.narrative.source_text = narrative->text.value;
    syntax.narrative = &narrative->text;
    add_placeholder_roots(state, narrative->text, fields.file, DeclKind::Finding, index);
  }
  state.rules.findings.push_back(std::move(finding));
  state.finding_syntax.push_back(std::move(syntax));
}

void build_recommendation(CheckState& state, const FieldSet& fields) {
  const auto index = static_cast<std::uint32_t>(state.rules.recommendations.size());
  Recommendation rec;
  RecommendationSyntax syntax{fields.file, fields.decl, nullptr, nullptr, {}};
  rec.id = fields.decl->id.name;
  rec.where = state.locate(fields.file, fields.decl->id.span);
  rec.title = text_of(state, fields, FieldKey::Title);
  rec.rationale = text_of(state, fields, FieldKey::Rationale);
  if (const auto* owner = fields.get<dsl::OwnerField>(FieldKey::Owner)) rec.owner = owner->value;
  if (const auto* horizon = fields.get<dsl::NumberField>(FieldKey::Horizon)) {
    if (is_whole(horizon->value, 1, 36500))
      rec.horizon_days = static_cast<int>(horizon->value);
    else
      state.error(dsl::code::bad_value, state.locate(fields.file, horizon->span),
                  "a horizon is a whole number of days, not " + spell(horizon->value), "e.g. `horizon 90 days`");
  }
  syntax.when = take_expression(state, fields, FieldKey::When, DeclKind::Recommendation, index, rec.condition_ast);
  syntax.priority = take_expression(state, fields, FieldKey::Priority, DeclKind::Recommendation, index, rec.priority_ast);
  for (const auto* action : fields.all<dsl::TextField>(FieldKey::Action)) {
    Template text;
    text.source_text = action->text.value;
    rec.actions.push_back(std::move(text));
    syntax.actions.push_back(&action->text);
    add_placeholder_roots(state, action->text, fields.file, DeclKind::Recommendation, index);
  }
  state.rules.recommendations.push_back(std::move(rec));
  state.recommendation_syntax.push_back(std::move(syntax));
}

}  // namespace rapport::engine::checking
