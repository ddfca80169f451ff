// Reading --set settings (see whatif_set.hpp).
#include "cli/whatif_set.hpp"

#include <fmt/format.h>

#include <charconv>
#include <optional>
#include <string_view>

#include "cli/errors.hpp"
#include "cli/value_format.hpp"

namespace rapport::cli {

namespace {

constexpr const char* kExample = "e.g. --set it.satisfied_with_collaboration=40%";

// A decimal number and nothing else: "3", "-2.5", "0.40".
std::optional<double> decimal(std::string_view text) {
  double value = 0;
  const char* end = text.data() + text.size();
  const auto [stop, error] = std::from_chars(text.data(), end, value);
  if (text.empty() || error != std::errc() || stop != end) return std::nullopt;
  return value;
}

std::string asked_phrase(const engine::Metric& metric) {
  std::vector<std::string> groups;
  for (const auto audience : metric.asked) groups.push_back(audience_name(audience));
  std::string text;
  for (std::size_t i = 0; i < groups.size(); ++i) text += (i == 0 ? "" : i + 1 == groups.size() ? " and " : ", ") + groups[i];
  return text;
}

// How to write the metric as a target: "it.m or marketing.m", or "m".
std::string spellings(const engine::Metric& metric) {
  std::string text;
  for (std::size_t i = 0; i < metric.asked.size(); ++i) {
    const auto audience = metric.asked[i];
    const std::string name = audience == engine::Audience::Company ? metric.id : audience_key(audience) + "." + metric.id;
    text += (i == 0 ? "" : " or ") + name;
  }
  return text;
}

std::uint32_t target_slot(const engine::RuleSet& rules, const std::string& setting, const std::string& target) {
  const engine::Target found = engine::find_target(rules, target);
  if (found.slot) return *found.slot;
  const engine::TargetError& error = *found.error;
  using Kind = engine::TargetError::Kind;
  const std::string id = target.substr(target.find('.') == std::string::npos ? 0 : target.find('.') + 1);
  switch (error.kind) {
    case Kind::UnknownMetric: {
      std::string message = fmt::format("--set {}: these rules have no metric '{}'", setting, id);
      if (error.suggestion) message += fmt::format("; did you mean '{}'?", *error.suggestion);
      throw UsageError(message, "set a metric the rules declare: each .rules file lists them as `metric ID` blocks");
    }
    case Kind::UnknownGroup:
      throw UsageError(fmt::format("--set {}: '{}' is not a group; write it.{}, marketing.{}, or {} for a company metric",
                                   setting, target.substr(0, target.find('.')), id, id, id));
    case Kind::NotAskedOf:
    case Kind::NeedsGroup: {
      const engine::Metric& metric = rules.metrics[error.metric];
      if (metric.asked_of(engine::Audience::Company))
        throw UsageError(fmt::format("--set {}: '{}' is a company metric, not one of a group; write {}", setting,
                                     metric.id, metric.id));
      throw UsageError(fmt::format("--set {}: '{}' is asked of {}; write {}", setting, metric.id, asked_phrase(metric),
                                   spellings(metric)));
    }
  }
  throw UsageError("--set " + setting + ": not a metric of these rules");
}

// The value as the engine stores it; throws when it cannot be the metric's kind of value.
double value_of(const engine::Metric& metric, const std::string& setting, const std::string& text) {
  if (text == "unknown") return engine::kUnknown;
  const auto fail = [&](const std::string& why) { throw UsageError(fmt::format("--set {}: {}", setting, why)); };
  if (metric.kind == engine::MetricKind::Flag) {
    if (text == "true") return 1;
    if (text == "false") return 0;
    fail(fmt::format("'{}' is a flag; write true, false or unknown", metric.id));
  }
  const bool percent = !text.empty() && text.back() == '%';
  const auto number = decimal(percent ? std::string_view(text).substr(0, text.size() - 1) : std::string_view(text));
  if (!number) fail(fmt::format("'{}' is not a number; write a value such as {}, or unknown", text,
                                metric.kind == engine::MetricKind::Share ? "40% or 0.4" : "3.5"));
  if (percent && metric.kind != engine::MetricKind::Share)
    fail(fmt::format("'{}' is a {}, not a share: write it without %", metric.id, kind_key(metric.kind)));
  const double value = percent ? *number / 100 : *number;
  if (const auto bad = engine::check_value(metric, value)) {
    if (*bad == engine::ValueError::NotFinite) fail("the value must be a finite number");
    if (metric.kind == engine::MetricKind::Share && !percent && value > 1 && value <= 100)
      fail(fmt::format("a share is a fraction from 0 to 1 or a percentage; did you mean {}%?", text));
    if (metric.kind == engine::MetricKind::Share) fail(fmt::format("a share runs from 0% to 100%, so {} is out of range", text));
    fail(fmt::format("'{}' runs from {} to {}, so {} is out of range", metric.id, format_number(metric.low),
                     format_number(metric.high), text));
  }
  return value;
}

}  // namespace

std::vector<engine::Override> read_settings(const engine::RuleSet& rules, const std::vector<std::string>& settings) {
  std::vector<engine::Override> overrides;
  for (const auto& setting : settings) {
    const auto equals = setting.find('=');
    if (equals == std::string::npos || equals == 0 || equals + 1 == setting.size())
      throw UsageError(fmt::format("--set '{}': write TARGET=VALUE, {}", setting, kExample));
    const std::string target = setting.substr(0, equals);
    const std::uint32_t slot = target_slot(rules, setting, target);
    const engine::Metric& metric = rules.metrics[rules.slots[slot].metric];
    for (const auto& earlier : overrides)
      if (earlier.slot == slot) throw UsageError(fmt::format("--set {}: {} is set twice; keep one of them", setting, target));
    overrides.push_back({slot, value_of(metric, setting, setting.substr(equals + 1))});
  }
  return overrides;
}

}  // namespace rapport::cli
