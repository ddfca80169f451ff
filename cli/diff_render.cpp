// Rendering a comparison of two reports (see diff_render.hpp). The wording is shared by the three
// formats, so "moved up #3 → #1" or "+6 pp" reads the same in a terminal, a wiki and a browser.
#include "cli/diff_render.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <string_view>

#include "cli/html_escape.hpp"
#include "cli/text_wrap.hpp"
#include "cli/value_format.hpp"

namespace rapport::cli {
namespace {

constexpr std::string_view kNoChanges =
    "The two assessments show no changes: the same recommendations in the same order, the same findings "
    "and the same values.";

// ─── Wording shared by every format ────────────────────────────────────────────────────────────

std::string dated(const AssessmentDiff::Side& side) {
  return side.assessed_on.empty() ? "undated" : side.assessed_on;
}

// "Northwind Retail, 2026-10-15 → 2027-04-15", or both names when the companies differ.
std::string subject(const AssessmentDiff& diff) {
  if (!diff.same_company()) {
    return fmt::format("{} ({}) → {} ({})", diff.before.company, dated(diff.before), diff.after.company,
                       dated(diff.after));
  }
  if (diff.before.assessed_on == diff.after.assessed_on) return diff.before.company + ", " + dated(diff.after);
  return fmt::format("{}, {} → {}", diff.after.company, dated(diff.before), dated(diff.after));
}

std::string number_or_na(const std::optional<double>& value) { return value ? format_number(*value) : "n/a"; }

std::string signed_number(double value) {
  std::string text = format_number(value);
  return (value > 0 && text != "0" ? "+" : "") + text;
}

std::string change_name(const RecommendationChange& rec) {
  switch (rec.change) {
    case RankChange::New: return "new";
    case RankChange::Resolved: return "resolved";
    case RankChange::Moved: return rec.rank_after < rec.rank_before ? "moved up" : "moved down";
    case RankChange::Reprioritised: return "reweighted";
  }
  return "changed";
}

std::string rank_text(const RecommendationChange& rec) {
  switch (rec.change) {
    case RankChange::New: return fmt::format("#{}", rec.rank_after.value_or(0));
    case RankChange::Resolved: return fmt::format("was #{}", rec.rank_before.value_or(0));
    case RankChange::Moved: return fmt::format("#{} → #{}", rec.rank_before.value_or(0), rec.rank_after.value_or(0));
    case RankChange::Reprioritised: return fmt::format("#{}", rec.rank_after.value_or(0));
  }
  return "";
}

// "129", "111 → 129 (+18)", "n/a → 40".
std::string priority_text(const RecommendationChange& rec) {
  if (rec.change == RankChange::New) return number_or_na(rec.priority_after);
  if (rec.change == RankChange::Resolved) return number_or_na(rec.priority_before);
  const auto& before = rec.priority_before;
  const auto& after = rec.priority_after;
  if (before && after && format_number(*before) == format_number(*after)) return format_number(*after);
  std::string text = number_or_na(before) + " → " + number_or_na(after);
  if (before && after) text += " (" + signed_number(*after - *before) + ")";
  return text;
}

std::string status_text(const std::string& status) {
  if (status.empty()) return "absent";
  if (status == "not_fired") return "not fired";
  return status;
}

std::string status_change(const FindingChange& finding) {
  return status_text(finding.status_before) + " → " + status_text(finding.status_after);
}

engine::Unit unit_for(const std::string& kind) {
  if (kind == "share") return engine::Unit::Percent;
  if (kind == "flag") return engine::Unit::Truth;
  return engine::Unit::Plain;
}

std::string value_text(const MetricChange& metric, const std::optional<double>& value) {
  return value ? format_value(*value, unit_for(metric.kind)) : "n/a";
}

std::string values_text(const MetricChange& metric) {
  return value_text(metric, metric.before) + " → " + value_text(metric, metric.after);
}

// Shares move in percentage points, flags just change, everything else by its number.
std::string delta_text(const MetricChange& metric) {
  if (!metric.before) return "appeared";
  if (!metric.after) return "disappeared";
  const double delta = *metric.after - *metric.before;
  if (metric.kind == "share") return format_value(delta, engine::Unit::Points);
  if (metric.kind == "flag") return "changed";
  return signed_number(delta);
}

std::string group_name(const std::string& group) { return group == "it" ? "IT" : group; }
std::string metric_name(const MetricChange& metric) { return metric.label.empty() ? metric.id : metric.label; }
std::string title_or_id(const std::string& title, const std::string& id) { return title.empty() ? id : title; }

std::string plural(std::size_t count, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", count, count == 1 ? one : many);
}

// "1 new, 2 moved up, 1 resolved".
std::string recommendation_summary(const AssessmentDiff& diff) {
  std::vector<std::pair<std::string, int>> counts;
  for (const auto& rec : diff.recommendations) {
    std::string name = change_name(rec);
    auto found = std::find_if(counts.begin(), counts.end(), [&](const auto& c) { return c.first == name; });
    if (found == counts.end()) counts.emplace_back(name, 1);
    else ++found->second;
  }
  std::string text;
  for (const auto& [name, count] : counts) text += (text.empty() ? "" : ", ") + fmt::format("{} {}", count, name);
  return text;
}

std::string metric_summary(const AssessmentDiff& diff) {
  return plural(diff.metrics.size(), "value moved", "values moved");
}

// Runs of changes that belong to one metric, so each metric is named once.
template <typename Visit>
void each_metric(const AssessmentDiff& diff, Visit visit) {
  for (auto start = diff.metrics.begin(); start != diff.metrics.end();) {
    auto end = std::find_if(start, diff.metrics.end(), [&](const MetricChange& m) { return m.id != start->id; });
    visit(*start, start, end);
    start = end;
  }
}

// ─── Text ──────────────────────────────────────────────────────────────────────────────────────

std::string pad(std::string_view text, int width) {
  return std::string(text) + std::string(static_cast<std::size_t>(std::max(1, width - display_width(text))), ' ');
}

class DiffText {
 public:
  DiffText(const AssessmentDiff& diff, const TextStyle& style) : diff_(diff), style_(style) {}

  std::string render() {
    out_ += style_.paint("1", "Rapport diff: " + subject(diff_)) + "\n";
    out_ += "  before  " + diff_.before.file + "\n";
    out_ += "  after   " + diff_.after.file + "\n";
    if (diff_.empty()) {
      out_ += "\n" + wrap(kNoChanges, style_.width, "", "") + "\n";
      return out_;
    }
    if (!diff_.recommendations.empty()) recommendations();
    if (!diff_.findings.empty()) findings();
    if (!diff_.metrics.empty()) metrics();
    return out_;
  }

 private:
  static constexpr int kColumn = 24;  // where titles start

  const AssessmentDiff& diff_;
  const TextStyle& style_;
  std::string out_;


  void section(std::string_view name, const std::string& summary) {
    out_ += "\n" + style_.paint("1", name) + "  " + summary + "\n";
  }

  // "  LABEL                 Title, wrapped at the column"
  //  "                        detail"
  void entry(const char* code, std::string_view label, std::string_view title, std::string_view detail) {
    const std::string indent(kColumn, ' ');
    out_ += wrap(title, style_.width, "  " + style_.paint(code, pad(label, kColumn - 2)), indent) + "\n";
    out_ += wrap(detail, style_.width, indent, indent) + "\n";
  }

  void recommendations() {
    section("RECOMMENDATIONS", recommendation_summary(diff_));
    for (const auto& rec : diff_.recommendations) {
      const char* code = rec.change == RankChange::New ? "33" : rec.change == RankChange::Resolved ? "32" : "36";
      entry(code, pad(change_name(rec), 11) + rank_text(rec), title_or_id(rec.title, rec.id),
            rec.id + " · priority " + priority_text(rec));
    }
  }

  void findings() {
    section("FINDINGS", plural(diff_.findings.size(), "changed status", "changed status"));
    for (const auto& finding : diff_.findings) {
      const char* code = finding.status_after == "fired" ? "31" : finding.status_after == "not_fired" ? "32" : "33";
      std::string detail = finding.id + (finding.severity.empty() ? "" : " · " + finding.severity);
      entry(code, status_change(finding), title_or_id(finding.title, finding.id), detail);
    }
  }

  void metrics() {
    section("METRICS", metric_summary(diff_));
    each_metric(diff_, [&](const MetricChange& first, auto begin, auto end) {
      out_ += "  " + metric_name(first) + style_.paint("2", "  " + first.id) + "\n";
      for (auto it = begin; it != end; ++it) {
        out_ += "    " + pad(group_name(it->group), 11) + pad(values_text(*it), 18) + delta_text(*it) + "\n";
      }
    });
  }
};

// ─── Markdown ──────────────────────────────────────────────────────────────────────────────────

// Text safe in a GFM table cell: markup characters escaped, pipes too, no line breaks.
std::string md(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\n' || c == '\r') out += ' ';
    else if (std::string_view("\\`*_[]<>|#").find(c) != std::string_view::npos) out += std::string("\\") + c;
    else out += c;
  }
  return out;
}

std::string md_code(std::string_view id) {
  return id.find('`') == std::string_view::npos ? "`" + std::string(id) + "`" : md(id);
}

std::string render_markdown_page(const AssessmentDiff& diff) {
  std::string out = "# Rapport diff: " + md(subject(diff)) + "\n\n";
  out += "| | report | assessed on |\n|---|---|---|\n";
  out += "| before | " + md(diff.before.file) + " | " + md(dated(diff.before)) + " |\n";
  out += "| after | " + md(diff.after.file) + " | " + md(dated(diff.after)) + " |\n";
  if (diff.empty()) return out + "\n" + std::string(kNoChanges) + "\n";
  if (!diff.recommendations.empty()) {
    out += "\n## Recommendations\n\n" + recommendation_summary(diff) + ".\n\n";
    out += "| change | rank | recommendation | priority |\n|---|---|---|---|\n";
    for (const auto& rec : diff.recommendations) {
      out += fmt::format("| {} | {} | {} ({}) | {} |\n", change_name(rec), rank_text(rec),
                         md(title_or_id(rec.title, rec.id)), md_code(rec.id), priority_text(rec));
    }
  }
  if (!diff.findings.empty()) {
    out += "\n## Findings\n\n" + plural(diff.findings.size(), "finding", "findings") + " changed status.\n\n";
    out += "| finding | severity | before | after |\n|---|---|---|---|\n";
    for (const auto& finding : diff.findings) {
      out += fmt::format("| {} ({}) | {} | {} | {} |\n", md(title_or_id(finding.title, finding.id)),
                         md_code(finding.id), md(finding.severity), status_text(finding.status_before),
                         status_text(finding.status_after));
    }
  }
  if (!diff.metrics.empty()) {
    out += "\n## Metrics\n\n" + metric_summary(diff) + ".\n\n";
    out += "| metric | group | before | after | change |\n|---|---|---|---|---|\n";
    for (const auto& metric : diff.metrics) {
      out += fmt::format("| {} ({}) | {} | {} | {} | {} |\n", md(metric_name(metric)), md_code(metric.id),
                         md(group_name(metric.group)), value_text(metric, metric.before),
                         value_text(metric, metric.after), delta_text(metric));
    }
  }
  return out;
}

// ─── HTML ──────────────────────────────────────────────────────────────────────────────────────

constexpr std::string_view kCss = R"(
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1f2933; max-width: 60rem;
       margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: .25rem; }
h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #d9e2ec; padding-bottom: .25rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
th, td { text-align: left; padding: .35rem .6rem; border-bottom: 1px solid #e4e7eb; vertical-align: top; }
th { font-weight: 600; color: #52606d; font-size: .85rem; text-transform: uppercase; letter-spacing: .03em; }
code { font-size: .85em; color: #52606d; }
.num { white-space: nowrap; font-variant-numeric: tabular-nums; }
.new, .fired { color: #b44d12; } .resolved, .not_fired { color: #1f7a4d; } .moved, .unknown { color: #3e4c59; }
.summary { color: #52606d; }
)";

std::string cell(std::string_view text, std::string_view css_class = "") {
  if (css_class.empty()) return "<td>" + escape(text) + "</td>";
  return "<td class=\"" + std::string(css_class) + "\">" + escape(text) + "</td>";
}

// A status as a CSS class; statuses come from the file, so only the known ones become classes.
std::string_view status_class(const std::string& status) {
  if (status == "fired" || status == "not_fired" || status == "unknown") return status;
  return "";
}

std::string named(const std::string& title, const std::string& id) {
  return "<td>" + escape(title) + " <code>" + escape(id) + "</code></td>";
}

std::string html_recommendations(const AssessmentDiff& diff) {
  std::string out = "<h2>Recommendations</h2>\n<p class=\"summary\">" + escape(recommendation_summary(diff)) +
                    "</p>\n<table>\n<tr><th>change</th><th>rank</th><th>recommendation</th><th>priority</th></tr>\n";
  for (const auto& rec : diff.recommendations) {
    const char* css = rec.change == RankChange::New ? "new" : rec.change == RankChange::Resolved ? "resolved" : "moved";
    out += "<tr>" + cell(change_name(rec), css) + cell(rank_text(rec), "num") +
           named(title_or_id(rec.title, rec.id), rec.id) + cell(priority_text(rec), "num") + "</tr>\n";
  }
  return out + "</table>\n";
}

std::string html_findings(const AssessmentDiff& diff) {
  std::string out = "<h2>Findings</h2>\n<p class=\"summary\">" +
                    escape(plural(diff.findings.size(), "finding", "findings")) + " changed status</p>\n" +
                    "<table>\n<tr><th>finding</th><th>severity</th><th>before</th><th>after</th></tr>\n";
  for (const auto& finding : diff.findings) {
    out += "<tr>" + named(title_or_id(finding.title, finding.id), finding.id) + cell(finding.severity) +
           cell(status_text(finding.status_before), status_class(finding.status_before)) +
           cell(status_text(finding.status_after), status_class(finding.status_after)) + "</tr>\n";
  }
  return out + "</table>\n";
}

std::string html_metrics(const AssessmentDiff& diff) {
  std::string out = "<h2>Metrics</h2>\n<p class=\"summary\">" + escape(metric_summary(diff)) + "</p>\n" +
                    "<table>\n<tr><th>metric</th><th>group</th><th>before</th><th>after</th><th>change</th></tr>\n";
  for (const auto& metric : diff.metrics) {
    out += "<tr>" + named(metric_name(metric), metric.id) + cell(group_name(metric.group)) +
           cell(value_text(metric, metric.before), "num") + cell(value_text(metric, metric.after), "num") +
           cell(delta_text(metric), "num") + "</tr>\n";
  }
  return out + "</table>\n";
}

std::string render_html_page(const AssessmentDiff& diff) {
  const std::string title = "Rapport diff: " + subject(diff);
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
                    escape(title) + "</title>\n<style>" + std::string(kCss) + "</style>\n</head>\n<body>\n";
  out += "<h1>" + escape(title) + "</h1>\n<table>\n<tr><th></th><th>report</th><th>assessed on</th></tr>\n";
  out += "<tr><td>before</td>" + cell(diff.before.file) + cell(dated(diff.before)) + "</tr>\n";
  out += "<tr><td>after</td>" + cell(diff.after.file) + cell(dated(diff.after)) + "</tr>\n</table>\n";
  if (diff.empty()) {
    out += "<p>" + escape(kNoChanges) + "</p>\n";
  } else {
    if (!diff.recommendations.empty()) out += html_recommendations(diff);
    if (!diff.findings.empty()) out += html_findings(diff);
    if (!diff.metrics.empty()) out += html_metrics(diff);
  }
  return out + "</body>\n</html>\n";
}

}  // namespace

std::string render_diff_text(const AssessmentDiff& diff, const TextStyle& style) {
  return DiffText(diff, style).render();
}

std::string render_diff_markdown(const AssessmentDiff& diff) { return render_markdown_page(diff); }

std::string render_diff_html(const AssessmentDiff& diff) { return render_html_page(diff); }

}  // namespace rapport::cli
