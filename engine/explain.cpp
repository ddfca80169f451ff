// explain(): evaluates the profile as evaluate() does, traces the conditions and priorities asked
// for, and gathers every finding they read so one explanation reaches down to the metrics.
#include "engine/explain.hpp"

#include <algorithm>
#include <iterator>

namespace rapport::engine {

namespace {

// The findings `direct` reads, and those their conditions read, and so on (sorted).
std::vector<std::uint32_t> reach(const RuleSet& rules, const std::vector<std::uint32_t>& direct) {
  std::vector<bool> seen(rules.findings.size(), false);
  std::vector<std::uint32_t> stack = direct;
  std::vector<std::uint32_t> reached;
  while (!stack.empty()) {
    const std::uint32_t f = stack.back();
    stack.pop_back();
    if (seen[f]) continue;
    seen[f] = true;
    reached.push_back(f);
    for (const std::uint32_t next : rules.findings[f].condition.findings) stack.push_back(next);
  }
  std::sort(reached.begin(), reached.end());
  return reached;
}

// `40 + 5 * x - y` term by term: 40, 5 * x, and y subtracted.
void collect_terms(const TracedExpression& priority, std::uint32_t index, bool subtracted,
                   std::vector<PriorityTerm>& terms) {
  const ExprNode& written = priority.written(index);
  const auto& children = priority.nodes[index].children;
  if (written.kind == ExprNode::Kind::Operator && written.op == OpCode::Add) {
    for (const std::uint32_t child : children) collect_terms(priority, child, subtracted, terms);
    return;
  }
  if (written.kind == ExprNode::Kind::Operator && written.op == OpCode::Sub && children.size() == 2) {
    collect_terms(priority, children[0], subtracted, terms);
    collect_terms(priority, children[1], !subtracted, terms);
    return;
  }
  terms.push_back({index, subtracted});
}

// Everything, in the order a reader wants it: recommendations that apply by rank, then the rest.
std::vector<ItemRef> everything(const RuleSet& rules, const Assessment& assessment) {
  std::vector<ItemRef> items;
  for (const std::uint32_t r : assessment.ranking) items.push_back({ItemRef::Kind::Recommendation, r});
  for (std::uint32_t r = 0; r < rules.recommendations.size(); ++r)
    if (assessment.recommendations[r].verdict != Verdict::Fired) items.push_back({ItemRef::Kind::Recommendation, r});
  for (std::uint32_t f = 0; f < rules.findings.size(); ++f) items.push_back({ItemRef::Kind::Finding, f});
  return items;
}

class Explainer {
 public:
  Explainer(const RuleSet& rules, const Profile& profile, const EvidenceOptions& options)
      : rules_(rules), assessment_(evaluate(rules, profile, options)) {
    slots_ = assessment_.evidence.inputs;
    findings_.assign(rules.findings.size(), kUnknown);
    for (const std::uint32_t f : rules.finding_order)
      findings_[f] = run(rules.findings[f].condition, slots_.data(), findings_.data());
  }

  Explanation explain(const std::vector<ItemRef>& asked) {
    Explanation out;
    out.evidence = assessment_.evidence;
    std::vector<bool> shown(rules_.findings.size(), false);
    std::vector<bool> shown_recommendation(rules_.recommendations.size(), false);
    std::vector<std::uint32_t> read;
    for (const ItemRef& item : asked.empty() ? everything(rules_, assessment_) : asked) {
      if (item.kind == ItemRef::Kind::Recommendation) {
        if (shown_recommendation[item.index]) continue;  // named twice
        shown_recommendation[item.index] = true;
        out.recommendations.push_back(recommendation(item.index));
        const auto& used = out.recommendations.back().findings_read;
        read.insert(read.end(), used.begin(), used.end());
      } else if (!shown[item.index]) {
        shown[item.index] = true;
        out.findings.push_back(finding(item.index));
        const auto& used = rules_.findings[item.index].condition.findings;
        read.insert(read.end(), used.begin(), used.end());
      }
    }
    for (const std::uint32_t f : reach(rules_, read)) {
      if (shown[f]) continue;
      shown[f] = true;
      out.findings.push_back(finding(f));
    }
    return out;
  }

 private:
  TracedExpression traced(const Program& program, const ExprTree& tree) const {
    TracedExpression e = trace_expression(program, tree, slots_.data(), findings_.data());
    for (auto& node : e.nodes) set_aside_thin(node.missing_slots, node.thin_slots);
    return e;
  }

  // A value given from too few people is unknown to the rules, but it is not missing: say which.
  void set_aside_thin(std::vector<std::uint32_t>& missing, std::vector<std::uint32_t>& thin) const {
    const auto& slots = assessment_.evidence.slots;
    const auto given = [&](std::uint32_t s) { return slots[s].standing != Standing::Absent; };
    std::copy_if(missing.begin(), missing.end(), std::back_inserter(thin), given);
    missing.erase(std::remove_if(missing.begin(), missing.end(), given), missing.end());
  }

  Decision decided(TracedExpression& e, const Grounds& grounds) const {
    Decision d = decide(e);
    set_aside_thin(d.missing_slots, d.thin_slots);
    d.tentative = grounds.tentative;
    d.doubted_gaps = grounds.doubted_gaps;
    return d;
  }

  FindingExplanation finding(std::uint32_t f) const {
    const Finding& declared = rules_.findings[f];
    FindingExplanation out{f, traced(declared.condition, declared.condition_tree), {}};
    out.decision = decided(out.condition, assessment_.findings[f]);
    return out;
  }

  RecommendationExplanation recommendation(std::uint32_t r) const {
    const Recommendation& declared = rules_.recommendations[r];
    RecommendationExplanation out;
    out.recommendation = r;
    out.condition = traced(declared.condition, declared.condition_tree);
    out.decision = decided(out.condition, assessment_.recommendations[r]);
    out.findings_read = reach(rules_, declared.findings_used);
    if (out.decision.verdict != Verdict::Fired) return out;
    PriorityBreakdown priority{traced(declared.priority, declared.priority_tree), {}, 0, assessment_.ranking.size()};
    if (!priority.expression.nodes.empty()) collect_terms(priority.expression, 0, false, priority.terms);
    const auto place = std::find(assessment_.ranking.begin(), assessment_.ranking.end(), r);
    priority.rank = static_cast<std::size_t>(place - assessment_.ranking.begin()) + 1;
    out.priority = std::move(priority);
    out.what_it_takes = what_it_takes(rules_, slots_, r);
    return out;
  }

  const RuleSet& rules_;
  Assessment assessment_;
  std::vector<double> slots_;
  std::vector<double> findings_;
};

}  // namespace

std::optional<ItemRef> find_item(const RuleSet& rules, std::string_view id) {
  for (std::uint32_t f = 0; f < rules.findings.size(); ++f)
    if (rules.findings[f].id == id) return ItemRef{ItemRef::Kind::Finding, f};
  for (std::uint32_t r = 0; r < rules.recommendations.size(); ++r)
    if (rules.recommendations[r].id == id) return ItemRef{ItemRef::Kind::Recommendation, r};
  return std::nullopt;
}

std::vector<std::string> item_ids(const RuleSet& rules) {
  std::vector<std::string> ids;
  for (const auto& finding : rules.findings) ids.push_back(finding.id);
  for (const auto& rec : rules.recommendations) ids.push_back(rec.id);
  return ids;
}

Explanation explain(const RuleSet& rules, const Profile& profile, const std::vector<ItemRef>& items,
                    const EvidenceOptions& options) {
  return Explainer(rules, profile, options).explain(items);
}

}  // namespace rapport::engine
