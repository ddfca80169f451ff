// `rapport explain` as text: for each recommendation and finding, its verdict and why in one sentence,
// its condition as a tree of values, how its priority was computed, and what single change would remove it.
#include <fmt/format.h>

#include <algorithm>

#include "cli/explain_render.hpp"
#include "cli/explain_wording.hpp"
#include "cli/report_evidence.hpp"
#include "cli/text_wrap.hpp"
#include "cli/value_format.hpp"

namespace rapport::cli {

namespace {

constexpr std::string_view kIndent = "  ";
constexpr std::size_t kOtherChanges = 3;  // alternatives to the smallest change worth a line each

std::string place(const dsl::Location& where) {
  return where.has_position() ? fmt::format("{}:{}", where.file, where.line) : where.file;
}

class ExplainText {
 public:
  ExplainText(const ExplainInput& in, const TextStyle& style) : in_(in), rules_(in.rules), style_(style) {}

  std::string render() {
    line(style_.paint("1", "Rapport explain: " + in_.company));
    line(style_.paint("2", fmt::format("Profile {} · rules {}", in_.profile_path, in_.rules_fingerprint)));
    if (!in_.explanation.recommendations.empty()) {
      section("RECOMMENDATIONS");
      for (const auto& rec : in_.explanation.recommendations) recommendation(rec);
    }
    if (!in_.explanation.findings.empty()) {
      section("FINDINGS");
      for (const auto& finding : in_.explanation.findings) this->finding(finding);
    }
    return out_;
  }

 private:
  const ExplainInput& in_;
  const engine::RuleSet& rules_;
  const TextStyle& style_;
  std::string out_;

  void line(std::string_view text = {}) {
    out_ += text;
    out_ += '\n';
  }
  void paragraph(std::string_view label, std::string_view text) {
    const std::string first = std::string(kIndent) + style_.paint("1", label) + " ";
    line(wrap(text, style_.width, first, std::string(kIndent) + "  "));
  }
  void section(std::string_view title) {
    line();
    line(style_.paint("1;4", title));
  }

  std::string verdict_tag(engine::Verdict verdict) const {
    const char* code = verdict == engine::Verdict::Fired ? "1;32" : verdict == engine::Verdict::Unknown ? "1;33" : "2";
    return style_.paint(code, verdict_words(verdict));
  }

  // "id · fired · …" then the title and where it is declared.
  void heading(const std::string& id, engine::Verdict verdict, const std::string& facts, const std::string& title,
               const std::string& where) {
    line();
    line(style_.paint("1", id) + " · " + verdict_tag(verdict) + (facts.empty() ? "" : " · " + facts));
    line(wrap(title, style_.width, kIndent, kIndent));
    line(std::string(kIndent) + style_.paint("2", where));
    line();
  }

  void condition(const engine::TracedExpression& e, const engine::Decision& d) {
    paragraph("Why:", reason(rules_, e, d, &in_.explanation) + ".");
    if (d.tentative)  // the note starts "Tentative: ", which is the label here
      paragraph("Tentative:", tentative_note(rules_, in_.explanation.evidence, d.doubted_gaps).substr(11));
    line();
    out_ += draw_tree(rules_, e, style_, kIndent, "when");
  }


  void recommendation(const engine::RecommendationExplanation& rec) {
    const engine::Recommendation& declared = rules_.recommendations[rec.recommendation];
    std::string facts;
    if (rec.priority) {
      facts = fmt::format("#{} of {} · priority {}", rec.priority->rank, rec.priority->ranked,
                          format_number(rec.priority->expression.value));
    }
    heading(declared.id, rec.decision.verdict, facts, declared.title,
            fmt::format("{} · owner {} · {} days", place(declared.where), owner_name(declared.owner),
                        declared.horizon_days));
    condition(rec.condition, rec.decision);
    if (rec.priority) priority(*rec.priority);
    if (rec.what_it_takes) what_it_takes(rec);
    findings_read(rec);
  }

  void priority(const engine::PriorityBreakdown& p) {
    line();
    std::string sum;
    for (const auto& term : p.terms) {
      const double value = p.expression.nodes[term.node].value;
      const std::string shown = engine::is_unknown(value) ? "unknown" : format_number(value);
      sum += sum.empty() ? (term.subtracted ? "-" + shown : shown) : (term.subtracted ? " - " : " + ") + shown;
    }
    const std::string total = engine::is_unknown(p.expression.value) ? "unknown" : format_number(p.expression.value);
    std::string text = p.terms.size() > 1 ? fmt::format("{} = {}", total, sum) : total;
    text += p.ranked == 1 ? ", the only recommendation that applies"
                          : fmt::format(", ranked #{} of the {} recommendations that apply", p.rank, p.ranked);
    if (engine::is_unknown(p.expression.value)) text += " (an unknown priority ranks last)";
    paragraph("Priority:", text + ".");
    if (p.expression.nodes.size() < 2) return;  // a constant: the line above says it all
    line();
    out_ += draw_tree(rules_, p.expression, style_, kIndent, "priority");
  }

  void what_it_takes(const engine::RecommendationExplanation& rec) {
    line();
    const auto& flips = rec.what_it_takes->flips;
    if (flips.empty()) {
      paragraph("What would it take:", no_single_change(rules_, rec, in_.explanation) + ".");
      return;
    }
    paragraph("What would it take:", removal(rules_, flips.front()) + ".");
    for (std::size_t i = 1; i < flips.size() && i <= kOtherChanges; ++i)
      line(wrap("or " + removal(rules_, flips[i]), style_.width, std::string(kIndent) + "  ", std::string(kIndent) + "    "));
    if (flips.size() > kOtherChanges + 1)
      line(fmt::format("{}  and {} more (see -f json)", kIndent, flips.size() - kOtherChanges - 1));
  }

  void findings_read(const engine::RecommendationExplanation& rec) {
    if (rec.findings_read.empty()) return;
    std::vector<std::string> reads;
    for (const auto f : rec.findings_read) {
      const auto found = std::find_if(in_.explanation.findings.begin(), in_.explanation.findings.end(),
                                      [&](const auto& e) { return e.finding == f; });
      const std::string verdict = found == in_.explanation.findings.end() ? "" : " (" + verdict_words(found->decision.verdict) + ")";
      reads.push_back(rules_.findings[f].id + verdict);
    }
    line();
    paragraph("Reads:", joined(reads) + (reads.size() == 1 ? ", explained under FINDINGS." : "; each is explained under FINDINGS."));
  }

  void finding(const engine::FindingExplanation& f) {
    const engine::Finding& declared = rules_.findings[f.finding];
    heading(declared.id, f.decision.verdict, severity_key(declared.severity), declared.title, place(declared.where));
    condition(f.condition, f.decision);
  }
};

}  // namespace

std::string render_explain_text(const ExplainInput& input, const TextStyle& style) {
  return ExplainText(input, style).render();
}

}  // namespace rapport::cli
