// The declare pass: registers every id across all files (ids are global), checks each
// declaration's fields against its kind's rules, and builds the rule set's elements.
#include <algorithm>
#include <span>
#include <string>

#include "dsl/diagnostic_codes.hpp"
#include "engine/check_passes.hpp"
#include "engine/declaration_fields.hpp"

namespace rapport::engine::checking {

namespace {

using dsl::DeclKind;
using dsl::FieldKey;

struct FieldRule {
  FieldKey key;
  bool required;
  bool repeatable;
  std::string_view example;  // a line that would satisfy it, for help messages
};

constexpr FieldRule kSourceRules[] = {
    {FieldKey::Title, true, false, "title \"...\""},
    {FieldKey::By, false, false, "by \"...\""},
    {FieldKey::Year, false, false, "year 2019"},
    {FieldKey::Sample, false, false, "sample it 250, marketing 400"},
    {FieldKey::Url, false, false, "url \"https://...\""},
    {FieldKey::Note, false, false, "note \"...\""},
};
constexpr FieldRule kMetricRules[] = {
    {FieldKey::Question, true, false, "question \"...\""},
    {FieldKey::Label, false, false, "label \"...\""},
    {FieldKey::Kind, true, false, "kind share"},
    {FieldKey::Asked, true, false, "asked both"},
    {FieldKey::Benchmark, false, true, "benchmark it about 10% from some_source"},
};
constexpr FieldRule kFindingRules[] = {
    {FieldKey::Title, true, false, "title \"...\""},
    {FieldKey::Severity, true, false, "severity high"},
    {FieldKey::When, true, false, "when <condition>"},
    {FieldKey::Evidence, true, true, "evidence some_source \"the figures quoted\""},
    {FieldKey::Narrative, true, false, "narrative \"...\""},
};
constexpr FieldRule kRecommendationRules[] = {
    {FieldKey::Title, true, false, "title \"...\""},
    {FieldKey::Owner, true, false, "owner both"},
    {FieldKey::Horizon, true, false, "horizon 90 days"},
    {FieldKey::When, true, false, "when <condition>"},
    {FieldKey::Priority, true, false, "priority <number>"},
    {FieldKey::Action, true, true, "action \"...\""},
    {FieldKey::Rationale, false, false, "rationale \"...\""},
};

std::span<const FieldRule> rules_for(DeclKind kind) {
  switch (kind) {
    case DeclKind::Source: return kSourceRules;
    case DeclKind::Metric: return kMetricRules;
    case DeclKind::Finding: return kFindingRules;
    case DeclKind::Recommendation: return kRecommendationRules;
  }
  return {};
}

const FieldRule* rule_for(DeclKind kind, FieldKey key) {
  for (const auto& rule : rules_for(kind))
    if (rule.key == key) return &rule;
  return nullptr;
}

std::string field_list(DeclKind kind) {
  std::string list;
  for (const auto& rule : rules_for(kind)) {
    if (!list.empty()) list += ", ";
    list += field_name(rule.key);
  }
  return list;
}

// Sorts the fields by key, reporting fields the kind does not have, single fields given twice
// and required fields that are missing.
FieldSet collect_fields(CheckState& state, std::uint32_t file, const dsl::Declaration& decl) {
  FieldSet set;
  set.file = file;
  set.decl = &decl;
  const std::string what = std::string(kind_name(decl.kind)) + " '" + decl.id.name + "'";
  for (const dsl::Field& field : decl.fields) {
    const FieldKey key = key_of(field);
    const FieldRule* rule = rule_for(decl.kind, key);
    const std::string name(field_name(key));
    if (rule == nullptr) {
      state.error(dsl::code::field_not_allowed, state.locate(file, span_of(field)),
                  "'" + name + "' is not a field of a " + std::string(kind_name(decl.kind)),
                  "a " + std::string(kind_name(decl.kind)) + " has these fields: " + field_list(decl.kind));
      continue;
    }
    auto& seen = set.by_key[static_cast<std::size_t>(key)];
    if (!rule->repeatable && !seen.empty()) {
      state.error(dsl::code::duplicate_field, state.locate(file, span_of(field)),
                  "'" + name + "' is given twice in " + what, "keep one of them")
          .notes.push_back({"first given here", state.locate(file, span_of(*seen.front()))});
      continue;
    }
    seen.push_back(&field);
  }
  for (const auto& rule : rules_for(decl.kind)) {
    if (rule.required && set.by_key[static_cast<std::size_t>(rule.key)].empty())
      state.error(dsl::code::missing_field, state.locate(file, decl.id.span),
                  what + " has no '" + std::string(field_name(rule.key)) + "'",
                  "add a line such as `" + std::string(rule.example) + "`");
  }
  return set;
}

std::uint32_t count_of(const RuleSet& rules, DeclKind kind) {
  switch (kind) {
    case DeclKind::Source: return static_cast<std::uint32_t>(rules.sources.size());
    case DeclKind::Metric: return static_cast<std::uint32_t>(rules.metrics.size());
    case DeclKind::Finding: return static_cast<std::uint32_t>(rules.findings.size());
    case DeclKind::Recommendation: return static_cast<std::uint32_t>(rules.recommendations.size());
  }
  return 0;
}

// Registers the id; false (after reporting) when another declaration already took it.
bool register_id(CheckState& state, std::uint32_t file, const dsl::Declaration& decl) {
  const dsl::Location where = state.locate(file, decl.id.span);
  const auto [it, inserted] = state.symbols.try_emplace(decl.id.name, Symbol{decl.kind, count_of(state.rules, decl.kind), where});
  if (inserted) return true;
  const Symbol& first = it->second;
  const std::string first_place = first.where.file + ":" + std::to_string(first.where.line) + ":" +
                                  std::to_string(first.where.col);
  state.error(dsl::code::duplicate_id, where,
              "'" + decl.id.name + "' is declared twice: this " + std::string(kind_name(decl.kind)) +
                  " and the " + std::string(kind_name(first.kind)) + " at " + first_place,
              "ids are shared by every rule file; rename one of them")
      .notes.push_back({"first declared here", first.where});
  return false;
}

}  // namespace

void declare(CheckState& state) {
  bool any = false;
  for (std::uint32_t file = 0; file < state.files.size(); ++file) {
    for (const dsl::Declaration& decl : state.files[file].syntax.declarations) {
      any = true;
      const bool fresh = register_id(state, file, decl);
      const FieldSet fields = collect_fields(state, file, decl);
      if (!fresh) continue;  // a duplicate's fields are checked, but it joins no rule set
      switch (decl.kind) {
        case DeclKind::Source: build_source(state, fields); break;
        case DeclKind::Metric: build_metric(state, fields); break;
        case DeclKind::Finding: build_finding(state, fields); break;
        case DeclKind::Recommendation: build_recommendation(state, fields); break;
      }
    }
  }
  if (!any) {
    dsl::Location where;
    if (!state.files.empty() && state.files.front().source != nullptr) where.file = state.files.front().source->path();
    state.error(dsl::code::no_rules, where, "there are no declarations to check",
                "a rule file declares sources, metrics, findings and recommendations");
  }
}

}  // namespace rapport::engine::checking
