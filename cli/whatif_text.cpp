// `rapport whatif` as text: the values changed, then the recommendations that appear, disappear or
// move, the findings whose verdict changes, and the ranking as it would be.
#include <fmt/format.h>

#include <algorithm>

#include "cli/explain_wording.hpp"
#include "cli/text_wrap.hpp"
#include "cli/value_format.hpp"
#include "cli/whatif_render.hpp"

namespace rapport::cli {

namespace {

constexpr int kColumn = 24;  // where titles start

std::string pad(std::string_view text, int width) {
  return std::string(text) + std::string(static_cast<std::size_t>(std::max(1, width - display_width(text))), ' ');
}

std::string priority_text(double priority) {
  return engine::is_unknown(priority) ? "n/a" : format_number(priority);
}

std::string rank_text(const engine::RecommendationShift& s) {
  using Kind = engine::RecommendationShift::Kind;
  switch (s.kind) {
    case Kind::Appeared:
    case Kind::Reprioritised: return fmt::format("#{}", s.rank_after);
    case Kind::Disappeared: return fmt::format("was #{}", s.rank_before);
    case Kind::MovedUp:
    case Kind::MovedDown: return fmt::format("#{} → #{}", s.rank_before, s.rank_after);
  }
  return "";
}

// "priority 82", "priority 70 → 75 (+5)", "priority 82 · now not fired".
std::string detail(const engine::RecommendationShift& s) {
  using Kind = engine::RecommendationShift::Kind;
  if (s.kind == Kind::Appeared) return "priority " + priority_text(s.priority_after);
  if (s.kind == Kind::Disappeared) {
    const std::string now = s.verdict_after == engine::Verdict::Unknown ? "now unknown: not assessed" : "now not fired";
    return "priority was " + priority_text(s.priority_before) + " · " + now;
  }
  const std::string before = priority_text(s.priority_before);
  const std::string after = priority_text(s.priority_after);
  if (before == after) return "priority " + after;
  std::string text = "priority " + before + " → " + after;
  if (!engine::is_unknown(s.priority_before) && !engine::is_unknown(s.priority_after)) {
    const double delta = s.priority_after - s.priority_before;
    text += fmt::format(" ({}{})", delta > 0 ? "+" : "", format_number(delta));
  }
  return text;
}

class WhatIfText {
 public:
  WhatIfText(const WhatIfInput& in, const TextStyle& style) : in_(in), rules_(in.rules), style_(style) {}

  std::string render() {
    line(style_.paint("1", "Rapport what-if: " + in_.profile.company.name));
    line(style_.paint("2", fmt::format("Profile {} · rules {}", in_.profile_path, in_.rules_fingerprint)));
    values();
    if (in_.result.changes_nothing()) {
      line();
      line(wrap("Nothing changes: the same recommendations in the same order with the same priorities, and every "
                "finding as before.",
                style_.width, "", ""));
      return out_;
    }
    if (!in_.result.recommendations.empty()) recommendations();
    if (!in_.result.findings.empty()) findings();
    ranking();
    return out_;
  }

 private:
  const WhatIfInput& in_;
  const engine::RuleSet& rules_;
  const TextStyle& style_;
  std::string out_;

  void line(std::string_view text = {}) {
    out_ += text;
    out_ += '\n';
  }
  void section(std::string_view name, const std::string& summary) {
    line();
    line(style_.paint("1", name) + (summary.empty() ? "" : "  " + summary));
  }
  void entry(const char* code, const std::string& label, std::string_view title, std::string_view below) {
    const std::string indent(kColumn, ' ');
    line(wrap(title, style_.width, "  " + style_.paint(code, pad(label, kColumn - 2)), indent));
    line(wrap(below, style_.width, indent, indent));
  }

  void values() {
    section("IF", "");
    int width = 0;
    for (const auto& o : in_.set) width = std::max(width, display_width(slot_reference(rules_, o.slot)));
    for (const auto& o : in_.set) {
      const engine::Unit unit = unit_of(rules_.metrics[rules_.slots[o.slot].metric]);
      const double before = o.slot < in_.profile.values.size() ? in_.profile.values[o.slot] : engine::kUnknown;
      const auto shown = [&](double v) {
        if (engine::is_unknown(v)) return std::string("unknown");
        if (unit == engine::Unit::Truth) return std::string(v != 0 ? "true" : "false");  // as --set takes them
        return format_value(v, unit);
      };
      std::string change = shown(before) + " → " + shown(o.value);
      if (engine::is_unknown(o.value) && !engine::is_unknown(before)) change += " (as if not measured)";
      line("  " + pad(slot_reference(rules_, o.slot), width + 2) + change);
    }
  }

  void recommendations() {
    std::vector<std::pair<std::string, int>> counts;
    for (const auto& s : in_.result.recommendations) {
      const std::string name = shift_name(s);
      const auto found = std::find_if(counts.begin(), counts.end(), [&](const auto& c) { return c.first == name; });
      if (found == counts.end()) counts.emplace_back(name, 1);
      else ++found->second;
    }
    std::string summary;
    for (const auto& [name, count] : counts) summary += (summary.empty() ? "" : ", ") + fmt::format("{} {}", count, name);
    section("RECOMMENDATIONS", summary);
    using Kind = engine::RecommendationShift::Kind;
    for (const auto& s : in_.result.recommendations) {
      const auto& rec = rules_.recommendations[s.recommendation];
      const char* code = s.kind == Kind::Appeared ? "33" : s.kind == Kind::Disappeared ? "32" : "36";
      entry(code, pad(shift_name(s), 12) + rank_text(s), rec.title, rec.id + " · " + detail(s));
    }
  }

  void findings() {
    const auto count = in_.result.findings.size();
    section("FINDINGS", fmt::format("{} changed", count));
    for (const auto& f : in_.result.findings) {
      const auto& finding = rules_.findings[f.finding];
      const char* code = f.after == engine::Verdict::Fired ? "33" : f.before == engine::Verdict::Fired ? "32" : "36";
      entry(code, verdict_words(f.before) + " → " + verdict_words(f.after), finding.title,
            finding.id + " · " + severity_key(finding.severity));
    }
  }

  void ranking() {
    section("RANKING", "as it would be");
    const auto& ranking = in_.result.after.ranking;
    if (ranking.empty()) line("  No recommendation would apply.");
    for (std::size_t i = 0; i < ranking.size(); ++i) {
      const auto& rec = rules_.recommendations[ranking[i]];
      const std::string label = fmt::format("{:>3}. {:>5}  ", i + 1, priority_text(in_.result.after.recommendations[ranking[i]].priority));
      line(wrap(rec.title + style_.paint("2", " · " + rec.id), style_.width, "  " + label,
                std::string(2 + static_cast<std::size_t>(display_width(label)), ' ')));
    }
  }
};

}  // namespace

std::string shift_name(const engine::RecommendationShift& shift) {
  using Kind = engine::RecommendationShift::Kind;
  switch (shift.kind) {
    case Kind::Appeared: return "appeared";
    case Kind::Disappeared: return "disappeared";
    case Kind::MovedUp: return "moved up";
    case Kind::MovedDown: return "moved down";
    case Kind::Reprioritised: return "reweighted";
  }
  return "changes";
}

std::string shift_key(const engine::RecommendationShift& shift) {
  using Kind = engine::RecommendationShift::Kind;
  switch (shift.kind) {
    case Kind::Appeared: return "appeared";
    case Kind::Disappeared: return "disappeared";
    case Kind::MovedUp: return "moved_up";
    case Kind::MovedDown: return "moved_down";
    case Kind::Reprioritised: return "reprioritised";
  }
  return "changed";
}

std::string render_whatif_text(const WhatIfInput& input, const TextStyle& style) {
  return WhatIfText(input, style).render();
}

}  // namespace rapport::cli
