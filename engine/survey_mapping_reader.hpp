// Reading a survey mapping's tables from parsed TOML (survey_mapping.hpp), shared by the reader of the
// whole file and of its [metrics.*] tables. Private to engine/: toml++ stays out of the public headers.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "engine/profile_values.hpp"
#include "engine/survey_mapping.hpp"

namespace rapport::engine {

class MappingReader {
 public:
  MappingReader(const SurveyExport& survey, const RuleSet& rules, ProfileErrors& errors)
      : survey_(survey), rules_(rules), errors_(errors) {}

  void read_answers_table(const toml::table& table);  // [answers]: named lists, codings, `missing`
  void read_group(const toml::key& key, const toml::table& table);
  void read_metrics(const toml::key& key, const toml::table& table);  // [metrics.*]
  // After every table: the metrics in rule-set order.
  SurveyMapping& take() { return mapping_; }

 private:
  struct NamedCoding {
    Coding coding;
    std::vector<const toml::node*> numbers;  // each label's number, for range checks
  };

  std::optional<MetricMapping> read_metric(const toml::key& key, const toml::table& table);
  bool read_metric_columns(const toml::node& value, const Metric& metric, MetricMapping& out, bool options);
  bool read_share(const toml::table& table, const Metric& metric, MetricMapping& out);
  bool read_coded(const toml::table& table, const Metric& metric, MetricMapping& out);
  bool check_coding_range(const Coding& coding, const std::vector<const toml::node*>& numbers,
                          const toml::node& used_at, const Metric& metric);
  void check_disjoint(const AnswerSet& a, const AnswerSet& b, const toml::node& at, std::string_view what_a,
                      std::string_view what_b, const Metric& metric);

  // An answer list: an array of texts, or the name of a list in [answers].
  std::optional<AnswerSet> read_answer_list(const toml::key& key, const toml::node& value);
  // A coding: an inline table of label = number, or the name of one in [answers].
  std::optional<NamedCoding> read_coding(const toml::node& value);
  std::optional<NamedCoding> read_coding_table(const toml::table& table);
  std::optional<bool> read_bool(const toml::key& key, const toml::node& value);
  std::optional<std::string> read_text(const toml::key& key, const toml::node& value, std::string_view example);

  // The export columns a mapping's text names. `several` allows the option columns of one
  // SurveyMonkey question; otherwise the text must name exactly one column.
  std::optional<std::vector<std::size_t>> resolve_column(const toml::node& value, bool several);
  void report_unknown_key(const toml::key& key, std::string_view table, const std::vector<std::string>& allowed);

  const SurveyExport& survey_;
  const RuleSet& rules_;
  ProfileErrors& errors_;
  SurveyMapping mapping_;
  std::map<std::string, AnswerSet> lists_;
  std::map<std::string, NamedCoding> codings_;
};

}  // namespace rapport::engine
