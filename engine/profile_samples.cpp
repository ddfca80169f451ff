// Group values given with their sample: { count = 3, n = 14 } or { value = 0.21, n = 14 } for a share,
// { mean = 3.4, sd = 0.9, n = 14 } for a scale or number. `rapport import` writes these; the
// statistics (confidence intervals, significance) read n, count and sd from them.
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <toml++/toml.h>

#include "dsl/diagnostic_codes.hpp"
#include "engine/profile_reader.hpp"
#include "engine/profile_values.hpp"

namespace rapport::engine {

namespace {

namespace code = dsl::code;

std::vector<std::string> keys_for(MetricKind kind) {
  if (kind == MetricKind::Share) return {"n", "count", "value"};
  return {"n", "mean", "sd"};
}

std::string example_for(const Metric& metric) {
  if (metric.kind == MetricKind::Share) return fmt::format("{} = {{ count = 3, n = 14 }}", metric.id);
  return fmt::format("{} = {{ mean = {}, sd = 0.9, n = 14 }}", metric.id, number_text((metric.low + metric.high) / 2));
}

}  // namespace

// A whole number of people: 0 or more (14.0 is read as 14).
std::optional<int> ProfileReader::read_sample_count(const toml::key& key, const toml::node& value,
                                                    const Metric& metric) {
  const auto number = as_number(value);
  if (!number || !std::isfinite(*number) || *number != std::floor(*number)) {
    errors_.add(code::wrong_type, value.source(),
                fmt::format("'{}' of '{}' must be a whole number of people, not {}", key.str(), metric.id,
                            number ? number_text(*number) : describe_type(value)),
                fmt::format("write a count without quotes, e.g. {} = 14", key.str()));
    return std::nullopt;
  }
  if (*number < 0 || *number > std::numeric_limits<int>::max()) {
    errors_.add(code::out_of_range, value.source(),
                fmt::format("'{}' of '{}' is {}, which is not a count of people", key.str(), metric.id,
                            number_text(*number)),
                fmt::format("write zero or more, e.g. {} = 14", key.str()));
    return std::nullopt;
  }
  return static_cast<int>(*number);
}

void ProfileReader::read_sample(const toml::table& table, const Metric& metric, std::uint32_t slot) {
  if (metric.kind == MetricKind::Flag) {
    errors_.add(code::wrong_type, table.source(),
                fmt::format("'{}' is a flag, so it takes true or false, not a table", metric.id),
                "write true or false, without quotes");
    return;
  }
  const bool share = metric.kind == MetricKind::Share;
  const auto allowed = keys_for(metric.kind);
  const toml::node* n_node = nullptr;
  const toml::node* value_node = nullptr;
  std::optional<int> n, count;
  std::optional<double> value, sd;
  bool bad = false;
  for (auto&& [key, node] : table) {
    const std::string name(key.str());
    if (name == "n") {
      n_node = &node;
      n = read_sample_count(key, node, metric);
      bad |= !n;
    } else if (share && name == "count") {
      count = read_sample_count(key, node, metric);
      bad |= !count;
    } else if ((share && name == "value") || (!share && name == "mean")) {
      value_node = &node;
      value = read_metric_value(node, metric, errors_);
      bad |= !value;
    } else if (!share && name == "sd") {
      const auto number = as_number(node);
      if (number && std::isfinite(*number) && *number >= 0) {
        sd = *number;
      } else {
        bad = true;
        errors_.add(number ? code::out_of_range : code::wrong_type, node.source(),
                    fmt::format("the standard deviation of '{}' must be a number of 0 or more, not {}", metric.id,
                                number ? number_text(*number) : describe_type(node)),
                    "write the sample standard deviation of the answers, e.g. sd = 0.9");
      }
    } else {
      bad = true;
      std::string help = did_you_mean(name, allowed, fmt::format("a {} sample takes {}", share ? "share's" : "value's",
                                                                 joined(allowed, " and ")));
      if (!share && name == "value") {
        const auto number = as_number(node);
        help = fmt::format("a {}'s sample gives its mean: write mean = {}",
                           metric.kind == MetricKind::Scale ? "scale" : "number", number ? number_text(*number) : "3.4");
      }
      errors_.add(code::unknown_key, key.source(), fmt::format("unknown key '{}' in the sample of '{}'", name, metric.id),
                  help);
    }
  }
  if (bad) return;

  const std::string example = example_for(metric);
  auto missing = [&](std::string message) {
    errors_.add(code::missing_field, table.source(), std::move(message), fmt::format("write e.g. {}", example));
  };
  if (!n) return missing(fmt::format("the sample of '{}' does not say how many answered (n)", metric.id));
  if (*n == 0)
    return errors_.add(code::bad_value, n_node->source(), fmt::format("'{}' has n = 0: nobody answered it", metric.id),
                       fmt::format("leave '{}' out: its value is unknown", metric.id));
  if (share) {
    if (count && value_node)
      return errors_.add(code::bad_value, value_node->source(),
                         fmt::format("'{}' gives both a count and a value", metric.id),
                         "keep one: count (how many agreed) is exact, value is a fraction");
    if (!count && !value) return missing(fmt::format("the sample of '{}' has neither a count nor a value", metric.id));
    if (count && *count > *n)
      return errors_.add(code::out_of_range, table.source(),
                         fmt::format("'{}' has count = {}, more than the {} who answered", metric.id, *count, *n),
                         "count is how many of the n respondents agreed, so it is at most n");
    if (count) value = static_cast<double>(*count) / *n;
  } else if (!value) {
    return missing(fmt::format("the sample of '{}' has no mean", metric.id));
  }
  profile_.values.at(slot) = *value;
  profile_.samples.at(slot) = Sample{n, count, sd};
  sample_sizes_at_.at(slot) = errors_.where(n_node->source());
}

void ProfileReader::check_sample_sizes() {
  for (std::uint32_t s = 0; s < rules_.slots.size(); ++s) {
    const auto& n = profile_.samples[s].n;
    const Audience group = rules_.slots[s].audience;
    const auto respondents = profile_.respondents(group);
    if (!n || !respondents || *n <= *respondents) continue;
    errors_.add(code::out_of_range, sample_sizes_at_[s],
                fmt::format("'{}' has n = {}, more than the {} respondents in {}", rules_.metrics[rules_.slots[s].metric].id,
                            *n, *respondents, group_of(group)),
                fmt::format("n counts the people in {} who answered this question, so it is at most {}",
                            group_of(group), *respondents));
  }
}

}  // namespace rapport::engine
