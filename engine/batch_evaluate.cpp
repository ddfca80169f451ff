// BatchEvaluator (see batch_evaluate.hpp). FIRST VERSION: one evaluate() per profile; to be replaced by
// block evaluation (block_program.hpp).
#include "engine/batch_evaluate.hpp"

#include "engine/assessment.hpp"

namespace rapport::engine {

struct BatchEvaluator::State {
  const RuleSet* rules;
  EvidenceOptions options;
};

BatchEvaluator::BatchEvaluator(const RuleSet& rules, EvidenceOptions options)
    : state_(std::make_unique<State>(State{&rules, options})) {}
BatchEvaluator::~BatchEvaluator() = default;
BatchEvaluator::BatchEvaluator(BatchEvaluator&&) noexcept = default;
BatchEvaluator& BatchEvaluator::operator=(BatchEvaluator&&) noexcept = default;

void BatchEvaluator::evaluate(std::span<const Profile> profiles, std::span<BatchOutcome> outcomes) {
  for (std::size_t i = 0; i < profiles.size(); ++i) {
    const Assessment a = engine::evaluate(*state_->rules, profiles[i], state_->options);
    BatchOutcome& out = outcomes[i];
    out.fired_findings.clear();
    out.unknown_findings.clear();
    out.tentative_findings.clear();
    out.ranking.clear();
    for (const auto& f : a.findings) {
      if (f.verdict == Verdict::Fired) out.fired_findings.push_back(f.finding);
      if (f.verdict == Verdict::Unknown) out.unknown_findings.push_back(f.finding);
      if (f.verdict == Verdict::Fired && f.tentative) out.tentative_findings.push_back(f.finding);
    }
    for (const std::uint32_t r : a.ranking) {
      const auto& rec = a.recommendations[r];
      out.ranking.push_back({r, rec.priority, rec.tentative});
    }
  }
}

}  // namespace rapport::engine
