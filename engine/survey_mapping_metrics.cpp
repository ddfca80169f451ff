// A survey mapping's [metrics.ID] tables: the column (or a column per group) that answers each metric
// and how its answers are read, checked against the metric's kind, range and groups in the rule set.
#include <algorithm>

#include <fmt/format.h>
#include <toml++/toml.h>

#include "dsl/diagnostic_codes.hpp"
#include "engine/profile_reader.hpp"
#include "engine/suggest.hpp"
#include "engine/survey_mapping_reader.hpp"

namespace rapport::engine {

namespace {

namespace code = dsl::code;

const std::vector<std::string> kMetricKeys = {"column", "agree", "disagree", "choice", "scale", "numbers", "missing"};
const std::vector<std::string> kGroupNames = {"it", "marketing"};

std::string scale_text(const Metric& metric) {
  return metric.kind == MetricKind::Scale
             ? fmt::format("a scale from {} to {}", number_text(metric.low), number_text(metric.high))
             : std::string("a number");
}

}  // namespace

void MappingReader::read_metrics(const toml::key& key, const toml::table& table) {
  for (auto&& [id, value] : table) {
    const auto* metric = value.as_table();
    if (!metric) {
      errors_.add(code::wrong_type, value.source(),
                  fmt::format("'metrics.{}' must be a table, not {}", id.str(), describe_type(value)),
                  fmt::format("write [metrics.{}] on a line of its own, then column = \"Q5\" and how its answers "
                              "are read below it",
                              id.str()));
      continue;
    }
    if (auto read = read_metric(id, *metric)) mapping_.metrics.push_back(std::move(*read));
  }
  if (table.empty())
    errors_.add(code::missing_field, key.source(), "[metrics] maps no metric",
                "add a [metrics.ID] table for each metric the survey asks, e.g. [metrics.satisfied_with_collaboration]");
  std::sort(mapping_.metrics.begin(), mapping_.metrics.end(),
            [](const MetricMapping& a, const MetricMapping& b) { return a.metric < b.metric; });
}

std::optional<MetricMapping> MappingReader::read_metric(const toml::key& key, const toml::table& table) {
  const std::string id(key.str());
  const auto index = rules_.metric_index(id);
  if (!index) {
    std::vector<std::string> asked;
    for (const auto& metric : rules_.metrics)
      if (metric.asked_of(Audience::It) || metric.asked_of(Audience::Marketing)) asked.push_back(metric.id);
    errors_.add(code::unknown_key, key.source(), fmt::format("unknown metric '{}' in [metrics]", id),
                did_you_mean(id, asked, "use the id of a metric the rules ask of IT or marketing"));
    return std::nullopt;
  }
  const Metric& metric = rules_.metrics[*index];
  if (!metric.asked_of(Audience::It) && !metric.asked_of(Audience::Marketing)) {
    errors_.add(code::group_not_asked, key.source(),
                fmt::format("'{}' is asked of the company as a whole, not of survey respondents", id),
                fmt::format("give its value under [company_metrics], e.g. {} = ...", id));
    return std::nullopt;
  }
  if (metric.kind == MetricKind::Flag) {
    errors_.add(code::bad_value, key.source(), fmt::format("'{}' is a flag: survey answers cannot make it true or false", id),
                "a flag asked of a group is not read from a survey; leave it out of the mapping");
    return std::nullopt;
  }
  for (auto&& [name, value] : table)
    if (std::find(kMetricKeys.begin(), kMetricKeys.end(), name.str()) == kMetricKeys.end())
      report_unknown_key(name, fmt::format("[metrics.{}]", id), kMetricKeys);

  MetricMapping out;
  out.metric = *index;
  out.where = errors_.where(key.source());
  bool ok = metric.kind == MetricKind::Share ? read_share(table, metric, out) : read_coded(table, metric, out);
  if (const auto* column = table.get("column")) {
    ok &= read_metric_columns(*column, metric, out, out.reading == Reading::Choice);
  } else {
    ok = false;
    errors_.add(code::missing_field, key.source(), fmt::format("[metrics.{}] does not say which column answers it", id),
                "add the column of its question, e.g. column = \"Q5\", or one per group: column = { it = \"Q5\", "
                "marketing = \"Q6\" }");
  }
  if (const auto* missing = table.get("missing")) {
    const auto answers = read_answer_list(toml::key("missing"), *missing);
    ok &= answers.has_value();
    if (answers) out.missing = *answers;
  }
  if (ok && out.reading == Reading::Agree) {
    check_disjoint(out.agree, out.disagree, *table.get("agree"), "agree", "disagree", metric);
    check_disjoint(out.agree, mapping_.missing, *table.get("agree"), "agree", "missing in [answers]", metric);
    check_disjoint(out.agree, out.missing, *table.get("agree"), "agree", "missing", metric);
  }
  return ok ? std::optional(std::move(out)) : std::nullopt;
}

bool MappingReader::read_metric_columns(const toml::node& value, const Metric& metric, MetricMapping& out,
                                        bool options) {
  if (value.is_string()) {
    const auto columns = resolve_column(value, options);
    if (!columns) return false;
    for (const Audience group : {Audience::It, Audience::Marketing})
      if (metric.asked_of(group)) out.groups.push_back({group, *columns});
    return true;
  }
  const auto* table = value.as_table();
  if (!table || table->empty()) {
    errors_.add(code::wrong_type, value.source(),
                fmt::format("'column' takes a column, or a table of one column per group, not {}",
                            table ? "an empty table" : describe_type(value)),
                "write column = \"Q5\", or column = { it = \"Q5\", marketing = \"Q6\" }");
    return false;
  }
  bool ok = true;
  for (const Audience group : {Audience::It, Audience::Marketing}) {
    const toml::node* named = table->get(table_key(group));
    if (!named) continue;
    if (!metric.asked_of(group)) {
      ok = false;
      errors_.add(code::group_not_asked, named->source(), fmt::format("'{}' is not asked of {}", metric.id, group_of(group)),
                  fmt::format("the rules ask '{}' of {} only; leave {} out", metric.id,
                              group_of(group == Audience::It ? Audience::Marketing : Audience::It), table_key(group)));
      continue;
    }
    const auto columns = resolve_column(*named, options);
    ok &= columns.has_value();
    if (columns) out.groups.push_back({group, *columns});
  }
  for (auto&& [name, column] : *table)
    if (name.str() != "it" && name.str() != "marketing") {
      ok = false;
      report_unknown_key(name, "a metric's column table", kGroupNames);
    }
  return ok;
}

bool MappingReader::read_share(const toml::table& table, const Metric& metric, MetricMapping& out) {
  bool ok = true;
  for (const char* key : {"scale", "numbers"})
    if (const auto* value = table.get(key)) {
      ok = false;
      errors_.add(code::field_not_allowed, value->source(),
                  fmt::format("'{}' is a share: it counts agreeing answers, so it takes no '{}'", metric.id, key),
                  "say which answers count as yes, e.g. agree = [\"Agree\", \"Strongly agree\"]");
    }
  const toml::node* agree = table.get("agree");
  const toml::node* disagree = table.get("disagree");
  if (const toml::node* choice = table.get("choice")) {
    out.reading = Reading::Choice;
    if (agree || disagree) {
      errors_.add(code::bad_value, (agree ? agree : disagree)->source(),
                  fmt::format("'{}' gives both choice and {}", metric.id, agree ? "agree" : "disagree"),
                  "choice reads a \"choose all that apply\" question, agree a question with one answer: keep one");
      return false;
    }
    const auto text = read_text(toml::key("choice"), *choice, "\"CRM\"");
    if (text) out.choice = *text;
    return ok && text.has_value();
  }
  if (!agree) {
    errors_.add(code::missing_field, table.source(),
                fmt::format("'{}' is a share, and its mapping does not say which answers count as yes", metric.id),
                "add agree = [\"Agree\", \"Strongly agree\"], or choice = \"OPTION\" for a \"choose all that apply\" "
                "question");
    return false;
  }
  out.reading = Reading::Agree;
  if (auto answers = read_answer_list(toml::key("agree"), *agree)) {
    out.agree = *answers;
    if (out.agree.empty()) {
      ok = false;
      errors_.add(code::bad_value, agree->source(), "'agree' lists no answer",
                  "list the answers that count as yes, e.g. agree = [\"Agree\", \"Strongly agree\"]");
    }
  } else {
    ok = false;
  }
  if (disagree) {
    auto answers = read_answer_list(toml::key("disagree"), *disagree);
    ok &= answers.has_value();
    if (answers) out.disagree = *answers;
  }
  return ok;
}

bool MappingReader::read_coded(const toml::table& table, const Metric& metric, MetricMapping& out) {
  out.reading = Reading::Coded;
  bool ok = true;
  for (const char* key : {"agree", "disagree", "choice"})
    if (const auto* value = table.get(key)) {
      ok = false;
      errors_.add(code::field_not_allowed, value->source(),
                  fmt::format("'{}' is {}: it takes the mean of coded answers, so it takes no '{}'", metric.id,
                              scale_text(metric), key),
                  "code the answers with scale = \"NAME\" (a coding in [answers]) or scale = { \"Agree\" = 4, ... }");
    }
  const toml::node* scale = table.get("scale");
  if (scale) {
    if (auto coding = read_coding(*scale)) {
      out.coding = coding->coding;
      ok &= check_coding_range(coding->coding, coding->numbers, *scale, metric);
    } else {
      ok = false;
    }
  }
  const toml::node* numbers = table.get("numbers");
  if (numbers) {
    const auto flag = read_bool(toml::key("numbers"), *numbers);
    ok &= flag.has_value();
    out.coding.numbers = flag.value_or(false);
  } else {
    out.coding.numbers = !scale;  // without a coding, the answers are numbers
  }
  if (!scale && numbers && !out.coding.numbers) {
    errors_.add(code::missing_field, numbers->source(),
                fmt::format("'{}' is {}, and with numbers = false no answer can be read", metric.id, scale_text(metric)),
                "code its answers with scale = \"NAME\", or take numeric answers with numbers = true");
    ok = false;
  }
  return ok;
}

bool MappingReader::check_coding_range(const Coding& coding, const std::vector<const toml::node*>& numbers,
                                       const toml::node& used_at, const Metric& metric) {
  if (metric.kind != MetricKind::Scale) return true;
  bool ok = true;
  for (std::size_t i = 0; i < coding.labels.size(); ++i) {
    const auto& [label, value] = coding.labels[i];
    if (value >= metric.low && value <= metric.high) continue;
    ok = false;
    dsl::Diagnostic diag;
    diag.code = code::out_of_range;
    diag.message = fmt::format("'{}' is coded {}, outside '{}', {}", label, number_text(value), metric.id,
                               scale_text(metric));
    diag.where = errors_.where(numbers[i]->source());
    diag.help = fmt::format("code the answers of '{}' with numbers from {} to {}", metric.id, number_text(metric.low),
                            number_text(metric.high));
    if (errors_.where(used_at.source()) != diag.where)
      diag.notes.push_back({fmt::format("the coding is used for '{}' here", metric.id), errors_.where(used_at.source())});
    errors_.add(std::move(diag));
  }
  return ok;
}

void MappingReader::check_disjoint(const AnswerSet& a, const AnswerSet& b, const toml::node& at, std::string_view what_a,
                                   std::string_view what_b, const Metric& metric) {
  for (const auto& answer : a.written())
    if (b.contains(answer))
      errors_.add(code::bad_value, at.source(),
                  fmt::format("'{}' of '{}' is listed both as {} and as {}", answer, metric.id, what_a, what_b),
                  "an answer is read one way only; keep it in one list");
}

std::optional<MappingReader::NamedCoding> MappingReader::read_coding(const toml::node& value) {
  if (const auto* table = value.as_table()) return read_coding_table(*table);
  if (const auto* name = value.as_string()) {
    if (const auto found = codings_.find(name->get()); found != codings_.end()) return found->second;
    std::vector<std::string> names;
    for (const auto& [coding, labels] : codings_) names.push_back(coding);
    errors_.add(code::unknown_key, value.source(), fmt::format("no coding named '{}' in [answers]", name->get()),
                did_you_mean(name->get(), names,
                             names.empty() ? "define it in [answers], e.g. agree5 = { \"Disagree\" = 1, ... }"
                                           : fmt::format("the codings in [answers] are {}", joined(names))));
    return std::nullopt;
  }
  errors_.add(code::wrong_type, value.source(), fmt::format("'scale' takes a coding, not {}", describe_type(value)),
              "name a coding in [answers], scale = \"agree5\", or write one: scale = { \"Disagree\" = 1, \"Agree\" = 2 }");
  return std::nullopt;
}

std::optional<bool> MappingReader::read_bool(const toml::key& key, const toml::node& value) {
  if (const auto* flag = value.as_boolean()) return flag->get();
  errors_.add(code::wrong_type, value.source(), fmt::format("'{}' takes true or false, not {}", key.str(), describe_type(value)),
              fmt::format("write {} = true, without quotes", key.str()));
  return std::nullopt;
}

std::optional<std::string> MappingReader::read_text(const toml::key& key, const toml::node& value,
                                                    std::string_view example) {
  if (const auto* text = value.as_string(); text && !answer_key(text->get()).empty()) return text->get();
  errors_.add(code::wrong_type, value.source(),
              fmt::format("'{}' takes an answer as text, not {}", key.str(),
                          value.is_string() ? "a blank text" : describe_type(value)),
              fmt::format("write the answer option in double quotes, e.g. {} = {}", key.str(), example));
  return std::nullopt;
}

}  // namespace rapport::engine
