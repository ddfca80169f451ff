// BatchEvaluator (see batch_evaluate.hpp): profiles are evaluated kBlockSize at a time. Each profile's
// evidence is gathered into one column of the block, then every finding, recommendation condition and
// priority runs once over the whole block (block_program.hpp). The sceptical pass of evaluate() (gaps
// that are not significant made unknown) runs over the block only when some profile in it doubts a gap.
#include "engine/batch_evaluate.hpp"

#include <algorithm>

#include "engine/block_program.hpp"

namespace rapport::engine {

namespace {

constexpr std::size_t B = kBlockSize;

bool fired(double truth) { return !is_unknown(truth) && truth != 0.0; }

// One block's verdicts: findings and recommendation conditions, column-major like BlockColumns.
struct BlockVerdicts {
  BlockColumns columns;
  std::vector<double> conditions;  // recommendations × B
};

}  // namespace

struct BatchEvaluator::State {
  const RuleSet& rules;
  EvidenceOptions options;
  InputLayout layout;
  BlockLayout block_layout;               // the inputs the rules read, as block columns
  EvidenceNeeds needs;                // the statistics they read
  FindingsBlockProgram findings;
  std::vector<BlockProgram> conditions, priorities;  // by recommendation
  BlockScratch scratch;
  Evidence evidence;                  // one profile's, reused
  BlockVerdicts plain, sceptical;
  std::vector<double> priority;       // recommendations × B
  std::vector<char> doubts;           // per profile in the block: some gap is not significant

  State(const RuleSet& r, EvidenceOptions o)
      : rules(r), options(o), layout(r.layout()), block_layout(BlockLayout::of(r)), needs(evidence_needs(r)),
        findings(r, block_layout) {
    for (const auto& rec : rules.recommendations) {
      conditions.push_back(compile_block(rec.condition, block_layout));
      priorities.push_back(compile_block(rec.priority, block_layout));
    }
  }

  // Gathers each profile's evidence into its column of the block; notes which doubt a gap.
  void load(std::span<const Profile> profiles) {
    auto& inputs = plain.columns.inputs;
    inputs.assign(block_layout.inputs.size() * B, kUnknown);
    doubts.assign(B, 0);
    for (std::size_t p = 0; p < profiles.size(); ++p) {
      gather_evidence(rules, profiles[p], options, evidence, &needs);
      for (std::size_t c = 0; c < block_layout.inputs.size(); ++c)
        inputs[c * B + p] = evidence.inputs[block_layout.inputs[c]];
      doubts[p] = evidence.any_doubted();
      if (!doubts[p]) continue;
      // The sceptical inputs differ only in the trust of the doubted gaps; remember them in place of a copy.
      for (std::uint32_t m = 0; m < evidence.gaps.size(); ++m)
        if (evidence.doubted(m)) doubted_gaps.push_back({static_cast<std::uint32_t>(p), m});
    }
    plain.columns.count = profiles.size();
  }

  void run(BlockVerdicts& block) {
    findings.run(block.columns, scratch);
    block.conditions.resize(conditions.size() * B);
    for (std::size_t r = 0; r < conditions.size(); ++r)
      run_block(conditions[r], block.columns, scratch, block.conditions.data() + r * B);
  }

  void run_sceptical() {
    sceptical.columns.inputs = plain.columns.inputs;
    sceptical.columns.count = plain.columns.count;
    for (const auto& [p, m] : doubted_gaps) {
      const std::uint32_t column = block_layout.column_of[layout.of(GapStatistic::Trust, m)];
      if (column != BlockLayout::kNoColumn) sceptical.columns.inputs[column * B + p] = kUnknown;
    }
    run(sceptical);
  }

  void evaluate_block(std::span<const Profile> profiles, std::span<BatchOutcome> outcomes) {
    doubted_gaps.clear();
    load(profiles);
    run(plain);
    priority.resize(priorities.size() * B);
    for (std::size_t r = 0; r < priorities.size(); ++r)
      run_block(priorities[r], plain.columns, scratch, priority.data() + r * B);
    const bool any_doubts = !doubted_gaps.empty();
    if (any_doubts) run_sceptical();
    for (std::size_t p = 0; p < profiles.size(); ++p) collect(p, any_doubts && doubts[p], outcomes[p]);
  }

  // What evaluate() reports for profile p, read off the block's columns.
  void collect(std::size_t p, bool doubting, BatchOutcome& out) const {
    out.fired_findings.clear();
    out.unknown_findings.clear();
    out.tentative_findings.clear();
    out.ranking.clear();
    const auto& verdicts = plain.columns.findings;
    for (std::uint32_t f = 0; f < rules.findings.size(); ++f) {
      const double truth = verdicts[f * B + p];
      if (is_unknown(truth)) {
        out.unknown_findings.push_back(f);
      } else if (truth != 0.0) {
        out.fired_findings.push_back(f);
        if (doubting && !fired(sceptical.columns.findings[f * B + p])) out.tentative_findings.push_back(f);
      }
    }
    for (std::uint32_t r = 0; r < conditions.size(); ++r) {
      if (!fired(plain.conditions[r * B + p])) continue;
      const bool tentative = doubting && !fired(sceptical.conditions[r * B + p]);
      out.ranking.push_back({r, priority[r * B + p], tentative});
    }
    // As rank(): priority high to low, unknown last, ties in declaration order (std::sort with the order
    // as the last key: stable_sort would allocate for every profile).
    std::sort(out.ranking.begin(), out.ranking.end(), [](const auto& a, const auto& b) {
      const bool a_known = !is_unknown(a.priority), b_known = !is_unknown(b.priority);
      if (a_known != b_known) return a_known;
      if (a_known && a.priority != b.priority) return a.priority > b.priority;
      return a.recommendation < b.recommendation;
    });
  }

  std::vector<std::pair<std::uint32_t, std::uint32_t>> doubted_gaps;  // (profile in block, metric)
};

BatchEvaluator::BatchEvaluator(const RuleSet& rules, EvidenceOptions options)
    : state_(std::make_unique<State>(rules, options)) {}
BatchEvaluator::~BatchEvaluator() = default;
BatchEvaluator::BatchEvaluator(BatchEvaluator&&) noexcept = default;
BatchEvaluator& BatchEvaluator::operator=(BatchEvaluator&&) noexcept = default;

void BatchEvaluator::evaluate(std::span<const Profile> profiles, std::span<BatchOutcome> outcomes) {
  for (std::size_t start = 0; start < profiles.size(); start += B) {
    const std::size_t count = std::min(B, profiles.size() - start);
    state_->evaluate_block(profiles.subspan(start, count), outcomes.subspan(start, count));
  }
}

}  // namespace rapport::engine
