// The profile `rapport import` writes: a comment saying where the figures came from and what was left
// out, [company], [respondents], [it] and [marketing] with each figure's sample ({ count, n } or
// { mean, sd, n }), each suppression as a comment where the figure would be, and [company_metrics].
#include "cli/imported_profile.hpp"

#include <algorithm>
#include <cmath>
#include <regex>

#include <fmt/format.h>

#include "cli/value_format.hpp"

namespace rapport::cli {

namespace {

using engine::Audience;
using engine::MetricFigure;

std::string plural(int n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

// "a", "a and b", "a, b and c"
std::string listed(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) out += (i == 0 ? "" : i + 1 == items.size() ? " and " : ", ") + items[i];
  return out;
}

// A TOML basic string: quotes, backslashes and control characters escaped.
std::string toml_string(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') out += {'\\', c};
    else if (c == '\n') out += "\\n";
    else if (c == '\t') out += "\\t";
    else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) out += fmt::format("\\u{:04X}", static_cast<int>(c));
    else out += c;
  }
  return out + "\"";
}

// A float as TOML reads it back: at most `decimals` places, trailing zeros dropped, never an integer
// ("3.0", not "3"), so a mean stays a mean.
std::string toml_number(double value, int decimals) {
  std::string text = fmt::format("{:.{}f}", value, decimals);
  while (text.back() == '0') text.pop_back();
  if (text.back() == '.') text += '0';
  return text == "-0.0" ? "0.0" : text;
}

std::string company_value(const engine::Metric& metric, double value) {
  if (metric.kind == engine::MetricKind::Flag) return value != 0 ? "true" : "false";
  return toml_number(value, 6);
}

std::string figure_value(const MetricFigure& figure, const engine::Metric& metric) {
  if (metric.kind == engine::MetricKind::Share) return fmt::format("{{ count = {}, n = {} }}", figure.count, figure.n);
  if (!figure.sd) return fmt::format("{{ mean = {}, n = {} }}", toml_number(figure.mean, 4), figure.n);
  return fmt::format("{{ mean = {}, sd = {}, n = {} }}", toml_number(figure.mean, 4), toml_number(*figure.sd, 4),
                     figure.n);
}

std::string group_note(const engine::SurveyImport& imported, Audience group) {
  return fmt::format("{}: only {}, fewer than {} (--min-group-size): every {} figure is suppressed",
                     audience_name(group), plural(imported.respondents(group), "respondent", "respondents"),
                     imported.min_group_size, audience_name(group));
}

// Why a figure is not in the profile, or nothing when it is.
std::string figure_note(const engine::SurveyImport& imported, const MetricFigure& figure, const engine::RuleSet& rules) {
  const std::string id = fmt::format("{}.{}", audience_key(figure.group), rules.metrics.at(figure.metric).id);
  if (figure.n == 0) return fmt::format("{}: nobody in {} answered it", id, audience_name(figure.group));
  if (!figure.suppressed || imported.group_suppressed(figure.group)) return {};
  return fmt::format("{}: suppressed, only {} answered, fewer than {} (--min-group-size)", id, figure.n,
                     imported.min_group_size);
}

// Text for a comment line: a line break or another control character would end the comment.
std::string comment_text(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = ' ';
  return out;
}

std::string_view tool_name(engine::Dialect dialect) {
  switch (dialect) {
    case engine::Dialect::Qualtrics: return "a Qualtrics export";
    case engine::Dialect::SurveyMonkey: return "a SurveyMonkey export";
    case engine::Dialect::GoogleForms: return "a Google Forms export";
    default: return "plain CSV";
  }
}

void write_header(std::string& out, const engine::SurveyMapping& mapping, const engine::SurveyImport& imported,
                  const ImportSources& sources) {
  std::string summary = comment_text(import_summary(imported, sources.responses));
  summary.front() = 'I';
  out += fmt::format("# {}: a profile written by `rapport import` from survey responses\n",
                     comment_text(mapping.company.name));
  out += fmt::format("# ({}) and the survey mapping {}.\n", tool_name(sources.dialect), comment_text(sources.mapping));
  for (std::size_t at = 0, end = 0; at < summary.size(); at = end + 2) {  // one clause a line
    end = std::min(summary.find("; ", at), summary.size());
    out += fmt::format("# {}{}\n", summary.substr(at, end - at), end == summary.size() ? "." : ";");
  }
  if (imported.min_group_size > 1)
    out += fmt::format("# Anonymity: no figure about fewer than {} respondents; each one left out is noted where "
                       "it would be.\n",
                       imported.min_group_size);
  else
    out += "# Anonymity: none (--min-group-size 1): a figure may be about a single respondent.\n";
  out += "# A share is { count = agreed, n = answered }; a scale { mean, sd = sample standard deviation, n }.\n";
  out += "\n[company]\n";
  out += fmt::format("name = {}\n", toml_string(mapping.company.name));
  if (!mapping.company.industry.empty()) out += fmt::format("industry = {}\n", toml_string(mapping.company.industry));
  const std::string& date = mapping.company.assessed_on;
  if (!date.empty())
    out += fmt::format("assessed_on = {}\n",
                       std::regex_match(date, std::regex(R"(\d{4}-\d{2}-\d{2})")) ? date : toml_string(date));
  out += fmt::format("\n[respondents]\nit = {}\nmarketing = {}\n", imported.it_respondents,
                     imported.marketing_respondents);
}

void write_group(std::string& out, const engine::SurveyImport& imported, const engine::RuleSet& rules, Audience group) {
  out += fmt::format("\n[{}]\n", audience_key(group));
  if (imported.respondents(group) == 0) out += fmt::format("# no {} respondents\n", audience_name(group));
  if (imported.group_suppressed(group)) out += fmt::format("# {}\n", group_note(imported, group));
  for (const auto& figure : imported.figures) {
    if (figure.group != group || imported.respondents(group) == 0) continue;
    const engine::Metric& metric = rules.metrics.at(figure.metric);
    if (const std::string note = figure_note(imported, figure, rules); !note.empty())
      out += fmt::format("# {}\n", note);
    else if (!figure.suppressed)
      out += fmt::format("{} = {}\n", metric.id, figure_value(figure, metric));
  }
}

}  // namespace

std::string render_imported_profile(const engine::SurveyMapping& mapping, const engine::SurveyImport& imported,
                                    const engine::RuleSet& rules, const ImportSources& sources) {
  std::string out;
  write_header(out, mapping, imported, sources);
  write_group(out, imported, rules, Audience::It);
  write_group(out, imported, rules, Audience::Marketing);
  if (!mapping.company_metrics.empty()) {
    out += "\n[company_metrics]\n";
    for (const auto& [metric, value] : mapping.company_metrics)
      out += fmt::format("{} = {}\n", rules.metrics.at(metric).id, company_value(rules.metrics.at(metric), value));
  }
  return out;
}

std::string import_summary(const engine::SurveyImport& imported, const std::string& from) {
  const int total = imported.it_respondents + imported.marketing_respondents;
  std::string out = fmt::format("imported {} ({} IT, {} marketing) from {}", plural(total, "response", "responses"),
                                imported.it_respondents, imported.marketing_respondents, from);
  const engine::SkippedRows& skipped = imported.skipped;
  std::vector<std::string> reasons;
  auto add = [&reasons](int n, std::string_view one, std::string_view many) {
    if (n > 0) reasons.push_back(plural(n, one, many));
  };
  add(skipped.preview, "survey preview", "survey previews");
  add(skipped.test, "test response", "test responses");
  add(skipped.spam, "response marked as spam", "responses marked as spam");
  add(skipped.unfinished, "unfinished response", "unfinished responses");
  add(skipped.other_group, "respondent outside IT and marketing", "respondents outside IT and marketing");
  add(skipped.no_group, "response without a group", "responses without a group");
  add(skipped.unknown_group, "response with a group the mapping does not list",
      "responses with a group the mapping does not list");
  add(skipped.malformed, "malformed row", "malformed rows");
  if (!reasons.empty()) out += "; left out " + listed(reasons);
  if (imported.answers_left_out > 0)
    out += fmt::format("; {} could not be read", plural(imported.answers_left_out, "answer", "answers"));
  return out;
}

std::vector<std::string> import_notes(const engine::SurveyImport& imported, const engine::RuleSet& rules) {
  std::vector<std::string> notes;
  for (const Audience group : {Audience::It, Audience::Marketing})
    if (imported.group_suppressed(group)) notes.push_back(group_note(imported, group));
  for (const auto& figure : imported.figures)
    if (imported.respondents(figure.group) > 0)
      if (std::string note = figure_note(imported, figure, rules); !note.empty()) notes.push_back(std::move(note));
  return notes;
}

}  // namespace rapport::cli
