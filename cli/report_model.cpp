// Builds the client report's sections from an assessment (see report_model.hpp).
#include "cli/report_model.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "cli/evaluation_warnings.hpp"
#include "cli/report_evidence.hpp"
#include "cli/value_format.hpp"
#include "engine/shortfall.hpp"

namespace rapport::cli {
namespace {

std::string join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : std::string(separator)) + item;
  return out;
}

class ReportBuilder {
 public:
  explicit ReportBuilder(const ReportInput& in) : in_(in), rules_(in.rules) {}

  ClientReport build() {
    ClientReport report;
    report.cover = cover();
    report.applying = in_.assessment.ranking.size();
    int rank = 0;
    for (auto index : shown_ranking(in_)) report.recommendations.push_back(recommendation(index, ++rank));
    for (auto f : findings_by_severity(in_, engine::Verdict::Fired)) report.findings.push_back(finding(f));
    for (auto f : findings_by_severity(in_, engine::Verdict::NotFired)) {
      report.not_observed.push_back(rules_.findings[f].title);
    }
    report.gaps = gaps();
    undecided(report);
    report.evidence_notes = evidence_notes(rules_, evidence());
    for (const auto& warning : in_.assessment.warnings) report.warnings.push_back(warning_sentence(rules_, warning));
    report.significance = level_text(evidence().options.significance_level);
    report.confidence = level_text(evidence().confidence());
    for (const auto& f : report.findings) report.tentative += f.tentative ? 1 : 0;
    for (const auto& r : report.recommendations) report.tentative += r.tentative ? 1 : 0;
    for (const auto& source : rules_.sources) report.sources.push_back(source_view(source));
    report.method = method();
    report.method.push_back(statistics_method());
    return report;
  }

 private:
  const ReportInput& in_;
  const engine::RuleSet& rules_;

  const engine::Evidence& evidence() const { return in_.assessment.evidence; }
  // What the rules read: the profile's values with those withheld or set aside made unknown.
  double used_value(std::uint32_t slot) const { return evidence().inputs[slot]; }

  Cover cover() const {
    const auto& company = in_.profile.company;
    auto count = [](const std::optional<int>& n) { return n ? std::to_string(*n) : std::string("not given"); };
    const auto files = in_.rule_files.size();
    return {company.name,
            company.industry,
            company.assessed_on,
            count(in_.profile.it_respondents),
            count(in_.profile.marketing_respondents),
            fmt::format("{} file{}, fingerprint {}", files, files == 1 ? "" : "s", in_.rules_fingerprint),
            rules_.findings.size(),
            rules_.recommendations.size(),
            rules_.metrics.size(),
            rules_.sources.size()};
  }

  std::string source_name(std::uint32_t index) const {
    const auto& source = rules_.sources[index];
    std::string name = source.title;
    if (!source.by.empty() || source.year) {
      name += " (" + source.by;
      if (source.year) name += (source.by.empty() ? "" : ", ") + std::to_string(*source.year);
      name += ")";
    }
    return name;
  }

  ValueLine value_line(std::uint32_t slot) const {
    const auto& s = rules_.slots[slot];
    const auto& metric = rules_.metrics[s.metric];
    const engine::SlotEvidence& e = evidence().slots[slot];
    ValueLine line{slot_reference(rules_, slot), metric.label, audience_name(s.audience),
                   format_value(used_value(slot), unit_of(metric)), "", ""};
    if (e.standing == engine::Standing::Suppressed) line.value = "withheld";
    if (e.n) line.n = std::to_string(*e.n);
    if (e.ci) line.ci = interval_text(*e.ci, unit_of(metric));
    line.standing = standing_text(e, evidence().options);
    if (const auto* benchmark = metric.benchmark_for(s.audience)) {
      line.benchmark = format_benchmark(*benchmark, metric);
      line.benchmark_source = rules_.sources[benchmark->source].title;
    }
    return line;
  }

  FindingView finding(std::uint32_t index) const {
    const auto& finding = rules_.findings[index];
    const auto& outcome = in_.assessment.findings[index];
    FindingView view{finding.id, finding.title, severity_key(finding.severity), verdict_key(outcome.verdict),
                     fill(outcome.narrative), {}, {}, outcome.tentative};
    if (outcome.tentative) view.certainty = tentative_note(rules_, evidence(), outcome.doubted_gaps);
    for (const auto& citation : finding.evidence) {
      view.evidence.push_back({rules_.sources[citation.source].id, source_name(citation.source), citation.quote});
    }
    for (auto slot : finding.condition.slots) view.values.push_back(value_line(slot));
    return view;
  }

  RecommendationView recommendation(std::uint32_t index, int rank) const {
    const auto& rec = rules_.recommendations[index];
    const auto& outcome = in_.assessment.recommendations[index];
    RecommendationView view;
    view.rank = rank;
    view.id = rec.id;
    view.title = rec.title;
    view.priority = engine::is_unknown(outcome.priority) ? "unknown" : format_number(outcome.priority);
    view.owner = owner_name(rec.owner);
    view.horizon_days = rec.horizon_days;
    view.rationale = rec.rationale;
    for (const auto& action : outcome.actions) view.actions.push_back(fill(action));
    for (auto f : outcome.because) view.because.push_back(finding(f));
    view.summary = summary(view);
    view.tentative = outcome.tentative;
    if (outcome.tentative) view.certainty = tentative_note(rules_, evidence(), outcome.doubted_gaps);
    return view;
  }

  // One paragraph a board member can read on its own under the recommendation's title: who, when, why,
  // and the first step. Renderers put the title before it.
  static std::string summary(const RecommendationView& rec) {
    std::string text = fmt::format("Owner: {}, within {} days.", rec.owner, rec.horizon_days);
    if (!rec.because.empty()) {
      std::vector<std::string> reasons;
      for (const auto& f : rec.because) reasons.push_back(f.title);
      text += " Why: " + join(reasons, "; ") + ".";
      if (!rec.because.front().narrative.empty()) text += " " + rec.because.front().narrative;
    }
    if (!rec.actions.empty()) text += " First step: " + rec.actions.front() + ".";
    return text;
  }

  std::vector<GapRow> gaps() const {
    std::vector<GapRow> rows;
    for (std::uint32_t m = 0; m < rules_.metrics.size(); ++m) {
      const auto& metric = rules_.metrics[m];
      if (!metric.asked_of(engine::Audience::It) || !metric.asked_of(engine::Audience::Marketing)) continue;
      GapRow row;
      row.metric_id = metric.id;
      row.label = metric.label;
      row.question = metric.question;
      row.is_share = metric.kind == engine::MetricKind::Share;
      row.low = std::isfinite(metric.low) ? metric.low : 0;
      row.high = std::isfinite(metric.high) ? metric.high : 1;
      const auto unit = unit_of(metric);
      auto value_of = [&](engine::Audience a) -> std::optional<double> {
        double v = used_value(*rules_.slot_of(m, a));
        return engine::is_unknown(v) ? std::nullopt : std::optional<double>(v);
      };
      row.it = value_of(engine::Audience::It);
      row.marketing = value_of(engine::Audience::Marketing);
      row.it_text = format_value(row.it.value_or(engine::kUnknown), unit);
      row.marketing_text = format_value(row.marketing.value_or(engine::kUnknown), unit);
      double gap = row.it && row.marketing ? *row.it - *row.marketing : engine::kUnknown;
      row.gap_text = format_value(gap, row.is_share ? engine::Unit::Points : engine::Unit::Plain);
      add_statistics(row, m);
      if (const auto* b = metric.benchmark_for(engine::Audience::It)) {
        row.it_benchmark = b->value;
        row.it_benchmark_text = format_benchmark(*b, metric);
      }
      if (const auto* b = metric.benchmark_for(engine::Audience::Marketing)) {
        row.marketing_benchmark = b->value;
        row.marketing_benchmark_text = format_benchmark(*b, metric);
      }
      rows.push_back(std::move(row));
    }
    return rows;
  }

  void add_statistics(GapRow& row, std::uint32_t m) const {
    const auto& metric = rules_.metrics[m];
    const auto& it = evidence().slots[*rules_.slot_of(m, engine::Audience::It)];
    const auto& marketing = evidence().slots[*rules_.slot_of(m, engine::Audience::Marketing)];
    if (it.n) row.it_n = std::to_string(*it.n);
    if (marketing.n) row.marketing_n = std::to_string(*marketing.n);
    if (it.n || marketing.n) {
      row.n_text = (it.n ? row.it_n : "–") + "/" + (marketing.n ? row.marketing_n : "–");
    }
    if (it.standing == engine::Standing::Suppressed) row.it_text = "withheld";
    if (marketing.standing == engine::Standing::Suppressed) row.marketing_text = "withheld";
    row.it_ci = it.ci;
    row.marketing_ci = marketing.ci;
    if (it.ci) row.it_ci_text = interval_text(*it.ci, unit_of(metric));
    if (marketing.ci) row.marketing_ci_text = interval_text(*marketing.ci, unit_of(metric));
    const auto& gap = evidence().gaps[m];
    if (!gap.tested) return;
    row.gap_ci_text = interval_text(gap.test.ci, gap_unit(metric));
    row.p_text = p_value_text(gap.test.p_value);
    row.p_short = row.p_text.starts_with("p = ") ? row.p_text.substr(4) : row.p_text.substr(2);
    row.significant = gap.significant;
  }

  NotAssessedItem undecided_item(std::string kind, std::string id, std::string title,
                                 const engine::Grounds& grounds, const engine::Shortfall& lacks) const {
    NotAssessedItem item{std::move(kind), std::move(id), std::move(title), {}, {}};
    // The item's own missing values; those of the findings it rests on are listed under those findings.
    for (auto slot : grounds.missing_slots) item.missing.push_back(slot_reference(rules_, slot));
    for (auto f : grounds.unknown_findings) item.unknown_findings.push_back(rules_.findings[f].title);
    for (auto slot : lacks.thin) item.thin.push_back(thin_reference(rules_, evidence(), slot));
    for (auto slot : grounds.unsampled_slots) item.unsampled.push_back(slot_reference(rules_, slot));
    return item;
  }

  // Unknown items: "insufficient evidence" when only answers from too few people stand in the way,
  // "not assessed" when data is missing.
  void undecided(ClientReport& report) const {
    using Rule = engine::EvaluationWarning::Rule;
    auto add = [&](Rule rule, std::uint32_t index, const engine::Grounds& g) {
      const bool finding = rule == Rule::Finding;
      const auto& id = finding ? rules_.findings[index].id : rules_.recommendations[index].id;
      const auto& title = finding ? rules_.findings[index].title : rules_.recommendations[index].title;
      const engine::Shortfall lacks = engine::shortfall_of(in_.assessment, g);
      NotAssessedItem item = undecided_item(finding ? "finding" : "recommendation", id, title, g, lacks);
      for (const auto& w : in_.assessment.warnings)
        if (w.rule == rule && w.index == index && w.field == engine::EvaluationWarning::Field::Condition)
          item.fault = warning_reason(w);
      (lacks.insufficient_evidence() ? report.insufficient : report.not_assessed).push_back(std::move(item));
    };
    for (const auto& o : in_.assessment.findings)
      if (o.verdict == engine::Verdict::Unknown) add(Rule::Finding, o.finding, o);
    for (const auto& o : in_.assessment.recommendations)
      if (o.verdict == engine::Verdict::Unknown) add(Rule::Recommendation, o.recommendation, o);
  }

  static SourceView source_view(const engine::Source& source) {
    std::vector<std::string> sample;
    for (const auto& [group, n] : source.sample) {
      sample.push_back(fmt::format("{} {}", n, group == engine::Audience::Company ? "in total" : audience_name(group)));
    }
    return {source.id, source.title, source.by, source.year ? std::to_string(*source.year) : "",
            join(sample, ", "), source.note, source.url};
  }

  std::string statistics_method() const {
    const auto& o = evidence().options;
    return fmt::format(
        "Where the survey says how many people answered, each group's figure comes with a {} confidence interval "
        "(Wilson's for shares, Student's t for scales), and each difference between IT and marketing is tested "
        "(a two-sided two-proportion z-test for shares, Welch's t-test for scales). A finding or recommendation "
        "that holds only because of a difference that is not significant at the {} level is marked tentative. "
        "Figures from fewer than {} people are not used (insufficient evidence), and figures from fewer than {} "
        "are withheld altogether, to keep respondents anonymous.",
        level_text(evidence().confidence()), level_text(o.significance_level), o.min_n, o.min_group_size);
  }

  static std::vector<std::string> method() {
    return {
        "Each finding is a condition over the client's survey results, written in plain rule files and backed "
        "by a published study whose figures it quotes. A finding fires when its condition holds for this "
        "client, does not fire when it fails, and is not assessed when the survey lacks the data to decide: "
        "missing data is never treated as a \"no\".",
        "Each recommendation applies when the findings behind it fire. Its priority grows with the severity of "
        "those findings and with gaps between IT and marketing beyond ten percentage points; gaps of a few "
        "points alone do not raise a priority, because small differences in survey answers are weak evidence.",
        "Benchmarks are the figures the cited studies published for the group that was asked. Where a study "
        "states a figure in words (\"less than half\"), the benchmark says so.",
    };
  }
};

}  // namespace

std::vector<UndecidedReason> undecided_reasons(const NotAssessedItem& item) {
  std::vector<UndecidedReason> reasons;
  auto add = [&](std::string label, const std::vector<std::string>& items, bool titles) {
    if (!items.empty()) reasons.push_back({std::move(label), items, titles});
  };
  add("missing", item.missing, false);
  add("depends on unassessed", item.unknown_findings, true);
  add("too few answers for", item.thin, false);
  add("no respondent count for", item.unsampled, false);
  if (!item.fault.empty()) reasons.push_back({item.fault, {}, false});
  return reasons;
}

ClientReport build_client_report(const ReportInput& input) { return ReportBuilder(input).build(); }

}  // namespace rapport::cli
