// How reports word the statistics behind a value: sample sizes, confidence intervals, significance,
// tentative findings, and values withheld or set aside for too few answers.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engine/assessment.hpp"
#include "engine/evidence.hpp"
#include "engine/model.hpp"

namespace rapport::cli {

// "8–48%", "2.6–3.6", "−4 to +31 pp": a confidence interval in the unit of what it bounds.
std::string interval_text(const engine::statistics::ConfidenceInterval& ci, engine::Unit unit);
// "p = 0.03", "p < 0.001"
std::string p_value_text(double p);
// "5%": the significance level as people say it.
std::string level_text(double level);
// The unit a metric's gap is shown in: points for shares, the scale's own units otherwise.
engine::Unit gap_unit(const engine::Metric& metric);

// "withheld: 4 answered, fewer than 5 (anonymity)" or "set aside: 4 answered, at least 5 needed";
// "" for a value that is used.
std::string standing_text(const engine::SlotEvidence& slot, const engine::EvidenceOptions& options);

// One sentence per value withheld or set aside, and one when no counts were given at all, saying why.
std::vector<std::string> evidence_notes(const engine::RuleSet& rules, const engine::Evidence& evidence);

// Why a fired item is tentative: "the gap in X (+15 pp, p = 0.31) is not significant at the 5% level".
std::string tentative_note(const engine::RuleSet& rules, const engine::Evidence& evidence,
                           const std::vector<std::uint32_t>& doubted_gaps);

// "it.trust_in_other_function (4 answered)": a value set aside, as the not-assessed lists show it.
std::string thin_reference(const engine::RuleSet& rules, const engine::Evidence& evidence, std::uint32_t slot);

}  // namespace rapport::cli
