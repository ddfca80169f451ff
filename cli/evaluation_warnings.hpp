// The words for an assessment's evaluation warnings (engine::EvaluationWarning: a division by zero or an
// overflow that left a rule's result unknown), shared by `rapport assess`'s stderr and every report.
#pragma once

#include <string>
#include <vector>

#include "dsl/diagnostic.hpp"
#include "engine/assessment.hpp"
#include "engine/model.hpp"

namespace rapport::cli {

// "division-by-zero" or "overflow": the stable code (dsl/diagnostic_codes.hpp).
const char* warning_code(const engine::EvaluationWarning& warning);

// "finding" or "recommendation"; "condition" or "priority".
const char* warning_rule_kind(const engine::EvaluationWarning& warning);
const char* warning_field(const engine::EvaluationWarning& warning);

// The rule's id.
const std::string& warning_rule_id(const engine::RuleSet& rules, const engine::EvaluationWarning& warning);

// One sentence for a report: Recommendation “Align the budgets” (align_budgets): a division by zero in its
// priority, so the priority is unknown and it ranks last.
std::string warning_sentence(const engine::RuleSet& rules, const engine::EvaluationWarning& warning);

// Why an item is not assessed, for the report's list: "a division by zero in its condition (see Warnings)".
std::string warning_reason(const engine::EvaluationWarning& warning);

// As diagnostics (severity Warning) at the rule's declaration, for `rapport assess` to print on stderr.
dsl::Diagnostics warning_diagnostics(const engine::RuleSet& rules, const std::vector<engine::EvaluationWarning>& warnings);

}  // namespace rapport::cli
