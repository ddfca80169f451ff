// Reading one profile value from TOML: the TOML side of the checks in profile_checks.hpp, and the
// positioned errors they produce. Private to the profile loader (toml++ stays out of the public headers).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <toml++/toml.h>

#include "dsl/diagnostic.hpp"
#include "engine/model.hpp"
#include "engine/profile_checks.hpp"

namespace rapport::engine {

// Collects the profile's errors, each placed at a toml++ source region of the profile file.
class ProfileErrors {
 public:
  explicit ProfileErrors(std::string path) : path_(std::move(path)) {}

  const std::string& path() const { return path_; }
  dsl::Location where(const toml::source_region& region) const;
  void add(const char* code, const toml::source_region& at, std::string message, std::string help);
  void add(const char* code, dsl::Location at, std::string message, std::string help);
  void add(const ValueProblem& problem, const toml::source_region& at) {
    add(problem.code, at, problem.message, problem.help);
  }
  void add(dsl::Diagnostic diagnostic) { list_.push_back(std::move(diagnostic)); }  // with notes

  std::size_t size() const { return list_.size(); }

  bool empty() const { return list_.empty(); }
  dsl::Diagnostics take();

 private:
  std::string path_;
  dsl::Diagnostics list_;
};

// "a string", "an integer", "a table", ... for messages about the wrong type.
std::string describe_type(const toml::node& value);

// A TOML integer or float as a double; nothing for other types.
std::optional<double> as_number(const toml::node& value);

// The node as the format-independent checks see it.
WrittenValue written(const toml::node& value);

// The value `metric` takes from this node, normalised as the engine stores it (shares 0..1,
// flags 0/1), or nothing after adding an error: wrong type, not finite, or out of range.
std::optional<double> read_metric_value(const toml::node& value, const Metric& metric, ProfileErrors& errors);

}  // namespace rapport::engine
