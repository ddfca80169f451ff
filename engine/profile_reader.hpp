// Reading the five profile tables from parsed TOML, shared by the profile loader and the rule tester
// (whose test cases hold the same tables). Private to engine/: toml++ stays out of the public headers.
#pragma once

#include <string>
#include <vector>

#include <toml++/toml.h>

#include "engine/model.hpp"
#include "engine/profile.hpp"
#include "engine/profile_values.hpp"

namespace rapport::engine {

// Fills a Profile from [company], [respondents], [it], [marketing] and [company_metrics], reporting
// every problem to `errors` at the place it was found. Values it is not given stay unknown.
class ProfileReader {
 public:
  struct Options {
    bool company_name_required = true;  // a profile names its client; a test case need not
    std::string table_prefix;           // how messages name the tables: "case." for [case.it]
  };

  ProfileReader(const RuleSet& rules, ProfileErrors& errors, Options options);

  // Reads one top-level key. Returns false, reporting nothing, when the key is not a profile table.
  bool read_table(const toml::key& key, const toml::node& value);
  bool saw_company() const { return has_company_; }
  // After every table is read: no question can have more answers than its group has respondents.
  void check_sample_sizes();
  Profile take() { return std::move(profile_); }

 private:
  std::string table_name(std::string_view name) const;  // "[it]", or "[case.it]" in a test case
  const toml::table* expect_table(const toml::key& key, const toml::node& value);
  void read_company(const toml::key& key, const toml::table& table);
  std::optional<std::string> read_string(const toml::key& key, const toml::node& value, std::string_view example);
  void read_assessed_on(const toml::node& value);
  void read_respondents(const toml::table& table);
  std::optional<int> read_count(const toml::key& key, const toml::node& value);
  void read_metric_values(const toml::table& table, Audience audience);
  void read_sample(const toml::table& table, const Metric& metric, std::uint32_t slot);
  void report_unknown_metric(const toml::key& key, Audience audience);
  void report_not_asked(const toml::key& key, const Metric& metric, Audience audience);

  const RuleSet& rules_;
  ProfileErrors& errors_;
  Options options_;
  Profile profile_;
  std::vector<dsl::Location> sample_sizes_at_;  // where each slot's n was written, for later checks
  bool has_company_ = false;
};

// Reports a TOML syntax error in plain words, with `help` on what the file should look like. Given the text
// of the error's line, a number beyond a double's range (1e999) is reported as not-finite at the number.
void report_toml_syntax(const toml::parse_error& error, ProfileErrors& errors, std::string help,
                        std::string_view line = {});

}  // namespace rapport::engine
