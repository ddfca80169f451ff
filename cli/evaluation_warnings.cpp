// The words for evaluation warnings (see evaluation_warnings.hpp).
#include "cli/evaluation_warnings.hpp"

#include <fmt/format.h>

#include "dsl/diagnostic_codes.hpp"

namespace rapport::cli {
namespace {

using engine::EvaluationWarning;

bool is_finding(const EvaluationWarning& w) { return w.rule == EvaluationWarning::Rule::Finding; }
bool in_priority(const EvaluationWarning& w) { return w.field == EvaluationWarning::Field::Priority; }

const char* what_happened(const EvaluationWarning& w) {
  return w.fault == engine::Fault::Overflow ? "a number too large to compute (an overflow)" : "a division by zero";
}

// What the unknown result means for the report.
const char* consequence(const EvaluationWarning& w) {
  if (in_priority(w)) return "so the priority is unknown and it ranks last";
  return is_finding(w) ? "so it could not be assessed" : "so it could not be decided";
}

const std::string& title_of(const engine::RuleSet& rules, const EvaluationWarning& w) {
  return is_finding(w) ? rules.findings.at(w.index).title : rules.recommendations.at(w.index).title;
}

const dsl::Location& where_of(const engine::RuleSet& rules, const EvaluationWarning& w) {
  return is_finding(w) ? rules.findings.at(w.index).where : rules.recommendations.at(w.index).where;
}

}  // namespace

const char* warning_code(const EvaluationWarning& w) {
  return w.fault == engine::Fault::Overflow ? dsl::code::overflow : dsl::code::division_by_zero;
}

const char* warning_rule_kind(const EvaluationWarning& w) { return is_finding(w) ? "finding" : "recommendation"; }
const char* warning_field(const EvaluationWarning& w) { return in_priority(w) ? "priority" : "condition"; }

const std::string& warning_rule_id(const engine::RuleSet& rules, const EvaluationWarning& w) {
  return is_finding(w) ? rules.findings.at(w.index).id : rules.recommendations.at(w.index).id;
}

std::string warning_sentence(const engine::RuleSet& rules, const EvaluationWarning& w) {
  return fmt::format("{} “{}” ({}): {} in its {}, {}.", is_finding(w) ? "Finding" : "Recommendation",
                     title_of(rules, w), warning_rule_id(rules, w), what_happened(w), warning_field(w), consequence(w));
}

std::string warning_reason(const EvaluationWarning& w) {
  return fmt::format("{} in its {} (see Warnings)", what_happened(w), warning_field(w));
}

dsl::Diagnostics warning_diagnostics(const engine::RuleSet& rules, const std::vector<EvaluationWarning>& warnings) {
  dsl::Diagnostics diagnostics;
  for (const EvaluationWarning& w : warnings) {
    dsl::Diagnostic d;
    d.severity = dsl::DiagSeverity::Warning;
    d.code = warning_code(w);
    d.message = fmt::format("{} in the {} of {} '{}' for this profile, {}", what_happened(w), warning_field(w),
                            warning_rule_kind(w), warning_rule_id(rules, w), consequence(w));
    d.where = where_of(rules, w);
    d.help = w.fault == engine::Fault::Overflow
                 ? "check the profile's figures that the rule reads; a figure far outside its usual range is likely a typo"
                 : "check the profile's figures that the rule reads; a rule writer can guard the division with "
                   "default(...)";
    diagnostics.push_back(std::move(d));
  }
  return diagnostics;
}

}  // namespace rapport::cli
