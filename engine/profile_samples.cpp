// Group values given with their sample in TOML: { count = 3, n = 14 } or { value = 0.21, n = 14 } for a
// share, { mean = 3.4, sd = 0.9, n = 14 } for a scale or number. `rapport import` writes these; the
// statistics (confidence intervals, significance) read n, count and sd from them. The checks themselves
// are the format-independent ones of profile_checks.hpp.
#include <string>

#include <toml++/toml.h>

#include "engine/profile_checks.hpp"
#include "engine/profile_reader.hpp"
#include "engine/profile_values.hpp"

namespace rapport::engine {

void ProfileReader::read_sample(const toml::table& table, const Metric& metric, std::uint32_t slot) {
  constexpr ProfileFormat toml = ProfileFormat::Toml;
  const toml::node* n_node = nullptr;
  const toml::node* value_node = nullptr;
  WrittenSample sample;
  bool bad = false;
  for (auto&& [key, node] : table) {
    ValueProblem problem;
    const WrittenValue value = written(node);
    bool read = true;
    switch (sample_key(key.str(), metric.kind)) {
      case SampleKey::N:
        n_node = &node;
        read = (sample.n = check_sample_count(value, key.str(), metric, toml, problem)).has_value();
        break;
      case SampleKey::Count:
        read = (sample.count = check_sample_count(value, key.str(), metric, toml, problem)).has_value();
        break;
      case SampleKey::Value:
        value_node = &node;
        read = (sample.value = check_metric_value(value, metric, problem)).has_value();
        break;
      case SampleKey::Sd:
        read = (sample.sd = check_sample_sd(value, metric, toml, problem)).has_value();
        break;
      case SampleKey::Unknown:
        errors_.add(unknown_sample_key(key.str(), value, metric, toml), key.source());
        bad = true;
        continue;
    }
    if (!read) errors_.add(problem, node.source());
    bad |= !read;
  }
  if (bad) return;

  ValueProblem problem;
  SampleAt at = SampleAt::Whole;
  const auto checked = check_sample(sample, metric, toml, problem, at);
  if (!checked) {
    const toml::node& place = at == SampleAt::N ? *n_node : at == SampleAt::Value ? *value_node : table;
    return errors_.add(problem, place.source());
  }
  profile_.values.at(slot) = checked->first;
  profile_.samples.at(slot) = checked->second;
  sample_sizes_at_.at(slot) = errors_.where(n_node->source());
}

void ProfileReader::check_sample_sizes() {
  for (std::uint32_t s = 0; s < rules_.slots.size(); ++s)
    if (auto problem = check_sample_size(profile_, rules_, s))
      errors_.add(problem->code, sample_sizes_at_[s], problem->message, problem->help);
}

}  // namespace rapport::engine
