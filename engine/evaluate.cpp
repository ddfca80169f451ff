// evaluate(): runs a checked rule set on one profile. Findings go first, dependencies before
// the findings that read them; then recommendations; then the ranking. A second, sceptical pass,
// in which gaps that are not significant are unknown, finds what fired only thanks to them.
#include "engine/assessment.hpp"

#include <algorithm>

#include "engine/rank.hpp"

namespace rapport::engine {

namespace {

void sort_unique(std::vector<std::uint32_t>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

// One pass over the findings with one set of inputs.
std::vector<double> run_findings(const RuleSet& rules, const std::vector<double>& inputs) {
  std::vector<double> findings(rules.findings.size(), kUnknown);
  for (const std::uint32_t f : rules.finding_order) findings[f] = run(rules.findings[f].condition, inputs.data(), findings.data());
  return findings;
}

class Evaluation {
 public:
  Evaluation(const RuleSet& rules, Evidence evidence) : rules_(rules), evidence_(std::move(evidence)) {
    inputs_ = evidence_.inputs.data();
    findings_ = run_findings(rules, evidence_.inputs);
    if (evidence_.any_doubted()) {
      sceptical_inputs_ = evidence_.sceptical_inputs();
      sceptical_findings_ = run_findings(rules, sceptical_inputs_);
      judge_findings();
    }
  }

  Assessment assess() {
    Assessment assessment;
    assessment.findings.reserve(rules_.findings.size());
    for (std::uint32_t f = 0; f < rules_.findings.size(); ++f) assessment.findings.push_back(finding(f));
    assessment.recommendations.reserve(rules_.recommendations.size());
    for (std::uint32_t r = 0; r < rules_.recommendations.size(); ++r)
      assessment.recommendations.push_back(recommendation(r));
    assessment.ranking = rank(assessment.recommendations);
    assessment.warnings = std::move(warnings_);
    assessment.evidence = std::move(evidence_);
    return assessment;
  }

 private:
  // Why a program came out unknown: the inputs it reads that are not there, by reason, and the
  // findings it reads that were unknown themselves (follow those to find the rest).
  void explain_unknown(const Program& program, Grounds& grounds) const {
    for (const std::uint32_t s : program.slots) {
      if (!is_unknown(inputs_[s])) continue;
      const Standing standing = evidence_.slots[s].standing;
      (standing == Standing::Absent ? grounds.missing_slots : grounds.thin_slots).push_back(s);
    }
    for (const std::uint32_t input : program.statistics)
      if (is_unknown(inputs_[input])) unsampled(program, grounds);
    for (const std::uint32_t f : program.findings)
      if (is_unknown(findings_[f])) grounds.unknown_findings.push_back(f);
    for (auto* list : {&grounds.missing_slots, &grounds.thin_slots, &grounds.unsampled_slots, &grounds.unknown_findings})
      sort_unique(*list);
  }

  // A statistic is unknown with its values known: they came without the n (or sd) it needs.
  void unsampled(const Program& program, Grounds& grounds) const {
    for (const std::uint32_t s : program.slots) {
      const SlotEvidence& e = evidence_.slots[s];
      if (e.standing == Standing::Measured && rules_.slots[s].audience != Audience::Company && !e.ci)
        grounds.unsampled_slots.push_back(s);
    }
  }

  // Fired with every input, not with the doubted gaps unknown: tentative, and which gaps it rests on.
  void judge_certainty(const Program& program, double sceptical_truth, Grounds& grounds,
                       const std::vector<Grounds>& findings) const {
    if (sceptical_findings_.empty() || verdict_of(sceptical_truth) == Verdict::Fired) return;
    grounds.tentative = true;
    for (const std::uint32_t m : program.gaps)
      if (evidence_.doubted(m)) grounds.doubted_gaps.push_back(m);
    for (const std::uint32_t f : program.findings)
      if (findings[f].tentative)
        grounds.doubted_gaps.insert(grounds.doubted_gaps.end(), findings[f].doubted_gaps.begin(),
                                    findings[f].doubted_gaps.end());
    sort_unique(grounds.doubted_gaps);
  }

  // An unknown result that no missing input explains may come of a division by zero or an overflow.
  void note_fault(const Program& program, double result, EvaluationWarning where) {
    if (!is_unknown(result)) return;
    where.fault = find_fault(program, inputs_, findings_.data());
    if (where.fault != Fault::None) warnings_.push_back(where);
  }

  FilledText fill(const Template& text) const {
    FilledText filled;
    filled.reserve(text.pieces.size());
    for (const auto& piece : text.pieces) {
      if (piece.value)
        filled.push_back({true, {}, run(*piece.value, inputs_, findings_.data()), piece.value->unit});
      else
        filled.push_back({false, piece.text, kUnknown, Unit::Plain});
    }
    return filled;
  }

  FindingOutcome finding(std::uint32_t f) {
    const Finding& finding = rules_.findings[f];
    FindingOutcome outcome;
    outcome.finding = f;
    outcome.verdict = verdict_of(findings_[f]);
    if (outcome.verdict == Verdict::Unknown) explain_unknown(finding.condition, outcome);
    note_fault(finding.condition, findings_[f], {EvaluationWarning::Rule::Finding, f});
    if (outcome.verdict != Verdict::Fired) return outcome;
    outcome.narrative = fill(finding.narrative);
    if (!certainty_.empty()) {
      outcome.tentative = certainty_[f].tentative;
      outcome.doubted_gaps = certainty_[f].doubted_gaps;
    }
    return outcome;
  }

  // How sure each fired finding is, in evaluation order so that a finding sees those it reads.
  void judge_findings() {
    certainty_.resize(rules_.findings.size());
    for (const std::uint32_t f : rules_.finding_order)
      if (verdict_of(findings_[f]) == Verdict::Fired)
        judge_certainty(rules_.findings[f].condition, sceptical_findings_[f], certainty_[f], certainty_);
  }

  RecommendationOutcome recommendation(std::uint32_t r) {
    const Recommendation& rec = rules_.recommendations[r];
    RecommendationOutcome outcome;
    outcome.recommendation = r;
    const double condition = run(rec.condition, inputs_, findings_.data());
    outcome.verdict = verdict_of(condition);
    if (outcome.verdict == Verdict::Unknown) explain_unknown(rec.condition, outcome);
    note_fault(rec.condition, condition, {EvaluationWarning::Rule::Recommendation, r});
    if (outcome.verdict != Verdict::Fired) return outcome;
    outcome.priority = run(rec.priority, inputs_, findings_.data());
    // A fired recommendation with no priority is still shown (last); say what the priority lacked.
    if (is_unknown(outcome.priority)) explain_unknown(rec.priority, outcome);
    note_fault(rec.priority, outcome.priority,
               {EvaluationWarning::Rule::Recommendation, r, EvaluationWarning::Field::Priority});
    for (const std::uint32_t f : rec.findings_used)
      if (verdict_of(findings_[f]) == Verdict::Fired) outcome.because.push_back(f);
    outcome.actions.reserve(rec.actions.size());
    for (const auto& action : rec.actions) outcome.actions.push_back(fill(action));
    if (!sceptical_findings_.empty())
      judge_certainty(rec.condition, run(rec.condition, sceptical_inputs_.data(), sceptical_findings_.data()), outcome,
                      certainty_);
    return outcome;
  }

  const RuleSet& rules_;
  Evidence evidence_;
  const double* inputs_ = nullptr;
  std::vector<double> findings_;
  std::vector<double> sceptical_inputs_;    // empty when no gap is doubted
  std::vector<double> sceptical_findings_;  // empty when no gap is doubted
  std::vector<Grounds> certainty_;           // per finding: tentative and doubted gaps (when any gap is doubted)
  std::vector<EvaluationWarning> warnings_;  // arithmetic that went wrong, in the order assess() meets it
};

}  // namespace

Assessment evaluate(const RuleSet& rules, const Profile& profile, const EvidenceOptions& options) {
  return Evaluation(rules, gather_evidence(rules, profile, options)).assess();
}

}  // namespace rapport::engine
