// evaluate(): runs a checked rule set on one profile. Findings go first, dependencies before
// the findings that read them; then recommendations; then the ranking.
#include "engine/assessment.hpp"

#include "engine/rank.hpp"

namespace rapport::engine {

namespace {

// Why a program came out unknown: the slots it reads that the profile lacks, and the findings
// it reads that were unknown themselves (follow those to find the rest of the missing inputs).
void explain_unknown(const Program& program, const double* slots, const double* findings,
                     std::vector<std::uint32_t>& missing_slots, std::vector<std::uint32_t>& unknown_findings) {
  for (const std::uint32_t s : program.slots)
    if (is_unknown(slots[s])) missing_slots.push_back(s);
  for (const std::uint32_t f : program.findings)
    if (is_unknown(findings[f])) unknown_findings.push_back(f);
}

FilledText fill(const Template& text, const double* slots, const double* findings) {
  FilledText filled;
  filled.reserve(text.pieces.size());
  for (const auto& piece : text.pieces) {
    if (piece.value)
      filled.push_back({true, {}, run(*piece.value, slots, findings), piece.value->unit});
    else
      filled.push_back({false, piece.text, kUnknown, Unit::Plain});
  }
  return filled;
}

FindingOutcome assess(const RuleSet& rules, std::uint32_t f, const double* slots, const double* findings) {
  const Finding& finding = rules.findings[f];
  FindingOutcome outcome;
  outcome.finding = f;
  outcome.verdict = verdict_of(findings[f]);
  if (outcome.verdict == Verdict::Unknown)
    explain_unknown(finding.condition, slots, findings, outcome.missing_slots, outcome.unknown_findings);
  if (outcome.verdict == Verdict::Fired) outcome.narrative = fill(finding.narrative, slots, findings);
  return outcome;
}

RecommendationOutcome assess_recommendation(const RuleSet& rules, std::uint32_t r, const double* slots,
                                            const double* findings) {
  const Recommendation& rec = rules.recommendations[r];
  RecommendationOutcome outcome;
  outcome.recommendation = r;
  outcome.verdict = verdict_of(run(rec.condition, slots, findings));
  if (outcome.verdict == Verdict::Unknown)
    explain_unknown(rec.condition, slots, findings, outcome.missing_slots, outcome.unknown_findings);
  if (outcome.verdict != Verdict::Fired) return outcome;
  outcome.priority = run(rec.priority, slots, findings);
  // A fired recommendation with no priority is still shown (last); say what the priority lacked.
  if (is_unknown(outcome.priority))
    explain_unknown(rec.priority, slots, findings, outcome.missing_slots, outcome.unknown_findings);
  for (const std::uint32_t f : rec.findings_used)
    if (verdict_of(findings[f]) == Verdict::Fired) outcome.because.push_back(f);
  outcome.actions.reserve(rec.actions.size());
  for (const auto& action : rec.actions) outcome.actions.push_back(fill(action, slots, findings));
  return outcome;
}

}  // namespace

Assessment evaluate(const RuleSet& rules, const Profile& profile) {
  // A profile loaded for this rule set has one value per slot; pad defensively all the same.
  std::vector<double> padded;
  const double* slots = profile.values.data();
  if (profile.values.size() < rules.slots.size()) {
    padded = profile.values;
    padded.resize(rules.slots.size(), kUnknown);
    slots = padded.data();
  }

  std::vector<double> findings(rules.findings.size(), kUnknown);
  for (const std::uint32_t f : rules.finding_order) findings[f] = run(rules.findings[f].condition, slots, findings.data());

  Assessment assessment;
  assessment.findings.reserve(rules.findings.size());
  for (std::uint32_t f = 0; f < rules.findings.size(); ++f)
    assessment.findings.push_back(assess(rules, f, slots, findings.data()));
  assessment.recommendations.reserve(rules.recommendations.size());
  for (std::uint32_t r = 0; r < rules.recommendations.size(); ++r)
    assessment.recommendations.push_back(assess_recommendation(rules, r, slots, findings.data()));
  assessment.ranking = rank(assessment.recommendations);
  return assessment;
}

}  // namespace rapport::engine
