// gather_evidence(): from a profile's values and samples to the statistics behind them and the
// evaluation inputs. Values with too few answers are withheld here, once, so that nothing later
// (conditions, narratives, charts) can use or show them.
#include "engine/evidence.hpp"

#include <algorithm>

namespace rapport::engine {

namespace {

using statistics::GapTest;
using statistics::ScaleSummary;
using statistics::ShareSummary;

// A profile loaded for these rules has a value per slot; one built by hand may be shorter.
double value_at(const Profile& profile, std::uint32_t s) { return s < profile.values.size() ? profile.values[s] : kUnknown; }

// How many answered behind an IT or marketing value: its sample's n, else the group's [respondents] count;
// -1 when the profile says neither. Plain ints, not std::optional copies: this runs for every value of every
// profile in a batch.
int answers_behind(const Profile& profile, std::uint32_t s, Audience group) {
  if (s < profile.samples.size() && profile.samples[s].n) return *profile.samples[s].n;
  const std::optional<int>& respondents = group == Audience::It ? profile.it_respondents : profile.marketing_respondents;
  return respondents ? *respondents : -1;
}

Standing standing_of_value(const Profile& profile, std::uint32_t s, Audience group, const EvidenceOptions& options) {
  if (is_unknown(value_at(profile, s))) return Standing::Absent;
  if (group == Audience::Company) return Standing::Measured;  // a company figure has no sample
  const int n = answers_behind(profile, s, group);
  if (n >= 0 && n < options.min_group_size) return Standing::Suppressed;
  if (n >= 0 && n < options.min_n) return Standing::TooFew;
  return Standing::Measured;
}

SlotEvidence standing_of(const Profile& profile, std::uint32_t s, Audience group, const EvidenceOptions& options) {
  SlotEvidence evidence;
  evidence.standing = standing_of_value(profile, s, group, options);
  if (evidence.standing == Standing::Absent || group == Audience::Company) return evidence;
  if (const int n = answers_behind(profile, s, group); n >= 0) evidence.n = n;
  if (s < profile.samples.size()) evidence.sd = profile.samples[s].sd.value_or(kUnknown);
  return evidence;
}

ShareSummary share_summary(double value, const SlotEvidence& e, double confidence) {
  return statistics::share_from_aggregate(value, *e.n, confidence);
}

ScaleSummary scale_summary(double value, const SlotEvidence& e, double confidence) {
  return statistics::scale_from_aggregate(value, e.sd, *e.n, confidence);
}

bool has_interval(const Metric& metric) { return metric.kind != MetricKind::Flag; }

void add_interval(SlotEvidence& e, const Metric& metric, double value, double confidence) {
  if (e.standing != Standing::Measured || !e.n || !has_interval(metric)) return;
  if (metric.kind == MetricKind::Share) {
    const ShareSummary summary = share_summary(value, e, confidence);
    if (statistics::sufficient(summary.status)) e.ci = summary.ci;
  } else {
    const ScaleSummary summary = scale_summary(value, e, confidence);
    if (statistics::sufficient(summary.status)) e.ci = summary.ci;
  }
}

GapEvidence test_gap(const Metric& metric, double it, double marketing, const SlotEvidence& a, const SlotEvidence& b,
                     const EvidenceOptions& options) {
  GapEvidence gap;
  if (a.standing != Standing::Measured || b.standing != Standing::Measured || !a.n || !b.n) return gap;
  if (!has_interval(metric)) return gap;
  const double confidence = 1.0 - options.significance_level;
  gap.test = metric.kind == MetricKind::Share
                 ? statistics::share_gap_test(share_summary(it, a, confidence), share_summary(marketing, b, confidence),
                                              confidence)
                 : statistics::scale_gap_test(scale_summary(it, a, confidence), scale_summary(marketing, b, confidence),
                                              confidence);
  gap.tested = statistics::sufficient(gap.test.status);
  gap.significant = gap.tested && statistics::significant(gap.test, options.significance_level);
  return gap;
}

double truth(bool b) { return b ? 1.0 : 0.0; }

}  // namespace

bool Evidence::any_doubted() const {
  for (std::uint32_t m = 0; m < gaps.size(); ++m)
    if (doubted(m)) return true;
  return false;
}

std::vector<double> Evidence::sceptical_inputs() const {
  std::vector<double> out = inputs;
  const InputLayout layout{static_cast<std::uint32_t>(slots.size()), static_cast<std::uint32_t>(gaps.size())};
  for (std::uint32_t m = 0; m < gaps.size(); ++m)
    if (doubted(m)) out[layout.of(GapStatistic::Trust, m)] = kUnknown;
  return out;
}

Standing slot_standing(const RuleSet& rules, const Profile& profile, std::uint32_t slot, const EvidenceOptions& options) {
  return standing_of_value(profile, slot, rules.slots[slot].audience, options);
}

EvidenceNeeds evidence_needs(const RuleSet& rules) {
  const InputLayout layout = rules.layout();
  EvidenceNeeds needs{std::vector<char>(rules.slots.size(), 0), std::vector<char>(rules.metrics.size(), 0)};
  auto note = [&](const Program& program) {
    for (const Instr& in : program.code) {
      if (in.op != OpCode::LoadSlot && in.op != OpCode::Doubt) continue;
      const std::uint32_t input = in.arg;
      if (input < layout.slots) continue;  // a value, not a statistic
      if (input < layout.slots * 4) {
        if (input >= layout.of(SlotStatistic::CiLow, 0)) needs.slot_interval[input % layout.slots] = 1;
      } else {
        needs.gap_test[(input - layout.slots * 4) % layout.metrics] = 1;
      }
    }
  };
  for (const auto& finding : rules.findings) note(finding.condition);
  for (const auto& rec : rules.recommendations) {
    note(rec.condition);
    note(rec.priority);
  }
  return needs;
}

Evidence gather_evidence(const RuleSet& rules, const Profile& profile, const EvidenceOptions& options) {
  Evidence out;
  gather_evidence(rules, profile, options, out);
  return out;
}

void gather_evidence(const RuleSet& rules, const Profile& profile, const EvidenceOptions& options, Evidence& out,
                     const EvidenceNeeds* needs) {
  out.options = options;
  const InputLayout layout = rules.layout();
  const double confidence = out.confidence();
  out.inputs.assign(layout.size(), kUnknown);
  out.slots.clear();
  for (std::uint32_t s = 0; s < rules.slots.size(); ++s) {
    const Slot& slot = rules.slots[s];
    const Metric& metric = rules.metrics[slot.metric];
    SlotEvidence e = standing_of(profile, s, slot.audience, options);
    if (!needs || needs->slot_interval[s]) add_interval(e, metric, value_at(profile, s), confidence);
    if (e.standing == Standing::Measured) out.inputs[layout.value(s)] = value_at(profile, s);
    if (e.n && e.standing != Standing::Absent) out.inputs[layout.of(SlotStatistic::N, s)] = *e.n;
    if (e.ci) {
      out.inputs[layout.of(SlotStatistic::CiLow, s)] = e.ci->low;
      out.inputs[layout.of(SlotStatistic::CiHigh, s)] = e.ci->high;
    }
    out.slots.push_back(e);
  }
  out.gaps.assign(rules.metrics.size(), GapEvidence{});
  // A metric's slots are consecutive (compile.cpp lays them out so): find its two groups without a look-up.
  std::uint32_t first = 0;
  for (std::uint32_t m = 0; m < rules.metrics.size(); ++m) {
    out.inputs[layout.of(GapStatistic::Trust, m)] = 1.0;
    const std::uint32_t end = first + static_cast<std::uint32_t>(rules.metrics[m].asked.size());
    std::optional<std::uint32_t> it, marketing;
    bool laid_out = end <= rules.slots.size();
    for (std::uint32_t s = first; laid_out && s < end; ++s) {
      laid_out = rules.slots[s].metric == m;
      if (rules.slots[s].audience == Audience::It) it = s;
      if (rules.slots[s].audience == Audience::Marketing) marketing = s;
    }
    if (!laid_out) {  // a rule set assembled some other way
      it = rules.slot_of(m, Audience::It);
      marketing = rules.slot_of(m, Audience::Marketing);
    }
    first = end;
    if (!it || !marketing || (needs && !needs->gap_test[m])) continue;
    GapEvidence& gap = out.gaps[m] = test_gap(rules.metrics[m], value_at(profile, *it), value_at(profile, *marketing),
                                              out.slots[*it], out.slots[*marketing], options);
    if (!gap.tested) continue;
    out.inputs[layout.of(GapStatistic::CiLow, m)] = gap.test.ci.low;
    out.inputs[layout.of(GapStatistic::CiHigh, m)] = gap.test.ci.high;
    out.inputs[layout.of(GapStatistic::PValue, m)] = gap.test.p_value;
    out.inputs[layout.of(GapStatistic::Significant, m)] = truth(gap.significant);
  }
}

}  // namespace rapport::engine
